"""The revision history in the handbook: the document page shows every revision of the
document and its procedures (oldest first, Bagian linked to the procedure), each procedure
page its own, and the Tanggal Revisi is the latest revision's date."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from sopgen.build import load_project
from sopgen.render.html.site import build_site
from tests.html.support import scan
from tests.render.revision_support import (
    DOKUMEN,
    EXPECTED,
    LAKIP,
    LATEST,
    revised_project,
    write_revised_copy,
)


class Tables(HTMLParser):
    """The revision tables of a page: caption, header cells (with scope) and rows (cell
    text, whitespace collapsed; and the links in each cell)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[dict] = []
        self.cell: list[str] | None = None
        self.in_caption = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table" and "revisions-table" in (a.get("class") or ""):
            self.tables.append({"caption": "", "head": [], "rows": [], "links": []})
        elif not self.tables or self.tables[-1].get("done"):
            return
        elif tag == "caption":
            self.in_caption = True
        elif tag == "tr":
            self.row: list[str] = []
            self.row_links: list[list[str]] = []
        elif tag in ("td", "th"):
            self.cell, self.scope = [], a.get("scope")
            self.row_links.append([])
        elif tag == "a" and self.cell is not None:
            self.row_links[-1].append(a.get("href"))

    def handle_endtag(self, tag):
        if not self.tables or self.tables[-1].get("done"):
            return
        t = self.tables[-1]
        if tag == "caption":
            self.in_caption = False
        elif tag in ("td", "th") and self.cell is not None:
            text = " ".join("".join(self.cell).split())
            if tag == "th":
                t["head"].append((text, self.scope))
            else:
                self.row.append(text)
            self.cell = None
        elif tag == "tr" and self.row:
            t["rows"].append(self.row)
            t["links"].append(self.row_links)
        elif tag == "table":
            t["done"] = True

    def handle_data(self, data):
        if self.in_caption:
            self.tables[-1]["caption"] += data
        elif self.cell is not None:
            self.cell.append(data)


def tables(path: Path) -> list[dict]:
    parser = Tables()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.tables


def text(path: Path) -> str:
    return " ".join(" ".join(scan(path).text).split())


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("revisi")
    build_site(revised_project(tmp), tmp / "out")
    return tmp / "out" / "html"


def test_document_page_prints_the_latest_revision_date(site):
    assert f"Tanggal Revisi {LATEST} Tanggal Efektif" in text(site / "dokumen" / "sekretariat.html")


def test_document_page_lists_every_revision_in_date_order(site):
    (table,) = tables(site / "dokumen" / "sekretariat.html")
    assert table["caption"] == "Riwayat revisi BIDANG SEKRETARIAT"
    assert table["head"] == [
        (h, "col") for h in ("Revisi", "Tanggal", "Bagian", "Perubahan", "Disetujui oleh")
    ]
    rows = table["rows"]
    assert [r[:3] for r in rows] == [[n, t, b] for n, t, b, _, _ in EXPECTED]
    for row, (_, _, _, perubahan, approver) in zip(rows, EXPECTED, strict=True):
        assert row[3].startswith(perubahan)
        assert row[4].startswith(approver) if approver else row[4] == "-"
    # the approver's jabatan under the name
    assert rows[0][4] == (
        "Ir. EKANTO MALIPURBOWO, MM"
        "Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Trenggalek"
    )
    assert rows[1][4] == "Drs. ANANG DWI TJAHJONO, M.SiSekretaris Dinas"
    # Bagian: the procedure's title links to its page; the document itself is not a link
    bagian_links = [links[2] for links in table["links"]]
    assert bagian_links == [[], ["../prosedur/lakip.html"], [], ["../prosedur/lakip.html"]]
    assert {r[2] for r in rows} == {DOKUMEN, LAKIP}


def test_a_list_under_a_line_of_text_is_a_list(site):
    html = (site / "dokumen" / "sekretariat.html").read_text(encoding="utf-8")
    assert (
        "<p>Dasar hukum diperbarui:</p>\n<ul>\n<li>Permendagri Nomor 108 Tahun 2019 "
        "ditambahkan;</li>\n<li><strong>Perda</strong> Nomor 14 Tahun 2016"
    ) in html


def test_procedure_page_lists_its_own_revisions(site):
    (table,) = tables(site / "prosedur" / "lakip.html")
    assert table["caption"] == f"Riwayat revisi {LAKIP}"
    assert [h for h, _ in table["head"]] == ["Revisi", "Tanggal", "Perubahan", "Disetujui oleh"]
    assert [r[:2] for r in table["rows"]] == [["1", "15 Januari 2018"], ["2", "20 Juni 2019"]]
    assert table["rows"][1][2] == "Pelaksana langkah 2 diganti Kasubag Perencanaan"
    page = text(site / "prosedur" / "lakip.html")
    assert "Riwayat Revisi" in page
    # a procedure without revisions shows no section at all
    for other in ("renstra", "renja", "spm"):
        assert tables(site / "prosedur" / f"{other}.html") == []
        assert "Riwayat Revisi" not in text(site / "prosedur" / f"{other}.html")


def test_hostile_text_in_perubahan_is_escaped(site):
    html = (site / "prosedur" / "lakip.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;tebal&lt;/b&gt;" in html
    assert "<script>alert" not in html and "<b>tebal" not in html
    doc = (site / "dokumen" / "sekretariat.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in doc and "<script>alert" not in doc


def test_a_javascript_link_in_perubahan_loses_its_href(tmp_path):
    folder = write_revised_copy(tmp_path)
    lakip = folder / "lakip.yaml"
    lakip.write_text(
        lakip.read_text(encoding="utf-8").replace(
            "diganti Kasubag Perencanaan", "diganti [Kasubag](javascript:alert(2)) Perencanaan"
        ),
        encoding="utf-8",
    )
    build_site(load_project(folder), tmp_path / "out")
    page = tmp_path / "out" / "html" / "prosedur" / "lakip.html"
    (table,) = tables(page)
    assert table["rows"][1][2] == "Pelaksana langkah 2 diganti Kasubag Perencanaan"
    assert "javascript:" not in page.read_text(encoding="utf-8")


def test_nothing_shown_without_revisions(tmp_path):
    from tests.render.revision_support import DATA

    build_site(load_project(DATA), tmp_path)
    site = tmp_path / "html"
    page = site / "dokumen" / "sekretariat.html"
    assert tables(page) == []
    assert "Riwayat Revisi" not in text(page)
    # the written Tanggal Revisi stays
    assert "Tanggal Revisi 01 Desember 2017" in text(page)
    assert all(tables(p) == [] for p in (site / "prosedur").glob("*.html"))
