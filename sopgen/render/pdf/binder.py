"""PDF backend: the official binder and one PDF per procedure (ReportLab).

``build_pdfs(project, out_dir)`` writes

- ``out_dir/pdf/<document>.pdf``: the binder: identity page(s), Lembar Pengesahan, then
  every procedure's flowchart pages, in ``dokumen.yaml`` order, then (when asked for and
  there is a revision) the appendix "LAMPIRAN: RIWAYAT REVISI";
- ``out_dir/pdf/<procedure-id>.pdf``: each procedure alone (its flowchart pages only;
  each page already carries the procedure's title and Nomor SOP from the layout).

Every page gets the footer "Halaman x dari y" (numbered across the file) with the Nomor
SOP small at the left. Bytes are reproducible: invariant mode, the creation date is the
document's Tanggal Efektif, nothing random. Files appear atomically (temp + rename).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
)

from sopgen.check.revisions import in_force
from sopgen.errors import RenderError
from sopgen.files import write_atomic
from sopgen.layout.geometry import Page, ProcedureLayout
from sopgen.layout.style import Style
from sopgen.model import Procedure, Project
from sopgen.render.common import binder_name, layout_project, make_style
from sopgen.render.fonts import REGULAR, measure, register_fonts
from sopgen.render.pdf.draw import draw_page
from sopgen.render.pdf.front import pengesahan_story
from sopgen.render.pdf.identity import identity_story
from sopgen.render.pdf.procedure_pages import (
    draw_notes,
    identity_pages,
    note_paragraphs,
    notes_height,
    notes_room,
)
from sopgen.render.pdf.revisions import OUTLINE as REVISIONS_OUTLINE
from sopgen.render.pdf.revisions import revision_story

FOOTER_SIZE = 8.0
FOOTER_NOMOR_SIZE = 6.5

# ------------------------------------------------------------------------------ canvas


class _SopCanvas(Canvas):
    """Holds every page until ``save`` so the footer can say "dari <total>".

    (ReportLab's NumberedCanvas pattern.) Outline entries are recorded with their page
    index and bound while the pages are replayed, so each points at its real page.
    """

    def __init__(self, *args, created: str, margins: tuple[float, float, float], **kwargs):
        super().__init__(*args, **kwargs)
        self._sop_pages: list[dict] = []
        self._sop_marks: list[tuple[int, str]] = []
        self._sop_nomor = ""
        self._sop_margins = margins  # left, right, bottom
        self.setDateFormatter(lambda *_: created)

    def sop_outline(self, title: str) -> None:
        self._sop_marks.append((len(self._sop_pages), title))

    def showPage(self):
        self._sop_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._sop_pages)
        marks: dict[int, list[str]] = {}
        for index, title in self._sop_marks:
            marks.setdefault(index, []).append(title)
        key = 0
        for index, state in enumerate(self._sop_pages):
            self.__dict__.update(state)
            for title in marks.get(index, ()):
                key += 1
                self.bookmarkPage(f"s{key}")
                self.addOutlineEntry(title, f"s{key}", level=0)
            self._sop_footer(index + 1, total)
            Canvas.showPage(self)
        if self._sop_marks:
            self.showOutline()
        Canvas.save(self)

    def _sop_footer(self, number: int, total: int) -> None:
        width = self._pagesize[0]
        left, right, bottom = self._sop_margins
        y = bottom * 0.42
        self.saveState()
        self.setFillGray(0)
        if self._sop_nomor:
            self.setFont(REGULAR, FOOTER_NOMOR_SIZE)
            self.drawString(left, y, self._sop_nomor)
        self.setFont(REGULAR, FOOTER_SIZE)
        self.drawRightString(width - right, y, f"Halaman {number} dari {total}")
        self.restoreState()


# ------------------------------------------------------------------------------ flowables


class _Mark(Flowable):
    """Zero-size: sets the footer's Nomor SOP and/or an outline entry on its page."""

    _ZEROSIZE = True

    def __init__(self, nomor: str | None = None, outline: str | None = None):
        super().__init__()
        self.nomor, self.outline = nomor, outline

    def wrap(self, availWidth, availHeight):
        return 0, 0

    def draw(self):
        if self.nomor is not None:
            self.canv._sop_nomor = self.nomor
        if self.outline:
            self.canv.sop_outline(self.outline)


class _FlowchartPage(Flowable):
    """A whole page drawn from geometry; it fills a zero-padding full-page frame, so the
    canvas origin is the page's bottom-left corner when ``draw`` runs."""

    def __init__(self, page: Page, style: Style, nomor: str, outline: str | None, notes=()):
        super().__init__()
        self.page, self.style, self.nomor, self.outline = page, style, nomor, outline
        self.notes = list(notes)  # the procedure's catatan, under the table (last page)

    def wrap(self, availWidth, availHeight):
        return availWidth, availHeight

    def draw(self):
        self.canv._sop_nomor = self.nomor
        if self.outline:
            self.canv.sop_outline(self.outline)
        draw_page(self.canv, self.page, self.style)
        if self.notes:
            draw_notes(self.canv, self.notes, self.page, self.style)


# ------------------------------------------------------------------------------ documents


def _render(
    story: list,
    style: Style,
    *,
    title: str,
    subject: str,
    author: str,
    created: str,
    first_template: str,
) -> bytes:
    register_fonts()
    w, h = style.page_size
    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf,
        pagesize=(w, h),
        leftMargin=style.margin_left,
        rightMargin=style.margin_right,
        topMargin=style.margin_top,
        bottomMargin=style.margin_bottom,
        title=title,
        subject=subject,
        author=author,
        creator="sopgen",
        invariant=1,
        initialFontName=REGULAR,
        lang="id-ID",
    )
    front = Frame(
        style.margin_left,
        style.margin_bottom,
        w - style.margin_left - style.margin_right,
        h - style.margin_top - style.margin_bottom,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="front",
    )
    full = Frame(0, 0, w, h, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    templates = {
        "front": PageTemplate(id="front", frames=[front], pagesize=(w, h)),
        "flow": PageTemplate(id="flow", frames=[full], pagesize=(w, h)),
    }
    doc.addPageTemplates(
        [templates[first_template]] + [t for k, t in templates.items() if k != first_template]
    )
    margins = (style.margin_left, style.margin_right, style.margin_bottom)

    def canvasmaker(*args, **kwargs):
        return _SopCanvas(*args, created=created, margins=margins, **kwargs)

    # Binary (Flate-only) streams: smaller files and ~20% faster than ReportLab's default
    # ASCII85 wrapping. rl_config is process-global, so restore it afterwards.
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        doc.build(story, canvasmaker=canvasmaker)
    finally:
        rl_config.useA85 = saved
    return buf.getvalue()


def _flow_story(project: Project, proc: Procedure, layout: ProcedureLayout, style: Style):
    nomor = project.procedure_nomor(proc)
    w, h = style.page_size
    out = []
    for i, page in enumerate(layout.pages):
        if abs(page.width - w) > 0.5 or abs(page.height - h) > 0.5:
            raise ValueError(
                f"layout page {page.width}x{page.height} does not match paper {style.paper}"
            )
        out.append(_FlowchartPage(page, style, nomor, proc.data.judul if i == 0 else None))
    return out


def _procedure_blocks(
    project: Project, proc: Procedure, layout: ProcedureLayout, style: Style, frame_w: float
) -> list[tuple[str, list]]:
    """(page template, flowables) in order: the procedure's own identity page (if it has
    one), its flowchart pages, its catatan on a page of their own when they do not fit
    under the table of the last page."""
    blocks: list[tuple[str, list]] = []
    own = identity_pages(project, proc, frame_w, _Mark)
    if own:
        blocks.append(("front", own))
    pages = _flow_story(project, proc, layout, style)
    blocks.append(("flow", pages))
    notes = note_paragraphs(proc)
    if notes and pages:
        last = pages[-1].page
        width = last.width - style.margin_left - style.margin_right
        if notes_height(notes, width) <= notes_room(last, style)[1]:
            pages[-1].notes = notes
        else:
            blocks.append(("front", [_Mark(project.procedure_nomor(proc)), *notes]))
    return blocks


def _join(blocks: list[tuple[str, list]], current: str | None) -> list:
    """Flowables of the blocks; a page break with the block's template between blocks
    (none between two flowchart blocks: each flowchart page fills its page)."""
    story: list = []
    for template, flowables in blocks:
        if template != current or template == "front":
            story += [NextPageTemplate(template), PageBreak()] if current else []
        story += flowables
        current = template
    return story


def _pdf_date(project: Project) -> str:
    d = in_force(project).tanggal_efektif
    return f"D:{d.year:04d}{d.month:02d}{d.day:02d}000000"


def render_binder(
    project: Project,
    layouts: Sequence[tuple[Procedure, ProcedureLayout]],
    style: Style,
    *,
    riwayat: bool | None = None,
) -> bytes:
    """The binder's bytes: identity, Lembar Pengesahan, every procedure, then the revision
    history appendix if ``riwayat`` (None: ``pengaturan.lampiran_riwayat_revisi``) and
    there is at least one revision."""
    if riwayat is None:
        riwayat = project.dokumen.pengaturan.lampiran_riwayat_revisi
    register_fonts()
    d = project.dokumen
    w, h = style.page_size
    frame_w = w - style.margin_left - style.margin_right
    frame_h = h - style.margin_top - style.margin_bottom
    nomor = d.identitas.nomor
    story: list = [_Mark(nomor, "Identitas")]
    story += identity_story(project, frame_w)
    story += [PageBreak(), _Mark(nomor, "Lembar Pengesahan")]
    story += pengesahan_story(project, frame_w)
    if layouts:
        blocks = [
            b
            for proc, layout in layouts
            for b in _procedure_blocks(project, proc, layout, style, frame_w)
        ]
        story += _join(blocks, "pengesahan")
    appendix = revision_story(project, frame_w, frame_h) if riwayat else []
    if appendix:
        # back to the framed template (same landscape paper) after the full-page flowcharts
        story += [NextPageTemplate("front"), PageBreak(), _Mark(nomor, REVISIONS_OUTLINE)]
        story += appendix
    return _render(
        story,
        style,
        title=f"SOP {d.identitas.nama} - {d.instansi.dinas}",
        subject=(
            f"Standar Operasional Prosedur Administrasi Pemerintahan, Nomor {nomor}"
            f" ({len(layouts)} prosedur)"
        ),
        author=d.instansi.dinas,
        created=_pdf_date(project),
        first_template="front",
    )


def render_procedure(
    project: Project, proc: Procedure, layout: ProcedureLayout, style: Style
) -> bytes:
    """One procedure's bytes: its flowchart pages (after its own identity page, and with
    its catatan, when it has them)."""
    d = project.dokumen
    w, h = style.page_size
    frame_w = w - style.margin_left - style.margin_right
    blocks = _procedure_blocks(project, proc, layout, style, frame_w)
    story = _join(blocks, None)
    return _render(
        story,
        style,
        title=f"SOP {proc.data.judul} - {d.instansi.dinas}",
        subject=(
            "Standar Operasional Prosedur Administrasi Pemerintahan, Nomor "
            f"{project.procedure_nomor(proc)}"
        ),
        author=d.instansi.dinas,
        created=_pdf_date(project),
        first_template=blocks[0][0],
    )


def layout_all(project: Project, style: Style) -> list[tuple[Procedure, ProcedureLayout]]:
    """Every procedure laid out for the PDF (text measured with the embedded fonts)."""
    register_fonts()
    return layout_project(project, style, measure)


def build_pdfs(
    project: Project,
    out_dir: Path,
    *,
    paper: str | None = None,
    show_total: bool | None = None,
    riwayat: bool | None = None,
) -> list[Path]:
    """Write the binder and one PDF per procedure under ``out_dir/pdf``; return the paths
    (binder first, then procedures in binder order).

    ``paper`` ("A4" | "F4"), ``show_total`` and ``riwayat`` (append the revision history
    to the binder) override ``dokumen.pengaturan`` (``kertas``, ``tampilkan_jumlah_waktu``,
    ``lampiran_riwayat_revisi``); None takes the setting.
    Everything is rendered in memory first, so a failure writes nothing.
    """
    style = make_style(project, paper, show_total)
    layouts = layout_all(project, style)

    name = binder_name(project)
    ids = [p.id for p in project.procedures]
    if name in ids:
        raise RenderError(
            f"prosedur '{name}' bernama sama dengan folder dokumen; binder dan PDF prosedur "
            "akan saling menimpa. Ganti nama berkas prosedur itu."
        )
    binder = render_binder(project, layouts, style, riwayat=riwayat)
    outputs = [(Path(out_dir) / "pdf" / f"{name}.pdf", binder)]
    for proc, layout in layouts:
        outputs.append(
            (
                Path(out_dir) / "pdf" / f"{proc.id}.pdf",
                render_procedure(project, proc, layout, style),
            )
        )
    for path, data in outputs:
        try:
            write_atomic(path, data)
        except OSError as exc:
            raise RenderError(
                f"tidak dapat menulis {path}: {exc.strerror or exc}. Bila berkas itu sedang "
                "dibuka di penampil PDF, tutup dulu lalu ulangi."
            ) from None
    return [path for path, _ in outputs]
