"""A page whose Ya/Tidak labels find no free place, routed again with more room for them.

On a crowded page a label may have nowhere to stand once every arrow is drawn
(labels.place_labels, labels.fork_labels): the line after an off-page connector runs
down the middle of a narrow lane (11 or 12 executors: each half of a 35 pt lane is
narrower than a "Tidak" beside its line), or a decision's "Tidak" leaves into a narrow
gutter next to another arrow. Such a page is routed again, once per change that may
give a label room, and the first that leaves no label without a free place is kept
(else the one that leaves the fewest, if fewer than before):
- the connector whose label has no place stands off its lane's middle, its line
  where the label fits on one side of it, a little narrower if it would touch the
  lane line (``shifted``);
- the arrow whose label has no place is routed first (its label placed first, the
  other arrows keep out of it where they can);
- the "Tidak" of the decision whose label has no place leaves by its other vertex
  (routed as before, and routed first);
- the exits of that decision swapped: its "Tidak" down from the bottom vertex, its
  "Ya" (a short word) by the side vertex.
Pages whose labels all stand free are routed once, as before.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence

from sopgen.layout.arrows import PageGeometry, Request, route_page
from sopgen.layout.audit import arrow_crossings
from sopgen.layout.connectors import MIN_W
from sopgen.layout.decision_exits import Turn, face_exits, feed_sideways, swap_exits
from sopgen.layout.geometry import Arrow, Box, OffPage
from sopgen.layout.labels import (
    GRID_CLEARANCE,
    _after,
    fork_labels,
    label_box,
    label_free,
    scene_of,
)
from sopgen.layout.style import Measure, Style

LINE_CLEAR = 0.5  # beyond GRID_CLEARANCE: where a label's edge starts to touch a table line
EDGE_CLEAR = 1.5  # a moved connector keeps this far inside its lane
BESIDE = (3.0, 2.0)  # label to line, for a moved connector (label_places.BESIDE_OFFSETS)
MOVED_APART = 0.5  # a connector moved by less than this is not moved


def route_labelled(
    geo: PageGeometry, requests: Sequence[Request], style: Style, measure: Measure
) -> tuple[PageGeometry, list[Arrow]] | None:
    """The page's arrows with their labels (``route_page``, ``fork_labels``), routed
    again with more room when a label has no free place (see the module's doc); None
    when the arrows cannot be routed."""
    arrows = _route(geo, requests, style, measure)
    if arrows is None:
        return None
    bad = unplaced(arrows, geo, style, measure)
    best = (len(bad), geo, arrows)
    for geo2, requests2 in _variants(geo, requests, arrows, bad, style, measure):
        arrows2 = _route(geo2, requests2, style, measure)
        if arrows2 is None:
            continue
        left = len(unplaced(arrows2, geo2, style, measure))
        if left < best[0]:
            best = (left, geo2, arrows2)
        if left == 0:
            break
    return best[1], best[2]


TURNS_MAX = 4  # decisions of one page whose exits are tried facing their targets


def route_turned(
    geo: PageGeometry,
    requests: Sequence[Request],
    routed: tuple[PageGeometry, list[Arrow]],
    turns: Sequence[Turn],
    style: Style,
    measure: Measure,
) -> tuple[PageGeometry, list[Arrow]]:
    """The page ``routed`` with ``requests``, then with each decision of ``turns``
    leaving by the vertices facing its targets (decision_exits.sideways_turns), one
    after the other: each turn is kept when the page still routes and draws no more
    crossings than before it (at most TURNS_MAX tried); of a turn's ways (with the
    arrow into it from the box its "Tidak" goes back to turned too, or not), the one
    drawing the fewest crossings."""
    best = arrow_crossings(routed[1])
    for step, ya_side, tidak_side, feeder in turns[:TURNS_MAX]:
        trials = [face_exits(requests, step, ya_side, tidak_side)]
        if feeder is not None:  # the Tidak up into the box's bottom, the arrow into the
            # decision out of the box's side or, beside the Tidak, out of its bottom
            trials.append(feed_sideways(trials[0], feeder[0], step, feeder[1]))
            trials.append(feed_sideways(trials[0], feeder[0], step, None))
        kept = None  # the trial drawing the fewest crossings, the first of equals
        for trial in trials:
            found = route_labelled(geo, trial, style, measure)
            if found is not None and arrow_crossings(found[1]) <= best:
                kept, best = (trial, found), arrow_crossings(found[1])
                if best == 0:
                    break
        if kept is not None:
            requests, routed = kept
    return routed


def _route(geo, requests, style, measure) -> list[Arrow] | None:
    arrows = route_page(geo, requests, style, measure)
    return None if arrows is None else fork_labels(arrows, geo, style, measure)


def unplaced(
    arrows: Sequence[Arrow], geo: PageGeometry, style: Style, measure: Measure
) -> list[int]:
    """The arrows whose label does not stand free (labels.label_free: on a line, a
    symbol, another label or another arrow, or away from its exit); a branch after a
    forking connector is judged from its fork."""
    scene = scene_of(geo)
    boxes = {
        i: label_box(a.label_at, a.label, style, measure)
        for i, a in enumerate(arrows)
        if a.label and a.label_at is not None
    }
    out = []
    for i, box in boxes.items():
        a = arrows[i]
        own = a
        if a.source.startswith("offpage:"):
            starts = [b.points[0] for b in arrows if b.source == a.source and not b.tail]
            starts = [p for p in starts if p != a.points[0]]
            part = _after(a.points, starts) if starts else None
            if part is not None:
                own = dataclasses.replace(a, points=part)
        others = [b for j, b in boxes.items() if j != i]
        if not label_free(box, own, arrows, others, scene):
            out.append(i)
    return out


def _variants(
    geo: PageGeometry,
    requests: Sequence[Request],
    arrows: Sequence[Arrow],
    bad: Sequence[int],
    style: Style,
    measure: Measure,
) -> Iterator[tuple[PageGeometry, list[Request]]]:
    """The changes tried, in order, for the labels ``bad`` (indexes in ``arrows``)."""
    connectors = {f"offpage:{c.label}": c for c in geo.connectors if c.direction == "in"}
    tried: set = set()
    for i in bad:
        a = arrows[i]
        c = connectors.get(a.source)
        if c is not None:
            width = measure(a.label, "regular", style.label_size)
            for box in shifted(c, geo, width, style):
                if (c.label, box) in tried:
                    continue
                tried.add((c.label, box))
                moved = dataclasses.replace(c, box=box)
                yield _with_connector(geo, requests, c, moved)
            continue
        first = _first(requests, i)
        yield geo, first
        if not a.source.startswith("step:"):
            continue
        step = int(a.source[5:])
        sym = geo.symbols.get(step)
        if sym is None or sym.kind != "decision" or ("tidak", step) in tried:
            continue
        tried.add(("tidak", step))
        for base in (requests, first):
            flipped = _flipped(geo, base, step, arrows)
            if flipped is not None:
                yield geo, flipped
        swapped = _swapped(geo, requests, step, arrows)
        if swapped is not None:
            yield geo, swapped


def _first(requests: Sequence[Request], i: int) -> list[Request]:
    """The requests with request ``i`` (arrow ``i``) routed before every other: its
    label is placed first and the others keep out of it where they can."""
    out = list(requests)
    out[i] = dataclasses.replace(out[i], priority=(-2, *out[i].priority))
    return out


def shifted(c: OffPage, geo: PageGeometry, width: float, style: Style) -> list[Box]:
    """Places for connector ``c`` whose line leaves room for a label ``width`` wide on
    one side of it within its lane (BESIDE off the line), the connector narrowed when
    it would come closer than EDGE_CLEAR to a lane line (never below connectors.MIN_W
    track gaps) and clear of the other connectors of its band."""
    lanes = geo.columns.lanes
    lane = min(lanes, key=lambda ln: abs(ln.cx - c.box.cx))
    out: list[Box] = []
    for off in BESIDE:
        need = off + width + GRID_CLEARANCE + LINE_CLEAR
        for cx in (lane.right - need, lane.x + need):  # the label right of it, left of it
            w = min(c.box.w, 2 * (min(cx - lane.x, lane.right - cx) - EDGE_CLEAR))
            if abs(cx - c.box.cx) < MOVED_APART or w < MIN_W * style.track_gap:
                continue
            h = c.box.h * w / c.box.w
            box = Box(cx - w / 2, c.box.y + (c.box.h - h) / 2, w, h)
            if box not in out and _clear_of_others(c, box, geo.connectors, style):
                out.append(box)
    return out


EPS = 1e-6


def _clear_of_others(c: OffPage, box: Box, connectors: Sequence[OffPage], style: Style) -> bool:
    x0, x1 = box.x, box.right
    for o in connectors:
        if o is c or abs(o.box.cy - c.box.cy) > EPS:
            continue
        if x0 < o.box.right + style.track_gap and o.box.x < x1 + style.track_gap:
            return False
    return True


def _with_connector(
    geo: PageGeometry, requests: Sequence[Request], old: OffPage, new: OffPage
) -> tuple[PageGeometry, list[Request]]:
    def end(e):
        return dataclasses.replace(e, connector=new) if e.connector is old else e

    connectors = [new if c is old else c for c in geo.connectors]
    moved = [dataclasses.replace(r, source=end(r.source), target=end(r.target)) for r in requests]
    return dataclasses.replace(geo, connectors=connectors), moved


def _flipped(
    geo: PageGeometry, requests: Sequence[Request], step: int, arrows: Sequence[Arrow]
) -> list[Request] | None:
    """The requests with the "Tidak" of decision ``step`` leaving by the vertex it did
    not leave by; None when it has no "Tidak" on the page."""
    ref = f"step:{step}"
    box: Box = geo.symbols[step].box
    out = list(requests)
    for k, r in enumerate(requests):
        if r.source.ref == ref and r.branch == "tidak":
            drawn = next((a for a in arrows if a.source == ref and a.label == r.label), None)
            if drawn is None:
                return None
            side = "right" if abs(drawn.points[0][0] - box.x) < EPS else "left"
            out[k] = dataclasses.replace(r, side=side)
            return out
    return None


def _swapped(
    geo: PageGeometry, requests: Sequence[Request], step: int, arrows: Sequence[Arrow]
) -> list[Request] | None:
    """The requests with the exits of decision ``step`` swapped: its "Tidak" down from
    the bottom vertex, its "Ya" by the side vertex the "Tidak" left by (a short "Ya"
    fits a gutter a "Tidak" does not); None when it has no "Tidak" leaving sideways."""
    ref = f"step:{step}"
    box: Box = geo.symbols[step].box
    drawn = next((a for a in arrows if a.source == ref and a.label and _tidak(a, requests)), None)
    if drawn is None or abs(drawn.points[0][1] - box.cy) > EPS:
        return None
    side = "left" if abs(drawn.points[0][0] - box.x) < EPS else "right"
    return swap_exits(requests, step, side)


def _tidak(a: Arrow, requests: Sequence[Request]) -> bool:
    return any(
        r.source.ref == a.source and r.branch == "tidak" and r.label == a.label for r in requests
    )
