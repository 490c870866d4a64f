"""Revision history (riwayat revisi) as printed: the Tanggal Revisi, the dates in force
(Tanggal Efektif, the Lembar Pengesahan date) and the table of revisions.

Permenpan RB 35/2012 has only the identity page's Tanggal Revisi; the list of revisions
(``revisi:`` in dokumen.yaml and in each procedure file) is the history docs/format.md §5
describes as an optional appendix. Revision 0 is the first issue and is not a revision
of anything, so it never sets the Tanggal Revisi. The rules on revisions are in
``check.revisions``.
"""

from __future__ import annotations

import datetime as dt
import weakref
from dataclasses import dataclass

from sopgen.model.document import Pejabat, Procedure, Project, Revisi


@dataclass(frozen=True)
class RevisionEntry:
    """One row of the revision history."""

    prosedur: str | None  # procedure id, or None for a revision of the whole document
    bagian: str  # what was revised, as a reader names it: the document or procedure title
    revisi: Revisi
    pejabat: Pejabat | None  # the official who approved it, when named and known

    @property
    def nomor(self) -> int:
        return self.revisi.nomor

    @property
    def tanggal(self) -> dt.date:
        return self.revisi.tanggal

    @property
    def perubahan(self) -> str:
        return self.revisi.perubahan


def all_revisions(project: Project) -> list[Revisi]:
    found = list(project.dokumen.revisi)
    for procedure in project.procedures:
        found += procedure.data.revisi
    return found


def latest_revision(project: Project) -> Revisi | None:
    """The latest real revision (nomor >= 1) of the document or of any of its procedures."""
    revisions = [r for r in all_revisions(project) if r.nomor >= 1]
    return max(revisions, key=lambda r: (r.tanggal, r.nomor), default=None)


def effective_revision_date(project: Project, procedure: Procedure | None = None) -> dt.date | None:
    """The Tanggal Revisi to print: the date of the latest revision (of the document or of
    any procedure, revision 0 excluded) if there is one, else ``identitas.tanggal_revisi``
    (which may also be None: nothing to print). With ``procedure``: that procedure's own
    identity page, which counts the document's revisions and its own."""
    if procedure is not None:
        from sopgen.model.identity import effective_identity

        own = [r for r, _, _ in ordered_revisions(project, procedure)]
        return own[-1].tanggal if own else effective_identity(project, procedure).tanggal_revisi
    latest = latest_revision(project)
    if latest is not None:
        return latest.tanggal
    return project.dokumen.identitas.tanggal_revisi


@dataclass(frozen=True)
class InForce:
    """The dates a reader sees: Tanggal Efektif on the identity page and the date on the
    Lembar Pengesahan (None: the document has none). A revision that was signed again
    carries its own ``tanggal_efektif`` / ``tanggal_pengesahan``; the latest one wins."""

    tanggal_efektif: dt.date
    tanggal_pengesahan: dt.date | None


def ordered_revisions(
    project: Project, only: Procedure | None = None
) -> list[tuple[Revisi, Procedure | None, int]]:
    """Every real revision (nomor >= 1) with where it is written (the procedure, or None
    for dokumen.yaml) and its index in that file's list, oldest first (date, then number;
    the document before its procedures on the same day). ``only``: the document's
    revisions and that procedure's."""
    _, document, by_id, every = _revisions(project)
    if only is None:
        return list(every)
    return sorted(document + by_id.get(only.id, []), key=_order)


Item = tuple[Revisi, "Procedure | None", int]


def _order(item: Item) -> tuple:
    return item[0].tanggal, item[0].nomor


# id(project) -> (a weak reference to it, its real revisions: the document's, each
# procedure id's, all of them in order). Every per-procedure PDF asks for the dates in
# force: walking 1000 procedures' revisions for each of 1000 PDFs was a tenth of their
# time. A project is frozen; its entry goes with it.
_kept: dict[int, tuple] = {}


def _revisions(project: Project) -> tuple:
    key = id(project)
    kept = _kept.get(key)
    if kept is not None and kept[0]() is project:
        return kept
    document = [(r, None, i) for i, r in enumerate(project.dokumen.revisi) if r.nomor >= 1]
    in_files: list[Item] = list(document)
    by_id: dict[str, list[Item]] = {}
    for procedure in project.procedures:
        for index, revisi in enumerate(procedure.data.revisi):
            if revisi.nomor >= 1:
                in_files.append((revisi, procedure, index))
                by_id.setdefault(procedure.id, []).append((revisi, procedure, index))
    every = sorted(in_files, key=_order)  # stable: the document first on the same day
    gone = weakref.ref(project, lambda _: _kept.pop(key, None))
    kept = _kept[key] = (gone, document, by_id, every)
    return kept


def in_force(project: Project, procedure: Procedure | None = None) -> InForce:
    """Tanggal Efektif and the Lembar Pengesahan date as printed (see ``InForce``); with
    ``procedure``: on that procedure's own identity page (its own and the document's
    revisions count)."""
    doc = project.dokumen
    efektif = doc.identitas.tanggal_efektif
    if procedure is not None:
        from sopgen.model.identity import effective_identity

        efektif = effective_identity(project, procedure).tanggal_efektif
    pengesahan = getattr(doc, "pengesahan", None)
    sah = pengesahan.tanggal if pengesahan is not None else None
    for revisi, _, _ in ordered_revisions(project, procedure):
        efektif = revisi.tanggal_efektif or efektif
        if sah is not None:
            sah = revisi.tanggal_pengesahan or sah
    return InForce(efektif, sah)


def history(project: Project) -> list[RevisionEntry]:
    """Every revision of the document and of its procedures, oldest first.

    Order: date, then the document before its procedures (procedures in binder order),
    then revision number."""
    doc = project.dokumen
    rows: list[tuple[tuple, RevisionEntry]] = []

    def add(order: int, proc_id: str | None, bagian: str, revisi: Revisi) -> None:
        pejabat = doc.pejabat.get(revisi.disetujui_oleh) if revisi.disetujui_oleh else None
        entry = RevisionEntry(proc_id, bagian, revisi, pejabat)
        rows.append(((revisi.tanggal, order, revisi.nomor), entry))

    for revisi in doc.revisi:
        add(0, None, f"Dokumen SOP {doc.identitas.nama}", revisi)
    for order, procedure in enumerate(project.procedures, start=1):
        for revisi in procedure.data.revisi:
            add(order, procedure.id, procedure.data.judul, revisi)
    rows.sort(key=lambda row: row[0])
    return [entry for _, entry in rows]
