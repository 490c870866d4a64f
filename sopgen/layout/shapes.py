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

import bisect
import heapq

from sopgen.layout.tracks import DOWN, LEFT, RIGHT, UP, V_BIT, X_BIT, TrackGrid, axis_bit

NEAR = 3  # free lines tried next to each end for the first / last bend
TRACKS = 6  # gutter or channel tracks tried for the middle of a shape
PAIRS = 3  # (start, goal) pairs tried, cheapest first
CHECKS = 24  # shapes checked at most per arrow once one is free
MORE_CHECKS = 24  # different shapes traced at most while none is free
LEG_TRACKS = 3  # channel tracks tried besides the NEAR lines for an outer detour's legs
SWITCH_ROWS = 4  # rows tried for crossing from one outer channel to the other
LEG_SPACING = 8.0  # points between two of those tracks
OUTER = 2  # outermost tracks on each side tried as the channel past full-width boxes
GOOD_ENOUGH = 2  # stop after this many free shapes (the cheapest of them wins)

Start = tuple[list[int], object]  # grid nodes of the walk out of a port, the port
Goal = tuple[list[int], object]  # grid nodes of the walk into a port, the port
Corners = list[tuple[int, int]]  # grid (i, j) of a shape's ends and bends


def _order(shape: tuple) -> tuple[float, int]:
    return shape[0], shape[1]  # estimate, then the order made


def _vertical(d: int) -> bool:
    return d in (UP, DOWN)


def _ahead(k: int, d: int, n: int, most: int) -> list[int]:
    """Up to ``most`` indexes from ``k`` (included) on in direction ``d``."""
    step = 1 if d in (DOWN, RIGHT) else -1
    stop = n if step == 1 else -1
    return list(range(k, stop, step))[:most]


