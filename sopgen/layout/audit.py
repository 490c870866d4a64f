"""A layout audit: what a careful reader of a flowchart page would mark, counted.

``audit(layout, style, measure)`` looks only at the finished geometry (pages of cells,
texts, symbols, arrows, connectors), so it judges whatever produced it. Hard counts
must be zero on every layout sopgen makes (the tests say so); soft counts describe
how tidy it is (``make bench`` prints them).

Hard: arrows through symbols, arrows crossing text (cell text and Ya/Tidak labels),
overlapping arrowheads (both heads of a two-way arrow count), arrows closer than
``GAP`` to another arrow running alongside, arrows on one line with another of a
different exit and target, overlapping it or ending closer than ``GAP`` to it (one line
to the eye: which way does the flow go?), arrows entering a decision off its
vertices, segments along a table line, labels away from their exit (not in the row of
the decision they leave, or far from the exit), labels touching or crossing a table
line (a lane or row line), text outside its cell.
Soft: labels outside the executors' lanes (over the Kegiatan column, say), labels
touching an arrowhead, a decision's label beyond the diamond's middle from the vertex
its exit leaves by (zero on the seed and the real fixtures, not yet on every crowded
page of the regressions); crossings between arrows, bends, pages.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields

from sopgen.layout.audit_labels import (
    across_decision,
    boxes_meet,
    head_boxes,
    lane_spans,
    within_own_lane,
)
from sopgen.layout.geometry import Arrow, Box, Page, ProcedureLayout, Symbol, Text
from sopgen.layout.style import Measure, Style

GAP = 2.0  # arrows running alongside each other keep at least this far apart (points)
LINE_CLEAR = 1.5  # a vertical segment closer than this to a column line runs on the line
# A horizontal run closer than this to a row line merges with the ruling at print size
# (a 6-pt row padding holds nothing further from both the line and the symbol than 3 pt).
ROW_LINE_CLEAR = 2.5
# A label's box lies within this distance of its exit point, plus the label's own width
# (a long agency word that cannot stand in half a lane goes beside the arrow's next
# segment, past the lane line).
LABEL_REACH = 16.0
LABEL_LINE_CLEAR = 0.5  # a label closer than this to a table line touches it (half-line width)
EPS = 0.01
ASCENT, DESCENT = 0.8, 0.2  # of the font size, above and below the baseline

Segment = tuple[tuple[float, float], tuple[float, float]]


@dataclass
class Audit:
    # hard
    through_symbols: int = 0
    crossing_text: int = 0
    overlapping_heads: int = 0
    too_close: int = 0
    sharing_track: int = 0
    decision_entries_off_vertex: int = 0
    along_table_lines: int = 0
    labels_away: int = 0
    labels_on_lines: int = 0
    text_outside_cell: int = 0
    # soft
    labels_outside_lanes: int = 0
    labels_in_other_lanes: int = 0
    labels_on_heads: int = 0
    labels_across_decision: int = 0
    crossings: int = 0
    bends: int = 0
    pages: int = 0
    notes: list[str] = field(default_factory=list)  # where each hard and label count came from

    HARD = (
        "through_symbols",
        "crossing_text",
        "overlapping_heads",
        "too_close",
        "sharing_track",
        "decision_entries_off_vertex",
        "along_table_lines",
        "labels_away",
        "labels_on_lines",
        "text_outside_cell",
    )
    # label faults still found on crowded pages (regressions, property seeds): counted and
    # printed (make bench), not yet zero everywhere
    LABELS = (
        "labels_outside_lanes",
        "labels_in_other_lanes",
        "labels_on_heads",
        "labels_across_decision",
    )
    SOFT = (*LABELS, "crossings", "bends", "pages")

    def hard(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in self.HARD}

    def soft(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in self.SOFT}

    def add(self, other: Audit) -> None:
        for f in fields(self):
            if f.name != "notes":
                setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))
        self.notes += other.notes


def audit(layout: ProcedureLayout, style: Style, measure: Measure) -> Audit:
    out = Audit(pages=len(layout.pages))
    for page in layout.pages:
        _page(page, style, measure, out)
    return out


def _flag(out: Audit, name: str, page: Page, what: str) -> None:
    setattr(out, name, getattr(out, name) + 1)
    out.notes.append(f"page {page.index + 1}: {name}: {what}")


def segments(points) -> list[Segment]:
    return list(zip(points, points[1:], strict=False))


def _page(page: Page, style: Style, measure: Measure, out: Audit) -> None:
    symbols = {f"step:{s.key}": s for s in page.symbols if not s.part}
    parts = [(f"step:{s.key}#{s.part}", s) for s in page.symbols if s.part]
    conns = {f"offpage:{c.label}": c for c in page.offpage}
    for a in page.arrows:
        out.bends += max(0, len(a.points) - 2)
        ends = {a.source, a.target}
        for seg in segments(a.points):
            for key, sym in [*symbols.items(), *parts]:
                if _hits_symbol(seg, sym):
                    _flag(out, "through_symbols", page, f"{a.source}->{a.target} {key}")
            for key, c in conns.items():
                if key not in ends and _hits_box(seg, c.box, EPS):
                    _flag(out, "through_symbols", page, f"{a.source}->{a.target} {key}")
        target, source = symbols.get(a.target), symbols.get(a.source)
        if a.head and target is not None and target.kind == "decision":
            if not _at_vertex(a.points[-1], target.box):
                _flag(out, "decision_entries_off_vertex", page, f"{a.source}->{a.target}")
        if a.both and source is not None and source.kind == "decision":  # its way back
            if not _at_vertex(a.points[0], source.box):
                _flag(out, "decision_entries_off_vertex", page, f"{a.target}->{a.source}")
    _texts(page, style, measure, out)
    _labels(page, style, measure, out)
    _pairs(page, style, out)
    _table_lines(page, out)


# --- symbols -------------------------------------------------------------------------


def _hits_box(seg: Segment, b: Box, shrink: float) -> bool:
    (x0, y0), (x1, y1) = seg
    return (
        min(x0, x1) < b.right - shrink
        and max(x0, x1) > b.x + shrink
        and min(y0, y1) < b.bottom - shrink
        and max(y0, y1) > b.y + shrink
    )


def _diamond_level(b: Box, x: float, y: float) -> float:
    return abs(x - b.cx) / (b.w / 2) + abs(y - b.cy) / (b.h / 2)


def _hits_symbol(seg: Segment, sym: Symbol) -> bool:
    """Does the segment enter the symbol's inside (touching its outline is fine: an
    arrow ends there)?"""
    b = sym.box
    if not _hits_box(seg, b, EPS):
        return False
    if sym.kind == "process":
        return True
    (x0, y0), (x1, y1) = seg
    # nearest point of the segment to the centre (the inside is convex and symmetric)
    nx = min(max(b.cx, min(x0, x1)), max(x0, x1))
    ny = min(max(b.cy, min(y0, y1)), max(y0, y1))
    if sym.kind == "decision":
        return _diamond_level(b, nx, ny) < 1 - 0.002
    r = min(b.w, b.h) / 2  # terminator: a capsule
    cx = min(max(nx, b.x + r), b.right - r)
    return math.hypot(nx - cx, ny - b.cy) < r - 0.02


def _at_vertex(p, b: Box) -> bool:
    vertices = ((b.cx, b.y), (b.right, b.cy), (b.cx, b.bottom), (b.x, b.cy))
    return any(abs(p[0] - vx) < EPS * 10 and abs(p[1] - vy) < EPS * 10 for vx, vy in vertices)


# --- text ----------------------------------------------------------------------------


def text_box(t: Text, measure: Measure) -> tuple[float, float, float, float]:
    w = measure(t.text, t.font, t.size)
    x0 = t.x - w / 2 if t.anchor == "middle" else t.x
    return x0, t.y - ASCENT * t.size, x0 + w, t.y + DESCENT * t.size


def label_box(a: Arrow, style: Style, measure: Measure) -> tuple[float, float, float, float]:
    lx, ly = a.label_at  # type: ignore[misc]
    w = measure(a.label or "", "regular", style.label_size)
    return lx, ly - ASCENT * style.label_size, lx + w, ly + DESCENT * style.label_size


def _seg_meets_rect(seg: Segment, r) -> bool:
    (x0, y0), (x1, y1) = seg
    return (
        min(x0, x1) < r[2] - EPS
        and max(x0, x1) > r[0] + EPS
        and min(y0, y1) < r[3] - EPS
        and max(y0, y1) > r[1] + EPS
    )


def _texts(page: Page, style: Style, measure: Measure, out: Audit) -> None:
    all_segments = [seg for a in page.arrows for seg in segments(a.points)]
    for t in page.texts:
        box = text_box(t, measure)
        if t.y >= page.table.y:
            cells = [
                c.box
                for c in page.cells
                if c.box.x <= t.x <= c.box.right and c.box.y <= t.y <= c.box.bottom
            ]
            cell = min(cells, key=lambda b: b.w * b.h) if cells else None
            if cell is None or not (
                box[0] >= cell.x - EPS
                and box[2] <= cell.right + EPS
                and box[1] >= cell.y - EPS
                and box[3] <= cell.bottom + EPS
            ):
                _flag(out, "text_outside_cell", page, repr(t.text))
        if any(_seg_meets_rect(seg, box) for seg in all_segments):
            _flag(out, "crossing_text", page, repr(t.text))


def _labels(page: Page, style: Style, measure: Measure, out: Audit) -> None:
    rows = {c.step: c.box for c in page.cells if c.role == "kegiatan" and c.step is not None}
    rulings = _rulings(page)
    row_of = {s.key: s.step for s in page.symbols}
    lanes = lane_spans(page)
    own_lanes = sorted({(c.box.x, c.box.right) for c in page.cells if c.role == "lane"})
    heads = head_boxes(page.arrows, style.arrowhead)
    diamonds: dict[str, list[Box]] = {}
    for s in page.symbols:
        if s.kind == "decision":
            diamonds.setdefault(f"step:{s.key}", []).append(s.box)
    for a in page.arrows:
        if not a.label or a.label_at is None:
            continue
        box = label_box(a, style, measure)
        for b in page.arrows:
            segs = segments(b.points)[1:] if b is a else segments(b.points)
            if any(_seg_meets_rect(seg, box) for seg in segs):
                _flag(out, "crossing_text", page, f"label {a.label!r} of {a.source}")
        # after an "in" connector that forks, a label stands after the fork
        exits = [a.points[0]]
        if a.source.startswith("offpage:"):
            exits += [b.points[0] for b in page.arrows if b.source == a.source and not b.tail]
        far = min(
            max(box[0] - x, x - box[2], 0.0) + max(box[1] - y, y - box[3], 0.0) for x, y in exits
        )
        source = int(a.source[5:]) if a.source.startswith("step:") else None
        row = rows.get(row_of.get(source, source)) if source is not None else None
        in_row = row is None or (box[1] >= row.y - EPS and box[3] <= row.bottom + EPS)
        if far > LABEL_REACH + box[2] - box[0] or not in_row:
            _flag(out, "labels_away", page, f"{a.label!r} of {a.source}")
        if any(_seg_meets_rect(seg, _grown(box, LABEL_LINE_CLEAR)) for seg in rulings):
            _flag(out, "labels_on_lines", page, f"{a.label!r} of {a.source}")
        if lanes and not any(x0 - EPS <= box[0] and box[2] <= x1 + EPS for x0, x1 in lanes):
            _flag(out, "labels_outside_lanes", page, f"{a.label!r} of {a.source}")
        elif not within_own_lane(box, a.points[0][0], own_lanes):
            # in the lanes, but across the line into a neighbour's: read as its label
            _flag(out, "labels_in_other_lanes", page, f"{a.label!r} of {a.source}")
        if any(boxes_meet(box, head) for head in heads):
            _flag(out, "labels_on_heads", page, f"{a.label!r} of {a.source}")
        if across_decision(box, a.points[0], diamonds.get(a.source, ())):
            _flag(out, "labels_across_decision", page, f"{a.label!r} of {a.source}")


def _grown(r, d: float):
    return r[0] - d, r[1] - d, r[2] + d, r[3] + d


def _rulings(page: Page) -> list[Segment]:
    """The table's lines on the page: every edge of every cell, once."""
    out: dict[Segment, None] = {}
    for c in page.cells:
        b = c.box
        corners = ((b.x, b.y), (b.right, b.y), (b.right, b.bottom), (b.x, b.bottom))
        for p, r in zip(corners, corners[1:] + corners[:1], strict=False):
            out[(min(p, r), max(p, r))] = None
    return list(out)


