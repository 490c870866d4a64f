"""Pagination: fill pages with whole rows, add connector bands, place off-page
connectors, and build each Page (resumable: ``make_page(ctx, start)`` returns the page
and where the next one starts, or None when done).

An arrow whose ends fall on different pages becomes a pair of off-page connectors:
- forward (down): "out" in a band at the bottom of the source page, "in" in a band right
  under the table header of the target page;
- backward (up): "out" in the top band of the source page, "in" in the bottom band of
  the target page.
Connectors sit under/over their step's symbol, spread sideways when several share a
column. Letters (A, B, ...) are given last, in order of appearance (``assign_letters``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from sopgen.layout.arrows import End, PageGeometry, Request, route_page
from sopgen.layout.columns import Columns
from sopgen.layout.errors import LayoutTooTall
from sopgen.layout.geometry import Box, Cell, OffPage, Page, Symbol, Text
from sopgen.layout.header import Header
from sopgen.layout.rows import COLUMN_NAMES, RowContent, TotalRow, band_cells, emit_row, emit_total
from sopgen.layout.style import Measure, Style
from sopgen.layout.symbols import SymbolPlan
from sopgen.model.flow import Edge

EPS = 1e-6
HEADER_SHARE_MAX = 0.4  # a title + number block taller than this share of the page is too long
BORDER_CLEAR = 3.0  # a connector's centre stays this far from a lane line


@dataclass(frozen=True)
class PageContext:
    """Everything pagination needs, computed once per procedure."""

    style: Style
    measure: Measure
    columns: Columns
    header: Header
    rows: tuple[RowContent, ...]
    symbols: tuple[SymbolPlan, ...]
    edges: tuple[Edge, ...]
    total: TotalRow | None

    @property
    def count(self) -> int:
        return len(self.rows)

    @property
    def available(self) -> float:
        """Room for bands, rows and the total row on one page."""
        return self.style.page_size[1] - self.style.margin_bottom - self.header.body_top

    @property
    def connector_size(self) -> tuple[float, float]:
        """Off-page connector (w, h): the style's size, narrowed like symbols in narrow lanes."""
        st = self.style
        w = min(st.offpage_w, self.columns.lane_w - 2 * st.lane_gutter_min)
        return w, st.offpage_h * w / st.offpage_w

    @property
    def band_h(self) -> float:
        """A connector band keeps row_min_pad above and below its connectors."""
        return max(self.style.band_h, self.connector_size[1] + 2 * self.style.row_min_pad)


class Link(NamedTuple):
    """An arrow leaving or entering the page through an off-page connector."""

    edge: int  # index in ctx.edges
    direction: str  # "out" | "in"
    band: str  # "top" | "bottom"
    step: int  # the step on this page


def crossings(ctx: PageContext, start: int, end: int) -> tuple[list[Link], list[Link]]:
    """The (top band, bottom band) connectors of a page holding rows [start, end)."""
    top: list[Link] = []
    bottom: list[Link] = []
    for k, e in enumerate(ctx.edges):
        s_in = start <= e.source < end
        t_in = start <= e.target < end
        if s_in and not t_in:
            (bottom if e.target >= end else top).append(
                Link(k, "out", "bottom" if e.target >= end else "top", e.source)
            )
        elif t_in and not s_in:
            (top if e.source < start else bottom).append(
                Link(k, "in", "top" if e.source < start else "bottom", e.target)
            )
    return top, bottom


def needed_height(ctx: PageContext, start: int, end: int) -> float:
    top, bottom = crossings(ctx, start, end)
    h = sum(r.height for r in ctx.rows[start:end])
    h += ctx.band_h * (bool(top) + bool(bottom))
    if end == ctx.count and ctx.total is not None:
        h += ctx.total.height
    return h


def fitting_ends(ctx: PageContext, start: int) -> list[int]:
    """Every end (exclusive) whose page fits, largest first; LayoutTooTall if none."""
    ends = []
    rows_h = 0.0
    for end in range(start + 1, ctx.count + 1):
        rows_h += ctx.rows[end - 1].height
        if rows_h > ctx.available + EPS:
            break
        if needed_height(ctx, start, end) <= ctx.available + EPS:
            ends.append(end)
    if not ends:
        page_h = ctx.style.page_size[1]
        if ctx.header.table_top > HEADER_SHARE_MAX * page_h:
            # the title alone fills the page: blame it, not the row that did not fit
            raise LayoutTooTall(start, "judul")
        row = ctx.rows[start]
        raise LayoutTooTall(start, COLUMN_NAMES.get(row.tallest, "kegiatan"))
    return ends[::-1]


def make_page(ctx: PageContext, start: int, index: int = 0) -> tuple[Page, int | None]:
    """The page starting at row ``start`` and the next page's start (None: last page).

    Takes as many rows as fit; if the arrows cannot all be routed, tries fewer rows.
    """
    for end in _shrinking(fitting_ends(ctx, start)):
        page = build_page(ctx, start, end, index)
        if page is not None:
            return page, (end if end < ctx.count else None)
    raise RuntimeError(f"layout: no routable page starting at step {start + 1}")


def _shrinking(ends: list[int]) -> list[int]:
    """The fitting ends to try, largest first, dropping 1, 3, 7, ... rows after a page
    whose arrows cannot be routed; the smallest page comes last."""
    picks = [ends[k] for k in range(len(ends)) if (k + 1) & k == 0]
    return picks if picks[-1] == ends[-1] else picks + [ends[-1]]


def build_pages(ctx: PageContext) -> list[Page]:
    pages: list[Page] = []
    start: int | None = 0
    while start is not None:
        page, start = make_page(ctx, start, len(pages))
        pages.append(page)
    return assign_letters(pages)


