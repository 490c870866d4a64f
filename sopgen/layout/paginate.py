"""Pagination: fill pages with whole rows, add connector bands (connectors.py places
the off-page connectors), and build each Page (resumable: ``make_page(ctx, start)``
returns the page and where the next one starts, or None when done).

"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from sopgen.layout.arrows import End, PageGeometry, Request
from sopgen.layout.columns import Columns
from sopgen.layout.connectors import assign_letters, crossings, pair_keys, place_connectors
from sopgen.layout.decision_exits import exits_facing_targets, sideways_turns
from sopgen.layout.errors import LayoutTooTall, LayoutUnroutable
from sopgen.layout.geometry import Box, Cell, OffPage, Page, Symbol, Text
from sopgen.layout.header import Header
from sopgen.layout.relabel import route_labelled, route_turned
from sopgen.layout.rows import COLUMN_NAMES, RowContent, TotalRow, emit_row, emit_total
from sopgen.layout.style import Measure, Style
from sopgen.layout.symbols import SymbolPlan
from sopgen.model.flow import Edge

EPS = 1e-6
TRIES = 3  # pages of fewer rows tried when the arrows of a page cannot be routed
HEADER_SHARE_MAX = 0.4  # a title + number block taller than this share of the page is too long


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
    tail: float = 0.0  # room kept under the last page's table (the notes, rows.notes_height)
    # room on the first page when less than on the others (its table printed under an
    # identity block: render.pdf.procedure_pages); None: a page like the others
    first: float | None = None

    @property
    def row_of(self) -> tuple[int, ...]:
        """The row of each node."""
        return tuple(p.step for p in self.symbols)

    @cached_property
    def keys(self) -> tuple[str, ...]:
        """The connector pair of each edge, should it cross a page break."""
        return pair_keys(self.edges, self.row_of)

    @property
    def count(self) -> int:
        return len(self.rows)

    @property
    def available(self) -> float:
        """Room for bands, rows and the total row on one page."""
        return self.style.page_size[1] - self.style.margin_bottom - self.header.body_top

    def room(self, start: int) -> float:
        """Room for bands, rows and the total row on the page starting at row ``start``."""
        return self.first if start == 0 and self.first is not None else self.available

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


def needed_height(ctx: PageContext, start: int, end: int) -> float:
    top, bottom = crossings(ctx.edges, start, end, ctx.row_of, ctx.keys)
    h = sum(r.height for r in ctx.rows[start:end])
    h += ctx.band_h * (bool(top) + bool(bottom))
    if end == ctx.count:
        h += ctx.tail + (ctx.total.height if ctx.total is not None else 0.0)
    return h


def balanced(ctx: PageContext, start: int, ends: list[int]) -> list[int]:
    """The fitting ends in the order to try them. When the rows after the fullest page
    fit on one last page, the break that evens out the two pages' heights comes first:
    no short last page when moving rows back balances them."""
    fullest = ends[0]
    if fullest == ctx.count:
        return ends
    rest = [e for e in ends if needed_height(ctx, e, ctx.count) <= ctx.available + EPS]
    if not rest:
        return ends
    best = min(
        rest,
        key=lambda e: (max(needed_height(ctx, start, e), needed_height(ctx, e, ctx.count)), -e),
    )
    return [best, *(e for e in ends if e != best)]


def fitting_ends(ctx: PageContext, start: int) -> list[int]:
    """Every end (exclusive) whose page fits, largest first; LayoutTooTall if none."""
    ends = []
    rows_h = 0.0
    for end in range(start + 1, ctx.count + 1):
        rows_h += ctx.rows[end - 1].height
        if rows_h > ctx.room(start) + EPS:
            break
        if needed_height(ctx, start, end) <= ctx.room(start) + EPS:
            ends.append(end)
    if not ends:
        page_h = ctx.style.page_size[1]
        if ctx.header.table_top > HEADER_SHARE_MAX * page_h:
            # the title alone fills the page: blame it, not the row that did not fit
            raise LayoutTooTall(start, "judul")
        row = ctx.rows[start]
        raise LayoutTooTall(start, COLUMN_NAMES.get(row.tallest, "kegiatan"))
    return ends[::-1]


def make_page(
    ctx: PageContext, start: int, index: int = 0, starts: tuple[int, ...] = ()
) -> tuple[Page, int | None]:
    """The page starting at row ``start`` and the next page's start (None: last page).

    Takes as many rows as fit (or, before a last page, as many as even out the two
    pages); if the arrows cannot all be routed, tries fewer rows (at
    most ``TRIES`` pages in all: the fullest, about half of it, a single row), then
    gives up with a located LayoutUnroutable.
    """
    for end in _shrinking(balanced(ctx, start, fitting_ends(ctx, start))):
        page = build_page(ctx, start, end, index, starts)
        if page is not None:
            return page, (end if end < ctx.count else None)
    raise LayoutUnroutable(start)


def _shrinking(ends: list[int]) -> list[int]:
    """The fitting ends to try, largest first: the fullest page, one about half as full,
    the smallest (bounded time: no cascade of retries)."""
    picks = [ends[0], ends[len(ends) // 2], ends[-1]][:TRIES]
    return list(dict.fromkeys(picks))


def build_pages(ctx: PageContext) -> list[Page]:
    pages: list[Page] = []
    start: int | None = 0
    while start is not None:
        page, start = make_page(ctx, start, len(pages), tuple(p.steps[0] for p in pages))
        pages.append(page)
    return assign_letters(pages)


# --- one page --------------------------------------------------------------------------


def build_page(
    ctx: PageContext, start: int, end: int, index: int, starts: tuple[int, ...] = ()
) -> Page | None:
    """Rows [start, end) with their bands, symbols, connectors and arrows (``starts``:
    the first rows of the pages before); None when the arrows cannot be routed or
    the connectors do not fit the lanes."""
    style, columns, header = ctx.style, ctx.columns, ctx.header
    cells: list[Cell] = list(header.cells)
    texts: list[Text] = list(header.texts)
    top_links, bottom_links = crossings(ctx.edges, start, end, ctx.row_of, ctx.keys)
    y = header.body_top
    boundaries = [y]
    connectors: list[OffPage] = []
    band = 0.0  # the top band: the first row's upper part (no empty row)
    if top_links:
        placed = _place(ctx, top_links, y)
        if placed is None:
            return None
        connectors += placed
        band = ctx.band_h
        y += band
        boundaries.append(y)
    rows_top = y
    symbols: dict[int, Symbol] = {}  # node -> its symbol (part 0)
    drawn: list[Symbol] = []
    by_row: dict[int, list[SymbolPlan]] = {}
    for plan in ctx.symbols:
        by_row.setdefault(plan.step, []).append(plan)
    for row in ctx.rows[start:end]:
        row_cells, row_texts = emit_row(row, y - band, columns, style, row.height + band)
        band = 0.0
        cells += row_cells
        texts += row_texts
        for plan in by_row.get(row.step, []):
            placed = plan.place(y, row.height)
            symbols[plan.node] = placed[0]
            drawn += placed
        y += row.height
        boundaries.append(y)
    table_bottom = y
    if bottom_links:
        # below the table, as the signed originals draw them: no empty row
        placed = _place(ctx, bottom_links, y)
        if placed is None:
            return None
        connectors += placed
        y += ctx.band_h
        boundaries.append(y)
    arrows_bottom = y
    if end == ctx.count and ctx.total is not None:
        total_cells, total_texts = emit_total(ctx.total, y, columns, style)
        cells += total_cells
        texts += total_texts
        y += ctx.total.height
        table_bottom = y

    by_key = {(c.label, c.direction): c for c in connectors}
    requests = page_requests(ctx, start, end, by_key, starts)
    geo = PageGeometry(
        symbols=symbols,
        parts=[sym for sym in drawn if sym.part],
        connectors=connectors,
        columns=columns,
        top=header.body_top,
        bottom=arrows_bottom,
        rows_top=rows_top,
        boundaries=boundaries,
    )
    # exits facing their targets where that draws no crossing; the usual exits when
    # a vertex they need is taken (an arrow entering there)
    faced = exits_facing_targets(ctx, requests)
    routed = route_labelled(geo, faced, style, ctx.measure)
    if routed is None and faced != requests:
        faced = requests
        routed = route_labelled(geo, requests, style, ctx.measure)
    if routed is None:
        return None
    turns = sideways_turns(ctx, faced)
    if turns:
        routed = route_turned(geo, faced, routed, turns, style, ctx.measure)
    geo, arrows = routed
    width, height = style.page_size
    return Page(
        width=width,
        height=height,
        index=index,
        steps=tuple(range(start, end)),
        cells=tuple(cells),
        texts=tuple(texts),
        symbols=tuple(drawn),
        arrows=tuple(arrows),
        offpage=tuple(geo.connectors),
        table=Box(
            columns.x0, header.table_top, columns.x1 - columns.x0, table_bottom - header.table_top
        ),
    )


def page_requests(
    ctx: PageContext,
    start: int,
    end: int,
    by_key: dict[tuple[str, str], OffPage],
    starts: tuple[int, ...] = (),
) -> list[Request]:
    """One routing request per arrow drawn on the page, with its routing priority:
    arrows to the next row first, then by how many rows they span. Arrows that share
    an "out" connector each get a request (they join), but a fan-out pair's several
    edges from one step one (their labels go after the "in" half); an "in" connector
    one, or one per target of a fan-out pair (they fork, each with its label)."""
    requests = []
    entered: set[tuple[str, int]] = set()
    left: set[str] = set()
    row_of = ctx.row_of
    keys = ctx.keys
    # fan-out pairs whose several edges cross this page's bottom or top
    count: dict[tuple[str, str], int] = {}
    for k, e in enumerate(ctx.edges):
        s_in = start <= row_of[e.source] < end
        t_in = start <= row_of[e.target] < end
        if keys[k].startswith("#>") and s_in != t_in:
            side = "out" if s_in else "in"
            count[(keys[k], side)] = count.get((keys[k], side), 0) + 1
    for k, e in enumerate(ctx.edges):
        s_row, t_row = row_of[e.source], row_of[e.target]
        s_in = start <= s_row < end
        t_in = start <= t_row < end
        src = End(f"step:{e.source}", step=e.source)
        tgt = End(f"step:{e.target}", step=e.target)
        if s_in and t_in:
            span = abs(t_row - s_row)
            if s_row == t_row:  # within a row: straight, first
                priority: tuple = (-1, e.source)
            elif t_row == s_row + 1 and e.branch != "tidak" and _aligned(ctx, e):
                priority = (0, 0, e.source)  # straight down: others into it join it
            elif e.target == e.source + 1 and e.branch != "tidak":
                priority = (0, 1, e.source)
            else:
                # of one exit's several arrows, the farthest first: the nearer ones
                # fork off it on the way
                priority = (1, span, e.source, -_reach(ctx, e), e.target)
            forward = e.target > e.source
            requests.append(Request(src, tgt, e.label, forward, priority, e.branch, both=e.both))
        elif s_in:
            conn = by_key[(keys[k], "out")]
            span = (end - s_row) if t_row >= end else (s_row - start + 1)
            end_ = End(f"offpage:{conn.label}", connector=conn)
            if count.get((keys[k], "out"), 0) > 1:  # one arrow into a fan-out pair
                if conn.label in left:
                    continue
                left.add(conn.label)
                requests.append(Request(src, end_, None, True, (2, span, e.source)))
                continue
            requests.append(Request(src, end_, e.label, True, (2, span, e.source), e.branch))
        elif t_in:
            conn = by_key[(keys[k], "in")]
            if (conn.label, e.target) in entered:
                continue
            entered.add((conn.label, e.target))
            from_above = s_row < start
            span = (t_row - start + 1) if from_above else (end - t_row)
            end_ = End(f"offpage:{conn.label}", connector=conn)
            shared = count.get((keys[k], "in"), 0) > 1 or _fanned_out(ctx, k, start, starts)
            label = e.label if shared else None
            requests.append(Request(end_, tgt, label, from_above, (2, span, e.target)))
    return requests


def _reach(ctx: PageContext, e: Edge) -> float:
    """How far across the lanes an edge's target stands from its source."""
    a, b = ctx.symbols[e.source], ctx.symbols[e.target]
    return round(abs((a.x + a.w / 2) - (b.x + b.w / 2)), 3)


