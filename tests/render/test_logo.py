"""The logo: `check` finds every problem a user can make, located at `instansi.logo`;
PNG, JPEG and SVG all print, with their proportions; no logo is one lint."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from sopgen.build import load_project, read_data
from sopgen.render.pdf.binder import build_pdfs

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "mini"
INK = (18, 52, 86)  # a colour nothing else in the binder uses

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 120">'
    '<rect x="0" y="0" width="100" height="120" fill="#123456"/></svg>'
)


def _png(size=(300, 360), fmt="PNG") -> bytes:
    image = Image.new("RGBA" if fmt == "PNG" else "RGB", size, INK)
    buf = io.BytesIO()
    image.save(buf, fmt)
    return buf.getvalue()


def _doc(tmp_path: Path, logo: str | None, files: dict[str, bytes] | None = None) -> Path:
    folder = tmp_path / "data" / "mini"
    shutil.copytree(MINI, folder)
    for name, data in (files or {}).items():
        (folder / name).write_bytes(data)
    if logo is not None:
        path = folder / "dokumen.yaml"
        text = path.read_text(encoding="utf-8")
        text = text.replace("  tempat: Contoh\n", f"  tempat: Contoh\n  logo: {logo}\n", 1)
        path.write_text(text, encoding="utf-8")
    return folder


def _logo_messages(folder: Path) -> list[str]:
    _, diagnostics = read_data(folder.parent)
    return [
        d.format().replace(str(folder.parent) + "/", "") for d in diagnostics if "logo" in d.message
    ]


def test_no_logo_is_said_once_as_a_lint(tmp_path):
    assert _logo_messages(_doc(tmp_path, None)) == [
        "mini/dokumen.yaml:2:1: peringatan: instansi.logo tidak diisi: Halaman Judul dan "
        "halaman identitas dicetak tanpa logo\n"
        "    cara memperbaiki: tambahkan 'logo: logo.png' di bagian instansi (berkas PNG, "
        "JPEG atau SVG di folder dokumen)"
    ]


BAD = [
    pytest.param(
        "logo.pgn",
        {"logo.png": _png()},
        "kesalahan: berkas logo 'logo.pgn' tidak ditemukan; maksud Anda 'logo.png'?\n"
        "    cara memperbaiki: berkas gambar di folder itu: logo.png",
        id="missing",
    ),
    pytest.param(
        "../../luar.png",
        {},
        "kesalahan: berkas logo '../../luar.png' berada di luar folder data (data)\n"
        "    cara memperbaiki: salin logo ke folder dokumen dan tulis namanya saja, mis. "
        "'logo: logo.png'",
        id="outside the data folder",
    ),
    pytest.param(
        "logo.png",
        {"logo.png": b"bukan gambar, hanya teks\n"},
        "kesalahan: berkas logo bukan gambar PNG, JPEG atau SVG\n"
        "    cara memperbaiki: simpan logo sebagai PNG (disarankan, latar transparan), JPEG "
        "atau SVG",
        id="not an image",
    ),
    pytest.param(
        "logo.svg",
        {"logo.svg": b'<svg xmlns="http://www.w3.org/2000/svg"><rect width="5"/></svg>'},
        "kesalahan: SVG logo tidak menyebut ukurannya (viewBox atau width/height)\n"
        "    cara memperbaiki: tambahkan atribut viewBox pada elemen <svg>, mis. "
        'viewBox="0 0 200 240"',
        id="svg without size",
    ),
    pytest.param(
        "logo.svg",
        {"logo.svg": b'<!DOCTYPE svg [<!ENTITY x "y">]><svg viewBox="0 0 1 1"/>'},
        "kesalahan: berkas SVG logo memuat DOCTYPE/ENTITY, yang tidak diterima demi keamanan\n"
        "    cara memperbaiki: simpan ulang logo sebagai 'Plain SVG' (mis. dari Inkscape) "
        "tanpa DOCTYPE",
        id="svg with entities",
    ),
    pytest.param(
        "kecil.png",
        {"kecil.png": _png((40, 48))},
        "peringatan: logo hanya 40x48 piksel: akan tampak kabur saat dicetak\n"
        "    cara memperbaiki: pakai gambar paling sedikit 150 piksel pada sisi terpanjang, "
        "atau SVG",
        id="too small",
    ),
]


@pytest.mark.parametrize("logo, files, expected", BAD)
def test_logo_problems_are_located(tmp_path, logo, files, expected):
    folder = _doc(tmp_path, logo, files)
    line = next(
        n
        for n, text in enumerate((folder / "dokumen.yaml").read_text().splitlines(), 1)
        if text.startswith("  logo:")
    )
    assert _logo_messages(folder) == [f"mini/dokumen.yaml:{line}:9: {expected}"]


def test_a_truncated_png_is_an_error(tmp_path):
    folder = _doc(tmp_path, "logo.png", {"logo.png": _png()[:200]})
    (message,) = _logo_messages(folder)
    assert ": kesalahan: berkas logo tampak PNG tetapi rusak atau terpotong (" in message
    assert "cara memperbaiki: ekspor ulang logo dari berkas aslinya" in message


def _ink_box(pdf: Path, tmp_path: Path) -> tuple[int, int]:
    """Width and height in pixels (at 72 dpi) of the logo's colour on the first page."""
    prefix = tmp_path / "page"
    subprocess.run(["pdftoppm", "-r", "72", "-png", "-f", "1", "-l", "1", pdf, prefix], check=True)
    image = Image.open(next(tmp_path.glob("page*.png"))).convert("RGB")
    distance = ImageChops.difference(image, Image.new("RGB", image.size, INK)).convert("L")
    box = distance.point(lambda v: 255 if v < 12 else 0).getbbox()
    assert box, "logo not drawn"
    return box[2] - box[0], box[3] - box[1]


@pytest.mark.parametrize(
    "name, data",
    [("logo.png", _png()), ("logo.jpg", _png(fmt="JPEG")), ("logo.svg", SVG.encode())],
    ids=["png", "jpeg", "svg"],
)
def test_png_jpeg_and_svg_print_with_their_proportions(tmp_path, name, data):
    folder = _doc(tmp_path, name, {name: data})
    assert _logo_messages(folder) == []
    project = load_project(folder)
    (binder, *_) = build_pdfs(project, tmp_path / "out")
    w, h = _ink_box(binder, tmp_path)
    assert abs(h / w - 1.2) < 0.05
    assert 60 <= h <= 120  # a few centimetres, whatever the file's pixel size
