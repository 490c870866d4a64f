"""Flowables every per-procedure PDF of a document draws alike, drawn once per process.

The procedures of a document print the same identity rows (Dasar Hukum | Kualifikasi
Pelaksana...) under their own titles, and the same Lembar Pengesahan: a worker rendering
a document's PDFs drew them again for each, in most of a PDF's time. A flowable whose
drawing is decided by a key (what it prints and its sizes) now records its operators the
first time it is drawn in this process (``kept.Capture``, as the binder keeps its
flowchart pages) and writes them again where the document being drawn gives the same
fonts' names and codes (``kept.fits``: characters new to the document are given their
codes exactly as drawing would give them) and the same graphics state. A flowable's
operators are written after ``drawOn`` moved the origin to its place, so its place on
the page is not part of that state. The bytes are those of drawing it, whatever was
kept; a drawing that did anything but write operators and use the fonts is not kept.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Hashable

from reportlab.pdfgen.canvas import Canvas

from sopgen.memo import Memo
from sopgen.render.pdf.kept import Capture, entry_state, fits

# the canvas's state but where the origin stands (drawOn's translation)
_STATE = [n for n in Canvas.STATE_ATTRIBUTES if n not in ("_extgstate", "_currentMatrix")]

# (key, state) -> (the drawing as kept, its operators); cleared when full (a document's
# rows, their parts and its signatures: a few entries of tens of kilobytes each)
DRAWN = Memo(128)


def _state(canv: Canvas) -> tuple:
    """The graphics state a drawing begins in, but the origin, and what the document
    gives names to as it is first used (transparency states, spot colours)."""
    d = canv.__dict__
    return (
        repr([d[name] for name in _STATE]),
        repr(sorted(canv._extgstate._d.items())),
        repr(sorted(canv._extgstate._c.items())),
        repr(sorted(canv._colorsUsed)),
        repr(sorted(canv._shadingUsed)),
    )


def draw_kept(canv: Canvas, key: Hashable | None, draw: Callable[[], object]) -> None:
    """``draw()`` (a flowable's own drawing on ``canv``, its origin already placed), or
    the operators it wrote when last drawn under ``key`` in the same state, where they
    are what it would write now. ``key`` None: always drawn."""
    if key is None or "getInternalFontName" in canv._doc.__dict__:
        draw()  # no key, or inside a drawing being recorded (kept.Capture): drawn
        return
    at = (key, _state(canv))
    kept = DRAWN.get(at)
    if kept is not None:
        page, ops = kept
        here = copy.copy(page)  # fits compares the whole state: here, with the origin
        object.__setattr__(here, "entry", entry_state(canv))
        if fits(canv, here):
            canv._code.extend(ops)
            return
    start = len(canv._code)
    with Capture(canv) as capture:
        draw()
    page = capture.page(0.0, 0.0, 0.0, 0.0, False)
    if page is not None:
        DRAWN.make_room()
        DRAWN[at] = (page, tuple(canv._code[start:]))
