"""Rules that span objects (errors) and the common mistakes of docs/format.md §7 (lints).

Every rule returns Diagnostics located in the file that holds the offending value.
"""

from __future__ import annotations

from pathlib import Path

from sopgen.check import kept
from sopgen.check.identity import check_procedure_identity
from sopgen.check.logo import check_logo
from sopgen.check.names import check_procedure_ids
from sopgen.check.notes import import_notes
from sopgen.check.officials import check_nip, lint_pangkat
from sopgen.check.procedure import check_procedure, lint_procedure, repeated_items
from sopgen.check.revisions import check_revision_dates, check_revisions
from sopgen.check.texts import check_identity_size, check_texts
from sopgen.errors import LINT, Diagnostic, closest, did_you_mean
from sopgen.load.paths import source_of
from sopgen.load.yamlsource import SourceMap
from sopgen.model import Procedure, Project

ROMAN_MONTHS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def check_project(project: Project, store: kept.CheckStore | None = None) -> list[Diagnostic]:
    """All cross-checks and lints of one loaded document. ``store``: the procedures'
    diagnostics kept between runs (``check.kept``)."""
    found: list[Diagnostic] = check_texts(project.dokumen, source_of(project))
    oversized = check_identity_size(project)
    found += oversized
    found += check_officials(project)
    found += check_dates(project)
    found += check_related(project)
    found += lint_document(project)
    found += check_revisions(project)
    found += check_revision_dates(project)
    found += check_logo(project)
    found += import_notes(source_of(project))
    document = kept.document_key(project) if store is not None else None
    for procedure in project.procedures:
        found += _procedure_rules(project, procedure, bool(oversized), store, document)
    return found


def _procedure_rules(
    project: Project,
    procedure: Procedure,
    oversized: bool,
    store: kept.CheckStore | None,
    document: str | None,
) -> list[Diagnostic]:
    """The rules of one procedure in the document, or what ``store`` kept of them
    (``document``: the document's part of the key, ``kept.document_key``)."""
    key = kept.procedure_key(document, procedure) if store is not None else None
    body = store.get(key) if store is not None and key is not None else None
    found = kept.decode(body) if body is not None else None
    if found is not None:
        return found
    found = check_procedure(procedure)
    found += lint_procedure(procedure, project)
    found += import_notes(source_of(procedure))
    found += check_procedure_identity(project, procedure)
    if not oversized:  # one message for one cause (``oversized`` comes from dokumen.yaml)
        found += check_identity_size(project, procedure)
    if store is not None and key is not None:
        store.put(key, kept.encode(found))
    return found


# --- document ----------------------------------------------------------------------------


def _src(project: Project) -> SourceMap:
    return source_of(project)


def check_officials(project: Project) -> list[Diagnostic]:
    doc, src = project.dokumen, _src(project)
    keys = list(doc.pejabat)
    found = []

    def ref(path, key):
        if key not in doc.pejabat:
            found.append(
                src.diagnostic(
                    path,
                    f"pejabat '{key}' tidak ada di bagian 'pejabat'" + did_you_mean(key, keys),
                    "pakai salah satu kunci: " + ", ".join(keys),
                )
            )

    ref(("identitas", "disahkan_oleh"), doc.identitas.disahkan_oleh)
    sah = doc.pengesahan  # None: no Lembar Pengesahan is printed
    for index, key in enumerate(sah.mengetahui if sah else []):
        ref(("pengesahan", "mengetahui", index), key)
    if sah is not None:
        ref(("pengesahan", "menyetujui"), sah.menyetujui)
    for index, revisi in enumerate(doc.revisi):
        if revisi.disetujui_oleh:
            ref(("revisi", index, "disetujui_oleh"), revisi.disetujui_oleh)
    known = sah is not None and {sah.menyetujui, doc.identitas.disahkan_oleh} <= set(keys)
    if known and sah.menyetujui != doc.identitas.disahkan_oleh:  # a typo is said above
        found.append(
            src.diagnostic(
                ("pengesahan", "menyetujui"),
                f"yang menyetujui di Lembar Pengesahan ('{doc.pengesahan.menyetujui}') bukan "
                f"pejabat yang mengesahkan di halaman identitas ('{doc.identitas.disahkan_oleh}')",
                "keduanya harus pejabat yang sama: samakan 'pengesahan.menyetujui' dengan "
                "'identitas.disahkan_oleh'",
            )
        )
    for key, pejabat in doc.pejabat.items():
        found += check_nip(pejabat, src, ("pejabat", key, "nip"))
        found += lint_pangkat(pejabat, src, ("pejabat", key))
    return found


