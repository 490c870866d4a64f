"""Exact numbers for the table grid: column widths from the content, header and a simple
row (the arithmetic is spelled out, as dagre's tests do). Fake measure: a character is
half the size wide."""

from dataclasses import replace

import pytest

from sopgen.layout import layout_procedure, page_context, titles
from sopgen.layout.columns import column_layout, share
from sopgen.layout.style import MM, Style
from tests.layout.builders import fake_measure, procedure, step

STYLE = Style()
MARGIN = 15 * MM
PAGE_W, PAGE_H = 297 * MM, 210 * MM
CONTENT_W = PAGE_W - 2 * MARGIN
PAD = 3.0  # cell_pad
LINE = 9.6  # leading
TABLE_TOP = MARGIN + 11 * 1.2 + 9 * 1.2 + 6  # title line + Nomor SOP line + header_gap
HEADER_ROW = 1 * LINE + 2 * PAD  # one line of 8 pt bold labels
BODY_TOP = TABLE_TOP + 2 * HEADER_ROW
ROLES = ("no", "kegiatan", "kelengkapan", "waktu", "output", "keterangan")


def columns_for(texts, names=("A", "B", "C", "D")):
    full = {role: texts.get(role, [""]) for role in ROLES}
    return column_layout(full, titles(STYLE), list(names), STYLE, MARGIN, CONTENT_W, fake_measure)


def test_columns_fill_the_width_in_table_order():
    cols = columns_for({"kegiatan": ["Menerima berkas"]})
    assert [c.role for c in cols.cols] == ["no", "kegiatan"] + ["lane"] * 4 + [
        "kelengkapan",
        "waktu",
        "output",
        "keterangan",
    ]
    assert cols.x0 == MARGIN and cols.x1 == pytest.approx(MARGIN + CONTENT_W)
    for a, b in zip(cols.cols, cols.cols[1:], strict=False):
        assert b.x == pytest.approx(a.right)


def test_lanes_are_as_narrow_as_a_symbol_allows_for_short_names():
    cols = columns_for({"kegiatan": ["Menerima berkas"]})
    assert all(lane.w == pytest.approx(16 * MM) for lane in cols.lanes)  # Style.lane_min


def test_a_long_executor_word_widens_every_lane_up_to_lane_max():
    # "Perencanaan": 11 characters of 7 pt bold = 38.5 pt + 6 pt padding < 16 mm
    assert columns_for({}, ["Kasubag Perencanaan", "B"]).lane_w == pytest.approx(16 * MM)
    word = "Kesekretariatan" * 2  # 30 characters: 105 + 6 pt > 30 mm: capped
    assert columns_for({}, [word, "B"]).lane_w == pytest.approx(30 * MM)
    word = "Kesekretariatannya"  # 18 characters: 63 + 6 = 69 pt
    assert columns_for({}, [word, "B"]).lane_w == pytest.approx(69.0)


def test_many_executors_share_at_most_lanes_max_of_the_table():
    cols = columns_for({}, [f"P{i}" for i in range(15)])
    assert cols.lane_w == pytest.approx(0.55 * CONTENT_W / 15)


def test_text_columns_share_the_rest_by_how_much_text_they_hold():
    much = ["kata " * 40] * 3
    cols = columns_for({"kegiatan": ["a"], "output": much, "kelengkapan": ["b"]})
    widths = {c.role: c.w for c in cols.cols}
    assert widths["output"] > 3 * widths["kelengkapan"]
    assert widths["output"] > widths["kegiatan"]


def test_no_column_is_narrower_than_its_longest_word():
    word = "Pertanggungjawabannya"  # 21 characters of 8 pt = 84 pt
    cols = columns_for({"keterangan": [word], "kegiatan": ["kata " * 200]})
    assert cols.role("keterangan").w >= 84 + 2 * PAD - 1e-9


