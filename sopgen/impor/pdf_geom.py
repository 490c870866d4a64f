"""The drawing of one PDF page as plain geometry: straight segments, closed outlines, arrowheads.

PDF producers draw the same picture in different ways: a table ruling may be a stroked line,
the edge of a stroked rectangle or a thin filled rectangle; an arrow may be a stroked
polyline or (Word's "Print to PDF") a thin filled outline around the line. Everything here is
brought to one form, in page coordinates with y growing downwards (pdfplumber's ``top``):

- ``Segment``: a straight piece of line (rulings, arrows);
- ``Outline``: a closed shape that is not a line (symbols, table cells, shading);
- ``Arrowhead``: a small triangle, with its tip and the direction it points to.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

Point = tuple[float, float]

THIN = 2.6  # a filled shape at most this thick is a drawn line
HEAD_MAX = 14.0  # longest side of an arrowhead triangle


@dataclass(frozen=True)
class Segment:
    x0: float
    y0: float
    x1: float
    y1: float
    width: float = 1.0
    group: int = -1  # the drawn path it comes from (pieces of one polyline share it)

    @property
    def length(self) -> float:
        return math.hypot(self.x1 - self.x0, self.y1 - self.y0)

    @property
    def horizontal(self) -> bool:
        return abs(self.y1 - self.y0) <= 0.8 and abs(self.x1 - self.x0) > 0.8

    @property
    def vertical(self) -> bool:
        return abs(self.x1 - self.x0) <= 0.8 and abs(self.y1 - self.y0) > 0.8


@dataclass(frozen=True)
class Outline:
    pts: tuple[Point, ...]  # vertices, not closed (last != first)
    curved: bool  # the path has Bezier pieces
    straight: tuple[tuple[Point, Point], ...]  # the straight edges, as drawn
    x0: float
    y0: float
    x1: float
    y1: float
    stroked: bool
    filled: bool

    @property
    def w(self) -> float:
        return self.x1 - self.x0

    @property
    def h(self) -> float:
        return self.y1 - self.y0

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2


@dataclass(frozen=True)
class Arrowhead:
    tip: Point
    base: Point  # middle of the side opposite the tip
    size: float


@dataclass
class PageGeometry:
    segments: list[Segment]
    outlines: list[Outline]
    heads: list[Arrowhead]

    def rulings(self) -> list[Segment]:
        """Candidate table rulings: the line segments and the straight, axis-parallel
        edges of closed outlines (some producers draw each table cell as a closed path)."""
        out = list(self.segments)
        for o in self.outlines:
            if not o.stroked:  # a shading, not a line
                continue
            pts = corners(o.pts) if not o.curved else []
            if len(pts) != 4:
                continue
            for a, b in zip(pts, pts[1:] + pts[:1], strict=True):
                if abs(a[0] - b[0]) < 0.8 or abs(a[1] - b[1]) < 0.8:
                    out.append(Segment(a[0], a[1], b[0], b[1], 0.5))
        return out


def _dist(a: Point, b: Point) -> float:
    return math.hypot(a[0] - b[0], a[1] - b[1])


def _clean(pts: list[Point]) -> list[Point]:
    """Drop repeated points and the closing point."""
    out: list[Point] = []
    for p in pts:
        if not out or _dist(out[-1], p) > 0.05:
            out.append(p)
    while len(out) > 1 and _dist(out[0], out[-1]) <= 0.05:
        out.pop()
    return out


def corners(pts: tuple[Point, ...] | list[Point], tol: float = 0.35) -> list[Point]:
    """Vertices where the outline turns (collinear points dropped)."""
    pts = list(pts)
    changed = True
    while changed and len(pts) > 3:
        changed = False
        for i in range(len(pts)):
            a, b, c = pts[i - 1], pts[i], pts[(i + 1) % len(pts)]
            ab, bc = _dist(a, b), _dist(b, c)
            if ab < 0.6 or bc < 0.6:
                pts.pop(i)
                changed = True
                break
            cross = (b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0])
            if abs(cross) / (ab * bc) < 0.08 and _dist(a, c) > max(ab, bc) - tol:
                pts.pop(i)
                changed = True
                break
    return pts


def _area(pts: list[Point]) -> float:
    s = 0.0
    for i in range(len(pts)):
        x0, y0 = pts[i - 1]
        x1, y1 = pts[i]
        s += x0 * y1 - x1 * y0
    return abs(s) / 2


def _perimeter(pts: list[Point]) -> float:
    return sum(_dist(pts[i - 1], pts[i]) for i in range(len(pts)))


def _midlines(pts: list[Point], width: float) -> list[Segment]:
    """The centre lines of a thin filled outline: pairs of long, opposite, close edges."""
    edges = [(pts[i - 1], pts[i]) for i in range(len(pts))]
    out: list[Segment] = []
    used: set[int] = set()
    for i, (a, b) in enumerate(edges):
        la = _dist(a, b)
        if la < 1.0 or i in used:
            continue
        ux, uy = (b[0] - a[0]) / la, (b[1] - a[1]) / la
        best = None
        for j, (c, d) in enumerate(edges):
            if j == i or j in used:
                continue
            lc = _dist(c, d)
            if lc < 1.0:
                continue
            vx, vy = (d[0] - c[0]) / lc, (d[1] - c[1]) / lc
            if ux * vx + uy * vy > -0.97:
                continue
            # perpendicular distance of c from line ab
            off = (c[0] - a[0]) * -uy + (c[1] - a[1]) * ux
            if abs(off) > THIN + 0.5:
                continue
            # overlap of projections on ab
            tc = (c[0] - a[0]) * ux + (c[1] - a[1]) * uy
            td = (d[0] - a[0]) * ux + (d[1] - a[1]) * uy
            lo, hi = max(0.0, min(tc, td)), min(la, max(tc, td))
            if hi - lo < 0.5:
                continue
            # keep the whole longer extent so corners join: union, not intersection
            lo2, hi2 = min(0.0, min(tc, td)), max(la, max(tc, td))
            if best is None or abs(off) < abs(best[0]):
                best = (off, lo2, hi2, j)
        if best is None:
            continue
        off, lo, hi, j = best
        used.update((i, j))
        mx, my = a[0] - uy * off / 2, a[1] + ux * off / 2
        out.append(Segment(mx + ux * lo, my + uy * lo, mx + ux * hi, my + uy * hi, abs(off)))
    return out


def _arrowhead(pts: list[Point]) -> Arrowhead | None:
    c = corners(pts)
    if len(c) != 3:
        return None
    sides = [_dist(c[i - 1], c[i]) for i in range(3)]  # side i joins c[i-1], c[i]
    if max(sides) > HEAD_MAX or min(sides) < 1.5:
        return None
    k = sides.index(min(sides))  # the base
    a, b = c[k - 1], c[k]
    tip = c[(k + 1) % 3]
    base = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
    if _dist(tip, base) < 1.5:
        return None
    return Arrowhead(tip, base, max(sides))


def _inline_heads(pts: list[Point]) -> tuple[list[Arrowhead], list[Point]]:
    """Arrowheads in one filled outline with their shaft (a whole arrow whose stroke was
    turned into a fill): a tip between two wings, the shaft, narrower, meeting the base
    between them. Gives the heads and the outline without them (the shaft), else the
    outline as it was."""
    c = corners(pts)
    n = len(c)
    heads, drop = [], set()
    for i in range(n if n >= 7 else 0):
        w1, tip, w2, p1, p2 = c[i - 1], c[i], c[(i + 1) % n], c[i - 2], c[(i + 2) % n]
        base = ((w1[0] + w2[0]) / 2, (w1[1] + w2[1]) / 2)
        wide = _dist(w1, w2)
        if not (1.5 <= wide <= HEAD_MAX and 1.5 <= _dist(tip, base) <= HEAD_MAX):
            continue
        if _dist(p1, p2) > 0.7 * wide or max(_pt_seg(p, w1, w2) for p in (p1, p2)) > 0.3:
            continue
        heads.append(Arrowhead(tip, base, max(wide, _dist(tip, w1), _dist(tip, w2))))
        drop.update(((i - 1) % n, i, (i + 1) % n))
    if not heads:
        return [], pts
    return heads, [p for k, p in enumerate(c) if k not in drop]


def _polyline(pts: list[Point], width: float) -> list[Segment]:
    return [
        Segment(a[0], a[1], b[0], b[1], width)
        for a, b in zip(pts, pts[1:], strict=False)
        if _dist(a, b) > 0.3
    ]


def _outline(pts, ops, stroked, filled) -> Outline:
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    straight = []
    prev = None
    for op, p in zip(ops, pts, strict=False):
        if op == "l" and prev is not None:
            straight.append((prev, p))
        prev = p
    return Outline(
        tuple(pts),
        "c" in ops,
        tuple(straight),
        min(xs),
        min(ys),
        max(xs),
        max(ys),
        stroked,
        filled,
    )


def page_geometry(page) -> PageGeometry:
    """Segments, outlines and arrowheads of a pdfplumber page."""
    segs: list[Segment] = []
    outs: list[Outline] = []
    heads: list[Arrowhead] = []
    for o in page.lines:
        pts = [(float(x), float(y)) for x, y in o.get("pts") or []]
        segs.extend(_polyline(pts, float(o.get("linewidth") or 1.0)))
    for o in page.rects:
        x0, y0, x1, y1 = (float(o[k]) for k in ("x0", "top", "x1", "bottom"))
        w, h = x1 - x0, y1 - y0
        if not (o.get("stroke") or o.get("fill")):
            continue
        if w <= THIN and h <= THIN:
            continue
        if h <= THIN:
            segs.append(Segment(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2, max(h, 0.1)))
        elif w <= THIN:
            segs.append(Segment((x0 + x1) / 2, y0, (x0 + x1) / 2, y1, max(w, 0.1)))
        else:
            pts = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
            outs.append(
                _outline(pts + [pts[0]], "mllll", bool(o.get("stroke")), bool(o.get("fill")))
            )
    for k, o in enumerate(page.curves):
        start = len(segs)
        _curve(o, segs, outs, heads)
        if len(segs) - start > 1:
            segs[start:] = [replace(sg, group=k) for sg in segs[start:]]
    return PageGeometry(segs, _dedupe(outs), heads)


def _curve(o, segs: list[Segment], outs: list[Outline], heads: list[Arrowhead]) -> None:
    raw = [(float(x), float(y)) for x, y in o.get("pts") or []]
    if len(raw) < 2:
        return
    path = o.get("path") or []
    ops = "".join(str(s[0]) for s in path if s and s[0] != "h")
    closed = (path and path[-1][0] == "h") or _dist(raw[0], raw[-1]) < 0.3
    stroked, filled = bool(o.get("stroke")), bool(o.get("fill"))
    lw = float(o.get("linewidth") or 1.0)
    if not (closed or filled):
        if not stroked:
            return
        if len(raw) == 3 and max(_dist(raw[0], raw[1]), _dist(raw[1], raw[2])) <= 10:
            # an open "V" arrowhead
            a, b = raw[0], raw[2]
            base = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
            if _dist(base, raw[1]) > 1.5:
                heads.append(Arrowhead(raw[1], base, _dist(a, b)))
                return
        segs.extend(_polyline(raw, lw))
        return
    pts = _clean(raw)
    if len(pts) < 3:
        segs.extend(_polyline(raw, lw))
        return
    if filled and not stroked:
        inline, pts = _inline_heads(pts)
        heads.extend(inline)
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    w, h = max(xs) - min(xs), max(ys) - min(ys)
    per = _perimeter(pts)
    thick = 2 * _area(pts) / per if per else 0.0
    head = _arrowhead(pts) if filled and max(w, h) <= HEAD_MAX else None
    if head is not None:
        heads.append(head)
    elif filled and not stroked and min(w, h) > 4 * max(thick, 0.5) and _ring(pts):
        # a symbol's border painted as a filled ring (a stroke turned into a fill)
        hull = convex_hull(pts)
        outs.append(_outline(hull + [hull[0]], "m" + "l" * len(hull), True, False))
    elif filled and not stroked and (thick <= THIN / 2 or min(w, h) <= THIN):
        segs.extend(_midlines(pts, thick))
    elif min(w, h) <= THIN and not filled:
        segs.extend(_polyline(raw, lw))
    else:
        ops_pts = ops[: len(raw)] if len(ops) >= len(raw) else ops + "l" * len(raw)
        outs.append(_outline(raw, ops_pts, stroked, filled))


def convex_hull(pts) -> list[Point]:
    ps = sorted(set((round(x, 2), round(y, 2)) for x, y in pts))
    if len(ps) <= 2:
        return ps

    def cross(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[Point] = []
    for p in ps:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    upper: list[Point] = []
    for p in reversed(ps):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def _ring(pts: list[Point]) -> bool:
    """A thin closed band that goes all round its convex hull (a drawn border), not a bent
    line (whose hull has a side, the hypotenuse of an L, far from the band)."""
    hull = convex_hull(pts)
    hull_area = _area(hull)
    if hull_area <= 0 or _area(pts) > 0.6 * hull_area:
        return False
    edges = [(pts[i - 1], pts[i]) for i in range(len(pts))]
    for a, b in zip(hull, hull[1:] + hull[:1], strict=True):
        if _dist(a, b) <= 3:
            continue
        mid = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
        if min(_pt_seg(mid, c, d) for c, d in edges) > 3:
            return False
    return True


def _pt_seg(p: Point, a: Point, b: Point) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    L = dx * dx + dy * dy
    t = 0.0 if L == 0 else max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / L))
    return math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy))


def _dedupe(outs: list[Outline]) -> list[Outline]:
    """One outline per drawn shape (some producers paint the fill and the stroke apart)."""
    kept: list[Outline] = []
    for o in outs:
        for i, k in enumerate(kept):
            if (
                abs(o.x0 - k.x0) < 1.5
                and abs(o.y0 - k.y0) < 1.5
                and abs(o.x1 - k.x1) < 1.5
                and abs(o.y1 - k.y1) < 1.5
            ):
                if o.stroked and not k.stroked:
                    kept[i] = o
                elif not o.stroked and not k.stroked and o.filled and k.filled:
                    # a fill painted over a slightly larger fill: a drawn border
                    kept[i] = replace(k, stroked=True)
                break
        else:
            kept.append(o)
    return kept
