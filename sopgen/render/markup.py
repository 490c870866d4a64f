"""Safe text for the handbook: the Markdown of text fields as ``Markup`` for Jinja2.

The reading itself (cleaning, Markdown without raw HTML, sanitising to a small tag set,
safe links) is ``sopgen.model.text``, shared with the PDF and the layout; this module
only marks its HTML safe for the templates.
"""

from __future__ import annotations

from markupsafe import Markup

from sopgen.model.text import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    URL_SCHEMES,
    clean_text,
    plain_text,
    sanitise,
    to_html,
    to_html_inline,
)

__all__ = [
    "ALLOWED_ATTRIBUTES",
    "ALLOWED_TAGS",
    "URL_SCHEMES",
    "clean_text",
    "markdown_block",
    "markdown_inline",
    "plain_text",
    "sanitise",
]


def markdown_block(text: str | None) -> Markup:
    """Block Markdown (paragraphs, lists) as safe HTML; '' for empty text."""
    return Markup(to_html(text))


def markdown_inline(text: str | None) -> Markup:
    """Like ``markdown_block`` but a single paragraph loses its ``<p>`` (for table cells,
    list items and headings). Text with several paragraphs or a list stays block HTML."""
    return Markup(to_html_inline(text))
