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

from sopgen.layout.channels import NEAR, Channels, outer_channels
from sopgen.layout.tracks import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    X_BIT,
    TrackGrid,
    ahead,
    axis_bit,
    nearest,
    side_ok,
    vertical,
)

TRACKS = 6  # gutter or channel tracks tried for the middle of a shape
PAIRS = 3  # (start, goal) pairs tried, cheapest first
CHECKS = 24  # shapes checked at most per arrow once one is free
MORE_CHECKS = 24  # different shapes traced at most while none is free
GOOD_ENOUGH = 2  # stop after this many free shapes (the cheapest of them wins)
BAND_TRACKS = 2  # clearest tracks between the ends tried for a detour's run
CRAMPED = 20.0  # cost of a horizontal run squeezed near a line or outline

Start = tuple[list[int], object]  # grid nodes of the walk out of a port, the port
Goal = tuple[list[int], object]  # grid nodes of the walk into a port, the port
Corners = list[tuple[int, int]]  # grid (i, j) of a shape's ends and bends


def _order(shape: tuple) -> tuple[float, int]:
    return shape[0], shape[1]  # estimate, then the order made


class Shapes(Channels):
    """Candidate shapes for one arrow over a grid; ``best()`` gives nodes and cost."""

    def __init__(self, grid: TrackGrid, starts: list[Start], goals: list[Goal], lengths):
        self.g = grid
        self.starts = starts
        self.goals = goals
        self.lengths = lengths  # nodes -> straight length of a walk
        self.outer = outer_channels(grid)
        self.sorted_j = sorted(grid.track_j)
        self.runs: dict[tuple[int, int, int], int] = {}  # Channels._run's answers

    # -- candidates ---------------------------------------------------------------------

    def _corners(self, a: int, da: int, b: int, db: int) -> list[Corners]:
        """Shapes from node ``a`` leaving in ``da`` to node ``b`` arriving in ``db``, with
        at most four bends."""
        va, vb = vertical(da), vertical(db)
        if va == vb:
            plain = self._parallel(a, da, b, db, swap=not va)
        elif va:
            plain = self._crosswise(a, da, b, db)
        else:  # horizontal out, vertical in: the same shapes walked backwards
            plain = [c[::-1] for c in self._crosswise(b, (db + 2) % 4, a, (da + 2) % 4)]
        return plain

    def _parallel(self, a: int, da: int, b: int, db: int, swap: bool) -> list[Corners]:
        """Both ends vertical (or both horizontal: ``swap``, the same shapes with x and
        y exchanged): straight, a Z through a channel between the ends, or a detour
        over a track across (four bends)."""
        g = self.g
        if swap:  # u: the index across the ends' direction, v: along it
            across, along, n_along = g.track_j, g.track_i, g.nx
            (va, ua), (vb, ub) = divmod(a, g.ny), divmod(b, g.ny)
        else:
            across, along, n_along = g.track_i, g.track_j, g.ny
            (ua, va), (ub, vb) = divmod(a, g.ny), divmod(b, g.ny)

        def ij(*uvs: tuple[int, int]) -> Corners:
            return [(v, u) for u, v in uvs] if swap else list(uvs)

        back = (db + 2) % 4  # the side of b the arrow comes from
        out: list[Corners] = []
        if ua == ub:
            out.append(ij((ua, va), (ub, vb)))
        middles = nearest(
            along,
            min(va, vb),
            max(va, vb),
            2 * TRACKS,
            lambda k: side_ok(k, va, da) and side_ok(k, vb, back),
            whole=not swap,  # of the band, the clearest (below), wherever they rank
        )
        if not swap:  # a horizontal jog: the clearest track of the band first
            middles = self._clearest(middles, min(va, vb), max(va, vb), ua, ub)
        for v in middles[: 2 * TRACKS]:
            out.append(ij((ua, va), (ua, v), (ub, v), (ub, vb)))
        near_a, near_b = ahead(va, da, n_along, NEAR), ahead(vb, back, n_along, NEAR)
        for u in nearest(across, min(ua, ub), max(ua, ub), TRACKS, lambda k: True):
            for v1 in near_a:
                for v2 in near_b:
                    out.append(ij((ua, va), (ua, v1), (u, v1), (u, v2), (ub, v2), (ub, vb)))
        return out

    def _clearest(self, tracks: list[int], lo: int, hi: int, ua: int, ub: int) -> list[int]:
        """Tracks between ``lo`` and ``hi`` by how far a run on them from column ``ua``
        to ``ub`` keeps from table lines and outlines (the middle of the free band
        first), then the rest as given."""
        g = self.g
        x0, x1 = g.xs[ua], g.xs[ub]
        inside = [k for k in tracks if lo <= k <= hi]
        ranked = sorted(inside, key=lambda k: -g.clearance_y(k, x0, x1))
        return ranked + [k for k in tracks if not lo <= k <= hi]

    def _crosswise(self, a: int, da: int, b: int, db: int) -> list[Corners]:
        """Vertical out, horizontal in: an L, or a detour over a gutter track beside
        the target (three bends)."""
        g = self.g
        ia, ja = divmod(a, g.ny)
        ib, jb = divmod(b, g.ny)
        back = (db + 2) % 4
        out = [[(ia, ja), (ia, jb), (ib, jb)]]
        near = ahead(ja, da, g.ny, NEAR)
        # and the clearest tracks between the ends (a run there keeps off the lines)
        between = [k for k in g.track_j if side_ok(k, ja, da) and min(ja, jb) < k < max(ja, jb)]
        for i in nearest(g.track_i, ib, ib, TRACKS, lambda k: side_ok(k, ib, back)):
            x0, x1 = g.xs[ia], g.xs[i]  # as _clearest(between, 0, g.ny, ia, i)[:BAND_TRACKS]
            clear = heapq.nsmallest(BAND_TRACKS, between, key=lambda k: -g.clearance_y(k, x0, x1))
            for j1 in near + [k for k in clear if k not in near]:
                out.append([(ia, ja), (ia, j1), (i, j1), (i, jb), (ib, jb)])
        return out

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

    def best(self, joined: set[int], forked: frozenset[int] = frozenset()):
        """(nodes from outline to outline, cost) of the cheapest free shape, or None
        (``joined``: goal nodes on another arrow; ``forked``: start nodes on another
        arrow). First the shapes of few bends; when none is free and the page has walls, the
        detours through the outer channels."""
        g = self.g
        pairs = []
        for s_nodes, sp in self.starts:
            xa, ya = g.coords(s_nodes[-1])
            for t_nodes, tp in self.goals:
                xb, yb = g.coords(t_nodes[0])
                low = abs(xb - xa) + abs(yb - ya) + sp.cost + tp.cost
                # a junction met, or a fork left, by a run along a line or outline
                if t_nodes[0] in joined and g.tight_y(t_nodes[0] % g.ny, xa, xb):
                    low += CRAMPED
                fork = s_nodes[-1] in forked and not vertical(sp.dir)
                if fork and g.tight_y(s_nodes[-1] % g.ny, xa, xb):
                    low += CRAMPED
                pairs.append((low, len(pairs), s_nodes, sp, t_nodes, tp))
        chosen = heapq.nsmallest(PAIRS, pairs)
        # And the cheapest pair of every other way of arriving (an L into a side may
        # beat a cramped jog into the top, though its port costs more).
        arrivals = {p[5].dir for p in chosen}
        for p in sorted(pairs):
            if p[5].dir not in arrivals:
                arrivals.add(p[5].dir)
                chosen.append(p)
        found = self._check(sorted(self._priced(chosen, joined), key=_order))
        if found is not None or not self.outer:
            return found
        return self.through_channels(pairs, chosen, joined)

    def _priced(self, pairs, joined: set[int]) -> list[tuple]:
        """(estimate, index, corners, base, walks and ports) of every shape of few bends
        for each pair of ends. The estimate: length plus bends (a turn right at either
        end counts), plus CRAMPED for each horizontal run closer than clearance.CLEAR to a
        table line or an outline (it reads as part of the ruling; a run into a junction
        on another arrow too)."""
        g = self.g
        xs, ys = g.xs, g.ys
        bend = g.costs.bend
        tight = g.tight_run
        shapes: list[tuple] = []
        for _, _, s_nodes, sp, t_nodes, tp in pairs:
            base = self.lengths(s_nodes) + sp.cost + self.lengths(t_nodes) + tp.cost
            if t_nodes[0] in joined:
                base -= g.costs.cross  # arriving on the joined arrow is no crossing
            first, last = vertical(sp.dir), vertical(tp.dir)
            for corners in self._corners(s_nodes[-1], sp.dir, t_nodes[0], tp.dir):
                length = 0.0
                turns = 0
                runs = 0
                prev = first
                for (i0, j0), (i1, j1) in zip(corners, corners[1:], strict=False):
                    if j0 == j1:
                        if i0 == i1:
                            continue
                        if tight(j0, i0, i1):
                            runs += 1
                    length += abs(xs[i1] - xs[i0]) + abs(ys[j1] - ys[j0])
                    axis = i0 == i1
                    turns += axis != prev
                    prev = axis
                turns += prev != last
                cramped = runs * CRAMPED
                est = (length + turns * bend) + base + cramped
                shapes.append((est, len(shapes), corners, base + cramped, s_nodes, sp, t_nodes, tp))
        return shapes

    def _check(self, shapes: list[tuple]):
        """The cheapest free one of ``shapes`` (in order of estimate), or None: among
        the first CHECKS, or, while none is free, up to MORE_CHECKS different traces
        (many shapes share corners and differ only in their ports' walks)."""
        found = None
        free = 0
        traces: dict[tuple, tuple | None] = {}
        for k, (est, _, corners, base, s_nodes, sp, t_nodes, tp) in enumerate(shapes):
            if found is not None and (k >= CHECKS or est >= found[1]):
                break
            key = (tuple(corners), sp.dir, tp.dir)
            if key not in traces:
                if len(traces) >= MORE_CHECKS:
                    break
                traces[key] = self.trace(corners, sp.dir, tp.dir)
            traced = traces[key]
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
