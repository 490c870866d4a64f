"""The visible text of a field that may hold a little Markdown, for places that draw
plain text: the flowchart cells (PDF and SVG), search, titles.

Kept out of the renderers so the layout, which must not know any backend, can use it.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

import markdown
import nh3
from markdown.extensions import Extension

# Code points removed from every text: C0/C1 controls except tab and newline, bidi
# embeddings/overrides/isolates (U+202A-U+202E, U+2066-U+2069), the BOM, lone surrogates
# and the noncharacters U+FDD0-U+FDEF, U+xFFFE/U+xFFFF.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff"
    "\ufdd0-\ufdef\ufffe\uffff]"
)
# Characters that can start Markdown syntax; text without any is returned as it is.
_MARKDOWN_SIGNS = re.compile(r"[*_`\[\]<>&#\\]|^\s*([-+]|\d+\.)\s", re.MULTILINE)


def clean_text(text: str) -> str:
    """``text`` without invisible, reordering or forbidden characters (NFC-normalised)."""
    text = _UNSAFE.sub("", text)
    if text.isascii():  # the common case: nothing above U+FFFF, already NFC
        return text
    text = "".join(ch for ch in text if not (ord(ch) > 0xFFFF and (ord(ch) & 0xFFFE) == 0xFFFE))
    return unicodedata.normalize("NFC", text)


class _NoRawHtml(Extension):
    """Raw HTML and images are not part of sopgen's Markdown."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown API)
        md.preprocessors.deregister("html_block")
        for name in ("html", "image_link", "image_reference", "short_image_ref"):
            md.inlinePatterns.deregister(name)


def markdown_to_html(text: str) -> str:
    # A fresh converter per call: Markdown instances keep state between conversions.
    md = markdown.Markdown(extensions=[_NoRawHtml()], output_format="html")
    return md.convert(clean_text(text))


_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")


@lru_cache(maxsize=4096)
def plain_text(text: str | None) -> str:
    """The visible text of a Markdown field, without markup: '**Surat** masuk' -> 'Surat
    masuk'. Raw HTML is not Markdown here: '<b>' stays the text '<b>', as on the pages."""
    if not text:
        return ""
    if not _MARKDOWN_SIGNS.search(text):
        return " ".join(clean_text(text).split())
    stripped = nh3.clean(markdown_to_html(text), tags=set())
    return " ".join(html.unescape(stripped).split())
