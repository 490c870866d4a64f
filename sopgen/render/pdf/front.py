"""The binder's front matter: shared pieces (markup, paragraph styles, officials) and
the Lembar Pengesahan (docs/format.md §4). The identity page is in ``identity.py``.

Everything the reader sees is Indonesian; every font is a Liberation Sans face.
"""

from __future__ import annotations

from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.lib.utils import simpleSplit
from reportlab.platypus import Spacer, Table, TableStyle

from sopgen.errors import RenderError
from sopgen.model import Pejabat, Project
from sopgen.model.dates import place_and_date
from sopgen.model.revisions import in_force
from sopgen.model.text import clean_text, to_reportlab
from sopgen.render.fonts import BOLD, REGULAR
from sopgen.render.pdf.drawn import draw_kept
from sopgen.render.pdf.identity_paragraphs import paragraph

LINE = 0.75  # table rules on the front pages


def header_table(rows: list, widths: list, commands: list, cls: type[Table] = Table) -> Table:
    """A table whose first row repeats on every page, in the regular font, styled by
    ``commands`` besides."""
    return cls(
        rows,
        colWidths=widths,
        repeatRows=1,
        style=TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR), *commands]),
    )


SIGN_SPACE_PENGESAHAN = 2.2 * cm

# ------------------------------------------------------------------------------ markup


def inline_markup(text: str) -> str:
    """A text field's little Markdown as safe Paragraph markup (``model.text``, the same
    reading as the handbook's): ``**x**`` bold, ``*x*`` italic, everything else escaped."""
    return to_reportlab(text)


def plain(text: str) -> str:
    """Escaped text with no markup at all (names, numbers)."""
    return escape(clean_text(text))


# ------------------------------------------------------------------------------ styles


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle(
        "base",
        fontName=REGULAR,
        fontSize=9,
        leading=11,
        bulletFontName=REGULAR,
        bulletFontSize=9,
    )
    return {
        "base": base,
        "center": ParagraphStyle("center", base, alignment=TA_CENTER),
        "agency": ParagraphStyle(
            "agency", base, fontName=BOLD, fontSize=11.5, leading=14, alignment=TA_CENTER
        ),
        "unit": ParagraphStyle(
            "unit", base, fontName=BOLD, fontSize=10, leading=12.5, alignment=TA_CENTER
        ),
        "label": ParagraphStyle("label", base, fontName=BOLD),
        "label_name": ParagraphStyle("label_name", base, fontName=BOLD, fontSize=10, leading=12),
        "value_name": ParagraphStyle("value_name", base, fontName=BOLD, fontSize=10, leading=12),
        "heading": ParagraphStyle("heading", base, fontName=BOLD, spaceAfter=2),
        "item": ParagraphStyle(
            "item",
            base,
            fontSize=8,
            leading=9.7,
            leftIndent=15,
            bulletIndent=0,
            bulletFontSize=8,
            spaceAfter=1.2,
            alignment=TA_LEFT,
        ),
        "title": ParagraphStyle(
            "title", base, fontName=BOLD, fontSize=14, leading=18, alignment=TA_CENTER
        ),
        "sign": ParagraphStyle("sign", base, fontSize=10, leading=12.5, alignment=TA_CENTER),
    }


STYLES = _styles()


@lru_cache(maxsize=512)
def balanced(text: str, style: ParagraphStyle, width: float) -> str:
    """Escaped ``text`` broken into lines of even length (``<br/>``) for centred blocks:
    'Kepala Dinas Kependudukan dan Pencatatan Sipil / Kabupaten Trenggalek' rather than
    a long line and a one-word orphan. Same number of lines as plain wrapping. (Cached:
    every PDF of a document balances the same jabatan lines, for every fit tried.)"""
    font, size = style.fontName, style.fontSize
    lines = simpleSplit(text, font, size, width)
    if len(lines) <= 1:
        return plain(text)
    lo, hi = 0.0, width
    for _ in range(14):  # binary search the narrowest width with the same line count
        mid = (lo + hi) / 2
        if len(simpleSplit(text, font, size, mid)) <= len(lines):
            hi = mid
        else:
            lo = mid
    return "<br/>".join(plain(line) for line in simpleSplit(text, font, size, hi))


