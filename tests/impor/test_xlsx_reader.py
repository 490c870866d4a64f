"""read_xlsx on hand-made workbooks (no corpus needed): cells by openpyxl, shapes from an
injected drawing part, the flow from glued connectors and from line geometry."""

from __future__ import annotations

import io
import zipfile
from collections import Counter

import pytest
from xlsx_build import Arrow, Box, Drawing, build

from sopgen.impor.ir import UnreadableSource
from sopgen.impor.xlsx import read_xlsx, read_xlsx_all

# Flowchart sheet columns: A No, B Uraian, C-E executors, F-H Mutu Baku, I Ket.
# Rows: header 4-5, steps from row 6.
ROWS = [
    ("1", "Menerima surat masuk", "Surat", "5 menit", "Surat", ""),
    ("2", "Mencatat surat di buku agenda", "Buku agenda", "10 menit", "Agenda", ""),
    ("3", "Memeriksa kelengkapan surat", "Surat", "5 menit", "Surat", ""),
    ("4", "Mendisposisikan surat", "Lembar disposisi", "1 hari", "Disposisi", "Segera"),
    ("5", "Mengarsipkan surat", "Surat", "5 menit", "Arsip", ""),
]


def _drawing() -> Drawing:
    d = Drawing()
    d.boxes = [
        Box(1, "flowChartTerminator", 3, 6, "Mulai"),
        Box(2, "flowChartProcess", 4, 7),
        Box(3, "flowChartDecision", 5, 8, width=500_000, height=400_000),
        Box(4, "rect", 3, 9, dx=-200_000, width=400_000),  # row 4: two symbols
        Box(5, "rect", 4, 9, width=400_000),
        Box(6, "flowChartTerminator", 5, 10, "Selesai"),
        Box(
            20,
            "rect",
            5,
            8,
            "Ya",
            width=200_000,
            height=150_000,
            textbox=True,
            dx=-280_000,
            dy=280_000,
        ),
        Box(
            21,
            "rect",
            5,
            8,
            "Tidak",
            width=300_000,
            height=150_000,
            textbox=True,
            dx=0,
            dy=-280_000,
        ),
    ]
    d.arrows = [
        Arrow(10, 1, 2),
        Arrow(11, 2, 3, arrow="head"),  # drawn backwards: arrowhead at the line's start
        Arrow(12, 3, 4),  # Ya
        Arrow(13, 3, 2),  # Tidak: back up to step 2
        Arrow(14, 4, 5, glued=False),  # geometry only
        Arrow(15, 5, 6, glued=False),
    ]
    return d


@pytest.fixture
def workbook(tmp_path):
    return build(tmp_path / "surat.xlsx", ROWS, _drawing())


def test_rows_columns_and_header_words(workbook):
    sop = read_xlsx(workbook)
    assert sop.title == "SOP PENGELOLAAN SURAT MASUK"
    assert sop.header.executors == ("Pengadministrasi", "Kasubbag", "Kabag")
    assert sop.header.labels["kelengkapan"] == "Persyaratan"
    assert sop.header.labels["keterangan"] == "Ket."
    assert [r.nomor for r in sop.rows] == ["1", "2", "3", "4", "5"]
    assert sop.rows[3].kelengkapan == "Lembar disposisi"
    assert sop.rows[3].waktu == "1 hari"
    assert sop.rows[3].keterangan == "Segera"


def test_symbols_on_rows_and_columns(workbook):
    sop = read_xlsx(workbook)
    placed = [(s.row, s.kind, s.columns, s.text) for s in sop.shapes]
    assert placed == [
        (0, "terminator", (0,), "Mulai"),
        (1, "process", (1,), ""),
        (2, "decision", (2,), ""),
        (3, "process", (0,), ""),
        (3, "process", (1,), ""),
        (4, "terminator", (2,), "Selesai"),
    ]


def test_arrows_glued_reversed_and_by_geometry(workbook):
    sop = read_xlsx(workbook)
    edges = {(link.source, link.target): link.label for link in sop.links}
    assert set(edges) == {(0, 1), (1, 2), (2, 3), (2, 1), (3, 4), (4, 5)}
    assert edges[(2, 3)] == "Ya"
    assert edges[(2, 1)] == "Tidak"