def test_share_gives_each_its_need_then_splits_by_amount():
    assert share(100, {"a": 10, "b": 10}, {"a": 1, "b": 3}) == {"a": 25, "b": 75}
    assert share(100, {"a": 40, "b": 10}, {"a": 1, "b": 3}) == {"a": 40, "b": 60}
    assert share(10, {"a": 10, "b": 10}, {"a": 1, "b": 3}) == {"a": 5, "b": 5}


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
    cols = page_context(p, "01/SOP/2024", STYLE, fake_measure).columns
    pelaksana = next(
        c
        for c in page.cells
        if c.role == "header" and c.box.y == page.table.y and c.box.x == cols.lanes_x0
    )
    assert pelaksana.fill and pelaksana.box.w == pytest.approx(4 * cols.lane_w)
    assert pelaksana.box.h == pytest.approx(HEADER_ROW)

    # Row 1: one line of text (15.6 pt) is lower than the symbol's room:
    lane_w = cols.lane_w
    symbol_w = min(25 * MM, lane_w * 0.70, lane_w - 2 * 5)  # = lane_w * 0.7
    symbol_h = min(symbol_w * 0.4, 13 * MM)  # Style.box_ratio: 25 x 10 mm
    row_h = max(1 * LINE + 2 * PAD, symbol_h + 2 * 6)  # Style.row_min_pad
    kegiatan = next(c for c in page.cells if c.role == "kegiatan" and c.step == 0)
    assert kegiatan.box.y == pytest.approx(BODY_TOP)
    assert kegiatan.box.h == pytest.approx(row_h)
    second = next(c for c in page.cells if c.role == "kegiatan" and c.step == 1)
    assert second.box.y == pytest.approx(BODY_TOP + row_h)

    sym = page.symbols[0]
    lane_b_x = cols.lanes_x0 + lane_w
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
    kegiatan_w = page_context(p, "x", STYLE, fake_measure).columns.role("kegiatan").w - 2 * PAD
    per_line = int(kegiatan_w // 4)  # characters per line at 8 pt
    words_per_line = (per_line + 1) // 5
    lines = -(-60 // words_per_line)
    row = next(c for c in page.cells if c.role == "kegiatan" and c.step == 0)
    assert row.box.h == pytest.approx(lines * LINE + 2 * PAD)
    assert sum(1 for t in page.texts if t.text.startswith("kata")) == lines


def test_waktu_is_printed_exactly_as_written():
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
    assert shown == {0: ["5 menit"], 1: ["1,5 jam"], 2: ["sebentar"]}


def test_narrow_lanes_shrink_executor_names_then_break_words():
    names = [f"Pejabat{i}" for i in range(11)] + ["Pertanggungjawaban"]
    p = procedure(
        [step(pelaksana="Pejabat0"), step(pelaksana="Pertanggungjawaban")], pelaksana=names
    )
    page = layout_procedure(p, "x", STYLE, fake_measure).pages[0]
    lane_w = 0.55 * CONTENT_W / 12  # twelve lanes at lanes_max
    lanes = sorted(
        (c.box for c in page.cells if c.role == "lane" and c.step == 0), key=lambda b: b.x
    )
    last = lanes[-1]
    label = [
        t
        for t in page.texts
        if t.font == "bold" and last.x < t.x < last.right and t.y < BODY_TOP + 50
    ]
    assert {t.size for t in label} == {7.0}  # never fits: the smallest size, 7 pt
    # broken at syllables, each piece but the last ending in a hyphen
    assert "".join(t.text.removesuffix("-") for t in label) == "Pertanggungjawaban"
    assert all(t.text.endswith("-") for t in label[:-1]) and len(label) > 1
    assert all(fake_measure(t.text, "bold", 7.0) <= lane_w - 2 * PAD for t in label)


def test_a_column_left_out_by_kolom_is_not_printed():
    # dokumen.yaml `kolom: [waktu, output, keterangan]`: a Mutu Baku of Waktu and Output only
    style = replace(STYLE, columns=("waktu", "output", "keterangan"))
    p = procedure([step(kelengkapan="tidak dicetak", waktu="1 jam"), step(waktu="5 menit")])
    page = layout_procedure(p, "x", style, fake_measure).pages[0]
    roles = [c.role for c in page.cells if c.step == 0]
    assert "kelengkapan" not in roles
    assert roles[-3:] == ["waktu", "output", "keterangan"]
    header = [t.text for t in page.texts if t.y < min(c.box.y for c in page.cells if c.step == 0)]
    assert "Kelengkapan" not in header and "Mutu Baku" in header and "Waktu" in header
    assert "tidak dicetak" not in [t.text for t in page.texts]


def test_a_column_of_short_values_keeps_each_on_one_line():
    # "10 Menit": 8 characters of 8 pt = 32 pt; every Waktu value is that short, so the
    # column is at least that wide (plus padding) however little text it holds
    waktu = ["5 Menit", "10 Menit", "1 jam"]
    cols = columns_for({"waktu": waktu, "kegiatan": ["kata " * 200] * 10})
    assert cols.role("waktu").w >= 32 + 2 * PAD - 1e-9


def test_a_long_value_is_broken_between_words():
    # one value longer than Style.one_line_max (20 mm): only its longest word counts
    waktu = ["Sebelum periode revisi bulan berjalan", "5 Menit"]
    cols = columns_for({"waktu": waktu, "kegiatan": ["kata " * 200] * 10})
    assert cols.role("waktu").w < 20 * MM
    assert cols.role("waktu").w >= 8 * 4 + 2 * PAD - 1e-9  # "berjalan": 8 characters


def test_a_name_word_too_short_to_hyphenate_widens_the_lanes_past_lanes_max():
    # 20 executors: lanes_max gives 0.55 * width / 20 = 20.8 pt each; "Humas" (5 letters,
    # too short to hyphenate) needs 5 x 3.5 pt of 7 pt bold + 6 pt padding = 23.5 pt
    names = [f"P{i}" for i in range(19)] + ["Humas"]
    cols = columns_for({}, names)
    assert 0.55 * CONTENT_W / 20 < 23.5
    assert cols.lane_w == pytest.approx(23.5)
