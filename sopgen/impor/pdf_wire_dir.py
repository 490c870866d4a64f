"""The direction of the lines of one arrow network, and where each source's flow goes.

Each drawn path runs from the end on its symbol to its arrowhead; a path that ends on
another line joins that line's flow, one that starts on another line branches off it. So a
source reaches every arrowhead downstream of it: a fork keeps all its branches and a join
all its sources.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from sopgen.impor.pdf_geom import Point, Segment

if TYPE_CHECKING:
    from sopgen.impor.pdf_wires import Net

JOIN = 2.6  # ends closer than this meet


def seg_dist(p: Point, s: Segment) -> float:
    ax, ay, bx, by = s.x0, s.y0, s.x1, s.y1
    dx, dy = bx - ax, by - ay
    L = dx * dx + dy * dy
    t = 0.0 if L == 0 else max(0.0, min(1.0, ((p[0] - ax) * dx + (p[1] - ay) * dy) / L))
    return math.hypot(p[0] - (ax + t * dx), p[1] - (ay + t * dy))


def graph(segs: list[Segment], with_edges: bool = False, ends_at: tuple[Point, ...] = ()):
    """The lines as a graph: nodes where lines meet, edges along them. ``ends_at``: points
    where an arrow ends at a symbol (its head, or its tail on the outline); such an end
    meets only another line's end, never the middle of a line passing close by or over it
    (an arrow into a diamond's top vertex right under another arrow's horizontal stretch,
    or into a box whose top edge another arrow runs along)."""
    nodes: list[Point] = []

    def nid(p: Point) -> int:
        for i, q in enumerate(nodes):
            if math.dist(p, q) <= JOIN:
                return i
        nodes.append(p)
        return len(nodes) - 1

    adj: dict[int, list[tuple[int, float]]] = {}
    edges: list[tuple[int, int, int]] = []  # segment, node along it, next node along it
    ends = [(s.x0, s.y0) for s in segs] + [(s.x1, s.y1) for s in segs]
    for n_s, s in enumerate(segs):
        a = (s.x0, s.y0)
        L = s.length or 1e-9
        ts = {0.0, 1.0}
        for p in ends:
            if seg_dist(p, s) <= JOIN:
                t = ((p[0] - s.x0) * (s.x1 - s.x0) + (p[1] - s.y0) * (s.y1 - s.y0)) / (L * L)
                t = max(0.0, min(1.0, t))
                if 0.0 < t < 1.0 and any(math.dist(p, q) <= 1.5 for q in ends_at):
                    if t * L > JOIN and (1 - t) * L > JOIN:
                        # an end at a symbol beside (or under) this line: the line runs on
                        # past it to somewhere else, it does not end or branch there
                        continue
                ts.add(t)
        order = sorted(ts)
        pts = [(a[0] + t * (s.x1 - s.x0), a[1] + t * (s.y1 - s.y0)) for t in order]
        ids = [nid(p) for p in pts]
        for k in range(len(ids) - 1):
            i, j, p, q = ids[k], ids[k + 1], pts[k], pts[k + 1]
            if i != j:
                d = math.dist(p, q)
                adj.setdefault(i, []).append((j, d))
                adj.setdefault(j, []).append((i, d))
                edges.append((n_s, i, j))
    if with_edges:
        return nodes, adj, edges
    return nodes, adj


def _at_symbols(net: Net) -> tuple[Point, ...]:
    return tuple(p for _i, p, _is_t in net.ends)


def _path_ends(segs: list[Segment]) -> list[Point]:
    """The two free ends of one drawn path (a polyline's pieces meet end to end)."""
    pts = [(s.x0, s.y0) for s in segs] + [(s.x1, s.y1) for s in segs]
    return [p for p in pts if sum(math.dist(p, q) <= 0.5 for q in pts) == 1]


def orient(net: Net) -> dict[int, bool] | None:
    """For each segment, whether the flow runs from (x0, y0) to (x1, y1), taken from the
    ends of the drawn path it belongs to: an end with an arrowhead is where it goes, an end
    on a symbol without one is where it starts, else an arrow that starts on another line
    (a branch) leads to its arrowhead and one that ends on another line (a join) leaves its
    symbol; a path with both ends on other lines runs in the order it was drawn. None when
    a path's direction cannot be told."""
    heads = [p for _i, p, is_t in net.ends if is_t]
    tails = [p for _i, p, is_t in net.ends if not is_t]
    groups: dict[int, list[int]] = {}
    for k, sg in enumerate(net.segs):
        groups.setdefault(sg.group if sg.group >= 0 else -1 - k, []).append(k)
    out: dict[int, bool] = {}
    for ks in groups.values():
        segs = [net.segs[k] for k in ks]
        ends = _path_ends(segs)
        if len(ends) != 2:
            return None

        def near(p, qs, tol=3.0):
            return any(math.dist(p, q) <= tol for q in qs)

        a, b = ends
        if near(b, heads) and not near(a, heads):
            start = a
        elif near(a, heads) and not near(b, heads):
            start = b
        elif near(a, tails) and not near(b, tails):
            start = a
        elif near(b, tails) and not near(a, tails):
            start = b
        else:
            # both ends on other lines (a branch that joins another arrow): the order the
            # path was drawn in, from its first point
            firsts = [e for e in ends if any(math.dist(e, (g.x0, g.y0)) <= 0.5 for g in segs)]
            if len(firsts) != 1:
                return None
            start = firsts[0]
        # walk the polyline from its start
        cur, left = start, set(ks)
        while left:
            k = min(
                left,
                key=lambda k: min(
                    math.dist(cur, (net.segs[k].x0, net.segs[k].y0)),
                    math.dist(cur, (net.segs[k].x1, net.segs[k].y1)),
                ),
            )
            sg = net.segs[k]
            fwd = math.dist(cur, (sg.x0, sg.y0)) <= math.dist(cur, (sg.x1, sg.y1))
            out[k] = fwd
            cur = (sg.x1, sg.y1) if fwd else (sg.x0, sg.y0)
            left.discard(k)
    return out


def follow(net: Net, srcs: set[int], tgts: set[int], rep) -> set[tuple[int, int]] | None:
    """Which arrowheads each source reaches following the lines in their drawn direction.
    Along its own line a flow takes every branch that leaves it (a fork keeps every
    branch); a line that ends on another one joins it and goes where that line's own
    arrowhead goes, not into the branches leaving it there (an arrow ending on another
    arrow is one into the same target; a join keeps every source). None when the
    direction of some line cannot be told."""
    way = orient(net)
    if way is None:
        return None
    nodes, _adj, edges = graph(net.segs, with_edges=True, ends_at=_at_symbols(net))
    path = [sg.group if sg.group >= 0 else -1 - k for k, sg in enumerate(net.segs)]
    nxt: dict[int, list[tuple[int, int]]] = {}
    into: dict[int, set[int]] = {}  # node -> lines running into it
    for k, i, j in edges:
        a, b = (i, j) if way[k] else (j, i)
        nxt.setdefault(a, []).append((b, path[k]))
        into.setdefault(b, set()).add(path[k])

    def node(p):
        return min(range(len(nodes)), key=lambda i: math.dist(nodes[i], p))

    tgt_nodes = [(rep[i], node(p)) for i, p, is_t in net.ends if is_t and rep[i] in tgts]
    out: set[tuple[int, int]] = set()
    for i, p, is_t in net.ends:
        if is_t or rep[i] not in srcs:
            continue
        start = (node(p), None, False)  # node, line followed, joined onto it
        seen = {start}
        todo = [start]
        while todo:
            n, cur, joined = todo.pop()
            steps = nxt.get(n, ())
            own = [(m, q) for m, q in steps if q == cur]
            if cur is None:
                moves = [(m, q, False) for m, q in steps]
            elif own:
                moves = [(m, q, joined) for m, q in own]
                if not joined:
                    moves += [(m, q, False) for m, q in steps if q != cur]
            else:
                # the line this one ends on runs through here; a branch starting at the
                # same spot is not taken
                through = [(m, q) for m, q in steps if q in into.get(n, ()) - {cur}]
                moves = [(m, q, True) for m, q in (through or steps)]
            for st in moves:
                if st not in seen:
                    seen.add(st)
                    todo.append(st)
        reached = {n for n, _c, _j in seen}
        out |= {(rep[i], t) for t, m in tgt_nodes if m in reached and t != rep[i]}
    if {t for _s, t in out} != {t for t in tgts} or {s for s, _t in out} != set(srcs):
        return None
    return out
