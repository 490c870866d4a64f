"""Rows holding several symbols: each model node is drawn as its own symbol, side by side
in different lanes, stacked in one lane, every edge with an arrow; a joint step over
lanes that are not neighbours is one symbol per lane joined by a plain line; the short
text of a symbol (teks) is drawn inside it."""

from __future__ import annotations

from sopgen.layout import layout_procedure
from sopgen.layout.audit import audit
from sopgen.layout.style import Style
from sopgen.model import Langkah, Simbol
from sopgen.model.flow import resolve_flow
from tests.layout.builders import fake_measure, procedure, step

STYLE = Style()


def lay_out(proc):
    layout = layout_procedure(proc, "X/1", STYLE, fake_measure)
    assert not any(audit(layout, STYLE, fake_measure).hard().values())
    return layout


def drawn(layout):
    return [s for page in layout.pages for s in page.symbols]


def arrows(layout):
    return [a for page in layout.pages for a in page.arrows]


def assert_every_edge_has_an_arrow(proc, layout):
    pairs = {(a.source, a.target) for a in arrows(layout)}
    for e in resolve_flow(proc.data):
        assert (f"step:{e.source}", f"step:{e.target}") in pairs, e


def row(uraian, *items, **kw):
    return Langkah(uraian=uraian, simbol=list(items), **kw)


def test_two_symbols_side_by_side_with_a_straight_arrow_between():
    proc = procedure(
        [
            step("Mulai", "A"),
            row("Menandatangani kontrak", Simbol(pelaksana="B"), Simbol(pelaksana="C")),
            step("Selesai", "D"),
        ]
    )
    layout = lay_out(proc)
    symbols = drawn(layout)
    assert len(symbols) == 4
    b, c = [s for s in symbols if s.step == 1]
    assert (b.columns, c.columns) == ((1,), (2,))
    assert b.kind == c.kind == "process"
    assert abs(b.box.cy - c.box.cy) < 1e-6  # side by side on one line
    (between,) = [a for a in arrows(layout) if a.source == "step:1" and a.target == "step:2"]
    assert len(between.points) == 2  # straight
    assert between.points[0][1] == between.points[1][1]  # horizontal
    assert_every_edge_has_an_arrow(proc, layout)


def test_start_above_a_process_in_one_lane():
    proc = procedure(
        [
            row(
                "Mengajukan tagihan",
                Simbol(pelaksana="A", jenis="terminator"),
                Simbol(pelaksana="A"),
            ),
            step("Memeriksa", "B"),
        ]
    )
    layout = lay_out(proc)
    start, box = [s for s in drawn(layout) if s.step == 0]
    assert (start.kind, box.kind) == ("terminator", "process")
    assert start.columns == box.columns == (0,)
    assert start.box.bottom < box.box.y  # stacked, start on top
    (down,) = [a for a in arrows(layout) if a.source == "step:0" and a.target == "step:1"]
    assert len(down.points) == 2 and down.points[0][0] == down.points[1][0]  # vertical
    cells = [c for c in layout.pages[0].cells if c.step == 0 and c.role == "lane"]
    assert all(c.box.y < start.box.y and box.box.bottom < c.box.bottom for c in cells[:1])
    assert_every_edge_has_an_arrow(proc, layout)


def test_a_decision_with_a_side_step_in_its_own_row():
    proc = procedure(
        [
            step("Mulai", "A"),
            row(
                "Memeriksa kelengkapan",
                Simbol(pelaksana="B", teks="Lengkap?", keputusan={"ya": 3, "tidak": "minta"}),
                Simbol(id="minta", pelaksana="C", lanjut=2),
            ),
            step("Selesai", "B"),
        ]
    )
    layout = lay_out(proc)
    decision, side = [s for s in drawn(layout) if s.step == 1]
    assert (decision.kind, side.kind) == ("decision", "process")
    assert (decision.columns, side.columns) == ((1,), (2,))
    assert [t.text for t in decision.lines]  # "Lengkap?" drawn inside
    assert all(decision.box.x < t.x < decision.box.right for t in decision.lines)
    tidak = [a for a in arrows(layout) if a.source == "step:1" and a.target == "step:2"]
    assert tidak and tidak[0].label == "Tidak"
    assert_every_edge_has_an_arrow(proc, layout)


def test_three_end_terminators_in_the_last_row():
    proc = procedure(
        [
            step("Mulai", "A", lanjut=[2, "b", "c"]),
            row(
                "Mengarsipkan",
                Simbol(pelaksana="A", selesai=True),
                Simbol(id="b", pelaksana="B", selesai=True),
                Simbol(id="c", pelaksana="C", selesai=True),
            ),
        ]
    )
    layout = lay_out(proc)
    ends = [s for s in drawn(layout) if s.step == 1]
    assert [s.kind for s in ends] == ["terminator"] * 3
    assert [s.columns for s in ends] == [(0,), (1,), (2,)]
    assert_every_edge_has_an_arrow(proc, layout)


def test_joint_step_over_lanes_0_and_2_is_two_symbols_joined_by_a_line():
    proc = procedure(
        [
            step("Mulai", "B"),
            step("Rapat koordinasi", ["A", "C"]),
            step("Selesai", "B"),
        ]
    )
    layout = lay_out(proc)
    first, second = [s for s in drawn(layout) if s.step == 1]
    assert (first.columns, second.columns) == ((0, 2), (2,))
    assert first.box.right < second.box.x
    assert second.part == 1 and second.link is not None
    (x0, y0), (x1, y1) = second.link
    assert (x0, x1) == (first.box.right, second.box.x) and y0 == y1 == first.box.cy
    # arrows attach to the first (leftmost) one
    into = [a for a in arrows(layout) if a.target == "step:1"]
    assert into and all(first.box.x <= a.points[-1][0] <= first.box.right for a in into)
    assert_every_edge_has_an_arrow(proc, layout)


def test_neighbouring_joint_step_stays_one_wide_box():
    proc = procedure([step("Mulai", "A"), step("Rapat", ["B", "C"]), step("Selesai", "A")])
    (joint,) = [s for s in drawn(lay_out(proc)) if s.step == 1]
    assert joint.columns == (1, 2) and joint.part == 0


def test_long_teks_grows_the_box_and_stays_inside():
    teks = "Menyusun dan menandatangani berita acara serah terima barang"
    proc = procedure([step("Mulai", "A"), step("Menyusun", "B", teks=teks), step("Akhir", "C")])
    (box,) = [s for s in drawn(lay_out(proc)) if s.step == 1]
    assert len(box.lines) > 1
    for t in box.lines:
        width = fake_measure(t.text, t.font, t.size)
        assert box.box.x <= t.x - width / 2 and t.x + width / 2 <= box.box.right
        assert box.box.y < t.y < box.box.bottom
        assert 6 <= t.size <= 7
