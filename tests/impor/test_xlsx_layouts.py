"""read_xlsx on hand-made workbooks laid out as other offices lay them out: no
'Pelaksana' title, grouped shapes, arrows of plain lines or drawn with the pen, labels in
cells or bordered boxes, a repeated header, continuation sheets, identity above the table.
"""

from __future__ import annotations

from collections import Counter

from test_xlsx_reader import ROWS
from xlsx_build import Arrow, Box, Drawing, build

from sopgen.impor.xlsx import read_xlsx, read_xlsx_all


def test_executor_titles_without_a_pelaksana_title(tmp_path):
    path = build(
        tmp_path / "c.xlsx",
        ROWS[:2],
        Drawing(
            boxes=[
                Box(1, "flowChartTerminator", 3, 6, "Mulai"),
                Box(2, "flowChartTerminator", 5, 7, "Selesai"),
            ],
            arrows=[Arrow(3, 1, 2)],
        ),
        identity=False,
        group_title=False,
    )
    sop = read_xlsx(path)
    assert sop.header.executors == ("Pengadministrasi", "Kasubbag", "Kabag")
    assert [s.columns for s in sop.shapes] == [(0,), (2,)]
    assert len(sop.links) == 1


def test_grouped_shapes_and_arrows_drawn_as_plain_lines(tmp_path):
    """Symbols inside a group (child coordinates scaled) and arrows made of two plain
    lines each (a corner, the arrowhead on the second line only, nothing glued)."""
    d = Drawing(
        boxes=[
            Box(1, "flowChartTerminator", 3, 6, "Mulai"),
            Box(2, "flowChartProcess", 4, 7),
            Box(3, "flowChartTerminator", 5, 8, "Selesai"),
        ],
        arrows=[Arrow(10, 1, 2, two_lines=True), Arrow(11, 2, 3, two_lines=True)],
        group=[2, 3],
    )
    sop = read_xlsx(build(tmp_path / "g.xlsx", ROWS[:3], d, identity=False))
    assert [(s.row, s.kind, s.columns) for s in sop.shapes] == [
        (0, "terminator", (0,)),
        (1, "process", (1,)),
        (2, "terminator", (2,)),
    ]
    assert {(link.source, link.target) for link in sop.links} == {(0, 1), (1, 2)}


def test_two_pages_in_one_sheet_joined_by_off_page_connectors(tmp_path):
    """Steps 1-3, the header printed again (two rows), steps 4-5. Step 3 leads to an
    off-page connector 'A' under it; the 'A' over step 4 leads on: 3 -> 4."""
    rows = [ROWS[0], ROWS[1], ROWS[2], "HEADER", "NAMES", ROWS[3], ROWS[4]]
    d = Drawing(
        boxes=[
            Box(1, "flowChartTerminator", 3, 6, "Mulai"),
            Box(2, "flowChartProcess", 4, 7),
            Box(3, "flowChartProcess", 4, 8, dy=-150_000),
            Box(
                4, "flowChartOffpageConnector", 4, 8, "A", width=200_000, height=200_000, dy=200_000
            ),
            Box(
                5,
                "flowChartOffpageConnector",
                5,
                11,
                "A",
                width=200_000,
                height=200_000,
                dy=-200_000,
            ),
            Box(6, "flowChartProcess", 5, 11, dy=150_000),
            Box(7, "flowChartTerminator", 3, 12, "Selesai"),
        ],
        arrows=[
            Arrow(10, 1, 2),
            Arrow(11, 2, 3),
            Arrow(12, 3, 4),
            Arrow(13, 5, 6),
            Arrow(14, 6, 7),
        ],
    )
    sop = read_xlsx(build(tmp_path / "p.xlsx", rows, d, identity=False))
    assert [r.nomor for r in sop.rows] == ["1", "2", "3", "4", "5"]
    assert Counter(s.kind for s in sop.shapes) == {"terminator": 2, "process": 3, "connector": 2}
    by_id = {s.id: s for s in sop.shapes}
    pairs = {
        (sop.rows[by_id[link.source].row].nomor, sop.rows[by_id[link.target].row].nomor)
        for link in sop.links
    }
    assert pairs == {("1", "2"), ("2", "3"), ("3", "4"), ("4", "5")}
    assert all(
        by_id[link.source].kind != "connector" and by_id[link.target].kind != "connector"
        for link in sop.links
    )


