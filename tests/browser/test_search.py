"""Search as a reader uses it: from disk (file://), keyboard only."""

from __future__ import annotations

import re

from playwright.sync_api import expect

MARK = "rgb(255, 240, 166)"  # --mark in style.css: the highlighted step


def _step(projects, proc_id: str, starts: str) -> tuple[int, str]:
    """(number, uraian) of the first step of ``proc_id`` whose uraian starts with ``starts``."""
    proc = next(p for project in projects for p in project.procedures if p.id == proc_id)
    for i, step in enumerate(proc.data.kegiatan):
        if step.uraian.startswith(starts):
            return i + 1, step.uraian
    raise AssertionError(f"no step starting with {starts!r} in {proc_id}")


def _assert_on_step(page, proc_id: str, number: int) -> None:
    expect(page).to_have_url(re.compile(rf"/prosedur/{proc_id}\.html#langkah-{number}$"))
    assert page.url.startswith("file://")
    row = page.locator(f"#langkah-{number}")
    expect(row).to_be_visible()
    expect(row).to_be_in_viewport()
    expect(row.locator("td").first).to_have_css("background-color", MARK)
    # its flowchart symbol is highlighted too
    symbol = page.locator(f'.flow-screen .symbol.is-target[data-step="{number}"]')
    expect(symbol).to_have_count(1)


def test_type_words_of_a_step_arrow_down_and_enter(page, handbook):
    site, projects = handbook
    number, uraian = _step(projects, "lakip", "Menandatangani")
    page.goto((site / "index.html").as_uri())
    page.keyboard.press("/")
    expect(page.locator("#cari")).to_be_focused()
    page.keyboard.type("menandatangani dokumen lakip")
    results = page.locator("#hasil-cari a")
    expect(results.first).to_be_visible()
    expect(results.first).to_contain_text(uraian)
    page.keyboard.press("ArrowDown")
    expect(results.first).to_be_focused()
    page.keyboard.press("Enter")
    _assert_on_step(page, "lakip", number)


def test_tab_to_a_result_case_and_accent_insensitive(page, handbook):
    site, projects = handbook
    number, uraian = _step(projects, "renstra", "Melaksanakan Rapat")
    page.goto((site / "index.html").as_uri())
    page.locator("#cari").focus()
    # upper case, accents and punctuation in the query: still the meeting step of RENSTRA
    page.keyboard.type("Melaksanakan RAPAT Pémbahasan, RÉNSTRA")
    results = page.locator("#hasil-cari a")
    expect(results).to_have_count(1)
    expect(results.first).to_contain_text(uraian)
    page.keyboard.press("Tab")
    expect(results.first).to_be_focused()
    page.keyboard.press("Enter")
    _assert_on_step(page, "renstra", number)


def test_every_query_word_must_match(page, handbook):
    site, _ = handbook
    page.goto((site / "index.html").as_uri())
    page.locator("#cari").fill("menandatangani")
    expect(page.locator("#cari-status")).to_contain_text("hasil")
    many = page.locator("#hasil-cari a").count()
    assert many >= 6  # every procedure has a signing step
    page.locator("#cari").fill("menandatangani renja")
    expect(page.locator("#hasil-cari a.hit-langkah")).to_have_count(1)
    page.locator("#cari").fill("menandatangani zzzz")
    expect(page.locator("#hasil-cari a")).to_have_count(0)
    expect(page.locator("#cari-status")).to_contain_text("Tidak ada hasil")


def test_search_finds_by_executor_output_and_time(page, handbook):
    site, _ = handbook
    page.goto((site / "index.html").as_uri())
    search = page.locator("#cari")
    search.fill("kepala dinas disposisi persetujuan rencana kerja anggaran")
    expect(page.locator("#hasil-cari a.hit-langkah")).to_have_count(1)
    search.fill("2 jam rapat")
    assert page.locator("#hasil-cari a.hit-langkah").count() == 3  # RENSTRA, RENJA, RKA
    search.fill("renstra")
    expect(page.locator("#hasil-cari a.hit-prosedur")).to_have_count(1)


def test_search_from_a_nested_page_and_arrow_keys_back_and_forth(page, handbook):
    site, projects = handbook
    number, _ = _step(projects, "spm", "Menggandakan")
    page.goto((site / "prosedur" / "renja.html").as_uri())
    page.locator("body").click(position={"x": 5, "y": 400})
    page.keyboard.press("/")
    expect(page.locator("#cari")).to_be_focused()
    page.keyboard.type("menggandakan")
    results = page.locator("#hasil-cari a")
    expect(results.first).to_be_visible()
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    target = f"../prosedur/spm.html#langkah-{number}"
    assert target in hrefs, hrefs  # the URL is relative to this nested page
    index = hrefs.index(target)
    for _ in range(index + 1):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")  # one back (to the box from the first result)
    page.keyboard.press("ArrowDown")
    spm = results.nth(index)
    expect(spm.first).to_be_focused()
    page.keyboard.press("Enter")
    _assert_on_step(page, "spm", number)


def test_escape_returns_to_the_box_and_slash_is_typed_inside_it(page, handbook):
    site, _ = handbook
    page.goto((site / "index.html").as_uri())
    page.keyboard.press("/")
    page.keyboard.type("s1/s2")  # "/" inside the box is text, not a shortcut
    expect(page.locator("#cari")).to_have_value("s1/s2")
    page.locator("#cari").fill("lakip")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Escape")
    expect(page.locator("#cari")).to_be_focused()


def test_a_hit_on_the_same_page_closes_the_list_and_shows_the_row(page, handbook):
    site, projects = handbook
    number, _ = _step(projects, "rka", "Mengirimkan")
    page.goto((site / "prosedur" / "rka.html").as_uri())
    page.locator("#cari").fill("mengirimkan bakeuda")
    page.keyboard.press("Enter")
    expect(page.locator("#hasil-cari")).to_be_hidden()
    _assert_on_step(page, "rka", number)


