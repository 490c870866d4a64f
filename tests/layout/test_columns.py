"""Exact numbers for the table grid: columns, header and a simple row (the arithmetic is
spelled out, as dagre's tests do). Fake measure: a character is half the size wide."""

import pytest

from sopgen.layout import layout_procedure
from sopgen.layout.columns import column_layout, lane_share
from sopgen.layout.style import MM, Style
from tests.layout.builders import fake_measure, procedure, step

STYLE = Style()
MARGIN = 15 * MM
PAGE_W, PAGE_H = 297 * MM, 210 * MM
CONTENT_W = PAGE_W - 2 * MARGIN
OTHERS = 0.035 + 0.22 + 0.12 + 0.065 + 0.12 + 0.09  # = 0.65, the non-lane weights
PAD = 3.0  # cell_pad
LINE = 9.6  # leading
TABLE_TOP = MARGIN + 11 * 1.2 + 9 * 1.2 + 6  # title line + Nomor SOP line + header_gap
HEADER_ROW = 1 * LINE + 2 * PAD  # one line of 8 pt bold labels
BODY_TOP = TABLE_TOP + 2 * HEADER_ROW


def test_columns_for_four_executors():
    cols = column_layout(4, STYLE, MARGIN, CONTENT_W)
    share = 0.35 / (0.35 + OTHERS)  # = 0.35
    assert [c.role for c in cols.cols] == ["no", "kegiatan"] + ["lane"] * 4 + [
        "kelengkapan",
        "waktu",
        "output",
        "keterangan",
    ]
    assert cols.role("no").x == MARGIN
    assert cols.role("no").w == pytest.approx(0.035 / OTHERS * (1 - share) * CONTENT_W)
    assert cols.role("kegiatan").w == pytest.approx(0.22 / OTHERS * (1 - share) * CONTENT_W)
    assert cols.lane_w == pytest.approx(share * CONTENT_W / 4)
    assert cols.lanes[0].x == pytest.approx(MARGIN + (0.035 + 0.22) * CONTENT_W)
    assert cols.x1 == pytest.approx(MARGIN + CONTENT_W)


def test_many_executors_get_more_room_up_to_lanes_max():
    assert lane_share(5, STYLE) == pytest.approx(0.35)
    assert lane_share(6, STYLE) == pytest.approx(0.35 * 6 / 5)  # 0.42
    assert lane_share(8, STYLE) == pytest.approx(0.50)  # 0.56 capped at lanes_max
    cols = column_layout(12, STYLE, MARGIN, CONTENT_W)
    assert cols.lane_w == pytest.approx(0.50 * CONTENT_W / 12)  # lanes shrink evenly
    assert cols.role("kegiatan").w == pytest.approx(0.22 / OTHERS * 0.50 * CONTENT_W)


