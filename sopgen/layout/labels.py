"""Ya/Tidak labels: beside the first segment of a decision's exit, a few points off the
line, on the side away from the arrow's next turn, and clear of other drawings where a
free place exists; after an "in" connector that forks, beside each branch
(``fork_labels``)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field

from sopgen.layout.audit_labels import across_decision
from sopgen.layout.geometry import Arrow, Box, Point
from sopgen.layout.label_places import (
    DESCENT,
    LABEL_OFFSET,
    LABEL_REACH,
    Rect,
    around_exit,
    further_candidates,
)
from sopgen.layout.label_places import distance as _distance
from sopgen.layout.style import Measure, Style
from sopgen.layout.text import ASCENT

EPS = 1e-6


@dataclass(frozen=True)
class Scene:
    """What a label must keep clear of: symbols and connectors, the table's grid lines
    (a label across a lane or row border is hard to read), and the lanes' area."""

    shapes: tuple[Box, ...]  # boxes, capsules and connectors (their bounding boxes)
    area: Rect
    grid: tuple[Rect, ...] = ()  # thin rectangles around the grid lines inside the area
    diamonds: tuple[Box, ...] = ()  # decisions: only the diamond itself is taken
    rows: dict[str, tuple[float, float]] = field(default_factory=dict)  # "step:N" -> its row
    decisions: dict[str, Box] = field(default_factory=dict)  # "step:N" -> its diamond
    lanes: tuple[tuple[float, float], ...] = ()  # each lane's x extent


def label_box(
    at: Point, label: str, style: Style, measure: Measure
) -> tuple[float, float, float, float]:
    """(x0, y0, x1, y1) of a label whose baseline starts at ``at``."""
    w = measure(label, "regular", style.label_size)
    return (at[0], at[1] - ASCENT * style.label_size, at[0] + w, at[1] + DESCENT * style.label_size)


def label_candidates(
    points: Sequence[Point], label: str, style: Style, measure: Measure
) -> list[Point]:
    """Baseline-starts beside the first segment, LABEL_OFFSET off the line, near its start
    first; the side away from the arrow's next turn comes first."""
    (x0, y0), (x1, y1) = points[0], points[1]
    nxt = points[2] if len(points) > 2 else None
    width = measure(label, "regular", style.label_size)
    ascent = ASCENT * style.label_size
    height = (ASCENT + DESCENT) * style.label_size
    off = LABEL_OFFSET
    length = abs(x1 - x0) + abs(y1 - y0)
    out = []
    if x0 == x1:  # vertical: to the right or the left of the line
        sides = [True, False] if not (nxt is not None and nxt[0] > x1) else [False, True]
        slide = max(0.0, length - off - height)
        for right in sides:
            lx = x0 + off if right else x0 - off - width
            # beside the exit first; then back up beside the symbol it leaves (a diamond
            # narrows there), for short first segments
            for along in _slides(slide) + [-3.0 * k for k in range(1, 5)]:
                ly = (
                    y0 + off + ascent + along
                    if y1 > y0
                    else y0 - off - along - DESCENT * style.label_size
                )
                out.append((lx, ly))
        return out
    sides = [True, False] if not (nxt is not None and nxt[1] < y1) else [False, True]
    slide = max(0.0, length - off - width)
    for above in sides:
        ly = y0 - off - DESCENT * style.label_size if above else y0 + off + ascent
        for along in _slides(slide):
            out.append((x0 + off + along, ly) if x1 > x0 else (x0 - off - width - along, ly))
    return out


def _slides(room: float) -> list[float]:
    # along the segment first; then a little past its end, where it turns away
    return [0.0] + [k * 3.0 for k in range(1, 12) if k * 3.0 <= room + 6.0]


