"""Off-page connector pairs: arrows from one step across one page break share a pair
that forks after its "in" half (connectors.pair_keys)."""

from sopgen.layout import layout_procedure
from sopgen.layout.connectors import pair_keys
from sopgen.layout.style import Style
from sopgen.model.flow import resolve_flow
from tests.layout.builders import fake_measure, procedure, step
from tests.layout.invariants import check_all

STYLE = Style()
LONG = "Menyusun dan memeriksa konsep laporan kinerja instansi pemerintah " * 3


def lay_out(p):
    layout = layout_procedure(p, "01/SOP/2024", STYLE, fake_measure)
    check_all(layout, p, STYLE)
    return layout


def decision_at_a_break():
    """A decision on the last row of the first page whose Ya and Tidak both go to the
    second page (the first row of the second page does not continue from the decision)."""
    probe = lay_out(procedure([step(LONG, pelaksana="A") for _ in range(24)]))
    last = probe.pages[0].steps[-1]  # the decision's row
    steps = [step(LONG, pelaksana="A") for _ in range(24)]
    steps[last - 1] = step(LONG, pelaksana="A", lanjut=last + 2)  # over the decision: to it
    steps[last] = step(LONG, pelaksana="B", keputusan=(last + 3, last + 4))
    steps[last + 1] = step(LONG, pelaksana="D", lanjut=last + 3)
    return procedure(steps), last


def test_a_decision_whose_two_exits_cross_a_break_uses_one_pair():
    p, d = decision_at_a_break()
    layout = lay_out(p)
    page_of = {s: pg for pg in layout.pages for s in pg.steps}
    first, second = page_of[d], page_of[d + 2]
    assert first.index + 1 == second.index == page_of[d + 3].index
    into = [a for a in first.arrows if a.source == f"step:{d}"]
    assert len(into) == 1 and into[0].target.startswith("offpage:")  # one arrow, one pair
    letter = into[0].target[8:]
    assert [c.direction for c in first.offpage if c.label == letter] == ["out"]
    assert [c.direction for c in second.offpage if c.label == letter] == ["in"]
    out = next(c for c in first.offpage if c.label == letter)
    inn = next(c for c in second.offpage if c.label == letter)
    assert out.column == inn.column  # the two halves stand in one column
    fork = [a for a in second.arrows if a.source == f"offpage:{letter}"]
    assert sorted(a.target for a in fork) == [f"step:{d + 2}", f"step:{d + 3}"]
    assert sorted(a.tail for a in fork) == [False, True]  # one forks from the other
    labels = {a.target: a.label for a in fork}
    assert labels == {f"step:{d + 2}": "Ya", f"step:{d + 3}": "Tidak"}
    assert all(a.label_at is not None for a in fork)  # each label drawn, after the fork


def test_a_pair_joins_into_a_target_when_its_sources_are_far_from_it():
    # a target with two far arrows in keeps the joining pair (one "in" connector)
    steps = [step(LONG, pelaksana="A") for _ in range(30)]
    steps[2] = step(LONG, pelaksana="B", keputusan=(4, 29))
    steps[3] = step(LONG, pelaksana="C", lanjut=29)
    flow = resolve_flow(procedure(steps).data)
    keys = pair_keys(flow)
    assert {keys[k] for k, e in enumerate(flow) if e.target == 28} == {"#28d"}
    # step 3's Ya to the next row and Tidak far ahead would fork from one pair, but
    # step 28 has another far arrow in (from step 4): the arrows into 28 join instead
    assert {keys[k] for k, e in enumerate(flow) if e.source == 2} == {"#3d", "#28d"}


def test_arrows_from_one_step_to_several_later_rows_share_its_pair():
    steps = [step(LONG, pelaksana="A") for _ in range(12)]
    steps[3] = step(LONG, pelaksana="B", keputusan=(6, 9))
    steps[4] = step(LONG, pelaksana="C", selesai=True)
    steps[7] = step(LONG, pelaksana="C", selesai=True)
    flow = resolve_flow(procedure(steps).data)
    keys = pair_keys(flow)
    assert {keys[k] for k, e in enumerate(flow) if e.source == 3} == {"#>3d"}
    # a loop back keeps its target's pair
    steps[10] = step(LONG, pelaksana="D", keputusan=(12, 1))
    flow = resolve_flow(procedure(steps).data)
    assert pair_keys(flow)[next(k for k, e in enumerate(flow) if e.target == 0)] == "#0u"
