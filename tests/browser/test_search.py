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
    expect(page.locator(f'svg.flowchart .symbol.is-target[data-step="{number}"]')).to_have_count(1)


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
