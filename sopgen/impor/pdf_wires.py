"""Drawn arrows on one page as networks of lines with their ends at symbols.

Line segments in the executor columns are chained into networks (ends that meet, or an end
on another line: a fork or a merge; pdf_wire_lines). A network's loose ends touching a
symbol outline are its sources, the ends carrying an arrowhead its targets. An arrowhead
that stops short of a symbol points at the one straight ahead; an end a little off a symbol
is taken as meant for it; both are reported by the caller as uncertain. Several sources
joined into one network reach every arrowhead their lines lead to in the drawn direction
(pdf_wire_dir); where that direction cannot be told, each goes to its nearest target along
the lines. A line above or under the table that touches nothing and has no arrowhead is a
ruling of what is printed there (an identity block on the same page), not an arrow.
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass, field

from sopgen.impor.pdf_body import PagePart
from sopgen.impor.pdf_geom import Arrowhead, Point, Segment
from sopgen.impor.pdf_shapes import Sym
from sopgen.impor.pdf_wire_dir import JOIN, follow, graph, seg_dist
from sopgen.impor.pdf_wire_lines import arrow_segments, networks, onto_lines, terminals

ATTACH = 4.5  # an end this close to a symbol outline touches it
NEAR_GUESS = 12.0  # a loose end this close to a symbol is taken as meant for it (and said)
FAR_GUESS = 24.0  # ... and this close when it is the only end an arrow could leave from
RAY = 60.0  # an arrowhead stopping short: the symbol straight ahead within this distance


def _sym_dist(s: Sym, p: Point) -> float:
    o = s.outline
    dx = max(o.x0 - p[0], 0.0, p[0] - o.x1)
    dy = max(o.y0 - p[1], 0.0, p[1] - o.y1)
    box = math.hypot(dx, dy)
    if o.curved or s.kind in ("process", "terminator") or box > 20.0:
        return box
    # a diamond or pentagon: distance to its outline (a point by the corner of a diamond's
    # box is well away from the diamond), 0 when inside
    pts = o.pts
    edges = [Segment(*pts[i - 1], *pts[i]) for i in range(len(pts))]
    inside = _inside(p, pts)
    return 0.0 if inside else min(seg_dist(p, e) for e in edges)


def _inside(p: Point, pts) -> bool:
    x, y = p
    n = len(pts)
    res = False
    for i in range(n):
        (x0, y0), (x1, y1) = pts[i - 1], pts[i]
        if (y0 > y) != (y1 > y) and x < (x1 - x0) * (y - y0) / (y1 - y0 + 1e-12) + x0:
            res = not res
    return res


@dataclass
class Net:
    segs: list[Segment]
    sources: set[int] = field(default_factory=set)  # Sym indices
    targets: set[int] = field(default_factory=set)
    loose: list[Point] = field(default_factory=list)  # ends touching nothing
    exits: list[tuple[int, Point]] = field(default_factory=list)  # (decision, end) it leaves
    labels: dict[int, str] = field(default_factory=dict)  # decision -> printed exit label
    ends: list[tuple[int, Point, bool]] = field(default_factory=list)  # sym, point, target?
    guessed: list[tuple[Point, int]] = field(default_factory=list)  # ends near, not on, a sym
    heads: int = 0
    label: str | None = None


def _tail(segs: list[Segment], p: Point, h: Arrowhead) -> bool:
    """Whether ``p`` is the end of a line whose other end is nearer the arrowhead's tip:
    the tail of a shaft hardly longer than the head, not the end under the head."""
    for s in segs:
        a, b = (s.x0, s.y0), (s.x1, s.y1)
        for e, other in ((a, b), (b, a)):
            if math.dist(e, p) <= 0.5 and math.dist(other, h.tip) < math.dist(p, h.tip):
                return True
    return False


def _ray_sym(syms: list[Sym], idx: list[int], h: Arrowhead) -> int | None:
    """The symbol an arrowhead points at when it stops short of it."""
    dx, dy = h.tip[0] - h.base[0], h.tip[1] - h.base[1]
    n = math.hypot(dx, dy) or 1.0
    dx, dy = dx / n, dy / n
    step = 1.0
    while step <= RAY:
        p = (h.tip[0] + dx * step, h.tip[1] + dy * step)
        for i in idx:
            if _sym_dist(syms[i], p) <= 1.0:
                return i
        step += 1.0
    return None


def _nearest_sym(syms: list[Sym], idx: list[int], p: Point, tol: float) -> int | None:
    best, bd = None, tol
    for i in idx:
        d = _sym_dist(syms[i], p)
        if d <= bd:
            best, bd = i, d
    return best


def pairs(net: Net, srcs: set[int], tgts: set[int], rep) -> set[tuple[int, int]]:
    """Which source reaches which target. One source: all targets (a fork). Several
    sources (lines joining): each source its nearest target along the lines, and a target
    nobody chose its nearest source."""
    if len(srcs) <= 1 or not tgts:
        return {(s, t) for s in srcs for t in tgts}
    directed = follow(net, srcs, tgts, rep)
    if directed is not None:
        return directed
    nodes, adj = graph(net.segs, ends_at=tuple(p for _i, p, _t in net.ends))

    def node(p):
        return min(range(len(nodes)), key=lambda i: math.dist(nodes[i], p))

    src_nodes = [(rep[i], node(p)) for i, p, is_t in net.ends if not is_t and rep[i] in srcs]
    tgt_nodes = [(rep[i], node(p)) for i, p, is_t in net.ends if is_t and rep[i] in tgts]
    dist: dict[tuple[int, int], float] = {}
    for s, n in src_nodes:
        d = _dijkstra(adj, n)
        for t, m in tgt_nodes:
            if s != t:
                dist[(s, t)] = min(dist.get((s, t), math.inf), d.get(m, math.inf))
    out = set()
    for s in srcs:
        cands = [(d, t) for (a, t), d in dist.items() if a == s and d < math.inf]
        if cands:
            out.add((s, min(cands)[1]))
    for t in tgts:
        if not any(b == t for _, b in out):
            cands = [(d, a) for (a, b), d in dist.items() if b == t and d < math.inf]
            if cands:
                out.add((min(cands)[1], t))
    return out


def exit_path(net: Net, p: Point) -> list[Segment]:
    """The stretch of line an exit runs along before it meets another line: where its
    label is printed when several exits share a network."""
    nodes, adj = graph(net.segs, ends_at=tuple(p for _i, p, _t in net.ends))
    start = min(range(len(nodes)), key=lambda i: math.dist(nodes[i], p))
    out: list[Segment] = []
    prev, cur = None, start
    while True:
        nxt = [m for m, _ in adj.get(cur, ()) if m != prev]
        if not nxt or (cur != start and len(adj.get(cur, ())) > 2):
            break
        m = nxt[0]
        a, b = nodes[cur], nodes[m]
        out.append(Segment(a[0], a[1], b[0], b[1]))
        prev, cur = cur, m
        if len(out) > len(net.segs) * 4:
            break
    return out or list(net.segs)


def _dijkstra(adj, start: int) -> dict[int, float]:
    dist = {start: 0.0}
    heap = [(0.0, start)]
    while heap:
        d, n = heapq.heappop(heap)
        if d > dist.get(n, math.inf):
            continue
        for m, w in adj.get(n, ()):
            nd = d + w
            if nd < dist.get(m, math.inf):
                dist[m] = nd
                heapq.heappush(heap, (nd, m))
    return dist


def page_nets(pp: PagePart, syms: list[Sym], idx: list[int]) -> list[Net]:
    segs, joins = onto_lines(
        arrow_segments(pp),
        pp.geom.heads,
        lambda p: _nearest_sym(syms, idx, p, ATTACH) is not None,
    )
    nets = [
        Net(group)
        for group in networks(
            segs,
            [h for h in pp.geom.heads if h not in joins],
            lambda p: _nearest_sym(syms, idx, p, 1.0) is not None,
        )
    ]
    # each arrowhead belongs to the network whose line reaches its base (an end or a
    # corner where another line joins)
    claimed: dict[int, list[Arrowhead]] = {}
    for h in pp.geom.heads:
        tol = max(3.0, 0.8 * h.size)
        best, bd = None, tol
        for n, net in enumerate(nets):
            d = min(min(seg_dist(h.base, s), seg_dist(h.tip, s) + 1.0) for s in net.segs)
            if d <= bd:
                best, bd = n, d
        if best is not None:
            claimed.setdefault(best, []).append(h)
    out = []
    for n, net in enumerate(nets):
        heads = claimed.get(n, [])
        for h in heads:
            net.heads += 1
            if h in joins:
                continue  # a join into a line of this network
            t = _nearest_sym(syms, idx, h.tip, ATTACH)
            if t is None:
                t = _ray_sym(syms, idx, h)
                if t is not None:
                    net.guessed.append((h.tip, t))
            if t is None:
                net.loose.append(h.tip)
            else:
                net.targets.add(t)
                net.ends.append((t, h.base, True))
        ends = terminals(net.segs)
        # a fork may start right at a symbol: its branches share that end, so it is no
        # loose end, but it still leaves the symbol
        for sg in net.segs:
            for q in ((sg.x0, sg.y0), (sg.x1, sg.y1)):
                k = _nearest_sym(syms, idx, q, 1.5)
                if k is None or q in ends or any(math.dist(q, e) <= JOIN for e in ends):
                    continue
                o = syms[k].outline
                if (
                    min(abs(q[0] - o.x0), abs(q[0] - o.x1), abs(q[1] - o.y0), abs(q[1] - o.y1))
                    <= 1.5
                ):
                    ends.append(q)  # on its outline, not a corner of a line across it
        for p in ends:
            if any(
                math.dist(h.tip, p) <= 1.5
                or math.dist(h.base, p) <= max(3.0, 0.8 * h.size)
                and not _tail(net.segs, p, h)
                for h in heads
                if h not in joins  # (a join's short shaft may start by its head's base)
            ):
                continue
            s = _nearest_sym(syms, idx, p, ATTACH)
            if s is not None:
                net.sources.add(s)
                net.ends.append((s, p, False))
                if syms[s].kind == "decision":
                    net.exits.append((s, p))
            elif sum(seg.length for seg in net.segs) > 6:
                s = _nearest_sym(syms, idx, p, NEAR_GUESS)
                if s is None:
                    net.loose.append(p)
                else:
                    net.sources.add(s)
                    net.ends.append((s, p, False))
                    net.guessed.append((p, s))
                    if syms[s].kind == "decision":
                        net.exits.append((s, p))
        tips = [h.tip for h in heads]
        if net.targets and not net.sources and len(net.loose) == 1 and net.loose[0] not in tips:
            # an arrow into a symbol must leave one: its one loose tail is taken as meant for
            # the nearest other symbol a little farther off (and said)
            p = net.loose[0]
            near = [i for i in idx if i not in net.targets]
            s = _nearest_sym(syms, near, p, FAR_GUESS)
            if s is not None:
                net.loose = []
                net.sources.add(s)
                net.ends.append((s, p, False))
                net.guessed.append((p, s))
                if syms[s].kind == "decision":
                    net.exits.append((s, p))
        if not (net.sources or net.targets or net.heads) and all(
            max(sg.y0, sg.y1) < pp.grid.top - 1 or min(sg.y0, sg.y1) > pp.grid.bottom + 1
            for sg in net.segs
        ):
            continue  # a ruling of what is printed above or under the table, touching nothing
        if net.sources or net.targets or net.loose:
            out.append(net)
    return out
