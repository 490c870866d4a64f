"""Which vertex each exit of a decision leaves by, chosen from where its targets stand."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from sopgen.layout.arrows import Request
from sopgen.layout.label_places import LABEL_OFFSET

if TYPE_CHECKING:
    from sopgen.layout.paginate import PageContext

EPS = 1e-6
LABEL_MARGIN = 1.5  # a label kept this far from the lane line beside it


def exits_facing_targets(ctx: PageContext, requests: list[Request]) -> list[Request]:
    """A decision whose "Tidak" goes to the symbol straight below it and whose "Ya"
    goes forward to another lane leaves the way an official draws it: the "Tidak" down
    from the bottom vertex, the "Ya" by the side vertex facing its target. By default
    the "Ya" takes the bottom vertex and the "Tidak" a side one, and the two cross."""
    exits: dict[int, dict[str, list[int]]] = {}
    for k, r in enumerate(requests):
        if r.branch in ("ya", "tidak") and r.source.step is not None and r.target.step is not None:
            exits.setdefault(r.source.step, {}).setdefault(r.branch, []).append(k)
    out = list(requests)
    for step, by_branch in exits.items():
        ya, tidak = by_branch.get("ya", []), by_branch.get("tidak", [])
        if len(ya) != 1 or len(tidak) != 1:
            continue
        ya_r, tidak_r = requests[ya[0]], requests[tidak[0]]
        if not (ya_r.forward and tidak_r.forward):
            continue
        here = _centre(ctx, step)
        if abs(_centre(ctx, tidak_r.target.step) - here) >= EPS:  # not straight below
            continue
        there = _centre(ctx, ya_r.target.step)
        if abs(there - here) < EPS or not _label_fits_below(ctx, here, tidak_r.label):
            continue
        out[tidak[0]] = dataclasses.replace(tidak_r, side="bottom")
        out[ya[0]] = dataclasses.replace(ya_r, side="left" if there < here else "right")
    return out


def _label_fits_below(ctx: PageContext, x: float, label: str | None) -> bool:
    """Whether a label fits in its lane beside a line running down at ``x``."""
    if not label:
        return True
    borders = ctx.columns.lane_borders()
    left = max((b for b in borders if b <= x), default=x)
    right = min((b for b in borders if b >= x), default=x)
    width = ctx.measure(label, "regular", ctx.style.label_size)
    return width + LABEL_OFFSET + LABEL_MARGIN <= max(x - left, right - x)


def _centre(ctx: PageContext, node: int) -> float:
    s = ctx.symbols[node]
    return s.x + s.w / 2
