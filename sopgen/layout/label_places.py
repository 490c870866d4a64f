"""Where a Ya/Tidak label may stand when none of the preferred places beside its exit
(labels.label_candidates) is free: further off the first two segments
(``further_candidates``), and as a last resort on a crowded page, every place near the
exit (``around_exit``). Plain geometry: labels.py judges which places are free."""

from __future__ import annotations

from collections.abc import Sequence

from sopgen.layout.geometry import Point
from sopgen.layout.style import Measure, Style
from sopgen.layout.text import ASCENT

LABEL_OFFSET = 3.5  # distance between a label and its line
LABEL_MARGIN = 1.5  # a label beside a line kept this far from the lane line
# A label's box stays within this distance of its exit, plus its own width (a long
# agency word may stand past a lane line, beside its arrow's next segment): audit.py.
LABEL_REACH = 16.0
FURTHER_OFFSETS = (LABEL_OFFSET, 5.5, 8.0)  # off the line, for the further candidates
STEP = 2.0  # points between two further candidates along a segment
DESCENT = 0.2  # of the label size, below the baseline
Rect = tuple[float, float, float, float]  # x0, y0, x1, y1


def label_lane_need(label: str, style: Style, measure: Measure) -> float:
    """The lane width that holds ``label`` beside a line down its middle."""
    return 2 * (measure(label, "regular", style.label_size) + LABEL_OFFSET + LABEL_MARGIN)


def further_candidates(
    points: Sequence[Point], label: str, style: Style, measure: Measure
) -> list[Point]:
    """Where a label may go when none of ``label_candidates`` is free: beside the first
    two segments, further off the line, slid back over the symbol it leaves or past the
    segment's end (the label hangs past a corner), nearest the exit first. Every one
    keeps within LABEL_REACH and its own width of the exit."""
    width = measure(label, "regular", style.label_size)
    ascent = ASCENT * style.label_size
    descent = DESCENT * style.label_size
    exit_ = points[0]
    out: list[tuple[float, int, Point]] = []
    for (x0, y0), (x1, y1) in list(zip(points, points[1:], strict=False))[:2]:
        length = abs(x1 - x0) + abs(y1 - y0)
        if length == 0:
            continue
        ux, uy = (x1 - x0) / length, (y1 - y0) / length
        height = ascent + descent
        along = -(height if x0 == x1 else width)  # back beside the symbol it leaves
        while along <= length + LABEL_REACH + width:
            for off in FURTHER_OFFSETS:
                for side in (1, -1):
                    # the label's near edge at ``along`` from the segment's start
                    cx, cy = x0 + ux * along, y0 + uy * along
                    if x0 == x1:  # vertical: beside it, left or right
                        lx = cx + off if side > 0 else cx - off - width
                        top = cy if uy > 0 else cy - height
                        box = (lx, top, lx + width, top + height)
                    else:  # horizontal: above or below it
                        lx = cx if ux > 0 else cx - width
                        top = cy - off - height if side > 0 else cy + off
                        box = (lx, top, lx + width, top + height)
                    far = distance(box, exit_)
                    if far <= LABEL_REACH + width:
                        out.append((far, len(out), (box[0], box[1] + ascent)))
            along += STEP
    return [at for _, _, at in sorted(out)]


def distance(box: Rect, p: Point) -> float:
    """The audit's distance between a label's box and its exit point."""
    return max(box[0] - p[0], p[0] - box[2], 0.0) + max(box[1] - p[1], p[1] - box[3], 0.0)


AROUND_STEP = 1.0  # points between two places of the last search around an exit
# off the line, for the last search beside the first two segments (a gutter of about
# 20 pt beside a line holds a 17.5 pt "Tidak" only 2 pt off it; above a side vertex the
# diamond's slope may leave room only 8.5 to 9 pt over the line: so far off, a label
# stands over the segment's start, not past the diamond's middle where it would read
# as the label of the other side)
BESIDE_OFFSETS = (2.0, 2.25, 2.5, 3.0, 3.5, 4.5, 5.5, 6.5, 8.0, 8.5, 9.0)
SLOPE_FROM = 8.0  # further off than this, a place stands over the segment's start
BESIDE_ALONG = 38.0  # the label's nearer end within this of the segment's start


def around_exit(
    points: Sequence[Point], label: str, style: Style, measure: Measure, beside: bool
) -> list[Point]:
    """The last resort on a crowded page, when none of the candidates is free: places
    within LABEL_REACH and the label's width of the exit, nearest first (a narrow gutter
    beside a connector's line, a short branch after a fork between a row line and
    another arrow). With ``beside``: only beside the first two segments, BESIDE_OFFSETS
    off their line, slid by AROUND_STEP; else anywhere on a grid of AROUND_STEP."""
    exit_ = points[0]
    width = measure(label, "regular", style.label_size)
    ascent = ASCENT * style.label_size
    height = (ASCENT + DESCENT) * style.label_size
    reach = LABEL_REACH + width
    boxes = (
        _beside_boxes(points, width, height) if beside else _grid_boxes(exit_, reach, width, height)
    )
    out = []
    for box in boxes:
        far = distance(box, exit_)
        if far <= reach:
            out.append((far, len(out), (box[0], box[1] + ascent)))
    return [at for _, _, at in sorted(out)]


def _grid_boxes(exit_: Point, reach: float, width: float, height: float) -> list[Rect]:
    n = int((reach + width) / AROUND_STEP) + 1
    out = []
    for i in range(-n, n + 1):
        x0 = exit_[0] + i * AROUND_STEP - width / 2
        for j in range(-n, n + 1):
            top = exit_[1] + j * AROUND_STEP - height / 2
            out.append((x0, top, x0 + width, top + height))
    return out


def _beside_boxes(points: Sequence[Point], width: float, height: float) -> list[Rect]:
    out = []
    for (x0, y0), (x1, _) in list(zip(points, points[1:], strict=False))[:2]:
        vertical = x0 == x1
        size = height if vertical else width  # the label's extent along the line
        k = -int((BESIDE_ALONG + size) / AROUND_STEP)
        while k * AROUND_STEP <= BESIDE_ALONG:
            start = (y0 if vertical else x0) + k * AROUND_STEP
            over_start = start <= (y0 if vertical else x0) <= start + size
            for off in BESIDE_OFFSETS:
                if off > SLOPE_FROM and not over_start:
                    continue  # only over the vertex's slope, not past the symbol's middle
                for near in (-off - (width if vertical else height), off):
                    if vertical:
                        out.append((x0 + near, start, x0 + near + width, start + height))
                    else:
                        out.append((start, y0 + near, start + width, y0 + near + height))
            k += 1
    return out
