"""The grid of one page's tracks: every x and y where an arrow may run or end (the
anchors on outlines, a witness inside each obstacle, the tracks beside lane and row
lines, the middles of the free bands between rows), for tracks.TrackGrid."""

from __future__ import annotations

from collections.abc import Sequence

from sopgen.layout.inrow import stack_gaps
from sopgen.layout.style import Style
from sopgen.layout.symbols import anchor_offsets, offset_limit, outline_point
from sopgen.layout.tracks import band_middles

# Tracks beside a table line, in track gaps: 0.5 gap (2 pt) hugs a lane line (costlier;
# a narrow gutter beside a joint box may hold no other), 1 gap is the middle of the
# minimal gutter, the rest reach further out. Beside a row line the closest is 0.75 gap
# (3 pt: the audit counts a horizontal run closer than that as on the line), and the
# middles of the free bands between outlines and row lines come first
# (tracks.band_middles).
TRACK_OFFSETS = (0.5, 1.0, 1.5, 2.5, 3.5)
ROW_OFFSETS = (0.75, 1.0, 1.5, 2.5, 3.5)
HUGGING = 0.8  # offsets (in gaps) below this are "near the line"
AVOID = 1.5  # tracks keep this far from table lines


def near(v: float, lines: Sequence[float], d: float) -> bool:
    """Whether ``v`` lies closer than ``d`` to one of ``lines``."""
    for line in lines:
        if abs(v - line) < d:
            return True
    return False


def _tracks(
    gap: float, lines: Sequence[float], lo: float, hi: float, offsets=TRACK_OFFSETS
) -> tuple[list[float], list[float]]:
    """Tracks on both sides of every line, and those among them hugging a line."""
    out, hugging = [], []
    for k in sorted(offsets, key=lambda k: abs(k - 1.0)):  # mid-padding first
        for line in lines:
            for v in (line - k * gap, line + k * gap):
                if lo < v < hi and not near(v, lines, AVOID):
                    out.append(v)
                    if near(v, lines, HUGGING * gap):
                        hugging.append(v)
    return out, hugging


def page_grid(geo, style: Style, borders: Sequence[float], spacing: tuple[float, float]):
    """Grid lines of a page (``geo``: arrows.PageGeometry; ``spacing``: of the anchors on
    a symbol's top and bottom, and on its sides): outline anchors first (so arrows end
    exactly on outlines), then witnesses inside every obstacle, then the tracks beside
    table lines. Returns xs, ys, the tracks hugging a line (x, y) and all tracks (x, y)."""
    x0, x1 = geo.columns.lanes_x0, geo.columns.lanes_x1
    xs: list[float] = []
    ys: list[float] = []
    for sym in geo.symbols.values():
        b = sym.box
        for side in ("top", "bottom", "left", "right"):
            step = spacing[0] if side in ("top", "bottom") else spacing[1]
            for off in anchor_offsets(offset_limit(sym.kind, b, side), step, 3, style.track_gap):
                px, py = outline_point(sym.kind, b, side, off)
                xs.append(px)
                ys.append(py)
    for c in geo.connectors:
        xs.append(c.box.cx)
        ys += [c.box.y, c.box.cy, c.box.bottom]
    for sym in geo.symbols.values():
        xs += _inner_witness(sym.box.x, sym.box.right, borders)
        ys.append(sym.box.cy)
    ys += stack_gaps(list(geo.symbols.values()))
    track_xs, near_xs = _tracks(style.track_gap, borders, x0, x1)
    track_ys, near_ys = _tracks(style.track_gap, geo.boundaries, geo.top, geo.bottom, ROW_OFFSETS)
    boxes = [s.box for s in geo.symbols.values()] + [p.box for p in geo.parts]
    middles = band_middles(boxes + [c.box for c in geo.connectors], geo.boundaries)
    track_ys = [y for y in middles if not near(y, geo.boundaries, AVOID)] + track_ys
    xs = [x for x in xs + track_xs if x0 < x < x1 and not near(x, borders, AVOID - 1e-9)]
    ys = [y for y in ys + track_ys if geo.top < y < geo.bottom]
    return xs, ys, near_xs, near_ys, track_xs, track_ys


def _inner_witness(lo: float, hi: float, borders: Sequence[float]) -> list[float]:
    for share in (0.5, 0.4, 0.6, 0.3, 0.7):
        v = lo + (hi - lo) * share
        if not near(v, borders, AVOID):
            return [v]
    return []
