"""A procedure's own pages around its flowchart: its identity page (when the procedure
is its own SOP document, model.identity) and its ``catatan`` (the "Ket: *) ..." notes)
under the flowchart table: below the table on the last table page when there is room
(the layout keeps it, rows.notes_height), else on a page of their own right after it."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from sopgen.layout.geometry import Page
from sopgen.layout.rows import NOTES_COLUMN_GAP, NOTES_COLUMNS
from sopgen.layout.style import Style
from sopgen.model import Procedure
from sopgen.model.text import to_reportlab_blocks
from sopgen.render.pdf.front import STYLES

# the layout keeps room for the notes with these sizes (layout.rows.notes_height)
NOTES_GAP = Style.notes_gap
NOTES_STYLE = ParagraphStyle(
    "catatan", STYLES["base"], fontSize=Style.notes_size, leading=Style.notes_leading
)
NOTES_ITEM = ParagraphStyle("catatan_item", NOTES_STYLE, leftIndent=11, bulletIndent=1)


def note_paragraphs(proc: Procedure) -> list[Paragraph]:
    """The paragraphs and list items of ``catatan`` (its little Markdown read as the
    handbook reads it, model.text; a line break stays a line break)."""
    return [
        Paragraph(b.markup, NOTES_ITEM, bulletText=b.bullet)
        if b.bullet
        else Paragraph(b.markup, NOTES_STYLE)
        for b in to_reportlab_blocks(proc.data.catatan)
    ]


def notes_room(page: Page, style: Style) -> tuple[float, float]:
    """(top y from the page's top edge, height free) under the table of ``page`` (and
    under any off-page connector standing below it)."""
    boxes = [c.box for c in page.cells] + [c.box for c in page.offpage]
    bottom = max((b.bottom for b in boxes), default=style.margin_top)
    top = bottom + NOTES_GAP
    return top, page.height - style.margin_bottom - top


def _arranged(paragraphs: list[Paragraph], width: float) -> tuple[list, float]:
    """Each paragraph with its (x, y from the notes' top) and the notes' height: list
    items in as many columns (layout.rows.NOTES_COLUMNS) as keep each on one line, down
    the first column first, the other lines across the width."""
    items = [p for p in paragraphs if p.style is NOTES_ITEM]
    columns = 1
    for k in NOTES_COLUMNS:
        column_w = (width - (k - 1) * NOTES_COLUMN_GAP) / k
        one_line = all(p.wrap(column_w, 1e9)[1] <= NOTES_STYLE.leading + 0.1 for p in items)
        if len(items) >= 2 * k and one_line:
            columns = k
            break
    column_w = (width - (columns - 1) * NOTES_COLUMN_GAP) / columns
    per_column = -(-len(items) // columns) if items else 0
    placed, y, k = [], 0.0, 0
    for p in paragraphs:
        if p.style is NOTES_ITEM and columns > 1:
            col, row = divmod(k, per_column)
            placed.append((p, column_w, col * (column_w + NOTES_COLUMN_GAP), y + row * p.height))
            k += 1
            if k == len(items):
                y += per_column * NOTES_STYLE.leading
            continue
        placed.append((p, width, 0.0, y))
        y += p.height
    return placed, y


def notes_height(paragraphs: list[Paragraph], width: float) -> float:
    for p in paragraphs:
        p.height = p.wrap(width, 1e9)[1]
    return _arranged(paragraphs, width)[1]


def draw_notes(canvas, paragraphs: list[Paragraph], page: Page, style: Style) -> None:
    """Draw the notes under the table (canvas origin: the page's bottom-left corner)."""
    width = page.width - style.margin_left - style.margin_right
    top, _ = notes_room(page, style)
    notes_height(paragraphs, width)
    placed, _ = _arranged(paragraphs, width)
    for p, w, x, y in placed:
        _, h = p.wrap(w, 1e9)
        p.drawOn(canvas, style.margin_left + x, page.height - top - y - h)
