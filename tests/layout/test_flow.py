"""resolve_flow: the arrows of a procedure as (source, target, label) step indexes."""

from sopgen.layout import BadRef, resolve_flow, unresolved_refs
from tests.layout.builders import procedure, step


def flow(*steps):
    return [tuple(e) for e in resolve_flow(procedure(list(steps)).data)]


def test_default_edges_go_to_the_next_row_and_the_last_step_has_none():
    assert flow(step(), step(), step()) == [(0, 1, None), (1, 2, None)]
    assert flow(step()) == []


def test_a_decision_has_only_its_two_exits_by_number_or_id():
    edges = flow(
        step(id="mulai"),
        step(keputusan=(4, "mulai")),  # Ya -> step 4, Tidak -> the step with id "mulai"
        step(),
        step(),
    )
    assert edges == [(0, 1, None), (1, 3, "Ya"), (1, 0, "Tidak"), (2, 3, None)]


def test_lanjut_replaces_the_default_edge():
    assert flow(step(lanjut=3), step(), step(lanjut="1")) == [
        (0, 2, None),
        (1, 2, None),
        (2, 0, None),
    ]


def test_a_decision_in_the_last_row_still_has_its_exits():
    assert flow(step(), step(keputusan=(1, 2))) == [(0, 1, None), (1, 0, "Ya"), (1, 1, "Tidak")]


def test_bad_references_are_skipped_and_listed_without_raising():
    p = procedure([step(keputusan=(9, "tidak-ada")), step(lanjut=0), step()]).data
    assert [tuple(e) for e in resolve_flow(p)] == []
    assert unresolved_refs(p) == [
        BadRef(0, "keputusan.ya", 9),
        BadRef(0, "keputusan.tidak", "tidak-ada"),
        BadRef(1, "lanjut", 0),
    ]
