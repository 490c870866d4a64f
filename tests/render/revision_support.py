"""A copy of data/sekretariat with a revision history, written as an officer would write it:
``revisi:`` entries in dokumen.yaml and in lakip.yaml (shared by the PDF and handbook tests)."""

from __future__ import annotations

import shutil
from pathlib import Path

from sopgen.build import load_project
from sopgen.model import Project

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data" / "sekretariat"

DOC_REVISIONS = """
revisi:
  - nomor: 0
    tanggal: 2017-12-08
    perubahan: Terbitan pertama
    disetujui_oleh: kepala_dinas
  - nomor: 1
    tanggal: 2018-03-05
    perubahan: |
      Dasar hukum diperbarui:
      - Permendagri Nomor 108 Tahun 2019 ditambahkan;
      - **Perda** Nomor 14 Tahun 2016 diperbaiki judulnya.
    disetujui_oleh: kepala_dinas
"""

LAKIP_REVISIONS = """
revisi:
  - nomor: 1
    tanggal: 2018-01-15
    perubahan: "Waktu langkah 4 menjadi 1 hari; <script>alert(1)</script> & <b>tebal</b>"
    disetujui_oleh: sekretaris_dinas
  - nomor: 2
    tanggal: 2019-06-20
    perubahan: Pelaksana langkah 2 diganti Kasubag Perencanaan
"""

# What each revision shows, oldest first: nomor, date, Bagian, Perubahan (as a reader sees
# it, whitespace collapsed), approver name (None: no approver named).
LAKIP = "SOP PENYUSUNAN LAPORAN AKUNTABILITAS KINERJA INSTANSI PEMERINTAHAN (LAKIP)"
DOKUMEN = "Dokumen SOP BIDANG SEKRETARIAT"
EXPECTED = [
    ("0", "08 Desember 2017", DOKUMEN, "Terbitan pertama", "Ir. EKANTO MALIPURBOWO, MM"),
    (
        "1",
        "15 Januari 2018",
        LAKIP,
        "Waktu langkah 4 menjadi 1 hari; <script>alert(1)</script> & <b>tebal</b>",
        "Drs. ANANG DWI TJAHJONO, M.Si",
    ),
    ("1", "05 Maret 2018", DOKUMEN, "Dasar hukum diperbarui:", "Ir. EKANTO MALIPURBOWO, MM"),
    ("2", "20 Juni 2019", LAKIP, "Pelaksana langkah 2 diganti Kasubag Perencanaan", None),
]
LATEST = "20 Juni 2019"  # the Tanggal Revisi to print (dokumen.yaml says 2017-12-01)


def write_revised_copy(tmp_path: Path, *, appendix: bool | None = None) -> Path:
    """data/sekretariat copied into ``tmp_path`` with DOC_REVISIONS and LAKIP_REVISIONS
    added; ``appendix`` writes ``pengaturan: lampiran_riwayat_revisi``."""
    folder = tmp_path / "sekretariat"
    shutil.copytree(DATA, folder)
    extra = DOC_REVISIONS
    if appendix is not None:
        extra += f"\npengaturan:\n  lampiran_riwayat_revisi: {str(appendix).lower()}\n"
    with (folder / "dokumen.yaml").open("a", encoding="utf-8") as stream:
        stream.write(extra)
    with (folder / "lakip.yaml").open("a", encoding="utf-8") as stream:
        stream.write(LAKIP_REVISIONS)
    return folder


def revised_project(tmp_path: Path, *, appendix: bool | None = None) -> Project:
    return load_project(write_revised_copy(tmp_path, appendix=appendix))