def exit_label_box(
    box: Box, side: str, label: str, style: Style, measure: Measure
) -> tuple[float, float, float, float]:
    """Where the label of a decision's exit (``side``: "bottom", "left" or "right"
    vertex) goes when nothing is in the way: beside a first segment long enough to
    hold it, below a sideways one (a loop back turns up after it)."""
    room = 2 * LABEL_OFFSET + measure(label, "regular", style.label_size)
    if side == "bottom":
        points = [(box.cx, box.bottom), (box.cx, box.bottom + room)]
    else:
        x0 = box.right if side == "right" else box.x
        x1 = x0 + room if side == "right" else x0 - room
        points = [(x0, box.cy), (x1, box.cy), (x1, box.cy - room)]
    return label_box(label_position(points, label, style, measure), label, style, measure)


def label_position(points: Sequence[Point], label: str, style: Style, measure: Measure) -> Point:
    """The preferred place of a Ya/Tidak label (ignoring other drawings)."""
    return label_candidates(points, label, style, measure)[0]


def _box_hits_segment(box, p: Point, r: Point) -> bool:
    x0, y0, x1, y1 = box
    return (
        min(p[0], r[0]) <= x1
        and max(p[0], r[0]) >= x0
        and min(p[1], r[1]) <= y1
        and max(p[1], r[1]) >= y0
    )


def _meets_diamond(box: Rect, d: Box) -> bool:
    """Whether a rectangle overlaps the diamond inscribed in ``d``. The diamond is
    |x - cx| / a + |y - cy| / b <= 1; over a rectangle that sum is smallest at the point
    of the rectangle nearest the centre, taken per axis."""
    a, b = d.w / 2, d.h / 2
    nx = min(max(d.cx, box[0]), box[2])
    ny = min(max(d.cy, box[1]), box[3])
    return abs(nx - d.cx) / a + abs(ny - d.cy) / b < 1


