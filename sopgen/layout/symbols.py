"""One symbol per model node (several may share a row): its kind, its executor
column(s), its size, its place in the row, its text, and points on its outline where
arrows may start or end."""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass

from sopgen.layout.columns import Columns, LaneNeed, single_width
from sopgen.layout.geometry import Box, Point, Symbol, SymbolKind, Text
from sopgen.layout.label_places import label_lane_need
from sopgen.layout.style import Measure, Style
from sopgen.layout.text import ASCENT, wrap
from sopgen.model import Prosedur
from sopgen.model.flow import SymbolRef, symbols

OUTER_CHANNEL = 2.5  # track gaps kept free beside a box over every lane
TEKS_SIZE = 6.0  # the short text inside a symbol (SymbolRef.teks)
TEKS_LEADING = 6.8
TEKS_PAD = 2.0  # room between the text and the outline
# A single line in a terminator reaches into its round ends: at the line's half height
# (about 3 pt of a 6 pt text) the ends leave all but ~0.35 h of the width (a chord of a
# circle of diameter h); several lines keep the wider margin (0.6 h).
ONE_LINE_INSET = 0.35


@dataclass(frozen=True)
class SymbolPlan:
    """A symbol (one model node) before its row has a y: its place across the lanes,
    its size, where its centre sits from the middle of the row (``dy``: symbols of one
    lane in one row stack), its wrapped text, and for a joint step over lanes that are
    not neighbours the extra boxes, one per further lane (joined by a plain line)."""

    node: int
    step: int  # the row
    kind: SymbolKind
    x: float
    w: float
    h: float
    columns: tuple[int, ...]
    dy: float = 0.0
    lines: tuple[str, ...] = ()
    parts: tuple[tuple[float, int], ...] = ()  # (x, lane) of further boxes, same w and h

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    def place(self, row_top: float, row_h: float) -> list[Symbol]:
        """The symbol (first) and its further boxes, centred on the row's middle + dy."""
        top = row_top + row_h / 2 + self.dy - self.h / 2
        box = Box(self.x, top, self.w, self.h)
        out = [Symbol(self.step, self.kind, box, self.columns, self.node, teks_texts(self, box))]
        prev = box
        for k, (x, lane) in enumerate(self.parts, start=1):
            part = Box(x, top, self.w, self.h)
            link = ((prev.right, prev.cy), (part.x, part.cy))
            texts = teks_texts(self, part)
            out.append(Symbol(self.step, self.kind, part, (lane,), self.node, texts, k, link))
            prev = part
        return out


def teks_texts(plan: SymbolPlan, box: Box) -> tuple[Text, ...]:
    """The symbol's text lines, centred in its box (baselines like cell text)."""
    if not plan.lines:
        return ()
    n = len(plan.lines)
    top = box.cy - n * TEKS_LEADING / 2
    first = top + (TEKS_LEADING - TEKS_SIZE) / 2 + ASCENT * TEKS_SIZE
    return tuple(
        Text(box.cx, first + k * TEKS_LEADING, line, "regular", TEKS_SIZE, "middle")
        for k, line in enumerate(plan.lines)
        if line
    )


def executor_columns(executors: tuple[str, ...], pelaksana: list[str]) -> tuple[int, ...]:
    """Sorted lane indexes of the symbol's executors; unknown names are ignored (the
    check stage reports them) and a symbol with none falls back to the first lane."""
    found = sorted({pelaksana.index(name) for name in executors if name in pelaksana})
    return tuple(found) or (0,)


def stack_gap(style: Style) -> float:
    """Room between two symbols stacked in one lane of one row: an arrow between them."""
    return 2 * style.row_min_pad


def plan_symbols(
    prosedur: Prosedur, columns: Columns, style: Style, measure: Measure | None = None
) -> list[SymbolPlan]:
    """One plan per model node (``symbols(prosedur)``), in node order."""
    plans = [_plan(ref, prosedur.pelaksana, columns, style, measure) for ref in symbols(prosedur)]
    return stack(plans, style)


