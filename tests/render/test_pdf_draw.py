"""Flowchart pages: the PDF draws a geometry.Page exactly where the layout put it.

A hand-made page with one of each primitive is rendered, then read back with poppler:
word boxes (pdftotext -bbox, top-left origin like the geometry) and pixels (pdftoppm).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from sopgen.build import load_project
from sopgen.layout import geometry as g
from sopgen.layout.style import Style
from sopgen.render.pdf.binder import render_flowchart

ROOT = Path(__file__).resolve().parents[2]
STYLE = Style()
W, H = STYLE.page_size
DPI = 144
K = DPI / 72  # pixels per point

TERM = g.Box(100, 120, 80, 40)
PROC = g.Box(300, 120, 80, 40)
DEC = g.Box(500, 110, 60, 60)
OFF = g.Box(620, 300, 24, 30)
ARROW = g.Arrow(
    ((140, 160), (140, 260), (340, 260), (340, 400)),
    "step:0",
    "step:1",
    "Tidak",
    (
        150,
        255,
    ),
)


# bolak_balik: from the terminator's right end to the process box's left side
TWO_WAY = g.Arrow(((TERM.right, TERM.cy), (PROC.x, PROC.cy)), "step:0", "step:1", both=True)


def _page() -> g.Page:
    return g.Page(
        width=W,
        height=H,
        index=0,
        steps=(0, 1, 2),
        cells=(
            g.Cell(g.Box(60, 60, 200, 30), fill=True, role="header"),
            g.Cell(g.Box(260, 60, 200, 30), fill=False, role="kegiatan", step=0),
            # a lane border running under the process box (as under a meeting's box)
            g.Cell(g.Box(340, 100, 100, 100), fill=False, role="lane", step=1),
        ),
        texts=(
            g.Text(70, 80, "Kiri", "bold", 10, "start"),
            g.Text(360, 80, "Tengah", "regular", 10, "middle"),
            g.Text(70, 480, "Miring", "italic", 9, "start"),
        ),
        symbols=(
            g.Symbol(0, "terminator", TERM, (0,)),
            g.Symbol(1, "process", PROC, (1,)),
            g.Symbol(2, "decision", DEC, (2,)),
        ),
        arrows=(ARROW, TWO_WAY),
        offpage=(g.OffPage("B", "out", OFF, 2, 2),),
        table=g.Box(60, 60, 400, 60),
    )


@pytest.fixture(scope="module")
def pdf(tmp_path_factory) -> Path:
    project = load_project(ROOT / "data" / "sekretariat")
    proc = project.procedures[0]
    data = render_flowchart(project, proc, g.ProcedureLayout(proc.id, (_page(),)), STYLE)
    path = tmp_path_factory.mktemp("draw") / "page.pdf"
    path.write_bytes(data)
    return path


@pytest.fixture(scope="module")
def words(pdf) -> dict[str, tuple[float, float, float, float]]:
    out = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    found = {}
    for m in re.finditer(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
        out,
    ):
        found[m.group(5)] = tuple(float(v) for v in m.group(1, 2, 3, 4))
    return found


@pytest.fixture(scope="module")
def pixels(pdf, tmp_path_factory):
    prefix = tmp_path_factory.mktemp("png") / "p"
    subprocess.run(
        ["pdftoppm", "-r", str(DPI), "-gray", "-png", "-singlefile", str(pdf), str(prefix)],
        check=True,
    )
    return Image.open(f"{prefix}.png").convert("L")


def dark(img, x: float, y: float, r: int = 1) -> bool:
    """Any pixel within r of the geometry point (points, top-left origin) is dark."""
    px, py = round(x * K), round(y * K)
    return any(
        img.getpixel((px + dx, py + dy)) < 100 for dx in range(-r, r + 1) for dy in range(-r, r + 1)
    )


def test_texts_at_their_baseline_and_anchor(words):
    x0, y0, x1, y1 = words["Kiri"]
    assert abs(x0 - 70) < 1.5  # anchor start: begins at x
    assert y0 < 80 < y1 and 80 - y0 > 5  # baseline y: glyphs mostly above it
    x0, _, x1, _ = words["Tengah"]
    assert abs((x0 + x1) / 2 - 360) < 1.5  # anchor middle: centred on x
    assert "Miring" in words and words["Miring"][1] > 400  # flipped: near the bottom


def test_label_and_offpage_letter(words):
    x0, y0, _, y1 = words["Tidak"]
    assert abs(x0 - 150) < 1.5 and y0 < 255 < y1
    x0, y0, x1, y1 = words["B"]
    assert OFF.x < x0 < x1 < OFF.right and OFF.y < y0 < y1 < OFF.bottom


def test_footer_words(words):
    assert "Halaman" in words and "dari" in words
    assert words["Halaman"][1] > H - STYLE.margin_bottom  # in the bottom margin


def test_cells_stroked_and_header_filled(pixels):
    assert dark(pixels, 60, 75) and dark(pixels, 460, 75)  # vertical borders
    grey = pixels.getpixel((round(150 * K), round(70 * K)))
    assert 150 < grey < 240  # header fill is grey, not white, not black
    assert pixels.getpixel((round(300 * K), round(70 * K))) > 245  # plain cell is white


def test_symbol_shapes(pixels):
    # terminator: straight top edge, rounded ends (its box corner stays white)
    assert dark(pixels, TERM.cx, TERM.y) and dark(pixels, TERM.x, TERM.cy)
    assert not dark(pixels, TERM.x + 0.5, TERM.y + 0.5)
    # process: a rectangle, corners drawn, inside white (hides the lane border under it)
    assert dark(pixels, PROC.x, PROC.y) and dark(pixels, PROC.right, PROC.bottom)
    assert not dark(pixels, PROC.cx, PROC.cy, r=3)
    # decision: a diamond touching the middle of each side of its box, corners empty
    for x, y in ((DEC.cx, DEC.y), (DEC.right, DEC.cy), (DEC.cx, DEC.bottom), (DEC.x, DEC.cy)):
        assert dark(pixels, x, y)
    assert not dark(pixels, DEC.x + 1, DEC.y + 1)


def test_arrow_polyline_and_head(pixels):
    assert dark(pixels, 140, 200) and dark(pixels, 240, 260) and dark(pixels, 340, 330)
    # filled head just above the tip (last segment points down), wider than the line
    assert dark(pixels, 340, 397) and dark(pixels, 338.5, 396) and dark(pixels, 341.5, 396)
    assert not dark(pixels, 340, 404, r=0)  # nothing past the tip


def test_two_way_arrow_has_a_head_at_each_end(pixels):
    y = TERM.cy
    assert dark(pixels, 240, y, r=0)  # the line
    for tip, inward in ((PROC.x, -4), (TERM.right, 4)):
        # a filled head just inside each tip, wider than the line
        assert dark(pixels, tip + inward, y - 1.2, r=0) and dark(pixels, tip + inward, y + 1.2, r=0)
    assert not dark(pixels, 240, y - 1.2, r=0)  # in the middle only the line


def test_offpage_pentagon_points_down(pixels):
    assert dark(pixels, OFF.cx, OFF.bottom)  # the point
    assert not dark(pixels, OFF.x + 1, OFF.bottom - 1, r=0)  # lower corners cut off
    assert dark(pixels, OFF.x, OFF.y + 5) and dark(pixels, OFF.right, OFF.y + 5)
