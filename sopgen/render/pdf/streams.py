"""What ReportLab writes again and again in a process's PDFs, made once.

ReportLab compresses every stream of a PDF with zlib as it writes the file: its pages,
and the font subsets it embeds with their character maps. The per-procedure PDFs a
process renders for a document embed the same subsets (``fonts`` keeps their programs)
and print pages that are often the same (a Lembar Pengesahan, under the same footer):
the same bytes were compressed again for each PDF, a sixth of its time. The compressed
bytes are a function of the bytes compressed, so they are kept by them here (bounded;
forgotten all at once when full). Likewise an array of numbers (a subset's 256 glyph
widths, written number by number) is written once per process for its numbers. The
output is the same.
"""

from __future__ import annotations

import zlib

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc

from sopgen.memo import Memo

SMALLEST = 256  # shorter streams are compressed at once (a page's footer, a stub)
ROOM = 24 * 2**20  # bytes of streams kept, compressed and not


class _Compressed(dict):
    size = 0

    def compress(self, data: bytes) -> bytes:
        got = self.get(data)
        if got is None:
            got = zlib.compress(data)
            if self.size + len(data) + len(got) > ROOM:
                self.clear()
                self.size = 0
            self[data] = got
            self.size += len(data) + len(got)
        return got


COMPRESSED = _Compressed()


def _encode(text) -> bytes:
    """``PDFStreamFilterZCompress.encode``, through COMPRESSED."""
    data = text.encode("utf8") if isinstance(text, str) else text
    if len(data) < SMALLEST:
        return zlib.compress(data)
    return COMPRESSED.compress(bytes(data))


# (the array's class, the numbers' reprs) -> the array as written; cleared when full
ARRAYS = Memo(256)
_format_array = pdfdoc.PDFArray.format


def _array(self, document, IND=b"\n "):
    """``PDFArray.format``, through ARRAYS when every item is a number (written the
    same in every document) and there are many."""
    items = self.sequence
    if len(items) < 32 or not all(type(x) in (int, float) for x in items):
        return _format_array(self, document, IND)
    key = (type(self), IND, rl_config.pdfMultiLine, repr(items))
    got = ARRAYS.get(key)
    if got is None:
        ARRAYS.make_room()
        got = ARRAYS[key] = _format_array(self, document, IND)
    return got


def install() -> None:
    """Compress ReportLab's streams and write its arrays of numbers through the memos
    (from now on, in this process)."""
    pdfdoc.PDFZCompress.encode = _encode
    pdfdoc.PDFArray.format = _array
