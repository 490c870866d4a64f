"""Accessibility (axe-core) and valid HTML (the Nu validator) of every generated page."""

from __future__ import annotations

import subprocess

from tests.html.support import html_pages


def _axe(page, axe_script):
    page.add_script_tag(path=str(axe_script))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} -> "
        + "; ".join(
            n["target"][0] if isinstance(n["target"][0], str) else str(n["target"])
            for n in v["nodes"][:3]
        )
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def kinds_of_page(site):
    """One page of each template (every page of a kind is made by the same template from
    the same kind of data): fast enough to check in light and dark."""
    chosen, seen = [], set()
    for path in html_pages(site):
        kind = path.parent.name if path.parent != site else path.name
        if kind not in seen or path.parent.name == "dokumen":
            seen.add(kind)
            chosen.append(path)
    chosen.append(site / "prosedur" / "renstra.html")  # the widest flowchart
    return chosen


def test_axe_finds_no_serious_problem_on_any_kind_of_page(page, handbook, axe_script):
    site, _ = handbook
    problems = {}
    for path in kinds_of_page(site):
        page.goto(path.as_uri())
        found = _axe(page, axe_script)
        if found:
            problems[str(path.relative_to(site))] = found
    assert not problems, problems


def test_axe_in_dark_mode(browser, handbook, axe_script):
    site, _ = handbook
    context = browser.new_context(viewport={"width": 1366, "height": 900}, color_scheme="dark")
    page = context.new_page()
    try:
        problems = {}
        # the colours are the same stylesheet's on every page: three kinds are enough
        for path in (site / "index.html", site / "prosedur" / "lakip.html", site / "cari.html"):
            page.goto(path.as_uri() + ("?q=laporan" if path.name == "cari.html" else ""))
            assert page.evaluate("getComputedStyle(document.body).colorScheme") == "dark"
            found = _axe(page, axe_script)
            if found:
                problems[str(path.relative_to(site))] = found
        assert not problems, problems
    finally:
        context.close()


def test_axe_on_a_phone_and_with_search_results_open(browser, handbook, axe_script):
    site, _ = handbook
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    try:
        page.goto((site / "prosedur" / "renja.html").as_uri())
        assert _axe(page, axe_script) == []
        page.goto((site / "prosedur" / "renja.html").as_uri() + "#langkah-5")
        page.locator("#cari").fill("dokumen")
        assert _axe(page, axe_script) == []
    finally:
        context.close()


def test_every_page_is_valid_html(vnu, handbook, contoh_site, hostile_site):
    site, _ = handbook
    files = [*html_pages(site), *html_pages(contoh_site), *html_pages(hostile_site)]
    run = subprocess.run(
        [*vnu, "--errors-only", *map(str, files)], capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stderr or run.stdout
