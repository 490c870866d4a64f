"""The handbook's one context: every page's data, built once, before any template runs.

``html_context`` turns projects (+ their layouts) into plain frozen view objects with
every text already made safe (``Markup`` from markup.py, or plain ``str`` that Jinja
escapes) and every URL already computed (relative to the site root; templates prefix
``root``). Templates only loop and print: no geometry, no sums, no lookups.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Callable, Sequence
from functools import partial

from markupsafe import Markup

from sopgen.layout.geometry import ProcedureLayout
from sopgen.model import Procedure, Project
from sopgen.model.durations import format_minutes, not_added_text, total_by_unit
from sopgen.model.revisions import effective_revision_date, history
from sopgen.render.common import binder_name
from sopgen.render.html.figures import flowcharts, time_chart
from sopgen.render.html.identity import (
    _format_date,
    _identity_view,
    _items,
    _official,
    _related,
    _revision_view,
)
from sopgen.render.html.kept import KeptViews, ViewStore, digest, mark_shared, whole
from sopgen.render.html.rows import flow_notes, row_kinds
from sopgen.render.html.views import (
    ColumnTitles,
    DocumentView,
    ExecutorEntry,
    ExecutorGroup,
    ExecutorView,
    Link,
    ProcedureView,
    RevisionView,
    Share,
    SiteContext,
    StepView,
)
from sopgen.render.markup import clean_text, markdown_block, markdown_inline, plain_text

Measure = Callable[[str, str, float], float]

SLUG_MAX = 60  # file names stay short (Windows paths, zip archives)


def slugify(text: str) -> str:
    """'Staf Perencanaan & Pelaporan' -> 'staf-perencanaan-pelaporan' (ASCII, for URLs),
    at most SLUG_MAX characters, cut at a word boundary."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > SLUG_MAX:
        slug = slug[: SLUG_MAX + 1].rsplit("-", 1)[0] if "-" in slug[:SLUG_MAX] else slug[:SLUG_MAX]
    return slug or "x"


def _unique_slugs(names: Sequence[str]) -> dict[str, str]:
    taken: dict[str, str] = {}
    used: set[str] = set()
    for name in names:
        base = slugify(name)
        slug, n = base, 2
        while slug in used:
            slug, n = f"{base}-{n}", n + 1
        used.add(slug)
        taken[name] = slug
    return taken


def _percent(part: float, whole: float) -> int:
    return round(100 * part / whole) if whole > 0 else 0


def _procedure_view(
    project: Project,
    proc: Procedure,
    executor_urls: dict[str, str],
    procedure_urls: dict[str, str],
    document_link: Link,
    revisions: Sequence[RevisionView] = (),
    with_pdf: bool = False,
) -> ProcedureView:
    """The procedure's view without its drawings (``with_figures`` adds them)."""
    data = proc.data
    steps = data.kegiatan
    mpd = project.dokumen.pengaturan.menit_per_hari
    syms, edges = proc.symbols, proc.edges
    kinds = row_kinds(proc, syms, edges)
    numbers = proc.numbers
    durations = list(proc.durations) + [None] * (len(steps) - len(proc.durations))

    in_row: dict[int, list] = {}  # row -> its symbols, in order
    for sym in syms:
        in_row.setdefault(sym.row, []).append(sym)
    step_views = []
    for i, s in enumerate(steps):
        d = durations[i]
        step_views.append(
            StepView(
                number=numbers[i],
                anchor=f"langkah-{i + 1}",
                kind=kinds[i][0],
                kind_label=kinds[i][1],
                uraian=markdown_inline(s.uraian),
                uraian_text=plain_text(s.uraian),
                executors=tuple(Link(e, executor_urls.get(e)) for e in s.executors),
                kelengkapan=markdown_inline(s.kelengkapan),
                waktu=clean_text(proc.waktu_text(i)),
                minutes=d.minutes if d is not None else None,
                output=markdown_inline(s.output),
                keterangan=markdown_inline(s.keterangan),
                plain=(plain_text(s.kelengkapan), plain_text(s.output), plain_text(s.keterangan)),
                flow=flow_notes(i, proc, syms, edges, in_row),
            )
        )

    total = sum(d.minutes for d in durations if d is not None)
    untimed = sum(1 for d, s in zip(durations, steps, strict=True) if d is None and not s.waktu)
    # nothing added: '-' as in the PDF's Jumlah waktu row, not '0 Menit'
    total_text = format_minutes(total, mpd) if any(d is not None for d in durations) else "-"
    if any(d is not None and d.is_range for d in durations):
        most = sum(d.minutes_max for d in durations if d is not None)
        total_text = f"{total_text} - {format_minutes(most, mpd)}"
    total_text = f"{total_text} {not_added_text(proc.waktu_not_added)}".strip()
    per_unit = ", ".join(d.label for d in total_by_unit(durations))

    shares = []
    for name in data.pelaksana:
        mine = [i for i, s in enumerate(steps) if name in s.executors]
        minutes = sum(durations[i].minutes for i in mine if durations[i] is not None)
        shares.append(
            Share(
                executor=Link(name, executor_urls.get(name)),
                minutes=minutes,
                text=format_minutes(minutes, mpd),
                percent=_percent(minutes, total),
                steps=len(mine),
            )
        )

    related = tuple(
        _related(k.teks, procedure_urls.get(k.prosedur) if k.prosedur else None)
        for k in project.dokumen.keterkaitan
        if k.prosedur != proc.id
    )

    return ProcedureView(
        id=proc.id,
        judul=data.judul,
        nomor=project.procedure_nomor(proc),
        url=procedure_urls[proc.id],
        pdf_url=f"pdf/{proc.id}.pdf" if with_pdf else None,
        document=document_link,
        executors=tuple(Link(e, executor_urls.get(e)) for e in data.pelaksana),
        steps=tuple(step_views),
        total_minutes=total,
        total_text=total_text,
        per_unit_text=per_unit,
        untimed_steps=untimed,
        minutes_per_day=mpd,
        shares=tuple(shares),
        chart=Markup(""),
        flow_pages=(),
        flow_screen=None,
        related=related,
        reconstructed=data.pelaksana_direkonstruksi,
        revisi=tuple(revisions),
        titles=ColumnTitles(**project.column_titles.model_dump()),
        identity=_identity_view(project, proc, procedure_urls),
        catatan=markdown_block(data.catatan) if data.catatan else Markup(""),
    )


