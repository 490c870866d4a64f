"""The pages in a real browser: flowchart symbols, fonts, phone width, print."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.html.support import html_pages


def test_one_svg_symbol_per_step_on_every_procedure_page(page, handbook):
    site, projects = handbook
    for project in projects:
        for proc in project.procedures:
            page.goto((site / "prosedur" / f"{proc.id}.html").as_uri())
            n = len(proc.data.kegiatan)
            expect(page.locator("table.steps-table tbody tr")).to_have_count(n)
            steps = page.locator(".flow-screen svg.flowchart .symbol[data-step]").evaluate_all(
                "els => els.map(e => Number(e.dataset.step))"
            )
            assert sorted(steps) == list(range(1, n + 1)), proc.id
            kinds = page.locator(".flow-screen svg.flowchart .symbol").evaluate_all(
                "els => els.map(e => e.getAttribute('class'))"
            )
            assert kinds.count("symbol symbol-terminator") == 2, proc.id
            # every symbol is drawn (not zero-sized) and carries a tooltip title
            for box in page.locator(".flow-screen svg.flowchart .symbol").evaluate_all(
                "els => els.map(e => { const b = e.getBBox(); return [b.width, b.height,"
                " e.querySelector('title') ? e.querySelector('title').textContent : ''] })"
            ):
                assert box[0] > 10 and box[1] > 10 and box[2].startswith("Langkah "), proc.id


def test_liberation_sans_is_served_with_the_site(page, handbook):
    site, _ = handbook
    page.goto((site / "prosedur" / "lakip.html").as_uri())
    page.evaluate("document.fonts.ready")
    loaded = page.evaluate(
        "Array.from(document.fonts).filter(f => f.family.includes('Liberation Sans')"
        " && f.status === 'loaded').map(f => f.weight + ' ' + f.style)"
    )
    assert "400 normal" in loaded and "700 normal" in loaded


def test_phone_width_no_page_overflow_flowchart_scrolls_in_its_box(browser, handbook):
    site, _ = handbook
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    page = context.new_page()
    try:
        for path in html_pages(site):
            page.goto(path.as_uri())
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 360, f"{path.relative_to(site)} is {width}px wide at 360px"
        page.goto((site / "prosedur" / "renstra.html").as_uri())
        box = page.locator(".flow-screen .scroll").first
        assert box.evaluate("e => e.scrollWidth > e.clientWidth + 100")
        # the step table is one readable card per step: full width, text not squeezed
        row = page.locator("#langkah-3")
        assert row.bounding_box()["width"] >= 320
        uraian = row.locator(".uraian")
        assert uraian.bounding_box()["width"] >= 280
        assert float(uraian.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 14
    finally:
        context.close()


def test_print_hides_navigation_and_fits_the_flowchart_to_a4_landscape(page, handbook):
    site, _ = handbook
    page.goto((site / "prosedur" / "renstra.html").as_uri())
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator("form.search")).to_be_hidden()
    expect(page.locator(".site-footer")).to_be_hidden()
    expect(page.locator(".flow-screen")).to_be_hidden()  # the paged flowchart is printed
    svg = page.locator(".flow-page svg.flowchart").first
    expect(svg).to_be_visible()
    main_width = page.locator("main").bounding_box()["width"]
    assert abs(svg.bounding_box()["width"] - main_width) < 2
    assert (
        page.locator(".steps-table tbody tr").first.evaluate("e => getComputedStyle(e).breakInside")
        == "avoid"
    )
    pdf = page.pdf(prefer_css_page_size=True)
    # A4 landscape: 842 x 595 points
    assert b"/MediaBox [0 0 841.91998 594.95996]" in pdf or b"/MediaBox [0 0 842" in pdf


def test_hostile_text_runs_nothing_in_the_browser(page, hostile_site):
    for path in html_pages(hostile_site):
        page.goto(path.as_uri())
        assert page.evaluate("window.__pwned") is None, path
        assert page.locator("iframe, img[onerror], script:not([src])").count() == 0
        # long words and URLs wrap: the page never gets wider than the window
        assert page.evaluate("document.documentElement.scrollWidth") <= 1366, path
    page.goto((hostile_site / "index.html").as_uri())
    page.locator("#cari").fill("pwned")
    results = page.locator("#hasil-cari")
    expect(results.locator("a").first).to_be_visible()
    assert results.locator("img, script, svg, iframe").count() == 0
    assert "<script>window.__pwned=1</script>" in results.inner_text()
    assert page.evaluate("window.__pwned") is None
    assert page.js_errors == []
