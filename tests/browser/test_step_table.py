"""The handbook's step table in chromium: at a 1300 px laptop it is a table whose words
are never cut in two (headers such as Pelaksana and Keterangan included); on a 390 px
phone it is one card per step; neither widens the page."""

from __future__ import annotations

import pytest

# For every word of the step table: the number of line boxes it takes (a word cut in
# two by the line end takes two). Returns the words that take more than one. A line may
# end after a hyphen ("masing-" / "masing").
CUT_WORDS = """() => {
  const cut = [];
  const table = document.querySelector(".steps-table");
  const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    // not shown: the cards' hidden header row, a closed <details>
    if (!node.parentElement.checkVisibility()) continue;
    // a word, or the part of one up to its hyphen ("masing-" may end a line)
    for (const m of node.data.matchAll(/[^\\s-]+-?/g)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
      if (tops.size > 1) cut.push(m[0]);
    }
  }
  return cut;
}"""


@pytest.mark.parametrize("width", [1300, 390])
def test_no_word_is_cut_and_the_page_keeps_its_width(browser, handbook, width):
    site, _ = handbook
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="id-ID")
    page = context.new_page()
    try:
        for name in ("renstra", "lakip"):
            page.goto((site / "prosedur" / f"{name}.html").as_uri())
            assert page.evaluate(CUT_WORDS) == [], name
            assert page.evaluate("document.documentElement.scrollWidth") <= width, name
    finally:
        context.close()


def test_laptop_shows_a_table_and_phone_shows_cards(browser, handbook):
    site, _ = handbook
    path = (site / "prosedur" / "renstra.html").as_uri()
    display = "e => getComputedStyle(e).display"
    context = browser.new_context(viewport={"width": 1300, "height": 900})
    page = context.new_page()
    try:
        page.goto(path)
        table = page.locator(".steps-table")
        assert table.evaluate(display) == "table"
        # the table gets the room of the content column (no "Di halaman ini" column)
        assert table.bounding_box()["width"] >= 900
        for title in ("Pelaksana", "Keterangan", "Kelengkapan"):
            header = page.locator(".steps-table thead th", has_text=title)
            assert header.evaluate("e => e.getClientRects().length") == 1
            assert header.evaluate("e => e.scrollWidth <= e.clientWidth"), title
        page.set_viewport_size({"width": 390, "height": 844})
        assert table.evaluate(display) == "block"
        assert page.locator("#langkah-1").bounding_box()["width"] >= 340
    finally:
        context.close()
