"""Rules of a procedure that is its own SOP document: its identity fields (the ones it
leaves out come from dokumen.yaml), its officials and its dates."""

from __future__ import annotations

from sopgen.check.officials import check_nip, lint_pangkat
from sopgen.errors import Diagnostic, did_you_mean
from sopgen.load.paths import source_of
from sopgen.model import Procedure, Project
from sopgen.model.identity import effective_identity


def check_procedure_identity(project: Project, procedure: Procedure) -> list[Diagnostic]:
    data, src = procedure.data, source_of(procedure)
    found: list[Diagnostic] = []
    own = data.identitas
    if own is not None and own.nomor and data.nomor and own.nomor != data.nomor:
        found.append(
            src.diagnostic(
                ("identitas", "nomor"),
                f"nomor SOP ditulis dua kali dan berbeda ('{data.nomor}' dan '{own.nomor}')",
                "tulis nomornya sekali saja: 'nomor:' di awal berkas atau 'identitas.nomor'",
            )
        )
    ident = effective_identity(project, procedure)
    if own is not None and own.disahkan_oleh and ident.signer is None:
        keys = list(ident.pejabat)
        found.append(
            src.diagnostic(
                ("identitas", "disahkan_oleh"),
                f"pejabat '{own.disahkan_oleh}' tidak ada di bagian 'pejabat' (berkas ini "
                "maupun dokumen.yaml)" + did_you_mean(own.disahkan_oleh, keys),
                "pakai salah satu kunci: " + ", ".join(keys) + "; atau tambahkan pejabatnya "
                "di bagian 'pejabat' berkas ini",
            )
        )
    if own is not None and (own.tanggal_efektif or own.tanggal_pembuatan):
        if ident.tanggal_efektif < ident.tanggal_pembuatan:
            where = "tanggal_efektif" if own.tanggal_efektif else "tanggal_pembuatan"
            found.append(
                src.diagnostic(
                    ("identitas", where),
                    f"Tanggal Efektif ({ident.tanggal_efektif:%Y-%m-%d}) sebelum Tanggal "
                    f"Pembuatan ({ident.tanggal_pembuatan:%Y-%m-%d})",
                    "SOP berlaku sejak ditandatangani, sesudah selesai dibuat: periksa kedua "
                    "tanggal (yang tidak ditulis di sini diambil dari dokumen.yaml)",
                )
            )
    for key, pejabat in (data.pejabat or {}).items():
        found += check_nip(pejabat, src, ("pejabat", key, "nip"))
        found += lint_pangkat(pejabat, src, ("pejabat", key))
    for index, item in enumerate(data.keterkaitan or []):
        ids = [p.id for p in project.procedures]
        if item.prosedur and item.prosedur not in ids:
            found.append(
                src.diagnostic(
                    ("keterkaitan", index, "prosedur"),
                    f"keterkaitan menunjuk prosedur '{item.prosedur}' yang tidak ada di dokumen "
                    "ini" + did_you_mean(item.prosedur, ids),
                    "pakai id dari daftar 'prosedur' di dokumen.yaml, atau hapus 'prosedur:' "
                    "bila SOP itu milik unit lain",
                )
            )
    return found