def _boxes_meet(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _past_own_lane(box, exit_: Point, lanes) -> bool:
    """Whether a label stands outside the lane its exit is in (beside a first segment
    only a few points long, a label slid along it lands past the lane's line)."""
    for x0, x1 in lanes:
        if x0 + EPS < exit_[0] < x1 - EPS:
            return not (x0 - EPS <= box[0] and box[2] <= x1 + EPS)
    return False


def label_free(box, arrow: Arrow, arrows: Sequence[Arrow], labels, scene: Scene) -> bool:
    """Inside the lanes, clear of symbols, connectors, other labels and every line but
    the arrow's own first segment."""
    return not _conflicts(box, arrow, arrows, labels, scene, first=True)


def _conflicts(box, arrow: Arrow, arrows: Sequence[Arrow], labels, scene: Scene, first=False):
    """How badly a label's box sits (0: free): what it overlaps, weighted; with
    ``first``, only whether it overlaps anything (1)."""
    bad = 0
    area = scene.area
    if not (area[0] <= box[0] and box[2] <= area[2] and area[1] <= box[1] and box[3] <= area[3]):
        bad += 4
    row = scene.rows.get(arrow.source)
    if row is not None and not (row[0] <= box[1] and box[3] <= row[1]):
        bad += 6  # a label stands in the row of the decision it leaves
    if _distance(box, arrow.points[0]) > LABEL_REACH + box[2] - box[0]:
        bad += 6
    decision = scene.decisions.get(arrow.source)
    if decision is not None and across_decision(box, arrow.points[0], (decision,)):
        bad += 6  # past the diamond's middle it reads as the other exit's label
    if _past_own_lane(box, arrow.points[0], scene.lanes):
        bad += 1  # in another executor's lane: least of all, where nothing else is free
    if first and bad:
        return bad
    for b in scene.shapes:
        if _boxes_meet(box, (b.x, b.y, b.right, b.bottom)):
            bad += 10
            if first:
                return bad
    for line in scene.grid:
        if _boxes_meet(box, line):
            bad += 3
            if first:
                return bad
    for d in scene.diamonds:
        if _meets_diamond(box, d):
            bad += 10
            if first:
                return bad
    for other in labels:
        if _boxes_meet(box, other):
            bad += 10
            if first:
                return bad
    for other in arrows:
        for p, r in zip(other.points, other.points[1:], strict=False):
            if _box_hits_segment(box, p, r):
                bad += 8
                if first:
                    return bad
        for tip, before in _heads(other):
            if _boxes_meet(box, _head_box(tip, before)):
                bad += 2  # better than across a line, where nothing is free
                if first:
                    return bad
    return bad


HEAD = 5.0  # an arrowhead's length (style.arrowhead); 0.45 of it on each side of the line
HEAD_HALF = 0.45 * HEAD


def _heads(a: Arrow):
    if len(a.points) > 1:
        if a.head:
            yield a.points[-1], a.points[-2]
        if a.both:
            yield a.points[0], a.points[1]


def _head_box(tip: Point, before: Point) -> Rect:
    """The box round an arrowhead at ``tip`` (orthogonal arrows: axis-aligned)."""
    (x1, y1), (x0, y0) = tip, before
    if x0 == x1:  # vertical
        y_back = y1 - HEAD if y1 > y0 else y1 + HEAD
        return x1 - HEAD_HALF, min(y1, y_back), x1 + HEAD_HALF, max(y1, y_back)
    x_back = x1 - HEAD if x1 > x0 else x1 + HEAD
    return min(x1, x_back), y1 - HEAD_HALF, max(x1, x_back), y1 + HEAD_HALF


def choose_label(
    arrow: Arrow,
    arrows: Sequence[Arrow],
    labels,
    scene: Scene,
    style: Style,
    measure: Measure,
    anywhere: bool | None = None,
) -> Point:
    """The first free candidate place, else the first free further one, else (once every
    arrow is drawn: ``anywhere`` not None) the first free place around the exit
    (``anywhere``: not only beside the first two segments), else the place that overlaps
    least (the preferred one among equals). While arrows are still routed, a label does
    not take a far place where a later arrow may have to pass (the top of a diamond)."""
    places = label_candidates(arrow.points, arrow.label, style, measure)
    for at in places:
        if label_free(label_box(at, arrow.label, style, measure), arrow, arrows, labels, scene):
            return at
    places += further_candidates(arrow.points, arrow.label, style, measure)
    best, least = places[0], None
    for at in places:
        bad = _conflicts(label_box(at, arrow.label, style, measure), arrow, arrows, labels, scene)
        if bad == 0:
            return at
        if least is None or bad < least:
            best, least = at, bad
    if anywhere is None:
        return best
    for at in around_exit(arrow.points, arrow.label, style, measure, not anywhere):
        box = label_box(at, arrow.label, style, measure)
        if label_free(box, arrow, arrows, labels, scene):
            return at
        bad = _conflicts(box, arrow, arrows, labels, scene)
        if bad < least:  # touching an arrowhead only, say
            best, least = at, bad
    return best


def place_labels(arrows: list[Arrow], scene: Scene, style: Style, measure: Measure) -> list[Arrow]:
    """Once every arrow is drawn: keep each label where it is if still free, else move
    it to the first free candidate place (labels are settled in arrow order)."""
    out: list[Arrow] = []
    labels: list[tuple[float, float, float, float]] = []
    for index, arrow in enumerate(arrows):
        if arrow.label is None or arrow.label_at is None:
            out.append(arrow)
            continue
        pending = [
            label_box(a.label_at, a.label, style, measure)
            for a in arrows[index + 1 :]
            if a.label and a.label_at
        ]
        box = label_box(arrow.label_at, arrow.label, style, measure)
        at = arrow.label_at
        if not label_free(box, arrow, arrows, labels + pending, scene):
            at = choose_label(
                arrow, arrows, labels + pending, scene, style, measure, anywhere=False
            )
            others = labels + pending
            if _conflicts(
                label_box(at, arrow.label, style, measure), arrow, arrows, others, scene
            ) >= _conflicts(box, arrow, arrows, others, scene):
                at = arrow.label_at
        labels.append(label_box(at, arrow.label, style, measure))
        out.append(dataclasses.replace(arrow, label_at=at))
    return out


GRID_CLEARANCE = 1.0  # a label keeps this far from a table line


def scene_of(geo) -> Scene:
    """What labels keep clear of on a page (``geo``: arrows.PageGeometry)."""
    every = [*geo.symbols.values(), *geo.parts]
    shapes = [s.box for s in every if s.kind != "decision"]
    shapes += [c.box for c in geo.connectors]
    diamonds = tuple(s.box for s in every if s.kind == "decision")
    area = (geo.columns.lanes_x0, geo.top, geo.columns.lanes_x1, geo.bottom)
    d = GRID_CLEARANCE
    grid = [(x - d, geo.top, x + d, geo.bottom) for x in geo.columns.lane_borders()]
    grid += [(area[0], y - d, area[2], y + d) for y in geo.boundaries]
    decisions = {f"step:{k}": s.box for k, s in geo.symbols.items() if s.kind == "decision"}
    lanes = tuple((c.x, c.right) for c in geo.columns.lanes)
    return Scene(tuple(shapes), area, tuple(grid), diamonds, rows_of(geo), decisions, lanes)


def rows_of(geo) -> dict[str, tuple[float, float]]:
    """The row (between two row or band lines) each symbol of the page stands in."""
    lines = sorted(geo.boundaries)
    out = {}
    for node, sym in geo.symbols.items():
        above = [y for y in lines if y <= sym.box.y + 1e-6]
        below = [y for y in lines if y >= sym.box.bottom - 1e-6]
        if above and below:
            out[f"step:{node}"] = (above[-1], below[0])
    return out


def fork_labels(arrows: list[Arrow], geo, style: Style, measure: Measure) -> list[Arrow]:
    """The labels of the arrows an "in" connector forks into (a fan-out pair; ``geo``:
    arrows.PageGeometry): each
    beside its own part, after the last fork on it (the router labels a fork's trunk
    at its start, shared with the branches, and not the branches)."""
    forks = [a for a in arrows if a.source.startswith("offpage:") and not a.tail]
    if not forks:
        return arrows
    scene = scene_of(geo)
    out = list(arrows)
    for i, a in enumerate(arrows):
        if not (a.source.startswith("offpage:") and a.label):
            continue
        if not any(b.source == a.source for b in forks):
            continue  # a single arrow: the router labelled it
        starts = [b.points[0] for b in forks if b.source == a.source and b is not a]
        own = _after(a.points, starts)
        if own is None:
            continue
        part = dataclasses.replace(a, points=own)
        out[i] = dataclasses.replace(a, label_at=None)
        boxes = [
            label_box(b.label_at, b.label, style, measure)
            for b in out
            if b.label and b.label_at is not None
        ]
        at = choose_label(part, out, boxes, scene, style, measure, anywhere=True)
        out[i] = dataclasses.replace(a, label_at=at)
    return out


def _after(points, starts) -> tuple | None:
    """The part of a polyline after the last of ``starts`` lying on it (the whole
    polyline when none does; None when that part has no length)."""
    best: tuple[float, int, tuple[float, float]] | None = None
    along = 0.0
    for k, (p, r) in enumerate(zip(points, points[1:], strict=False)):
        for x, y in starts:
            on = min(p[0], r[0]) - EPS <= x <= max(p[0], r[0]) + EPS
            on = on and min(p[1], r[1]) - EPS <= y <= max(p[1], r[1]) + EPS
            at = along + abs(x - p[0]) + abs(y - p[1])
            if on and (best is None or at > best[0]):
                best = (at, k, (x, y))
        along += abs(r[0] - p[0]) + abs(r[1] - p[1])
    if best is None:
        return tuple(points)
    _, k, point = best
    rest = [pt for pt in points[k + 1 :] if pt != point]
    return (point, *rest) if rest else None
