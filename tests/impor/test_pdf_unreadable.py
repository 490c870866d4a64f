"""Files the PDF reader cannot read give one Indonesian message, never a traceback."""

from __future__ import annotations

import io

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from sopgen.impor.ir import UnreadableSource
from sopgen.impor.pdf import read_pdf


def _scan_like(path, with_image: bool = True) -> None:
    """A page with a picture and drawn boxes, but no text layer (what a scanner makes)."""
    c = canvas.Canvas(str(path), pagesize=A4)
    if with_image:
        # a tiny grey bitmap stretched over the page, as a scanned sheet
        c.drawImage(ImageReader(io.BytesIO(_grey_png())), 20, 20, 550, 800)
    c.rect(60, 500, 200, 100)
    c.line(60, 450, 400, 450)
    c.showPage()
    c.save()


def _grey_png() -> bytes:
    import struct
    import zlib

    w = h = 2
    raw = b"".join(b"\x00" + bytes([200, 200, 200] * w) for _ in range(h))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize("with_image", [True, False])
def test_pdf_without_text_layer_asks_for_ocr(tmp_path, with_image):
    path = tmp_path / "pindaian.pdf"
    _scan_like(path, with_image)
    with pytest.raises(UnreadableSource, match="OCR") as info:
        read_pdf(path)
    assert "gambar" in str(info.value)


def test_not_a_pdf(tmp_path):
    path = tmp_path / "bukan.pdf"
    path.write_bytes(b"PK\x03\x04 this is a zip, not a PDF" * 20)
    with pytest.raises(UnreadableSource, match="bukan berkas PDF"):
        read_pdf(path)


def test_missing_file(tmp_path):
    with pytest.raises(UnreadableSource, match="tidak dapat dibuka"):
        read_pdf(tmp_path / "tidak-ada.pdf")


@pytest.mark.parametrize("keep", [0.1, 0.3, 0.5, 0.7, 0.9])
def test_truncated_pdf(tmp_path, keep):
    """A download cut short: UnreadableSource or a partial read, never another exception."""
    source = tmp_path / "utuh.pdf"
    _text_pdf(source)
    data = source.read_bytes()
    cut = tmp_path / "terpotong.pdf"
    cut.write_bytes(data[: int(len(data) * keep)])
    try:
        read_pdf(cut)
    except UnreadableSource as e:
        assert str(e)


@pytest.mark.parametrize("seed", range(6))
def test_garbage_after_pdf_header(tmp_path, seed):
    import random

    rnd = random.Random(seed)
    path = tmp_path / "acak.pdf"
    path.write_bytes(b"%PDF-1.4\n" + bytes(rnd.randrange(256) for _ in range(4000)))
    with pytest.raises(UnreadableSource):
        read_pdf(path)


def test_corrupted_content_stream(tmp_path):
    """Bytes flipped inside a real PDF: no traceback."""
    import random

    source = tmp_path / "utuh.pdf"
    _text_pdf(source)
    data = bytearray(source.read_bytes())
    rnd = random.Random(7)
    for _ in range(5):
        for _ in range(40):
            i = rnd.randrange(len(data))
            data[i] = rnd.randrange(256)
        path = tmp_path / "rusak.pdf"
        path.write_bytes(bytes(data))
        try:
            read_pdf(path)
        except UnreadableSource:
            pass


def test_pdf_with_text_but_no_sop_table(tmp_path):
    path = tmp_path / "surat.pdf"
    _text_pdf(path)
    with pytest.raises(UnreadableSource, match="tabel flowchart SOP tidak ditemukan"):
        read_pdf(path)


def _text_pdf(path) -> None:
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 11)
    for i in range(30):
        c.drawString(60, 780 - 20 * i, f"Baris teks biasa nomor {i}, bukan tabel SOP.")
    c.showPage()
    c.save()
