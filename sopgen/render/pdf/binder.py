"""PDF backend: the official binder and one PDF per procedure (ReportLab).

``render_binder`` and ``render_procedure`` give the bytes of the two kinds of file
(``sopgen.build`` lays out, renders and writes them for the commands);
``build_pdfs(project, out_dir)`` writes them for one document in one go:

- ``out_dir/pdf/<document>.pdf``: the binder: Halaman Judul and Daftar Isi (upright;
  each can be switched off in ``pengaturan``), the identity page(s), the Lembar
  Pengesahan (upright unless ``pengaturan.orientasi_pengesahan: mendatar``), then every
  procedure in ``dokumen.yaml`` order (its own identity page when it has one, then its
  flowchart pages), then (when asked for and there is a revision) the appendix
  "LAMPIRAN: RIWAYAT REVISI";
- ``out_dir/pdf/<procedure-id>.pdf``: each procedure as a whole SOP: its identity page
  (its own, or the document's with its Nomor and title), the Lembar Pengesahan when the
  document has one, and its flowchart pages, numbered on their own.

A flowchart starts under the identity block of a page that is its procedure's alone,
when that saves a page (``under_identity``; never under a shared identity page).

Every page but the cover gets the footer "Halaman x dari y" (numbered across the file)
with the Nomor SOP small at the left; the outline and the Daftar Isi link to each part.
Bytes are reproducible: invariant mode, the creation date is the Tanggal Efektif in
force, nothing random. Files appear atomically (temp + rename).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

from reportlab.platypus import NextPageTemplate, PageBreak

from sopgen.errors import RenderError
from sopgen.files import write_atomic
from sopgen.layout.geometry import ProcedureLayout
from sopgen.layout.style import Style
from sopgen.model import Procedure, Project
from sopgen.model.identity import effective_identity
from sopgen.model.revisions import in_force
from sopgen.render.common import binder_name, layout_project, make_style
from sopgen.render.fonts import measure, register_fonts
from sopgen.render.pdf.canvas import FlowchartPage, Mark, Meta, frame_size, render
from sopgen.render.pdf.cover import cover_story
from sopgen.render.pdf.front import pengesahan_story
from sopgen.render.pdf.identity import identity_story
from sopgen.render.pdf.kept_flowcharts import Flowcharts, KeptStore, Source
from sopgen.render.pdf.page_numbers import page_marks
from sopgen.render.pdf.revisions import OUTLINE as REVISIONS_OUTLINE
from sopgen.render.pdf.revisions import revision_story
from sopgen.render.pdf.streams import install as install_streams
from sopgen.render.pdf.streams import repeated
from sopgen.render.pdf.toc import Cells, Entry, latest, toc_story
from sopgen.render.pdf.under_identity import (
    Shared,
    fitted,
    flow_pages,
    flowchart_story,
    planned,
    shared_plan,
)

SUBJECT = "Standar Operasional Prosedur Administrasi Pemerintahan"


def _pdf_date(project: Project) -> str:
    d = in_force(project).tanggal_efektif
    return f"D:{d.year:04d}{d.month:02d}{d.day:02d}000000Z"


def _keywords(nomor: str) -> str:
    return f"SOP, Standar Operasional Prosedur, {nomor}"


def _archival(project: Project, arsip: bool | None) -> bool:
    return project.dokumen.pengaturan.pdf_arsip if arsip is None else arsip


def sop_title(name: str) -> str:
    """'SOP <name>' unless the name already says SOP (no 'SOP SOP ...')."""
    return name if name.upper().startswith(("SOP ", "STANDAR OPERASIONAL")) else f"SOP {name}"


def _has_pengesahan(project: Project) -> bool:
    return getattr(project.dokumen, "pengesahan", None) is not None


def _pengesahan_template(project: Project) -> str:
    return "front" if project.dokumen.pengaturan.orientasi_pengesahan == "mendatar" else "portrait"


def _pengesahan_part(project: Project, style: Style, nomor: str) -> list:
    template = _pengesahan_template(project)
    width, _ = frame_size(style, template)
    return [
        NextPageTemplate(template),
        PageBreak(),
        Mark(nomor, "Lembar Pengesahan", "pengesahan"),
        *pengesahan_story(project, width),
    ]


def _procedure_part(
    project: Project,
    proc: Procedure,
    source: Source,
    style: Style,
    *,
    identity: bool,
    dry: bool,
    key: str,
    charts: Flowcharts,
    shared: Shared | None = None,
    plans: dict[str, Shared | None] | None = None,
) -> list:
    """A procedure's pages: its identity page (``identity``) then its flowchart pages;
    the outline entry ``proc.judul`` points at the first of them. The flowchart starts
    under the identity block when that saves a page (under_identity): ``shared``, for
    the document's identity page printed right before, or decided here under the
    procedure's own (``plans`` keeps the decisions between the binder's passes).
    ``source``: the layout, or what reads it (``charts``: only when it is drawn)."""
    nomor = project.procedure_nomor(proc)
    mark = Mark(nomor, proc.data.judul, key)
    out: list = []
    if identity:
        width, _ = frame_size(style, "front")
        own = identity_story(project, width, proc)
        layout = charts.layout(proc, source)
        shared = planned(plans, project, proc, layout, style, own)
        out += [NextPageTemplate("front"), PageBreak(), mark, *fitted(own, shared)]
        mark = None
    if shared is None:
        return out + charts.story(project, proc, source, style, mark, dry)
    layout = charts.layout(proc, source)
    if layout.pages:
        out += flowchart_story(project, proc, layout, style, mark, dry, shared)
    return out


def _binder_story(
    project: Project,
    layouts: Sequence[tuple[Procedure, Source]],
    style: Style,
    riwayat: bool,
    pages: dict[str, int] | None,
    plans: dict[str, Shared | None],
    cells: Cells,
    charts: Flowcharts | None = None,
) -> tuple[list, str]:
    """The binder's story and its first page template; ``pages`` None = the first pass
    (flowcharts not drawn, Daftar Isi without numbers); ``plans``: which flowcharts
    start under their identity block (filled by the first pass, _procedure_part);
    ``cells``: the Daftar Isi's cells (toc_story), kept between the passes; ``charts``:
    the flowchart parts, from kept pages where there are (kept_flowcharts)."""
    d = project.dokumen
    settings = d.pengaturan
    nomor = d.identitas.nomor
    dry = pages is None
    charts = charts or Flowcharts(None)
    story: list = []
    entries: list[Entry] = []
    if settings.halaman_judul:
        story += [Mark(nomor, "Halaman Judul", "judul", footer=False), *cover_story(project)]
    if settings.daftar_isi:
        if story:
            story += [NextPageTemplate("portrait"), PageBreak()]
        story.append(Mark(nomor, "Daftar Isi", "isi"))
        story.append(_TOC_SLOT)
    first = "portrait" if story else "front"
    if story:
        story += [NextPageTemplate("front"), PageBreak()]
    width, height = frame_size(style, "front")
    story.append(Mark(nomor, "Identitas", "identitas"))
    document_identity = identity_story(project, width)
    shared = None
    if len(layouts) == 1 and not _has_pengesahan(project):
        # the document's identity page is its only procedure's: maybe its flowchart too
        proc, source = layouts[0]
        if not effective_identity(project, proc).own:
            layout = charts.layout(proc, source)
            shared = planned(plans, project, proc, layout, style, document_identity)
    story += fitted(document_identity, shared)
    entries.append(Entry("", "Identitas SOP", "identitas", nomor, latest(list(d.revisi))))
    if _has_pengesahan(project):
        story += _pengesahan_part(project, style, nomor)
        entries.append(Entry("", "Lembar Pengesahan", "pengesahan"))
    for n, (proc, source) in enumerate(layouts, 1):
        own = effective_identity(project, proc).own
        key = f"prosedur-{proc.id}"
        story += _procedure_part(
            project,
            proc,
            source,
            style,
            identity=own,
            dry=dry,
            key=key,
            charts=charts,
            shared=None if own else shared,
            plans=plans,
        )
        entries.append(
            Entry(
                f"{n}.",
                proc.data.judul,
                key,
                project.procedure_nomor(proc),
                latest(list(proc.data.revisi)),
            )
        )
    appendix = revision_story(project, width, height) if riwayat else []
    if appendix:
        story += [NextPageTemplate("front"), PageBreak(), Mark(nomor, REVISIONS_OUTLINE, "riwayat")]
        story += appendix
        entries.append(Entry("", "Lampiran: Riwayat Revisi", "riwayat"))
    if settings.daftar_isi:
        toc_w, _ = frame_size(style, "portrait")
        at = story.index(_TOC_SLOT)
        story[at : at + 1] = toc_story(project, entries, pages, toc_w, cells)
    return story, first


_TOC_SLOT = object()


def _two_pass(
    make: Callable[[dict[str, int] | None], tuple[list, str]], style, meta, streams=None
) -> bytes:
    """The binder set twice: first only to learn each mark's page (page_numbers, no PDF
    made), then for real with the Daftar Isi's page numbers."""
    story, first = make(None)
    marks = page_marks(story, style, first)
    story, first = make({key: index + 1 for key, index in marks.items()})
    data, _ = render(story, style, meta, first, streams)
    return data


