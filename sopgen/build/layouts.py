"""Laying procedures out for a build, with a layout problem turned into a located
message: the step whose row cannot fit a page, as file:line:column of its text.

- ``paged``: the flowchart table on paper pages (the PDF, the handbook's print view);
- ``screen``: the handbook's continuous flowchart (one page as tall as needed);
- ``layout_project``: every procedure of a document, all problems in one InputError
  (``sopgen check``).
"""

from __future__ import annotations

from sopgen.errors import Diagnostic, InputError
from sopgen.layout import LayoutTooTall, layout_procedure
from sopgen.layout.geometry import ProcedureLayout
from sopgen.layout.style import Measure, Style
from sopgen.load.paths import source_of
from sopgen.model import Procedure, Project

# the table column a too-tall row blames -> the YAML key holding its text
FIELD_OF_COLUMN = {"kegiatan": "uraian"}


def located(proc: Procedure, err: LayoutTooTall) -> Diagnostic:
    """The layout problem as a Diagnostic at the YAML text it is about."""
    source = source_of(proc)
    field = FIELD_OF_COLUMN.get(err.column, err.column)
    path = ("judul",) if err.column == "judul" else ("kegiatan", err.step, field)
    text = str(err)
    sentence, _, hint = text.partition(";")
    return source.diagnostic(path, sentence, hint.strip())


def paged(project: Project, proc: Procedure, style: Style, measure: Measure) -> ProcedureLayout:
    """The paper layout; raises LayoutTooTall (``located`` turns it into a message)."""
    return layout_procedure(proc, project.procedure_nomor(proc), style, measure)


def screen(
    project: Project, proc: Procedure, style: Style, pages: ProcedureLayout, measure: Measure
) -> ProcedureLayout | None:
    """One continuous layout for the screen: the paged one when it is one page, None
    when the rows do not make one drawing (the handbook then shows the paged one)."""
    from sopgen.render.html.site import screen_style  # the handbook's: not for 'check'

    if len(pages.pages) == 1:
        return pages
    tall = screen_style(style, len(pages.pages))
    try:
        layout = layout_procedure(proc, project.procedure_nomor(proc), tall, measure)
    except LayoutTooTall:  # cannot happen (each row fits a paper page); keep pages
        return None
    return layout if len(layout.pages) == 1 else None


def layout_project(
    project: Project, style: Style, measure: Measure
) -> list[tuple[Procedure, ProcedureLayout]]:
    """Every procedure of the document laid out; raises InputError naming each step that
    cannot be laid out (all of them, with file:line:column), so nothing is written."""
    laid_out, problems = [], []
    for proc in project.procedures:
        try:
            laid_out.append((proc, paged(project, proc, style, measure)))
        except LayoutTooTall as err:
            problems.append(located(proc, err))
    if problems:
        raise InputError(problems)
    return laid_out
