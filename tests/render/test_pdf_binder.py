"""The Trenggalek binder as an officer would check it: every text, official, font, page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sopgen.build import load_project
from sopgen.render.pdf.binder import build_pdfs
from tests.render.pdf_support import (
    flat,
    outline,
    page_sizes,
    pages_text,
    pdffonts,
    pdfinfo,
    pdftotext,
)

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data" / "sekretariat"


@pytest.fixture(scope="module")
def project():
    return load_project(DATA)


@pytest.fixture(scope="module")
def built(project, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    paths = build_pdfs(project, out)
    return out, paths


@pytest.fixture(scope="module")
def binder(built) -> Path:
    return built[0] / "pdf" / "sekretariat.pdf"


@pytest.fixture(scope="module")
def binder_text(binder) -> str:
    return flat(pdftotext(binder, "-raw"))


def test_writes_binder_and_one_pdf_per_procedure(built, project):
    out, paths = built
    names = [p.name for p in paths]
    assert names == ["sekretariat.pdf"] + [f"{p.id}.pdf" for p in project.procedures]
    assert all(p.parent == out / "pdf" and p.stat().st_size > 1000 for p in paths)
    # readable like any file the user makes (mkstemp alone would leave 0600)
    assert all(p.stat().st_mode & 0o044 == 0o044 for p in paths)
    # nothing half-written is left behind
    assert sorted(x.name for x in (out / "pdf").iterdir()) == sorted(names)


def test_every_step_in_order(binder_text, project):
    pos = 0
    for proc in project.procedures:
        title = flat(proc.data.judul)
        at = binder_text.find(title, pos)
        assert at >= 0, f"judul {title!r} missing or out of order"
        pos = at + len(title)
        for n, step in enumerate(proc.data.kegiatan, 1):
            text = flat(step.uraian)
            at = binder_text.find(text, pos)
            assert at >= 0, f"{proc.id} langkah {n} {text!r} missing or out of order"
            pos = at + len(text)


def test_officials_names_and_formatted_nips(binder_text, project):
    d = project.dokumen
    for key in [d.identitas.disahkan_oleh, *d.pengesahan.mengetahui, d.pengesahan.menyetujui]:
        p = d.pejabat[key]
        assert p.nama in binder_text
        assert f"NIP. {p.nip_formatted}" in binder_text
        assert re.fullmatch(r"\d{8} \d{6} \d \d{3}", p.nip_formatted)
        if p.pangkat:
            assert p.pangkat in binder_text
    assert "NIP. 19581111 199103 1 003" in binder_text


def test_identity_page_items(binder, project):
    d = project.dokumen
    pages = pages_text(binder)
    first = next(i for i, p in enumerate(pages) if "NOMOR SOP" in p)
    identity = flat(" ".join(pages[first : first + 2]))
    for n, item in enumerate(d.dasar_hukum, 1):
        assert f"{n}. {flat(item)}" in identity, f"dasar hukum {n} missing"
    for heading in (
        "DASAR HUKUM",
        "KUALIFIKASI PELAKSANA",
        "KETERKAITAN",
        "PERALATAN/PERLENGKAPAN",
        "PERINGATAN",
        "PENCATATAN DAN PENDATAAN",
        "NOMOR SOP",
        "TANGGAL PEMBUATAN",
        "TANGGAL REVISI",
        "TANGGAL EFEKTIF",
        "DISAHKAN OLEH",
    ):
        assert heading in identity
    for text in ("01 Desember 2016", "01 Desember 2017", "08 Desember 2017", "BIDANG SEKRETARIAT"):
        assert text in identity
    for item in d.kualifikasi_pelaksana + [k.teks for k in d.keterkaitan] + d.peralatan:
        assert flat(item) in identity
    assert "PEMERINTAH KABUPATEN TRENGGALEK" in identity


def test_lembar_pengesahan_page(binder):
    pages = pages_text(binder)
    page = next(flat(p) for p in pages if "LEMBAR PENGESAHAN SOP" in p)
    assert "Mengetahui" in page and "Menyetujui" in page
    assert "Trenggalek, 08 Desember 2017" in page
    # the place and date sit above the approver, after the reviewers
    assert page.index("RINA TAKARINA") < page.index("Trenggalek, 08 Desember 2017")
    assert page.index("Menyetujui") < page.index("Ir. EKANTO MALIPURBOWO, MM")


def test_fonts_embedded_liberation_only(built):
    for path in built[1]:
        fonts = pdffonts(path)
        assert fonts, path
        for f in fonts:
            assert f["emb"] == "yes", (path.name, f)
            assert re.fullmatch(r"[A-Z]{6}\+LiberationSans(-Bold|-Italic|-BoldItalic)?", f["name"])


def test_a4_landscape_and_metadata(binder):
    info = pdfinfo(binder)
    # upright: cover, Daftar Isi, Lembar Pengesahan; landscape: identity, flowcharts
    sizes = page_sizes(binder)
    assert sizes[:5] == [(595, 842), (595, 842), (842, 595), (842, 595), (595, 842)]
    assert set(sizes[5:]) == {(842, 595)}
    assert info["Title"] == (
        "SOP BIDANG SEKRETARIAT - DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL KABUPATEN TRENGGALEK"
    )
    assert info["Author"] == "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL KABUPATEN TRENGGALEK"
    assert info["Creator"] == "sopgen"
    assert "2017" in info["CreationDate"] and "Dec  8" in info["CreationDate"]


def test_footer_on_every_page(binder, built):
    for path in [binder, *built[1][1:]]:
        pages = pages_text(path)
        total = len(pages)
        assert total == int(pdfinfo(path)["Pages"])
        for i, page in enumerate(pages, 1):
            if path == binder and i == 1:
                assert "Halaman" not in page  # the cover carries no number
                continue
            assert f"Halaman {i} dari {total}" in page, (path.name, i)
            assert "01/SOP/DKPS/SKRT/X/2016" in page


def test_outline_one_entry_per_section(binder, project):
    entries = outline(binder)
    titles = [t for t, _ in entries]
    assert titles == ["Halaman Judul", "Daftar Isi", "Identitas", "Lembar Pengesahan"] + [
        p.data.judul for p in project.procedures
    ]
    pages = pages_text(binder)
    starts = [i for _, i in entries]
    assert starts[:5] == [0, 1, 2, 4, 5]  # each procedure after the one before it:
    assert starts[4:] == sorted(set(starts[4:]))  # how many pages each takes is the layout's
    for title, index in entries[4:]:
        assert flat(title) in flat(pages[index]), title
    assert "STANDAR OPERASIONAL PROSEDUR" in pages[0]
    assert "DAFTAR ISI" in pages[1]
    assert "NOMOR SOP" in pages[2]
    assert "LEMBAR PENGESAHAN SOP" in pages[4]


def test_procedure_pdf_is_a_whole_sop(built, project):
    out = built[0]
    for proc in project.procedures:
        path = out / "pdf" / f"{proc.id}.pdf"
        pages = [flat(p) for p in pages_text(path)]
        k = next(i for i, p in enumerate(pages) if "LEMBAR PENGESAHAN SOP" in p)
        identity, approval, flow = " ".join(pages[:k]), pages[k], pages[k + 1 :]
        # its identity page: the document's with this procedure's Nomor and name
        assert f"NOMOR SOP : {project.procedure_nomor(proc)}" in identity
        assert f"STANDAR OPERASIONAL PROSEDUR (SOP) : {flat(proc.data.judul)}" in identity
        assert "DISAHKAN OLEH" in identity and "Ir. EKANTO MALIPURBOWO, MM" in identity
        assert "DASAR HUKUM" in identity
        assert "LEMBAR PENGESAHAN SOP" in approval and "Menyetujui" in approval
        text = " ".join(flow)
        assert flow and all(flat(proc.data.judul) in p for p in flow)
        for step in proc.data.kegiatan:
            assert flat(step.uraian) in text
        assert outline(path) == [
            ("Identitas", 0),
            ("Lembar Pengesahan", k),
            (proc.data.judul, k + 1),
        ]
        sizes = page_sizes(path)
        assert sizes[k] == (595, 842) and set(sizes[:k] + sizes[k + 1 :]) == {(842, 595)}
        info = pdfinfo(path)
        # the title says SOP once: "SOP PENYUSUNAN ..." not "SOP SOP PENYUSUNAN ..."
        assert info["Title"] == f"{proc.data.judul} - {project.dokumen.instansi.dinas}"
        assert info["Subject"].endswith(f"Nomor {project.procedure_nomor(proc)}")


def test_same_input_same_bytes(project, built, tmp_path):
    again = build_pdfs(project, tmp_path)
    for first, second in zip(built[1], again, strict=True):
        assert first.read_bytes() == second.read_bytes(), first.name


def test_f4_option(project, tmp_path):
    paths = build_pdfs(project, tmp_path, paper="F4")
    for path in paths:
        # F4 = 215 x 330 mm: every page, upright or landscape
        assert set(page_sizes(path)) == {(935, 609), (609, 935)}, path.name


def test_show_total_override(project, built, tmp_path):
    assert project.dokumen.pengaturan.tampilkan_jumlah_waktu is False
    assert "Jumlah waktu" not in pdftotext(built[0] / "pdf" / "lakip.pdf")
    paths = build_pdfs(project, tmp_path, show_total=True)
    for path in paths[1:]:
        assert "Jumlah waktu" in flat(pdftotext(path, "-raw")), path.name