def _aligned(ctx: PageContext, e: Edge) -> bool:
    """Whether an edge's two symbols stand centred one over the other (a straight
    arrow)."""
    a, b = ctx.symbols[e.source], ctx.symbols[e.target]
    return abs((a.x + a.w / 2) - (b.x + b.w / 2)) < EPS


def _fanned_out(ctx: PageContext, k: int, start: int, starts: tuple[int, ...]) -> bool:
    """Whether edge ``k``, of a fan-out pair arriving on the page starting at ``start``
    from an earlier page (one of ``starts``), left its page with other edges of that
    pair: then its "out" half took one unlabelled arrow, and the labels come here."""
    s_row = ctx.row_of[ctx.edges[k].source]
    bounds = sorted({*starts, start})
    if not ctx.keys[k].startswith("#>") or s_row >= start or bounds[0] > s_row:
        return False
    page_end = next(b for b in bounds if b > s_row)
    page_start = max(b for b in bounds if b <= s_row)
    leaving = [
        j
        for j, e in enumerate(ctx.edges)
        if ctx.keys[j] == ctx.keys[k] and not page_start <= ctx.row_of[e.target] < page_end
    ]
    return len(leaving) > 1


def _place(ctx: PageContext, links, band_top: float) -> list[OffPage] | None:
    return place_connectors(
        links, band_top, ctx.band_h, ctx.connector_size, ctx.symbols, ctx.columns, ctx.style
    )