# --- arrows against arrows -----------------------------------------------------------


def _vertical(seg: Segment) -> bool:
    return seg[0][0] == seg[1][0]


def _overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    return min(max(a0, a1), max(b0, b1)) - max(min(a0, a1), min(b0, b1))


def _pairs(page: Page, style: Style, out: Audit) -> None:
    arrows = page.arrows
    segs = [(i, seg) for i, a in enumerate(arrows) for seg in segments(a.points)]
    for n, (i, s) in enumerate(segs):
        for j, t in segs[n + 1 :]:
            if i == j:
                continue
            joined = arrows[i].target == arrows[j].target and not (
                arrows[i].head and arrows[j].head
            )
            unrelated = arrows[i].target != arrows[j].target and (
                arrows[i].source,
                arrows[i].label,
            ) != (arrows[j].source, arrows[j].label)
            vs, vt = _vertical(s), _vertical(t)
            if vs == vt:
                k = 0 if vs else 1
                along = _overlap(s[0][1 - k], s[1][1 - k], t[0][1 - k], t[1][1 - k])
                if along > EPS and abs(s[0][k] - t[0][k]) < GAP - EPS:
                    _flag(out, "too_close", page, f"{arrows[i].source} / {arrows[j].source}")
                if along > -GAP + EPS and abs(s[0][k] - t[0][k]) < EPS and unrelated:
                    a, b = arrows[i], arrows[j]
                    what = f"{a.source}->{a.target} / {b.source}->{b.target}"
                    _flag(out, "sharing_track", page, what)
            elif _crosses(s, t, vs) and not joined:
                out.crossings += 1
    heads = [tip for a in arrows for tip in a.tips]  # a two-way arrow has two
    for n, p in enumerate(heads):
        for r in heads[n + 1 :]:
            if math.hypot(p[0] - r[0], p[1] - r[1]) < style.arrowhead:
                _flag(out, "overlapping_heads", page, f"{p} / {r}")


