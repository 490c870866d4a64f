"""The same flowchart drawn the other ways offices' programs put it into a PDF.

Word, Excel, LibreOffice and PDF printers draw one arrow or symbol in different PDF
operators: an elbow arrow as one path or as a path per stretch (lines drawn one by one),
a whole arrow (shaft and head) as one filled outline (a stroke turned into a fill), each
symbol in a frame of its own (scaled, a little turned); off-page connectors marked with
numbers over three and more pages; the decision labels printed by the arrowhead instead of
by the exit, in a text box with its border left on (Word's default), or not at all. Each
must read back the flow as drawn; missing labels are said, never guessed.
"""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest
from pdf_draw import Style, draw, rows_per_page
from test_pdf_variants import JOBS, _expected_links, assert_flow_read, procedure

from sopgen.impor.pdf import read_pdf

WAYS = {
    "garis-per-potong": Style(arrows="segments", rows_per_page=6),
    "garis-per-potong-potret-kepala-terbuka": Style(
        arrows="segments", page="A4-portrait", rows_per_page=5, open_heads=True
    ),
    "panah-satu-bentuk-terisi": Style(arrows="outline", rows_per_page=6),
    "simbol-dalam-bingkai-sendiri": Style(shape_ctm=True, rows_per_page=6),
    "simbol-dalam-bingkai-sendiri-elips": Style(shape_ctm=True, ellipse_ends=True),
    "label-di-ujung-panah": Style(labels="far", rows_per_page=6),
    "label-dalam-kotak-berbingkai": Style(boxed_labels=True, rows_per_page=6),
    "konektor-bernomor-tiga-halaman": Style(
        connector_text=" ".join(str(i) for i in range(1, 30)), rows_per_page=4
    ),
}


def _steps(name: str, style: Style, k: int):
    n_exec, n_rows = 2 + k % 5, 8 + (k * 3) % 10
    style = replace(style, executors=tuple(JOBS[:n_exec]), identity=None)
    rng = random.Random(f"cara-{name}-{k}")
    return style, procedure(rng, n_exec, n_rows, rows_per_page(style), "plain")


@pytest.mark.parametrize("k", range(3))
@pytest.mark.parametrize("name", sorted(WAYS))
def test_flow_drawn_another_way_reads_back(tmp_path, name, k):
    style, steps = _steps(name, WAYS[name], k)
    draw(tmp_path / "sop.pdf", steps, style)
    sop = read_pdf(tmp_path / "sop.pdf")
    assert [r.uraian for r in sop.rows] == [s.uraian for s in steps]
    assert_flow_read(sop, steps)


@pytest.mark.parametrize("k", range(3))
def test_decision_labels_not_printed_are_said_not_guessed(tmp_path, k):
    style, steps = _steps("tanpa-label", Style(labels="none", rows_per_page=6), k)
    draw(tmp_path / "sop.pdf", steps, style)
    sop = read_pdf(tmp_path / "sop.pdf")
    shapes = [s for s in sop.shapes if s.kind != "connector"]
    row_of = {s.id: s.row for s in shapes}
    links = {(row_of[lk.source], row_of[lk.target], lk.label) for lk in sop.links}
    assert links == {(a, b, None) for a, b, _label in _expected_links(steps)}
    decisions = {i for i, s in enumerate(steps) if s.kind == "decision"}
    said = {u.row for u in sop.uncertain if "label cabang keputusan" in u.message}
    assert decisions and said == decisions


def test_label_past_the_lanes_is_the_exits_not_the_cells():
    """The 'Tidak' of step 7 printed wholly in the Kelengkapan column beside the one
    executor column (regressions/label-di-kolom-sebelah): the exit's label, not a word of
    the cell."""
    sop = read_pdf(Path(__file__).parent / "regressions" / "label-di-kolom-sebelah.pdf")
    assert [r.kelengkapan for r in sop.rows[5:8]] == [
        "Berkas permohonan",
        "Surat masuk",
        "Data usulan",
    ]
    step7 = next(s.id for s in sop.shapes if s.row == 6 and s.kind == "decision")
    assert sorted(lk.label for lk in sop.links if lk.source == step7) == ["Tidak", "Ya"]