def test_the_browser_folds_text_exactly_as_the_index_builder(page, handbook):
    from sopgen.render.html.search import fold

    samples = [
        "RÉNSTRA (Lima-Tahunan) & Pelaporan",
        "Ｆｕｌｌ ﬁle №5 ½",
        "İstanbul ΟΔΟΣ Straße",
        "Kasubag  Perencanaan\t\n2 jam, 1,5 jam; 30'",
        "naïve café e\u0301 Ångström",
    ]
    site, _ = handbook
    page.goto((site / "index.html").as_uri())
    got = page.evaluate("samples => samples.map(s => window.sopgenFold(s))", samples)
    assert got == [fold(s) for s in samples]


# --- Indonesian search (issue: word forms, prefixes, typos, every field, ranking) ---------


def _hits(page):
    """(kind, title, marked words) of the results under the box."""
    return page.locator("#hasil-cari a.hit").evaluate_all(
        "els => els.map(a => [a.className.split('hit-')[1], "
        "a.querySelector('.hit-title').textContent, "
        "Array.from(a.querySelectorAll('mark')).map(m => m.textContent)])"
    )


def _search(page, query):
    page.locator("#cari").fill(query)
    expect(page.locator("#cari-status")).not_to_be_empty()
    return _hits(page)


def test_word_forms_find_each_other_and_the_matched_words_are_marked(page, handbook):
    site, _ = handbook
    page.goto((site / "index.html").as_uri())
    konsep = "Membuat Konsep Laporan Penyelenggaraan Pemerintahan Daerah (LPPD)"
    for query in ("melaporkan", "dilaporkan", "laporan", "pelaporan"):
        page.goto((site / "cari.html").as_uri() + "?q=" + query)
        results = page.locator("#hasil-semua a")
        expect(results.first).to_be_visible()
        titles = results.locator(".hit-title").all_inner_texts()
        assert konsep in titles, (query, titles[:5])
        # titles first: the procedures about reports, before any step or executor
        expect(results.first).to_have_class(re.compile("hit-prosedur"))
        step = results.filter(has_text=konsep).first
        assert step.locator(".hit-title mark").all_inner_texts() == ["Laporan"], query
        # a Dasar Hukum item with "Pelaporan" is found by the same root
        assert any("Pelaporan Akta" in t for t in titles), query


def test_prefix_and_one_typo(page, handbook):
    site, _ = handbook
    page.goto((site / "index.html").as_uri())
    for query, title in (
        ("lakp", "(LAKIP)"),  # a letter missing
        ("renstar", "(RENSTRA)"),  # two letters swapped
        ("lkaip", "(LAKIP)"),
        ("penyusunan renstr", "(RENSTRA)"),  # the last word still being typed
    ):
        hits = _search(page, query)
        assert hits and hits[0][0] == "prosedur" and hits[0][1].endswith(title), (query, hits)
    assert _search(page, "menandatangani zzzz") == []


def test_dasar_hukum_and_the_documents_own_fields_are_searched(page, handbook):
    site, projects = handbook
    page.goto((site / "index.html").as_uri())
    hits = _search(page, "perkawinan")
    assert hits and hits[0][0] == "dokumen" and "Perkawinan" in hits[0][2]
    page.locator("#cari").press("Enter")
    expect(page).to_have_url(re.compile(r"/dokumen/sekretariat\.html#dasar-hukum$"))
    page.goto((site / "index.html").as_uri())
    doc = projects[0].dokumen
    hits = _search(page, f"{doc.instansi.dinas} {doc.identitas.nomor}")  # identity fields
    assert ["dokumen", f"{doc.identitas.label_nama}: {doc.identitas.nama}"] in [
        h[:2] for h in hits
    ], hits


def test_ranked_title_then_step_then_note(page, contoh_site):
    page.goto((contoh_site / "index.html").as_uri())
    hits = _search(page, "verifikasi")
    assert hits[0][:2] == ["prosedur", "SOP VERIFIKASI BERKAS PERMOHONAN"]
    assert hits[1][:2] == ["langkah", "Memberi paraf pada lembar verifikasi"]
    hits = _search(page, "menandatangani")
    kinds_titles = [h[:2] for h in hits]
    step = kinds_titles.index(["langkah", "Menandatangani dokumen LAKIP"])
    note = kinds_titles.index(["langkah", "Menyerahkan hasil kepada pemohon"])  # Keterangan
    assert step < note


def test_results_page_shows_every_hit_from_disk_keyboard_only(page, handbook):
    site, _ = handbook
    page.goto((site / "prosedur" / "lakip.html").as_uri())
    page.keyboard.press("/")
    page.keyboard.type("laporan")
    more = page.locator("#hasil-cari a.hit-all")
    expect(more).to_be_visible()
    total = int(re.search(r"(\d+)", more.inner_text()).group(1))
    assert total > 8
    page.keyboard.press("ArrowDown")
    for _ in range(8):
        page.keyboard.press("ArrowDown")
    expect(more).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/cari\.html\?q=laporan$"))
    assert page.url.startswith("file://")
    expect(page.locator("#hasil-semua a")).to_have_count(total)
    expect(page.locator("#hasil-judul")).to_have_text("Hasil pencarian \u201claporan\u201d")
    expect(page.locator("#cari")).to_have_value("laporan")
    assert page.locator("#hasil-semua mark").count() >= total
    page.locator("#hasil-semua a").nth(total - 1).focus()
    page.keyboard.press("Enter")
    expect(page).not_to_have_url(re.compile(r"cari\.html"))
