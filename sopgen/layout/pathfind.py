"""Path finding for one arrow: A* over the track grid (tracks.py), weighing length,
bends, crossings and label areas.

Ports: an arrow leaves a source point on an outline in a fixed direction and arrives at
a target point in a fixed direction. The short straight "walk" between the outline and
the first usable grid node outside the clearance is part of the arrow. A straight line
between facing ports is taken when free; otherwise the cheapest path is searched.
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Sequence
from typing import NamedTuple

from sopgen.layout.estimate import INF, JOIN, beside, distances, length
from sopgen.layout.shapes import Shapes
from sopgen.layout.tracks import (
    DOWN,
    H_BIT,
    LEFT,
    RIGHT,
    UP,
    V_BIT,
    X_BIT,
    Port,
    TrackGrid,
    axis_bit,
    opposite,
    q,
)

MAX_EXPANSIONS = 60000  # a search that has not arrived by then gives up (bounded time)
FLOOD_AFTER = 3000  # a search this long measures the way to its goals (estimate.distances)
WHOLE_PAGE_GREED = 1.3  # weight of the exact-length estimate of a whole-page search


class Found(NamedTuple):
    nodes: list[int]  # grid nodes from outline point to outline point
    cost: float


class PathFinder(TrackGrid):
    """A grid that finds and records arrows."""

    def route(
        self,
        sources: list[Port],
        targets: list[Port],
        first_min: float | None = None,
        window: tuple[float, float, float, float] | None = None,
        joins: Sequence[tuple[int, int, float]] = (),
        forks: Sequence[tuple[int, int, float]] = (),
        open_ends: tuple[Sequence[Port], Sequence[Port]] | None = None,
    ) -> Found | None:
        """Cheapest free path from one of ``sources`` to one of ``targets``, as the full
        list of grid nodes (outline point to outline point), or None. ``first_min``
        overrides the shortest first segment (room for a label); ``window`` (x0, y0, x1, y1)
        limits the search to the grid lines inside it (None: the whole grid). ``joins``:
        (node, arrival direction, cost) where the arrow may end on another arrow into
        the same target instead (a junction, no arrowhead); ``forks``: (node, leaving
        direction, cost) where it may start from another arrow of the same exit.
        A straight segment between facing ports is taken when free; with joins or forks
        only between ``open_ends`` (sources, targets: the ports on sides that no arrow of
        the exit leaves by and none into the target enters by; None: no such ports)."""
        costs = self.costs
        starts = []
        for port in sources:
            nodes = self.walk(port, port.dir, costs.source_min if first_min is None else first_min)
            if nodes:
                starts.append((nodes, port))
        for n, d, cost in forks:
            starts.append(([n], Port(self.coords(n), d, cost, JOIN)))
        goals: dict[int, list[tuple[list[int], Port]]] = {}
        leaving = {(q(p.point[0]), q(p.point[1])) for p in sources}
        for port in targets:
            if (q(port.point[0]), q(port.point[1])) in leaving:
                continue  # a loop to itself does not enter where it leaves
            nodes = self.walk(port, opposite(port.dir), costs.target_min)
            if nodes:
                nodes.reverse()  # port node ... outline point
                goals.setdefault(nodes[0], []).append((nodes, port))
        for n, d, cost in joins:
            x, y = self.coords(n)
            goals.setdefault(n, []).append(([n], Port((x, y), d, cost, JOIN)))
        if not starts or not goals:
            return None
        if not (joins or forks):
            open_ends = (sources, targets)
        direct = None if open_ends is None else self._direct(*open_ends)
        if direct is not None:
            return direct
        # The walks' inner nodes belong to their port: keep the search out of them.
        fenced = [n for nodes, _ in starts for n in nodes[:-1] if not self.blocked[n]]
        fenced += [
            n for gs in goals.values() for nodes, _ in gs for n in nodes[1:] if not self.blocked[n]
        ]
        for n in fenced:
            self.blocked[n] = 1
        try:
            flat = [goal for gs in goals.values() for goal in gs]
            shaped = Shapes(self, starts, flat, self._length).best(
                {n for n, _, _ in joins}, frozenset(n for n, _, _ in forks)
            )
            if shaped is not None:
                return Found(*shaped)
            return self._search(starts, goals, window)
        finally:
            for n in fenced:
                self.blocked[n] = 0

    def _search(self, starts, goals, window) -> Found | None:
        costs = self.costs
        i_lo, i_hi, j_lo, j_hi = 0, self.nx - 1, 0, self.ny - 1
        if window is not None:
            i_lo = bisect.bisect_left(self.xs, window[0])
            i_hi = bisect.bisect_right(self.xs, window[2]) - 1
            j_lo = bisect.bisect_left(self.ys, window[1])
            j_hi = bisect.bisect_right(self.ys, window[3]) - 1
        # Aim at the target's own ports (join points along a long arrow would spread
        # the goals' box over the page and leave the search without direction).
        ports = [p.point for _, p in (g for gs in goals.values() for g in gs)]
        goal_points = [
            p.point for _, p in (g for gs in goals.values() for g in gs) if p.owner is not JOIN
        ] or ports
        gx0 = min(x for x, _ in goal_points)
        gx1 = max(x for x, _ in goal_points)
        gy0 = min(y for _, y in goal_points)
        gy1 = max(y for _, y in goal_points)
        xs, ys = self.xs, self.ys
        nx, ny = self.nx, self.ny

        bend = costs.bend
        greed = costs.greed if window is not None else max(costs.greed, WHOLE_PAGE_GREED)

        walls = self.walls
        # A whole-page search first measures the true way from every node to the goals
        # (bends aside): an exact estimate where walls and other arrows force long
        # detours, and no search at all when no goal can be reached.
        far = distances(self, goals, (i_lo, i_hi, j_lo, j_hi)) if window is None else None
        if far is not None and all(far[nodes[-1]] == INF for nodes, _ in starts):
            return None

        def h(n: int) -> float:
            # Manhattan distance to the goals' bounding box, plus a bend when the node
            # lines up with none of them: never more than the true cost. A wall between
            # the node and the goals is passed beside it: the way across it counts.
            x, y = xs[n // ny], ys[n % ny]
            dx = max(gx0 - x, 0.0, x - gx1)
            dy = max(gy0 - y, 0.0, y - gy1)
            for y0, y1, left, right in walls:
                if (y < y0 and y1 < gy0) or (gy1 < y0 and y1 < y):
                    dx = max(dx, beside(x, gx0, gx1, left, right, dx))
            out = dx + dy + (bend if dx > 0 and dy > 0 else 0.0)
            return (out if far is None else max(out, far[n])) * greed

        best = [INF] * (nx * ny * 4)
        parent: dict[int, int] = {}
        start_of: dict[int, list[int]] = {}
        heap: list = []
        seq = 0
        for nodes, port in starts:
            n = nodes[-1]
            g = self._length(nodes) + port.cost
            s = n * 4 + port.dir
            if g < best[s]:
                best[s] = g
                start_of[s] = nodes
                heapq.heappush(heap, (g + h(n), -g, seq, g, s, None))
                seq += 1
        state, blocked, soft = self.state, self.blocked, self.soft
        hedge, vedge, mask = self.hedge, self.vedge, self.mask
        vmul, hmul = self.vmul, self.hmul
        cross, soft_cost = costs.cross, costs.soft
        pass_bits = (V_BIT | X_BIT, H_BIT | X_BIT, V_BIT | X_BIT, H_BIT | X_BIT)
        turns = ((0, 1, 3), (1, 2, 0), (2, 3, 1), (3, 0, 2))
        push, pop = heapq.heappush, heapq.heappop
        budget = MAX_EXPANSIONS
        bounds = (i_lo, i_hi, j_lo, j_hi)
        while heap:
            budget -= 1
            if budget == MAX_EXPANSIONS - FLOOD_AFTER and far is None:
                # A long search: measure the way to the goals once (none: stop), then
                # go on with that estimate, weighted like a whole-page search.
                far = distances(self, goals, bounds)
                if all(far[e[4] // 4] == INF for e in heap if e[5] is None):
                    return None
                greed = max(costs.greed, WHOLE_PAGE_GREED)
                heap = [e if e[5] is not None else (e[3] + h(e[4] // 4), *e[1:]) for e in heap]
                heapq.heapify(heap)
            if budget < 0:
                return None  # bounded time: the caller treats this as no route
            f, _, _, g, s, finish = pop(heap)
            if finish is not None:
                self.expanded = MAX_EXPANSIONS - budget
                return self._assemble(s, parent, start_of, finish, g)
            if g > best[s]:
                continue
            n, d = divmod(s, 4)
            if n in goals:
                for goal in goals[n]:
                    nodes, port = goal
                    if port.owner is JOIN:
                        if port.dir != d:
                            continue
                        extra = -cross  # arriving on the joined arrow is no crossing
                    elif port.dir == d:
                        extra = 0.0
                    elif port.dir == (d + 2) % 4 or state[n]:
                        continue
                    else:
                        extra = bend
                    total = g + extra + self._length(nodes) + port.cost
                    push(heap, (total, -total, seq, total, s, goal))
                    seq += 1
            i, j = divmod(n, ny)
            x0, y0 = xs[i], ys[j]
            free_here = not state[n]
            for nd in turns[d]:
                if nd != d and not free_here:
                    continue  # a bend needs a free node
                if nd == UP:
                    if j <= j_lo:
                        continue
                    m = n - 1
                    if vedge[m] & mask:
                        continue
                    step_cost = (y0 - ys[j - 1]) * vmul[i]
                elif nd == DOWN:
                    if j >= j_hi:
                        continue
                    m = n + 1
                    if vedge[n] & mask:
                        continue
                    step_cost = (ys[j + 1] - y0) * vmul[i]
                elif nd == RIGHT:
                    if i >= i_hi:
                        continue
                    m = n + ny
                    if hedge[n] & mask:
                        continue
                    step_cost = (xs[i + 1] - x0) * hmul[j]
                else:
                    if i <= i_lo:
                        continue
                    m = n - ny
                    if hedge[m] & mask:
                        continue
                    step_cost = (x0 - xs[i - 1]) * hmul[j]
                if blocked[m] or far is not None and far[m] == INF:
                    continue
                sm = state[m]
                if sm & pass_bits[nd]:
                    continue
                cost = g + step_cost
                if nd != d:
                    cost += bend
                if sm:
                    cost += cross
                if soft[m]:
                    cost += soft_cost
                t = m * 4 + nd
                if cost < best[t]:
                    best[t] = cost
                    parent[t] = s
                    push(heap, (cost + h(m), -cost, seq, cost, t, None))
                    seq += 1
        return None

    def _direct(self, sources: Sequence[Port], targets: Sequence[Port]) -> Found | None:
        """A straight segment from a source to a target facing it, if one is free."""
        found = None
        for sp in sources:
            for tp in targets:
                if sp.dir != tp.dir:
                    continue
                (sx, sy), (tx, ty) = sp.point, tp.point
                vertical = sp.dir in (UP, DOWN)
                if (q(sx) != q(tx)) if vertical else (q(sy) != q(ty)):
                    continue
                ahead = {UP: sy > ty, DOWN: ty > sy, LEFT: sx > tx, RIGHT: tx > sx}[sp.dir]
                if not ahead:
                    continue
                nodes = self._straight(sp, tp)
                if nodes is None:
                    continue
                cost = self._length(nodes) + sp.cost + tp.cost
                if found is None or cost < found[0]:
                    found = (cost, nodes)
        return Found(found[1], found[0]) if found else None

    def _straight(self, sp: Port, tp: Port) -> list[int] | None:
        n = self.node(sp.point)
        end = self.node(tp.point)
        if n is None or end is None or self.state[n] or self.state[end]:
            return None
        nodes = [n]
        bit = axis_bit(sp.dir) | X_BIT
        while n != end:
            m = self.step(n, sp.dir)
            if m is None or self.edge_used(n, m, sp.dir):
                return None
            if m != end:
                if self.state[m] & bit:
                    return None
                if self.blocked[m] and not (self._inside(m, sp.owner) or self._inside(m, tp.owner)):
                    return None
            nodes.append(m)
            n = m
        x0, y0 = self.coords(nodes[0])
        x1, y1 = self.coords(end)
        if abs(x1 - x0) + abs(y1 - y0) < self.costs.target_min - 1e-6:
            return None
        return nodes

    def _length(self, nodes: list[int]) -> float:
        return length(self, nodes)

    def _assemble(self, s: int, parent, start_of, goal, cost: float) -> Found | None:
        middle = []
        while s in parent:
            middle.append(s // 4)
            s = parent[s]
        start_nodes = start_of[s]
        middle.reverse()
        goal_nodes, _ = goal
        nodes = start_nodes + middle
        if goal_nodes[0] == nodes[-1]:
            nodes += goal_nodes[1:]
        else:
            nodes += goal_nodes
        if len(set(nodes)) != len(nodes):
            return None  # the path would touch itself
        return Found(nodes, cost)
