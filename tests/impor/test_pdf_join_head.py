"""An arrow that joins another arrow's line with an arrowhead of its own (hrm-059 of the
corpus: a step feeding a loop already under way draws its arrow down onto the loop's line,
the head's tip on that line, the shaft stopping at the head's base). The joining step goes
where the joined line goes; its head is no loose end and the step no end of the flow."""

from __future__ import annotations

from dataclasses import replace

import pytest
from pdf_draw import Step, Style, draw
from test_pdf_variants import _expected_links, assert_flow_read

from sopgen.impor.pdf import read_pdf

STEPS = [
    # a fork: into row 2 (across, then down column 1 past row 1) and into row 1 (column 2)
    Step("1", "Menerima berkas usulan", 0, "terminator", (1, 2)),
    # down, then across onto the line of the arrow from row 1 into row 3
    Step("2", "Memeriksa berkas usulan", 2, "process", (2,), join_head=True),
    Step("3", "Menyusun laporan", 1, "process", (3,)),
    Step("4", "Mengarsipkan laporan", 1, "terminator", ()),
]


@pytest.mark.parametrize("open_heads", [False, True], ids=["kepala-penuh", "kepala-terbuka"])
def test_arrow_joining_a_line_with_its_own_head(tmp_path, open_heads):
    style = Style(executors=("Staf", "Kepala Seksi", "Kepala Bagian"), identity=None)
    style = replace(style, open_heads=open_heads)
    draw(tmp_path / "gabung.pdf", STEPS, style)
    sop = read_pdf(tmp_path / "gabung.pdf")
    assert_flow_read(sop, STEPS)
    assert _expected_links(STEPS) == {(0, 1, None), (0, 2, None), (1, 2, None), (2, 3, None)}
    assert not [u.message for u in sop.uncertain if u.field == "lanjut"]


def test_arrow_with_a_head_at_each_end_goes_there_and_back(tmp_path):
    """A line with an arrowhead at each end between two rows is two arrows, there and back,
    and said so for the officer (within one row it is one two-way arrow, bolak_balik: the
    corpus tests, archives-076 and monitoring-078); the rulings of an identity block
    printed above the table on the same page, running across the executor columns, are no
    arrows."""
    steps = [
        Step("1", "Menerima berkas usulan", 0, "terminator", (1,)),
        Step("2", "Memeriksa berkas usulan", 1, "process", (2,), two_way=True),
        Step("3", "Mengarsipkan laporan", 2, "terminator", ()),
    ]
    style = Style(
        executors=("Staf", "Kepala Seksi", "Kepala Bagian"), identity_above=True, page="A4-portrait"
    )
    draw(tmp_path / "dua-arah.pdf", steps, style)
    sop = read_pdf(tmp_path / "dua-arah.pdf")
    row_of = {s.id: s.row for s in sop.shapes}
    assert {(row_of[lk.source], row_of[lk.target]) for lk in sop.links} == {
        (0, 1),
        (1, 2),
        (2, 1),
    }
    notes = [u.message for u in sop.uncertain if u.field == "lanjut"]
    assert notes == [
        "panah berkepala dua dari baris 2 ke baris 3 dibaca sebagai dua panah (pergi dan "
        "kembali): 'bolak_balik' hanya untuk dua simbol dalam satu baris; periksa arah alurnya"
    ]


def test_box_hidden_under_a_cell_filled_over_it_is_no_symbol(tmp_path):
    """A box left behind in a cell that is then filled white over it is not seen on the
    page (administrative-029, Pengajuan Belanja Akun 524111 row 5): it is no symbol, so the
    step keeps its one symbol and its arrows."""
    steps = [
        Step("1", "Menerima berkas usulan", 0, "terminator", (1,)),
        Step("2", "Memeriksa berkas usulan", 1, "process", (2,), hidden=2),
        Step("3", "Mengarsipkan laporan", 2, "terminator", ()),
    ]
    style = Style(executors=("Staf", "Kepala Seksi", "Kepala Bagian"), identity=None)
    draw(tmp_path / "tersembunyi.pdf", steps, style)
    sop = read_pdf(tmp_path / "tersembunyi.pdf")
    assert_flow_read(sop, steps)
    assert [u.message for u in sop.uncertain if u.row is not None] == []


def test_arrow_starting_well_off_its_symbol_leaves_the_nearest_one(tmp_path):
    """An arrow into a symbol whose other end touches nothing, 15 points under the symbol it
    comes from (administrative-099 row 5: the diamond's Ya exit starts beside the diamond):
    it leaves that symbol, and the officer is told it was taken so."""
    steps = [
        Step("1", "Menerima berkas usulan", 0, "terminator", (1,)),
        Step("2", "Memeriksa berkas usulan", 0, "process", (2,), start_gap=15.0),
        Step("3", "Mengarsipkan laporan", 0, "terminator", ()),
    ]
    style = Style(executors=("Staf", "Kepala Seksi"), identity=None)
    draw(tmp_path / "renggang.pdf", steps, style)
    sop = read_pdf(tmp_path / "renggang.pdf")
    assert_flow_read(sop, steps)
    notes = [u.message for u in sop.uncertain if u.row is not None]
    assert len(notes) == 1 and "berhenti sebelum simbol di baris 2" in notes[0]


def test_arrow_shorter_than_its_head_leaves_its_symbol(tmp_path):
    """Symbols stacked close: the line between them is shorter than the arrowhead at its end
    (hrm-054 page 3: from off-page connector 2 into the box under it), so the line's tail
    lies near the head's base; it is still the tail, on the symbol the arrow leaves."""
    steps = [
        Step("1", "Menerima berkas usulan", 0, "terminator", (1,)),
        Step("2", "Memeriksa berkas usulan", 0, "process", (2,)),
        Step("3", "Mengarsipkan laporan", 0, "terminator", ()),
    ]
    style = Style(executors=("Staf", "Kepala Seksi"), identity=None, row_height=27.5)
    draw(tmp_path / "rapat.pdf", steps, style)
    sop = read_pdf(tmp_path / "rapat.pdf")
    assert_flow_read(sop, steps)
    assert [u.message for u in sop.uncertain if u.row is not None] == []
