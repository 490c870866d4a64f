"""Finding one's way as on a documentation site, in a real browser, from file://:
sidebar, breadcrumb, previous/next, contents, permalinks, back to top, dark mode, the
flowchart made for the screen (one piece, lit steps, symbols leading to their rows),
phone and desktop widths, keyboard only, print."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.html.many import render_many

DARK_BG = "rgb(18, 22, 28)"  # --bg in dark mode
LIGHT_BG = "rgb(255, 255, 255)"


def test_sidebar_breadcrumb_pager_contents_on_a_procedure(page, handbook):
    site, projects = handbook
    procs = projects[0].procedures
    second = procs[1]
    page.goto((site / "prosedur" / f"{second.id}.html").as_uri())
    # the sidebar: every procedure of the document, this one marked
    side = page.locator("#sidebar .side-list a")
    expect(side).to_have_count(len(procs))
    expect(page.locator('#sidebar a[aria-current="page"]')).to_have_text(second.data.judul)
    # the breadcrumb names the page
    crumbs = page.locator(".breadcrumb li")
    expect(crumbs.last).to_have_text(second.data.judul)
    expect(crumbs.last.locator('[aria-current="page"]')).to_have_count(1)
    expect(crumbs.nth(1)).to_have_text(projects[0].dokumen.identitas.nama)
    # previous / next follow the document's order
    expect(page.locator("a.pager-prev .pager-title")).to_have_text(procs[0].data.judul)
    expect(page.locator("a.pager-next .pager-title")).to_have_text(procs[2].data.judul)
    # "Di halaman ini" lists the sections; each heading has a permalink
    toc = page.locator(".toc-col a")
    assert toc.all_inner_texts()[:2] == ["Diagram alir", "Langkah-langkah"]
    expect(page.locator("#langkah a.permalink")).to_have_attribute("href", "#langkah")
    page.locator("a.pager-next").click()
    expect(page).to_have_url(re.compile(rf"/prosedur/{procs[2].id}\.html$"))
    # the favicon is there
    icon = page.locator('link[rel="icon"]').get_attribute("href")
    assert page.evaluate("href => fetch(href).then(r => r.ok, () => 'fetch-blocked')", icon) in (
        True,
        "fetch-blocked",
    )
    assert (site / "assets" / "favicon.svg").read_text().startswith("<svg")


def test_back_to_top(page, handbook):
    site, _ = handbook
    page.goto((site / "prosedur" / "renstra.html").as_uri())
    top = page.locator("a.to-top")
    expect(top).to_have_css("opacity", "0")
    page.mouse.wheel(0, 3000)
    expect(top).to_have_class(re.compile("is-shown"))
    top.click()
    page.wait_for_function("window.scrollY < 5")


def test_the_flowchart_is_one_piece_lit_by_hover_and_focus_and_leads_to_rows(page, handbook):
    site, _ = handbook
    page.goto((site / "prosedur" / "renstra.html").as_uri())
    screen = page.locator(".flow-screen svg.flowchart")
    expect(screen).to_have_count(1)
    expect(page.locator(".flow-screen .offpage")).to_have_count(0)
    expect(page.locator(".flow-page").first).to_be_hidden()  # the paged one is for print
    # hover: the symbol, its row and its arrows are lit
    symbol = page.locator('.flow-screen .symbol[data-step="5"]')
    symbol.hover()
    expect(page.locator("#langkah-5")).to_have_class(re.compile("is-lit"))
    lit = page.locator(".flow-screen .arrow.is-lit")
    assert lit.count() >= 2  # in and out
    for source, target in lit.evaluate_all(
        "els => els.map(e => [e.dataset.source, e.dataset.target])"
    ):
        assert "step:4" in (source, target)
    # the row lights its symbol too
    page.locator("#langkah-8 .col-output").hover()
    expect(page.locator('.flow-screen .symbol[data-step="8"]')).to_have_class(re.compile("is-lit"))
    # a click on a symbol goes to its row
    page.locator('.flow-screen .symbol[data-step="9"]').click()
    expect(page).to_have_url(re.compile(r"#langkah-9$"))
    expect(page.locator("#langkah-9")).to_be_in_viewport()


def test_keyboard_only_flowchart_sidebar_filter_and_search(page, handbook):
    site, _ = handbook
    page.goto((site / "prosedur" / "lakip.html").as_uri())
    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    # Tab into the flowchart: its box, then its first symbol
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('scroll')"):
            break
    page.keyboard.press("Tab")
    first = page.locator('.flow-screen .symbol[data-step="1"]')
    expect(first).to_be_focused()
    expect(page.locator("#langkah-1")).to_have_class(re.compile("is-lit"))
    page.keyboard.press("Tab")
    expect(page.locator('.flow-screen .symbol[data-step="2"]')).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#langkah-2$"))
    expect(page.locator("#langkah-2")).to_be_focused()
    # the sidebar filter, by keyboard
    page.locator("#saring").focus()
    page.keyboard.type("renja")
    visible = page.locator("#sidebar .side-list li:visible")
    expect(visible).to_have_count(1)
    expect(visible).to_contain_text("(RENJA)")
    page.keyboard.press("Tab")  # the document's own page first
    expect(page.locator("#sidebar .side-doc-title a").first).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator("#sidebar .side-list li:visible a")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/prosedur/renja\.html$"))


@pytest.mark.parametrize("scheme", ["dark", "light"])
def test_dark_mode_follows_the_system_and_the_switch_is_kept(browser, handbook, scheme):
    site, _ = handbook
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    try:
        page.goto((site / "index.html").as_uri())
        body = page.locator("html")
        expect(body).to_have_css("background-color", DARK_BG if scheme == "dark" else LIGHT_BG)
        switch = page.locator("button.theme-toggle")
        expect(switch).to_have_attribute("aria-pressed", "true" if scheme == "dark" else "false")
        switch.click()
        expect(body).to_have_css("background-color", LIGHT_BG if scheme == "dark" else DARK_BG)
        # the choice is kept on the next page
        page.goto((site / "prosedur" / "lakip.html").as_uri())
        expect(page.locator("html")).to_have_css(
            "background-color", LIGHT_BG if scheme == "dark" else DARK_BG
        )
        # the flowchart keeps its white paper and black ink in both
        expect(page.locator(".flow-screen .scroll")).to_have_css("background-color", LIGHT_BG)
    finally:
        context.close()


def test_phone_compact_header_menu_and_flowchart_hint(browser, handbook):
    site, _ = handbook
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    try:
        page.goto((site / "prosedur" / "renstra.html").as_uri())
        header = page.locator(".site-header").bounding_box()
        assert header["height"] <= 64, header  # one row, not a third of the screen
        expect(page.locator("#cari")).to_be_visible()
        sidebar = page.locator("#sidebar")
        assert sidebar.bounding_box()["y"] > 844  # under the content until asked for
        menu = page.locator(".nav-toggle")
        expect(menu).to_have_attribute("aria-expanded", "false")
        menu.click()
        expect(menu).to_have_attribute("aria-expanded", "true")
        box = sidebar.bounding_box()
        assert box["y"] == 0 and box["x"] == 0 and box["height"] >= 800
        expect(page.locator("#saring")).to_be_focused()
        page.keyboard.press("Escape")
        expect(menu).to_have_attribute("aria-expanded", "false")
        # the flowchart scrolls sideways in its box, with a visible hint
        flow = page.locator(".flow-screen")
        flow.scroll_into_view_if_needed()
        expect(flow.locator(".scroll-hint")).to_be_visible()
        scroller = flow.locator(".scroll")
        assert scroller.evaluate("e => e.scrollWidth > e.clientWidth + 100")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        context.close()


def test_desktop_width_three_columns(page, handbook):
    site, _ = handbook
    page.goto((site / "prosedur" / "lakip.html").as_uri())
    side = page.locator("#sidebar").bounding_box()
    main = page.locator("main").bounding_box()
    toc = page.locator(".toc-col").bounding_box()
    assert side["x"] < main["x"] < toc["x"]
    expect(page.locator(".nav-toggle")).to_be_hidden()
    expect(page.locator(".flow-screen .scroll-hint")).to_be_hidden()  # it fits: no hint


def test_print_gives_the_paged_flowchart_without_navigation(page, handbook):
    site, projects = handbook
    page.goto((site / "prosedur" / "renstra.html").as_uri())
    page.emulate_media(media="print")
    for hidden in ("#sidebar", ".toc-col", ".breadcrumb", ".pager", ".flow-screen", ".to-top"):
        expect(page.locator(hidden)).to_be_hidden()
    pages = page.locator(".flow-page")
    # as the PDF: one printed page per flowchart page, their connectors with them
    from sopgen.render.common import make_style
    from sopgen.render.pdf.binder import layout_all

    laid_out = [pair for p in projects for pair in layout_all(p, make_style(p))]
    (layout,) = [layout for proc, layout in laid_out if proc.id == "renstra"]
    assert pages.count() == len(layout.pages) >= 1
    expect(pages.first).to_be_visible()
    connectors = page.locator(".flow-page .offpage")
    expect(connectors).to_have_count(sum(len(pg.offpage) for pg in layout.pages))


def test_1000_procedures_home_filter(page, tmp_path):
    out = tmp_path / "html"
    render_many(out)
    page.goto((out / "index.html").as_uri())
    items = page.locator(".proc-item")
    expect(items).to_have_count(1000)
    expect(page.locator("section.procedures h2")).to_have_count(10)
    page.locator("#saring-beranda").fill("surat masuk 5.")
    expect(page.locator(".proc-item:visible")).to_have_count(20)
    page.locator("#saring-beranda").fill("tidak ada judul seperti ini")
    expect(page.locator(".proc-item:visible")).to_have_count(0)
    expect(page.locator(".filter-empty:visible")).to_have_count(10)
    page.goto((out / "prosedur" / "d05-p050.html").as_uri())
    expect(page.locator("#sidebar .side-list a")).to_have_count(100)
    current = page.locator('#sidebar a[aria-current="page"]')
    expect(current).to_be_in_viewport()  # the sidebar shows where the reader is