def render_binder(
    project: Project,
    layouts: Sequence[tuple[Procedure, Source]],
    style: Style,
    *,
    riwayat: bool | None = None,
    arsip: bool | None = None,
    kept: KeptStore | None = None,
) -> bytes:
    """The binder's bytes (see the module docstring); the revision history appendix if
    ``riwayat`` (None: ``pengaturan.lampiran_riwayat_revisi``) and there is a revision;
    PDF/A-2b if ``arsip`` (None: ``pengaturan.pdf_arsip``). ``layouts``: each procedure
    with its layout or what reads it; ``kept``: the flowchart pages the last binder drew
    (kept_flowcharts.py), reused where they fit and stored anew where drawn; the bytes
    are the same with or without them."""
    if riwayat is None:
        riwayat = project.dokumen.pengaturan.lampiran_riwayat_revisi
    register_fonts()
    d = project.dokumen
    meta = Meta(
        title=f"{sop_title(d.identitas.nama)} - {d.instansi.dinas}",
        subject=f"{SUBJECT}, Nomor {d.identitas.nomor} ({len(layouts)} prosedur)",
        author=d.instansi.dinas,
        created=_pdf_date(project),
        keywords=_keywords(d.identitas.nomor),
        archival=_archival(project, arsip),
    )

    plans: dict[str, Shared | None] = {}
    cells: Cells = {}
    charts = Flowcharts(kept)

    def make(pages):
        return _binder_story(project, layouts, style, riwayat, pages, plans, cells, charts)

    if d.pengaturan.daftar_isi:
        data = _two_pass(make, style, meta, charts.streams)
    else:
        story, first = make({})
        data = render(story, style, meta, first, charts.streams)[0]
    charts.save()
    return data