def with_figures(
    view: ProcedureView,
    project: Project,
    layout: ProcedureLayout | None,
    screen: ProcedureLayout | None,
    measure: Measure,
) -> ProcedureView:
    """``view`` with its drawings: the time chart and the flowchart (the paged one from
    ``layout``, the continuous one from ``screen``)."""
    view = whole(view)  # a kept view's summary: the whole of it
    chart = time_chart(view.id, view.shares, view.total_minutes, view.minutes_per_day, measure)
    pages, one = flowcharts(project, view.judul, view.steps, layout, screen)
    return dataclasses.replace(view, chart=chart, flow_pages=pages, flow_screen=one)


def html_context(
    projects: Sequence[Project],
    layouts: dict[tuple[str, str], ProcedureLayout],
    measure: Measure,
    *,
    with_pdf: bool = False,
    screens: dict[tuple[str, str], ProcedureLayout] | None = None,
    figures: bool = True,
    views: ViewStore | None = None,
) -> SiteContext:
    """Everything the templates show. ``layouts`` maps (project name, procedure id).
    ``with_pdf``: the handbook carries the PDFs (html/pdf/), so pages link them.
    ``figures=False``: the procedures without their drawings (``with_figures`` adds
    them page by page); ``layouts`` and ``screens`` are then not read. ``views``: keeps
    the procedures' views between builds (``kept.KeptViews``)."""
    # Executors across all documents, in order of first appearance (document, column).
    names: list[str] = []
    for project in projects:
        for proc in project.procedures:
            for e in [*proc.data.pelaksana, *(x for s in proc.data.kegiatan for x in s.executors)]:
                if e not in names:
                    names.append(e)
    slugs = _unique_slugs(names)
    executor_urls = {n: f"pelaksana/{slugs[n]}.html" for n in names}

    procedure_urls_by_doc = {
        project.name: {p.id: f"prosedur/{p.id}.html" for p in project.procedures}
        for project in projects
    }

    documents, all_procs = [], []
    entries: dict[str, list[tuple[ProcedureView, StepView, tuple[str, ...]]]] = {
        n: [] for n in names
    }
    minutes_by_executor: dict[str, float] = dict.fromkeys(names, 0.0)
    logos: dict[str, str] = {}
    kept = KeptViews(views)
    for project in projects:
        doc = project.dokumen
        doc_url = f"dokumen/{slugify(project.name)}.html"
        doc_link = Link(doc.identitas.nama, doc_url)
        proc_urls = procedure_urls_by_doc[project.name]
        revisions = [
            (
                e.prosedur,
                _revision_view(project, e, proc_urls.get(e.prosedur) if e.prosedur else None),
            )
            for e in history(project)
        ]
        proc_views = []
        around = digest(sorted(proc_urls.items()), doc_link, with_pdf) if views else ""
        for proc in project.procedures:
            own = [r for owner, r in revisions if owner == proc.id]
            used = [*proc.data.pelaksana, *(x for s in proc.data.kegiatan for x in s.executors)]
            parts = (around, [(e, executor_urls.get(e)) for e in used], own) if views else ()
            make = partial(_procedure_view, project, proc, executor_urls, proc_urls, doc_link)
            view = kept.view(project.name, proc.id, parts, partial(make, own, with_pdf))
            if figures:
                key = (project.name, proc.id)
                view = with_figures(
                    view, project, layouts.get(key), (screens or {}).get(key), measure
                )
            proc_views.append(view)
            for step, sv in zip(proc.data.kegiatan, view.steps, strict=True):
                for e in step.executors:
                    others = tuple(x for x in step.executors if x != e)
                    entries[e].append((view, sv, others))
                    if sv.minutes is not None:
                        minutes_by_executor[e] += sv.minutes
        shared_note = len(proc_views) > 1 and all(v.reconstructed for v in proc_views)
        if shared_note:
            proc_views = [mark_shared(v) for v in proc_views]
        all_procs += proc_views

        logo_url = None
        if doc.instansi.logo:
            from pathlib import Path

            source = Path(project.path) / doc.instansi.logo
            suffix = source.suffix.lower()
            if source.is_file() and suffix in (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"):
                asset = f"logo-{slugify(project.name)}{suffix}"
                logos[asset] = str(source)
                logo_url = f"assets/{asset}"

        pengesahan = doc.pengesahan  # None: the document has no Lembar Pengesahan
        tempat = (pengesahan.tempat if pengesahan else None) or doc.instansi.tempat
        documents.append(
            DocumentView(
                name=project.name,
                url=doc_url,
                pdf_url=f"pdf/{binder_name(project)}.pdf" if with_pdf else None,
                pemerintah=doc.instansi.pemerintah,
                dinas=doc.instansi.dinas,
                unit=doc.instansi.unit,
                logo_url=logo_url,
                nomor=doc.identitas.nomor,
                nama=doc.identitas.nama,
                label_nama=doc.identitas.label_nama,
                tanggal_pembuatan=_format_date(doc.identitas.tanggal_pembuatan),
                tanggal_revisi=_format_date(effective_revision_date(project)),
                tanggal_efektif=_format_date(doc.identitas.tanggal_efektif),
                disahkan=_official(project, doc.identitas.disahkan_oleh),
                dasar_hukum=_items(doc.dasar_hukum),
                kualifikasi=_items(doc.kualifikasi_pelaksana),
                keterkaitan=tuple(
                    _related(
                        k.teks,
                        procedure_urls_by_doc[project.name].get(k.prosedur) if k.prosedur else None,
                    )
                    for k in doc.keterkaitan
                ),
                peralatan=_items(doc.peralatan),
                peringatan=_items(doc.peringatan),
                pencatatan=_items(doc.pencatatan),
                tempat_tanggal=(
                    f"{tempat}, {_format_date(pengesahan.tanggal)}" if pengesahan else ""
                ),
                mengetahui=tuple(
                    o for o in (_official(project, k) for k in pengesahan.mengetahui) if o
                )
                if pengesahan
                else (),
                menyetujui=_official(project, pengesahan.menyetujui if pengesahan else None),
                revisi=tuple(r for _, r in revisions),
                procedures=tuple(proc_views),
                total_steps=sum(len(p.steps) for p in proc_views),
                reconstructed=shared_note,
            )
        )

    mpd = projects[0].dokumen.pengaturan.menit_per_hari if projects else 450
    executors = []
    for name in names:
        groups: list[ExecutorGroup] = []
        for view, sv, others in entries[name]:
            entry = ExecutorEntry(
                procedure=Link(view.judul, view.url),
                number=sv.number,
                url=f"{view.url}#{sv.anchor}",
                uraian=sv.uraian_text,
                waktu=sv.waktu,
                with_others=others,
            )
            if groups and groups[-1].procedure.url == view.url:
                groups[-1] = ExecutorGroup(groups[-1].procedure, (*groups[-1].entries, entry))
            else:
                groups.append(ExecutorGroup(Link(view.judul, view.url), (entry,)))
        executors.append(
            ExecutorView(
                name=name,
                slug=slugs[name],
                url=executor_urls[name],
                groups=tuple(groups),
                step_count=len(entries[name]),
                total_text=format_minutes(minutes_by_executor[name], mpd),
            )
        )

    title = "Buku Panduan SOP"
    if len(documents) == 1:
        title = f"Buku Panduan SOP {documents[0].nama.title()}"
    return SiteContext(
        title=title,
        documents=tuple(documents),
        procedures=tuple(all_procs),
        executors=tuple(executors),
        logos=logos,
    )
