"""Flowchart symbols from the closed outlines drawn in a table's executor columns.

The kind comes from the geometry alone, so any size, line width or producer reads alike:
a capsule (rounded ends) is a terminator, an axis-parallel four-corner outline a process,
a four-corner outline with its corners on the middles of its box a decision (diamond), a
five-corner outline an off-page connector (pentagon), a circle an on-page connector.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from sopgen.impor.pdf_body import PagePart
from sopgen.impor.pdf_geom import Outline, corners
from sopgen.impor.pdf_text import text_of

OUTSIDE = 70.0  # how far above or below the table a connector (or end) may be drawn


@dataclass
class Sym:
    """A symbol while the flow is read (becomes ir.Shape)."""

    kind: str
    page: int  # index into Part.pages
    row: int
    columns: tuple[int, ...]
    outline: Outline
    text: str = ""
    id: int = -1

    @property
    def cx(self) -> float:
        return self.outline.cx


def classify(o: Outline) -> str | None:
    w, h = o.w, o.h
    if min(w, h) < 3 or max(w, h) < 6:
        return None
    if o.curved:
        straight_h = max(
            (abs(b[0] - a[0]) for a, b in o.straight if abs(b[1] - a[1]) < 0.8), default=0.0
        )
        straight_v = max(
            (abs(b[1] - a[1]) for a, b in o.straight if abs(b[0] - a[0]) < 0.8), default=0.0
        )
        if straight_h >= 0.3 * w and straight_v >= 0.3 * h:
            return "process"  # a rectangle with rounded corners
        if abs(w - h) <= 0.15 * max(w, h) and max(straight_h, straight_v) < 0.2 * max(w, h):
            return "connector"  # a circle
        return "terminator"
    c = corners(o.pts)
    n = len(c)
    if n == 4:
        if all(
            abs(a[0] - b[0]) < 0.8 or abs(a[1] - b[1]) < 0.8
            for a, b in zip(c, c[1:] + c[:1], strict=True)
        ):
            return "process"
        tol = 0.2 * max(w, h)
        targets = [(o.cx, o.y0), (o.x1, o.cy), (o.cx, o.y1), (o.x0, o.cy)]
        if all(min(math.dist(p, t) for p in c) <= tol for t in targets):
            return "decision"
        return "process"  # a parallelogram or other box
    if n == 5:
        return "connector"
    if n == 6:
        return "process"
    if n >= 7:
        return "terminator"
    return None


def _columns(o: Outline, pp: PagePart) -> tuple[int, ...]:
    xs = pp.grid.xs
    out = []
    for c, k in enumerate(pp.executor):
        if k is None:
            continue
        a, b = xs[c], xs[c + 1]
        ov = min(o.x1, b) - max(o.x0, a)
        if ov > 0.35 * min(b - a, o.w):
            out.append(k)
    return tuple(out)


def _is_cell(o: Outline, pp: PagePart) -> bool:
    g = pp.grid

    def near(v, vals):
        return any(abs(v - x) < 2.5 for x in vals)

    return near(o.x0, g.xs) and near(o.x1, g.xs) and (near(o.y0, g.ys) or near(o.y1, g.ys))


def _row_at(pp: PagePart, y: float) -> int | None:
    """The row a symbol at height y belongs to: its band's row, else the nearest row of the
    page (an off-page connector in a band of its own or outside the table)."""
    rows = [(b.y0, b.y1, b.row) for b in pp.bands if b.row is not None]
    if not rows:
        return None
    for y0, y1, r in rows:
        if y0 <= y < y1:
            return r
    before = [r for y0, y1, r in rows if y1 <= y]
    if before and (y > pp.grid.bottom or not [r for y0, y1, r in rows if y0 >= y]):
        return before[-1]
    after = [r for y0, y1, r in rows if y0 >= y]
    return after[0] if after else before[-1]


def page_symbols(pp: PagePart, page_pos: int) -> list[Sym]:
    g = pp.grid
    out: list[Sym] = []
    for o in pp.geom.outlines:
        # unstroked fills are shading or white boxes behind labels, not symbols
        if not o.stroked or o.w > 0.6 * (g.right - g.left) or _is_cell(o, pp):
            continue
        if not (g.left - 2 <= o.cx <= g.right + 2):
            continue
        inside = pp.body_top - 1 <= o.cy <= g.bottom + 1
        if not inside and not (
            g.top - OUTSIDE <= o.cy < g.top or g.bottom < o.cy <= g.bottom + OUTSIDE
        ):
            continue
        kind = classify(o)
        if kind is None:
            continue
        cols = _columns(o, pp)
        if not cols:
            continue
        row = _row_at(pp, o.cy)
        if row is None:
            continue
        words = [w for w in pp.page.words if covers(o, kind, w.cx, w.cy)]
        if kind == "process" and _label_box(o, words):
            continue
        out.append(Sym(kind, page_pos, row, cols, o, text_of(words)))
    # one symbol per place: an outline drawn again inside another (a thick border
    # painted twice) is the same symbol
    kept: list[Sym] = []
    for s in sorted(out, key=lambda s: -(s.outline.w * s.outline.h)):
        if any(k.kind == s.kind and _overlap(k.outline, s.outline) > 0.5 for k in kept):
            continue
        kept.append(s)
    return kept


# what a decision's exit is labelled with
LABEL_WORDS = re.compile(
    r"^(ya|tidak|y|t|n|yes|no|ok|(tidak )?(sesuai|lengkap|setuju|valid|benar)|salah)[.!]?$",
    re.IGNORECASE,
)


def _label_box(o: Outline, words: list) -> bool:
    """A box drawn tight round a decision's label ('Ya' in a text box whose border was
    left on, as Word draws text boxes): a label, not a process symbol."""
    if not words or not LABEL_WORDS.match(" ".join(w.text for w in words)):
        return False
    x0, x1 = min(w.x0 for w in words), max(w.x1 for w in words)
    y0, y1 = min(w.top for w in words), max(w.bottom for w in words)
    return o.w <= x1 - x0 + 12 and o.h <= y1 - y0 + 10


def covers(o: Outline, kind: str, x: float, y: float) -> bool:
    """A point inside a symbol (1 pt of slack). A diamond's corners are outside it: an exit
    label printed there belongs to an arrow, not to the decision's text."""
    if not (o.x0 - 1 <= x <= o.x1 + 1 and o.y0 - 1 <= y <= o.y1 + 1):
        return False
    if kind != "decision" or o.curved:
        return True
    # |dx| / half-width + |dy| / half-height <= 1 inside a diamond
    hw, hh = max(o.w / 2, 0.5), max(o.h / 2, 0.5)
    return abs(x - o.cx) / (hw + 1) + abs(y - o.cy) / (hh + 1) <= 1.0


def _overlap(a: Outline, b: Outline) -> float:
    """Share of the smaller box covered by the other (1 = one inside the other)."""
    w = min(a.x1, b.x1) - max(a.x0, b.x0)
    h = min(a.y1, b.y1) - max(a.y0, b.y0)
    if w <= 0 or h <= 0:
        return 0.0
    return w * h / max(min(a.w * a.h, b.w * b.h), 1e-6)
