"""Junctions: where an arrow may end on another arrow (arrows converging on one symbol
join into one entry) or start from one (a step with several next steps, or a decision
exit that forks, leaves its symbol once and branches).

A junction is a grid node that the other arrow passes straight through, crossed by
nothing and outside every clearance, ``JUNCTION_MIN`` from that arrow's start and from
the base of its arrowhead; the new arrow meets it across (at a right angle).

On one arrow, every fork comes before every join: a flow joining an arrow upstream of a
branch would seem to take the branch too (a loop back into a step would read as going
to the step its fork's other branch leads to).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from sopgen.layout.tracks import DOWN, LEFT, RIGHT, UP, TrackGrid, axis_bit

JUNCTION_MIN = 4.0

Junction = tuple[int, int, float]  # grid node, direction of the new arrow there, cost


def junctions(
    grid: TrackGrid,
    arrows: Iterable[list[int]],
    arrowhead: float,
    after: Collection[int] = (),
    before: Collection[int] = (),
) -> list[Junction]:
    """Nodes of the given arrows (grid node lists) where another arrow may meet them,
    with both directions across each (arriving there, or leaving from there): only past
    the last of its nodes in ``after`` and short of the first in ``before``, and
    ``JUNCTION_MIN`` from each of them."""
    out: list[Junction] = []
    for nodes in arrows:
        lo = max((k for k, n in enumerate(nodes) if n in after), default=0)
        hi = min((k for k, n in enumerate(nodes) if n in before), default=len(nodes) - 1)
        pts = [grid.coords(n) for n in nodes]
        along = [0.0]
        for (x0, y0), (x1, y1) in zip(pts, pts[1:], strict=False):
            along.append(along[-1] + abs(x1 - x0) + abs(y1 - y0))
        taken = [k for k, n in enumerate(nodes) if n in after or n in before]
        for k in range(lo + 1, hi):
            n = nodes[k]
            d = grid.direction(nodes[k - 1], n)
            if d != grid.direction(n, nodes[k + 1]) or grid.state[n] != axis_bit(d):
                continue
            if grid.blocked[n] or along[k] < JUNCTION_MIN:
                continue
            if along[-1] - along[k] < arrowhead + JUNCTION_MIN:
                continue
            if any(abs(along[k] - along[m]) < JUNCTION_MIN for m in taken):
                continue  # beside another junction it would read as one crossing
            for across in (RIGHT, LEFT) if d in (UP, DOWN) else (DOWN, UP):
                out.append((n, across, 0.0))
    return out