def test_identity_above_the_table_on_the_same_sheet(tmp_path):
    d = Drawing(
        boxes=[
            Box(1, "flowChartTerminator", 3, 24, "Mulai"),
            Box(2, "flowChartTerminator", 4, 25, "Selesai"),
        ],
        arrows=[Arrow(3, 1, 2)],
    )
    sop = read_xlsx(build(tmp_path / "satu.xlsx", ROWS[:2], d, identity="above", header_row=22))
    assert sop.title == "SOP PENGELOLAAN SURAT MASUK"
    assert sop.identity.nomor == "001/SOP/BU/2025"
    assert sop.identity.lists["peralatan"] == ("Komputer", "Printer")
    assert [r.nomor for r in sop.rows] == ["1", "2"]
    assert len(sop.links) == 1


def test_decision_labels_typed_into_cells(tmp_path):
    """No text boxes: 'Tidak' is typed into the cell right of the decision, 'Ya' into the
    cell below it (where the next box is)."""
    d = Drawing(
        boxes=[
            Box(1, "flowChartTerminator", 4, 6, "Mulai"),
            Box(2, "flowChartProcess", 5, 7),
            Box(3, "flowChartDecision", 4, 8, width=500_000, height=400_000),
            Box(4, "flowChartTerminator", 4, 9, "Selesai"),
        ],
        arrows=[Arrow(10, 1, 2), Arrow(11, 2, 3), Arrow(12, 3, 4), Arrow(13, 3, 2)],
    )
    path = build(
        tmp_path / "l.xlsx", ROWS[:4], d, identity=False, cells={(8, 5): "Tidak", (9, 4): "Ya"}
    )
    sop = read_xlsx(path)
    labels = {(link.source, link.target): link.label for link in sop.links}
    assert labels == {(0, 1): None, (1, 2): None, (2, 3): "Ya", (2, 1): "Tidak"}


def test_symbol_drawn_in_an_empty_sheet_row_under_its_step(tmp_path):
    blank = ("", "", "", "", "", "")
    d = Drawing(
        boxes=[
            Box(1, "flowChartTerminator", 3, 6, "Mulai"),
            Box(2, "flowChartProcess", 4, 8),  # sheet row 8 is empty, under step 2 (row 7)
            Box(3, "flowChartTerminator", 5, 9, "Selesai"),
        ],
        arrows=[Arrow(10, 1, 2), Arrow(11, 2, 3)],
    )
    sop = read_xlsx(
        build(tmp_path / "e.xlsx", [ROWS[0], ROWS[1], blank, ROWS[2]], d, identity=False)
    )
    assert [r.nomor for r in sop.rows] == ["1", "2", "3"]
    assert [s.row for s in sop.shapes] == [0, 1, 2]
    assert not [u for u in sop.uncertain if u.field == "simbol"]


def test_flowchart_going_on_in_the_next_sheet(tmp_path):
    """Sheet 1: steps 1-2, step 2 ends in off-page connector 'A'; sheet 2 (no title, the
    same executors, numbers going on): 'A' leads to step 3. One procedure: 2 -> 3."""
    import io

    import openpyxl
    from xlsx_build import drawing_xml, flowchart_sheet, inject

    wb = openpyxl.Workbook()
    first = wb.active
    first.title = "Hal 1"
    flowchart_sheet(first, [ROWS[0], ROWS[1]])
    second = wb.create_sheet("Hal 2")
    flowchart_sheet(second, [ROWS[2], ROWS[3]])
    second["A2"] = None  # a continuation sheet has no title of its own
    page1 = Drawing(
        boxes=[
            Box(1, "flowChartTerminator", 3, 6, "Mulai"),
            Box(2, "flowChartProcess", 4, 7, dy=-150_000),
            Box(
                3, "flowChartOffpageConnector", 4, 7, "A", width=200_000, height=200_000, dy=200_000
            ),
        ],
        arrows=[Arrow(10, 1, 2), Arrow(11, 2, 3)],
    )
    page2 = Drawing(
        boxes=[
            Box(
                1,
                "flowChartOffpageConnector",
                5,
                6,
                "A",
                width=200_000,
                height=200_000,
                dy=-200_000,
            ),
            Box(2, "flowChartProcess", 5, 6, dy=150_000),
            Box(3, "flowChartTerminator", 3, 7, "Selesai"),
        ],
        arrows=[Arrow(10, 1, 2), Arrow(11, 2, 3)],
    )
    buf = io.BytesIO()
    wb.save(buf)
    path = tmp_path / "dua.xlsx"
    path.write_bytes(inject(buf.getvalue(), {1: drawing_xml(page1), 2: drawing_xml(page2)}))
    sops = read_xlsx_all(path)
    assert len(sops) == 1
    sop = sops[0]
    assert [r.nomor for r in sop.rows] == ["1", "2", "3", "4"]
    assert [r.page for r in sop.rows] == [1, 1, 2, 2]
    assert sop.pages == 2
    by_id = {s.id: s for s in sop.shapes}
    pairs = {
        (sop.rows[by_id[link.source].row].nomor, sop.rows[by_id[link.target].row].nomor)
        for link in sop.links
    }
    assert pairs == {("1", "2"), ("2", "3"), ("3", "4")}
    assert not [u for u in sop.uncertain if "tanpa pasangan" in u.message]


