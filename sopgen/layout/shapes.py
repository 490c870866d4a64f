"""Arrows of few bends, tried before any search: straight, L, Z and U shapes and the
detours round a lane (three or four bends), each checked on the track grid.

Most arrows of a flowchart take one of these shapes, and checking a shape costs one
walk along it, so trying the cheapest few first keeps the layout fast; the A* search
(pathfind.py) runs only when none of them is free. A shape obeys every rule of the
grid (tracks.py): free edges, no blocked node, bends only on free nodes, crossings
only straight across another arrow; and it is priced like the search prices a path
(length, bends, crossings, label areas, port preferences), so the two agree.
"""

from __future__ import annotations

import heapq

from sopgen.layout.tracks import DOWN, LEFT, RIGHT, UP, X_BIT, TrackGrid, axis_bit

NEAR = 3  # free lines tried next to each end for the first / last bend
TRACKS = 6  # gutter or channel tracks tried for the middle of a shape
PAIRS = 3  # (start, goal) pairs tried, cheapest first
CHECKS = 24  # shapes checked at most per arrow
GOOD_ENOUGH = 2  # stop after this many free shapes (the cheapest of them wins)

Start = tuple[list[int], object]  # grid nodes of the walk out of a port, the port
Goal = tuple[list[int], object]  # grid nodes of the walk into a port, the port


def _vertical(d: int) -> bool:
    return d in (UP, DOWN)


def _ahead(k: int, d: int, n: int, most: int) -> list[int]:
    """Up to ``most`` indexes from ``k`` (included) on in direction ``d``."""
    step = 1 if d in (DOWN, RIGHT) else -1
    stop = n if step == 1 else -1
    return list(range(k, stop, step))[:most]


def _side_ok(k: int, k0: int, d0: int) -> bool:
    """Index ``k`` lies on the ``d0`` side of ``k0`` (or on it)."""
    return k >= k0 if d0 in (DOWN, RIGHT) else k <= k0


def _nearest(tracks: list[int], lo: int, hi: int, most: int, ok) -> list[int]:
    """Up to ``most`` tracks allowed by ``ok``: those within [lo, hi] first, then by how
    far they lie outside it; among equals, in the grid's order of preference."""
    scored = sorted((max(lo - k, 0, k - hi), rank, k) for rank, k in enumerate(tracks) if ok(k))
    return [k for _, _, k in scored[:most]]


