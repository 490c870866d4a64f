"""Revision history (riwayat revisi): the date printed as Tanggal Revisi, the table of
revisions, and the rule that revision numbers are unique and increase with their dates.

Permenpan RB 35/2012 has only the identity page's Tanggal Revisi; the list of revisions
(``revisi:`` in dokumen.yaml and in each procedure file) is the ISO-style history that
docs/format.md §5 recommends as an optional appendix. Revision 0 is the first issue and is not
a revision of anything, so it never sets the Tanggal Revisi.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sopgen.errors import LINT, Diagnostic, did_you_mean
from sopgen.load.paths import source_of
from sopgen.load.yamlsource import SourceMap
from sopgen.model import Pejabat, Procedure, Project, Revisi


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


def _all_revisions(project: Project) -> list[Revisi]:
    found = list(project.dokumen.revisi)
    for procedure in project.procedures:
        found += procedure.data.revisi
    return found


def latest_revision(project: Project) -> Revisi | None:
    """The latest real revision (nomor >= 1) of the document or of any of its procedures."""
    revisions = [r for r in _all_revisions(project) if r.nomor >= 1]
    return max(revisions, key=lambda r: (r.tanggal, r.nomor), default=None)


def effective_revision_date(project: Project, procedure: Procedure | None = None) -> dt.date | None:
    """The Tanggal Revisi to print: the date of the latest revision (of the document or of
    any procedure, revision 0 excluded) if there is one, else ``identitas.tanggal_revisi``
    (which may also be None: nothing to print). With ``procedure``: that procedure's own
    identity page, which counts the document's revisions and its own."""
    if procedure is not None:
        from sopgen.model.identity import effective_identity

        own = [r for r, _, _ in _located_revisions(project, procedure)]
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


def _located_revisions(
    project: Project, only: Procedure | None = None
) -> list[tuple[Revisi, SourceMap, int]]:
    """Every real revision (nomor >= 1) with the file and list index that hold it, oldest
    first (date, then number; the document before its procedures on the same day).
    ``only``: the document's revisions and that procedure's."""
    found = []
    doc_src = project.source or SourceMap(f"{project.path}/dokumen.yaml")
    for index, revisi in enumerate(project.dokumen.revisi):
        found.append((revisi, doc_src, index))
    for procedure in project.procedures:
        if only is not None and procedure.id != only.id:
            continue
        src = procedure.source or SourceMap(procedure.path)
        for index, revisi in enumerate(procedure.data.revisi):
            found.append((revisi, src, index))
    real = [item for item in found if item[0].nomor >= 1]
    return sorted(real, key=lambda item: (item[0].tanggal, item[0].nomor))


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
    for revisi, _, _ in _located_revisions(project, procedure):
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


# --- the check ----------------------------------------------------------------------------


def check_revisions(project: Project) -> list[Diagnostic]:
    """Revision numbers unique and increasing with their dates, in the document and in each
    procedure; no revision before Tanggal Pembuatan; approvers of procedure revisions exist;
    a lint when the written Tanggal Revisi is not the one that will be printed."""
    doc_src = source_of(project)
    found = _check_list(project.dokumen.revisi, doc_src, project)
    for procedure in project.procedures:
        src = source_of(procedure)
        found += _check_list(procedure.data.revisi, src, project)
        found += _check_approvers(procedure, src, project)
    found += _lint_tanggal_revisi(project, doc_src)
    return found


def _check_list(revisions: list[Revisi], src: SourceMap, project: Project) -> list[Diagnostic]:
    found = []
    first_index: dict[int, int] = {}
    for index, revisi in enumerate(revisions):
        if revisi.nomor in first_index:
            found.append(
                src.diagnostic(
                    ("revisi", index, "nomor"),
                    f"nomor revisi {revisi.nomor} sudah dipakai revisi lain (butir ke-"
                    f"{first_index[revisi.nomor] + 1})",
                    "setiap revisi bernomor sendiri: 0 untuk terbitan pertama, lalu 1, 2, ...",
                )
            )
        else:
            first_index[revisi.nomor] = index
    ordered = sorted(first_index.items())  # (nomor, index), each number once
    for (_, before), (_, after) in zip(ordered, ordered[1:], strict=False):
        a, b = revisions[before], revisions[after]
        if b.tanggal < a.tanggal:
            found.append(
                src.diagnostic(
                    ("revisi", after, "tanggal"),
                    f"revisi {b.nomor} bertanggal {b.tanggal:%Y-%m-%d}, sebelum revisi "
                    f"{a.nomor} ({a.tanggal:%Y-%m-%d})",
                    "nomor revisi naik mengikuti tanggalnya: periksa nomor atau tanggal revisi",
                )
            )
    made = project.dokumen.identitas.tanggal_pembuatan
    for index, revisi in enumerate(revisions):
        if revisi.tanggal < made:
            found.append(
                src.diagnostic(
                    ("revisi", index, "tanggal"),
                    f"revisi {revisi.nomor} bertanggal {revisi.tanggal:%Y-%m-%d}, sebelum "
                    f"Tanggal Pembuatan ({made:%Y-%m-%d})",
                    "revisi dibuat sesudah SOP selesai disusun: periksa tanggalnya",
                )
            )
    return found


