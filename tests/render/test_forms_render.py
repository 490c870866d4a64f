"""What the real-SOP forms print (tests/fixtures/forms): the printed numbers and Waktu,
the agency's column titles, a procedure's own identity page right before its flowchart
(here on the same page: the table fits under the identity block), and its catatan
under the table, in the PDF binder and in the handbook."""

from __future__ import annotations

from pathlib import Path

import pytest

from sopgen.build import load_project
from sopgen.render.html.site import build_site
from sopgen.render.pdf.binder import build_pdfs
from tests.render.pdf_support import flat, pages_text

FORMS = Path(__file__).resolve().parent.parent / "fixtures" / "forms"


@pytest.fixture(scope="module")
def project():
    return load_project(FORMS)


@pytest.fixture(scope="module")
def pages(project, tmp_path_factory) -> list[str]:
    out = tmp_path_factory.mktemp("forms")
    binder, *_ = build_pdfs(project, out)
    return [flat(p) for p in pages_text(binder)][2:]  # after the Halaman Judul and Daftar Isi


def page_with(pages: list[str], text: str) -> int:
    return next(i for i, p in enumerate(pages) if text in p)


def test_binder_order_identity_page_before_its_own_flowchart(pages):
    # ... layanan's table, then pengadaan's own identity page with its short table under
    # the identity block, on the same page (the last)
    own = page_with(pages, "NOMOR SOP : 03/SOP/CTH/XII/2016")
    assert page_with(pages, "Mengarsipkan salinan surat") < own
    assert own == len(pages) - 1
    assert pages[own].index("PENCATATAN") < pages[own].index("Menyusun spesifikasi")
    page = pages[own]
    assert "Pejabat Pembuat Komitmen" in page and "CONTOH TIGA, S.E." in page
    assert "SOP PENGADAAN BARANG" in page  # its Nama SOP is its title
    assert "Undang-Undang Nomor 23 Tahun 2006" in page  # inherited from dokumen.yaml


def test_table_prints_numbers_waktu_titles_and_notes(pages):
    table = pages[page_with(pages, "Mengarsipkan salinan surat")]
    assert "Sumber Data" in table and "Ket" in table and "(hari kerja)" in table
    assert "2a Mengembalikan berkas" in table
    assert "Sesuai kebutuhan" in table and "1-2 hari" in table and "Semesteran" in table
    assert "Jumlah waktu (2 langkah tidak terjumlah)" in table
    assert "Ket: *) waktu dihitung dalam hari kerja" in table
    assert table.index("Jumlah waktu") < table.index("Ket: *)")  # under the table


def test_handbook_page_has_identity_titles_and_notes(project, tmp_path):
    build_site([project], tmp_path)
    own = (tmp_path / "html" / "prosedur" / "pengadaan.html").read_text(encoding="utf-8")
    assert "Identitas SOP" in own and "03/SOP/CTH/XII/2016" in own
    shared = (tmp_path / "html" / "prosedur" / "layanan.html").read_text(encoding="utf-8")
    assert "Identitas SOP" not in shared
    assert '<th scope="col" class="col-kelengkapan">Sumber Data</th>' in shared
    assert "Ket: *) waktu dihitung dalam hari kerja" in shared
    assert ">2a</a>" in shared


def test_extra_identity_rows_and_a_signer_without_nip(pages):
    page = pages[page_with(pages, "NOMOR SOP : 03/SOP/CTH/XII/2016")]
    assert "MAKSUD DAN TUJUAN : Pengadaan barang tepat waktu dan tepat mutu" in page
    assert "NIP." not in page  # the PPK's NIP is not written: no NIP line


def test_no_pengesahan_no_lembar_pengesahan(tmp_path):
    import shutil

    shutil.copytree(FORMS, tmp_path / "forms")
    path = tmp_path / "forms" / "dokumen.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("pengesahan:\n")
    end = text.index("prosedur: [")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    binder, *_ = build_pdfs(load_project(tmp_path / "forms"), tmp_path / "out")
    texts = [flat(p) for p in pages_text(binder)]
    assert any("Menyusun spesifikasi" in t for t in texts)
    assert not any("LEMBAR PENGESAHAN" in t.upper() for t in texts)
