"""A kept flowchart page's content stream, compressed, kept between builds.

ReportLab compresses each page's content stream with zlib as it writes the PDF; in a
binder of kept pages that is most of what is left of writing it (a quarter of the
binder's time at 1000 procedures). A page's stream is its kept operators between what
the canvas adds around them (the page's start, the footer "Halaman x dari y"), so it is
the same as the last binder's whenever those are: the binder keeps, with each kept page
(kept.py), the digest of its whole stream as written and the compressed bytes, and a
stream whose bytes have a kept digest is not compressed again. zlib gives the same
bytes for the same bytes (the same zlib: its version is in the kept entry's format), so
the PDF is the same; a stream whose digest is not known is compressed as ever.
"""

from __future__ import annotations

import hashlib
import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager

from reportlab.pdfbase import pdfdoc

SMALLEST = 256  # shorter streams are compressed at once
VERSION = zlib.ZLIB_RUNTIME_VERSION
_ACTIVE = threading.local()


def digest(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


class PageStreams:
    """One binder's streams: ``known`` (digest -> compressed, from the kept pages),
    each page's digest as written (``page``, by the canvas) and what was compressed."""

    def __init__(self) -> None:
        self.known: dict[bytes, bytes] = {}
        self.pages: dict[int, bytes] = {}
        self.made: dict[bytes, bytes] = {}
        self._texts: dict[int, tuple[str, bytes]] = {}

    def page(self, index: int, text: str) -> None:
        """Page ``index`` has the stream ``text`` (before it is compressed)."""
        d = digest(text.encode("utf8"))
        self.pages[index] = d
        self._texts[id(text)] = (text, d)

    def of(self, index: int) -> tuple[bytes, bytes] | None:
        """(digest, compressed bytes) of page ``index``'s stream, as written."""
        d = self.pages.get(index)
        if d is None or d not in self.made:
            return None
        return d, self.made[d]

    def encode(self, text, compress) -> bytes:
        seen = self._texts.get(id(text))
        if seen is not None and seen[0] is text:
            d = seen[1]
        else:
            data = text.encode("utf8") if isinstance(text, str) else text
            if len(data) < SMALLEST:
                return compress(text)
            d = digest(data)
        z = self.known.get(d)
        if z is None:
            z = compress(text)
        self.made[d] = z
        return z


def _install() -> None:
    """Route ReportLab's Flate encoding through the active PageStreams (in this thread),
    over whatever encodes it now."""
    current = pdfdoc.PDFZCompress.encode
    if getattr(current, "_sop_page_streams", False):
        return

    def encode(text, _compress=current):
        streams = getattr(_ACTIVE, "streams", None)
        if streams is None:
            return _compress(text)
        return streams.encode(text, _compress)

    encode._sop_page_streams = True  # type: ignore[attr-defined]
    pdfdoc.PDFZCompress.encode = encode


@contextmanager
def active(streams: PageStreams | None) -> Iterator[None]:
    """Streams compressed inside ``with`` (in this thread) go through ``streams``."""
    if streams is None:
        yield
        return
    _install()
    saved = getattr(_ACTIVE, "streams", None)
    _ACTIVE.streams = streams
    try:
        yield
    finally:
        _ACTIVE.streams = saved
        streams._texts.clear()  # the pages' texts, held only while they are written
