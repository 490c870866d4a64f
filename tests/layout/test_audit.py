"""The layout audit: it finds each fault on a hand-made page, and finds none on the
seed binder's procedures."""

from pathlib import Path

import pytest

from sopgen.layout import layout_procedure
from sopgen.layout.audit import audit
from sopgen.layout.geometry import Arrow, Box, Cell, Page, ProcedureLayout, Symbol, Text
from sopgen.layout.style import Style
from tests.layout.builders import fake_measure

STYLE = Style()
ROOT = Path(__file__).resolve().parents[2]


def page(symbols=(), arrows=(), texts=(), cells=None) -> ProcedureLayout:
    """Two lanes (x 100-200, 200-300), two rows (y 100-160, 160-220)."""
    if cells is None:
        cells = [
            Cell(Box(x, y, 100, 60), role="lane" if x >= 100 else "kegiatan", step=step)
            for step, y in enumerate((100, 160))
            for x in (0, 100, 200)
        ]
    p = Page(
        width=400,
        height=300,
        index=0,
        steps=(0, 1),
        cells=tuple(cells),
        texts=tuple(texts),
        symbols=tuple(symbols),
        arrows=tuple(arrows),
        offpage=(),
        table=Box(0, 100, 300, 120),
    )
    return ProcedureLayout("uji", (p,))


BOX0 = Symbol(0, "process", Box(125, 115, 50, 30), (0,))
BOX1 = Symbol(1, "process", Box(125, 175, 50, 30), (0,))
DIAMOND1 = Symbol(1, "decision", Box(130, 170, 40, 40), (0,))
DOWN = Arrow(((150, 145), (150, 175)), "step:0", "step:1")


def counts(layout):
    found = audit(layout, STYLE, fake_measure)
    labels = {k: getattr(found, k) for k in found.LABELS}
    return {k: v for k, v in {**found.hard(), **labels}.items() if v}


def test_a_clean_page_has_no_fault():
    assert counts(page([BOX0, BOX1], [DOWN])) == {}


def test_an_arrow_through_a_symbol():
    middle = Symbol(2, "process", Box(140, 150, 20, 8), (0,))
    assert counts(page([BOX0, BOX1, middle], [DOWN])) == {"through_symbols": 1}


def test_an_arrow_entering_a_decision_beside_its_vertex():
    off = Arrow(((150, 145), (150, 155), (140, 155), (140, 180)), "step:0", "step:1")
    assert counts(page([BOX0, DIAMOND1], [off])) == {"decision_entries_off_vertex": 1}
    at_vertex = Arrow(((150, 145), (150, 170)), "step:0", "step:1")
    assert counts(page([BOX0, DIAMOND1], [at_vertex])) == {}


def test_arrows_too_close_and_heads_on_each_other():
    beside = Arrow(((151, 145), (151, 175)), "step:0", "step:1")
    found = counts(page([BOX0, BOX1], [DOWN, beside]))
    assert found == {"too_close": 1, "overlapping_heads": 1}


def test_arrows_of_other_exits_and_targets_on_one_line():
    # a loop coming up x=250 to step 1 and a branch from step 0 going down x=250 to
    # step 2, ending 1 pt apart: one line to the eye (which step does the loop reach?)
    loop = Arrow(((250, 215), (250, 180), (290, 180)), "offpage:A", "step:1")
    branch = Arrow(((230, 120), (250, 120), (250, 179), (240, 179)), "step:0", "step:2")
    assert counts(page([], [loop, branch])) == {"sharing_track": 1}
    apart = Arrow(((230, 120), (250, 120), (250, 170), (240, 170)), "step:0", "step:2")
    assert counts(page([], [loop, apart])) == {}
    # a fork's branches share their exit, a join's arrows their target: no fault
    fork = Arrow(((230, 120), (250, 120), (250, 179), (240, 179)), "offpage:A", "step:2")
    join = Arrow(((230, 120), (250, 120), (250, 179), (240, 179)), "step:0", "step:1")
    assert counts(page([], [loop, fork])) == counts(page([], [loop, join])) == {}


def test_a_segment_along_a_table_line():
    along = Arrow(((175, 130), (200, 130), (200, 190), (175, 190)), "step:0", "step:1")
    assert counts(page([BOX0, BOX1], [along])) == {"along_table_lines": 1}


def test_a_horizontal_run_beside_a_row_line_counts_as_along_it():
    # 2 pt above the row line at y=160: at print size it merges with the ruling.
    hugging = Arrow(((150, 145), (150, 158), (250, 158), (250, 175)), "step:0", "step:1")
    box1 = Symbol(1, "process", Box(225, 175, 50, 30), (1,))
    assert counts(page([BOX0, box1], [hugging])) == {"along_table_lines": 1}
    clear = Arrow(((150, 145), (150, 152), (250, 152), (250, 175)), "step:0", "step:1")
    assert counts(page([BOX0, box1], [clear])) == {}