def test_a_line_with_a_head_at_each_end(tmp_path):
    """Between the two symbols of row 4: one two-way arrow from the left one (bolak_balik),
    no note; from row 1 to row 2: two arrows, there and back, and a note."""
    d = _drawing()
    d.arrows[4] = Arrow(14, 4, 5, arrow="both")
    d.arrows[0] = Arrow(10, 1, 2, arrow="both")
    sop = read_xlsx(build(tmp_path / "dua-arah.xlsx", ROWS, d))
    links = {(lk.source, lk.target, lk.both) for lk in sop.links}
    assert links == {
        (0, 1, False),
        (1, 0, False),
        (1, 2, False),
        (2, 3, False),
        (2, 1, False),
        (3, 4, True),
        (4, 5, False),
    }
    notes = [u.message for u in sop.uncertain if "kedua ujung" in u.message]
    assert notes == [
        "garis dengan panah di kedua ujung dibaca sebagai dua panah (pergi dan kembali): "
        "'bolak_balik' hanya untuk dua simbol dalam satu baris (bukan keputusan); periksa arah "
        "alur"
    ]


def test_identity_page(workbook):
    identity = read_xlsx(workbook).identity
    assert identity.instansi_lines == ("KEMENTERIAN CONTOH", "SEKRETARIAT JENDERAL", "BIRO UMUM")
    assert identity.nomor == "001/SOP/BU/2025"
    assert identity.tanggal_pembuatan == "2 Juni 2025"
    assert identity.tanggal_efektif == "10 Juni 2025"
    assert identity.nama == "Pengelolaan Surat Masuk"
    assert identity.disahkan.jabatan == "Kepala Biro Umum"
    assert identity.disahkan.nama == "BUDI SANTOSO, S.H."
    assert identity.disahkan.nip == "19700101 199501 1 001"
    assert identity.lists["dasar_hukum"] == (
        "Undang-Undang Nomor 1 Tahun 2000",
        "Peraturan Nomor 2",
    )
    assert identity.lists["kualifikasi_pelaksana"] == ("Memahami tata naskah dinas",)
    assert identity.lists["keterkaitan"] == ("SOP Pengarsipan",)
    assert identity.lists["peralatan"] == ("Komputer", "Printer")
    assert identity.lists["peringatan"] == ("Surat terlambat diproses",)
    assert identity.lists["pencatatan"] == ("Buku agenda",)


def test_other_column_order_and_no_identity(tmp_path):
    path = build(
        tmp_path / "b.xlsx",
        ROWS[:2],
        Drawing(
            boxes=[
                Box(1, "flowChartTerminator", 3, 6, "Mulai"),
                Box(2, "flowChartTerminator", 4, 7, "Selesai"),
            ],
            arrows=[Arrow(3, 1, 2)],
        ),
        identity=False,
        executors=("Staf", "Kepala"),
    )
    sop = read_xlsx(path)
    assert sop.header.executors == ("Staf", "Kepala")
    assert Counter(s.kind for s in sop.shapes) == {"terminator": 2}
    assert any(u.field == "identitas" for u in sop.uncertain)


def _zip(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)
    return buf.getvalue()


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not a zip at all",
        b"PK\x03\x04 truncated",
        _zip({"hello.txt": b"hi"}),
        _zip({"xl/workbook.xml": b"<workbook"}),
        _zip(
            {
                "xl/workbook.xml": b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]>'
                b"<workbook>&lol;</workbook>"
            }
        ),
        # 3 MB of spaces squeezed into a few kB: refused by its compression ratio, unread
        _zip({"xl/workbook.xml": b"<a/>", "xl/big.xml": b"<a>" + b" " * 3_000_000 + b"</a>"}),
    ],
    ids=[
        "empty",
        "text",
        "truncated-zip",
        "zip-without-workbook",
        "broken-xml",
        "billion-laughs-dtd",
        "zip-bomb",
    ],
)
def test_broken_workbooks_are_unreadable_with_a_message(tmp_path, content):
    path = tmp_path / "rusak.xlsx"
    path.write_bytes(content)
    with pytest.raises(UnreadableSource) as info:
        read_xlsx_all(path)
    assert "berkas Excel" in str(info.value) or "tabel flowchart" in str(info.value)


def test_workbook_without_flowchart(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active["A1"] = "Daftar hadir"
    wb.save(tmp_path / "lain.xlsx")
    with pytest.raises(UnreadableSource, match="tidak ada tabel flowchart"):
        read_xlsx(tmp_path / "lain.xlsx")


def test_huge_merged_range_is_refused(tmp_path, workbook):
    src = zipfile.ZipFile(workbook)
    files = {n: src.read(n) for n in src.namelist()}
    sheet = files["xl/worksheets/sheet2.xml"]
    files["xl/worksheets/sheet2.xml"] = sheet.replace(
        b"</mergeCells>", b'<mergeCell ref="A100:XFD1048576"/></mergeCells>'
    )
    path = tmp_path / "luas.xlsx"
    path.write_bytes(_zip(files))
    with pytest.raises(UnreadableSource, match="terlalu luas"):
        read_xlsx(path)