def arrow_crossings(arrows: Sequence[Arrow]) -> int:
    """How many times two arrows cross (not two that join into one target)."""
    segs = [(i, seg) for i, a in enumerate(arrows) for seg in segments(a.points)]
    out = 0
    for n, (i, s) in enumerate(segs):
        for j, t in segs[n + 1 :]:
            joined = arrows[i].target == arrows[j].target and not (
                arrows[i].head and arrows[j].head
            )
            vs = _vertical(s)
            if i != j and vs != _vertical(t) and _crosses(s, t, vs) and not joined:
                out += 1
    return out


def _crosses(s: Segment, t: Segment, s_vertical: bool) -> bool:
    v, h = (s, t) if s_vertical else (t, s)
    x, y = v[0][0], h[0][1]
    return (
        min(h[0][0], h[1][0]) + EPS < x < max(h[0][0], h[1][0]) - EPS
        and min(v[0][1], v[1][1]) + EPS < y < max(v[0][1], v[1][1]) - EPS
    )


# --- table lines ---------------------------------------------------------------------


def _lines(page: Page) -> tuple[set[float], set[float]]:
    xs: set[float] = set()
    ys: set[float] = set()
    for c in page.cells:
        xs.update((round(c.box.x, 3), round(c.box.right, 3)))
        ys.update((round(c.box.y, 3), round(c.box.bottom, 3)))
    return xs, ys


def _table_lines(page: Page, out: Audit) -> None:
    xs, ys = _lines(page)
    for a in page.arrows:
        for seg in segments(a.points):
            if _along(seg, xs, ys):
                _flag(out, "along_table_lines", page, f"{a.source}->{a.target} {seg}")


def _along(seg: Segment, xs: Iterable[float], ys: Iterable[float]) -> bool:
    (x0, y0), (x1, y1) = seg
    if x0 == x1:
        return abs(y1 - y0) > LINE_CLEAR and any(abs(x0 - x) < LINE_CLEAR for x in xs)
    return abs(x1 - x0) > LINE_CLEAR and any(abs(y0 - y) < ROW_LINE_CLEAR for y in ys)
