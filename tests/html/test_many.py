"""At 1000 procedures the handbook stays usable: the home page groups them by document
with a filter, the sidebar of a page lists its own document's procedures (others by
name), so no page grows with the whole handbook."""

from __future__ import annotations

import pytest

from tests.html.many import PAGES, render_many
from tests.html.support import scan


@pytest.fixture(scope="module")
def many_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("many") / "html"
    return out, render_many(out, PAGES)


def test_home_groups_1000_procedures_by_document_with_a_filter(many_site):
    out, site = many_site
    assert len(site.procedures) == 1000
    tags = scan(out / "index.html").tags
    headings = [a.get("id") for t, a in tags if t == "h2" and a.get("id", "").startswith("p")]
    assert len(headings) == 10  # one section per document
    items = [a for t, a in tags if t == "li" and "proc-item" in (a.get("class") or "")]
    assert len(items) == 1000
    assert any(t == "input" and a.get("data-filter") == ".proc-item" for t, a in tags)
    assert (out / "index.html").stat().st_size < 400_000


def test_a_page_lists_only_its_own_documents_procedures(many_site):
    out, _ = many_site
    tags = scan(out / "prosedur" / "d05-p050.html").tags
    side = [a.get("href") for t, a in tags if t == "a" and "/d0" in (a.get("href") or "")]
    assert len(side) == 100 + 2  # its document's procedures, + previous and next
    assert all("/d05-" in h for h in side)
    current = [a for t, a in tags if t == "a" and a.get("aria-current") == "page"]
    assert [a["href"] for a in current] == ["../prosedur/d05-p050.html"]
    docs = [
        a.get("href") for t, a in tags if t == "a" and "dokumen/contoh-" in (a.get("href") or "")
    ]
    assert len(set(docs)) == 10  # every document still one click away
    assert (out / "prosedur" / "d05-p050.html").stat().st_size < 60_000
