"""Revision history: the printed Tanggal Revisi, the history table, and its check."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from sopgen.check.revisions import check_revisions
from sopgen.load import read_project
from sopgen.model.revisions import effective_revision_date, history
from tests.conftest import edit

MINI = Path(__file__).resolve().parent.parent / "fixtures" / "mini"

DOC_REVISIONS = """\
revisi:
  - nomor: 0
    tanggal: 2017-12-08
    perubahan: Terbitan pertama
  - nomor: 1
    tanggal: 2018-02-01
    perubahan: Dasar hukum diperbarui
    disetujui_oleh: kepala
"""
PROC_REVISIONS = """\
revisi:
  - nomor: 1
    tanggal: 2018-01-15
    perubahan: Waktu langkah 4 menjadi 2 hari
    disetujui_oleh: sekretaris
"""


@pytest.fixture
def mini(tmp_path, monkeypatch):
    shutil.copytree(MINI, tmp_path / "data" / "mini")
    monkeypatch.chdir(tmp_path)
    return Path("data/mini")


def load(folder):
    project, diagnostics = read_project(folder)
    assert project is not None, [d.format() for d in diagnostics]
    return project


def add(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as stream:
        stream.write(text)


def test_without_revisions_the_written_date_is_kept(mini):
    project = load(mini)
    assert effective_revision_date(project) is None
    edit(
        mini / "dokumen.yaml",
        "  tanggal_efektif:",
        "  tanggal_revisi: 2017-12-01\n  tanggal_efektif:",
    )
    project = load(mini)
    assert effective_revision_date(project) == dt.date(2017, 12, 1)
    assert history(project) == []
    assert check_revisions(project) == []


def test_first_issue_is_not_a_revision(mini):
    add(mini / "dokumen.yaml", "revisi: [{nomor: 0, tanggal: 2017-12-08, perubahan: Terbit}]\n")
    assert effective_revision_date(load(mini)) is None


def test_latest_revision_of_document_or_procedure(mini):
    add(mini / "dokumen.yaml", DOC_REVISIONS)
    add(mini / "layanan.yaml", PROC_REVISIONS)
    project = load(mini)
    assert effective_revision_date(project) == dt.date(2018, 2, 1)
    rows = [
        (e.nomor, f"{e.tanggal}", e.prosedur, e.bagian, e.perubahan, e.pejabat and e.pejabat.nama)
        for e in history(project)
    ]
    assert rows == [
        (0, "2017-12-08", None, "Dokumen SOP BIDANG CONTOH", "Terbitan pertama", None),
        (1, "2018-01-15", "layanan", "SOP PELAYANAN", "Waktu langkah 4 menjadi 2 hari",
         "Drs. CONTOH DUA"),
        (1, "2018-02-01", None, "Dokumen SOP BIDANG CONTOH", "Dasar hukum diperbarui",
         "Ir. CONTOH, MM"),
    ]  # fmt: skip
    assert check_revisions(project) == []


def messages(project) -> str:
    return "\n".join(d.format() for d in sorted(check_revisions(project)))


def test_numbers_unique_and_increasing_with_dates(mini):
    add(
        mini / "dokumen.yaml",
        DOC_REVISIONS
        + "  - nomor: 1\n    tanggal: 2018-03-01\n    perubahan: Lagi\n"
        + "  - nomor: 2\n    tanggal: 2018-01-20\n    perubahan: Mundur\n",
    )
    assert messages(load(mini)) == (
        "data/mini/dokumen.yaml:45:12: kesalahan: nomor revisi 1 sudah dipakai revisi lain "
        "(butir ke-2)\n"
        "    cara memperbaiki: setiap revisi bernomor sendiri: 0 untuk terbitan pertama, "
        "lalu 1, 2, ...\n"
        "data/mini/dokumen.yaml:49:14: kesalahan: revisi 2 bertanggal 2018-01-20, sebelum "
        "revisi 1 (2018-02-01)\n"
        "    cara memperbaiki: nomor revisi naik mengikuti tanggalnya: periksa nomor atau "
        "tanggal revisi"
    )


def test_procedure_revisions_are_checked_in_their_file(mini):
    add(
        mini / "layanan.yaml",
        PROC_REVISIONS.replace("sekretaris", "sekertaris")
        + "  - nomor: 2\n    tanggal: 2016-11-30\n    perubahan: Salah tanggal\n",
    )
    assert messages(load(mini)) == (
        "data/mini/layanan.yaml:32:21: kesalahan: pejabat 'sekertaris' tidak ada di bagian "
        "'pejabat' pada dokumen.yaml; maksud Anda 'sekretaris'?\n"
        "    cara memperbaiki: pakai salah satu kunci: kepala, sekretaris\n"
        "data/mini/layanan.yaml:34:14: kesalahan: revisi 2 bertanggal 2016-11-30, sebelum "
        "Tanggal Pembuatan (2016-12-01)\n"
        "    cara memperbaiki: revisi dibuat sesudah SOP selesai disusun: periksa tanggalnya\n"
        "data/mini/layanan.yaml:34:14: kesalahan: revisi 2 bertanggal 2016-11-30, sebelum "
        "revisi 1 (2018-01-15)\n"
        "    cara memperbaiki: nomor revisi naik mengikuti tanggalnya: periksa nomor atau "
        "tanggal revisi"
    )


def test_written_tanggal_revisi_that_will_not_be_printed(mini):
    edit(
        mini / "dokumen.yaml",
        "  tanggal_efektif:",
        "  tanggal_revisi: 2017-12-01\n  tanggal_efektif:",
    )
    add(mini / "layanan.yaml", PROC_REVISIONS)
    project = load(mini)
    assert effective_revision_date(project) == dt.date(2018, 1, 15)
    assert messages(project) == (
        "data/mini/dokumen.yaml:9:19: peringatan: Tanggal Revisi (2017-12-01) berbeda dengan "
        "tanggal revisi terakhir di riwayat revisi (2018-01-15, revisi 1); yang dicetak adalah "
        "tanggal revisi terakhir\n"
        "    cara memperbaiki: samakan 'tanggal_revisi' menjadi 2018-01-15, atau hapus kuncinya"
    )


def test_each_loaded_project_has_its_own_revisions(mini):
    # the revisions in order are kept per project (model.revisions): a project loaded
    # again after an edit has its own, the one before keeps its own
    from sopgen.model.revisions import ordered_revisions

    before = load(mini)
    assert ordered_revisions(before) == []
    add(mini / "dokumen.yaml", DOC_REVISIONS)
    add(mini / "layanan.yaml", PROC_REVISIONS)
    after = load(mini)
    layanan = next(p for p in after.procedures if p.id == "layanan")
    assert [(r.nomor, str(r.tanggal)) for r, _, _ in ordered_revisions(after)] == [
        (1, "2018-01-15"),
        (1, "2018-02-01"),
    ]
    others = [p for p in after.procedures if p.id != "layanan"]
    assert [str(r.tanggal) for r, _, _ in ordered_revisions(after, layanan)] == [
        "2018-01-15",
        "2018-02-01",
    ]
    if others:
        assert [str(r.tanggal) for r, _, _ in ordered_revisions(after, others[0])] == ["2018-02-01"]
    assert ordered_revisions(before) == []