def check_dates(project: Project) -> list[Diagnostic]:
    ident, src = project.dokumen.identitas, _src(project)
    found = []
    if ident.tanggal_efektif < ident.tanggal_pembuatan:
        found.append(
            src.diagnostic(
                ("identitas", "tanggal_efektif"),
                f"Tanggal Efektif ({ident.tanggal_efektif:%Y-%m-%d}) sebelum Tanggal Pembuatan "
                f"({ident.tanggal_pembuatan:%Y-%m-%d})",
                "SOP berlaku sejak ditandatangani, sesudah selesai dibuat: periksa kedua tanggal",
            )
        )
    if ident.tanggal_revisi and ident.tanggal_revisi < ident.tanggal_pembuatan:
        found.append(
            src.diagnostic(
                ("identitas", "tanggal_revisi"),
                f"Tanggal Revisi ({ident.tanggal_revisi:%Y-%m-%d}) sebelum Tanggal Pembuatan",
                "periksa tanggalnya",
            )
        )
    sah = project.dokumen.pengesahan
    signed = sah.tanggal if sah is not None else ident.tanggal_efektif
    if signed != ident.tanggal_efektif:
        found.append(
            src.diagnostic(
                ("pengesahan", "tanggal"),
                f"tanggal pengesahan ({signed:%Y-%m-%d}) berbeda dengan Tanggal Efektif "
                f"({ident.tanggal_efektif:%Y-%m-%d})",
                "menurut Permenpan RB 35/2012 Tanggal Efektif = tanggal penandatanganan",
                LINT,
            )
        )
    return found


def check_related(project: Project) -> list[Diagnostic]:
    doc, src = project.dokumen, _src(project)
    ids = list(doc.prosedur)
    found = repeated_items(src, "prosedur", ids, "prosedur")
    found += check_procedure_ids(src, ids, Path(project.path).name)
    found += repeated_items(src, "kolom", list(doc.kolom), "kolom")
    # a listed id whose file is missing ('layanna' for layanan.yaml) is reported in the
    # list; a keterkaitan naming the right id is not also told to take the misspelt one
    unloaded = set(ids) - {p.id for p in project.procedures}
    for index, item in enumerate(doc.keterkaitan):
        if item.prosedur and item.prosedur not in ids:
            if closest(item.prosedur, ids) in unloaded:
                continue
            found.append(
                src.diagnostic(
                    ("keterkaitan", index, "prosedur"),
                    f"keterkaitan menunjuk prosedur '{item.prosedur}' yang tidak ada di dokumen ini"
                    + did_you_mean(item.prosedur, ids),
                    "pakai id dari daftar 'prosedur', atau hapus 'prosedur:' bila SOP itu milik "
                    "unit lain",
                )
            )
    return found


def lint_document(project: Project) -> list[Diagnostic]:
    doc, src = project.dokumen, _src(project)
    found = []
    if not doc.pencatatan:
        found.append(
            src.diagnostic(
                ("pencatatan",),
                "Pencatatan dan Pendataan kosong",
                "sebutkan formulir/catatan yang diisi pelaksana sebagai bukti prosedur "
                "dijalankan (unsur identitas SOP menurut Permenpan RB 35/2012)",
                LINT,
                prefer_key=True,
            )
        )
    for index, text in enumerate(doc.peringatan):
        lowered = text.lower()
        if not (
            ("apabila" in lowered or "jika" in lowered or "bila" in lowered) and "maka" in lowered
        ):
            found.append(
                src.diagnostic(
                    ("peringatan", index),
                    "peringatan tidak berbentuk 'apabila ... maka ...'",
                    "tulis akibat bila SOP tidak dijalankan, mis. 'Apabila ..., maka ...'",
                    LINT,
                )
            )
    shared = [p for p in project.procedures if not p.nomor]
    if len(shared) > 1:
        found.append(
            src.diagnostic(
                ("identitas", "nomor"),
                f"nomor SOP '{doc.identitas.nomor}' dipakai bersama oleh {len(shared)} prosedur ("
                + ", ".join(p.id for p in shared)
                + ")",
                "beri tiap prosedur nomornya sendiri dengan 'nomor:' di berkas prosedurnya",
                LINT,
            )
        )
    found += _lint_number_month(project)
    return found


def _lint_number_month(project: Project) -> list[Diagnostic]:
    """A roman month and a year in the Nomor SOP should match Tanggal Pembuatan."""
    ident, src = project.dokumen.identitas, _src(project)
    parts = ident.nomor.split("/")
    if len(parts) < 2 or not parts[-1].isdigit() or parts[-2] not in ROMAN_MONTHS:
        return []
    month, year = ROMAN_MONTHS.index(parts[-2]) + 1, int(parts[-1])
    made = ident.tanggal_pembuatan
    if (month, year) == (made.month, made.year):
        return []
    return [
        src.diagnostic(
            ("identitas", "nomor"),
            f"bulan/tahun pada nomor SOP ({parts[-2]}/{parts[-1]}) tidak sama dengan Tanggal "
            f"Pembuatan ({ROMAN_MONTHS[made.month - 1]}/{made.year})",
            "periksa nomor atau Tanggal Pembuatan",
            LINT,
        )
    ]
