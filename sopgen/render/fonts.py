"""Liberation Sans for the PDF: registration with ReportLab and text measurement.

The TTFs ship inside the package (``sopgen/fonts/``) so the PDF never depends on
system fonts and never falls back to the base-14 Helvetica: every glyph is embedded.

Logical names (``geometry.FontName``) map to registered ReportLab names:
``regular`` -> ``LiberationSans``, ``bold`` -> ``LiberationSans-Bold``,
``italic`` -> ``LiberationSans-Italic`` (``bolditalic`` exists for Paragraph markup).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from sopgen.memo import Memo

# The one font folder (the PDF embeds these faces; the handbook serves them).
FONT_DIR = Path(__file__).resolve().parent.parent / "fonts"
FONT_LICENSE = "LICENSE-Liberation.txt"

FAMILY = "LiberationSans"
FONTS = {
    "regular": ("LiberationSans", "LiberationSans-Regular.ttf"),
    "bold": ("LiberationSans-Bold", "LiberationSans-Bold.ttf"),
    "italic": ("LiberationSans-Italic", "LiberationSans-Italic.ttf"),
    "bolditalic": ("LiberationSans-BoldItalic", "LiberationSans-BoldItalic.ttf"),
}

REGULAR = FONTS["regular"][0]
BOLD = FONTS["bold"][0]
ITALIC = FONTS["italic"][0]
BOLD_ITALIC = FONTS["bolditalic"][0]

_registered = False


def register_fonts() -> None:
    """Register the four faces and the Paragraph family once per process."""
    global _registered
    if _registered:
        return
    for name, filename in FONTS.values():
        path = FONT_DIR / filename
        if not path.is_file():  # a broken install, not a user error
            raise FileNotFoundError(f"font sopgen tidak ditemukan: {path}")
        font = TTFont(name, str(path))
        font.face.makeSubset = _kept_subsets(name, font.face.makeSubset)
        pdfmetrics.registerFont(font)
    pdfmetrics.registerFontFamily(
        FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
    )
    # <b>/<i> inside Paragraphs whose fontName is any face of the family.
    for name in (REGULAR, BOLD, ITALIC, BOLD_ITALIC):
        addMapping(name, 0, 0, REGULAR)
        addMapping(name, 1, 0, BOLD)
        addMapping(name, 0, 1, ITALIC)
        addMapping(name, 1, 1, BOLD_ITALIC)
    _registered = True


def _kept_subsets(name: str, make_subset):
    """A face's ``makeSubset`` (the embedded font program of a subset of its glyphs)
    made once per subset per process: the PDFs of a build embed the same subsets again
    and again (ReportLab keeps ASCII at its own codes, so a subset changes only with the
    other characters a file prints, in the order it first prints them), and making one
    took a tenth of a per-procedure PDF's CPU. The bytes depend on the subset alone."""

    def make(subset) -> bytes:
        return SUBSETS.remember((name, tuple(subset)), lambda: make_subset(subset))

    return make


# (face, subset) -> the subset's font program; cleared when full
SUBSETS = Memo(64)


def font_name(logical: str) -> str:
    """ReportLab font name for a logical name ('regular', 'bold', 'italic', 'bolditalic')."""
    try:
        return FONTS[logical][0]
    except KeyError:
        raise ValueError(f"unknown logical font {logical!r}") from None


@lru_cache(maxsize=1 << 16)
def _width_1000(text: str, logical: str) -> float:
    # The width at size 1000, so one cached value serves every size (width is linear).
    return pdfmetrics.stringWidth(text, font_name(logical), 1000)


def measure(text: str, font: str, size: float) -> float:
    """Width in points of ``text`` set in the logical ``font`` at ``size`` points.

    This is the ``style.Measure`` the layout receives when it lays out for the PDF.
    """
    register_fonts()
    return _width_1000(text, font) * size / 1000.0
