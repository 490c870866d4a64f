"""model.flow: symbols in row order and the arrows between them (nodes), printed numbers."""

from sopgen.model import Keputusan, Langkah, Simbol
from sopgen.model.flow import (
    BadRef,
    Edge,
    printed_numbers,
    resolve_flow,
    row_edges,
    step_target,
    symbols,
    unresolved_refs,
)
from tests.layout.builders import procedure, step


def flow(*steps):
    return [(e.source, e.target, e.label) for e in resolve_flow(procedure(list(steps)).data)]


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
    assert resolve_flow(p) == []
    assert unresolved_refs(p) == [
        BadRef(0, ("kegiatan", 0, "keputusan", "ya"), 9),
        BadRef(0, ("kegiatan", 0, "keputusan", "tidak"), "tidak-ada"),
        BadRef(1, ("kegiatan", 1, "lanjut"), 0),
    ]


def test_automatic_numbers_with_printed_overrides():
    steps = [step(), step(), step(nomor="2a"), step(), step(nomor=""), step(nomor=10), step()]
    assert printed_numbers(steps) == ("1", "2", "2a", "3", "", "10", "11")


def test_references_go_by_printed_number_or_id():
    steps = [step(), step(nomor="2a", id="cek"), step(lanjut="2a"), step(lanjut=1), step()]
    assert step_target("2a", steps) == 1
    assert step_target("cek", steps) == 1
    assert step_target(2, steps) == 2  # the row printed "2"
    assert step_target(4, steps) == 4  # rows are printed 1, 2a, 2, 3, 4
    assert step_target(5, steps) is None
    assert flow(*steps)[2:4] == [(2, 1, None), (3, 0, None)]


def long_row(*symbols_, uraian="Menandatangani kontrak", **kw):
    return Langkah(uraian=uraian, simbol=list(symbols_), **kw)


def test_several_symbols_in_one_row_chain_left_to_right_then_go_down():
    p = procedure(
        [step(pelaksana="A"), long_row(Simbol(pelaksana="B"), Simbol(pelaksana="C")), step()]
    ).data
    syms = symbols(p)
    assert [(s.node, s.row, s.index_in_row, s.executors) for s in syms] == [
        (0, 0, 0, ("A",)),
        (1, 1, 0, ("B",)),
        (2, 1, 1, ("C",)),
        (3, 2, 0, ("A",)),
    ]
    assert [s.kind for s in syms] == ["terminator", "process", "process", "terminator"]
    assert resolve_flow(p) == [Edge(0, 1, None), Edge(1, 2, None), Edge(2, 3, None)]
    assert row_edges(p) == [Edge(0, 1, None), Edge(1, 2, None)]


def test_a_fork_ends_and_kind_overrides():
    p = procedure(
        [
            step(simbol="proses", lanjut=[2, 3]),
            step(selesai=True),
            step(),
        ]
    ).data
    syms = symbols(p)
    assert [(s.kind, s.is_end) for s in syms] == [
        ("process", False),
        ("terminator", True),
        ("terminator", True),
    ]
    assert [(e.source, e.target) for e in resolve_flow(p)] == [(0, 1), (0, 2)]


def test_decision_labels_are_printed_as_written_or_not_at_all():
    k = Keputusan(ya=3, tidak=[1, 2], label_ya="Lengkap", label_tidak="")
    p = procedure([step(), step(), step(keputusan=k), step()]).data
    assert symbols(p)[2].labels == ("Lengkap", "")
    assert resolve_flow(p)[2:] == [
        Edge(2, 2, "Lengkap", "ya"),
        Edge(2, 0, None, "tidak"),
        Edge(2, 1, None, "tidak"),
    ]


def test_a_procedure_keeps_its_flow_and_a_copy_with_other_data_has_its_own():
    proc = procedure([step(), step(lanjut=1), step()])
    assert proc.flow is proc.flow  # computed once, then shared by check and the views
    assert [(e.source, e.target) for e in proc.edges] == [(0, 1), (1, 0)]
    other = procedure([step(), step(), step(keputusan=(1, 2))]).data
    copy = proc.model_copy(update={"data": other})
    assert [(e.source, e.target, e.label) for e in copy.edges] == [
        (0, 1, None),
        (1, 2, None),
        (2, 0, "Ya"),
        (2, 1, "Tidak"),
    ]
    assert [s.kind for s in copy.symbols] == ["terminator", "process", "decision"]
    assert copy == procedure([step(), step(), step(keputusan=(1, 2))])
    assert proc.numbers == copy.numbers == ("1", "2", "3")
