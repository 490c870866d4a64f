"""A procedure's flowchart started on its identity page, as many agencies print a short
SOP: the identity block, then the flowchart table right under it on the same page.

The rule (docs/format.md, "Susunan halaman"): when a procedure's flowchart directly
follows an identity page printed for that procedure alone (its own identity, or the
identity of a document that has only this procedure, with no Lembar Pengesahan
between), its first table page is printed under the identity block, if that saves a
page: the whole first page fits there, or the flowchart laid out again with a shorter
first page (layout_procedure's ``first``) takes fewer pages than the identity page and
the flowchart apart. The table header is printed there without the title and Nomor
lines above it (the identity block says both); every later page is as usual. A binder
whose procedures share one identity page never does this.

``flowchart_story`` gives a procedure's flowchart part of a story (the binder's and the
procedure PDF's): its pages, from a new page or under the block, and its notes.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from reportlab.platypus import Flowable, NextPageTemplate, PageBreak

from sopgen.layout import LayoutTooTall, LayoutUnroutable, layout_procedure
from sopgen.layout.geometry import Page, ProcedureLayout
from sopgen.layout.style import Style
from sopgen.model import Procedure, Project
from sopgen.render.fonts import measure
from sopgen.render.pdf.canvas import FlowchartPage, Mark
from sopgen.render.pdf.frames import frame_rects
from sopgen.render.pdf.procedure_pages import note_paragraphs, notes_height, notes_room

EPS = 1e-6


@dataclass(frozen=True)
class Shared:
    """How a procedure's flowchart starts under its identity block: the layout to print
    (its first page goes under the block), how far that page is moved down, and the
    height the identity block is set in (identity_fit picks its setting for it)."""

    layout: ProcedureLayout
    shift: float  # points added to every y of the first page
    room: float  # for the identity block


def _frame_height(style: Style) -> float:
    (_, _, _, height), _ = frame_rects(style)["front"]
    return height


def identity_height(identity: list[Flowable], style: Style, room: float) -> float | None:
    """The height of an identity block set in ``room`` points at the top of a framed
    page; None when it does not fit there (identity_fit: not even in its tightest
    setting)."""
    (_, _, width, _), _ = frame_rects(style)["front"]
    used = 0.0
    for f in identity:
        used += f.wrap(width, room - used)[1] + f.getSpaceAfter()
        if getattr(f, "chosen", True) is None:
            return None
    return used if used <= room + EPS else None


def _body_top(page: Page) -> float:
    """The first y under the table header."""
    return max(c.box.bottom for c in page.cells if c.role == "header")


def table_bottom(page: Page, style: Style, notes: float = 0.0) -> float:
    """The lowest y the page prints: its table, off-page connectors and (``notes``: their
    height, 0 for none) the notes under them."""
    boxes = [c.box for c in page.cells] + [c.box for c in page.offpage]
    bottom = max(b.bottom for b in boxes)
    if notes:
        top, _ = notes_room(page, style)
        bottom = top + notes
    return bottom


def _shift(page: Page, above: float, style: Style) -> float:
    return style.margin_top + above + style.header_gap - page.table.y


def _need(page: Page, style: Style, notes: float) -> float:
    """The height the page takes under an identity block (gap, table, notes)."""
    return style.header_gap + table_bottom(page, style, notes) - page.table.y


def plan(
    layout: ProcedureLayout,
    identity: list[Flowable],
    style: Style,
    notes: float,
    relayout: Callable[[float], ProcedureLayout],
) -> Shared | None:
    """Whether and how the flowchart starts under the identity block ``identity``: the
    layout as it is when its whole first page fits under the block (set as roomy as
    identity_fit can with that page under it), else ``relayout(room)`` (``room``: for
    the rows of the first page, under the block set as tight as it goes) when that
    takes fewer pages than the identity page and ``layout`` apart; None: print them
    apart. ``notes``: the height
    of the procedure's notes (0 for none), printed under the last page's table."""
    if not layout.pages or len(identity) != 1:
        return None
    frame = _frame_height(style)
    first = layout.pages[0]
    room = frame - _need(first, style, notes if len(layout.pages) == 1 else 0.0)
    above = identity_height(identity, style, room)
    if above is not None:
        return Shared(layout, _shift(first, above, style), room)
    # rows on the first page under the block set as tight as it goes, the rest after
    above = _tightest(identity, style, frame)
    if above is None:
        return None
    rows = first.height - style.margin_bottom - (_body_top(first) + _shift(first, above, style))
    if rows <= 0 or not _may_save(layout, rows, style):
        return None
    try:
        again = relayout(rows)
    except (LayoutTooTall, LayoutUnroutable):
        return None  # not even one row fits under the block
    if not again.pages or len(again.pages) > len(layout.pages):
        return None
    page = again.pages[0]
    room = frame - _need(page, style, notes if len(again.pages) == 1 else 0.0)
    above = identity_height(identity, style, room)  # as roomy as the rows let it be
    if above is None:
        return None
    return Shared(again, _shift(page, above, style), room)


def _tightest(identity: list[Flowable], style: Style, frame: float) -> float | None:
    """The least height the identity block takes (identity_fit's tightest setting that
    fits), to the nearest half point; None when it does not fit a page."""
    if identity_height(identity, style, frame) is None:
        return None
    lo, hi = 0.0, frame  # hi fits, lo does not
    while hi - lo > 0.5:
        mid = (lo + hi) / 2
        if identity_height(identity, style, mid) is None:
            lo = mid
        else:
            hi = mid
    return identity_height(identity, style, hi)


def _may_save(layout: ProcedureLayout, rows: float, style: Style) -> bool:
    """Whether the flowchart's rows could fit ``rows`` points on the first page and the
    others on one page fewer than ``layout`` has after it (else no layout saves one)."""
    pages = layout.pages
    full = pages[0].height - style.margin_bottom - _body_top(pages[0])
    content = sum(table_bottom(p, style) - _body_top(p) for p in pages)
    return content <= rows + (len(pages) - 1) * full + EPS


class Within(Flowable):
    """A flowable set as if the frame had only ``room`` points left (the identity block
    in the setting that leaves room for the flowchart under it)."""

    def __init__(self, inner: Flowable, room: float):
        super().__init__()
        self.inner, self.room = inner, room

    def wrap(self, availWidth, availHeight):
        self.width, self.height = self.inner.wrap(availWidth, min(availHeight, self.room))
        return self.width, self.height

    def draw(self):
        self.inner.drawOn(self.canv, 0, 0)


def fitted(identity: list[Flowable], shared: Shared | None) -> list[Flowable]:
    """The identity block's flowables as ``shared`` sets them."""
    if shared is None:
        return identity
    (block,) = identity
    return [Within(block, shared.room)]


