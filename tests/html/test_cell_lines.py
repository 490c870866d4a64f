"""A numbered list or a line break in a step's text prints line by line, in the PDF's
flowchart cells, in the handbook's step table and in the handbook's flowchart."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from sopgen.build import load_project
from sopgen.render.html.site import build_site
from sopgen.render.pdf.binder import build_pdfs
from tests.render.pdf_support import pdftotext

FORMS = Path(__file__).resolve().parent.parent / "fixtures" / "forms"
ITEMS = ["1. Surat permohonan", "2. KTP pemohon", "3. Kartu keluarga"]


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """The forms fixture, its first step's Kelengkapan a numbered list and its Output
    two lines."""
    folder = tmp_path_factory.mktemp("lines") / "contoh"
    shutil.copytree(FORMS, folder)
    path = folder / "layanan.yaml"
    text = path.read_text(encoding="utf-8")
    listed = "    kelengkapan: |-\n" + "".join(f"      {item}\n" for item in ITEMS)
    two = "    output: |-\n      Berkas permohonan\n      Tanda terima\n"
    text = text.replace("    kelengkapan: Formulir\n", listed, 1)
    text = text.replace("    output: Berkas\n", two, 1)
    path.write_text(text, encoding="utf-8")
    return load_project(folder)


def test_pdf_cells_print_each_item_on_its_own_line(project, tmp_path):
    binder, *_ = build_pdfs(project, tmp_path)
    lines = [line.strip() for line in pdftotext(binder, "-layout").splitlines()]
    # -layout prints the cells of a row side by side: each item ends a line of the row
    # and the next item starts the next line of that column
    for item in ITEMS:
        assert sum(bool(re.search(rf"(^|\s){re.escape(item)}(\s|$)", li)) for li in lines) == 1
    row = next(i for i, li in enumerate(lines) if ITEMS[0] in li)
    assert ITEMS[1] in lines[row + 1] and ITEMS[2] in lines[row + 2]
    assert "Berkas permohonan" in lines[row] and "Tanda terima" in lines[row + 1]
    assert "Surat permohonan 2." not in " ".join(lines)


def test_handbook_prints_each_item_on_its_own_line(project, tmp_path):
    build_site([project], tmp_path)
    page = (tmp_path / "html" / "prosedur" / "layanan.html").read_text(encoding="utf-8")
    # the step table: a list, and a line break
    assert "<ol>\n<li>Surat permohonan</li>\n<li>KTP pemohon</li>" in page
    assert "Berkas permohonan<br>\nTanda terima" in page
    # the flowchart (SVG from the same layout as the PDF): one <text> per line
    for item in ITEMS:
        assert re.search(rf"<text [^>]*>{re.escape(item)}</text>", page), item
    assert re.search(r"<text [^>]*>Tanda terima</text>", page)
