"""One symbol per step: its kind, its executor column(s), its size and horizontal place,
and points on its outline where arrows may start or end."""

from __future__ import annotations

import math
from dataclasses import dataclass

from sopgen.layout.columns import Columns
from sopgen.layout.geometry import Box, Point, Symbol, SymbolKind
from sopgen.layout.style import Style
from sopgen.model import Langkah, Prosedur
from sopgen.model.flow import row_symbols

BOX_RATIO = 13 / 25  # process/terminator height : width (docs/format.md §1.4: 25 x 13 mm)


@dataclass(frozen=True)
class SymbolPlan:
    """A step's symbol before its row has a y: the row only centres it vertically."""

    step: int
    kind: SymbolKind
    x: float
    w: float
    h: float
    columns: tuple[int, ...]

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    def place(self, row_top: float, row_h: float) -> Symbol:
        return Symbol(
            self.step,
            self.kind,
            Box(self.x, row_top + (row_h - self.h) / 2, self.w, self.h),
            self.columns,
        )


def row_kinds(prosedur: Prosedur) -> list[SymbolKind]:
    """The kind of each row's (first) symbol, as the model decides it (model.flow):
    decision for keputusan, terminator for the start and the ends, process otherwise,
    unless ``simbol:``/``jenis:`` says otherwise."""
    return [row[0].kind if row else "process" for row in row_symbols(prosedur)]


def executor_columns(step: Langkah, pelaksana: list[str]) -> tuple[int, ...]:
    """Sorted lane indexes of the step's executors; unknown names are ignored (the check
    stage reports them) and a step with none falls back to the first lane."""
    found = sorted({pelaksana.index(name) for name in step.executors if name in pelaksana})
    return tuple(found) or (0,)


def single_width(lane_w: float, style: Style) -> float:
    """min(symbol_w, lane_w * symbol_fill_of_lane, lane_w - 2 * lane_gutter_min)."""
    return max(
        1.0,
        min(style.symbol_w, lane_w * style.symbol_fill_of_lane, lane_w - 2 * style.lane_gutter_min),
    )


def plan_symbols(prosedur: Prosedur, columns: Columns, style: Style) -> list[SymbolPlan]:
    lanes = columns.lanes
    lane_w = columns.lane_w
    bw = single_width(lane_w, style)
    gutter = (lane_w - bw) / 2
    plans = []
    steps = prosedur.kegiatan
    kinds = row_kinds(prosedur)
    for index, step in enumerate(steps):
        kind = kinds[index]
        cols = executor_columns(step, prosedur.pelaksana)
        left = lanes[cols[0]].x + gutter
        right = lanes[cols[-1]].right - gutter
        if kind == "decision":
            # A joint decision stays a square diamond, centred in its span; when that
            # centre is a lane border (an even span), in the lane left of it.
            size = min(style.decision, bw)
            first, last = cols[0], cols[-1]
            cx = (left + right) / 2 if (last - first) % 2 == 0 else lanes[(first + last) // 2].cx
            plans.append(SymbolPlan(index, kind, cx - size / 2, size, size, cols))
        else:
            h = min(bw * BOX_RATIO, style.symbol_h)
            plans.append(SymbolPlan(index, kind, left, right - left, h, cols))
    return plans


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
