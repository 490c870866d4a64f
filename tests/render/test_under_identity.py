"""A short SOP on one page, as agencies print it: the flowchart table under the
identity block (render.pdf.under_identity). What a reader of the PDF sees (pdftotext):
the identity fields, then the table and its first steps, on page 1; a longer flowchart
continues on the next page with the table header repeated; a binder whose procedures
share one identity page keeps that page to itself."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sopgen.build import load_project
from sopgen.render.pdf.binder import build_pdfs
from tests.render.pdf_support import flat, pages_text

# BPS Prov. Bengkulu SOP-078/17000/2025: one page in the original
SEED = Path(__file__).resolve().parent.parent / "fixtures" / "real" / "bps-diseminasi-seruti"
NOMOR = "SOP-078/17000/2025"
IDENTITY = ("NOMOR SOP", NOMOR, "TANGGAL EFEKTIF", "DISAHKAN OLEH", "Win Rizal", "NAMA SOP")


def _pages(folder: Path, out: Path) -> dict[str, list[str]]:
    """The text of each PDF built from ``folder`` (file stem -> its pages, flattened)."""
    paths = build_pdfs(load_project(folder), out)
    return {path.stem: [flat(page) for page in pages_text(path)] for path in paths}


def _steps(n: int) -> str:
    rows = "".join(
        f"  - uraian: Langkah nomor {i} dari alur\n"
        f"    pelaksana: {'Ketua Tim Statistik Sosial' if i % 2 else 'BPS RI'}\n"
        "    waktu: 1 hari\n"
        for i in range(1, n + 1)
    )
    return (
        "judul: Alur Panjang\npelaksana:\n  - Ketua Tim Statistik Sosial\n  - BPS RI\n\n"
        f"kegiatan:\n{rows}"
    )


def test_short_flowchart_is_printed_under_the_identity_block(tmp_path):
    built = _pages(SEED, tmp_path)
    for name in ("bps-diseminasi-seruti", "diseminasi-seruti"):  # binder, procedure
        (page,) = built[name]  # one page, as the original
        for field in IDENTITY:
            assert field in page, (name, field)
        table = page.index("Mutu Baku")
        assert page.index("PENCATATAN DAN PENDATAAN") < table
        assert table < page.index("1 Evaluasi data hasil pengolahan")
        assert "3 Sinkronisasi dan Pengiriman Data Seruti" in page
        # the identity block says the title and the Nomor: no title line over the table
        assert f"Nomor SOP: {NOMOR}" not in page
        assert "Halaman 1 dari 1" in page


def test_longer_flowchart_continues_with_its_table_header(tmp_path):
    folder = tmp_path / "sop"
    shutil.copytree(SEED, folder)
    (folder / "diseminasi-seruti.yaml").write_text(_steps(18), encoding="utf-8")
    first, *rest = _pages(folder, tmp_path / "out")["diseminasi-seruti"]
    # identity page + one page apart would take three: the rows begin under the block
    assert len(rest) == 1
    assert "PENCATATAN DAN PENDATAAN" in first and "1 Langkah nomor 1 dari alur" in first
    (second,) = rest
    assert "Mutu Baku" in second and f"Nomor SOP: {NOMOR}" in second
    assert "18 Langkah nomor 18 dari alur" in second
    for i in range(1, 19):  # every step once, in order
        step = f"{i} Langkah nomor {i} dari alur"
        assert (first + " " + second).count(step) == 1, step


@pytest.mark.parametrize("own", [False, True])
def test_identity_page_shared_by_procedures_stands_alone(tmp_path, own):
    """Two procedures under one identity page: the page is the document's, not the
    first procedure's, so no table goes under it. With its own identity fields
    (``own``) a procedure's flowchart does start under its own identity block."""
    folder = tmp_path / "sop"
    shutil.copytree(SEED, folder)
    second = (folder / "diseminasi-seruti.yaml").read_text(encoding="utf-8")
    if own:
        second += "\nidentitas:\n  nomor: SOP-079/17000/2025\n"
    (folder / "kedua.yaml").write_text(second, encoding="utf-8")
    dokumen = folder / "dokumen.yaml"
    text = dokumen.read_text(encoding="utf-8")
    dokumen.write_text(
        text.replace("prosedur: [diseminasi-seruti]", "prosedur: [diseminasi-seruti, kedua]"),
        encoding="utf-8",
    )
    binder = _pages(folder, tmp_path / "out")["sop"]
    assert "Mutu Baku" not in binder[0] and NOMOR in binder[0]
    assert "1 Evaluasi data hasil pengolahan" in binder[1]
    if own:
        assert len(binder) == 3
        assert "SOP-079/17000/2025" in binder[2] and "Mutu Baku" in binder[2]
    else:
        assert len(binder) == 3 and "Mutu Baku" in binder[2]


def test_notes_follow_the_table_under_the_identity_block(tmp_path):
    folder = tmp_path / "sop"
    shutil.copytree(SEED, folder)
    with (folder / "diseminasi-seruti.yaml").open("a", encoding="utf-8") as f:
        f.write("catatan: |-\n  Ket: *) waktu dalam bulan kalender\n")
    (page,) = _pages(folder, tmp_path / "out")["diseminasi-seruti"]
    assert page.index("PENCATATAN DAN PENDATAAN") < page.index("3 Sinkronisasi")
    assert page.index("3 Sinkronisasi") < page.index("Ket: *) waktu dalam bulan kalender")
