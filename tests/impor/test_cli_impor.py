"""sopgen impor: one document folder per source, a summary of the places to check
(file:line), exit 1 and nothing written for a source that cannot be read."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from xlsx_build import Arrow, Box, Drawing, build

from sopgen.cli import main

ROWS = [
    ("1", "Menerima surat", "Surat", "5 menit", "Surat", ""),
    ("2", "Mencatat surat", "Agenda", "10 menit", "Agenda", ""),
]


def _workbook(path: Path) -> Path:
    return build(
        path,
        ROWS,
        Drawing(
            boxes=[
                Box(1, "flowChartTerminator", 3, 6, "Mulai"),
                Box(2, "flowChartTerminator", 4, 7, "Selesai"),
            ],
            arrows=[Arrow(3, 1, 2)],
        ),
    )


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(main, ["impor", *args], catch_exceptions=False)

    return invoke


def test_import_workbook_summary_lists_places(run, tmp_path):
    _workbook(tmp_path / "surat-masuk.xlsx")
    result = run("surat-masuk.xlsx", "--ke", "hasil")
    assert result.exit_code == 0, result.output
    folder = tmp_path / "hasil" / "surat-masuk"
    assert (folder / "dokumen.yaml").exists()
    assert "1 dari 1 berkas diimpor" in result.output
    from sopgen.impor import syntax

    if syntax.symbol_text():  # the model of the real-SOP syntax: the import passes check
        assert "lolos pemeriksaan" in result.output
    places = re.findall(r"(hasil/surat-masuk/[\w.-]+\.yaml):(\d+): ", result.output)
    assert places  # the workbook has no Lembar Pengesahan and no tempat: to check
    for file, line in places:
        text = (tmp_path / file).read_text(encoding="utf-8").splitlines()
        assert text[int(line) - 1].lstrip().startswith("# impor:")


def test_unreadable_source_nothing_written_exit_1(run, tmp_path):
    _workbook(tmp_path / "baik.xlsx")
    (tmp_path / "rusak.xlsx").write_bytes(b"PK\x03\x04 bukan zip utuh")
    result = run("baik.xlsx", "rusak.xlsx", "--ke", "hasil")
    assert result.exit_code == 1
    assert "rusak.xlsx: kesalahan:" in result.output
    assert "cara memperbaiki:" in result.output
    assert "Traceback" not in result.output
    assert sorted(p.name for p in (tmp_path / "hasil").iterdir()) == ["baik"]


def test_only_unreadable_sources(run, tmp_path):
    (tmp_path / "catatan.txt").write_text("bukan SOP", encoding="utf-8")
    result = run("catatan.txt", "--ke", "hasil")
    assert result.exit_code == 1
    assert "bukan berkas PDF atau buku kerja Excel" in result.output
    assert "Tidak ada berkas yang ditulis." in result.output
    assert not (tmp_path / "hasil").exists() or not any((tmp_path / "hasil").iterdir())


def test_existing_folder_needs_timpa(run, tmp_path):
    _workbook(tmp_path / "surat.xlsx")
    assert run("surat.xlsx", "--ke", "hasil").exit_code == 0
    (tmp_path / "hasil" / "surat" / "dokumen.yaml").write_text("# disunting\n", encoding="utf-8")
    again = run("surat.xlsx", "--ke", "hasil")
    assert again.exit_code == 1
    assert "--timpa" in again.output
    assert (tmp_path / "hasil" / "surat" / "dokumen.yaml").read_text() == "# disunting\n"
    assert run("surat.xlsx", "--ke", "hasil", "--timpa").exit_code == 0
    assert "# disunting" not in (tmp_path / "hasil" / "surat" / "dokumen.yaml").read_text()


def test_dispatch_by_content_not_name(run, tmp_path):
    _workbook(tmp_path / "sop.bin")  # a workbook under another name is still a workbook
    result = run("sop.bin", "--ke", "hasil")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "hasil" / "sop" / "dokumen.yaml").exists()


def test_missing_file_and_folder_are_messages(run, tmp_path):
    (tmp_path / "map").mkdir()
    result = run("tidak-ada.pdf", "map", "--ke", "hasil")
    assert result.exit_code == 1
    assert "tidak-ada.pdf: kesalahan: berkas tidak ditemukan" in result.output
    assert "map: kesalahan: ini sebuah folder" in result.output
    assert "Traceback" not in result.output


def test_empty_file_and_file_without_sop_table_say_what_to_do(run, tmp_path):
    (tmp_path / "kosong.pdf").write_bytes(b"")
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(tmp_path / "surat.pdf"))
    c.drawString(72, 700, "Surat undangan rapat, bukan SOP")
    c.save()
    result = run("kosong.pdf", "surat.pdf", "--ke", "hasil")
    assert result.exit_code == 1
    assert "kosong.pdf: kesalahan: berkas kosong" in result.output
    assert "surat.pdf: kesalahan: tabel flowchart SOP tidak ditemukan" in result.output
    assert "'sopgen new'" in result.output
    assert "Traceback" not in result.output


def test_sources_imported_into_one_folder_build_together(run, tmp_path):
    # two workbooks of the same procedure: their procedure ids differ (one output/pdf/ is
    # shared by every document of a data folder) and the folder passes check as a whole
    _workbook(tmp_path / "surat-masuk.xlsx")
    _workbook(tmp_path / "surat-masuk-bidang.xlsx")
    result = run("surat-masuk.xlsx", "surat-masuk-bidang.xlsx", "--ke", "data")
    assert result.exit_code == 0, result.output
    ids = sorted(f.stem for f in (tmp_path / "data").glob("*/*.yaml") if f.name != "dokumen.yaml")
    assert len(ids) == 2 and ids[0] != ids[1], ids
    checked = CliRunner().invoke(main, ["check", "data"], catch_exceptions=False)
    assert checked.exit_code == 0, checked.output
    # printed like an office's own SOP: no cover, no table of contents (switchable)
    dokumen = (tmp_path / "data/surat-masuk/dokumen.yaml").read_text(encoding="utf-8")
    assert "pengaturan:\n  halaman_judul: false\n  daftar_isi: false\n" in dokumen
