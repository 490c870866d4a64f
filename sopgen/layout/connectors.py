"""Off-page connectors: which arrows cross a page break, where their connectors stand,
and their letters.

An arrow whose ends fall on different pages goes through a pair of connectors:
- forward (down the table): "out" in the bottom band of the source page, "in" in the
  top band of the target page; the pentagon points down;
- backward (up, a loop to an earlier page): "out" in the top band of the source page,
  "in" in the bottom band of the target page; the pentagon points up (``OffPage.back``),
  so a reader sees the flow go back up, and the arrows meet its flat side and leave its
  point, as on a forward pair.
Arrows into one step from one side share one pair: on a source page one "out"
connector per target (the arrows into it join), on the target page one "in"
connector. Arrows from one step to several steps in one direction, none of which has
another arrow in from that side, share one pair too (``pair_keys``): one "out"
connector, and an "in" connector that forks into the arrows to each target (a
decision whose two exits both cross a break: one pair, its Ya/Tidak labels on the
branches after the "in" connector). Both halves of a forward pair stand over their
target's column (a fan-out pair: its source's); of a back pair, the "in" half stands
under its target's column and the "out" half over its (first) source, so the arrow
climbing to the top band needs no detour round the rows below it. A fan-out whose
targets fall on different later pages keeps one "out" connector; its letter then has
an "in" connector on each of those pages. Connectors of one band spread sideways only
where they would overlap.
Letters (A, B, ...) are given last, in order of appearance, one per pair
(``assign_letters``).

The bottom band lies below the table, outside it, as the signed originals draw their
connectors; the top band is the upper part of the page's first row, right under the
repeated table header (no empty row either way; paginate.build_page).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import NamedTuple

from sopgen.layout.columns import Columns
from sopgen.layout.geometry import Box, OffPage, Page
from sopgen.layout.style import Style
from sopgen.layout.symbols import SymbolPlan
from sopgen.model.flow import Edge

EPS = 1e-6
MIN_W = 2.0  # the narrowest connector, in track gaps (its letter still fits)
BORDER_CLEAR = 3.0  # a connector's centre stays this far from a lane line


class Link(NamedTuple):
    """One connector of a page: the arrows leaving or entering through it."""

    key: str  # provisional label shared by both halves: "#<target>d|u" or "#><source>d|u"
    direction: str  # "out" | "in"
    band: str  # "top" | "bottom"
    target: int  # the node the pair lines up with (its target; a fan-out: its source)
    steps: tuple[int, ...]  # the nodes on this page it connects (sources, or targets)
    edges: tuple[int, ...]  # indexes in the edge list

    @property
    def back(self) -> bool:
        return self.key.endswith("u")

    @property
    def fan_out(self) -> bool:
        """A pair from one step to several: its "in" half forks."""
        return self.key.startswith("#>")


def pair_key(edge: Edge) -> str:
    return f"#{edge.target}{'u' if edge.target < edge.source else 'd'}"


def pair_keys(edges: Sequence[Edge], row_of: Sequence[int] | None = None) -> tuple[str, ...]:
    """The pair of each edge, should it cross a page break: its source's,
    "#><source>d", when its source has edges to several later rows and none of their
    targets has an edge in from another step two or more rows above (an arrow to the
    next row crosses a break only where the target opens a page, and then the shared
    pair saves as much); else its target's (``pair_key``). Back arrows keep their
    target's pair.
    Any choice is correct (a pair joins into one target or forks from one source);
    this one makes fewer pairs where the page breaks are not yet known."""
    row = (lambda n: n) if row_of is None else (lambda n: row_of[n])
    d = [pair_key(e)[-1] for e in edges]
    out_of: dict[tuple[int, str], list[Edge]] = {}
    far_into: dict[tuple[int, str], set[int]] = {}
    for e, dk in zip(edges, d, strict=True):
        span = abs(row(e.target) - row(e.source))
        if span:
            out_of.setdefault((e.source, dk), []).append(e)
        if span > 1:
            far_into.setdefault((e.target, dk), set()).add(e.source)
    shared = {
        (src, dk)
        for (src, dk), out in out_of.items()
        if dk == "d"
        and len({e.target for e in out}) > 1
        and all(far_into.get((e.target, dk), set()) <= {src} for e in out)
    }
    return tuple(
        f"#>{e.source}{dk}" if (e.source, dk) in shared else pair_key(e)
        for e, dk in zip(edges, d, strict=True)
    )


def crossings(
    edges: Sequence[Edge],
    start: int,
    end: int,
    row_of: Sequence[int] | None = None,
    keys: Sequence[str] | None = None,
) -> tuple[list[Link], list[Link]]:
    """The (top band, bottom band) connectors of a page holding rows [start, end);
    ``row_of[node]`` is a node's row (None: node == row); ``keys``: ``pair_keys``."""
    if keys is None:
        keys = pair_keys(edges, row_of)
    groups: dict[tuple[str, str], list[int]] = {}
    for k, e in enumerate(edges):
        s_row = e.source if row_of is None else row_of[e.source]
        t_row = e.target if row_of is None else row_of[e.target]
        s_in = start <= s_row < end
        t_in = start <= t_row < end
        if s_in and not t_in:
            groups.setdefault((keys[k], "out"), []).append(k)
        elif t_in and not s_in:
            groups.setdefault((keys[k], "in"), []).append(k)
    top: list[Link] = []
    bottom: list[Link] = []
    for (key, direction), ks in groups.items():
        back = key.endswith("u")
        band = "top" if (direction == "out") == back else "bottom"
        fan_out = key.startswith("#>")
        anchor = edges[ks[0]].source if fan_out else edges[ks[0]].target
        if direction == "out":
            steps = tuple(sorted({edges[k].source for k in ks}))
        else:
            steps = tuple(sorted({edges[k].target for k in ks}))
        link = Link(key, direction, band, anchor, steps, tuple(ks))
        (top if band == "top" else bottom).append(link)
    return top, bottom


