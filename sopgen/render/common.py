"""What both backends need before drawing: the style from a document's settings, the
binder's file name, and (for callers without a build) every procedure laid out."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from sopgen.layout import layout_procedure
from sopgen.layout.geometry import ProcedureLayout
from sopgen.layout.style import COLUMN_TITLE_KEYS, MM, Measure, Style
from sopgen.model import Procedure, Project


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
    style = Style(
        paper=paper,
        show_total=show_total,
        column_titles=tuple(getattr(titles, key) for key in COLUMN_TITLE_KEYS),
        columns=tuple(project.columns),
    )
    if settings.lebar_kolom_pelaksana is not None:
        lane = settings.lebar_kolom_pelaksana * MM
        style = replace(style, lane_min=lane, lane_max=max(style.lane_max, lane))
    return style


def layout_project(
    project: Project, style: Style, measure: Measure
) -> list[tuple[Procedure, ProcedureLayout]]:
    """Every procedure of the document laid out, in order (raises LayoutTooTall; the
    build turns it into a located message: ``sopgen.build.layouts``)."""
    return [
        (proc, layout_procedure(proc, project.procedure_nomor(proc), style, measure))
        for proc in project.procedures
    ]


__all__ = ["binder_name", "document_folder", "layout_project", "make_style"]
