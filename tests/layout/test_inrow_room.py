"""A row whose own symbols are joined by arrows that pass above or below a symbol (to a
symbol that is not the neighbour, or back to it) is tall enough for those arrows to run
clear of the symbols and of the row's rulings, as a reader sees it; a row without such
arrows keeps its height."""

from __future__ import annotations

from itertools import pairwise

from sopgen.layout import layout_procedure
from sopgen.layout.audit import audit
from sopgen.layout.style import Style
from sopgen.model import Langkah, Simbol
from tests.layout.builders import fake_measure, procedure, step

STYLE = Style()
CLEAR = 3.9  # points between an arrow's horizontal run and a ruling or a symbol's edge


def lay_out(proc):
    layout = layout_procedure(proc, "X/1", STYLE, fake_measure)
    assert not any(audit(layout, STYLE, fake_measure).hard().values())
    return layout


def crowded_row(**kw):
    """Four symbols side by side; arrows to a symbol two lanes on and back, and both
    ways between the last two (SOP-078's row 3)."""
    return Langkah(
        uraian="Sinkronisasi data",
        simbol=[
            Simbol(id="k", pelaksana="A", lanjut=["a", "n"]),
            Simbol(id="a", pelaksana="B", selesai=True),
            Simbol(id="n", pelaksana="C", lanjut=["r", "k"]),
            Simbol(id="r", pelaksana="D", lanjut="n"),
        ],
        **kw,
    )


def in_row_runs(layout, row):
    """(y, x from, x to, the row's top and bottom, the row's symbols) of every
    horizontal run of an arrow between two symbols of ``row``."""
    for page in layout.pages:
        cells = [c for c in page.cells if c.step == row]
        if not cells:
            continue
        symbols = [s for s in page.symbols if s.step == row]
        keys = {f"step:{s.node}" for s in symbols}
        for arrow in page.arrows:
            if arrow.source in keys and arrow.target in keys:
                for (x1, y1), (x2, y2) in pairwise(arrow.points):
                    if y1 == y2:
                        yield y1, min(x1, x2), max(x1, x2), cells[0].box, symbols


def test_arrows_around_the_symbols_of_a_row_run_clear_of_edges_and_rulings():
    proc = procedure([step("Mulai", "A", lanjut="k"), crowded_row()])
    layout = lay_out(proc)
    runs = list(in_row_runs(layout, 1))
    around = 0
    for y, lo, hi, box, symbols in runs:
        assert y - box.y >= CLEAR and box.bottom - y >= CLEAR, (y, box)
        passed = [s.box for s in symbols if lo < s.box.right and s.box.x < hi]
        outside = [b for b in passed if not b.y <= y <= b.bottom]
        around += bool(outside)
        for b in outside:
            assert min(abs(y - b.y), abs(y - b.bottom)) >= CLEAR, (y, b)
    assert around >= 2  # the arrows do go round, above or below


def test_a_row_of_straight_arrows_only_keeps_its_height():
    straight = Langkah(
        uraian="Sinkronisasi data",
        simbol=[Simbol(pelaksana="A"), Simbol(pelaksana="B"), Simbol(pelaksana="C")],
    )
    plain = step("Sinkronisasi data", "A")
    heights = []
    for proc in (procedure([step("Mulai", "A"), straight]), procedure([step("Mulai", "A"), plain])):
        (page,) = lay_out(proc).pages
        heights.append([c.box.h for c in page.cells if c.step == 1][0])
    assert heights[0] == heights[1]
    crowded = lay_out(procedure([step("Mulai", "A", lanjut="k"), crowded_row()]))
    assert [c.box.h for c in crowded.pages[0].cells if c.step == 1][0] > heights[0]
