"""The audit's label checks beyond lines and text (audit.py): a label outside the
executors' lanes, in a lane other than its exit's, on an arrowhead, or beyond its
decision's middle from its exit."""

from __future__ import annotations

import math
from collections.abc import Iterable

from sopgen.layout.geometry import Arrow, Box, Page

EPS = 0.01
Rect = tuple[float, float, float, float]


def lane_spans(page: Page) -> list[tuple[float, float]]:
    """The x extent of the executors' lanes (neighbouring lanes joined into one span)."""
    xs = sorted({(c.box.x, c.box.right) for c in page.cells if c.role == "lane"})
    out: list[tuple[float, float]] = []
    for x0, x1 in xs:
        if out and x0 <= out[-1][1] + EPS:
            out[-1] = (out[-1][0], max(out[-1][1], x1))
        else:
            out.append((x0, x1))
    return out


def within_own_lane(box: Rect, exit_x: float, lanes: list[tuple[float, float]]) -> bool:
    """Whether a label's box stays within the lane its exit leaves from (``lanes``: each
    executor lane's x extent); True where no lane holds the exit (a connector's)."""
    own = [(x0, x1) for x0, x1 in lanes if x0 - EPS <= exit_x <= x1 + EPS]
    return not own or any(x0 - EPS <= box[0] and box[2] <= x1 + EPS for x0, x1 in own)


def head_boxes(arrows: Iterable[Arrow], size: float) -> list[Rect]:
    """The box round every arrowhead drawn (as the renderers draw it: ``size`` long,
    0.45 of it wide on each side of the line)."""
    out = []
    for a in arrows:
        if len(a.points) < 2:
            continue
        if a.head:
            out.append(_head_box(a.points[-1], a.points[-2], size))
        if a.both:
            out.append(_head_box(a.points[0], a.points[1], size))
    return out


def _head_box(tip, before, size: float) -> Rect:
    (x1, y1), (x0, y0) = tip, before
    length = math.hypot(x1 - x0, y1 - y0) or 1.0
    ux, uy = (x1 - x0) / length, (y1 - y0) / length
    bx, by = x1 - ux * size, y1 - uy * size
    half = size * 0.45
    xs = (x1, bx - uy * half, bx + uy * half)
    ys = (y1, by + ux * half, by - ux * half)
    return min(xs), min(ys), max(xs), max(ys)


def boxes_meet(a: Rect, b: Rect) -> bool:
    return a[0] < b[2] - EPS and b[0] < a[2] - EPS and a[1] < b[3] - EPS and b[1] < a[3] - EPS


def across_decision(box: Rect, exit_, diamonds: Iterable[Box]) -> bool:
    """Whether the middle of a label's box stands beyond the middle of the decision its
    exit leaves, on the side away from the exit's vertex (it reads as the other exit's
    label)."""
    mx, my = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    x, y = exit_
    for d in diamonds:
        if abs(x - d.x) < 10 * EPS and abs(y - d.cy) < 10 * EPS:  # left vertex
            return mx > d.cx + EPS
        if abs(x - d.right) < 10 * EPS and abs(y - d.cy) < 10 * EPS:
            return mx < d.cx - EPS
        if abs(x - d.cx) < 10 * EPS and abs(y - d.bottom) < 10 * EPS:
            return my < d.cy - EPS
        if abs(x - d.cx) < 10 * EPS and abs(y - d.y) < 10 * EPS:
            return my > d.cy + EPS
    return False
