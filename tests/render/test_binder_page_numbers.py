"""The Daftar Isi's page numbers as a reader checks them: turn to the printed page and
find the part there. The binder mixes what moves pages: the cover and the Daftar Isi,
the document's identity page and Lembar Pengesahan, procedures of two pages and more,
a procedure with its own identity page and its short flowchart printed under that
block, another whose long flowchart continues after its identity page, and notes. The
first pass that finds the pages (render.pdf.page_numbers) draws nothing but the marks,
so it is also checked against the marks of the PDF itself."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from sopgen.build import load_project
from sopgen.render.pdf import binder
from sopgen.render.pdf.canvas import FlowchartPage, Meta, render
from sopgen.render.pdf.page_numbers import collapsed, page_marks
from tests.render.pdf_support import flat, pages_text

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data" / "sekretariat"
SHORT, LONG = "ALUR PENDEK BERIDENTITAS", "ALUR PANJANG BERIDENTITAS"


def _procedure(title: str, steps: int, nomor: str, notes: int = 0, short: bool = False) -> str:
    rows = "".join(
        f"  - uraian: Langkah nomor {i} dari alur\n"
        f"    pelaksana: {'Sekretaris Dinas' if i % 2 else 'Kepala Dinas'}\n"
        "    waktu: 1 hari\n"
        for i in range(1, steps + 1)
    )
    text = (
        f"judul: {title}\npelaksana:\n  - Sekretaris Dinas\n  - Kepala Dinas\n"
        f"kegiatan:\n{rows}identitas:\n  nomor: {nomor}\n"
    )
    if short:  # an identity short enough to leave room for the flowchart under it
        text += "dasar_hukum:\n  - Peraturan Bupati Trenggalek Nomor 1 Tahun 2016\n"
    if notes:
        lines = "".join(
            f"  - catatan nomor {i} yang cukup panjang untuk satu baris\n" for i in range(notes)
        )
        text += f"catatan: |-\n{lines}"
    return text


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("nomor") / "sekretariat"
    shutil.copytree(DATA, folder)
    (folder / "pendek.yaml").write_text(
        _procedure(SHORT, 3, "01/SOP/UJI/1", short=True), encoding="utf-8"
    )
    (folder / "panjang.yaml").write_text(
        _procedure(LONG, 30, "01/SOP/UJI/2", notes=80), encoding="utf-8"
    )
    dokumen = folder / "dokumen.yaml"
    text = dokumen.read_text(encoding="utf-8")
    order = "prosedur: [lakip, renstra, renja, rka, lppd, spm]"
    assert order in text
    dokumen.write_text(
        text.replace(order, "prosedur: [lakip, pendek, renstra, panjang, renja, rka, lppd, spm]"),
        encoding="utf-8",
    )
    return folder


@pytest.fixture(scope="module")
def pages(folder, tmp_path_factory) -> list[str]:
    out = tmp_path_factory.mktemp("nomor-out")
    path = binder.build_pdfs(load_project(folder), out)[0]
    return [flat(page) for page in pages_text(path)]


def _daftar_isi(page: str) -> list[tuple[str, int]]:
    """(the line's text, its printed page) for each line of the Daftar Isi."""
    body = page.split("Halaman", 1)[1]  # after the table's header
    body = re.sub(r" \S+ Halaman \d+ dari \d+$", "", body)  # the footer
    entries = re.findall(r"(.+?) (\d+)(?= \d+\. | Lampiran| Lembar|$)", body.strip())
    return [(text.strip(), int(number)) for text, number in entries]


def test_each_part_is_on_the_page_the_daftar_isi_prints(pages):
    assert pages[1].startswith("DAFTAR ISI")
    entries = _daftar_isi(pages[1])
    titles = [text for text, _ in entries]
    assert len(entries) == 10, titles
    numbers = [number for _, number in entries]
    assert numbers == sorted(set(numbers))
    # what the part's first page shows: a flowchart page its title over "Nomor SOP:",
    # an identity page its Nomor and its title (NAMA SOP)
    checks = [
        ("Identitas SOP", ["NOMOR SOP : 01/SOP/DKPS/SKRT/X/2016"]),
        ("Lembar Pengesahan", ["LEMBAR PENGESAHAN SOP"]),
        ("1. SOP PENYUSUNAN LAPORAN AKUNTABILITAS", ["(LAKIP) Nomor SOP:"]),
        (f"2. {SHORT}", ["NOMOR SOP : 01/SOP/UJI/1", SHORT]),
        ("3. SOP PENYUSUNAN RENCANA STRATEGIS", ["(RENSTRA) Nomor SOP:"]),
        (f"4. {LONG}", ["NOMOR SOP : 01/SOP/UJI/2", LONG]),
        ("5. SOP PENYUSUNAN RENCANA KERJA (RENJA)", ["(RENJA) Nomor SOP:"]),
        ("6. SOP PENYUSUNAN RENCANA KERJA ANGGARAN", ["(RKA) Nomor SOP:"]),
        ("7. SOP PENYUSUNAN LAPORAN PENYELENGGARAAN", ["(LPPD) Nomor SOP:"]),
        ("8. SOP PENYUSUNAN LAPORAN STANDAR", ["(SPM) Nomor SOP:"]),
    ]
    for (text, number), (start, shown) in zip(entries, checks, strict=True):
        assert text.startswith(start), (text, start)
        # the part is on the printed page and on no page between the Daftar Isi and it
        first = next(i for i, page in enumerate(pages[2:], 3) if all(s in page for s in shown))
        assert first == number, (start, first, number)


def test_the_binder_mixes_what_moves_the_pages(pages):
    """What the page numbers above go through (so that test keeps testing it)."""
    short = next(i for i, page in enumerate(pages[2:], 2) if SHORT in page)
    # its own identity page with the flowchart under the block
    assert "NOMOR SOP : 01/SOP/UJI/1" in pages[short]
    assert "Langkah nomor 3 dari alur" in pages[short] and SHORT not in pages[short + 1]
    long = next(i for i, page in enumerate(pages[2:], 2) if LONG in page)
    # an identity page of two pages, two flowchart pages, notes on pages of their own
    assert "NOMOR SOP : 01/SOP/UJI/2" in pages[long]
    assert "DASAR HUKUM (lanjutan)" in pages[long + 1]
    assert "Langkah nomor 1 dari alur" in pages[long + 2]
    assert "Langkah nomor 30 dari alur" in pages[long + 3]
    assert "catatan nomor 0 " in pages[long + 4] and "catatan nomor 79 " in pages[long + 5]
    assert "DAFTAR ISI" in pages[1] and "DASAR HUKUM (lanjutan)" in pages[3]


def test_the_first_pass_finds_the_marks_of_the_pdf(folder):
    project = load_project(folder)
    style = binder.make_style(project)
    layouts = binder.layout_all(project, style)
    meta = Meta("t", "s", "a", "D:20200101000000Z")
    plans: dict = {}

    def story():
        return binder._binder_story(project, layouts, style, True, None, plans, {})

    made, first = story()
    expected = render(made, style, meta, first)[1]
    assert {f"prosedur-{p.id}" for p in project.procedures} < set(expected)
    made, first = story()
    assert page_marks(made, style, first) == expected
    # most flowchart parts were counted, not set: the parts of the four procedures
    # printed from a new page with their notes under the table (LONG's notes are not)
    counted = [f for f in collapsed(made) if type(f).__name__ == "_Pages"]
    assert sum(len(f.pages) for f in counted) >= 4
    assert not any(type(f) is FlowchartPage for f in collapsed(made))  # all counted
