"""The rules on the revision history: revision numbers unique and increasing with their
dates, approvers that exist, dates that agree (the history itself is ``model.revisions``).

Permenpan RB 35/2012 has only the identity page's Tanggal Revisi; the list of revisions
(``revisi:`` in dokumen.yaml and in each procedure file) is the ISO-style history that
docs/format.md §5 recommends as an optional appendix. Revision 0 is the first issue and is not
a revision of anything, so it never sets the Tanggal Revisi.
"""

from __future__ import annotations

from sopgen.errors import LINT, Diagnostic, did_you_mean
from sopgen.load.paths import source_of
from sopgen.load.yamlsource import SourceMap
from sopgen.model import Procedure, Project, Revisi
from sopgen.model.revisions import (  # noqa: F401 (also imported from here)
    InForce,
    RevisionEntry,
    effective_revision_date,
    history,
    in_force,
    latest_revision,
    ordered_revisions,
)


def _located_revisions(project: Project) -> list[tuple[Revisi, SourceMap, int]]:
    """``model.revisions.ordered_revisions`` with the source map of each file."""
    return [
        (revisi, source_of(procedure or project), index)
        for revisi, procedure, index in ordered_revisions(project)
    ]


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
