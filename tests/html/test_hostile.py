"""Hostile text in every text field of the model: nothing executable reaches any page.

The payload (tests/html/support.py HOSTILE) carries script tags, event handlers,
javascript:/data: links, a closing </textarea>, an <svg onload>, bidi overrides, control
characters and Jinja syntax. It goes into every text field: officials, identity, every
list, titles, executor names, every step field, the revisions' Perubahan.
"""

from __future__ import annotations

import json
import re

from tests.html.support import HOSTILE, html_pages, scan

# The only elements and scripts the handbook itself writes.
ALLOWED_SCRIPTS = {"assets/theme.js", "assets/site.js", "assets/search.js"}
FORBIDDEN_TAGS = {"iframe", "object", "embed", "img", "style", "base", "form_action", "textarea"}
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "poster"}


def _bad_url(value: str) -> bool:
    squeezed = "".join(ch for ch in value if ch > " ").lower()
    return squeezed.startswith(("javascript:", "vbscript:", "data:"))


def test_the_payload_reaches_the_pages_as_text(hostile_site):
    # proof that the fields were really used: the payload is shown, escaped
    page = (hostile_site / "prosedur" / "verifikasi.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page
    assert "&lt;/textarea&gt;" in page
    assert "{{ 7*7 }}" in page and "{% raw %}" in page
    assert "<em>tebal</em>" in page  # the allowed Markdown still works


def test_no_executable_markup_in_any_page(hostile_site):
    pages = html_pages(hostile_site)
    assert len(pages) >= 10
    for page in pages:
        root = "../" if page.parent != hostile_site else ""
        for tag, attrs in scan(page).tags:
            where = f"{page.relative_to(hostile_site)}: <{tag} {attrs}>"
            assert tag not in FORBIDDEN_TAGS, where
            if tag == "script":
                assert attrs.get("src", "").removeprefix(root) in ALLOWED_SCRIPTS, where
            for name, value in attrs.items():
                assert not name.startswith("on"), where
                if name in URL_ATTRS and value:
                    assert not _bad_url(value), where
            if tag == "a" and attrs.get("href"):
                href = attrs["href"]
                assert re.match(r"^(#|\.\./|[a-z0-9_-]+[/.]|https?:|mailto:)", href), where


def test_no_hidden_or_forbidden_characters_in_any_file(hostile_site):
    for path in [*html_pages(hostile_site), hostile_site / "search-index.js"]:
        text = path.read_text(encoding="utf-8")
        for ch in ("\u202e", "\u202c", "\x00", "\x07", "\ufeff"):
            assert ch not in text, f"{path}: {ch!r}"


def test_revision_history_shows_the_payload_as_text(hostile_site):
    for page in ("dokumen/contoh.html", "prosedur/lakip.html"):
        html = (hostile_site / page).read_text(encoding="utf-8")
        table = re.search(r'<table class="plain revisions-table">.*?</table>', html, re.S)
        assert table, page
        body = table.group(0)
        assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in body
        assert "<script" not in body and "<iframe" not in body and "<svg" not in body
        assert "<em>tebal</em>" in body
    lakip = (hostile_site / "prosedur" / "lakip.html").read_text(encoding="utf-8")
    assert "<p>Diubah:</p>\n<ul>\n<li>&lt;script&gt;window.__pwned=1" in lakip


def test_svg_text_is_escaped(hostile_site):
    page = (hostile_site / "prosedur" / "lakip.html").read_text(encoding="utf-8")
    svgs = re.findall(r'<svg [^>]*class="(?:flowchart|bar-chart)".*?</svg>', page, re.S)
    assert len(svgs) >= 2
    for svg in svgs:
        assert "<script" not in svg and "onload" not in svg.replace("onload=window", "")
        assert "<svg onload" not in svg and "<img" not in svg and "<iframe" not in svg
        assert "&lt;script&gt;" in svg or "&lt;svg onload" in svg
    flow = svgs[0]
    # the executor names and the title in the SVG are the hostile text, escaped
    assert re.search(r"<text[^>]*>[^<]*&lt;script&gt;", flow)
    assert re.search(r"<title[^>]*>[^<]*&lt;script&gt;", flow)


def test_search_index_cannot_end_its_script_or_run_code(hostile_site):
    js = (hostile_site / "search-index.js").read_text(encoding="utf-8")
    body = js.split("window.SOPGEN_SEARCH = ", 1)[1]
    assert "<" not in body and ">" not in body and "&" not in body
    assert "\u2028" not in body and "\u2029" not in body
    index = json.loads(body.rstrip().rstrip(";"))
    entries = index["docs"]
    assert any("<script>window.__pwned=1</script>" in e["t"] for e in entries)
    # the statement is a single assignment of JSON data
    assert js.count("window.") == 1 + json.dumps(index, ensure_ascii=True).count("window.")


def test_payload_constant_covers_the_classic_vectors():
    for vector in ("<script>", "onerror=", "javascript:", "</textarea>", "\u202e", "<svg onload"):
        assert vector in HOSTILE
