"""What both backends need before drawing: the style from a document's settings, and
every procedure laid out, with a layout problem turned into a located message."""

from __future__ import annotations

from pathlib import Path

from sopgen.errors import InputError
from sopgen.layout import LayoutTooTall, layout_procedure
from sopgen.layout.geometry import ProcedureLayout
from sopgen.layout.style import COLUMN_TITLE_KEYS, Measure, Style
from sopgen.load.paths import source_of
from sopgen.model import Procedure, Project

# the table column a too-tall row blames -> the YAML key holding its text
FIELD_OF_COLUMN = {"kegiatan": "uraian"}


def document_folder(project: Project) -> Path:
    """The folder of the document (its logo's base; its name names the binder)."""
    p = Path(project.path)
    return p if p.is_dir() or not p.suffix else p.parent


def binder_name(project: Project) -> str:
    """The binder's file name without .pdf, also used by the handbook to link to it."""
    return document_folder(project).name or "sop"


def make_style(project: Project, paper: str | None = None, show_total: bool | None = None):
    settings = project.dokumen.pengaturan
    paper = paper or settings.kertas
    if show_total is None:
        show_total = settings.tampilkan_jumlah_waktu
    titles = project.column_titles
    return Style(
        paper=paper,
        show_total=show_total,
        column_titles=tuple(getattr(titles, key) for key in COLUMN_TITLE_KEYS),
        columns=tuple(project.columns),
    )


def layout_project(
    project: Project, style: Style, measure: Measure
) -> list[tuple[Procedure, ProcedureLayout]]:
    """Every procedure of the document laid out; raises InputError naming each step that
    cannot be laid out (all of them, with file:line:column), so nothing is written."""
    laid_out, problems = [], []
    for procedure in project.procedures:
        try:
            layout = layout_procedure(procedure, project.procedure_nomor(procedure), style, measure)
        except LayoutTooTall as err:
            source = source_of(procedure)
            field = FIELD_OF_COLUMN.get(err.column, err.column)
            path = ("judul",) if err.column == "judul" else ("kegiatan", err.step, field)
            problems.append(source.diagnostic(path, _sentence(err), _hint(err)))
            continue
        laid_out.append((procedure, layout))
    if problems:
        raise InputError(problems)
    return laid_out


def _sentence(err: LayoutTooTall) -> str:
    return str(err).split(";")[0]


def _hint(err: LayoutTooTall) -> str:
    text = str(err)
    return text.split(";", 1)[1].strip() if ";" in text else ""


__all__ = ["binder_name", "document_folder", "layout_project", "make_style"]
