"""Lists printed in table cells keep one line per item (sopgen's Markdown lists)."""

from __future__ import annotations

import io

import openpyxl
import pytest
from pdf_draw import Step, Style, draw
from xlsx_build import flowchart_sheet, inject

from sopgen.impor.cell_lists import with_lists
from sopgen.impor.pdf import read_pdf
from sopgen.impor.pdf_text import join_lines
from sopgen.impor.xlsx import read_xlsx_all
from sopgen.model.text import to_html


@pytest.mark.parametrize(
    ("lines", "want"),
    [
        # a numbered list in Kelengkapan, one item over two lines (BPS SOP 309 prints so)
        (
            ["1. Persiapan teknis dan", "metode pelaksanaan;", "2. Hasil pelaksanaan."],
            "1. Persiapan teknis dan metode pelaksanaan;\n2. Hasil pelaksanaan.",
        ),
        # a line of text, then bullets as Word writes them (Symbol font: private use)
        (
            ["Memeriksa berkas:", "\uf0b7 Surat pengantar", "\uf0b7 Daftar nominatif"],
            "Memeriksa berkas:\n- Surat pengantar\n- Daftar nominatif",
        ),
        (["(cid:127) Berkas usulan", "(cid:127) Daftar hadir"], "- Berkas usulan\n- Daftar hadir"),
        (["a. Surat", "b. Nota dinas"], "a. Surat\nb. Nota dinas"),
        # one numbered line is no list; a number inside a line is text
        (
            ["Menyusun laporan tahap", "2. Kemudian dikirim"],
            "Menyusun laporan tahap 2. Kemudian dikirim",
        ),
        (["Mengirim surat nomor 1. dan", "nomor 2."], "Mengirim surat nomor 1. dan nomor 2."),
    ],
)
def test_list_lines(lines, want):
    assert with_lists(lines, join_lines) == want


def test_list_reads_back_as_a_markdown_list():
    html = to_html(with_lists(["Kelengkapan:", "- Surat", "- Disposisi"], join_lines))
    assert "<li>Surat</li>" in html and "<li>Disposisi</li>" in html


def test_lists_in_the_cells_of_a_drawn_pdf(tmp_path):
    steps = [
        Step(
            "1",
            "Menerima surat masuk:\n- surat dinas\n- surat undangan",
            0,
            "terminator",
            (1,),
            kelengkapan="\u2022 Surat masuk\n\u2022 Lembar disposisi",
            waktu="5 menit",
        ),
        Step(
            "2",
            "Memeriksa berkas",
            1,
            "process",
            (2,),
            kelengkapan="1. Surat pengantar yang\nditandatangani\n2. Daftar nominatif",
            waktu="10 menit",
            output="Berkas",
        ),
        Step("3", "Mengarsipkan berkas", 1, "terminator", (), waktu="5 menit", output="Arsip"),
    ]
    draw(tmp_path / "daftar.pdf", steps, Style(identity=None, executors=("Staf", "Kepala")))
    sop = read_pdf(tmp_path / "daftar.pdf")
    assert [r.uraian for r in sop.rows] == [
        "Menerima surat masuk:\n- surat dinas\n- surat undangan",
        "Memeriksa berkas",
        "Mengarsipkan berkas",
    ]
    assert [r.kelengkapan for r in sop.rows] == [
        "- Surat masuk\n- Lembar disposisi",
        "1. Surat pengantar yang ditandatangani\n2. Daftar nominatif",
        "",
    ]


def test_lists_typed_into_workbook_cells(tmp_path):
    wb = openpyxl.Workbook()
    rows = [
        ("1", "Menerima berkas", "1. Surat usulan\n2. Daftar hadir", "5 menit", "Agenda", ""),
        ("2", "Memeriksa berkas\nyang masuk", "- KAK\n- RAB", "1 hari", "Berkas", ""),
    ]
    flowchart_sheet(wb.active, rows)
    buf = io.BytesIO()
    wb.save(buf)
    path = tmp_path / "daftar.xlsx"
    path.write_bytes(inject(buf.getvalue(), {}))
    (sop,) = read_xlsx_all(path)
    assert [r.kelengkapan for r in sop.rows] == [
        "1. Surat usulan\n2. Daftar hadir",
        "- KAK\n- RAB",
    ]
    assert [r.uraian for r in sop.rows] == ["Menerima berkas", "Memeriksa berkas yang masuk"]
