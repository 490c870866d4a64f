"""The one reader of "a little Markdown" in text fields: parsed once, given as HTML (the
handbook), as ReportLab markup (the PDF) and as plain text (the flowchart cells, search).

Text fields of the YAML (uraian, keterangan, dasar hukum items, peringatan, revision
notes...) may use emphasis, lists, links and inline code. Nothing else survives:

1. ``clean_text`` drops characters that can hide or reorder text (control characters,
   bidi overrides and isolates, lone surrogates, noncharacters); they are also forbidden
   in HTML and XML.
2. Markdown is read with raw HTML and images switched off: ``<script>`` typed in YAML is
   the text ``<script>``. A list right under a line of text is a list (officers write
   'Diubah:' and the items below it without a blank line). A line break typed in the
   text is a line break (``nl2br``): real SOPs write 'Surat permohonan\\nKTP' in a cell
   and mean two lines, and '1.Surat\\n2.KTP' (not a Markdown list) stays two lines.
   Lists follow ``sane_lists``: a numbered list keeps the number it starts with ('3.
   tiga' is printed '3.'), and a numbered line right under a bullet item is a line of
   that item, printed as typed.
3. The HTML is sanitised with ``nh3`` to a small tag set; links keep only http, https,
   mailto or relative URLs.

The outputs come from that one sanitised HTML, so the PDF and the handbook cannot read
one text differently: ``to_html`` (the handbook), ``to_reportlab`` / ``to_reportlab_blocks``
(the PDF's paragraphs), ``plain_block`` (the flowchart cells: lines, list items and line
breaks kept) and ``plain_text`` (one folded line: search, links). Kept below the
renderers so that the layout, which knows no backend, can measure the plain text.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from xml.sax.saxutils import escape

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
# Characters that can start Markdown syntax; text without any is plain as it is.
_MARKDOWN_SIGNS = re.compile(r"[*_`\[\]<>&#\\]|^\s*([-+]|\d+\.)\s", re.MULTILINE)
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+\S")

ALLOWED_TAGS = frozenset({"p", "em", "strong", "ul", "ol", "li", "a", "code", "br"})
ALLOWED_ATTRIBUTES = {"a": {"href"}, "ol": {"start"}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
_SINGLE_P = re.compile(r"^<p>(.*)</p>$", re.DOTALL)
# anything Markdown or HTML could make something of in one line (markup, entities, lists,
# headings, a hard break)
_LINE_SIGNS = re.compile(r"[*_`\[\]<>&#\\!]|^\s*([-+]|\d+\.)\s|^=+$|^-+$|  $")


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


def _lists_after_text(text: str) -> str:
    """'Diubah:\\n- a\\n- b' is a paragraph and a two-item list (Markdown alone would need a
    blank line before the list and otherwise reads '- a - b' as part of the paragraph)."""
    out: list[str] = []
    in_text = in_list = False
    for line in text.splitlines():
        if not line.strip():
            in_text = in_list = False
        elif _LIST_ITEM.match(line):
            if in_text and not in_list:
                out.append("")
            in_list = True
        else:
            in_text = True
        out.append(line)
    return "\n".join(out)


def markdown_to_html(text: str) -> str:
    """Markdown -> HTML, unsanitised (``to_html`` is the safe one)."""
    # A fresh converter per call: Markdown instances keep state between conversions.
    md = markdown.Markdown(extensions=[_NoRawHtml(), "nl2br", "sane_lists"], output_format="html")
    return md.convert(_lists_after_text(clean_text(text)))


def _href_filter(tag: str, attribute: str, value: str) -> str | None:
    """Second check on links, as a browser reads them: browsers drop tabs and newlines
    inside URLs ('java\\tscript:' is 'javascript:'), so look at the URL without any
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


@lru_cache(maxsize=4096)
def to_html(text: str | None) -> str:
    """Block Markdown (paragraphs, lists) as sanitised HTML; '' for empty text."""
    if not text:
        return ""
    return sanitise(markdown_to_html(text))


@lru_cache(maxsize=4096)
def to_html_inline(text: str | None) -> str:
    """Like ``to_html`` but a single paragraph loses its ``<p>`` (table cells, list items,
    headings). Text with several paragraphs or a list stays block HTML."""
    if not text:
        return ""
    if "\n" not in text and not text.startswith((" ", "\t")) and not _LINE_SIGNS.search(text):
        # one plain line (most cells): what Markdown would give, without its parser
        return clean_text(text).strip()
    out = markdown_to_html(text).strip()
    match = _SINGLE_P.match(out)
    if match and "<p>" not in match.group(1):
        out = match.group(1)
    return sanitise(out)


