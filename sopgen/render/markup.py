"""Safe text for the handbook: a little Markdown in, sanitised HTML out.

Text fields of the YAML (uraian, keterangan, dasar hukum items, peringatan, ...) may use a
little Markdown: emphasis, lists, links, inline code. Nothing else survives:

1. ``clean_text`` drops characters that have no business in a document and can hide or
   reorder text (control characters, bidi overrides and isolates, lone surrogates,
   noncharacters). They are also forbidden in HTML and XML, so dropping them keeps every
   page valid.
2. Markdown is rendered with raw HTML switched off: ``<script>`` typed in YAML is shown as
   the text ``<script>``, never passed through. Images are switched off too.
3. The result is sanitised with ``nh3`` to a small tag set, and links keep only
   http/https/mailto or relative URLs (no ``javascript:``, no ``data:``).
"""

from __future__ import annotations

import re
from functools import lru_cache

import nh3
from markupsafe import Markup

from sopgen.model.text import clean_text, markdown_to_html, plain_text

__all__ = ["clean_text", "markdown_block", "markdown_inline", "plain_text", "sanitise"]

ALLOWED_TAGS = frozenset({"p", "em", "strong", "ul", "ol", "li", "a", "code", "br"})
ALLOWED_ATTRIBUTES = {"a": {"href"}, "ol": {"start"}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")


def _href_filter(tag: str, attribute: str, value: str) -> str | None:
    """Second check on links, as a browser reads them: browsers drop tabs and newlines
    inside URLs ('java\tscript:' is 'javascript:'), so look at the URL without any
    whitespace or control character, and keep it only with an allowed scheme or none."""
    if attribute != "href":
        return value
    squeezed = "".join(ch for ch in value if ch > " " and ch != "\x7f").lower()
    match = _SCHEME.match(squeezed)
    if match and match.group(1) not in URL_SCHEMES:
        return None
    if squeezed != value.strip().lower():
        return None  # whitespace inside a URL: not a link anyone means
    return value


def sanitise(fragment: str) -> str:
    """Allow only ``ALLOWED_TAGS``; links only to http(s), mailto or relative URLs."""
    return nh3.clean(
        fragment,
        attribute_filter=_href_filter,
        tags=set(ALLOWED_TAGS),
        attributes={k: set(v) for k, v in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        # no target=_blank anywhere; and a link whose href was dropped stays a valid <a>
        link_rel=None,
        strip_comments=True,
        clean_content_tags={"script", "style"},
    )


def markdown_block(text: str | None) -> Markup:
    """Block Markdown (paragraphs, lists) as safe HTML; '' for empty text."""
    if not text:
        return Markup("")
    return Markup(sanitise(markdown_to_html(text)))


_SINGLE_P = re.compile(r"^<p>(.*)</p>$", re.DOTALL)
# anything Markdown or HTML could make something of (markup, entities, lists, headings)
_SIGNS = re.compile(r"[*_`\[\]<>&#\\!]|^\s*([-+]|\d+\.)\s|^=+$|^-+$|  $")


@lru_cache(maxsize=8192)
def markdown_inline(text: str | None) -> Markup:
    """Like ``markdown_block`` but a single paragraph loses its ``<p>`` (for table cells,
    list items and headings). Text with several paragraphs or a list stays block HTML."""
    if not text:
        return Markup("")
    if "\n" not in text and not text.startswith((" ", "\t")) and not _SIGNS.search(text):
        # one plain line (most cells): what Markdown would give, without its parser
        return Markup(clean_text(text).strip())
    out = markdown_to_html(text).strip()
    match = _SINGLE_P.match(out)
    if match and "<p>" not in match.group(1):
        out = match.group(1)
    return Markup(sanitise(out))
