"""Procedures that once broke the layout, kept as fixed examples (tests/layout/regressions/).

Each file holds the procedure as the property test drew it: executors, steps (texts,
executors, id, decisions as [ya, tidak], lanjut) and the page settings.
"""

import json
from pathlib import Path

import pytest

from sopgen.layout import layout_procedure
from sopgen.layout.audit import audit
from sopgen.layout.style import Style
from tests.layout.builders import fake_measure, procedure, step
from tests.layout.invariants import check_all, hard_faults

HERE = Path(__file__).parent / "regressions"


def load(path: Path):
    data = json.loads(path.read_text(encoding="utf-8"))
    steps = []
    for item in data["steps"]:
        kw = dict(item)
        uraian, pelaksana = kw.pop("uraian"), kw.pop("pelaksana")
        if "keputusan" in kw:
            kw["keputusan"] = tuple(kw["keputusan"])
        steps.append(step(uraian, pelaksana, **kw))
    style = Style(paper=data["paper"], show_total=data["show_total"])
    return procedure(steps, data["pelaksana"]), style


@pytest.mark.parametrize("path", sorted(HERE.glob("*.json")), ids=lambda p: p.stem)
def test_former_failures_lay_out_and_keep_every_rule(path):
    p, style = load(path)
    layout = layout_procedure(p, "01/SOP/2024", style, fake_measure)
    check_all(layout, p, style)
    found = audit(layout, style, fake_measure)
    assert not hard_faults(found), found.notes


def test_many_arrows_into_one_symbol_join_into_one_entry():
    p, style = load(HERE / "converging_arrows.json")
    layout = layout_procedure(p, "01/SOP/2024", style, fake_measure)
    for page in layout.pages:
        heads = {}
        for a in page.arrows:
            if a.head and a.target.startswith("step:"):
                heads.setdefault(a.target, []).append(a)
        # the 21st step has five arrows coming in: they share entries
        if "step:20" in heads:
            into = [a for a in page.arrows if a.target == "step:20"]
            assert len(heads["step:20"]) < len(into)


def test_one_narrow_lane_with_loops_nested_back_lays_out_with_real_fonts():
    # 21 steps of one executor, four decisions looping back over each other: the tight
    # lane has too few tracks beside the symbols, so the layout retries with wider lanes
    # (it used to end in 'tidak dapat digambar')
    from sopgen.render.fonts import measure

    p, style = load(HERE / "one_lane_four_loops.json")
    layout = layout_procedure(p, "01/SOP/2024", style, measure)
    check_all(layout, p, style)
    steps = {a.target for page in layout.pages for a in page.arrows}
    assert {"step:1", "step:2", "step:4", "step:0"} <= steps  # the four loops' targets


def test_many_connectors_under_one_lane_keep_their_size():
    # Property seed 2: seven off-page connectors under one narrow lane were squeezed to
    # a negative width and arrows ended off them. Now the page takes fewer rows when
    # they do not fit.
    p, style = load(HERE / "connectors_crowding_one_lane.json")
    layout = layout_procedure(p, "01/SOP/2024", style, fake_measure)
    for page in layout.pages:
        for c in page.offpage:
            assert c.box.w >= 2 * style.track_gap and c.box.h > 0


@pytest.mark.parametrize("real_fonts", [False, True], ids=["fake", "real"])
def test_a_tidak_beside_a_short_first_segment_stays_in_its_lane(real_fonts):
    # BPS SOP-023: the Tidak leaves the diamond's left vertex a few points from the lane
    # line and goes back to the lane on the left; slid along that short segment, its
    # label stood past the lane line, in the other executor's lane
    from sopgen.layout.audit import label_box
    from sopgen.render.fonts import measure as real

    measure = real if real_fonts else fake_measure
    p, style = load(HERE / "tidak_label_past_its_lane_line.json")
    layout = layout_procedure(p, "01/SOP/2024", style, measure)
    tidak = [(page, a) for page in layout.pages for a in page.arrows if a.label == "Tidak"]
    assert tidak
    for page, a in tidak:
        ex = a.points[0][0]
        lane = next(c.box for c in page.cells if c.role == "lane" and c.box.x < ex < c.box.right)
        x0, _, x1, _ = label_box(a, style, measure)
        assert lane.x <= x0 and x1 <= lane.right, (a.points, (x0, x1), (lane.x, lane.right))
