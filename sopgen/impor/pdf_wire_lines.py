"""Which drawn lines on a page are arrows, and how they chain into networks.

Of the page's line segments, those in the executor columns that are not the table's own
rulings (a piece of a drawn path that also runs off the rulings belongs to an arrow even
where it lies on one); a stretch drawn twice is kept once. Segments are grouped into
networks where they meet: end to end (a corner), or an end on another line (a fork or a
merge); an end carrying an arrowhead or touching a symbol joins only another end, and two
lines running side by side on one track stay apart. ``terminals`` gives a network's
loose ends. An arrowhead whose tip lies on another arrow's line, away from every symbol,
is a join drawn with a head (``onto_lines``): its shaft runs on to the tip, so it meets that
line. Used by pdf_wires, which finds what each network's ends touch.
"""

from __future__ import annotations

import math
from dataclasses import replace

from sopgen.impor.pdf_body import PagePart
from sopgen.impor.pdf_geom import Arrowhead, Point, Segment
from sopgen.impor.pdf_shapes import OUTSIDE
from sopgen.impor.pdf_wire_dir import JOIN, seg_dist


def arrow_segments(pp: PagePart) -> list[Segment]:
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
        if (hi_y < g.top - 1 or lo_y > g.bottom + 1) and lo_x < ex0 - 1 and hi_x > ex1 + 1:
            continue  # a ruling of what is printed above or under the table, across it
        if s.horizontal and any(abs(s.y0 - y) < 1.3 for y in g.ys) and hi_x - lo_x > 0:
            if hi_x - lo_x > 0.5 * (ex1 - ex0) or lo_x < ex0 + 2 or hi_x > ex1 - 2:
                continue
            if any(abs(s.y0 - y) < 0.6 for y in g.ys):
                continue
        if s.vertical and any(abs(s.x0 - x) < 1.3 for x in g.xs):
            continue
        out.append(s)
    return _drop_doubles(out)


ON_LINE = 1.2  # an arrowhead's tip this close to another line ends on it


def onto_lines(segs: list[Segment], heads, at_symbol) -> tuple[list[Segment], list[Arrowhead]]:
    """Arrows drawn into another arrow's line with an arrowhead of their own (a join, as an
    office draws a step that feeds a loop already under way): the head's tip lies on a line
    across its way and on no symbol, the shaft stopping at the head's base. The shaft is
    run on to the tip, so the join is one network; such heads are returned, being no
    target of their own (the joined line's flow goes on to its own arrowhead)."""
    out = list(segs)
    joins: list[Arrowhead] = []
    for h in heads:
        if at_symbol(h.tip):
            continue
        ux, uy = h.tip[0] - h.base[0], h.tip[1] - h.base[1]
        n = math.hypot(ux, uy) or 1.0
        ux, uy = ux / n, uy / n

        def along(s: Segment, ux=ux, uy=uy) -> bool:  # parallel to the head's direction
            dx, dy = s.x1 - s.x0, s.y1 - s.y0
            return abs(dx * uy - dy * ux) <= 0.1 * (s.length or 1.0)

        across = [s for s in out if not along(s) and seg_dist(h.tip, s) <= ON_LINE]
        if not across:
            continue
        best, bd = None, 2.0
        for k, s in enumerate(out):
            if not along(s) or seg_dist(h.base, s) > 1.0:
                continue
            for end, p in enumerate(((s.x0, s.y0), (s.x1, s.y1))):
                # the shaft's end at the base or inside the head, short of the tip
                reach = (p[0] - h.base[0]) * ux + (p[1] - h.base[1]) * uy
                if -2.0 <= reach < n - JOIN and math.dist(p, h.base) - max(reach, 0) < bd:
                    best, bd = (k, end), math.dist(p, h.base) - max(reach, 0)
        if best is None:
            continue
        k, end = best
        s = out[k]
        out[k] = (
            replace(s, x0=h.tip[0], y0=h.tip[1])
            if end == 0
            else replace(s, x1=h.tip[0], y1=h.tip[1])
        )
        joins.append(h)
    return out, joins


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


def networks(segs: list[Segment], heads=(), at_symbol=lambda p: False) -> list[list[Segment]]:
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


def terminals(segs: list[Segment]) -> list[Point]:
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
