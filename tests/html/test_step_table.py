"""The handbook's step table: each row names every kind of symbol it holds, and a jump
two symbols of a row share is written once."""

from __future__ import annotations

from sopgen.model.steps import Keputusan, Langkah, Simbol
from sopgen.render.html.rows import flow_notes, row_kinds
from tests.layout.builders import procedure


def _proc():
    return procedure(
        [
            # a start and a process in one row (real SOPs: "Mulai" beside the first box)
            Langkah(
                uraian="Menerima berkas",
                simbol=[Simbol(pelaksana="A", jenis="terminator"), Simbol(pelaksana="B")],
            ),
            Langkah(
                uraian="Memeriksa berkas",
                simbol=[
                    Simbol(pelaksana="A", lanjut=3),
                    Simbol(pelaksana="B", keputusan=Keputusan(ya=3, tidak=1)),
                ],
            ),
            Langkah(uraian="Mengarsipkan", pelaksana="C"),
        ],
        pelaksana=("A", "B", "C"),
    )


def test_a_row_names_every_kind_of_symbol_it_holds():
    proc = _proc()
    kinds = row_kinds(proc, proc.symbols, proc.edges)
    assert kinds == [
        ("terminator", "Mulai, Proses"),
        ("process", "Proses, Keputusan"),
        ("terminator", "Selesai"),
    ]


def test_a_jump_two_symbols_share_is_written_once():
    proc = _proc()
    notes = flow_notes(1, proc, proc.symbols, proc.edges)
    assert [(n.label, n.number) for n in notes] == [("Lanjut", "3"), ("Ya", "3"), ("Tidak", "1")]


def test_a_decision_exit_is_named_as_printed_and_by_its_symbol_in_a_busy_row():
    proc = procedure(
        [
            Langkah(uraian="Menerima berkas", pelaksana="A"),
            Langkah(
                uraian="Memeriksa dan memilah berkas",
                simbol=[
                    Simbol(
                        pelaksana="A",
                        teks="Lengkap?",
                        keputusan=Keputusan(ya=3, tidak=1, label_ya="Lengkap", label_tidak=""),
                    ),
                    Simbol(pelaksana="B", teks="Rahasia?", keputusan=Keputusan(ya=3, tidak=3)),
                ],
            ),
            Langkah(uraian="Mengarsipkan", pelaksana="C"),
        ],
        pelaksana=("A", "B", "C"),
    )
    notes = flow_notes(1, proc, proc.symbols, proc.edges)
    assert [(n.label, n.number, n.kind) for n in notes] == [
        ("Lengkap? Lengkap", "3", "ya"),
        ("Lengkap? Tidak", "1", "tidak"),  # no label printed: the reader still needs one
        ("Rahasia? Ya", "3", "ya"),
        ("Rahasia? Tidak", "3", "tidak"),
    ]


def test_a_two_way_arrow_is_named_by_the_executors_it_joins():
    """bolak_balik stays within its row: the table names who exchanges, not a jump."""
    proc = procedure(
        [
            Langkah(uraian="Menerima berkas", pelaksana="A"),
            Langkah(
                uraian="Berkonsultasi",
                simbol=[Simbol(pelaksana="A", bolak_balik="b"), Simbol(id="b", pelaksana="B")],
            ),
            Langkah(uraian="Mengarsipkan", pelaksana="C"),
        ],
        pelaksana=("A", "B", "C"),
    )
    notes = flow_notes(1, proc, proc.symbols, proc.edges)
    assert [(n.label, n.between, n.kind) for n in notes] == [
        ("Bolak-balik", "A dan B", "bolak-balik")
    ]
    assert row_kinds(proc, proc.symbols, proc.edges)[1] == ("process", "Proses")