class Shapes:
    """Candidate shapes for one arrow over a grid; ``best()`` gives nodes and cost."""

    def __init__(self, grid: TrackGrid, starts: list[Start], goals: list[Goal], lengths):
        self.g = grid
        self.starts = starts
        self.goals = goals
        self.lengths = lengths  # nodes -> straight length of a walk

    # -- candidates ---------------------------------------------------------------------

    def _corners(self, a: int, da: int, b: int, db: int) -> list[list[tuple[int, int]]]:
        """Shapes (corners as (i, j)) from node ``a`` leaving in ``da`` to node ``b``
        arriving in ``db``, with at most four bends."""
        g = self.g
        ia, ja = divmod(a, g.ny)
        ib, jb = divmod(b, g.ny)
        back = (db + 2) % 4  # the side of b the arrow comes from
        out: list[list[tuple[int, int]]] = []
        va, vb = _vertical(da), _vertical(db)
        if va and vb:
            if ia == ib:
                out.append([(ia, ja), (ib, jb)])
            for j in _nearest(
                g.track_j,
                min(ja, jb),
                max(ja, jb),
                2 * TRACKS,
                lambda k: _side_ok(k, ja, da) and _side_ok(k, jb, back),
            ):
                out.append([(ia, ja), (ia, j), (ib, j), (ib, jb)])
            for i in _nearest(g.track_i, min(ia, ib), max(ia, ib), TRACKS, lambda k: True):
                for j1 in _ahead(ja, da, g.ny, NEAR):
                    for j2 in _ahead(jb, back, g.ny, NEAR):
                        out.append([(ia, ja), (ia, j1), (i, j1), (i, j2), (ib, j2), (ib, jb)])
        elif not va and not vb:
            if ja == jb:
                out.append([(ia, ja), (ib, jb)])
            for i in _nearest(
                g.track_i,
                min(ia, ib),
                max(ia, ib),
                2 * TRACKS,
                lambda k: _side_ok(k, ia, da) and _side_ok(k, ib, back),
            ):
                out.append([(ia, ja), (i, ja), (i, jb), (ib, jb)])
            for j in _nearest(g.track_j, min(ja, jb), max(ja, jb), TRACKS, lambda k: True):
                for i1 in _ahead(ia, da, g.nx, NEAR):
                    for i2 in _ahead(ib, back, g.nx, NEAR):
                        out.append([(ia, ja), (i1, ja), (i1, j), (i2, j), (i2, jb), (ib, jb)])
        elif va:  # vertical out, horizontal in
            out.append([(ia, ja), (ia, jb), (ib, jb)])
            for i in _nearest(g.track_i, ib, ib, TRACKS, lambda k: _side_ok(k, ib, back)):
                for j1 in _ahead(ja, da, g.ny, NEAR):
                    out.append([(ia, ja), (ia, j1), (i, j1), (i, jb), (ib, jb)])
        else:  # horizontal out, vertical in
            out.append([(ia, ja), (ib, ja), (ib, jb)])
            for i1 in _nearest(g.track_i, ia, ia, TRACKS, lambda k: _side_ok(k, ia, da)):
                for j in _ahead(jb, back, g.ny, NEAR):
                    out.append([(ia, ja), (i1, ja), (i1, j), (ib, j), (ib, jb)])
        return out

    def _estimate(self, corners, da: int, db: int) -> float:
        """Length plus bends, counting a turn right at either end."""
        xs, ys = self.g.xs, self.g.ys
        length = 0.0
        turns = 0
        prev = _vertical(da)
        for (i0, j0), (i1, j1) in zip(corners, corners[1:], strict=False):
            if (i0, j0) == (i1, j1):
                continue
            length += abs(xs[i1] - xs[i0]) + abs(ys[j1] - ys[j0])
            axis = i0 == i1
            turns += axis != prev
            prev = axis
        turns += prev != _vertical(db)
        return length + turns * self.g.costs.bend

    # -- checking -----------------------------------------------------------------------

    def trace(self, corners, da: int, db: int) -> tuple[list[int], float] | None:
        """The grid nodes along ``corners`` and their cost, or None where the shape
        breaks a rule of the grid."""
        g = self.g
        ny = g.ny
        xs, ys = g.xs, g.ys
        state, blocked, soft = g.state, g.blocked, g.soft
        costs = g.costs
        mask = g.mask
        n = corners[0][0] * ny + corners[0][1]
        nodes = [n]
        cost = 0.0
        d = da
        for (i0, j0), (i1, j1) in zip(corners, corners[1:], strict=False):
            if (i0, j0) == (i1, j1):
                continue
            if i0 == i1:
                nd = DOWN if j1 > j0 else UP
            elif j0 == j1:
                nd = RIGHT if i1 > i0 else LEFT
            else:
                return None
            if nd != d:
                if nd == (d + 2) % 4 or state[n]:
                    return None  # no turning back, a bend needs a free node
                cost += costs.bend
                d = nd
            passing = axis_bit(nd) | X_BIT
            end = i1 * ny + j1
            while n != end:
                i, j = divmod(n, ny)
                if nd == DOWN:
                    m = n + 1
                    if g.vedge[n] & mask:
                        return None
                    cost += (ys[j + 1] - ys[j]) * g.vmul[i]
                elif nd == UP:
                    m = n - 1
                    if g.vedge[m] & mask:
                        return None
                    cost += (ys[j] - ys[j - 1]) * g.vmul[i]
                elif nd == RIGHT:
                    m = n + ny
                    if g.hedge[n] & mask:
                        return None
                    cost += (xs[i + 1] - xs[i]) * g.hmul[j]
                else:
                    m = n - ny
                    if g.hedge[m] & mask:
                        return None
                    cost += (xs[i] - xs[i - 1]) * g.hmul[j]
                if blocked[m] or state[m] & passing:
                    return None
                if state[m]:
                    cost += costs.cross
                if soft[m]:
                    cost += costs.soft
                nodes.append(m)
                n = m
        if d != db:
            return None
        return nodes, cost

    def best(self, joined: set[int]):
        """(nodes from outline to outline, cost) of the cheapest free shape, or None."""
        g = self.g
        pairs = []
        for s_nodes, sp in self.starts:
            xa, ya = g.coords(s_nodes[-1])
            for t_nodes, tp in self.goals:
                xb, yb = g.coords(t_nodes[0])
                low = abs(xb - xa) + abs(yb - ya) + sp.cost + tp.cost
                pairs.append((low, len(pairs), s_nodes, sp, t_nodes, tp))
        shapes = []
        for _, _, s_nodes, sp, t_nodes, tp in heapq.nsmallest(PAIRS, pairs):
            base = self.lengths(s_nodes) + sp.cost + self.lengths(t_nodes) + tp.cost
            if t_nodes[0] in joined:
                base -= g.costs.cross  # arriving on the joined arrow is no crossing
            for corners in self._corners(s_nodes[-1], sp.dir, t_nodes[0], tp.dir):
                est = self._estimate(corners, sp.dir, tp.dir) + base
                shapes.append((est, len(shapes), corners, base, s_nodes, sp, t_nodes, tp))
        found = None
        free = 0
        for est, _, corners, base, s_nodes, sp, t_nodes, tp in heapq.nsmallest(CHECKS, shapes):
            if found is not None and est >= found[1]:
                break
            traced = self.trace(corners, sp.dir, tp.dir)
            if traced is None:
                continue
            middle, cost = traced
            nodes = s_nodes[:-1] + middle + t_nodes[1:]
            if len(set(nodes)) != len(nodes):
                continue
            if found is None or cost + base < found[1]:
                found = (nodes, cost + base)
            free += 1
            if free >= GOOD_ENOUGH:
                break
        return found
