"""One symbol per step: its kind, its executor column(s), its size."""

import pytest

from sopgen.layout import layout_procedure, page_context
from sopgen.layout.style import MM, Style
from tests.layout.builders import fake_measure, procedure, step
from tests.layout.invariants import check_all

STYLE = Style()
CONTENT_W = 267 * MM


def lanes(p, style=STYLE):
    """(x of the first lane, lane width) as the layout sized them."""
    cols = page_context(p, "x", style, fake_measure).columns
    return cols.lanes_x0, cols.lane_w


def symbols(p, style=STYLE):
    layout = layout_procedure(p, "x", style, fake_measure)
    check_all(layout, p, style)
    return [s for page in layout.pages for s in page.symbols]


def test_kinds_first_and_last_are_terminators_decisions_win():
    p = procedure([step(keputusan=(2, 3)), step(), step(), step(keputusan=(1, 2))])
    assert [s.kind for s in symbols(p)] == ["decision", "process", "process", "decision"]
    p = procedure([step(), step(), step()])
    assert [s.kind for s in symbols(p)] == ["terminator", "process", "terminator"]
    assert [s.kind for s in symbols(procedure([step()]))] == ["terminator"]


def test_each_symbol_sits_in_its_executor_column():
    p = procedure([step(pelaksana=e) for e in ("C", "A", "D", "B")])
    lanes_x, lane_w = lanes(p)
    for sym, lane in zip(symbols(p), (2, 0, 3, 1), strict=False):
        assert sym.columns == (lane,)
        assert sym.box.cx == pytest.approx(lanes_x + (lane + 0.5) * lane_w)


def test_a_joint_step_spans_its_columns_minus_the_gutters():
    p = procedure(
        [step(pelaksana="A"), step(pelaksana=["B", "C", "D"]), step(pelaksana=["D", "B"])]
    )
    lanes_x, lane_w = lanes(p)
    gutter = (lane_w - lane_w * 0.7) / 2  # the gutter a single symbol leaves in its lane
    _, joint, apart, apart_d = symbols(p)
    assert joint.columns == (1, 2, 3)
    assert joint.box.x == pytest.approx(lanes_x + lane_w + gutter)
    assert joint.box.right == pytest.approx(lanes_x + 4 * lane_w - gutter)
    # not neighbours: one box in B and one in D, joined by a line (never over C)
    assert apart.columns == (1, 3) and apart_d.columns == (3,) and apart_d.part == 1
    assert apart.box.x == pytest.approx(joint.box.x)
    assert apart.box.right == pytest.approx(lanes_x + 2 * lane_w - gutter)
    assert apart_d.box.right == pytest.approx(joint.box.right)
    assert apart_d.link == ((apart.box.right, apart.box.cy), (apart_d.box.x, apart_d.box.cy))


def test_decision_is_a_flat_diamond_within_the_width_rule():
    p = procedure([step(), step(keputusan=(3, 1)), step()])
    decision = symbols(p)[1]
    _, lane_w = lanes(p)
    assert decision.box.w == pytest.approx(min(18 * MM, lane_w * 0.7))
    assert decision.box.h == pytest.approx(decision.box.w * 0.7)  # Style.decision_ratio
    wide = Style(lane_min=60 * MM, lane_max=60 * MM)  # very wide lanes: the style sizes cap it
    decision = symbols(p, wide)[1]
    assert decision.box.w == pytest.approx(18 * MM)
    box = symbols(p, wide)[0]
    assert (box.box.w, box.box.h) == (pytest.approx(25 * MM), pytest.approx(10 * MM))


def test_narrow_lanes_keep_the_minimum_gutter():
    names = [f"P{i}" for i in range(12)]
    p = procedure([step(pelaksana=n) for n in names], pelaksana=names)
    _, lane_w = lanes(p)
    assert lane_w == pytest.approx(0.55 * CONTENT_W / 12)  # lanes_max of the table
    for sym in symbols(p):
        assert sym.box.w == pytest.approx(min(lane_w * 0.7, lane_w - 2 * 5))


def test_a_box_over_every_lane_leaves_a_channel_beside_it():
    # a meeting of all executors: 2.5 track gaps (10 pt) free between the box and the
    # table's outer lane lines, on both sides, for the arrows that must pass it
    p = procedure([step(), step(pelaksana=["A", "B", "C", "D"]), step()])
    meeting = symbols(p)[1]
    lanes_x, lane_w = lanes(p)
    assert meeting.box.x == pytest.approx(lanes_x + 2.5 * 4)
    assert meeting.box.right == pytest.approx(lanes_x + 4 * lane_w - 2.5 * 4)
