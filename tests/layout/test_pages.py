"""Pagination: whole rows fill pages, the header repeats, off-page connectors pair up."""

import pytest

from sopgen.layout import LayoutTooTall, layout_procedure, make_page, page_context
from sopgen.layout.style import MM, Style
from tests.layout.builders import fake_measure, procedure, step
from tests.layout.invariants import check_all

STYLE = Style()
BOTTOM = 210 * MM - 15 * MM  # page height - margin_bottom
LONG = "Menyusun dan memeriksa konsep laporan kinerja instansi pemerintah " * 3


def lay_out(p, style=STYLE):
    layout = layout_procedure(p, "01/SOP/2024", style, fake_measure)
    check_all(layout, p, style)
    return layout


def row_box(page, index):
    return next(c.box for c in page.cells if c.role == "kegiatan" and c.step == index)


def symbol_of(page, index):
    return next(s for s in page.symbols if s.step == index and not s.part)


def test_rows_fill_each_page_and_are_never_split():
    p = procedure([step(LONG, pelaksana="ABCD"[i % 4]) for i in range(40)])
    layout = lay_out(p)
    assert len(layout.pages) > 2
    # every page but the one before the last is as full as it can be (that one gives
    # rows to the last page: test_a_short_last_page_is_balanced)
    for page, following in zip(layout.pages[:-2], layout.pages[1:-1], strict=True):
        next_row = row_box(following, following.steps[0]).h
        # the next row would not have fitted above this page's connectors, which stand
        # below the table (no empty row: the signed originals draw them so)
        out = [c.box for c in page.offpage if c.direction == "out"]
        assert out and all(b.y > page.table.bottom for b in out)
        assert not [c for c in page.cells if c.role == "band" and c.box.y > page.table.y + 40]
        last_row_bottom = row_box(page, page.steps[-1]).bottom
        assert last_row_bottom + next_row + STYLE.band_h > BOTTOM
    for page in layout.pages:
        assert page.table.bottom <= BOTTOM


def table_height(page):
    return page.table.bottom - page.table.y


def test_a_short_last_page_is_balanced():
    # 16 rows fill a page, and 4 would be left for the last: the pages share the rows
    # so that neither is short (their heights differ by less than a row)
    p = procedure([step(LONG, pelaksana="ABCD"[i % 4]) for i in range(20)])
    layout = lay_out(p)
    first, last = layout.pages
    row = row_box(first, 0).h
    assert len(last.steps) >= len(first.steps) - 1
    assert abs(table_height(first) - table_height(last)) < row + STYLE.band_h


def test_the_title_number_and_table_header_repeat_on_every_page():
    p = procedure([step(LONG) for _ in range(20)], judul="Penyusunan Rencana Strategis")
    layout = lay_out(p)
    for page in layout.pages:
        assert [t.text for t in page.texts[:2]] == [
            "Penyusunan Rencana Strategis",
            "Nomor SOP: 01/SOP/2024",
        ]
        labels = {t.text for t in page.texts if t.font == "bold"}
        assert {
            "No",
            "Kegiatan",
            "Pelaksana",
            "Mutu Baku",
            "Keterangan",
            "Kelengkapan",
            "Waktu",
            "Output",
        } <= labels
        assert sum(c.role == "header" for c in page.cells) == 5 + 4 + 3


def test_a_forward_arrow_across_a_break_becomes_connector_a():
    p = procedure([step(LONG, pelaksana="B") for _ in range(20)])
    layout = lay_out(p)
    first, second = layout.pages[:2]
    last = first.steps[-1]
    out = first.offpage[0]
    assert (out.label, out.direction, out.step, out.column) == ("A", "out", last, 1)
    assert out.box.y > row_box(first, last).bottom  # in the bottom band
    assert out.box.cx == pytest.approx(first.symbols[-1].box.cx)  # under the symbol
    inn = second.offpage[0]
    assert (inn.label, inn.direction, inn.step) == ("A", "in", last + 1)
    # in the first row's upper part, under the header (no empty row), above its symbol
    first_row = row_box(second, last + 1)
    assert first_row.y < inn.box.y and inn.box.bottom < symbol_of(second, last + 1).box.y
    to_conn = next(a for a in first.arrows if a.target == "offpage:A")
    assert to_conn.source == f"step:{last}" and to_conn.points[-1] == (out.box.cx, out.box.y)
    from_conn = next(a for a in second.arrows if a.source == "offpage:A")
    assert from_conn.target == f"step:{last + 1}" and from_conn.points[0] == (
        inn.box.cx,
        inn.box.bottom,
    )
    assert [c.label for c in layout.pages[-1].offpage if c.direction == "in"] == [
        "ABCDEFGHIJ"[len(layout.pages) - 2]
    ]