def _check_approvers(procedure: Procedure, src: SourceMap, project: Project) -> list[Diagnostic]:
    """Approvers of document revisions are checked with the other officials (check/document.py)."""
    keys = list(project.dokumen.pejabat)
    found = []
    for index, revisi in enumerate(procedure.data.revisi):
        key = revisi.disetujui_oleh
        if key and key not in project.dokumen.pejabat:
            found.append(
                src.diagnostic(
                    ("revisi", index, "disetujui_oleh"),
                    f"pejabat '{key}' tidak ada di bagian 'pejabat' pada dokumen.yaml"
                    + did_you_mean(key, keys),
                    "pakai salah satu kunci: " + ", ".join(keys),
                )
            )
    return found


def _lint_tanggal_revisi(project: Project, src: SourceMap) -> list[Diagnostic]:
    written = project.dokumen.identitas.tanggal_revisi
    latest = latest_revision(project)
    if written is None or latest is None or written == latest.tanggal:
        return []
    return [
        src.diagnostic(
            ("identitas", "tanggal_revisi"),
            f"Tanggal Revisi ({written:%Y-%m-%d}) berbeda dengan tanggal revisi terakhir di "
            f"riwayat revisi ({latest.tanggal:%Y-%m-%d}, revisi {latest.nomor}); yang dicetak "
            "adalah tanggal revisi terakhir",
            f"samakan 'tanggal_revisi' menjadi {latest.tanggal:%Y-%m-%d}, atau hapus kuncinya",
            LINT,
        )
    ]


def check_revision_dates(project: Project) -> list[Diagnostic]:
    """A revision's own new dates never precede it (error); the latest revision is not
    later than the Tanggal Efektif or the Lembar Pengesahan date that will be printed
    (lint: the identity page would show a revision after the date the SOP took effect)."""
    located = _located_revisions(project)
    found = []
    for revisi, src, index in located:
        for key, label in (
            ("tanggal_efektif", "Tanggal Efektif"),
            ("tanggal_pengesahan", "tanggal pengesahan"),
        ):
            date = getattr(revisi, key)
            if date is not None and date < revisi.tanggal:
                found.append(
                    src.diagnostic(
                        ("revisi", index, key),
                        f"{label} revisi {revisi.nomor} ({date:%Y-%m-%d}) sebelum tanggal "
                        f"revisinya ({revisi.tanggal:%Y-%m-%d})",
                        "revisi berlaku dan disahkan pada atau sesudah tanggal revisinya: "
                        "periksa kedua tanggal",
                    )
                )
    if not located:
        return found
    latest, src, index = located[-1]
    dates = in_force(project)
    where = ("revisi", index, "tanggal")
    if latest.tanggal > dates.tanggal_efektif:
        found.append(
            src.diagnostic(
                where,
                f"revisi {latest.nomor} bertanggal {latest.tanggal:%Y-%m-%d}, sesudah Tanggal "
                f"Efektif ({dates.tanggal_efektif:%Y-%m-%d}): halaman identitas akan "
                "mencetak Tanggal Revisi yang lebih baru daripada Tanggal Efektif",
                f"bila revisi {latest.nomor} sudah berlaku, tulis 'tanggal_efektif: "
                f"<tanggal berlaku>' pada revisi itu (pada atau sesudah "
                f"{latest.tanggal:%Y-%m-%d}); atau perbarui identitas.tanggal_efektif",
                LINT,
            )
        )
    if dates.tanggal_pengesahan is not None and latest.tanggal > dates.tanggal_pengesahan:
        found.append(
            src.diagnostic(
                where,
                f"revisi {latest.nomor} bertanggal {latest.tanggal:%Y-%m-%d}, sesudah tanggal "
                f"Lembar Pengesahan ({dates.tanggal_pengesahan:%Y-%m-%d}): lembar itu "
                "mengesahkan isi sebelum revisi",
                f"bila revisi {latest.nomor} sudah disahkan, tulis 'tanggal_pengesahan: "
                "<tanggal tanda tangan>' pada revisi itu; atau perbarui pengesahan.tanggal",
                LINT,
            )
        )
    return found
