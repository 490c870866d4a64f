"""The flow of a flowchart table: which symbol each drawn arrow leaves and enters.

On each page the line segments in the executor columns are chained into networks (ends that
meet, or an end on another line: a fork or a merge). A network's loose ends touching a symbol
outline are its sources, the ends carrying an arrowhead its targets: every source links to
every target. Words beside a decision's exit are its label. Off-page connectors are then
joined in pairs (by their letter, else by position on consecutive pages), so links go from
symbol to symbol. What cannot be read with confidence becomes an ``Uncertainty``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from sopgen.impor import ir
from sopgen.impor.pdf_body import PagePart, Part
from sopgen.impor.pdf_geom import Arrowhead, Point, Segment
from sopgen.impor.pdf_shapes import OUTSIDE, Sym, page_symbols
from sopgen.impor.pdf_text import Word, lines_of

JOIN = 2.6  # ends closer than this meet
ATTACH = 4.5  # an end this close to a symbol outline touches it
LABEL_NEAR = 16.0  # a label is printed this close to its line


def _seg_dist(p: Point, s: Segment) -> float:
    ax, ay, bx, by = s.x0, s.y0, s.x1, s.y1
    dx, dy = bx - ax, by - ay
    L = dx * dx + dy * dy
    t = 0.0 if L == 0 else max(0.0, min(1.0, ((p[0] - ax) * dx + (p[1] - ay) * dy) / L))
    return math.hypot(p[0] - (ax + t * dx), p[1] - (ay + t * dy))


def _sym_dist(s: Sym, p: Point) -> float:
    o = s.outline
    dx = max(o.x0 - p[0], 0.0, p[0] - o.x1)
    dy = max(o.y0 - p[1], 0.0, p[1] - o.y1)
    box = math.hypot(dx, dy)
    if o.curved or s.kind in ("process", "terminator") or box > 0:
        return box
    # inside the box of a diamond or pentagon: distance to its outline, 0 when inside
    pts = o.pts
    edges = [Segment(*pts[i - 1], *pts[i]) for i in range(len(pts))]
    inside = _inside(p, pts)
    return 0.0 if inside else min(_seg_dist(p, e) for e in edges)


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
    exits: list[Point] = field(default_factory=list)  # ends at a decision (a source)
    ends: list[tuple[int, Point, bool]] = field(default_factory=list)  # sym, point, target?
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
        if any(_seg_dist(a, o) < 0.8 and _seg_dist(b, o) < 0.8 for o in out):
            continue
        out.append(s)
    return out


def _networks(segs: list[Segment]) -> list[list[Segment]]:
    n = len(segs)
    parent = list(range(n))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    ends = [((s.x0, s.y0), (s.x1, s.y1)) for s in segs]
    for i in range(n):
        for j in range(i + 1, n):
            if find(i) == find(j):
                continue
            if any(_seg_dist(p, segs[j]) <= JOIN for p in ends[i]) or any(
                _seg_dist(p, segs[i]) <= JOIN for p in ends[j]
            ):
                parent[find(i)] = find(j)
    groups: dict[int, list[Segment]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(segs[i])
    return list(groups.values())


def _terminals(segs: list[Segment]) -> list[Point]:
    out = []
    for i, s in enumerate(segs):
        a, b = (s.x0, s.y0), (s.x1, s.y1)
        for p, q in ((a, b), (b, a)):
            joined = False
            for j, o in enumerate(segs):
                if j == i:
                    continue
                d = _seg_dist(p, o)
                # a short piece near a line is joined there by its nearer end only
                if d <= JOIN and (d <= _seg_dist(q, o) or d < 0.3):
                    joined = True
                    break
            if not joined:
                out.append(p)
    return out


def _nearest_sym(syms: list[Sym], idx: list[int], p: Point, tol: float) -> int | None:
    best, bd = None, tol
    for i in idx:
        d = _sym_dist(syms[i], p)
        if d <= bd:
            best, bd = i, d
    return best


def _phrases(pp: PagePart, syms: list[Sym], idx: list[int]) -> list[tuple[str, list[Word]]]:
    """Short texts in the executor columns outside every symbol: arrow labels."""
    g = pp.grid
    ws = []
    for w in pp.page.words:
        c = g.col_of(w.x0 + 1)
        if c is None or pp.executor[c] is None or w.cy < pp.body_top or w.cy > g.bottom:
            continue
        if any(
            syms[i].outline.x0 - 1 <= w.cx <= syms[i].outline.x1 + 1
            and syms[i].outline.y0 - 1 <= w.cy <= syms[i].outline.y1 + 1
            for i in idx
        ):
            continue
        ws.append(w)
    out = []
    for line in lines_of(ws):
        cur = [line[0]]
        for w in line[1:]:
            if w.x0 - cur[-1].x1 > 8:
                out.append(cur)
                cur = []
            cur.append(w)
        out.append(cur)
    return [(" ".join(w.text for w in p), p) for p in out if len(p) <= 4]


def _box_dist(ws: list[Word], s: Segment) -> float:
    x0 = min(w.x0 for w in ws)
    x1 = max(w.x1 for w in ws)
    y0 = min(w.top for w in ws)
    y1 = max(w.bottom for w in ws)
    pts = [(x0, y0), (x1, y0), (x0, y1), (x1, y1), ((x0 + x1) / 2, (y0 + y1) / 2)]
    return min(_seg_dist(p, s) for p in pts)


def read_flow(part: Part):
    syms: list[Sym] = []
    for pos, pp in enumerate(part.pages):
        syms.extend(page_symbols(pp, pos))
    uncertain: list[ir.Uncertainty] = []
    nets: list[Net] = []
    for pos, pp in enumerate(part.pages):
        idx = [i for i, s in enumerate(syms) if s.page == pos]
        page_nets = _page_nets(pp, syms, idx)
        _label(pp, syms, idx, page_nets)
        nets.extend(page_nets)
        for net in page_nets:
            for p in net.loose:
                row = _row_near(pp, p[1])
                uncertain.append(
                    ir.Uncertainty(
                        f"halaman {pp.page.number}: ujung garis panah di dekat baris "
                        f"{_nomor(part, row)} tidak menyentuh simbol mana pun; periksa "
                        "ke mana panah ini menuju",
                        row,
                        "lanjut",
                    )
                )
    rep = _merge_joint(syms, nets)
    links: dict[tuple[int, int], str | None] = {}
    for net in nets:
        srcs = {rep[i] for i in net.sources}
        tgts = {rep[i] for i in net.targets}
        if not tgts and len(srcs) >= 2:
            # a line with no arrowhead between symbols of different rows: downwards
            order = sorted(srcs, key=lambda i: (syms[i].row, syms[i].page, syms[i].cx))
            srcs, tgts = {order[0]}, set(order[1:])
            uncertain.append(
                ir.Uncertainty(
                    f"garis tanpa kepala panah dari baris {_nomor(part, syms[order[0]].row)}; "
                    "arahnya dianggap ke bawah, periksa arah alurnya",
                    syms[order[0]].row,
                    "lanjut",
                )
            )
        for s, t in _pairs(net, srcs, tgts, rep):
            if True:
                if s != t:
                    lab = net.label if syms[s].kind == "decision" else None
                    if links.get((s, t)) is None:
                        links[(s, t)] = lab
    links = _join_connectors(part, syms, rep, links, uncertain)
    return _finish(part, syms, rep, links, uncertain)


def _pairs(net: Net, srcs: set[int], tgts: set[int], rep) -> set[tuple[int, int]]:
    """Which source reaches which target. One source: all targets (a fork). Several
    sources (lines joining): each source its nearest target along the lines, and a target
    nobody chose its nearest source."""
    if len(srcs) <= 1 or not tgts:
        return {(s, t) for s in srcs for t in tgts}
    nodes, adj = _graph(net.segs)

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


def _graph(segs: list[Segment]):
    nodes: list[Point] = []

    def nid(p: Point) -> int:
        for i, q in enumerate(nodes):
            if math.dist(p, q) <= JOIN:
                return i
        nodes.append(p)
        return len(nodes) - 1

    adj: dict[int, list[tuple[int, float]]] = {}
    ends = [(s.x0, s.y0) for s in segs] + [(s.x1, s.y1) for s in segs]
    for s in segs:
        a = (s.x0, s.y0)
        L = s.length or 1e-9
        ts = {0.0, 1.0}
        for p in ends:
            if _seg_dist(p, s) <= JOIN:
                t = ((p[0] - s.x0) * (s.x1 - s.x0) + (p[1] - s.y0) * (s.y1 - s.y0)) / (L * L)
                ts.add(max(0.0, min(1.0, t)))
        order = sorted(ts)
        pts = [(a[0] + t * (s.x1 - s.x0), a[1] + t * (s.y1 - s.y0)) for t in order]
        ids = [nid(p) for p in pts]
        for k in range(len(ids) - 1):
            i, j, p, q = ids[k], ids[k + 1], pts[k], pts[k + 1]
            if i != j:
                d = math.dist(p, q)
                adj.setdefault(i, []).append((j, d))
                adj.setdefault(j, []).append((i, d))
    return nodes, adj


def _dijkstra(adj, start: int) -> dict[int, float]:
    import heapq

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


def _page_nets(pp: PagePart, syms: list[Sym], idx: list[int]) -> list[Net]:
    nets = [Net(segs) for segs in _networks(_arrow_segments(pp))]
    # each arrowhead belongs to the network whose line reaches its base (an end or a
    # corner where another line joins)
    claimed: dict[int, list[Arrowhead]] = {}
    for h in pp.geom.heads:
        tol = max(3.0, 0.8 * h.size)
        best, bd = None, tol
        for n, net in enumerate(nets):
            d = min(min(_seg_dist(h.base, s), _seg_dist(h.tip, s) + 1.0) for s in net.segs)
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
                net.loose.append(h.tip)
            else:
                net.targets.add(t)
                net.ends.append((t, h.base, True))
        for p in _terminals(net.segs):
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
                    net.exits.append(p)
            elif sum(seg.length for seg in net.segs) > 6:
                net.loose.append(p)
        if net.sources or net.targets or net.loose:
            out.append(net)
    return out


def _label(pp: PagePart, syms: list[Sym], idx: list[int], nets: list[Net]) -> None:
    exits = [n for n in nets if any(syms[i].kind == "decision" for i in n.sources)]
    pairs = []
    for k, (text, ws) in enumerate(_phrases(pp, syms, idx)):
        for n, net in enumerate(exits):
            d = min(_box_dist(ws, s) for s in net.segs)
            for p in net.exits:  # printed beside the corner the exit leaves
                d = min(d, 0.8 * _box_dist(ws, Segment(p[0], p[1], p[0], p[1])))
            if d <= LABEL_NEAR:
                pairs.append((d, k, n, text))
    used_p, used_n = set(), set()
    for _d, k, n, text in sorted(pairs):
        if k in used_p or n in used_n:
            continue
        used_p.add(k)
        used_n.add(n)
        exits[n].label = text


def _merge_joint(syms: list[Sym], nets: list[Net]) -> dict[int, int]:
    """Boxes of one row joined by a plain line (no arrowhead) are one joint step."""
    rep = {i: i for i in range(len(syms))}
    for net in nets:
        if net.heads or net.targets or len(net.sources) < 2:
            continue
        group = sorted(net.sources, key=lambda i: syms[i].cx)
        first = syms[group[0]]
        if len({syms[i].row for i in group}) != 1 or any(
            syms[i].kind != first.kind or syms[i].kind == "connector" for i in group
        ):
            continue
        cols = sorted({c for i in group for c in syms[i].columns})
        first.columns = tuple(cols)
        for i in group[1:]:
            rep[i] = group[0]
        net.sources = set()
    return rep


def _join_connectors(part, syms, rep, links, uncertain):
    conns = sorted(
        {rep[i] for i, s in enumerate(syms) if s.kind == "connector"},
        key=lambda i: (syms[i].page, syms[i].row, syms[i].cx),
    )
    if not conns:
        return links
    inc = {c: [(s, lab) for (s, t), lab in links.items() if t == c] for c in conns}
    out = {c: [(t, lab) for (s, t), lab in links.items() if s == c] for c in conns}
    recv = [c for c in conns if inc[c] and not out[c]]
    emit = [c for c in conns if out[c] and not inc[c]]
    paired = set()
    new = {k: v for k, v in links.items() if k[0] not in conns and k[1] not in conns}
    for r in recv:
        best, key = None, None
        for e in emit:
            if e in paired:
                continue
            tr, te = syms[r].text.strip(), syms[e].text.strip()
            if tr and te and tr != te:
                continue
            k = (tr != te, abs(syms[e].page - syms[r].page - 1), abs(syms[e].cx - syms[r].cx))
            if syms[e].page < syms[r].page or (syms[e].page == syms[r].page and not tr):
                continue
            if key is None or k < key:
                best, key = e, k
        if best is None:
            continue
        paired.update((r, best))
        for s, lab in inc[r]:
            for t, lab2 in out[best]:
                if s != t and new.get((s, t)) is None:
                    new[(s, t)] = lab or lab2
    for c in conns:
        if c not in paired:
            uncertain.append(
                ir.Uncertainty(
                    f"konektor antarhalaman di baris {_nomor(part, syms[c].row)} "
                    f"(halaman {part.pages[syms[c].page].page.number}) tidak punya pasangan; "
                    "periksa sambungan alurnya",
                    syms[c].row,
                    "lanjut",
                )
            )
    return new


def _row_near(pp: PagePart, y: float) -> int | None:
    rows = [b for b in pp.bands if b.row is not None]
    if not rows:
        return None
    return min(rows, key=lambda b: 0 if b.y0 <= y < b.y1 else min(abs(y - b.y0), abs(y - b.y1))).row


def _nomor(part: Part, row: int | None) -> str:
    if row is None or row >= len(part.rows):
        return "?"
    return part.rows[row].nomor or f"ke-{row + 1}"


def _finish(part, syms, rep, links, uncertain):
    keep = sorted(
        {rep[i] for i in range(len(syms))},
        key=lambda i: (syms[i].row, syms[i].page, round(syms[i].cx / 8), syms[i].outline.cy),
    )
    ids = {i: n for n, i in enumerate(keep)}
    shapes = [
        ir.Shape(
            id=ids[i],
            row=syms[i].row,
            kind=syms[i].kind,
            columns=syms[i].columns,
            text=syms[i].text,
            page=part.pages[syms[i].page].page.number,
            x=round(syms[i].cx, 2),
        )
        for i in keep
    ]
    out = [ir.Link(ids[s], ids[t], lab) for (s, t), lab in links.items() if s in ids and t in ids]
    out.sort(key=lambda lk: (lk.source, lk.target))
    has = {s.row for s in shapes if s.kind != "connector"}
    for r, row in enumerate(part.rows):
        if r not in has:
            uncertain.append(
                ir.Uncertainty(
                    f"baris {row.nomor or r + 1} tidak punya simbol di kolom pelaksana; "
                    "isi pelaksananya",
                    r,
                    "pelaksana",
                )
            )
    for sh in shapes:
        if sh.kind != "decision":
            continue
        exits = [lk for lk in out if lk.source == sh.id]
        if len({lk.target for lk in exits}) < 2:
            uncertain.append(
                ir.Uncertainty(
                    f"keputusan di baris {part.rows[sh.row].nomor or sh.row + 1} hanya punya "
                    f"{len(exits)} jalan keluar yang terbaca; periksa cabang Ya/Tidak-nya",
                    sh.row,
                    "keputusan",
                )
            )
        elif any(not lk.label for lk in exits):
            uncertain.append(
                ir.Uncertainty(
                    f"label cabang keputusan di baris {part.rows[sh.row].nomor or sh.row + 1} "
                    "tidak terbaca; periksa mana cabang Ya dan mana Tidak",
                    sh.row,
                    "keputusan",
                )
            )
    return shapes, out, uncertain