@lru_cache(maxsize=4096)
def plain_text(text: str | None) -> str:
    """The visible text on one line, without markup and with its white space folded
    (search, link texts): '**Surat**\\nmasuk' -> 'Surat masuk'. Raw HTML is not Markdown
    here: '<b>' stays the text '<b>'. ``plain_block`` keeps the lines."""
    if not text:
        return ""
    if not _MARKDOWN_SIGNS.search(text):
        return " ".join(clean_text(text).split())
    stripped = nh3.clean(markdown_to_html(text), tags=set())
    return " ".join(html.unescape(stripped).split())


# --- ReportLab ------------------------------------------------------------------------


@dataclass(frozen=True)
class Block:
    """A paragraph (``bullet`` None) or a list item ("•", or "1." as numbered), with its
    text as ReportLab Paragraph markup (``<b>``, ``<i>``, ``<br/>``, escaped text)."""

    bullet: str | None
    markup: str

    @property
    def lines(self) -> tuple[str, ...]:
        """Its visible text line by line (a line per ``<br/>``), markup dropped, white
        space folded; without the bullet."""
        parts = (_INLINE_MARKUP.sub("", part) for part in self.markup.split("<br/>"))
        lines = (" ".join(html.unescape(part).split()) for part in parts)
        return tuple(line for line in lines if line)


_INLINE_TAGS = {"strong": "b", "em": "i"}
_SPACES = re.compile(r"\s+")
_AROUND_BREAK = re.compile(r"\s*<br/>\s*")
_INLINE_MARKUP = re.compile(r"</?[bi]>")


class _Blocks(HTMLParser):
    """Sanitised HTML (``ALLOWED_TAGS`` only) -> ``Block``s."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.lists: list[list] = []  # per open list: [ordered, next number]
        self.bullet: str | None = None
        self.parts: list[str] = []

    def _flush(self) -> None:
        markup = _AROUND_BREAK.sub("<br/>", "".join(self.parts)).strip()
        if markup:
            self.blocks.append(Block(self.bullet, markup))
        self.parts, self.bullet = [], None

    def handle_starttag(self, tag, attrs):
        if tag in _INLINE_TAGS:
            self.parts.append(f"<{_INLINE_TAGS[tag]}>")
        elif tag == "br":
            self.parts.append("<br/>")
        elif tag in ("ul", "ol"):
            self._flush()
            start = dict(attrs).get("start") or "1"
            self.lists.append([tag == "ol", int(start) if start.isdigit() else 1])
        elif tag == "li":
            self._flush()
            ordered, number = self.lists[-1] if self.lists else (False, 1)
            if ordered:
                self.lists[-1][1] += 1
            self.bullet = f"{number}." if ordered else "\u2022"
        elif tag == "p" and not self.lists:
            self._flush()

    def handle_endtag(self, tag):
        if tag in _INLINE_TAGS:
            self.parts.append(f"</{_INLINE_TAGS[tag]}>")
        elif tag in ("ul", "ol"):
            self._flush()
            if self.lists:
                self.lists.pop()
        elif tag == "li" or (tag == "p" and not self.lists):
            self._flush()

    def handle_data(self, data):
        self.parts.append(escape(_SPACES.sub(" ", data)))


@lru_cache(maxsize=4096)
def to_reportlab_blocks(text: str | None) -> tuple[Block, ...]:
    """Paragraphs and list items of ``text`` as ReportLab markup."""
    if not text:
        return ()
    if "\n" not in text and not _MARKDOWN_SIGNS.search(text):
        line = " ".join(clean_text(text).split())
        return (Block(None, escape(line)),) if line else ()
    parser = _Blocks()
    parser.feed(to_html(text))
    parser.close()
    parser._flush()
    return tuple(parser.blocks)


@lru_cache(maxsize=4096)
def to_reportlab(text: str | None) -> str:
    """ReportLab markup of a text printed in one Paragraph: ``**Penting**`` ->
    ``<b>Penting</b>``, everything else escaped; paragraphs and list items on lines of
    their own."""
    if not text:
        return ""
    if "\n" not in text and not _MARKDOWN_SIGNS.search(text):
        return escape(clean_text(text))
    return "<br/>".join(
        (f"{b.bullet} " if b.bullet else "") + b.markup for b in to_reportlab_blocks(text)
    )


@lru_cache(maxsize=4096)
def plain_block(text: str | None) -> str:
    """The visible text as a flowchart cell prints it: every paragraph, list item and
    line break of the text on a line of its own (lines joined by '\\n'), list items with
    their number or bullet ("1. Surat permohonan", "\u2022 KTP"), markup dropped, white
    space within a line folded. Read from ``to_reportlab_blocks``: the same reading as the
    PDF's paragraphs and the handbook."""
    if not text:
        return ""
    if not _MARKDOWN_SIGNS.search(text):
        lines = (" ".join(line.split()) for line in clean_text(text).splitlines())
        return "\n".join(line for line in lines if line)
    out = []
    for block in to_reportlab_blocks(text):
        lines = list(block.lines)
        if block.bullet and lines:
            lines[0] = f"{block.bullet} {lines[0]}"
        out += lines
    return "\n".join(out)
