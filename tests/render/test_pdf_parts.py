"""The binder's front matter as an official checks it: the Halaman Judul, the Daftar Isi
(every part with its page, linked to that page), the Lembar Pengesahan's orientation,
and procedures with an identity of their own."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from sopgen.build import load_project
from sopgen.layout.style import Style
from sopgen.render.pdf.binder import build_pdfs, render_binder
from tests.render.pdf_support import flat, links, outline, page_sizes, pages_text
from tests.render.revision_support import revised_project

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data" / "sekretariat"


def _copy(tmp_path: Path, extra: str = "", lakip: str = "") -> Path:
    folder = tmp_path / "sekretariat"
    shutil.copytree(DATA, folder)
    if extra:
        with (folder / "dokumen.yaml").open("a", encoding="utf-8") as stream:
            stream.write(extra)
    if lakip:
        with (folder / "lakip.yaml").open("a", encoding="utf-8") as stream:
            stream.write(lakip)
    return folder


def _with_address(folder: Path) -> None:
    path = folder / "dokumen.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "  tempat: Trenggalek\n",
        "  tempat: Trenggalek\n  alamat: |\n    Jl. Dr. Sutomo No. 5 Trenggalek\n"
        "    Telp. (0355) 791139\n",
        1,
    )
    path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("parts")
    folder = _copy(tmp)
    _with_address(folder)
    build_pdfs(load_project(folder), tmp / "out")
    return tmp / "out" / "pdf" / "sekretariat.pdf"


def test_cover_texts_in_order(built):
    cover = pages_text(built)[0].splitlines()
    assert [line.strip() for line in cover if line.strip()] == [
        "STANDAR OPERASIONAL PROSEDUR",
        "BIDANG SEKRETARIAT",
        "PEMERINTAH KABUPATEN TRENGGALEK",
        "DINAS KEPENDUDUKAN DAN PENCATATAN",
        "SIPIL KABUPATEN TRENGGALEK",
        "Jl. Dr. Sutomo No. 5 Trenggalek",
        "Telp. (0355) 791139",
        "TAHUN 2017",
    ]


def test_daftar_isi_lists_every_part_with_its_page(built):
    pages = pages_text(built)
    toc = [flat(line) for line in pages[1].splitlines() if line.strip()]
    assert toc[:3] == ["DAFTAR ISI", "SOP BIDANG SEKRETARIAT", "No Uraian Nomor Halaman"]
    joined = " ".join(toc)
    expected = [
        ("Identitas SOP 01/SOP/DKPS/SKRT/X/2016", 3),
        ("Lembar Pengesahan", 5),
        ("1. SOP PENYUSUNAN LAPORAN AKUNTABILITAS KINERJA INSTANSI PEMERINTAHAN (LAKIP)", 6),
        ("2. SOP PENYUSUNAN RENCANA STRATEGIS (RENSTRA) 01/SOP/DKPS/SKRT/X/2016", 8),
    ]
    for text, page in expected:
        assert text in joined, text
        assert "NOMOR SOP" in pages[2] and page <= len(pages)
    # each printed page is where that part starts
    numbers = [int(m) for m in re.findall(r" (\d+)$", "\n".join(toc[3:-1]), re.M)]
    assert numbers[:3] == [3, 5, 6] and numbers == sorted(set(numbers)) and len(numbers) == 8
    assert "LEMBAR PENGESAHAN SOP" in pages[4]
    # how many pages each procedure takes is the layout's: find each where it says
    for title, number in zip(("(LAKIP)", "(RENSTRA)"), numbers[2:4], strict=True):
        assert title in pages[number - 1], title
    assert "(SPM)" in pages[numbers[-1] - 1]


def test_daftar_isi_links_go_to_those_pages(built):
    per_page = links(built)
    # each line links (its text, every line of it, and its page number) to where the
    # part starts; links only on the Daftar Isi page
    targets = per_page[1]
    starts = [t for i, t in enumerate(targets) if i == 0 or targets[i - 1] != t]
    assert starts[:3] == [2, 4, 5] and starts == sorted(set(starts)) and len(starts) == 8
    assert len(targets) >= 16
    assert all(not targets for i, targets in enumerate(per_page) if i != 1)


def test_switches_and_the_year(tmp_path):
    folder = _copy(
        tmp_path,
        "tahun: 2018\npengaturan:\n  daftar_isi: false\n  orientasi_pengesahan: mendatar\n",
    )
    project = load_project(folder)
    path = tmp_path / "b.pdf"
    path.write_bytes(render_binder(project, [], Style()))
    pages = pages_text(path)
    assert "TAHUN 2018" in pages[0] and "DAFTAR ISI" not in "".join(pages)
    assert [t for t, _ in outline(path)] == ["Halaman Judul", "Identitas", "Lembar Pengesahan"]
    assert page_sizes(path) == [(595, 842), (842, 595), (842, 595), (842, 595)]

    off = _copy(tmp_path / "off", "pengaturan:\n  halaman_judul: false\n  daftar_isi: false\n")
    path.write_bytes(render_binder(load_project(off), [], Style()))
    assert "NOMOR SOP" in pages_text(path)[0]
    assert "Halaman 1 dari 3" in pages_text(path)[0]


def test_daftar_isi_shows_the_latest_revision_of_each_part(tmp_path):
    project = revised_project(tmp_path)
    path = tmp_path / "b.pdf"
    path.write_bytes(render_binder(project, [], Style()))
    toc = flat(pages_text(path)[1])
    assert "No Uraian Nomor Revisi Halaman" in toc
    assert "Identitas SOP 01/SOP/DKPS/SKRT/X/2016 1 (05 Maret 2018) 3" in toc


LAKIP_OWN = """
identitas:
  nomor: 07/SOP/DKPS/SKRT/XII/2017
  tanggal_efektif: 2017-12-20
dasar_hukum:
  - Peraturan Menteri PANRB Nomor 53 Tahun 2014
"""


def test_a_procedure_with_its_own_identity(tmp_path):
    folder = _copy(tmp_path, lakip=LAKIP_OWN)
    project = load_project(folder)
    build_pdfs(project, tmp_path / "out")
    binder = tmp_path / "out" / "pdf" / "sekretariat.pdf"
    pages = [flat(p) for p in pages_text(binder)]
    entries = dict(outline(binder))
    lakip = project.procedures[0].data.judul
    own = pages[entries[lakip]]
    assert "NOMOR SOP : 07/SOP/DKPS/SKRT/XII/2017" in own
    assert "TANGGAL EFEKTIF : 20 Desember 2017" in own
    assert f"STANDAR OPERASIONAL PROSEDUR (SOP) : {lakip}" in own
    assert "1. Peraturan Menteri PANRB Nomor 53 Tahun 2014" in own
    # its flowchart follows its identity page
    assert lakip in pages[entries[lakip] + 1] and "NOMOR SOP" not in pages[entries[lakip] + 1]
    alone = [flat(p) for p in pages_text(tmp_path / "out" / "pdf" / "lakip.pdf")]
    assert "NOMOR SOP : 07/SOP/DKPS/SKRT/XII/2017" in alone[0]
