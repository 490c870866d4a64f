"""A lane widened for its own decision's labels (columns.lane_widths): the other lanes
give the room, the table keeps its width, and the labels stand in their lane."""

import pytest

from sopgen.layout import layout_procedure, page_context
from sopgen.layout.audit import audit
from sopgen.layout.style import MM, Style
from sopgen.model import Keputusan
from tests.layout.builders import fake_measure, procedure, step
from tests.layout.invariants import check_all
from tests.layout.test_regressions import HERE, load

STYLE = Style()


NAMES = ("A", "B", "C", "Kesekretariatannya")  # its 18 letters make every lane 69 pt


def disposition(label_ya="Teknis", label_tidak="Administratif"):
    """BPS SOP-025's 'Tujuan Disposisi': a decision in lane B whose Tidak goes to the
    symbol straight below it and whose Ya goes to lane A, with the agency's labels."""
    keputusan = Keputusan(ya=3, tidak=4, label_ya=label_ya, label_tidak=label_tidak)
    steps = [
        step(pelaksana="B"),
        step(pelaksana="B", keputusan=keputusan),
        step(pelaksana="A", lanjut=5),
        step(pelaksana="B"),
        step(pelaksana="B"),
    ]
    return procedure(steps, NAMES)


def test_a_lane_whose_label_needs_room_is_widened_from_the_other_lanes():
    plain = page_context(disposition("Ya", "Tidak"), "x", STYLE, fake_measure).columns
    wide = page_context(disposition(), "x", STYLE, fake_measure).columns
    assert len({lane.w for lane in plain.lanes}) == 1  # the usual labels: one width
    assert plain.lane_w == pytest.approx(69.0)
    a, b, c, d = (lane.w for lane in wide.lanes)
    # "Administratif": 13 characters of 7 pt = 45.5 pt, beside a line down the lane's
    # middle 3.5 pt off it and 1.5 pt from the lane line: 2 * 50.5 pt
    assert b == pytest.approx(101.0)
    # A and C would be 16 mm (45.35 pt) on their own: they give the 32 pt, half each;
    # D's long name keeps its lane
    assert a == c == pytest.approx(69.0 - 16.0)
    assert d == pytest.approx(69.0)
    assert wide.lanes_x1 - wide.lanes_x0 == pytest.approx(plain.lanes_x1 - plain.lanes_x0)
    assert wide.x1 == pytest.approx(plain.x1)


def test_a_long_tidak_label_to_the_symbol_below_goes_straight_down():
    # Its label fits beside the line down the widened lane, so the decision leaves as the
    # agency drew it: the Tidak down, the Ya by the side facing its target; no crossing.
    p = disposition()
    layout = layout_procedure(p, "x", STYLE, fake_measure)
    check_all(layout, p, STYLE)
    (page,) = layout.pages
    decision = page.symbols[1]
    tidak = next(a for a in page.arrows if a.label == "Administratif")
    assert tidak.points[0] == pytest.approx((decision.box.cx, decision.box.bottom))
    assert len(tidak.points) == 2  # straight down
    found = audit(layout, STYLE, fake_measure)
    assert found.crossings == 0 and not any(found.hard().values()), found.notes
    assert found.labels_outside_lanes == 0


def test_symbols_keep_one_size_across_lanes_of_different_widths():
    (page,) = layout_procedure(disposition(), "x", STYLE, fake_measure).pages
    boxes = [s.box for s in page.symbols if s.kind == "process"]
    assert len({round(b.w, 6) for b in boxes}) == 1
    lanes = [c.box for c in page.cells if c.role == "lane" and c.step == 0]
    for s in page.symbols:  # centred in its lane
        lane = next(ln for ln in lanes if ln.x <= s.box.cx <= ln.right)
        assert s.box.cx == pytest.approx(lane.cx)


def test_a_tidak_in_a_narrow_first_lane_of_twelve_stands_in_its_lane():
    # Twelve lanes of 35 pt: a Tidak beside a line down the first lane's middle needs
    # 45 pt. It used to stand over the Kegiatan column.
    p, style = load(HERE / "decision_label_across_an_arrow.json")
    layout = layout_procedure(p, "x", style, fake_measure)
    found = audit(layout, style, fake_measure)
    assert found.labels_outside_lanes == 0, found.notes
    assert not any(found.hard().values()), found.notes


APP = "Aplikasi FRS MFD Online level kab/kota"  # BPS SOP-054's executor


def test_a_name_in_more_than_three_lines_widens_its_lane_from_the_text_columns():
    steps = [step(pelaksana="A"), step(pelaksana=APP)]
    cols = page_context(procedure(steps, ("A", APP, "C", "D")), "x", STYLE, fake_measure).columns
    a, app, c, d = (lane.w for lane in cols.lanes)
    # 7 pt bold, 3.5 pt a character: five lines in a 16 mm lane; three ("Aplikasi FRS",
    # "MFD Online", "level kab/kota": 49 pt, with 6 pt padding) from 16 mm + 5 steps of
    # 2 pt
    assert app == pytest.approx(16 * MM + 10.0)
    assert a == c == d == pytest.approx(16 * MM)
    assert cols.x1 == pytest.approx(MM * 282)  # the table keeps its width


def test_a_table_of_many_lanes_has_no_room_to_widen_one_for_its_name():
    names = [APP] + [f"P{i}" for i in range(14)]
    steps = [step(pelaksana=APP), step(pelaksana="P1")]
    cols = page_context(procedure(steps, names), "x", STYLE, fake_measure).columns
    assert len({round(lane.w, 6) for lane in cols.lanes}) == 1
