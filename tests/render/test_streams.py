"""A PDF stream compressed through the process's memo (render/pdf/streams.py) is the
bytes zlib gives it, whatever was compressed before, and the memo stays bounded."""

from __future__ import annotations

import zlib

from reportlab.pdfbase import pdfdoc

from sopgen.render.pdf import streams


def test_a_stream_is_compressed_as_zlib_compresses_it_whatever_came_before():
    streams.compress_once()
    encode = pdfdoc.PDFZCompress.encode
    page = "BT /F1 9 Tf 12 TL ET\n" * 40
    other = page.replace("F1", "F2")  # as long, other bytes
    for text in (page, other, page, page.encode(), "q Q", other):
        data = text.encode() if isinstance(text, str) else text
        assert encode(text) == zlib.compress(data)
    assert zlib.decompress(encode(other)).decode() == other


def test_the_memo_forgets_when_full(monkeypatch):
    memo = streams._Compressed()
    monkeypatch.setattr(streams, "ROOM", 4000)
    blocks = [bytes([n]) * 1500 for n in range(5)]
    for block in blocks:
        assert memo.compress(block) == zlib.compress(block)
        assert memo.size <= 4000
    assert len(memo) < len(blocks)
