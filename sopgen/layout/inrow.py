"""Arrows within one row that holds several symbols: a straight horizontal arrow between
symbols side by side, and the grid line a straight vertical arrow between symbols
stacked in one lane needs."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Protocol

from sopgen.layout.geometry import Point, Symbol
from sopgen.layout.symbols import outline_point
from sopgen.layout.tracks import LEFT, RIGHT, Port

MARGIN = 2.0  # a straight line between two sides meets both sides, not a corner


class _End(Protocol):
    step: int | None
    connector: object


def side_by_side(symbols: Mapping[int, Symbol], source: _End, target: _End):
    """The two symbols of an arrow within one row, standing side by side, or None."""
    if source.connector is not None or target.connector is not None:
        return None
    if source.step == target.step:  # a loop to itself goes round, not straight
        return None
    sa, sb = symbols[source.step], symbols[target.step]  # type: ignore[index]
    if sa.step != sb.step or sa.box.bottom <= sb.box.y or sb.box.bottom <= sa.box.y:
        return None
    return sa, sb


def facing_ports(
    pair: tuple[Symbol, Symbol], free: Callable[[Point], bool]
) -> tuple[list[Port], list[Port]]:
    """Ports for a straight horizontal arrow between side-by-side symbols: from the
    facing side of one to the facing side of the other, at the height of one's middle
    when that height meets both sides; none when it does not."""
    sa, sb = pair
    rightward = sb.box.cx > sa.box.cx
    out_side, in_side = ("right", "left") if rightward else ("left", "right")
    d = RIGHT if rightward else LEFT
    if sa.box.y + MARGIN <= sb.box.cy <= sa.box.bottom - MARGIN:
        y = sb.box.cy
    elif sb.box.y + MARGIN <= sa.box.cy <= sb.box.bottom - MARGIN:
        y = sa.box.cy
    else:
        return [], []
    src = outline_point(sa.kind, sa.box, out_side, y - sa.box.cy)
    tgt = outline_point(sb.kind, sb.box, in_side, y - sb.box.cy)
    sources = [Port(src, d, 0.0, sa.box)] if free(src) else []
    targets = [Port(tgt, d, 0.0, sb.box)] if free(tgt) else []
    return sources, targets


def stack_gaps(symbols: Sequence[Symbol]) -> list[float]:
    """The middle of the gap between two symbols stacked in one row (an arrow between
    them needs a grid line there)."""
    by_row: dict[int, list[Symbol]] = {}
    for sym in symbols:
        by_row.setdefault(sym.step, []).append(sym)
    out = []
    for row in by_row.values():
        for a in row:
            for b in row:
                above = a.box.bottom < b.box.y
                if above and a.box.x < b.box.right and b.box.x < a.box.right:
                    out.append((a.box.bottom + b.box.y) / 2)
    return out