def place_connectors(
    links: Sequence[Link],
    band_top: float,
    band_h: float,
    size: tuple[float, float],
    plans: Sequence[SymbolPlan],
    columns: Columns,
    style: Style,
) -> list[OffPage] | None:
    """Connectors of one band, each over its target's column, spread sideways with a
    gap of 2 * track_gap when they would overlap (one track gap, and narrower
    connectors, when the lanes hold no more), kept inside the lanes; None when even
    connectors MIN_W track gaps wide do not fit."""
    items = sorted(links, key=lambda lk: (_anchor(lk, plans, columns), lk.key))
    n = len(items)
    gap = 2 * style.track_gap
    lo = columns.lanes_x0 + style.lane_gutter_min
    hi = columns.lanes_x1 - style.lane_gutter_min
    w, h = size
    if n * w + (n - 1) * gap > hi - lo:
        gap = style.track_gap  # arrows into neighbours still keep a track gap apart
    if n * w + (n - 1) * gap > hi - lo:
        w = (hi - lo - (n - 1) * gap) / n
        h = style.offpage_h * w / style.offpage_w
    if w < MIN_W * style.track_gap:
        return None  # too many for the lanes: the page must take fewer rows
    borders = columns.lane_borders()
    desired = [_anchor(lk, plans, columns) for lk in items]
    centres = [_off_border(x, borders) for x in spread(desired, w + gap, lo + w / 2, hi - w / 2)]
    out = []
    for lk, cx in zip(items, centres, strict=True):
        box = Box(cx - w / 2, band_top + (band_h - h) / 2, w, h)
        column = _column(columns, cx)
        out.append(OffPage(lk.key, lk.direction, box, column, lk.steps[0], back=lk.back))  # type: ignore[arg-type]
    return out


def spread(desired: Sequence[float], spacing: float, lo: float, hi: float) -> list[float]:
    """Positions as close as possible to the sorted ``desired`` ones, at least ``spacing``
    apart, within [lo, hi]: overlapping neighbours merge into groups centred on the mean
    of their wishes."""
    groups: list[list[int]] = [[i] for i in range(len(desired))]

    def place(group: list[int]) -> float:  # first centre of a group
        half = (len(group) - 1) * spacing / 2
        first = sum(desired[i] for i in group) / len(group) - half
        return max(lo, min(first, hi - 2 * half))

    merged = True
    while merged:
        merged = False
        for k in range(len(groups) - 1):
            a, b = groups[k], groups[k + 1]
            if place(b) < place(a) + len(a) * spacing - EPS:
                groups[k : k + 2] = [a + b]
                merged = True
                break
    out = []
    for group in groups:
        first = place(group)
        out += [first + j * spacing for j in range(len(group))]
    return out


def _anchor(link: Link, plans: Sequence[SymbolPlan], columns: Columns) -> float:
    """Where a connector would stand: over its target's column (a fan-out pair: its
    source's); the "out" half of a back pair over its (first) source, whose arrow must
    climb to the top band."""
    if link.back and link.direction == "out" and not link.fan_out:
        return _attach_x(plans[link.steps[0]], columns)
    return _attach_x(plans[link.target], columns)


def _attach_x(plan: SymbolPlan, columns: Columns) -> float:
    """Where a connector lines up with a symbol: its centre, or for a joint symbol
    centred on a lane border, the middle of the lane left of that border."""
    lanes = columns.lanes
    first, last = plan.columns[0], plan.columns[-1]
    if (last - first) % 2 == 1 and abs(plan.cx - lanes[(first + last) // 2].right) < 1:
        return lanes[(first + last) // 2].cx
    return plan.cx


def _off_border(x: float, borders: Sequence[float]) -> float:
    """Keep a connector's centre (where its arrow runs) off the lane lines."""
    for b in borders:
        if abs(x - b) < BORDER_CLEAR:
            return b + BORDER_CLEAR if x >= b else b - BORDER_CLEAR
    return x


def _column(columns: Columns, x: float) -> int:
    lanes = columns.lanes
    return min(range(len(lanes)), key=lambda k: abs(lanes[k].cx - x))


# --- letters ---------------------------------------------------------------------------


def letter(k: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA, ..."""
    out = ""
    k += 1
    while k:
        k, r = divmod(k - 1, 26)
        out = chr(ord("A") + r) + out
    return out


def assign_letters(pages: Sequence[Page]) -> list[Page]:
    """Replace the provisional connector keys by letters in order of appearance (page by
    page, top band before bottom band, left to right)."""
    names: dict[str, str] = {}
    for page in pages:
        for c in sorted(page.offpage, key=lambda c: (c.box.y, c.box.x)):
            names.setdefault(c.label, letter(len(names)))

    def ref(r: str) -> str:
        return f"offpage:{names[r[8:]]}" if r.startswith("offpage:") else r

    out = []
    for page in pages:
        offpage = tuple(dataclasses.replace(c, label=names[c.label]) for c in page.offpage)
        arrows = tuple(
            dataclasses.replace(a, source=ref(a.source), target=ref(a.target)) for a in page.arrows
        )
        out.append(dataclasses.replace(page, offpage=offpage, arrows=arrows))
    return out
