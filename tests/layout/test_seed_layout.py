"""The Trenggalek binder (data/sekretariat) lays out cleanly: one symbol per step in its
executor's column, the seed's straight flows, terminators at both ends."""

from pathlib import Path

import pytest

from sopgen.build import load_project
from sopgen.layout import layout_procedure
from sopgen.layout.style import Style
from tests.layout.builders import fake_measure
from tests.layout.invariants import check_all

DATA = Path(__file__).resolve().parents[2] / "data" / "sekretariat"


@pytest.fixture(scope="module")
def project():
    return load_project(str(DATA))


def test_every_seed_procedure_lays_out(project):
    style = Style()
    assert len(project.procedures) == 6
    for proc in project.procedures:
        layout = layout_procedure(proc, project.procedure_nomor(proc), style, fake_measure)
        check_all(layout, proc, style)
        symbols = [s for page in layout.pages for s in page.symbols]
        assert symbols[0].kind == symbols[-1].kind == "terminator"
        straight = all(s.keputusan is None and s.lanjut is None for s in proc.data.kegiatan)
        for page in layout.pages if straight else ():
            for arrow in page.arrows:
                ys = [y for _, y in arrow.points]
                assert ys == sorted(ys), f"{proc.id}: the seed's flow only goes down"