def nip_line(p: Pejabat) -> str:
    """``NIP. 19610304 198903 1 010`` (``NI PPPK. ...`` for a PPPK official); "" when the
    official's NIP is not written (a real SOP may not print it)."""
    return f"{p.nip_label} {p.nip_formatted}" if p.nip else ""


def official(project: Project, key: str, role: str) -> Pejabat:
    p = project.official(key)
    if p is None:
        known = ", ".join(sorted(project.dokumen.pejabat)) or "(tidak ada)"
        raise RenderError(
            f"{role}: pejabat '{key}' tidak ada di bagian 'pejabat' dokumen.yaml; "
            f"kunci yang ada: {known}"
        )
    return p


# ------------------------------------------------------------------------------ approval


class _KeptTable(Table):
    """A table whose drawing is decided by ``key`` (what it prints and its sizes): the
    Lembar Pengesahan's signature blocks, the same in every procedure's PDF of a
    document, drawn once per process (drawn.py). A part split off it is drawn anew."""

    def __init__(self, *args, key=None, **kwargs):  # a part split off it: no key
        super().__init__(*args, **kwargs)
        self.key = key

    def draw(self):
        draw_kept(self.canv, self.key, super().draw)


def _signature_table(officials: list[Pejabat], col_w: float, underline: bool, above=None):
    """Signature blocks side by side; each line is a table row so that the names,
    pangkat and NIP of all blocks stay on one line whatever the jabatan's length."""
    S = STYLES
    n = len(officials)

    def name(p: Pejabat) -> str:
        t = plain(p.nama)
        return f"<b><u>{t}</u></b>" if underline else f"<b>{t}</b>"

    rows: list[list] = []
    heights: list[float | None] = []
    for line in above or []:
        rows.append([paragraph(line, S["sign"])] * n)
        heights.append(None)
    inner = col_w - 6
    rows.append([paragraph(balanced(p.jabatan, S["sign"], inner), S["sign"]) for p in officials])
    heights.append(None)
    rows.append([""] * n)
    heights.append(SIGN_SPACE_PENGESAHAN)
    rows.append([paragraph(name(p), S["sign"]) for p in officials])
    heights.append(None)
    rows.append([paragraph(plain(p.pangkat or ""), S["sign"]) for p in officials])
    heights.append(None)
    rows.append([paragraph(plain(nip_line(p)), S["sign"]) for p in officials])
    heights.append(None)
    key = (
        tuple((p.jabatan, p.nama, p.pangkat, nip_line(p)) for p in officials),
        col_w,
        underline,
        tuple(above or ()),
    )
    return _KeptTable(
        rows,
        key=key,
        colWidths=[col_w] * n,
        rowHeights=heights,
        hAlign="CENTER",
        style=TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, len(above or [])), (-1, len(above or [])), 6),
            ]
        ),
    )


def pengesahan_story(project: Project, width: float) -> list:
    """Flowables of the Lembar Pengesahan for a frame ``width`` points wide."""
    d = project.dokumen
    S = STYLES
    underline = d.pengaturan.garis_bawah_nama
    reviewers = [official(project, k, "pengesahan.mengetahui") for k in d.pengesahan.mengetahui]
    approver = official(project, d.pengesahan.menyetujui, "pengesahan.menyetujui")
    col_w = width / max(3, min(len(reviewers), 4))

    story: list = [Spacer(1, 10), paragraph("LEMBAR PENGESAHAN SOP", S["title"]), Spacer(1, 30)]
    if reviewers:
        story += [paragraph("Mengetahui", S["sign"]), Spacer(1, 10)]
        for i in range(0, len(reviewers), 4):  # at most four blocks side by side
            story += [_signature_table(reviewers[i : i + 4], col_w, underline), Spacer(1, 12)]
        story.append(Spacer(1, 28))
    place = d.pengesahan.tempat or d.instansi.tempat
    signed = in_force(project).tanggal_pengesahan or d.pengesahan.tanggal
    above = [plain(place_and_date(place, signed)), "Menyetujui"]
    story.append(_signature_table([approver], max(col_w, width * 0.4), underline, above=above))
    return story