def test_header_and_first_row_positions():
    p = procedure([step("Menerima berkas", "B"), step("Selesai", "B")], judul="Penyusunan Laporan")
    page = layout_procedure(p, "01/SOP/2024", STYLE, fake_measure).pages[0]
    title, number = page.texts[0], page.texts[1]
    assert (title.text, title.font, title.size) == ("Penyusunan Laporan", "bold", 11)
    assert title.y == pytest.approx(MARGIN + (13.2 - 11) / 2 + 0.8 * 11)  # baseline in its line
    assert number.text == "Nomor SOP: 01/SOP/2024"
    assert page.table.y == pytest.approx(TABLE_TOP)

    header = {t.text: t for t in page.texts if t.font == "bold" and t.y > TABLE_TOP}
    assert set(header) >= {"No", "Kegiatan", "Pelaksana", "A", "B", "Mutu Baku", "Kelengkapan"}
    assert all(t.anchor == "middle" for t in header.values())
    pelaksana = next(
        c
        for c in page.cells
        if c.role == "header"
        and c.box.y == page.table.y
        and c.box.x == pytest.approx(MARGIN + 0.255 * CONTENT_W)
    )
    assert pelaksana.fill and pelaksana.box.w == pytest.approx(0.35 * CONTENT_W)
    assert pelaksana.box.h == pytest.approx(HEADER_ROW)

    # Row 1: one line of text (15.6 pt) is lower than the symbol's room:
    lane_w = 0.35 * CONTENT_W / 4
    symbol_w = min(25 * MM, lane_w * 0.70, lane_w - 2 * 5)  # = lane_w * 0.7
    symbol_h = min(symbol_w * 13 / 25, 13 * MM)
    row_h = max(1 * LINE + 2 * PAD, symbol_h + 2 * 8)
    kegiatan = next(c for c in page.cells if c.role == "kegiatan" and c.step == 0)
    assert kegiatan.box.y == pytest.approx(BODY_TOP)
    assert kegiatan.box.h == pytest.approx(row_h)
    second = next(c for c in page.cells if c.role == "kegiatan" and c.step == 1)
    assert second.box.y == pytest.approx(BODY_TOP + row_h)

    sym = page.symbols[0]
    lane_b_x = MARGIN + 0.255 * CONTENT_W + lane_w
    assert sym.box.x == pytest.approx(lane_b_x + (lane_w - symbol_w) / 2)
    assert sym.box.y == pytest.approx(BODY_TOP + (row_h - symbol_h) / 2)
    assert (sym.box.w, sym.box.h) == (pytest.approx(symbol_w), pytest.approx(symbol_h))

    text = next(t for t in page.texts if t.text == "Menerima berkas")
    assert (text.x, text.anchor) == (pytest.approx(kegiatan.box.x + PAD), "start")
    assert text.y == pytest.approx(BODY_TOP + PAD + (LINE - 8) / 2 + 0.8 * 8)
    assert page.table.bottom == pytest.approx(BODY_TOP + 2 * row_h)


def test_row_height_follows_the_longest_text():
    uraian = "kata " * 60  # 300 characters
    p = procedure([step(uraian, "A"), step("Selesai", "A")])
    page = layout_procedure(p, "x", STYLE, fake_measure).pages[0]
    kegiatan_w = 0.22 * CONTENT_W - 2 * PAD
    per_line = int(kegiatan_w // 4)  # characters per line at 8 pt
    words_per_line = (per_line + 1) // 5
    lines = -(-60 // words_per_line)
    row = next(c for c in page.cells if c.role == "kegiatan" and c.step == 0)
    assert row.box.h == pytest.approx(lines * LINE + 2 * PAD)
    assert sum(1 for t in page.texts if t.text.startswith("kata")) == lines


def test_waktu_shows_the_parsed_label_else_the_raw_text():
    p = procedure([step(waktu="5 menit"), step(waktu="1,5 jam"), step(waktu="sebentar")])
    page = layout_procedure(p, "x", STYLE, fake_measure).pages[0]
    waktu = {c.step: c.box for c in page.cells if c.role == "waktu"}
    shown = {
        s: [
            t.text
            for t in page.texts
            if waktu[s].x <= t.x <= waktu[s].right and waktu[s].y <= t.y <= waktu[s].bottom
        ]
        for s in waktu
    }
    assert shown == {0: ["5 Menit"], 1: ["1,5 Jam"], 2: ["sebentar"]}


def test_narrow_lanes_shrink_executor_names_then_break_words():
    names = [f"Pejabat{i}" for i in range(11)] + ["Pertanggungjawaban"]
    p = procedure(
        [step(pelaksana="Pejabat0"), step(pelaksana="Pertanggungjawaban")], pelaksana=names
    )
    page = layout_procedure(p, "x", STYLE, fake_measure).pages[0]
    lane_w = 0.50 * CONTENT_W / 12
    lanes = sorted(
        (c.box for c in page.cells if c.role == "lane" and c.step == 0), key=lambda b: b.x
    )
    last = lanes[-1]
    label = [
        t
        for t in page.texts
        if t.font == "bold" and last.x < t.x < last.right and t.y < BODY_TOP + 50
    ]
    assert {t.size for t in label} == {5.5}  # "Pertanggungjawaban" never fits: smallest size
    # broken at syllables, each piece but the last ending in a hyphen
    assert "".join(t.text.removesuffix("-") for t in label) == "Pertanggungjawaban"
    assert all(t.text.endswith("-") for t in label[:-1]) and len(label) > 1
    assert all(fake_measure(t.text, "bold", 5.5) <= lane_w - 2 * PAD for t in label)
