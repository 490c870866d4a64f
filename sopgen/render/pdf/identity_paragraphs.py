"""The front pages' paragraphs, made once per process and wrapped once per width.

Every procedure's PDF of a document repeats the document's identity page (its own title
and Nomor, the rest the same), and fitting it (``identity_fit``) sets it in several
tiers and splits of the width. Made fresh for each PDF, the same Dasar Hukum items were
parsed again and broken into lines again at the same widths, hundreds of times a build:
most of a per-procedure PDF's CPU (and so for its Lembar Pengesahan, the document's, in
every PDF: ``front``). ``paragraph(text, style, bulletText)`` gives the one
``SharedParagraph`` of that text in that style, and a ``SharedParagraph`` keeps what
each width it was wrapped at gave (ReportLab's wrap gives the same lines for the same
text, style and width however often it runs), so drawing it is all a later PDF pays.

A platypus flowable is wrapped right before it is drawn (frames, tables and the
identity page's own flowables all do), so one instance can stand in several places and
several PDFs: each wrap restores what that width gave. A paragraph that is split
(between its lines, across a page) is taken out of the cache first: ReportLab's split
may change its fragments. One PDF at a time per process, as sopgen renders them (worker
processes; ``serve`` builds one after the other): two threads drawing the same shared
paragraph at once could each find the other's lines.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from sopgen.memo import Memo

# what Paragraph.wrap (and the breakLines it calls) leave on the paragraph
WRAP_STATE = (
    "width",
    "height",
    "blPara",
    "frags",
    "_wrapWidths",
    "_width_max",
    "_splitLongWordCount",
    "_hyphenations",
)

# (text, style, bulletText) -> the paragraph; cleared when full (a document's identity
# page holds a few hundred, set in up to three tiers, plus each procedure's title)
SHARED = Memo(4096)


class SharedParagraph(Paragraph):
    """A Paragraph that remembers, per width, what wrapping it gave (see above)."""

    _sop_key: tuple | None = None

    def wrap(self, availWidth, availHeight):
        wraps = self.__dict__.get("_sop_wraps")
        if wraps is None:
            wraps = self._sop_wraps = {}
        hit = wraps.get(availWidth)
        if hit is not None:
            size, state = hit
            self.__dict__.update(state)
            return size
        size = super().wrap(availWidth, availHeight)
        state = {k: self.__dict__[k] for k in WRAP_STATE if k in self.__dict__}
        wraps[availWidth] = (size, state)
        return size

    def split(self, availWidth, availHeight):
        if self._sop_key is not None and SHARED.get(self._sop_key) is self:
            del SHARED[self._sop_key]
        self._sop_key = None
        self._sop_wraps = {}
        return super().split(availWidth, availHeight)


def paragraph(text: str, style: ParagraphStyle, bulletText: str | None = None) -> Paragraph:
    """The shared paragraph of ``text`` in ``style`` (with ``bulletText``)."""
    key = (text, style, bulletText)
    p = SHARED.get(key)
    if p is None:
        SHARED.make_room()
        p = SHARED[key] = SharedParagraph(text, style, bulletText=bulletText)
        p._sop_key = key
    return p
