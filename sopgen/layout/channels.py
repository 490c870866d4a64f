"""Outer channels: the way past a wall (a box over every lane, tracks.py) runs in the
gutter beside the first or the last lane. Detours through them are checked piece by
piece: the ways out of the source to a channel and from a channel into the target are
traced on their own (a few each), then the runs along the channel between them,
cheapest first; when one channel is taken at one wall and the other at the next, the
way runs down one channel and crosses over to the other on a row between.

``Channels`` is mixed into shapes.Shapes: it uses the grid ``g``, ``trace``,
``lengths``, ``outer``, ``sorted_j`` and ``runs`` of a Shapes.
"""

from __future__ import annotations

import bisect
import heapq

from sopgen.layout.tracks import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    V_BIT,
    X_BIT,
    TrackGrid,
    ahead,
    nearest,
    side_ok,
    vertical,
)

NEAR = 3  # grid lines tried next to an end for a first / last bend (shapes.py too)
LEG_TRACKS = 3  # channel tracks tried besides the NEAR lines for a way to a channel
LEG_SPACING = 8.0  # points between two of those tracks
COMBOS = 16  # (way out, way in) pairs tried per channel, cheapest first
SWITCH_COMBOS = 6  # the same, from one outer channel across to the other
SWITCH_ROWS = 4  # rows tried for crossing from one outer channel to the other
OUTER = 2  # outermost tracks on each side tried as the channel past full-width boxes

Corners = list[tuple[int, int]]


def outer_channels(grid: TrackGrid) -> list[int]:
    """The tracks (x indexes) that pass beside every wall, ``OUTER`` on each side,
    nearest the walls first; none without walls."""
    if not grid.walls:
        return []
    xs = sorted(grid.track_i, key=lambda i: grid.xs[i])
    left = min(w[2] for w in grid.walls)
    right = max(w[3] for w in grid.walls)
    out = [i for i in xs if grid.xs[i] <= left][-OUTER:]
    return out + [i for i in xs if grid.xs[i] >= right][:OUTER]


def _legs(k: int, d: int, n: int, ys: list[float], tracks: list[int]) -> list[int]:
    """Where a detour may turn off after leaving index ``k`` in direction ``d``: the
    next ``NEAR`` grid lines, then the next ``LEG_TRACKS`` tracks (``tracks`` sorted)
    at least ``LEG_SPACING`` apart (about one per row boundary)."""
    near = ahead(k, d, n, NEAR)
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


class Channels:
    """Detours through the outer channels (mixed into shapes.Shapes)."""

    def through_channels(self, pairs, chosen, joined: set[int]):
        """(nodes, cost) of the cheapest free detour through the outer channels between
        the ``chosen`` pairs of ends or the cheapest pairs that end on the target
        itself, or None."""
        g = self.g
        # A detour through a channel ends in the target, not on another arrow: the
        # cheapest pairs of ports too.
        taken = {c[1] for c in chosen}
        ports = [p for p in pairs if p[4][0] not in joined and p[1] not in taken]
        ports = heapq.nsmallest(len(chosen), ports)
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
        most = COMBOS if u1 == u2 else SWITCH_COMBOS
        for _, _, (v1, across, h_nodes, h_cost), (v2, t_nodes, t_cost) in combos[:most]:
            down = DOWN if v2 > v1 else UP
            reach = self._run(u1, v1, down)
            if u1 == u2:
                if (reach < v2) if down == DOWN else (reach > v2):
                    continue  # the channel is taken between them
                middles = [[(u1, v1), (u1, v2)]]
            else:  # rows both channels reach, between the ends
                back = self._run(u2, v2, (down + 2) % 4)
                lo = max(min(reach, back), min(v1, v2) + 1)
                hi = min(max(reach, back), max(v1, v2) - 1)
                rows = [j for j in g.track_j if lo <= j <= hi][:SWITCH_ROWS]
                middles = [[(u1, v1), (u1, j), (u2, j), (u2, v2)] for j in rows]
            for corners in middles:
                run = self.trace(corners, across, down)
                if run is not None:
                    return h_nodes + run[0][1:] + t_nodes[1:], h_cost + run[1] + t_cost
        return None

    def _run(self, u: int, v: int, d: int) -> int:
        """How far (grid index) an arrow may run from (u, v) straight along channel
        ``u`` in direction ``d`` (UP or DOWN); remembered per arrow."""
        key = (u, v, d)
        if key not in self.runs:
            g = self.g
            ny, mask, passing = g.ny, g.mask, V_BIT | X_BIT
            step = 1 if d == DOWN else -1
            n, j = u * ny + v, v
            while 0 <= j + step < ny:
                m = n + step
                if g.vedge[min(n, m)] & mask or g.blocked[m] or g.state[m] & passing:
                    break
                n, j = m, j + step
            self.runs[key] = j
        return self.runs[key]

    def _reach(self, a: int, d: int, u: int, toward: int) -> list[Corners]:
        """Ways from node ``a`` leaving in ``d`` to the channel ``u`` (reached across
        it), their last corner on the channel; ``toward``: the row index of the other
        end (where a sideways start turns)."""
        g = self.g
        ia, ja = divmod(a, g.ny)
        if vertical(d):
            return [[(ia, ja), (ia, v), (u, v)] for v in _legs(ja, d, g.ny, g.ys, self.sorted_j)]
        out = [[(ia, ja), (u, ja)]] if side_ok(u, ia, d) and u != ia else []
        turn = DOWN if toward > ja else UP
        for i in nearest(g.track_i, ia, ia, 1, lambda k: side_ok(k, ia, d) and k != ia):
            for v in _legs(ja, turn, g.ny, g.ys, self.sorted_j)[1:]:
                out.append([(ia, ja), (i, ja), (i, v), (u, v)])
        return out