def test_text_crossed_by_an_arrow_and_text_outside_its_cell():
    crossed = Text(140, 158, "surat", size=8)  # over the arrow at x=150
    outside = Text(90, 130, "panjang sekali", size=8)  # runs from the Kegiatan cell into a lane
    found = counts(page([BOX0, BOX1], [DOWN], [crossed, outside]))
    assert found == {"crossing_text": 1, "text_outside_cell": 1}


def test_a_label_away_from_its_exit():
    far = Arrow(((150, 145), (150, 175)), "step:0", "step:1", "Ya", (250, 200))
    assert counts(page([BOX0, BOX1], [far])) == {"labels_away": 1, "labels_in_other_lanes": 1}
    near = Arrow(((150, 145), (150, 175)), "step:0", "step:1", "Ya", (154, 155))
    assert counts(page([BOX0, BOX1], [near])) == {}


def test_a_label_touching_or_crossing_a_table_line():
    # an exit 10 pt left of the lane line at x=200, in the row above the line at y=160
    def right_exit(label, at, source="step:0"):
        return Arrow(((190, 130), (215, 130), (215, 175)), source, "step:1", label, at)

    # astride the lane line: also partly in the next executor's lane
    across = {"labels_on_lines": 1, "labels_in_other_lanes": 1}
    assert counts(page([BOX0], [right_exit("Tidak", (192, 126))])) == across
    assert counts(page([BOX0], [right_exit("Ya", (192.8, 126))])) == {"labels_on_lines": 1}
    assert counts(page([BOX0], [right_exit("Ya", (192, 126))])) == {}
    down = Arrow(((150, 145), (150, 175)), "offpage:A", "step:1", "Ya", (154, 160.5))
    assert counts(page([BOX1], [down])) == {"labels_on_lines": 1}


def test_a_label_outside_the_lanes():
    # an exit 5 pt right of the first lane's line (x=100); the label left of the line,
    # over the Kegiatan column, touching nothing
    def exit_(at):
        return Arrow(((105, 130), (105, 175)), "step:0", "step:1", "Ya", at)

    assert counts(page([], [exit_((100 - 1 - 7, 128))])) == {"labels_outside_lanes": 1}
    assert counts(page([], [exit_((108, 128))])) == {}


def test_a_label_in_the_next_executors_lane():
    # a Tidak leaving a decision in the first lane (x 100-200) to the right, its label
    # past the lane line over the second lane's empty cell: read as that lane's label
    def right_exit(at):
        return Arrow(((190, 130), (250, 130), (250, 175)), "step:0", "step:1", "Tidak", at)

    assert counts(page([], [right_exit((204, 126))])) == {"labels_in_other_lanes": 1}
    assert counts(page([], [right_exit((172, 126))])) == {}


def test_a_label_touching_an_arrowhead():
    # the head into BOX1 at (150, 175) is 5 pt long and 2.25 pt wide on each side
    def down(at):
        return Arrow(((150, 150), (150, 175)), "offpage:A", "step:1", "Ya", at)

    assert counts(page([BOX1], [down((151.5, 173))])) == {"labels_on_heads": 1}
    assert counts(page([BOX1], [down((153, 173))])) == {}


def test_a_label_on_the_far_side_of_its_decision():
    # a Tidak leaving by the left vertex of a 20 pt diamond, its label right of the top
    diamond = Symbol(0, "decision", Box(140, 120, 20, 20), (0,))

    def left(at):
        return Arrow(((140, 130), (120, 130), (120, 175)), "step:0", "step:1", "Tidak", at)

    assert counts(page([diamond], [left((151, 118))])) == {"labels_across_decision": 1}
    assert counts(page([diamond], [left((122, 126))])) == {}


def test_the_seed_binder_has_no_fault():
    try:
        from sopgen.build import load_project
    except ImportError:  # before the package moves
        from sopgen.load import load_project
    from sopgen.render.fonts import measure

    data = ROOT / "data" / "sekretariat"
    if not data.exists():
        pytest.skip("data/sekretariat tidak ada")
    project = load_project(data)
    for procedure in project.procedures:
        layout = layout_procedure(procedure, "x", STYLE, measure)
        found = audit(layout, STYLE, measure)
        assert sum(found.hard().values()) == 0, (procedure.id, found.notes)
        assert not any(getattr(found, k) for k in found.LABELS), (procedure.id, found.notes)
