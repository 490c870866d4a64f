"""A PDF stream compressed through the process's memo (render/pdf/streams.py) is the
bytes zlib gives it, whatever was compressed before, and the memo stays bounded; an
array of numbers is written as ReportLab writes it."""

from __future__ import annotations

import zlib

import pytest
from reportlab.pdfbase import pdfdoc

from sopgen.render.pdf import streams


@pytest.fixture
def plain(monkeypatch):
    """ReportLab's own Flate encoding, nothing routed yet (restored after the test)."""
    own = pdfdoc.PDFStreamFilterZCompress.encode.__get__(pdfdoc.PDFZCompress)
    monkeypatch.setattr(pdfdoc.PDFZCompress, "encode", own)
    monkeypatch.setattr(streams, "_base", None)
    return own


def test_a_stream_is_compressed_as_zlib_compresses_it_whatever_came_before(plain):
    streams.install()
    encode = pdfdoc.PDFZCompress.encode
    page = "BT /F1 9 Tf 12 TL ET\n" * 40
    other = page.replace("F1", "F2")  # as long, other bytes
    streams.COMPRESSED.clear()
    assert encode(page) == zlib.compress(page.encode())
    assert not streams.COMPRESSED  # outside repeated(): compressed, not kept
    with streams.repeated():
        for text in (page, other, page, page.encode(), "q Q", other):
            data = text.encode() if isinstance(text, str) else text
            assert encode(text) == zlib.compress(data)
        assert zlib.decompress(encode(other)).decode() == other
    assert len(streams.COMPRESSED) == 2


def test_the_memo_forgets_when_full(monkeypatch):
    memo = streams._Compressed()
    monkeypatch.setattr(streams, "ROOM", 4000)
    blocks = [bytes([n]) * 1500 for n in range(5)]
    for block in blocks:
        assert memo.compress(block) == zlib.compress(block)
        assert memo.size <= 4000
    assert len(memo) < len(blocks)


def test_an_array_of_numbers_is_written_as_reportlab_writes_it_whatever_came_before():
    streams.install()
    arrays = [
        [0.0] * 40,
        [-0.0] * 40,  # equal to the one before, written otherwise
        [1] * 20 + [0.5] * 20,
        [1.0] * 20 + [0.5] * 20,
        [*range(250)],
        [0.0] * 40,
    ]
    for numbers in arrays:
        for cls in (pdfdoc.PDFArray, pdfdoc.PDFArrayCompact):
            array = cls(numbers)
            assert array.format(None) == streams._format_array(array, None)
    assert streams.ARRAYS


def test_a_route_installed_before_is_left_in_place(plain, monkeypatch):
    # the binder's kept streams (kept_streams.py) route to what they found: replacing
    # them would lose the streams the binder keeps
    def route(text):
        return plain(text)

    route._sop_page_streams = True
    monkeypatch.setattr(pdfdoc.PDFZCompress, "encode", route)
    streams.install()
    assert pdfdoc.PDFZCompress.encode is route
