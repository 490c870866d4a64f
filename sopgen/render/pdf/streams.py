"""What ReportLab writes again and again in a process's PDFs, made once.

ReportLab compresses every stream of a PDF with zlib as it writes the file: its pages,
and the font subsets it embeds with their character maps. The per-procedure PDFs a
process renders for a document embed the same subsets (``fonts`` keeps their programs)
and print pages that are often the same (a Lembar Pengesahan, under the same footer):
the same bytes were compressed again for each PDF, a sixth of its time. The compressed
bytes are a function of the bytes compressed, so they are kept by them here for the
PDFs written inside ``repeated()`` (render_procedure; bounded, forgotten all at once
when full; a binder's streams, all different, are not kept). Likewise an array of
numbers (a subset's 256 glyph widths, written number by number) is written once per
process for its numbers. The output is the same.
"""

from __future__ import annotations

import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager

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
_base = None  # the encoding this one routes to (ReportLab's own)
_on = threading.local()  # the PDFs being rendered inside ``repeated()``, in this thread


def _encode(text) -> bytes:
    """``PDFStreamFilterZCompress.encode``, through COMPRESSED inside ``repeated()``."""
    if not getattr(_on, "depth", 0):
        return _base(text)
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
    """Write ReportLab's arrays of numbers through ARRAYS, and route its streams' Flate
    encoding here (used inside ``repeated()``), from now on in this process. Not over
    another route installed before (the binder's kept streams, kept_streams.py: it
    routes to what it found, this one then included when installed first)."""
    global _base
    pdfdoc.PDFArray.format = _array
    current = pdfdoc.PDFZCompress.encode
    if _base is None and not getattr(current, "_sop_page_streams", False):
        _base = current
        pdfdoc.PDFZCompress.encode = _encode


@contextmanager
def repeated() -> Iterator[None]:
    """The streams of the PDFs written inside ``with`` (in this thread) are compressed
    through COMPRESSED (``install`` first)."""
    _on.depth = getattr(_on, "depth", 0) + 1
    try:
        yield
    finally:
        _on.depth -= 1