def test_a_backward_arrow_leaves_from_the_top_band_and_arrives_in_the_bottom_band():
    steps = [step(LONG, pelaksana="A") for _ in range(24)]
    steps[20] = step(LONG, pelaksana="C", keputusan=(22, 2))  # Tidak goes back to step 2
    p = procedure(steps)
    layout = lay_out(p)
    page_of = {s: pg for pg in layout.pages for s in pg.steps}
    src, dst = page_of[20], page_of[1]
    assert src.index > dst.index
    back = next(a for a in src.arrows if a.source == "step:20" and a.label == "Tidak")
    letter = back.target.split(":")[1]
    out = next(c for c in src.offpage if c.label == letter)
    first_row = row_box(src, src.steps[0])  # in the first row's upper part, over its symbol
    assert out.direction == "out" and first_row.y < out.box.y
    assert out.box.bottom < symbol_of(src, src.steps[0]).box.y
    assert back.points[-1] == (out.box.cx, out.box.bottom)  # enters the pentagon's tip
    inn = next(c for c in dst.offpage if c.label == letter)
    assert inn.direction == "in" and inn.box.y > dst.table.bottom  # below the table
    up = next(a for a in dst.arrows if a.source == f"offpage:{letter}")
    assert up.target == "step:1" and up.points[0] == (inn.box.cx, inn.box.y)


def test_make_page_resumes_where_the_previous_page_stopped():
    p = procedure([step(LONG) for _ in range(40)])
    ctx = page_context(p, "01/SOP/2024", STYLE, fake_measure)
    first, start = make_page(ctx, 0)
    assert first.steps[0] == 0 and start == first.steps[-1] + 1
    second, after = make_page(ctx, start, index=1)
    assert second.steps[0] == start and second.index == 1
    layout = lay_out(p)
    assert [first.steps, second.steps] == [pg.steps for pg in layout.pages[:2]]
    assert first.offpage[0].label.startswith("#")  # letters are given once all pages exist
    assert layout.pages[0].offpage[0].label == "A"
    while after is not None:
        page, after = make_page(ctx, after)
    assert page.steps[-1] == 39


def test_a_row_taller_than_a_page_is_a_clear_error():
    p = procedure([step(), step("kata " * 2000), step()])
    with pytest.raises(LayoutTooTall) as info:
        layout_procedure(p, "x", STYLE, fake_measure)
    assert info.value.step == 1
    assert str(info.value) == (
        "langkah 2: teks kegiatan terlalu panjang untuk satu halaman; "
        "persingkat uraian atau pecah menjadi beberapa langkah"
    )
    assert isinstance(info.value, ValueError)


def test_jumlah_waktu_row_on_the_last_page_only():
    steps = [step(LONG, waktu=w) for w in ["5 menit", "1 jam", "30 menit", "1 hari"] * 5]
    p = procedure(steps)
    layout = lay_out(p, Style(show_total=True))
    *others, last = layout.pages
    assert all(not any(c.role == "total" for c in pg.cells) for pg in others)
    total = next(c.box for c in last.cells if c.role == "total")
    assert total.bottom == pytest.approx(last.table.bottom)
    label = [t.text for t in last.texts if t.y > total.y and t.x < total.x]
    value = [t.text for t in last.texts if t.y > total.y and total.x < t.x < total.right]
    assert label == ["Jumlah waktu"]
    assert " ".join(value) == "5 Hari 5 Jam 175 Menit"  # sums per unit, wrapped in the Waktu column
    assert not any(c.role == "total" for pg in lay_out(p).pages for c in pg.cells)


