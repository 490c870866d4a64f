"""Swimlane layout of one procedure: pure functions from the model to frozen geometry.

The orchestrator reads like a recipe of named phases, each in its own module:

    columns    column widths and executor lanes               (columns.py)
    header     title, Nomor SOP, two-row table header         (header.py, text.py)
    symbols    one symbol per model node: kind, lane(s), size,  (symbols.py)
               stacking within a row, teks
    rows       wrapped cell text and row heights              (rows.py, text.py)
    flow       the arrows as node-to-node edges               (model/flow.py)
    pages      whole rows onto pages, connector bands,        (paginate.py)
               off-page connectors, then per page the arrows:
                 which arrows, their ends and order           (arrows.py)
                 where the tracks lie on the page             (grid.py)
                 the grid of tracks an arrow may run on       (tracks.py)
                 the cheapest free path for one arrow (A*)    (pathfind.py,
                   its estimates in estimate.py)
                 straight arrows within a row                 (inrow.py)
                 Ya/Tidak labels                              (labels.py,
                   their places in label_places.py)
                 a page routed again when a label has no      (relabel.py)
                   free place

Text is measured by the injected ``measure(text, font, size)``; nothing here knows a
backend. Imports: sopgen.model, sopgen.model.durations and this package only.
"""

from __future__ import annotations

import dataclasses

from sopgen.layout.columns import column_layout
from sopgen.layout.errors import LayoutTooTall, LayoutUnroutable
from sopgen.layout.geometry import ProcedureLayout
from sopgen.layout.header import build_header
from sopgen.layout.paginate import PageContext, build_pages, make_page
from sopgen.layout.rows import TEXT_ROLES, measure_rows, measure_total, notes_height, row_texts
from sopgen.layout.style import COLUMN_TITLE_KEYS, Measure, Style
from sopgen.layout.symbols import lane_needs, plan_symbols, teks_lane_need
from sopgen.layout.text import wrap
from sopgen.model import Procedure
from sopgen.model.flow import BadRef, Edge, resolve_flow, unresolved_refs

__all__ = [
    "BadRef",
    "Edge",
    "LayoutTooTall",
    "LayoutUnroutable",
    "layout_procedure",
    "make_page",
    "page_context",
    "resolve_flow",
    "unresolved_refs",
    "wrap",
]


def layout_procedure(
    procedure: Procedure, nomor: str, style: Style, measure: Measure, first: float | None = None
) -> ProcedureLayout:
    """Pages of the procedure's flowchart table, in points from the top-left corner.

    Rows are laid out tight (``Style.row_min_pad``) and lanes as narrow as their content
    allows. A procedure whose arrows find no way through that little room is laid out
    again with more of it: the roomier row padding (``Style.roomier``), then wider lanes
    (``Style.wider_lanes``: loops back need tracks beside the symbols); it fails only
    when the last of these fails too. Each try is bounded, so the whole is.

    ``first``: the room for rows on the first page when it is less than on the others
    (PageContext.first: the first page's table printed under an identity block)."""
    tries = fallback_styles(style)
    for attempt in tries:
        try:
            ctx = page_context(procedure, nomor, attempt, measure)
            if first is not None:
                ctx = dataclasses.replace(ctx, first=first)
            return ProcedureLayout(procedure.id, tuple(build_pages(ctx)))
        except LayoutUnroutable:
            if attempt is tries[-1]:
                raise
    raise AssertionError("unreachable")  # the loop returns or raises


def fallback_styles(style: Style) -> list[Style]:
    """The style, then the roomier ones to try after it, distinct and in order."""
    roomy = style.roomier()
    out = [style]
    for candidate in (roomy, roomy.wider_lanes(1.25), roomy.wider_lanes(1.6)):
        if candidate not in out:
            out.append(candidate)
    return out


def page_context(procedure: Procedure, nomor: str, style: Style, measure: Measure) -> PageContext:
    """Every phase before pagination; ``make_page(ctx, start)`` lays out one page."""
    data = procedure.data
    page_w, _ = style.page_size
    content_w = page_w - style.margin_left - style.margin_right
    cells = row_texts(procedure)
    texts = {role: [row[role] for row in cells] for role in TEXT_ROLES}
    columns = column_layout(
        texts,
        titles(style),
        data.pelaksana,
        style,
        style.margin_left,
        content_w,
        measure,
        teks_lane_need(data, style, measure),
        lane_needs(data, style, measure),
    )
    header = build_header(data.judul, nomor, data.pelaksana, columns, style, measure)
    symbols = plan_symbols(data, columns, style, measure)
    # node to node (a row may hold several symbols); a repeated edge drawn once
    edges = list(dict.fromkeys(procedure.flow.edges))
    rows = measure_rows(procedure, columns, symbols, style, measure, edges)
    # the total stands under Waktu: no Waktu column, no total row
    with_total = style.show_total and columns.has("waktu")
    total = measure_total(procedure, columns, style, measure) if with_total else None
    # the notes go under the last page's table, unless they would take half the page
    tail = notes_height(procedure, content_w, style, measure)
    room = style.page_size[1] - style.margin_bottom - header.body_top
    tail = tail if tail <= style.notes_share_max * room else 0.0
    return PageContext(
        style, measure, columns, header, tuple(rows), tuple(symbols), tuple(edges), total, tail
    )


def titles(style: Style) -> dict[str, str]:
    """The table's column headings by key (dokumen.yaml judul_kolom)."""
    return {key: style.column_title(key) for key in COLUMN_TITLE_KEYS}
