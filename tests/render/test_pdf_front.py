"""Identity page and Lembar Pengesahan details: logo, long and empty lists, markup,
officials, errors, atomic writes."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from sopgen.build import load_project
from sopgen.errors import RenderError
from sopgen.layout.style import Style
from sopgen.model.dates import format_date, place_and_date
from sopgen.render.pdf.binder import build_pdfs, render_binder
from sopgen.render.pdf.front import inline_markup
from tests.render.pdf_support import flat, pages_text, pdftotext

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def project():
    return load_project(ROOT / "data" / "sekretariat")


def with_dokumen(project, **changes):
    return project.model_copy(update={"dokumen": project.dokumen.model_copy(update=changes)})


def front_only(project, tmp_path, name="front.pdf") -> Path:
    """The binder without procedures, cover and Daftar Isi: identity + Lembar Pengesahan
    only (fast)."""
    settings = project.dokumen.pengaturan.model_copy(
        update={"halaman_judul": False, "daftar_isi": False}
    )
    path = tmp_path / name
    path.write_bytes(render_binder(with_dokumen(project, pengaturan=settings), [], Style()))
    return path


def images(path: Path) -> list[str]:
    out = subprocess.run(
        ["pdfimages", "-list", str(path)], check=True, capture_output=True, text=True
    ).stdout
    return out.splitlines()[2:]


def test_dates_in_indonesian():
    assert format_date(dt.date(2017, 12, 8)) == "08 Desember 2017"
    assert format_date(dt.date(2016, 2, 29)) == "29 Februari 2016"
    assert format_date(None) == "-"
    assert place_and_date("Trenggalek", dt.date(2017, 1, 1)) == "Trenggalek, 01 Januari 2017"


def test_inline_markup_is_escaped_first():
    assert inline_markup("a & b <script>") == "a &amp; b &lt;script&gt;"
    assert inline_markup("**Penting** dan *miring*") == "<b>Penting</b> dan <i>miring</i>"
    assert inline_markup("2 * 3 * 4") == "2 * 3 * 4"  # lone stars stay text
    assert inline_markup("**<b>x</b>**") == "<b>&lt;b&gt;x&lt;/b&gt;</b>"


def test_without_logo_no_image(project, tmp_path):
    assert project.dokumen.instansi.logo is None
    path = front_only(project, tmp_path)
    assert images(path) == []
    assert "PEMERINTAH KABUPATEN TRENGGALEK" in pages_text(path)[0]


def test_with_logo(project, tmp_path):
    folder = tmp_path / "sekretariat"
    folder.mkdir()
    Image.new("RGB", (120, 150), (200, 30, 30)).save(folder / "logo.png")
    instansi = project.dokumen.instansi.model_copy(update={"logo": "logo.png"})
    proj = with_dokumen(project, instansi=instansi).model_copy(update={"path": str(folder)})
    path = front_only(proj, tmp_path)
    listed = images(path)
    assert len(listed) == 1 and listed[0].split()[0] == "1"  # one image, on page 1
    first = flat(pages_text(path)[0])
    assert "PEMERINTAH KABUPATEN TRENGGALEK" in first and "NOMOR SOP" in first


def test_missing_logo_is_a_message(project, tmp_path):
    instansi = project.dokumen.instansi.model_copy(update={"logo": "tidak-ada.png"})
    proj = with_dokumen(project, instansi=instansi)
    with pytest.raises(RenderError, match="instansi.logo.*tidak-ada.png"):
        front_only(proj, tmp_path)


def test_empty_list_prints_a_dash(project, tmp_path):
    assert project.dokumen.pencatatan == []
    text = flat(" ".join(pages_text(front_only(project, tmp_path))[:2]))
    assert "PENCATATAN DAN PENDATAAN : -" in text


def test_markup_and_escaping_in_lists(project, tmp_path):
    proj = with_dokumen(
        project,
        peringatan=["Apabila **terlambat** maka <script>alert(1)</script> & *ditegur*"],
    )
    path = front_only(proj, tmp_path)
    text = flat(pdftotext(path, "-raw"))
    assert "Apabila terlambat maka <script>alert(1)</script> & ditegur" in text
    assert "**" not in text


def test_long_lists_split_cleanly_across_pages(project, tmp_path):
    items = [
        f"Peraturan nomor {n} tentang sesuatu yang panjang sekali " + "kata " * (n % 40)
        for n in range(1, 121)
    ]
    proj = with_dokumen(
        project, dasar_hukum=items, kualifikasi_pelaksana=[f"Mampu {n}" for n in range(30)]
    )
    path = front_only(proj, tmp_path)
    pages = pages_text(path)
    assert len(pages) >= 4
    text = flat(" ".join(pages))
    for n, item in enumerate(items, 1):
        assert text.count(f"{n}. {flat(item)}") == 1, f"item {n} missing, clipped or doubled"
    assert "DASAR HUKUM (lanjutan) :" in text
    # every word stays inside the page frame (nothing clipped or drawn off the page)
    out = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    style = Style()
    import re

    # each page by its own size (the Lembar Pengesahan stands upright)
    for page in re.split(r"<page ", out)[1:]:
        w, h = (float(v) for v in re.match(r'width="([\d.]+)" height="([\d.]+)"', page).groups())
        for m in re.finditer(
            r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', page
        ):
            x0, y0, x1, y1 = map(float, m.groups())
            assert style.margin_left - 1 <= x0 and x1 <= w - style.margin_right + 1
            assert style.margin_top - 1 <= y0 and y1 <= h - 5


def test_missing_official_is_a_message(project, tmp_path):
    pengesahan = project.dokumen.pengesahan.model_copy(update={"menyetujui": "bupati"})
    with pytest.raises(RenderError, match="pengesahan.menyetujui.*bupati"):
        front_only(with_dokumen(project, pengesahan=pengesahan), tmp_path)


def test_failed_build_keeps_previous_files(project, tmp_path):
    paths = build_pdfs(project, tmp_path)
    before = {p: p.read_bytes() for p in paths}
    pengesahan = project.dokumen.pengesahan.model_copy(update={"menyetujui": "bupati"})
    with pytest.raises(RenderError):
        build_pdfs(with_dokumen(project, pengesahan=pengesahan), tmp_path)
    assert {p: p.read_bytes() for p in paths} == before
    assert sorted((tmp_path / "pdf").iterdir()) == sorted(paths)


def test_pppk_and_underline_option(project, tmp_path):
    pejabat = dict(project.dokumen.pejabat)
    pejabat["kasubag_perencanaan"] = pejabat["kasubag_perencanaan"].model_copy(
        update={"jenis_nip": "pppk"}
    )
    proj = with_dokumen(project, pejabat=pejabat)
    text = flat(" ".join(pages_text(front_only(proj, tmp_path))))
    assert "NI PPPK. 19690113 199603 2 003" in text


def test_four_reviewers_fit_side_by_side(project, tmp_path):
    pejabat = dict(project.dokumen.pejabat)
    pejabat["kabid"] = pejabat["sekretaris_dinas"].model_copy(
        update={"jabatan": "Kepala Bidang Pelayanan Pendaftaran Penduduk", "nama": "BUDI, S.H."}
    )
    keys = [*project.dokumen.pengesahan.mengetahui, "kabid"]
    pengesahan = project.dokumen.pengesahan.model_copy(update={"mengetahui": keys})
    path = front_only(with_dokumen(project, pejabat=pejabat, pengesahan=pengesahan), tmp_path)
    pages = pages_text(path)
    page = flat(next(p for p in pages if "LEMBAR PENGESAHAN" in p))
    assert "BUDI, S.H." in page and "Kepala Bidang Pelayanan" in page
    assert sum("LEMBAR PENGESAHAN" in p for p in pages) == 1


def test_control_characters_dropped(project, tmp_path):
    proj = with_dokumen(project, peralatan=["Kom\x00puter\u202e & Printer"])
    text = flat(pdftotext(front_only(proj, tmp_path), "-raw"))
    assert "Komputer & Printer" in text


def test_broken_logo_is_a_message(project, tmp_path):
    (tmp_path / "logo.png").write_bytes(b"bukan gambar")
    instansi = project.dokumen.instansi.model_copy(update={"logo": "logo.png"})
    proj = with_dokumen(project, instansi=instansi).model_copy(update={"path": str(tmp_path)})
    with pytest.raises(RenderError, match="bukan gambar PNG, JPEG atau SVG"):
        front_only(proj, tmp_path)


def test_unwritable_output_is_a_message(project, tmp_path):
    (tmp_path / "pdf").mkdir()
    (tmp_path / "pdf" / "sekretariat.pdf").mkdir()  # a folder where the binder should go
    with pytest.raises(RenderError, match="tidak dapat menulis .*sekretariat.pdf"):
        build_pdfs(project, tmp_path)
    assert [p.name for p in (tmp_path / "pdf").iterdir()] == ["sekretariat.pdf"]


def test_a_column_that_runs_on_alone_uses_both_columns(project, tmp_path):
    # DASAR HUKUM (21 items) continues on page 2 while KUALIFIKASI PELAKSANA has ended:
    # its rest fills both columns instead of leaving the right one empty
    path = front_only(project, tmp_path)
    out = subprocess.run(
        ["pdftotext", "-bbox", "-f", "2", "-l", "2", str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    import re

    words = re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', out)
    below = next(float(y) for _, y, t in words if t == "KETERKAITAN")  # the next row
    starts = {
        text: (float(x), float(y))
        for x, y, text in words
        if re.fullmatch(r"\d+\.", text) and float(y) < below
    }
    heading = next((float(x), float(y)) for x, y, t in words if t == "(lanjutan)")
    rest = sorted(int(k[:-1]) for k in starts)  # the DASAR HUKUM items continued on page 2
    assert rest == list(range(rest[0], 22)) and rest[0] > 1
    divider = 842 * 0.4  # the columns split at 40..55 % of the frame, after the margin
    left = [n for n in rest if starts[f"{n}."][0] < divider]
    right = [n for n in rest if starts[f"{n}."][0] > divider]
    assert left and right and max(left) < min(right)  # down the left, then down the right
    assert starts[f"{min(right)}."][1] < starts[f"{max(left)}."][1]  # the right starts on top
    assert all(y > heading[1] for _, y in starts.values())  # under the heading across
    text = flat(pdftotext(path, "-raw"))
    assert text.count("DASAR HUKUM (lanjutan) :") == 1


def test_items_are_never_cut_between_pages(project, tmp_path):
    # on F4 the DASAR HUKUM list breaks at another place than on A4: still between items
    for paper in ("A4", "F4"):
        style = Style(paper=paper)
        settings = project.dokumen.pengaturan.model_copy(
            update={"halaman_judul": False, "daftar_isi": False}
        )
        path = tmp_path / f"{paper}.pdf"
        path.write_bytes(render_binder(with_dokumen(project, pengaturan=settings), [], style))
        second = flat(pages_text(path)[1])
        assert second.startswith("DASAR HUKUM (lanjutan) : "), paper
        assert re.match(r"DASAR HUKUM \(lanjutan\) : \d+\. ", second), paper