class FlowchartUnderIdentity(FlowchartPage):
    """A flowchart page printed in a framed page under the identity block: its table
    header and rows, moved down by ``shift``, without the title and Nomor lines."""

    def __init__(self, page: Page, style: Style, nomor: str, mark: Mark | None, dry, shift):
        texts = tuple(t for t in page.texts if t.y >= page.table.y)
        super().__init__(dataclasses.replace(page, texts=texts), style, nomor, mark, dry)
        self.shift = shift
        self._x = 0.0

    def wrap(self, availWidth, availHeight):
        notes = 0.0
        if self.notes:
            st = self.style
            notes = notes_height(self.notes, self.page.width - st.margin_left - st.margin_right)
        bottom = table_bottom(self.page, self.style, notes)
        self.height = self.style.header_gap + bottom - self.page.table.y
        return availWidth, self.height

    def drawOn(self, canvas, x, y, _sW=0):
        self._x = x
        super().drawOn(canvas, x, y, _sW)

    def draw(self):
        # the canvas origin is this flowable's bottom-left; draw as on a whole page whose
        # table top stands header_gap under this flowable's top
        top = self.page.table.y - self.style.header_gap
        self.canv.translate(-self._x, self.height - self.page.height + top)
        super().draw()


def shared_plan(
    project: Project, proc: Procedure, layout: ProcedureLayout, style: Style, identity: list
) -> Shared | None:
    """``plan`` for a procedure whose flowchart follows the identity block ``identity``
    (flowables, as printed right before it); the layout again with the embedded fonts."""
    notes = note_paragraphs(proc)
    width = layout.pages[0].width - style.margin_left - style.margin_right
    tall = notes_height(notes, width) if notes else 0.0
    nomor = project.procedure_nomor(proc)

    def relayout(room: float) -> ProcedureLayout:
        return layout_procedure(proc, nomor, style, measure, first=room)

    return plan(layout, identity, style, tall, relayout)


# --- the flowchart part of a story ---------------------------------------------------


def flow_pages(
    project: Project,
    proc: Procedure,
    layout: ProcedureLayout,
    style: Style,
    mark: Mark | None,
    dry: bool = False,
) -> list:
    """A FlowchartPage for each page of ``layout`` (``mark`` on the first)."""
    nomor = project.procedure_nomor(proc)
    w, h = style.page_size
    out = []
    for i, page in enumerate(layout.pages):
        if abs(page.width - w) > 0.5 or abs(page.height - h) > 0.5:
            raise ValueError(
                f"layout page {page.width}x{page.height} does not match paper {style.paper}"
            )
        out.append(FlowchartPage(page, style, nomor, mark if i == 0 else None, dry))
    return out


def planned(
    plans: dict[str, Shared | None] | None,
    project: Project,
    proc: Procedure,
    layout: ProcedureLayout,
    style: Style,
    identity: list,
) -> Shared | None:
    """``shared_plan``, once per procedure and binder (``plans``)."""
    plans = {} if plans is None else plans
    if proc.id not in plans:
        plans[proc.id] = shared_plan(project, proc, layout, style, identity)
    return plans[proc.id]


def flowchart_story(
    project: Project,
    proc: Procedure,
    layout: ProcedureLayout,
    style: Style,
    mark: Mark | None,
    dry: bool,
    shared: Shared | None,
) -> list:
    """The flowchart pages and the notes: from a new page, or (``shared``) the first
    page under the identity block that the story holds just before."""
    nomor = project.procedure_nomor(proc)
    if shared is None:
        pages = flow_pages(project, proc, layout, style, mark, dry)
        return [
            NextPageTemplate("flow"),
            PageBreak(),
            *pages,
            *notes_part(proc, pages, style, nomor),
        ]
    layout = shared.layout
    rest = flow_pages(project, proc, layout, style, None, dry)[1:]
    first = FlowchartUnderIdentity(layout.pages[0], style, nomor, mark, dry, shared.shift)
    out: list = [first]
    if rest:
        out += [NextPageTemplate("flow"), PageBreak(), *rest]
    return out + notes_part(proc, [first, *rest], style, nomor)


def notes_part(proc: Procedure, pages: list[FlowchartPage], style: Style, nomor: str) -> list:
    """The procedure's catatan: under the table of its last page when there is room
    (drawn by that page), else on a page of their own right after it."""
    notes = note_paragraphs(proc)
    if not notes or not pages:
        return []
    width = pages[-1].page_size()[0] - style.margin_left - style.margin_right
    room = pages[-1].notes_room()[1] - getattr(pages[-1], "shift", 0.0)
    if notes_height(notes, width) <= room:
        pages[-1].notes = notes
        return []
    return [NextPageTemplate("front"), PageBreak(), Mark(nomor), *notes]
