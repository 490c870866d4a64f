"""A procedure's own pages around its flowchart: its identity page (when the procedure
is its own SOP document, model.identity) and its ``catatan`` (the "Ket: *) ..." notes)
under the flowchart table: below the table on the last table page when there is room,
else on a page of their own right after it."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from sopgen.layout.geometry import Page
from sopgen.layout.style import Style
from sopgen.model import Procedure, Project
from sopgen.model.identity import effective_identity
from sopgen.model.text import to_reportlab_blocks
from sopgen.render.pdf.front import STYLES
from sopgen.render.pdf.identity import identity_story

NOTES_GAP = 6.0  # between the table's last line and the notes
NOTES_STYLE = ParagraphStyle("catatan", STYLES["base"], fontSize=8, leading=9.7)
NOTES_ITEM = ParagraphStyle("catatan_item", NOTES_STYLE, leftIndent=11, bulletIndent=1)


def identity_pages(project: Project, proc: Procedure, frame_w: float, mark) -> list:
    """The procedure's own identity page (for the framed template), or [] when it has
    none. ``mark(nomor, outline)`` makes the footer/outline flowable of binder.py."""
    ident = effective_identity(project, proc)
    if not ident.own:
        return []
    return [
        mark(ident.nomor, f"Identitas {proc.data.judul}"),
        *identity_story(project, frame_w, proc),
    ]


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
    """(top y from the page's top edge, height free) under the table of ``page``."""
    bottom = max((c.box.bottom for c in page.cells), default=style.margin_top)
    top = bottom + NOTES_GAP
    return top, page.height - style.margin_bottom - top


def notes_height(paragraphs: list[Paragraph], width: float) -> float:
    return sum(p.wrap(width, 1e9)[1] for p in paragraphs)


def draw_notes(canvas, paragraphs: list[Paragraph], page: Page, style: Style) -> None:
    """Draw the notes under the table (canvas origin: the page's bottom-left corner)."""
    width = page.width - style.margin_left - style.margin_right
    top, _ = notes_room(page, style)
    y = page.height - top
    for p in paragraphs:
        _, h = p.wrap(width, 1e9)
        p.drawOn(canvas, style.margin_left, y - h)
        y -= h