def test_the_same_input_gives_the_same_layout():
    steps = [step(LONG, pelaksana="ABCD"[i % 4]) for i in range(12)]
    steps[9] = step(LONG, pelaksana="C", keputusan=(11, 3))
    p = procedure(steps)
    assert lay_out(p) == lay_out(p)


def test_arrows_into_one_step_from_an_earlier_page_share_one_pair_of_connectors():
    steps = [step(LONG, pelaksana="A") for _ in range(30)]
    steps[2] = step(LONG, pelaksana="B", keputusan=(4, 29))  # both exits far ahead
    steps[3] = step(LONG, pelaksana="C", lanjut=29)
    layout = lay_out(procedure(steps))
    page_of = {s: pg for pg in layout.pages for s in pg.steps}
    first, last = page_of[2], page_of[28]
    assert first.index < last.index
    into = [a for a in first.arrows if a.target.startswith("offpage:")]
    shared = {a.target for a in into if a.source in ("step:2", "step:3")}
    assert len(shared) == 1  # the Tidak of step 3 and the lanjut of step 4 share it
    arrows = [a for a in into if a.target in shared]
    assert sorted(a.head for a in arrows) == [False, True]  # one joins the other
    letter = shared.pop()[8:]
    ins = [c for pg in layout.pages for c in pg.offpage if c.label == letter]
    assert [c.direction for c in ins].count("in") == 1


def test_a_pair_stands_in_its_target_column_and_a_back_pair_points_up():
    steps = [step(LONG, pelaksana="A") for _ in range(24)]
    steps[20] = step(LONG, pelaksana="C", keputusan=(22, 2))  # Tidak goes back to step 2
    steps[1] = step(LONG, pelaksana="D")
    layout = lay_out(procedure(steps))
    back = {c.direction: c for pg in layout.pages for c in pg.offpage if c.back}
    assert back["in"].column == 3  # under step 2's column (D), on step 2's page
    assert back["out"].column == 2  # over step 21 (C): its arrow climbs straight up
    forward = [c for pg in layout.pages for c in pg.offpage if not c.back]
    assert forward and all(c.label != back["in"].label for c in forward)
    for label in {c.label for c in forward}:
        halves = [c for c in forward if c.label == label]
        assert len({c.column for c in halves}) == 1  # a forward pair: one column


def test_crowded_arrows_get_the_roomier_padding(monkeypatch):
    from sopgen.layout import relabel

    pads = []
    route = relabel.route_page

    def tight_fails(geo, requests, style, measure):
        pads.append(style.row_min_pad)
        return (
            None
            if style.row_min_pad < STYLE.row_pad_roomy
            else route(geo, requests, style, measure)
        )

    monkeypatch.setattr(relabel, "route_page", tight_fails)
    layout = lay_out(procedure([step(LONG) for _ in range(3)]))
    assert pads[0] == STYLE.row_min_pad and pads[-1] == STYLE.row_pad_roomy
    assert len(layout.pages) == 1


def test_a_page_whose_arrows_cannot_be_drawn_is_a_located_error(monkeypatch):
    from sopgen.layout import LayoutUnroutable, relabel

    tries = []

    def no_route(geo, requests, style, measure):
        tries.append(len(geo.symbols))
        return None

    monkeypatch.setattr(relabel, "route_page", no_route)
    p = procedure([step(LONG) for _ in range(12)])
    with pytest.raises(LayoutUnroutable) as caught:
        layout_procedure(p, "x", STYLE, fake_measure)
    assert caught.value.step == 0 and caught.value.column == "pelaksana"
    assert str(caught.value).startswith("langkah 1: panah alur")
    # bounded: the fullest page, half, one row; once more for each roomier style
    from sopgen.layout import fallback_styles

    assert len(fallback_styles(STYLE)) == 4
    assert len(tries) <= 3 * 4 and tries[-1] == 1
    assert isinstance(caught.value, LayoutTooTall)  # so every caller reports it, located
