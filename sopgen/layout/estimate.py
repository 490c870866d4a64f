"""The A* search's estimates (pathfind.py): the way past a wall, and the exact length
of the way from every node to the goals over the free grid (bends aside), measured once
for a whole-page or a long search. Both are never more than the true cost."""

from __future__ import annotations

import heapq

from sopgen.layout.geometry import Box
from sopgen.layout.tracks import H_BIT, V_BIT, X_BIT, TrackGrid

INF = float("inf")
JOIN = Box(0.0, 0.0, 0.0, 0.0)  # the owner of a join goal (a point on another arrow)


def length(grid: TrackGrid, nodes: list[int]) -> float:
    """The straight length from the first to the last of ``nodes`` (a walk)."""
    (x0, y0), (x1, y1) = grid.coords(nodes[0]), grid.coords(nodes[-1])
    return abs(x1 - x0) + abs(y1 - y0)


def beside(x: float, g0: float, g1: float, left: float, right: float, dx: float) -> float:
    """Shortest horizontal way from ``x`` to [g0, g1] that passes x <= left or x >= right
    on the way (``dx``: the way without that condition)."""

    def via(p: float) -> float:
        return abs(x - p) + max(g0 - p, 0.0, p - g1)

    near = min(max(x, g0), g1)  # the goal point nearest x; [x, near] are the shortest
    lo, hi = min(x, near), max(x, near)
    return min(dx if lo <= left else via(left), dx if hi >= right else via(right))


def distances(grid: TrackGrid, goals, bounds: tuple[int, int, int, int]) -> list[float]:
    """The cheapest length (bends, crossings and labels aside) from every node to a
    goal over free edges, within ``bounds``: INF where no goal can be reached. A
    Dijkstra from the goals outwards; never more than the search's true cost."""
    i_lo, i_hi, j_lo, j_hi = bounds
    ny, xs, ys = grid.ny, grid.xs, grid.ys
    state, blocked, hedge, vedge, mask = (
        grid.state,
        grid.blocked,
        grid.hedge,
        grid.vedge,
        grid.mask,
    )
    vmul, hmul = grid.vmul, grid.hmul
    cross = grid.costs.cross
    far = [INF] * (grid.nx * ny)
    heap = []
    for n, gs in goals.items():
        least = min(
            length(grid, nodes) + port.cost - (cross if port.owner is JOIN else 0.0)
            for nodes, port in gs
        )
        far[n] = min(far[n], least)
        heap.append((far[n], n))
    heapq.heapify(heap)
    pop, push = heapq.heappop, heapq.heappush
    while heap:
        d, n = pop(heap)
        if d > far[n]:
            continue
        i, j = divmod(n, ny)
        sn = state[n] | (X_BIT if blocked[n] else 0)
        if sn & X_BIT:
            continue  # the search never steps into n: nothing arrives through it
        if not sn & H_BIT:  # n may be entered sideways
            if i < i_hi and not hedge[n] & mask:
                m = n + ny
                c = d + (xs[i + 1] - xs[i]) * hmul[j]
                if c < far[m]:
                    far[m] = c
                    push(heap, (c, m))
            if i > i_lo and not hedge[n - ny] & mask:
                m = n - ny
                c = d + (xs[i] - xs[i - 1]) * hmul[j]
                if c < far[m]:
                    far[m] = c
                    push(heap, (c, m))
        if not sn & V_BIT:
            if j < j_hi and not vedge[n] & mask:
                m = n + 1
                c = d + (ys[j + 1] - ys[j]) * vmul[i]
                if c < far[m]:
                    far[m] = c
                    push(heap, (c, m))
            if j > j_lo and not vedge[n - 1] & mask:
                m = n - 1
                c = d + (ys[j] - ys[j - 1]) * vmul[i]
                if c < far[m]:
                    far[m] = c
                    push(heap, (c, m))
    return far
