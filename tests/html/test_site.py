"""The handbook's pages: what a reader looks for is there, linked, and correct."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sopgen.render.html import site as html_mod
from sopgen.render.html.search import fold
from sopgen.render.html.site import build_site, templates_dir
from tests.html.support import contoh_layouts, html_pages, scan


def _text(path: Path) -> str:
    return " ".join(" ".join(scan(path).text).split())


def _tags(path: Path, tag: str):
    return [attrs for t, attrs in scan(path).tags if t == tag]


def test_pages_are_written(site):
    names = sorted(str(p.relative_to(site)) for p in html_pages(site))
    assert names == [
        "404.html",
        "cari.html",
        "dokumen/contoh.html",
        "index.html",
        "pelaksana/index.html",
        "pelaksana/kasubag-perencanaan.html",
        "pelaksana/kepala-dinas.html",
        "pelaksana/kepala-seksi.html",
        "pelaksana/petugas-loket.html",
        "pelaksana/sekretaris-dinas.html",
        "pelaksana/staf-perencanaan-pelaporan.html",
        "pelaksana/verifikator.html",
        "prosedur/lakip.html",
        "prosedur/verifikasi.html",
    ]
    for font in ("Regular", "Bold", "Italic", "BoldItalic"):
        ttf = site / "assets" / "fonts" / f"LiberationSans-{font}.ttf"
        assert ttf.read_bytes()[:4] == b"\x00\x01\x00\x00"
    assert (site / "assets" / "fonts" / "LICENSE-Liberation.txt").is_file()
    css = (site / "assets" / "style.css").read_text(encoding="utf-8")
    assert 'url("fonts/LiberationSans-Regular.ttf")' in css


def test_every_page_is_indonesian_offline_and_navigable(site):
    for page in html_pages(site):
        tags = scan(page).tags
        html_tag = next(a for t, a in tags if t == "html")
        assert html_tag["lang"] == "id"
        for _tag, attrs in tags:
            for key in ("href", "src"):
                url = attrs.get(key) or ""
                assert not re.match(r"^(https?:)?//", url), f"{page}: network URL {url}"
        nav = [a["href"] for t, a in tags if t == "a" and a.get("href")]
        root = "../" if page.parent != site else ""
        assert f"{root}index.html" in nav and f"{root}pelaksana/index.html" in nav
        # every relative link points at a file of the site (or the PDFs beside it)
        for url in nav:
            target = url.split("#")[0]
            if not target or target.startswith("mailto:"):
                continue
            resolved = (page.parent / target).resolve()
            if "/pdf/" in resolved.as_posix():
                continue
            assert resolved.is_file(), f"{page}: broken link {url}"
        scripts = [a.get("src") for t, a in tags if t == "script"]
        assert scripts == [
            f"{root}assets/theme.js",
            f"{root}assets/site.js",
            f"{root}assets/search.js",
        ]
        icons = [a.get("href") for t, a in tags if t == "link" and a.get("rel") == "icon"]
        assert icons == [f"{root}assets/favicon.svg"]


def test_home_lists_each_procedure_with_executors_and_total_time(site):
    text = _text(site / "index.html")
    assert "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL KABUPATEN CONTOH" in text
    assert "02/SOP/DKPS/SKRT/XII/2016" in text
    # LAKIP: 5 + 60 + 120 + 450 + 120 + 5 + 10 minutes = 770 = 1 day (450) 5 h 20 min
    # the total simply; how it adds up on demand (a closed <details>)
    assert "1 Hari 5 Jam 20 Menit rincian Jumlah per satuan: 20 Menit, 5 Jam, 1 Hari." in text
    # verifikasi: 9 steps of minutes (90) + 1,5 jam = 180 minutes
    assert "3 Jam rincian Jumlah per satuan: 90 Menit, 1,5 Jam." in text
    links = [a["href"] for a in _tags(site / "index.html", "a")]
    assert "prosedur/lakip.html" in links and "prosedur/verifikasi.html" in links
    assert "pelaksana/staf-perencanaan-pelaporan.html" in links
    # built without PDFs: no download link (a link never points outside the handbook)
    assert not [link for link in links if link.endswith(".pdf")]


def test_document_page_has_identity_lists_and_approval(site):
    page = site / "dokumen" / "contoh.html"
    text = _text(page)
    for expected in (
        "Nomor SOP 02/SOP/DKPS/SKRT/XII/2016",
        "Tanggal Pembuatan 01 Desember 2016",
        "Tanggal Revisi 01 Desember 2017",
        "Tanggal Efektif 08 Desember 2017",
        "Ir. EKANTO MALIPURBOWO, MM Pembina Utama Muda NIP. 19581111 199103 1 003",
        "Dasar Hukum",
        "Kualifikasi Pelaksana",
        "Peralatan/Perlengkapan Komputer & Printer, ATK",
        "Peringatan Apabila waktu penyelesaian",
        "Pencatatan dan Pendataan Buku agenda surat",
        "Lembar Pengesahan SOP Mengetahui Sekretaris Dinas Drs. ANANG DWI TJAHJONO, M.Si",
        "Menyetujui Contoh, 08 Desember 2017 Kepala Dinas",
    ):
        assert expected in text, expected
    html = page.read_text(encoding="utf-8")
    assert "Tentang <em>Administrasi Kependudukan</em>;" in html  # Markdown in a list item
    links = {a["href"] for a in _tags(page, "a")}
    assert {"../prosedur/lakip.html", "../prosedur/verifikasi.html"} <= links
    assert "SOP PENGARSIPAN (belum ada)" in text  # no procedure: text without a link


def test_procedure_page_table_is_accessible_and_anchored(site):
    page = site / "prosedur" / "verifikasi.html"
    tags = scan(page).tags
    rows = [a for t, a in tags if t == "tr" and a.get("id", "").startswith("langkah-")]
    assert [r["id"] for r in rows] == [f"langkah-{n}" for n in range(1, 11)]
    scopes = [a.get("scope") for t, a in tags if t == "th"]
    assert scopes.count("row") >= 10 and "col" in scopes and "colgroup" in scopes
    assert any(t == "caption" for t, _ in tags)
    text = _text(page)
    assert "Memeriksa kelengkapan berkas Ya: ke langkah 5 · Tidak: ke langkah 4" in text
    assert "Lanjut: ke langkah 1" in text
    assert "Pemohon menandatangani tanda terima" in text
    links = [a["href"] for a in _tags(page, "a")]
    assert not [link for link in links if link.endswith(".pdf")]
    assert "../prosedur/lakip.html" in links  # Keterkaitan
    assert "../pelaksana/verifikator.html" in links


def test_procedure_page_draws_one_symbol_per_step_across_its_pages(site):
    html = (site / "prosedur" / "verifikasi.html").read_text(encoding="utf-8")
    svgs = re.findall(r'<svg [^>]*class="flowchart"', html)
    assert len(svgs) == 2  # 10 steps, 8 per page in the hand-made layout
    steps = re.findall(r'class="symbol symbol-(\w+)" data-step="(\d+)"', html)
    assert [int(n) for _, n in steps] == list(range(1, 11))
    assert dict((int(n), k) for k, n in steps)[3] == "decision"
    assert 'data-label="A"' in html  # the off-page connector pair
    assert "Halaman 2 dari 2" in html


def test_time_chart_gives_each_executor_share(site):
    page = site / "prosedur" / "lakip.html"
    text = _text(page)
    # the joint meeting (2 jam) counts for each of its three executors
    assert "Sekretaris Dinas 2 2 Jam 5 Menit 16%" in text
    assert "Staf Perencanaan & Pelaporan 4 1 Hari 3 Jam 10 Menit 83%" in text
    assert "Kasubag Perencanaan 2 4 Jam 31%" in text
    assert "Kepala Dinas 1 5 Menit 1%" in text
    html = page.read_text(encoding="utf-8")
    chart = re.search(r'<svg [^>]*class="bar-chart".*?</svg>', html, re.S).group(0)
    assert 'role="img"' in chart and "<title" in chart and "<desc" in chart
    assert "Staf Perencanaan &amp; Pelaporan: 1 Hari 3 Jam 10 Menit, 83%" in chart


def test_executor_page_lists_their_steps_with_links_to_anchors(site):
    page = site / "pelaksana" / "sekretaris-dinas.html"
    text = _text(page)
    assert "2 langkah di 1 prosedur" in text
    assert "bersama Staf Perencanaan & Pelaporan, Kasubag Perencanaan" in text
    links = [a["href"] for a in _tags(page, "a")]
    assert "../prosedur/lakip.html#langkah-1" in links
    assert "../prosedur/lakip.html#langkah-3" in links
    staf = _text(site / "pelaksana" / "staf-perencanaan-pelaporan.html")
    assert "Langkah 3 Melaksanakan rapat pembahasan capaian kinerja" in staf


def test_search_index_is_a_script_with_every_step_and_field(site):
    js = (site / "search-index.js").read_text(encoding="utf-8")
    assert js.startswith("/*") and "window.SOPGEN_SEARCH = {" in js
    index = json.loads(js.split("window.SOPGEN_SEARCH = ", 1)[1].rstrip().rstrip(";"))
    entries = index["docs"]
    steps = [e for e in entries if e["k"] == "langkah"]
    assert len(steps) == 17
    hit = next(e for e in steps if e["u"] == "prosedur/lakip.html#langkah-6")
    assert hit["t"] == "Menandatangani dokumen LAKIP"
    assert "menandatangani" in hit["l"]  # a word Sastrawi keeps whole
    for word in ("kepala dinas", "disposisi tuju", "5 menit", "lakip"):  # roots
        assert word in hit["c"], word
    assert any(e["k"] == "prosedur" and e["u"] == "prosedur/verifikasi.html" for e in entries)
    # the document's own fields: identity and every list item (Dasar Hukum...)
    dasar = [e for e in entries if e["u"] == "dokumen/contoh.html#dasar-hukum"]
    assert dasar and all(e["k"] == "dokumen" for e in dasar)
    assert any(e["u"] == "dokumen/contoh.html" and "02 sop dkps" in e["c"] for e in entries)
    # the words' roots: every form of a word the handbook contains leads to its root
    assert index["words"]["pelaporan"] == "lapor"
    assert "lapor" in index["roots"]


@pytest.mark.parametrize("which", ["site", "hostile_site"])
def test_search_index_put_together_from_kept_shares_is_the_index_written_whole(
    which, request, contoh
):
    """search_index_js joins the procedures' ready text (kept by the build); it must be
    the text of the whole index written out at once (the hostile texts: <, >, &)."""
    from sopgen.render.fonts import measure
    from sopgen.render.html.context import html_context
    from sopgen.render.html.search import search_index
    from tests.html.support import hostile_projects

    projects = contoh if which == "site" else hostile_projects()
    js = (request.getfixturevalue(which) / "search-index.js").read_text(encoding="utf-8")
    whole = json.dumps(
        search_index(html_context(projects, {}, measure, figures=False)),
        ensure_ascii=True,
        separators=(",", ":"),
    )
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        whole = whole.replace(char, escaped)
    assert js.split("window.SOPGEN_SEARCH = ", 1)[1] == whole + ";\n"


def test_fold_ignores_case_accents_and_punctuation():
    assert fold("RÉNSTRA (Lima-Tahunan) & Pelaporan") == "renstra lima tahunan pelaporan"
    assert fold("Ｆｕｌｌ") == "full"


def test_build_is_reproducible(tmp_path, contoh):
    layouts = contoh_layouts(contoh)
    a = build_site(contoh, tmp_path / "a", layouts=layouts).parent
    b = build_site(contoh, tmp_path / "b", layouts=layouts).parent
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert files_a == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    for rel in files_a:
        assert (a / rel).read_bytes() == (b / rel).read_bytes(), rel


def test_a_failed_build_leaves_the_previous_site_untouched(tmp_path, contoh, monkeypatch):
    layouts = contoh_layouts(contoh)
    index = build_site(contoh, tmp_path, layouts=layouts)
    before = index.read_bytes()

    def broken(*args, **kwargs):
        raise RuntimeError("disk penuh")

    monkeypatch.setattr(html_mod, "search_index_js", broken)
    with pytest.raises(RuntimeError):
        build_site(contoh, tmp_path, layouts=layouts)
    assert index.read_bytes() == before
    assert (tmp_path / "html" / "search-index.js").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["html"]  # no temp folder left


def test_a_rebuild_replaces_the_site(tmp_path, contoh):
    layouts = contoh_layouts(contoh)
    build_site(contoh, tmp_path, layouts=layouts)
    stale = tmp_path / "html" / "prosedur" / "lama.html"
    stale.write_text("lama", encoding="utf-8")
    build_site(contoh[0], tmp_path, layouts=layouts)  # one Project is accepted too
    assert not stale.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["html"]


def test_templates_are_found_from_the_package():
    assert (templates_dir() / "base.html").is_file()


def _copy_fixture(tmp_path, name="contoh"):
    import shutil

    from tests.html.support import FIXTURES

    target = tmp_path / "data" / name
    shutil.copytree(FIXTURES / "contoh", target)
    return target


def test_the_agency_logo_is_copied_and_shown(tmp_path):
    import base64

    from sopgen.build import load_data

    folder = _copy_fixture(tmp_path)
    png = base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
    )
    (folder / "logo.png").write_bytes(png)
    text = (folder / "dokumen.yaml").read_text(encoding="utf-8")
    (folder / "dokumen.yaml").write_text(
        text.replace("  tempat: Contoh\n", "  tempat: Contoh\n  logo: logo.png\n"), encoding="utf-8"
    )
    projects = load_data(tmp_path / "data")
    index = build_site(projects, tmp_path / "out", layouts=contoh_layouts(projects))
    site = index.parent
    assert (site / "assets" / "logo-contoh.png").read_bytes() == png
    for page in (site / "index.html", site / "dokumen" / "contoh.html"):
        imgs = _tags(page, "img")
        assert len(imgs) == 1 and imgs[0]["alt"] == "Logo PEMERINTAH KABUPATEN CONTOH"
        assert (page.parent / imgs[0]["src"]).resolve() == (site / "assets" / "logo-contoh.png")


def test_two_documents_with_the_same_procedure_id_are_refused(tmp_path):
    # their pages (and PDFs) would overwrite each other: check refuses before any build
    from sopgen.build import load_data
    from sopgen.errors import InputError

    _copy_fixture(tmp_path, "satu")
    _copy_fixture(tmp_path, "dua")
    with pytest.raises(InputError) as refused:
        load_data(tmp_path / "data")
    message = refused.value.format_message()
    assert "satu/dokumen.yaml:" in message
    assert "id prosedur 'lakip' sama dengan id prosedur di dokumen 'dua'" in message


def test_a_total_with_no_waktu_added_is_a_dash_not_zero_minutes(tmp_path):
    # BPS SOP-078 with every step's Waktu 'Semesteran' (no value sopgen adds up): the
    # handbook says so, as the PDF's Jumlah waktu row does, instead of '0 Menit'
    import shutil

    from sopgen.build import load_project
    from sopgen.render.fonts import measure
    from sopgen.render.html.context import html_context

    root = Path(__file__).resolve().parents[2]
    folder = tmp_path / "bps-diseminasi-seruti"
    shutil.copytree(root / "tests" / "fixtures" / "real" / folder.name, folder)
    steps = folder / "diseminasi-seruti.yaml"
    text = steps.read_text(encoding="utf-8")
    assert text.count("waktu: 1 bulan") == 3
    steps.write_text(text.replace("waktu: 1 bulan", "waktu: Semesteran"), encoding="utf-8")
    site = html_context([load_project(folder)], {}, measure, figures=False)
    (proc,) = [p for d in site.documents for p in d.procedures]
    assert proc.total_text == "- (3 langkah tidak terjumlah)"


def test_months_are_added_as_working_days():
    # '1 bulan' is 22 working days (pengaturan.hari_per_bulan): SOP-078's three steps
    from sopgen.build import load_project
    from sopgen.render.fonts import measure
    from sopgen.render.html.context import html_context

    root = Path(__file__).resolve().parents[2]
    project = load_project(root / "tests" / "fixtures" / "real" / "bps-diseminasi-seruti")
    site = html_context([project], {}, measure, figures=False)
    (proc,) = [p for d in site.documents for p in d.procedures]
    assert proc.total_text == "66 Hari"