# --- one page --------------------------------------------------------------------------


def build_page(ctx: PageContext, start: int, end: int, index: int) -> Page | None:
    """Rows [start, end) with their bands, symbols, connectors and arrows; None when the
    arrows cannot be routed."""
    style, columns, header = ctx.style, ctx.columns, ctx.header
    cells: list[Cell] = list(header.cells)
    texts: list[Text] = list(header.texts)
    top_links, bottom_links = crossings(ctx, start, end)
    y = header.body_top
    boundaries = [y]
    connectors: list[OffPage] = []
    if top_links:
        cells += band_cells(y, ctx.band_h, columns)
        connectors += place_connectors(ctx, top_links, y)
        y += ctx.band_h
        boundaries.append(y)
    rows_top = y
    symbols: dict[int, Symbol] = {}
    for row in ctx.rows[start:end]:
        row_cells, row_texts = emit_row(row, y, columns, style)
        cells += row_cells
        texts += row_texts
        symbols[row.step] = ctx.symbols[row.step].place(y, row.height)
        y += row.height
        boundaries.append(y)
    if bottom_links:
        cells += band_cells(y, ctx.band_h, columns)
        connectors += place_connectors(ctx, bottom_links, y)
        y += ctx.band_h
        boundaries.append(y)
    arrows_bottom = y
    if end == ctx.count and ctx.total is not None:
        total_cells, total_texts = emit_total(ctx.total, y, columns, style)
        cells += total_cells
        texts += total_texts
        y += ctx.total.height

    by_edge = {int(c.label[1:]): c for c in connectors}
    requests = page_requests(ctx, start, end, by_edge)
    geo = PageGeometry(
        symbols=symbols,
        connectors=connectors,
        columns=columns,
        top=header.body_top,
        bottom=arrows_bottom,
        rows_top=rows_top,
        boundaries=boundaries,
    )
    arrows = route_page(geo, requests, style, ctx.measure)
    if arrows is None:
        return None
    width, height = style.page_size
    return Page(
        width=width,
        height=height,
        index=index,
        steps=tuple(range(start, end)),
        cells=tuple(cells),
        texts=tuple(texts),
        symbols=tuple(symbols[i] for i in range(start, end)),
        arrows=tuple(arrows),
        offpage=tuple(connectors),
        table=Box(columns.x0, header.table_top, columns.x1 - columns.x0, y - header.table_top),
    )


def page_requests(
    ctx: PageContext, start: int, end: int, by_edge: dict[int, OffPage]
) -> list[Request]:
    """One routing request per arrow drawn on the page, with its routing priority:
    arrows to the next row first, then by how many rows they span."""
    requests = []
    for k, e in enumerate(ctx.edges):
        s_in = start <= e.source < end
        t_in = start <= e.target < end
        src = End(f"step:{e.source}", step=e.source)
        tgt = End(f"step:{e.target}", step=e.target)
        if s_in and t_in:
            span = abs(e.target - e.source)
            if e.target == e.source + 1 and e.branch != "tidak":
                priority: tuple = (0, e.source)
            else:
                priority = (1, span, e.source, e.target)
            requests.append(Request(src, tgt, e.label, e.target > e.source, priority, e.branch))
        elif s_in:
            conn = by_edge[k]
            span = (end - e.source) if e.target >= end else (e.source - start + 1)
            requests.append(
                Request(
                    src,
                    End(f"offpage:{conn.label}", connector=conn),
                    e.label,
                    True,
                    (2, span, e.source),
                    e.branch,
                )
            )
        elif t_in:
            conn = by_edge[k]
            from_above = e.source < start
            span = (e.target - start + 1) if from_above else (end - e.target)
            requests.append(
                Request(
                    End(f"offpage:{conn.label}", connector=conn),
                    tgt,
                    None,
                    from_above,
                    (2, span, e.target),
                )
            )
    return requests


def place_connectors(ctx: PageContext, links: Sequence[Link], band_top: float) -> list[OffPage]:
    """Connectors of one band, each under/over its step's symbol, spread sideways with a
    gap of 2 * track_gap when they would overlap, kept inside the lanes."""
    style, columns = ctx.style, ctx.columns
    items = sorted(links, key=lambda lk: (ctx.symbols[lk.step].cx, lk.step, lk.edge))
    n = len(items)
    gap = 2 * style.track_gap
    lo = columns.lanes_x0 + style.lane_gutter_min
    hi = columns.lanes_x1 - style.lane_gutter_min
    w, h = ctx.connector_size
    if n * w + (n - 1) * gap > hi - lo:
        w = (hi - lo - (n - 1) * gap) / n
        h = style.offpage_h * w / style.offpage_w
    borders = columns.lane_borders()
    desired = [_attach_x(ctx.symbols[lk.step], columns) for lk in items]
    centres = [_off_border(x, borders) for x in spread(desired, w + gap, lo + w / 2, hi - w / 2)]
    out = []
    for lk, cx in zip(items, centres, strict=False):
        box = Box(cx - w / 2, band_top + (ctx.band_h - h) / 2, w, h)
        out.append(OffPage(f"#{lk.edge}", lk.direction, box, _column(ctx, lk.step, cx), lk.step))  # type: ignore[arg-type]
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


def _column(ctx: PageContext, step: int, x: float) -> int:
    cols = ctx.symbols[step].columns
    lanes = ctx.columns.lanes
    return min(
        cols, key=lambda c: 0 if lanes[c].x <= x <= lanes[c].right else abs(lanes[c].cx - x) + 1
    )


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