def _legs(k: int, d: int, n: int, ys: list[float], tracks: list[int]) -> list[int]:
    """Where a detour may turn off after leaving index ``k`` in direction ``d``: the
    next ``NEAR`` grid lines, then the next ``LEG_TRACKS`` tracks (``tracks`` sorted)
    at least ``LEG_SPACING`` apart (about one per row boundary)."""
    near = _ahead(k, d, n, NEAR)
    if d in (DOWN, RIGHT):
        further = tracks[bisect.bisect_right(tracks, near[-1]) :]
    else:
        further = tracks[: bisect.bisect_left(tracks, near[-1])][::-1]
    out = list(near)
    last = ys[near[-1]]
    for t in further:
        if len(out) >= NEAR + LEG_TRACKS:
            break
        if abs(ys[t] - last) >= LEG_SPACING:
            out.append(t)
            last = ys[t]
    return out


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
        # The outer channels: the tracks that pass beside every wall (a box over every
        # lane), the only way past it, tried for every detour besides the tracks
        # nearest the ends. No wall, no outer channel.
        xs = sorted(grid.track_i, key=lambda i: grid.xs[i])
        self.outer: list[int] = []
        if grid.walls:
            left = min(w[2] for w in grid.walls)
            right = max(w[3] for w in grid.walls)
            self.outer = [i for i in xs if grid.xs[i] <= left][-OUTER:]
            self.outer += [i for i in xs if grid.xs[i] >= right][:OUTER]
        self.sorted_j = sorted(grid.track_j)

    # -- candidates ---------------------------------------------------------------------

    def _corners(self, a: int, da: int, b: int, db: int) -> list[Corners]:
        """Shapes from node ``a`` leaving in ``da`` to node ``b`` arriving in ``db``, with
        at most four bends."""
        va, vb = _vertical(da), _vertical(db)
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
        for v in _nearest(
            along,
            min(va, vb),
            max(va, vb),
            2 * TRACKS,
            lambda k: _side_ok(k, va, da) and _side_ok(k, vb, back),
        ):
            out.append(ij((ua, va), (ua, v), (ub, v), (ub, vb)))
        near_a, near_b = _ahead(va, da, n_along, NEAR), _ahead(vb, back, n_along, NEAR)
        for u in _nearest(across, min(ua, ub), max(ua, ub), TRACKS, lambda k: True):
            for v1 in near_a:
                for v2 in near_b:
                    out.append(ij((ua, va), (ua, v1), (u, v1), (u, v2), (ub, v2), (ub, vb)))
        return out

    def _crosswise(self, a: int, da: int, b: int, db: int) -> list[Corners]:
        """Vertical out, horizontal in: an L, or a detour over a gutter track beside
        the target (three bends)."""
        g = self.g
        ia, ja = divmod(a, g.ny)
        ib, jb = divmod(b, g.ny)
        back = (db + 2) % 4
        out = [[(ia, ja), (ia, jb), (ib, jb)]]
        for i in _nearest(g.track_i, ib, ib, TRACKS, lambda k: _side_ok(k, ib, back)):
            for j1 in _ahead(ja, da, g.ny, NEAR):
                out.append([(ia, ja), (ia, j1), (i, j1), (i, jb), (ib, jb)])
        return out

    def _reach(self, a: int, d: int, u: int, toward: int) -> list[Corners]:
        """Ways from node ``a`` leaving in ``d`` to the channel ``u`` (reached across
        it), their last corner on the channel; ``toward``: the row index of the other
        end (where a sideways start turns)."""
        g = self.g
        ia, ja = divmod(a, g.ny)
        if _vertical(d):
            return [[(ia, ja), (ia, v), (u, v)] for v in _legs(ja, d, g.ny, g.ys, self.sorted_j)]
        out = [[(ia, ja), (u, ja)]] if _side_ok(u, ia, d) and u != ia else []
        turn = DOWN if toward > ja else UP
        for i in _nearest(g.track_i, ia, ia, 1, lambda k: _side_ok(k, ia, d) and k != ia):
            for v in _legs(ja, turn, g.ny, g.ys, self.sorted_j)[1:]:
                out.append([(ia, ja), (i, ja), (i, v), (u, v)])
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
        """(nodes from outline to outline, cost) of the cheapest free shape, or None.
        First the shapes of few bends; when none is free and the page has walls, the
        detours through the outer channels."""
        g = self.g
        pairs = []
        for s_nodes, sp in self.starts:
            xa, ya = g.coords(s_nodes[-1])
            for t_nodes, tp in self.goals:
                xb, yb = g.coords(t_nodes[0])
                low = abs(xb - xa) + abs(yb - ya) + sp.cost + tp.cost
                pairs.append((low, len(pairs), s_nodes, sp, t_nodes, tp))
        chosen = heapq.nsmallest(PAIRS, pairs)
        found = self._check(sorted(self._priced(chosen, joined), key=_order))
        if found is not None:
            return found
        if not self.outer:
            return None
        # A detour through a channel ends in the target, not on another arrow: the
        # cheapest pairs of ports too.
        taken = {c[1] for c in chosen}
        ports = [p for p in pairs if p[4][0] not in joined and p[1] not in taken]
        ports = heapq.nsmallest(PAIRS, ports)
        chosen += ports
        ends = []  # per pair: its base cost, walks, and ways to and from each channel
        for _, _, s_nodes, sp, t_nodes, tp in chosen:
            base = self.lengths(s_nodes) + sp.cost + self.lengths(t_nodes) + tp.cost
            if t_nodes[0] in joined:
                base -= g.costs.cross
            a, b = s_nodes[-1], t_nodes[0]
            heads = {u: self._heads(a, sp.dir, u, b % g.ny) for u in self.outer}
            tails = {u: self._tails(b, tp.dir, u, a % g.ny) for u in self.outer}
            ends.append((base, s_nodes, t_nodes, heads, tails))
        # One channel all the way; failing that, one channel and then the other (each
        # wall passed on the side still free).
        for switch in (False, True):
            found = None
            for base, s_nodes, t_nodes, heads, tails in ends:
                for u1 in self.outer:
                    for u2 in self.outer:
                        if (u1 != u2) != switch or (switch and self._side(u1) == self._side(u2)):
                            continue
                        way = self._through(heads[u1], tails[u2], u1, u2)
                        if way is None:
                            continue
                        nodes = s_nodes[:-1] + way[0] + t_nodes[1:]
                        cost = way[1] + base
                        if len(set(nodes)) == len(nodes) and (found is None or cost < found[1]):
                            found = (nodes, cost)
            if found is not None:
                return found
        return None

    def _side(self, u: int) -> bool:
        """Is channel ``u`` the left one?"""
        g = self.g
        return g.xs[u] < (g.xs[0] + g.xs[-1]) / 2

    def _heads(self, a: int, da: int, u: int, toward: int) -> list[tuple]:
        """Free ways out of ``a`` to channel ``u``: (row, direction across, nodes, cost)."""
        out = []
        for corners in self._reach(a, da, u, toward):
            across = RIGHT if u > corners[-2][0] else LEFT
            traced = self.trace(corners, da, across)
            if traced is not None:
                out.append((corners[-1][1], across, *traced))
        return out

    def _tails(self, b: int, db: int, u: int, toward: int) -> list[tuple]:
        """Free ways from channel ``u`` into ``b``: (row, nodes, cost)."""
        out = []
        for corners in self._reach(b, (db + 2) % 4, u, toward):
            traced = self.trace(corners[::-1], UP, db)  # a bend off the channel first
            if traced is not None:
                out.append((corners[-1][1], *traced))
        return out

    def _through(self, heads, tails, u1: int, u2: int):
        """The cheapest free way (nodes, cost) from a head on channel ``u1`` to a tail on
        ``u2`` (the same channel, or across the page on a row between them), cheapest
        head and tail first."""
        g = self.g
        combos = sorted(
            (h[3] + t[2] + abs(g.ys[t[0]] - g.ys[h[0]]) + abs(g.xs[u2] - g.xs[u1]), k, h, t)
            for k, (h, t) in enumerate((h, t) for h in heads for t in tails)
            if h[0] != t[0]
        )
        for _, _, (v1, across, h_nodes, h_cost), (v2, t_nodes, t_cost) in combos:
            down = DOWN if v2 > v1 else UP
            if u1 == u2:
                middles = [[(u1, v1), (u1, v2)]]
            else:
                lo = self._run(u1, v1, down)
                hi = self._run(u2, v2, (down + 2) % 4)
                rows = [j for j in self.g.track_j if min(lo, hi) <= j <= max(lo, hi)]
                rows = [j for j in rows if min(v1, v2) < j < max(v1, v2)][:SWITCH_ROWS]
                middles = [[(u1, v1), (u1, j), (u2, j), (u2, v2)] for j in rows]
            for corners in middles:
                run = self.trace(corners, across, down)
                if run is not None:
                    return h_nodes + run[0][1:] + t_nodes[1:], h_cost + run[1] + t_cost
        return None

    def _run(self, u: int, v: int, d: int) -> int:
        """How far (grid index) an arrow may run from (u, v) straight along channel
        ``u`` in direction ``d`` (UP or DOWN)."""
        g = self.g
        ny, mask, passing = g.ny, g.mask, V_BIT | X_BIT
        n = u * ny + v
        j = v
        while True:
            m = n + 1 if d == DOWN else n - 1
            if not 0 <= j + (1 if d == DOWN else -1) < ny:
                return j
            edge = g.vedge[n] if d == DOWN else g.vedge[m]
            if edge & mask or g.blocked[m] or g.state[m] & passing:
                return j
            n = m
            j += 1 if d == DOWN else -1

    def _priced(self, pairs, joined: set[int]) -> list[tuple]:
        """(estimate, index, corners, base, walks and ports) of every shape of few bends
        for each pair of ends."""
        g = self.g
        shapes: list[tuple] = []
        for _, _, s_nodes, sp, t_nodes, tp in pairs:
            base = self.lengths(s_nodes) + sp.cost + self.lengths(t_nodes) + tp.cost
            if t_nodes[0] in joined:
                base -= g.costs.cross  # arriving on the joined arrow is no crossing
            for corners in self._corners(s_nodes[-1], sp.dir, t_nodes[0], tp.dir):
                est = self._estimate(corners, sp.dir, tp.dir) + base
                shapes.append((est, len(shapes), corners, base, s_nodes, sp, t_nodes, tp))
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
