"""The width of the source's executor lanes is kept: the importer measures it and writes
``pengaturan.lebar_kolom_pelaksana``, and the layout gives every lane that width."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sopgen.build import load_data
from sopgen.impor import ir
from sopgen.impor.pdf import read_pdf
from sopgen.impor.run import import_all
from sopgen.impor.to_yaml_doc import lane_mm
from sopgen.layout import layout_procedure
from sopgen.layout.style import MM
from sopgen.render.common import make_style
from sopgen.render.fonts import measure
from sopgen.render.pdf.binder import build_pdfs

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "mini"
CORPUS = ROOT.parent / "shared" / "corpus"


def _sop(share: float | None) -> ir.ImportedSop:
    return ir.ImportedSop(
        source="contoh.pdf",
        identity=ir.Identity(),
        header=ir.Header(("A", "B"), {}, share),
        rows=(),
        shapes=(),
        links=(),
    )


def test_lane_share_is_the_median_over_the_table():
    assert ir.lane_share([10.0, 30.0, 20.0], 200.0) == pytest.approx(0.1)
    assert ir.lane_share([10.0, 20.0], 100.0) == pytest.approx(0.15)
    assert ir.lane_share([], 100.0) is None


def test_lane_mm_keeps_the_share_on_an_a4_table():
    # A4 landscape less 15 mm margins: a table 267 mm wide
    assert lane_mm([_sop(0.08)]) == 21
    assert lane_mm([_sop(0.08), _sop(None), _sop(0.12), _sop(0.10)]) == 27
    assert lane_mm([_sop(0.5)]) == 60  # the setting's upper bound
    # no wider than sopgen's narrowest lane (16 mm): nothing to keep
    assert lane_mm([_sop(0.05)]) is None
    assert lane_mm([_sop(None)]) is None


def _mini_with(tmp_path: Path, lane: int | None) -> Path:
    folder = tmp_path / "mini"
    shutil.copytree(MINI, folder)
    if lane is not None:
        doc = folder / "dokumen.yaml"
        doc.write_text(
            doc.read_text(encoding="utf-8") + f"pengaturan:\n  lebar_kolom_pelaksana: {lane}\n",
            encoding="utf-8",
        )
    return folder


def _lanes(project) -> list[float]:
    proc = project.procedures[0]
    layout = layout_procedure(proc, "x", make_style(project), measure)
    page = layout.pages[0]
    return [c.box.w for c in page.cells if c.role == "lane" and c.step == 0]


def test_the_setting_widens_every_lane(tmp_path):
    (plain,) = load_data(_mini_with(tmp_path / "a", None))
    (wide,) = load_data(_mini_with(tmp_path / "b", 30))
    assert max(_lanes(plain)) < 30 * MM
    assert _lanes(wide) == pytest.approx([30 * MM] * 3)


@pytest.mark.parametrize("lane", [None, 30])
def test_a_pdf_imports_with_the_lane_width_it_was_drawn_with(tmp_path, lane):
    (project,) = load_data(_mini_with(tmp_path, lane))
    build_pdfs(project, tmp_path / "out")
    sop = read_pdf(tmp_path / "out" / "pdf" / f"{project.name}.pdf")
    assert lane_mm([sop]) == lane


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the corpus of real SOPs is not here")
def test_real_pdfs_keep_their_lanes(tmp_path):
    """BPS draws its lanes about 22 mm wide (on sopgen's A4 table), where sopgen alone
    gives 16 mm and the rest to Kegiatan; the imported document keeps them."""
    sources = sorted((CORPUS / "bps").glob("administrative-02[28]-*.pdf"))
    assert len(sources) == 2
    import_all(sources, tmp_path / "imp", overwrite=False)
    settings = sorted(
        line.strip()
        for doc in (tmp_path / "imp").glob("*/dokumen.yaml")
        for line in doc.read_text(encoding="utf-8").splitlines()
        if "lebar_kolom_pelaksana" in line
    )
    assert settings == ["lebar_kolom_pelaksana: 21", "lebar_kolom_pelaksana: 22"]
