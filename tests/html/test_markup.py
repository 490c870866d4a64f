"""Safe Markdown: a little formatting survives, nothing executable does."""

from __future__ import annotations

import pytest

from sopgen.render.markup import (
    ALLOWED_TAGS,
    clean_text,
    markdown_block,
    markdown_inline,
    plain_text,
)
from tests.html.support import Scanner


def test_emphasis_lists_code_and_links_are_kept():
    assert str(markdown_inline("Dokumen *LAKIP* dan **RKA**")) == (
        "Dokumen <em>LAKIP</em> dan <strong>RKA</strong>"
    )
    assert str(markdown_block("- satu\n- dua")) == "<ul>\n<li>satu</li>\n<li>dua</li>\n</ul>"
    assert str(markdown_inline("`kode`")) == "<code>kode</code>"
    html = str(markdown_inline("[peraturan](https://jdih.example.go.id/uu/23)"))
    assert 'href="https://jdih.example.go.id/uu/23"' in html
    assert 'href="mailto:a@b.id"' in str(markdown_inline("[surat](mailto:a@b.id)"))
    assert 'href="../prosedur/lakip.html"' in str(markdown_inline("[x](../prosedur/lakip.html)"))


def test_a_single_paragraph_loses_its_p_but_blocks_stay():
    assert str(markdown_inline("Memerintahkan penyusunan LAKIP")) == (
        "Memerintahkan penyusunan LAKIP"
    )
    assert str(markdown_block("Memerintahkan")) == "<p>Memerintahkan</p>"
    assert str(markdown_inline("satu\n\ndua")) == "<p>satu</p>\n<p>dua</p>"


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "</textarea><svg onload=alert(1)>",
        "<a href='javascript:alert(1)'>x</a>",
        "<iframe src=//evil></iframe>",
        "<style>body{display:none}</style>",
        "<div>\n<script>alert(1)</script>\n</div>",
    ],
)
def test_raw_html_is_shown_as_text_never_passed_through(text):
    html = str(markdown_block(text))
    scanner = Scanner()
    scanner.feed(html)
    for tag, attrs in scanner.tags:
        assert tag in ALLOWED_TAGS, html
        assert not any(name.startswith("on") for name in attrs), html
    # the text itself stays visible, escaped
    assert "&lt;" in html
    assert plain_text(text).startswith("<")


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
    ],
)
def test_dangerous_link_schemes_lose_their_href(url):
    html = str(markdown_inline(f"[klik]({url})"))
    assert "href" not in html, html
    assert "klik" in html


def test_images_are_not_markdown_here():
    html = str(markdown_inline("![x](http://example.com/a.png)"))
    assert "<img" not in html


def test_invisible_and_reordering_characters_are_dropped():
    assert clean_text("a\u202eb\u2066c\u2069d\x00e\x07f\ufeffg") == "abcdefg"
    assert clean_text("baris\nkedua\tx") == "baris\nkedua\tx"
    assert clean_text("e\u0301") == "\u00e9"  # NFC
    assert str(markdown_inline("a\u202eb")) == "ab"


def test_empty_text_gives_empty_markup():
    assert str(markdown_inline(None)) == ""
    assert str(markdown_block("")) == ""
    assert plain_text(None) == ""


def test_plain_text_is_the_visible_text():
    assert plain_text("Dokumen *LAKIP* & [RKA](http://x.y)") == "Dokumen LAKIP & RKA"
