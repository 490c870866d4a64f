"""The revision history in the binder: the identity page prints the latest revision's date;
the optional appendix "LAMPIRAN: RIWAYAT REVISI" comes after the procedures, with every
revision, its own outline entry and the page numbering running on."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest

from sopgen.layout.style import Style
from sopgen.model import Revisi
from sopgen.model.text import to_reportlab_blocks
from sopgen.render.pdf.binder import build_pdfs, render_binder
from tests.render.pdf_support import flat, outline, pages_text
from tests.render.revision_support import EXPECTED, LATEST, revised_project

TITLE = "LAMPIRAN: RIWAYAT REVISI"


def text_blocks(text: str) -> list[tuple[str | None, str]]:
    return [(b.bullet, b.markup) for b in to_reportlab_blocks(text)]


@pytest.fixture(scope="module")
def with_appendix(tmp_path_factory) -> Path:
    """The revised copy with ``pengaturan.lampiran_riwayat_revisi: true``, built as-is."""
    tmp = tmp_path_factory.mktemp("rev-on")
    project = revised_project(tmp, appendix=True)
    build_pdfs(project, tmp / "out")
    return tmp / "out" / "pdf" / "sekretariat.pdf"


@pytest.fixture(scope="module")
def without_appendix(tmp_path_factory) -> Path:
    """The revised copy with the default settings (no appendix)."""
    tmp = tmp_path_factory.mktemp("rev-off")
    build_pdfs(revised_project(tmp), tmp / "out")
    return tmp / "out" / "pdf" / "sekretariat.pdf"


def _appendix_pages(path: Path) -> list[str]:
    pages = pages_text(path)
    return [p for p in pages if TITLE in p or "No. Revisi" in p]


def _page_size(path: Path, number: int) -> tuple[float, float]:
    out = subprocess.run(
        ["pdfinfo", "-f", str(number), "-l", str(number), str(path)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    m = re.search(rf"Page\s+{number} size:\s+([\d.]+) x ([\d.]+)", out)
    return float(m.group(1)), float(m.group(2))


def _identity(path: Path) -> str:
    return flat(next(p for p in pages_text(path) if "NOMOR SOP" in p))


def test_identity_page_prints_the_latest_revision_date(without_appendix):
    first = _identity(without_appendix)
    assert f"TANGGAL REVISI : {LATEST}" in first
    assert "01 Desember 2017" not in first  # identitas.tanggal_revisi, superseded


def test_the_history_is_never_in_the_identity_block(with_appendix):
    pages = pages_text(with_appendix)
    front = flat(" ".join(p for p in pages if "LEMBAR PENGESAHAN" in p or "NOMOR SOP" in p))
    assert "RIWAYAT REVISI" not in front
    for _, _, _, perubahan, _ in EXPECTED:
        assert perubahan not in front


def test_appendix_lists_every_revision_in_date_order(with_appendix):
    appendix = _appendix_pages(with_appendix)
    assert len(appendix) == 1
    text = flat(appendix[0])
    assert text.startswith(TITLE)
    assert "No. Revisi Tanggal Bagian Perubahan Disetujui oleh" in text
    starts = []
    for nomor, tanggal, bagian, perubahan, _ in EXPECTED:
        row = f"{nomor} {tanggal} {bagian} {perubahan}"
        at = text.find(row, starts[-1] + 1 if starts else 0)
        assert at >= 0, f"row {row!r} missing or out of order in {text!r}"
        starts.append(at)
    # each approver within its own row
    for (*_, approver), start, end in zip(EXPECTED, starts, [*starts[1:], len(text)], strict=True):
        if approver:
            assert approver in text[start:end], approver
    # the approver's jabatan under the name; a list in Perubahan keeps one item per line
    assert "Ir. EKANTO MALIPURBOWO, MM Kepala Dinas Kependudukan dan" in text
    assert "Drs. ANANG DWI TJAHJONO, M.Si Sekretaris Dinas" in text
    lines = appendix[0].splitlines()
    assert any(line.endswith("Dasar hukum diperbarui:") for line in lines)
    assert any("• Permendagri Nomor 108 Tahun 2019 ditambahkan;" in line for line in lines)
    assert any("• Perda Nomor 14 Tahun 2016 diperbaiki judulnya." in line for line in lines)
    assert "**" not in text
    # no approver named: a dash
    n = len(pages_text(with_appendix))
    assert text.endswith(
        f"Pelaksana langkah 2 diganti Kasubag Perencanaan - "
        f"01/SOP/DKPS/SKRT/X/2016 Halaman {n} dari {n}"
    )


def test_hostile_text_is_printed_as_text(with_appendix):
    # the markup typed in YAML is shown, not interpreted (no bold "tebal", no lost text)
    text = flat(_appendix_pages(with_appendix)[0])
    assert "<script>alert(1)</script> & <b>tebal</b>" in text


def test_appendix_comes_last_with_its_outline_entry_and_page_numbers(with_appendix):
    pages = pages_text(with_appendix)
    n = len(pages)
    assert TITLE in pages[-1] and all(TITLE not in p for p in pages[:-1])
    entries = outline(with_appendix)
    assert entries[-1] == ("Riwayat Revisi", n - 1)
    assert [t for t, _ in entries][:4] == [
        "Halaman Judul",
        "Daftar Isi",
        "Identitas",
        "Lembar Pengesahan",
    ]
    assert entries[-2][0].startswith("SOP PENYUSUNAN LAPORAN STANDAR PELAYANAN MINIMAL")
    assert entries[-2][1] < n - 1  # the last procedure comes before the appendix
    assert "Halaman" not in pages[0]  # the cover carries no page number
    for number, page in enumerate(pages[1:], 2):
        assert f"Halaman {number} dari {n}" in page, number
    # the footer keeps the document's Nomor SOP, and the page stays landscape like the rest
    assert "01/SOP/DKPS/SKRT/X/2016" in pages[-1]
    w, h = _page_size(with_appendix, n)
    assert (w, h) == _page_size(with_appendix, entries[2][1] + 1) and w > h


def test_no_appendix_by_default(with_appendix, without_appendix):
    pages = pages_text(without_appendix)
    assert all("RIWAYAT REVISI" not in p and "No. Revisi" not in p for p in pages)
    assert "Riwayat Revisi" not in [t for t, _ in outline(without_appendix)]
    assert len(pages) == len(pages_text(with_appendix)) - 1


def test_the_build_option_overrides_the_setting(tmp_path):
    on = revised_project(tmp_path / "a", appendix=True)
    off = revised_project(tmp_path / "b")
    build_pdfs(on, tmp_path / "on-but-off", riwayat=False)
    build_pdfs(off, tmp_path / "off-but-on", riwayat=True)
    assert not _appendix_pages(tmp_path / "on-but-off" / "pdf" / "sekretariat.pdf")
    assert len(_appendix_pages(tmp_path / "off-but-on" / "pdf" / "sekretariat.pdf")) == 1
    # a procedure's own PDF is its flowchart only
    lakip = tmp_path / "off-but-on" / "pdf" / "lakip.pdf"
    assert all("RIWAYAT" not in p for p in pages_text(lakip))


def test_no_revision_no_appendix(tmp_path):
    from sopgen.build import load_project
    from tests.render.revision_support import DATA

    project = load_project(DATA)
    assert project.dokumen.revisi == [] and all(not p.data.revisi for p in project.procedures)
    path = tmp_path / "b.pdf"
    path.write_bytes(render_binder(project, [], Style(), riwayat=True))
    assert all("RIWAYAT" not in p for p in pages_text(path))
    assert "Riwayat Revisi" not in [t for t, _ in outline(path)]
    # and the identity keeps the written Tanggal Revisi
    assert "TANGGAL REVISI : 01 Desember 2017" in _identity(path)


def test_a_long_history_runs_over_pages_with_the_header_repeated(tmp_path):
    project = revised_project(tmp_path, appendix=True)
    many = [
        Revisi(
            nomor=n,
            tanggal=dt.date(2018, 1, 1) + dt.timedelta(days=20 * n),
            perubahan=f"Perubahan ke-{n}: " + "kalimat yang cukup panjang " * (n % 7 + 1),
            disetujui_oleh="sekretaris_dinas",
        )
        for n in range(1, 61)
    ]
    long_one = Revisi(
        nomor=61,
        tanggal=dt.date(2022, 1, 1),
        perubahan="\n".join(f"- butir perubahan nomor {i}" for i in range(1, 121)),
    )
    dokumen = project.dokumen.model_copy(update={"revisi": [*many, long_one]})
    project = project.model_copy(update={"dokumen": dokumen})
    path = tmp_path / "long.pdf"
    path.write_bytes(render_binder(project, [], Style()))
    pages = pages_text(path)
    appendix = [p for p in pages if "No. Revisi" in p]
    assert len(appendix) >= 4
    for page in appendix:  # the header once on every page, never twice
        assert flat(page).count("No. Revisi Tanggal Bagian Perubahan Disetujui oleh") == 1
    text = flat(" ".join(appendix))
    for n in range(1, 61):
        assert text.count(f"Perubahan ke-{n}: ") == 1, n
    for i in range(1, 121):  # a row taller than a page is split, not clipped
        assert text.count(f"• butir perubahan nomor {i} ") == 1, i
    # ... and each page it continues on says which revision it is
    rest = [p for p in appendix if "butir perubahan" in p][1:]
    assert len(rest) >= 2
    assert all(
        flat(p).startswith("No. Revisi Tanggal Bagian Perubahan Disetujui oleh 61 (lanjutan) •")
        for p in rest
    )
    total = len(pages)
    for number, page in enumerate(pages[1:], 2):  # after the cover
        assert f"Halaman {number} dari {total}" in page


def test_perubahan_blocks_follow_markdown():
    # the reading of the handbook (model.text): a line break typed in the text stays one,
    # so "2. y" right under a bullet item is a line of that item, printed as written
    assert text_blocks("Satu\ndua\n\n- **x**\n  lanjut\n2. y\n\nakhir") == [
        (None, "Satu<br/>dua"),
        ("\u2022", "<b>x</b><br/>lanjut<br/>2. y"),
        (None, "akhir"),
    ]
    bullet = "\u2022"
    assert text_blocks("Diubah:\n- a\n1. b") == [(None, "Diubah:"), (bullet, "a<br/>1. b")]
    assert text_blocks("1. a\n2. b\n\n3. c") == [("1.", "a"), ("2.", "b"), ("3.", "c")]
    # a list keeps the number it starts with
    assert text_blocks("3. tiga\n4. empat") == [("3.", "tiga"), ("4.", "empat")]
    assert text_blocks("2 * 3 = 6\n*miring* saja") == [(None, "2 * 3 = 6<br/><i>miring</i> saja")]