def _plan(
    ref: SymbolRef, pelaksana: list[str], columns: Columns, style: Style, measure
) -> SymbolPlan:
    lanes = columns.lanes
    bw = single_width(columns.lane_w, style)
    kind: SymbolKind = ref.kind  # type: ignore[assignment]
    cols = executor_columns(ref.executors, pelaksana)
    neighbours = cols[-1] - cols[0] == len(cols) - 1
    first, last = (cols[0], cols[-1]) if neighbours else (cols[0], cols[0])
    left = lanes[first].x + (lanes[first].w - bw) / 2
    right = lanes[last].right - (lanes[last].w - bw) / 2
    if kind != "decision" and first == 0 and last == len(lanes) - 1 > 0:
        # a box over every lane leaves a channel of two tracks beside it on each side
        # (arrows passing it would otherwise hug the table's outer lines)
        inset = max(0.0, OUTER_CHANNEL * style.track_gap - (lanes[first].w - bw) / 2)
        left = left + inset
        right = right - max(0.0, OUTER_CHANNEL * style.track_gap - (lanes[last].w - bw) / 2)
    parts = () if neighbours else tuple((lanes[c].x + (lanes[c].w - bw) / 2, c) for c in cols[1:])
    if kind == "decision":
        # A joint decision stays a square diamond, centred in its span; when that
        # centre is a lane border (an even span), in the lane left of it.
        size = min(style.decision, bw)
        cx = (left + right) / 2 if (last - first) % 2 == 0 else lanes[(first + last) // 2].cx
        if parts:
            parts = tuple((lanes[c].cx - size / 2, c) for c in cols[1:])
        x, w, h = cx - size / 2, size, size * style.decision_ratio
    else:
        x, w, h = left, right - left, min(bw * style.box_ratio, style.symbol_h)
    lines: tuple[str, ...] = ()
    if ref.teks and measure is not None:
        if kind == "decision" and not parts:  # a diamond with text takes its lane's room
            cx = x + w / 2
            w = max(w, min(columns.lane_w - 2 * style.lane_gutter_min, style.decision))
            x = cx - w / 2
        lines, h = fit_teks(kind, ref.teks, w, h, measure)
    return SymbolPlan(ref.node, ref.row, kind, x, w, h, cols, 0.0, lines, parts)


def teks_lane_need(prosedur: Prosedur, style: Style, measure: Measure) -> float:
    """The lane width the symbols' texts ask for (0.0 without texts): a box's longest
    word with its padding; a diamond's twice that (a text block half as wide as the
    diamond leaves it half its height: two lines in a flat diamond), beside the gutters."""
    return max((_teks_need(ref, style, measure) for ref in symbols(prosedur)), default=0.0)


def _teks_need(ref: SymbolRef, style: Style, measure: Measure) -> float:
    if not ref.teks or not ref.teks.split():
        return 0.0
    word = max(measure(w, "regular", TEKS_SIZE) for w in ref.teks.split()) + 2 * TEKS_PAD
    inner = 2 * word if ref.kind == "decision" else word
    return inner + 2 * style.lane_gutter_min


def lane_needs(prosedur: Prosedur, style: Style, measure: Measure) -> tuple[LaneNeed, ...]:
    """What each executor's lane asks for itself (columns.lane_widths): the texts of the
    symbols in it, and room for a decision's labels beside a line down the middle of
    the lane the diamond stands in (label_places.label_lane_need)."""
    teks = [0.0] * len(prosedur.pelaksana)
    labels = [0.0] * len(prosedur.pelaksana)
    for ref in symbols(prosedur):
        cols = [c for c in executor_columns(ref.executors, prosedur.pelaksana) if c < len(teks)]
        for c in cols:
            teks[c] = max(teks[c], _teks_need(ref, style, measure))
        if ref.kind == "decision" and ref.labels and cols:
            neighbours = cols[-1] - cols[0] == len(cols) - 1
            lane = (cols[0] + cols[-1]) // 2 if neighbours else cols[0]
            for label in ref.labels:
                if label:
                    labels[lane] = max(labels[lane], label_lane_need(label, style, measure))
    return tuple(LaneNeed(t, lb) for t, lb in zip(teks, labels, strict=True))


def fit_teks(
    kind: str, teks: str, w: float, h: float, measure: Measure
) -> tuple[tuple[str, ...], float]:
    """The symbol's text wrapped to fit inside it, and its height, grown when the text
    needs it. A diamond holds a w' x h' block when w'/w + h'/h <= 1: the width that
    needs the least height wins."""
    one = " ".join(teks.split())
    if (
        kind == "terminator"
        and "\n" not in teks.strip()
        and measure(one, "regular", TEKS_SIZE) <= w - h * ONE_LINE_INSET
    ):
        return (one,), max(h, TEKS_LEADING + 2 * TEKS_PAD)  # 'Mulai' whole, not 'Mu-lai'
    if kind != "decision":
        room = w - h * 0.6 if kind == "terminator" else w - 2 * TEKS_PAD
        lines = tuple(wrap(teks, max(room, 1.0), "regular", TEKS_SIZE, measure))
        return lines, max(h, len(lines) * TEKS_LEADING + 2 * TEKS_PAD)
    best: tuple[float, tuple[str, ...]] | None = None
    for share in (0.85, 0.75, 0.65, 0.55, 0.45):
        lines = tuple(wrap(teks, w * share, "regular", TEKS_SIZE, measure))
        widest = max((measure(line, "regular", TEKS_SIZE) for line in lines), default=0.0)
        need = (len(lines) * TEKS_LEADING + TEKS_PAD) / max(1e-6, 1 - (widest + TEKS_PAD) / w)
        if best is None or need < best[0] - 1e-6:
            best = (need, lines)
    assert best is not None
    return best[1], max(h, best[0])


def _span(plan: SymbolPlan) -> tuple[int, int]:
    return plan.columns[0], plan.columns[-1]


def stack(plans: list[SymbolPlan], style: Style) -> list[SymbolPlan]:
    """Symbols of one row whose lanes overlap stack vertically (in node order); the
    stacks stand side by side."""
    gap = stack_gap(style)
    out = list(plans)
    for row in sorted({p.step for p in plans}):
        members = [i for i, p in enumerate(plans) if p.step == row]
        groups: list[list[int]] = []
        for i in members:
            lo, hi = _span(plans[i])
            hit = [g for g in groups if any(_overlaps((lo, hi), _span(plans[j])) for j in g)]
            merged = [j for g in hit for j in g] + [i]
            groups = [g for g in groups if g not in hit] + [sorted(merged)]
        # The first symbol of every stack stands on one line (straight arrows between
        # side-by-side symbols); the rest of a stack hangs below it; the whole block
        # is centred in the row.
        centre: dict[int, float] = {}
        for g in groups:
            y = -plans[g[0]].h / 2
            for i in g:
                centre[i] = y + plans[i].h / 2
                y += plans[i].h + gap
        top = min(centre[i] - plans[i].h / 2 for i in members)
        bottom = max(centre[i] + plans[i].h / 2 for i in members)
        shift = -(top + bottom) / 2
        for i in members:
            out[i] = dataclasses.replace(plans[i], dy=centre[i] + shift)
    return out


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def row_symbol_height(plans: list[SymbolPlan]) -> float:
    """Height the symbols of one row take (stacks included)."""
    if not plans:
        return 0.0
    return max(p.dy + p.h / 2 for p in plans) - min(p.dy - p.h / 2 for p in plans)


# --- outline points ------------------------------------------------------------------
# Sides: "top", "bottom" take an x offset from the centre; "left", "right" a y offset.


def offset_limit(kind: str, box: Box, side: str) -> float:
    """How far from the side's middle an anchor may sit."""
    if side in ("top", "bottom"):
        if kind == "decision":
            return box.w / 2 * 0.5
        if kind == "terminator":
            return max(0.0, box.w / 2 - box.h / 2)  # the straight part only
        return box.w / 2 - 2
    if kind == "decision":
        return box.h / 2 * 0.4
    if kind == "terminator":
        return box.h / 2 * 0.5
    return box.h / 2 - 2


def outline_point(kind: str, box: Box, side: str, offset: float) -> Point:
    """The first point of the outline met by a line coming from outside through ``side``
    at ``offset`` from that side's middle (so an axis-parallel arrow ends exactly there)."""
    d = abs(offset)
    if side in ("top", "bottom"):
        x = box.cx + offset
        if kind == "decision":
            inset = d * box.h / box.w
        elif kind == "terminator":
            r = min(box.w, box.h) / 2
            beyond = d - (box.w / 2 - r)
            inset = r - math.sqrt(max(0.0, r * r - beyond * beyond)) if beyond > 0 else 0.0
        else:
            inset = 0.0
        return (x, box.y + inset) if side == "top" else (x, box.bottom - inset)
    y = box.cy + offset
    if kind == "decision":
        inset = d * box.w / box.h
    elif kind == "terminator":
        r = min(box.w, box.h) / 2
        inset = r - math.sqrt(max(0.0, r * r - d * d))
    else:
        inset = 0.0
    return (box.x + inset, y) if side == "left" else (box.right - inset, y)


def anchor_offsets(
    limit: float, spacing: float, most: int, tight: float | None = None
) -> list[float]:
    """0, +s, -s, +2s, -2s, ... within +-limit, at most ``most`` on each side; with the
    ``tight`` spacing instead when ``spacing`` leaves no room beside the middle."""
    if tight is not None and spacing > limit + 1e-9:
        spacing = tight
    out = [0.0]
    for k in range(1, most + 1):
        if k * spacing > limit + 1e-9:
            break
        out += [k * spacing, -k * spacing]
    return out
