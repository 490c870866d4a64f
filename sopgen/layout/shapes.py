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
from collections.abc import Iterable, Iterator

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
BOUND_SLACK = 1e-6  # a bound under a group of shapes' estimates keeps this far under

Start = tuple[list[int], object]  # grid nodes of the walk out of a port, the port
Goal = tuple[list[int], object]  # grid nodes of the walk into a port, the port
Corners = list[tuple[int, int]]  # grid (i, j) of a shape's ends and bends


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

    def _groups(self, a: int, da: int, b: int, db: int) -> list[tuple[float, object]]:
        """Shapes from node ``a`` leaving in ``da`` to node ``b`` arriving in ``db``, with
        at most four bends, in groups: (a bound under the length and bends of every
        shape of the group, its corners or a function making them). The groups and the
        shapes within each are in the order the shapes are made (their order among
        equal estimates)."""
        va, vb = vertical(da), vertical(db)
        if va == vb:
            return self._parallel(a, da, b, db, swap=not va)
        if va:
            return self._crosswise(a, da, b, db, False)
        # horizontal out, vertical in: the same shapes walked backwards
        return self._crosswise(b, (db + 2) % 4, a, (da + 2) % 4, True)

    def _parallel(self, a: int, da: int, b: int, db: int, swap: bool) -> list[tuple]:
        """Both ends vertical (or both horizontal: ``swap``, the same shapes with x and
        y exchanged): straight, a Z through a channel between the ends, or a detour
        over a track across (four bends)."""
        g = self.g
        bend = g.costs.bend
        if swap:  # u: the index across the ends' direction, v: along it
            across, along, n_along = g.track_j, g.track_i, g.nx
            (va, ua), (vb, ub) = divmod(a, g.ny), divmod(b, g.ny)
            at_u, at_v = g.ys, g.xs
        else:
            across, along, n_along = g.track_i, g.track_j, g.ny
            (ua, va), (ub, vb) = divmod(a, g.ny), divmod(b, g.ny)
            at_u, at_v = g.xs, g.ys

        def ij(*uvs: tuple[int, int]) -> Corners:
            return [(v, u) for u, v in uvs] if swap else list(uvs)

        back = (db + 2) % 4  # the side of b the arrow comes from
        out: list[tuple] = []
        along_ab = abs(at_v[vb] - at_v[va])  # every shape runs at least this far along
        if ua == ub:
            out.append((along_ab, [ij((ua, va), (ub, vb))]))
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
        # a jog across bends twice
        jog = abs(at_u[ub] - at_u[ua]) + (2 * bend if ua != ub else 0.0)
        for v in middles[: 2 * TRACKS]:
            far = abs(at_v[v] - at_v[va]) + abs(at_v[vb] - at_v[v]) + jog
            out.append((far, [ij((ua, va), (ua, v), (ub, v), (ub, vb))]))
        near_a, near_b = ahead(va, da, n_along, NEAR), ahead(vb, back, n_along, NEAR)
        tight = g.tight_run
        for u in nearest(across, min(ua, ub), max(ua, ub), TRACKS, lambda k: True):
            run = abs(at_u[u] - at_u[ua]) + abs(at_u[ub] - at_u[u])
            for v1 in near_a:  # a group per first turn (v1), its shapes by v2
                # out along, across, along, across, in along: four bends when it runs
                # across twice, two when once, none when not at all
                far = run + abs(at_v[v1] - at_v[va]) + abs(at_v[vb] - at_v[v1])
                if u != ua and u != ub and v1 not in near_b:
                    far += 4 * bend
                elif u != ua or u != ub:
                    far += 2 * bend
                if not swap and u != ua and tight(v1, ua, u):
                    far += CRAMPED  # the first run across, cramped in every shape

                def detours(u: int = u, v1: int = v1) -> list[Corners]:
                    return [
                        ij((ua, va), (ua, v1), (u, v1), (u, v2), (ub, v2), (ub, vb))
                        for v2 in near_b
                    ]

                out.append((far, detours))
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

    def _crosswise(self, a: int, da: int, b: int, db: int, backwards: bool) -> list[tuple]:
        """Vertical out, horizontal in: an L, or a detour over a gutter track beside
        the target (three bends); ``backwards``: each shape's corners reversed."""
        g = self.g
        xs, ys = g.xs, g.ys
        bend = g.costs.bend
        ia, ja = divmod(a, g.ny)
        ib, jb = divmod(b, g.ny)
        back = (db + 2) % 4
        down = abs(ys[jb] - ys[ja])  # every shape runs this far up or down, and bends
        out: list[tuple] = [(down + abs(xs[ib] - xs[ia]) + bend, [[(ia, ja), (ia, jb), (ib, jb)]])]
        near = ahead(ja, da, g.ny, NEAR)
        # and the clearest tracks between the ends (a run there keeps off the lines)
        between: list[list[int]] = []  # made for the first detour made

        def detours(i: int) -> list[Corners]:
            if not between:
                lo, hi = min(ja, jb), max(ja, jb)
                between.append([k for k in g.track_j if side_ok(k, ja, da) and lo < k < hi])
            x0, x1 = xs[ia], xs[i]  # as _clearest(between, 0, g.ny, ia, i)[:BAND_TRACKS]
            clear = heapq.nsmallest(
                BAND_TRACKS, between[0], key=lambda k: -g.clearance_y(k, x0, x1)
            )
            made = [
                [(ia, ja), (ia, j1), (i, j1), (i, jb), (ib, jb)]
                for j1 in near + [k for k in clear if k not in near]
            ]
            return [c[::-1] for c in made] if backwards else made

        if backwards:
            out[0][1][0].reverse()
        for i in nearest(g.track_i, ib, ib, TRACKS, lambda k: side_ok(k, ib, back)):
            # down, across to the track, down (or up) it, across into b: three bends
            # when it leaves a's line and comes back to b's row on the track
            turns = 3 if i != ia and jb not in near else 1
            far = down + abs(xs[i] - xs[ia]) + abs(xs[ib] - xs[i]) + turns * bend
            if i != ib and g.tight_run(jb, i, ib):
                far += CRAMPED  # the last run into b, cramped in every shape
            out.append((far, lambda i=i: detours(i)))
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
        cross, soft_cost = costs.cross, costs.soft
        mask = g.mask
        vedge, hedge, vmul, hmul = g.vedge, g.hedge, g.vmul, g.hmul
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
                    if vedge[n] & mask:
                        return None
                    cost += (ys[j + 1] - ys[j]) * vmul[i]
                elif nd == UP:
                    m = n - 1
                    if vedge[m] & mask:
                        return None
                    cost += (ys[j] - ys[j - 1]) * vmul[i]
                elif nd == RIGHT:
                    m = n + ny
                    if hedge[n] & mask:
                        return None
                    cost += (xs[i + 1] - xs[i]) * hmul[j]
                else:
                    m = n - ny
                    if hedge[m] & mask:
                        return None
                    cost += (xs[i] - xs[i - 1]) * hmul[j]
                if blocked[m] or state[m] & passing:
                    return None
                if state[m]:
                    cost += cross
                if soft[m]:
                    cost += soft_cost
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
        found = self._check(self._priced(chosen, joined))
        if found is not None or not self.outer:
            return found
        return self.through_channels(pairs, chosen, joined)

    def _priced(self, pairs, joined: set[int]) -> Iterator[tuple]:
        """(estimate, None, corners, base, walks and ports) of every shape of few bends
        for each pair of ends, cheapest first (among equal estimates, in the order of
        the pairs and the order made). The estimate: length plus bends (a turn right at
        either end counts), plus CRAMPED for each horizontal run closer than
        clearance.CLEAR to a table line or an outline (it reads as part of the ruling; a
        run into a junction on another arrow too).

        Made as they are asked for: most arrows take one of their first few shapes, so
        a pair of ends (then a group of its shapes) is made and priced only once a bound
        under all of its shapes comes first; the bound lies BOUND_SLACK under the exact
        one, so float rounding in the sums cannot put a shape before one priced."""
        g = self.g
        bend = g.costs.bend
        heap: list[tuple] = []
        for p, (_, _, s_nodes, sp, t_nodes, tp) in enumerate(pairs):
            base = self.lengths(s_nodes) + sp.cost + self.lengths(t_nodes) + tp.cost
            if t_nodes[0] in joined:
                base -= g.costs.cross  # arriving on the joined arrow is no crossing
            a, b = s_nodes[-1], t_nodes[0]
            (xa, ya), (xb, yb) = g.coords(a), g.coords(b)
            if vertical(sp.dir) != vertical(tp.dir):
                turns = 1
            else:  # ends in line need no bend, others two
                turns = 0 if (xa == xb if vertical(sp.dir) else ya == yb) else 2
            low = abs(xb - xa) + abs(yb - ya) + turns * bend + base - BOUND_SLACK
            heap.append((low, p, -1, 0, (base, s_nodes, sp, t_nodes, tp)))
        heapq.heapify(heap)
        # keys: a pair (bound, p, -1, 0), a group (bound, p, k, -1), a shape (estimate,
        # p, k, m): distinct, so the payloads are never compared
        push, pop = heapq.heappush, heapq.heappop
        while heap:
            est, p, k, m, item = pop(heap)
            if k == -1:  # a pair of ends: its groups of shapes
                base, s_nodes, sp, t_nodes, tp = item
                groups = self._groups(s_nodes[-1], sp.dir, t_nodes[0], tp.dir)
                for k, (low, corners) in enumerate(groups):
                    push(heap, (low + base - BOUND_SLACK, p, k, -1, (corners, item)))
            elif m == -1:  # a group: its shapes, priced
                corners, pair = item
                base, s_nodes, sp, t_nodes, tp = pair
                first, last = vertical(sp.dir), vertical(tp.dir)
                made = corners() if callable(corners) else corners
                for m, shape in enumerate(made):
                    est, fixed = self._estimate(shape, first, last, base)
                    push(heap, (est, p, k, m, (shape, fixed, pair)))
            else:
                shape, fixed, (_, s_nodes, sp, t_nodes, tp) = item
                yield est, None, shape, fixed, s_nodes, sp, t_nodes, tp

    def _estimate(self, corners: Corners, first: bool, last: bool, base: float):
        """(estimate, base plus CRAMPED per cramped run) of one shape (see _priced)."""
        g = self.g
        xs, ys = g.xs, g.ys
        tight = g.tight_run
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
        return (length + turns * g.costs.bend) + base + cramped, base + cramped

    def _check(self, shapes: Iterable[tuple]):
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