def render_procedure(
    project: Project,
    proc: Procedure,
    layout: ProcedureLayout,
    style: Style,
    *,
    arsip: bool | None = None,
    drawn: list | None = None,
) -> bytes:
    """One procedure as a whole SOP: identity page, Lembar Pengesahan (when the document
    has one), flowchart pages. ``drawn``: a list that receives the flowchart pages as
    drawn (kept.KeptPage; None for one that cannot be kept) when they start on a new
    page, as the binder prints them: a build keeps them for its binder
    (kept_flowcharts.KeptStore), which then need not draw them again."""
    install_streams()  # what every PDF of the document repeats (streams.py)
    d = project.dokumen
    nomor = project.procedure_nomor(proc)
    width, _ = frame_size(style, "front")
    identity = identity_story(project, width, proc)
    shared = None
    if not _has_pengesahan(project) and (
        effective_identity(project, proc).own or len(project.procedures) == 1
    ):
        shared = shared_plan(project, proc, layout, style, identity)
    story: list = [Mark(nomor, "Identitas", "identitas"), *fitted(identity, shared)]
    if _has_pengesahan(project):
        story += _pengesahan_part(project, style, nomor)
    mark = Mark(nomor, proc.data.judul, "flowchart")
    story += flowchart_story(project, proc, layout, style, mark, False, shared)
    if drawn is not None and shared is None:
        pages = [f for f in story if type(f) is FlowchartPage]
        drawn[:] = [None] * len(pages)
        for i, page in enumerate(pages):
            page.record = partial(drawn.__setitem__, i)
    meta = Meta(
        title=f"{sop_title(proc.data.judul)} - {d.instansi.dinas}",
        subject=f"{SUBJECT}, Nomor {nomor}",
        author=d.instansi.dinas,
        created=_pdf_date(project),
        keywords=_keywords(nomor),
        archival=_archival(project, arsip),
    )
    with repeated():
        return render(story, style, meta, "front")[0]


def render_flowchart(
    project: Project, proc: Procedure, layout: ProcedureLayout, style: Style
) -> bytes:
    """Only a procedure's flowchart pages (what the layout drew, page for page)."""
    d = project.dokumen
    story = flow_pages(project, proc, layout, style, Mark(None, proc.data.judul, "flowchart"))
    meta = Meta(sop_title(proc.data.judul), SUBJECT, d.instansi.dinas, _pdf_date(project))
    return render(story, style, meta, "flow")[0]


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
    arsip: bool | None = None,
    into: Path | None = None,
    layouts: Sequence[tuple[Procedure, ProcedureLayout]] | None = None,
) -> list[Path]:
    """Write the binder and one PDF per procedure under ``out_dir/pdf`` (or ``into``, a
    folder being staged by ``files.staged_folder``); return the paths (binder first, then
    procedures in binder order). One document, one process, no cache: ``sopgen.build``
    is the build the commands run; this serves scripts and tests.

    ``paper`` ("A4" | "F4"), ``show_total`` and ``riwayat`` (append the revision history
    to the binder) override ``dokumen.pengaturan`` (``kertas``, ``tampilkan_jumlah_waktu``,
    ``lampiran_riwayat_revisi``) and ``arsip`` (PDF/A-2b, ``pdf_arsip``); None takes the
    setting. ``layouts``: the procedures already laid out with that style (else laid
    out here; a row too tall raises ``layout.LayoutTooTall``).
    Everything is rendered in memory first, so a failure writes nothing.
    """
    style = make_style(project, paper, show_total)
    if layouts is None:
        layouts = layout_all(project, style)
    binder = render_binder(project, layouts, style, riwayat=riwayat, arsip=arsip)
    folder = Path(into) if into is not None else Path(out_dir) / "pdf"
    outputs = [(folder / f"{binder_name(project)}.pdf", binder)]
    for proc, layout in layouts:
        outputs.append(
            (
                folder / f"{proc.id}.pdf",
                render_procedure(project, proc, layout, style, arsip=arsip),
            )
        )
    for path, data in outputs:
        try:
            write_atomic(path, data, root=folder)
        except OSError as exc:
            raise RenderError(
                f"tidak dapat menulis {path}: {exc.strerror or exc}. Bila berkas itu sedang "
                "dibuka di penampil PDF, tutup dulu lalu ulangi."
            ) from None
    return [path for path, _ in outputs]
