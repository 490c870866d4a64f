"""The handbook's views of people and papers: officials as printed, the revision
history, the identity grid of a document or procedure, related SOPs, numbered lists."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from sopgen.model import Pejabat, Procedure, Project
from sopgen.model.identity import effective_identity
from sopgen.model.revisions import RevisionEntry, effective_revision_date, in_force
from sopgen.render.html.views import IdentityView, Link, OfficialView, RevisionView
from sopgen.render.markup import markdown_inline, plain_text


def _format_date(value) -> str:
    from sopgen.model.dates import format_date

    return format_date(value)


def _official(project: Project, key: str | None) -> OfficialView | None:
    if key is None:
        return None
    p: Pejabat | None = project.official(key)
    if p is None:
        return None
    return _official_view(project, p)


def _official_view(project: Project, p: Pejabat) -> OfficialView:
    return OfficialView(
        jabatan=p.jabatan,
        nama=p.nama,
        pangkat=p.pangkat,
        golongan=p.golongan,
        nip=p.nip_formatted,
        nip_label=p.nip_label,
        underline=project.dokumen.pengaturan.garis_bawah_nama,
    )


def _revision_view(project: Project, entry: RevisionEntry, url: str | None) -> RevisionView:
    return RevisionView(
        nomor=entry.nomor,
        tanggal=_format_date(entry.tanggal),
        tanggal_iso=entry.tanggal.isoformat(),
        bagian=Link(entry.bagian, url),
        perubahan=markdown_inline(entry.perubahan),
        oleh=_official(project, entry.revisi.disetujui_oleh),
    )


def _identity_view(
    project: Project, proc: Procedure, procedure_urls: dict[str, str]
) -> IdentityView | None:
    """A procedure's own identity page (None when it shares the document's)."""
    ident = effective_identity(project, proc)
    if not ident.own:
        return None
    signer = ident.signer
    return IdentityView(
        nomor=ident.nomor,
        tanggal_pembuatan=_format_date(ident.tanggal_pembuatan),
        tanggal_revisi=_format_date(effective_revision_date(project, proc)),
        tanggal_efektif=_format_date(in_force(project, proc).tanggal_efektif),
        disahkan=_official_view(project, signer) if signer is not None else None,
        nama=ident.nama,
        label_nama=ident.label_nama,
        dasar_hukum=_items(ident.dasar_hukum),
        kualifikasi=_items(ident.kualifikasi_pelaksana),
        keterkaitan=tuple(
            _related(k.teks, procedure_urls.get(k.prosedur) if k.prosedur else None)
            for k in ident.keterkaitan
        ),
        peralatan=_items(ident.peralatan),
        peringatan=_items(ident.peringatan),
        pencatatan=_items(ident.pencatatan),
        tambahan=tuple(Extra(t.label, markdown_inline(t.isi)) for t in ident.tambahan),
    )


@dataclass(frozen=True)
class Extra:
    """An extra row of the identity grid (identitas.tambahan)."""

    label: str
    isi: Markup


def _related(text: str, url: str | None) -> Link:
    # A link's text must not contain links of its own: plain text when linked.
    return Link(plain_text(text), url) if url else Link(markdown_inline(text), None)


def _items(texts: Sequence[str]) -> tuple[Markup, ...]:
    return tuple(markdown_inline(t) for t in texts)
