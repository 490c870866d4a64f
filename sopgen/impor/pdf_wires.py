"""Drawn arrows on one page as networks of lines with their ends at symbols.

Line segments in the executor columns are chained into networks (ends that meet, or an end
on another line: a fork or a merge). A network's loose ends touching a symbol outline are its
sources, the ends carrying an arrowhead its targets. An arrowhead that stops short of a symbol
points at the one straight ahead; an end a little off a symbol is taken as meant for it; both
are reported by the caller as uncertain. Several sources joined into one network reach every
arrowhead their lines lead to in the drawn direction (pdf_wire_dir); where that direction
cannot be told, each goes to its nearest target along the lines.
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass, field

from sopgen.impor.pdf_body import PagePart
from sopgen.impor.pdf_geom import Arrowhead, Point, Segment
from sopgen.impor.pdf_shapes import OUTSIDE, Sym
from sopgen.impor.pdf_wire_dir import JOIN, follow, graph, seg_dist

ATTACH = 4.5  # an end this close to a symbol outline touches it
NEAR_GUESS = 12.0  # a loose end this close to a symbol is taken as meant for it (and said)
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


def _arrow_segments(pp: PagePart) -> list[Segment]:
    g = pp.grid
    cols = [c for c, k in enumerate(pp.executor) if k is not None]
    if not cols:
        return []
    ex0, ex1 = g.xs[cols[0]], g.xs[cols[-1] + 1]

    def on_rule(s: Segment) -> bool:
        if s.horizontal:
            return any(abs(s.y0 - y) < 1.3 for y in g.ys)
        return s.vertical and any(abs(s.x0 - x) < 1.3 for x in g.xs)

    # pieces of one drawn path that also runs off the rulings belong to an arrow, even
    # where they lie on a ruling (a merge drawn along a row line)
    arrow_groups = {s.group for s in pp.geom.segments if s.group >= 0 and not on_rule(s)}
    out = []
    for s in pp.geom.segments:
        if s.group in arrow_groups:
            out.append(s)
            continue
        lo_x, hi_x = min(s.x0, s.x1), max(s.x0, s.x1)
        lo_y, hi_y = min(s.y0, s.y1), max(s.y0, s.y1)
        if hi_x < ex0 + 1 or lo_x > ex1 - 1:
            continue
        if hi_y < pp.body_top - 1 and lo_y > g.top - 1:
            continue  # a ruling inside the header
        if hi_y < g.top - OUTSIDE or lo_y > g.bottom + OUTSIDE:
            continue
        if s.horizontal and any(abs(s.y0 - y) < 1.3 for y in g.ys) and hi_x - lo_x > 0:
            if hi_x - lo_x > 0.5 * (ex1 - ex0) or lo_x < ex0 + 2 or hi_x > ex1 - 2:
                continue
            if any(abs(s.y0 - y) < 0.6 for y in g.ys):
                continue
        if s.vertical and any(abs(s.x0 - x) < 1.3 for x in g.xs):
            continue
        out.append(s)
    return _drop_doubles(out)


def _drop_doubles(segs: list[Segment]) -> list[Segment]:
    """A piece drawn twice (two arrows sharing a stretch) is kept once, so its ends stay
    visible as ends."""
    out: list[Segment] = []
    for s in sorted(segs, key=lambda s: -s.length):
        a, b = (s.x0, s.y0), (s.x1, s.y1)
        if any(seg_dist(a, o) < 0.8 and seg_dist(b, o) < 0.8 for o in out):
            continue
        out.append(s)
    return out


def _networks(segs: list[Segment], heads=(), at_symbol=lambda p: False) -> list[list[Segment]]:
    """Segments that meet, grouped. An end carrying an arrowhead or touching a symbol
    joins only another segment's end (a corner), never the middle of a line it merely
    crosses or passes close by."""
    n = len(segs)
    parent = list(range(n))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    ends = [((s.x0, s.y0), (s.x1, s.y1)) for s in segs]
    headed = [
        tuple(any(math.dist(p, h.base) <= 2.0 for h in heads) or at_symbol(p) for p in ends[i])
        for i in range(n)
    ]

    # a corner of a drawn path (where its own next piece starts) is no end: it meets
    # another path only where that path runs through it (two arrows turning a point or
    # two apart on one track are still two arrows)
    by_group: dict[int, list[int]] = {}
    for i in range(n):
        if segs[i].group >= 0:
            by_group.setdefault(segs[i].group, []).append(i)

    def _corner(i: int, p: Point) -> bool:
        return any(
            k != i and min(math.dist(p, q) for q in ends[k]) < 0.5
            for k in by_group.get(segs[i].group, ())
        )

    corner = [tuple(_corner(i, p) for p in ends[i]) for i in range(n)]

    # how close each end comes to another drawn path: an end on one line joins that line,
    # not also another one passing two points away (an arrow ending on a line that runs
    # beside another arrow's stretch)
    boxes = [
        (
            min(g.x0, g.x1) - JOIN,
            min(g.y0, g.y1) - JOIN,
            max(g.x0, g.x1) + JOIN,
            max(g.y0, g.y1) + JOIN,
        )
        for g in segs
    ]

    def _closest(i: int, p: Point) -> float:
        near = [
            seg_dist(p, segs[k])
            for k in range(n)
            if k != i
            and boxes[k][0] <= p[0] <= boxes[k][2]
            and boxes[k][1] <= p[1] <= boxes[k][3]
            and (segs[i].group < 0 or segs[k].group != segs[i].group)
        ]
        return min(near, default=math.inf)

    closest = [tuple(_closest(i, p) for p in ends[i]) for i in range(n)]

    def meets(i: int, j: int) -> bool:
        for k, p in enumerate(ends[i]):
            if corner[i][k] and segs[j].group != segs[i].group:
                if seg_dist(p, segs[j]) <= 0.8:
                    return True
                continue
            if headed[i][k]:
                if any(math.dist(p, q) <= JOIN for q in ends[j]):
                    return True
            elif seg_dist(p, segs[j]) <= min(JOIN, closest[i][k] + 0.8) and (
                not _beside(segs[i], segs[j]) or any(math.dist(p, q) <= JOIN for q in ends[j])
            ):
                return True
        return False

    for i in range(n):
        for j in range(i + 1, n):
            if find(i) == find(j):
                continue
            if meets(i, j) or meets(j, i):
                parent[find(i)] = find(j)
    groups: dict[int, list[Segment]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(segs[i])
    return list(groups.values())


def _beside(a: Segment, b: Segment) -> bool:
    """Two parallel lines side by side, not in line: two arrows run close along one track
    (a renderer keeps them a point or two apart). One meets the other only end to end."""
    if a.horizontal and b.horizontal:
        return abs(a.y0 - b.y0) > 0.8
    if a.vertical and b.vertical:
        return abs(a.x0 - b.x0) > 0.8
    return False


def _terminals(segs: list[Segment]) -> list[Point]:
    out = []
    for i, s in enumerate(segs):
        a, b = (s.x0, s.y0), (s.x1, s.y1)
        for p, q in ((a, b), (b, a)):
            joined = False
            for j, o in enumerate(segs):
                if j == i:
                    continue
                d = seg_dist(p, o)
                # a short piece near a line is joined there by its nearer end only
                if d <= JOIN and (d <= seg_dist(q, o) or d < 0.3):
                    joined = True
                    break
            if not joined:
                out.append(p)
    return out


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
    nets = [
        Net(segs)
        for segs in _networks(
            _arrow_segments(pp),
            pp.geom.heads,
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
        ends = _terminals(net.segs)
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
                math.dist(h.base, p) <= max(3.0, 0.8 * h.size) or math.dist(h.tip, p) <= 1.5
                for h in heads
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
        if net.sources or net.targets or net.loose:
            out.append(net)
    return out
