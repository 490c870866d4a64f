"""PDF streams a process compresses again and again, compressed once.

ReportLab compresses every stream of a PDF with zlib as it writes the file: its pages,
and the font subsets it embeds with their character maps. The per-procedure PDFs a
process renders for a document embed the same subsets (``fonts`` keeps their programs)
and print pages that are often the same (a Lembar Pengesahan, under the same footer):
the same bytes were compressed again for each PDF, a sixth of its time. The compressed
bytes are a function of the bytes compressed, so they are kept by them here (bounded;
forgotten all at once when full): the output is the same.
"""

from __future__ import annotations

import zlib

from reportlab.pdfbase import pdfdoc

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


def compress_once() -> None:
    """Compress ReportLab's streams through the memo (from now on, in this process)."""
    pdfdoc.PDFZCompress.encode = _encode