def test_pen_drawn_arrows_boxes_saying_selesai_and_bordered_labels(tmp_path):
    """Arrows drawn with the pen (open freeform paths), an end drawn as a plain box with
    'Selesai' in it, and the decision's 'Ya'/'Tidak' in small bordered boxes."""
    d = Drawing(
        boxes=[
            Box(1, "rect", 3, 6, "Mulai"),
            Box(2, "flowChartDecision", 4, 7, width=500_000, height=400_000),
            Box(3, "rect", 5, 8, "Selesai"),
            Box(20, "rect", 4, 7, "Ya", width=200_000, height=150_000, dx=320_000, dy=80_000),
            Box(21, "rect", 4, 7, "Tidak", width=300_000, height=150_000, dx=-250_000, dy=-290_000),
        ],
        arrows=[
            Arrow(10, 1, 2, freeform=True),
            Arrow(11, 2, 3, freeform=True),
            Arrow(12, 2, 1, freeform=True),
        ],
    )
    sop = read_xlsx(build(tmp_path / "pen.xlsx", ROWS[:3], d, identity=False))
    assert [s.kind for s in sop.shapes] == ["terminator", "decision", "terminator"]
    labels = {(link.source, link.target): link.label for link in sop.links}
    assert labels == {(0, 1): None, (1, 2): "Ya", (1, 0): "Tidak"}


def test_notes_under_the_table(tmp_path):
    note = ("", "Ket: *) dilaksanakan bila berkas lengkap", "", "", "", "")
    d = Drawing(
        boxes=[
            Box(1, "flowChartTerminator", 3, 6, "Mulai"),
            Box(2, "flowChartTerminator", 4, 7, "Selesai"),
        ],
        arrows=[Arrow(3, 1, 2)],
    )
    sop = read_xlsx(build(tmp_path / "ket.xlsx", [ROWS[0], ROWS[1], note], d, identity=False))
    assert [r.nomor for r in sop.rows] == ["1", "2"]
    assert sop.notes == "Ket: *) dilaksanakan bila berkas lengkap"


def test_a_pelaksana_line_above_the_table_is_not_its_header(tmp_path):
    d = Drawing(
        boxes=[
            Box(1, "flowChartTerminator", 3, 7, "Mulai"),
            Box(2, "flowChartTerminator", 4, 8, "Selesai"),
        ],
        arrows=[Arrow(3, 1, 2)],
    )
    path = build(
        tmp_path / "atas.xlsx",
        ROWS[:2],
        d,
        identity=False,
        header_row=5,
        cells={(1, 1): "Pelaksana"},
    )
    sop = read_xlsx(path)
    assert sop.title == "SOP PENGELOLAAN SURAT MASUK"
    assert sop.header.executors == ("Pengadministrasi", "Kasubbag", "Kabag")
    assert [r.nomor for r in sop.rows] == ["1", "2"]
    assert len(sop.links) == 1


def test_label_nearest_the_other_exit_is_still_its_own(tmp_path):
    """The 'Ya' text box stands beside the Tidak arrow's line (going up to step 2), but is
    the only label near the Ya exit; the 'Tidak' box is a little further off its line.
    Nearest pair first gave 'Ya' to the Tidak arrow and left Ya unlabelled."""
    d = Drawing(
        boxes=[
            Box(1, "flowChartTerminator", 4, 6, "Mulai"),
            Box(2, "flowChartProcess", 5, 7),
            Box(3, "flowChartDecision", 4, 8, width=500_000, height=400_000),
            Box(4, "flowChartTerminator", 4, 9, "Selesai"),
            Box(20, "rect", 4, 8, "Ya", 200_000, 150_000, True, dx=333_000, dy=-309_000),
            Box(21, "rect", 4, 8, "Tidak", 300_000, 150_000, True, dx=538_000, dy=-580_000),
        ],
        arrows=[Arrow(10, 1, 2), Arrow(11, 2, 3), Arrow(12, 3, 4), Arrow(13, 3, 2)],
    )
    sop = read_xlsx(build(tmp_path / "dekat.xlsx", ROWS[:4], d, identity=False))
    labels = {(link.source, link.target): link.label for link in sop.links}
    assert labels == {(0, 1): None, (1, 2): None, (2, 3): "Ya", (2, 1): "Tidak"}
