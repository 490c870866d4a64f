"""The identity page fits one page whenever it can (render/pdf/identity_fit.py): the real
SOPs whose originals print it on one page get it on one page, with every item; one that
cannot fit breaks between items and loses nothing. Only the identity page is rendered
(no procedures, no cover, no Daftar Isi), so these stay cheap."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from sopgen.build import load_project
from sopgen.layout.style import Style
from sopgen.model.identity import LIST_FIELDS, effective_identity
from sopgen.render.pdf import identity, identity_fit, identity_paragraphs
from sopgen.render.pdf.binder import render_binder
from tests.render.pdf_support import flat, pages_text

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT / "tests" / "fixtures" / "real"
LAST_ROW = "PENCATATAN DAN PENDATAAN"


def identity_only(project, tmp_path: Path, name: str = "identitas.pdf", paper="A4") -> Path:
    """The binder without cover, Daftar Isi, Lembar Pengesahan and procedures."""
    dokumen = project.dokumen
    settings = dokumen.pengaturan.model_copy(update={"halaman_judul": False, "daftar_isi": False})
    dokumen = dokumen.model_copy(update={"pengaturan": settings, "pengesahan": None})
    path = tmp_path / name
    path.write_bytes(
        render_binder(project.model_copy(update={"dokumen": dokumen}), [], Style(paper=paper))
    )
    return path


def items(project) -> list[str]:
    ident = effective_identity(project, None)
    texts = [getattr(item, "teks", item) for field in LIST_FIELDS for item in getattr(ident, field)]
    return [flat(text) for text in texts]


# Originals that print the identity page on one page; before the fit, sopgen pushed the
# last row (Peringatan | Pencatatan) onto a second page for each of these.
@pytest.mark.parametrize(
    "name",
    ["bps-pdrb-triwulanan", "bps-pelaksanaan-kontrak", "bps-surat-tugas", "bps-update-wilayah"],
)
def test_identity_page_of_a_real_sop_fits_one_page(name, tmp_path):
    project = load_project(REAL / name)
    pages = pages_text(identity_only(project, tmp_path))
    assert len(pages) == 1, f"{len(pages)} halaman identitas"
    page = flat(pages[0])
    assert LAST_ROW in page
    assert project.dokumen.identitas.nomor in page
    for item in items(project):
        assert item in page, f"butir hilang: {item}"


def test_short_items_stand_in_two_columns(tmp_path):
    # the originals print a Peralatan of short items in two columns: 1 2 3 | 4 5 6
    project = load_project(ROOT / "data" / "sekretariat")
    tools = ["Alat Tulis", "Cap Kantor", "PC/Laptop", "Printer", "Jaringan Internet", "Scanner"]
    dokumen = project.dokumen.model_copy(update={"peralatan": tools})
    path = identity_only(project.model_copy(update={"dokumen": dokumen}), tmp_path)
    out = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    words = re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', out)
    at = {t: (float(x), float(y)) for x, y, t in words}
    assert at["Alat"][1] == pytest.approx(at["Printer"][1], abs=0.5)  # 1. beside 4.
    assert at["Printer"][0] > at["Alat"][0] + 100
    assert at["Cap"][1] > at["Alat"][1] and at["Scanner"][1] > at["Printer"][1]


def _long(what: str, n: int, words: int) -> list[str]:
    return [f"{what} nomor {i} " + " ".join(["panjang"] * (words + i % 7)) for i in range(1, n + 1)]


def test_a_page_that_nearly_fits_is_tightened_onto_one_page(tmp_path):
    # 20 Peralatan items beside the fixture's long lists: some 200 pt too tall for the
    # normal style; tightened (and the items in two columns at 7 pt) it fits
    project = load_project(REAL / "bps-pdrb-triwulanan")
    tools = [f"Perangkat pendukung kegiatan nomor {i} beserta kelengkapannya" for i in range(20)]
    dokumen = project.dokumen.model_copy(update={"peralatan": tools})
    project = project.model_copy(update={"dokumen": dokumen})
    pages = pages_text(identity_only(project, tmp_path))
    assert len(pages) == 1
    page = flat(pages[0])
    assert LAST_ROW in page and all(item in page for item in items(project))


@pytest.mark.parametrize("paper", ["A4", "F4"])
def test_a_page_that_cannot_fit_breaks_between_items_and_loses_nothing(tmp_path, paper):
    project = load_project(ROOT / "data" / "sekretariat")
    dokumen = project.dokumen.model_copy(
        update={"dasar_hukum": _long("Peraturan", 45, 12), "peringatan": _long("Awas", 6, 30)}
    )
    project = project.model_copy(update={"dokumen": dokumen})
    pages = [flat(p) for p in pages_text(identity_only(project, tmp_path, paper=paper))]
    assert len(pages) >= 2
    for item in items(project):
        holding = [n for n, page in enumerate(pages) if item in page]
        assert len(holding) == 1, f"butir terpotong, hilang atau ganda: {item}"
    # the break is between items: each continued page opens with a framed row heading
    for page in pages[1:]:
        assert re.match(r"[A-Z/ ]+(\(lanjutan\) )?: ", page), page[:80]
    assert sum(page.count(LAST_ROW) for page in pages) == 1


def _cold(render):
    """``render()`` with the fits kept from earlier pages forgotten."""
    identity_fit.CHOSEN.clear()
    identity.ROW_HEIGHTS.clear()
    identity.TOP_HEIGHTS.clear()
    identity_paragraphs.SHARED.clear()
    return render()


def test_a_fit_kept_from_another_page_never_changes_a_page(tmp_path):
    # the fit is kept per content (identity_fit.CHOSEN, identity.ROW_HEIGHTS): a page
    # rendered after others, in one process, is the same bytes as rendered alone; one
    # more Peralatan item (a taller row) is not mistaken for the page before it
    project = load_project(REAL / "bps-pdrb-triwulanan")
    tools = [f"Perangkat pendukung kegiatan nomor {i} beserta kelengkapannya" for i in range(16)]
    pages = []
    for extra in ([], ["Perangkat tambahan"] * 4):
        dokumen = project.dokumen.model_copy(update={"peralatan": tools + extra})
        pages.append(project.model_copy(update={"dokumen": dokumen}))

    def render(p):
        return lambda: identity_only(p, tmp_path).read_bytes()

    alone = [_cold(render(p)) for p in pages]
    assert alone[0] != alone[1]
    _cold(render(pages[0]))
    assert render(pages[1])() == alone[1]
    assert render(pages[0])() == alone[0]
    assert identity_fit.CHOSEN and identity.ROW_HEIGHTS
