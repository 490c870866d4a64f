"""The binder's front matter as platypus flowables: the identity page (format.md §2.2)
and the Lembar Pengesahan (§4).

Everything the reader sees is Indonesian; every font is a Liberation Sans face.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.platypus import Flowable, Image, Paragraph, Spacer, Table, TableStyle

from sopgen.errors import RenderError
from sopgen.model import Pejabat, Project
from sopgen.render.dates import format_date, place_and_date
from sopgen.render.fonts import BOLD, REGULAR
from sopgen.render.markup import clean_text

LINE = 0.75  # table rules on the front pages
LEFT_SHARE = 0.45  # logo/agency column; the bottom rows split on the same line
PAD = 4.0
SIGN_SPACE_IDENTITY = 2.0 * cm
SIGN_SPACE_PENGESAHAN = 2.2 * cm
LOGO_MAX = 2.4 * cm
KEEP_WHOLE = 160.0  # a bottom row at most this tall is never split across pages

# ------------------------------------------------------------------------------ markup

_BOLD_RE = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_ITALIC_RE = re.compile(r"(?<![*\w])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![*\w])")


def inline_markup(text: str) -> str:
    """A little inline Markdown (``**bold**``, ``*italic*``) as safe Paragraph markup.

    ``&``, ``<`` and ``>`` are escaped first, so no user text can inject a tag.
    """
    s = escape(clean_text(text))
    s = _BOLD_RE.sub(r"<b>\1</b>", s)
    s = _ITALIC_RE.sub(r"<i>\1</i>", s)
    return s


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


def balanced(text: str, style: ParagraphStyle, width: float) -> str:
    """Escaped ``text`` broken into lines of even length (``<br/>``) for centred blocks:
    'Kepala Dinas Kependudukan dan Pencatatan Sipil / Kabupaten Trenggalek' rather than
    a long line and a one-word orphan. Same number of lines as plain wrapping."""
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
    """``NIP. 19610304 198903 1 010`` (``NI PPPK. ...`` for a PPPK official)."""
    prefix = "NI PPPK." if p.jenis_nip == "pppk" else "NIP."
    return f"{prefix} {p.nip_formatted}"


def official(project: Project, key: str, role: str) -> Pejabat:
    p = project.official(key)
    if p is None:
        known = ", ".join(sorted(project.dokumen.pejabat)) or "(tidak ada)"
        raise RenderError(
            f"{role}: pejabat '{key}' tidak ada di bagian 'pejabat' dokumen.yaml; "
            f"kunci yang ada: {known}"
        )
    return p


# ------------------------------------------------------------------------------ identity


class TwoColumnSection(Flowable):
    """One bottom row of the identity page: two framed columns (heading + numbered
    items) that flow independently and split cleanly across pages at item boundaries
    (a single over-long item is split between its lines). A continuation repeats the
    heading of each column that continues, marked "(lanjutan)"."""

    def __init__(self, left, right, widths, *, first=True):
        super().__init__()
        self.columns = (list(left), list(right))
        self.widths = widths
        self.first = first

    # Column content helpers ---------------------------------------------------------
    def _inner(self, i: int) -> float:
        return self.widths[i] - 2 * PAD

    @staticmethod
    def _h(f, w, avail=1e9):
        _, h = f.wrap(w, avail)
        return h + f.getSpaceAfter()

    def wrap(self, availWidth, availHeight):
        self.width = sum(self.widths)
        hs = [sum(self._h(f, self._inner(i)) for f in col) for i, col in enumerate(self.columns)]
        self.height = max(hs) + 2 * PAD
        return self.width, self.height

    def split(self, availWidth, availHeight):
        self.wrap(availWidth, availHeight)
        if self.height <= KEEP_WHOLE:
            return []  # a short row moves whole rather than leave two stubs
        avail = availHeight - 2 * PAD
        fits, rests = [], []
        for i, col in enumerate(self.columns):
            fit, rest = self._fill(col, self._inner(i), avail)
            items_total = sum(1 for f in col if getattr(f, "_sop_item", False))
            items_fit = sum(1 for f in fit if getattr(f, "_sop_item", False))
            if items_total and not items_fit:
                return []  # would strand a heading at the page foot: move the whole row
            fits.append(fit)
            rests.append(rest)
        if not any(rests):
            return [self]
        conts = []
        for i, rest in enumerate(rests):
            if rest:
                conts.append([_heading(self.columns[i][0]._sop_heading, continued=True), *rest])
            else:
                conts.append([])
        return [
            TwoColumnSection(fits[0], fits[1], self.widths, first=self.first),
            TwoColumnSection(conts[0], conts[1], self.widths, first=False),
        ]

    def _fill(self, col, w, avail):
        used = 0.0
        for n, f in enumerate(col):
            h = self._h(f, w, avail - used)
            if used + h <= avail + 1e-6:
                used += h
                continue
            parts = f.split(w, avail - used) if avail - used > 0 else []
            if len(parts) >= 2:
                head, tail = parts[0], parts[1:]
                for p in (head, *tail):
                    p._sop_item = getattr(f, "_sop_item", False)
                return col[:n] + [head], tail + col[n + 1 :]
            return col[:n], col[n:]
        return col, []

    def draw(self):
        c = self.canv
        c.saveState()
        c.setLineWidth(LINE)
        c.rect(0, 0, self.width, self.height, stroke=1, fill=0)
        c.line(self.widths[0], 0, self.widths[0], self.height)
        x = 0.0
        for i, col in enumerate(self.columns):
            y = self.height - PAD
            w = self._inner(i)
            for f in col:
                _, h = f.wrap(w, 1e9)
                f.drawOn(c, x + PAD, y - h)
                y -= h + f.getSpaceAfter()
            x += self.widths[i]
        c.restoreState()


def _heading(heading: str, continued: bool = False) -> Paragraph:
    text = f"{heading} (lanjutan) :" if continued else f"{heading} :"
    p = Paragraph(plain(text), STYLES["heading"])
    p._sop_heading = heading
    return p


def _column(heading: str, items: list[str]) -> list:
    out = [_heading(heading)]
    if not items:
        p = Paragraph("-", STYLES["item"])
        p._sop_item = True
        out.append(p)
    for n, text in enumerate(items, 1):
        p = Paragraph(inline_markup(text), STYLES["item"], bulletText=f"{n}.")
        p._sop_item = True
        out.append(p)
    return out


def _logo(project: Project) -> Image | None:
    logo = project.dokumen.instansi.logo
    if not logo:
        return None
    path = document_folder(project) / logo
    if not path.is_file():
        raise RenderError(
            f"instansi.logo: berkas '{logo}' tidak ditemukan ({path}); letakkan gambar logo "
            "di folder dokumen atau hapus baris 'logo'"
        )
    try:
        iw, ih = ImageReader(str(path)).getSize()
    except Exception as exc:  # PIL raises many kinds for a broken or unknown file
        raise RenderError(
            f"instansi.logo: berkas '{logo}' bukan gambar PNG/JPG yang dapat dibaca ({exc})"
        ) from None
    img = Image(str(path))
    scale = min(LOGO_MAX / iw, LOGO_MAX / ih)
    img.drawWidth, img.drawHeight = iw * scale, ih * scale
    img.hAlign = "CENTER"
    return img


def document_folder(project: Project) -> Path:
    p = Path(project.path)
    return p if p.is_dir() or not p.suffix else p.parent


def identity_story(project: Project, width: float) -> list:
    """Flowables of the identity page for a frame ``width`` points wide."""
    d = project.dokumen
    ins, ident = d.instansi, d.identitas
    S = STYLES
    left_w = round(width * LEFT_SHARE, 2)
    right_w = width - left_w

    # Left: logo and the agency lines, centred, upper case, bold.
    left: list = []
    logo = _logo(project)
    if logo is not None:
        left += [logo, Spacer(1, 6)]
    text_w = left_w - 20  # the cell's padding
    left.append(Paragraph(balanced(ins.pemerintah.upper(), S["agency"], text_w), S["agency"]))
    left.append(Paragraph(balanced(ins.dinas.upper(), S["agency"], text_w), S["agency"]))
    if ins.unit:
        left.append(Paragraph(balanced(ins.unit.upper(), S["unit"], text_w), S["unit"]))

    # Right: the LABEL | : | value grid.
    signer = official(project, ident.disahkan_oleh, "identitas.disahkan_oleh")
    label_w = min(right_w * 0.36, 5.2 * cm)
    colon_w = 0.45 * cm
    value_w = right_w - label_w - colon_w
    sign = [
        Paragraph(balanced(signer.jabatan, S["center"], value_w - 2 * PAD), S["center"]),
        Spacer(1, SIGN_SPACE_IDENTITY),
        Paragraph(f"<b>{plain(signer.nama)}</b>", S["center"]),
    ]
    if signer.pangkat:
        sign.append(Paragraph(plain(signer.pangkat), S["center"]))
    sign.append(Paragraph(plain(nip_line(signer)), S["center"]))

    def row(label, value):
        return [Paragraph(plain(label), S["label"]), Paragraph(":", S["base"]), value]

    rows = [
        row("NOMOR SOP", Paragraph(plain(ident.nomor), S["base"])),
        row("TANGGAL PEMBUATAN", Paragraph(format_date(ident.tanggal_pembuatan), S["base"])),
        row("TANGGAL REVISI", Paragraph(format_date(ident.tanggal_revisi), S["base"])),
        row("TANGGAL EFEKTIF", Paragraph(format_date(ident.tanggal_efektif), S["base"])),
        row("DISAHKAN OLEH", sign),
        [
            Paragraph(plain(ident.label_nama.upper()), S["label_name"]),
            Paragraph(":", S["label_name"]),
            Paragraph(inline_markup(ident.nama), S["value_name"]),
        ],
    ]
    grid = Table(
        rows,
        colWidths=[label_w, colon_w, value_w],
        style=TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LINEBELOW", (0, 0), (-1, -2), LINE, (0, 0, 0)),
                ("LEFTPADDING", (0, 0), (-1, -1), PAD),
                ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
                ("LEFTPADDING", (1, 0), (1, -1), 1),
                ("RIGHTPADDING", (1, 0), (1, -1), 1),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("VALIGN", (0, 4), (1, 4), "TOP"),
                ("TOPPADDING", (0, 4), (-1, 4), 5),
                ("BOTTOMPADDING", (0, 4), (-1, 4), 6),
            ]
        ),
    )
    top = Table(
        [[left, grid]],
        colWidths=[left_w, right_w],
        style=TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("BOX", (0, 0), (-1, -1), LINE, (0, 0, 0)),
                ("LINEAFTER", (0, 0), (0, 0), LINE, (0, 0, 0)),
                ("VALIGN", (0, 0), (0, 0), "MIDDLE"),
                ("ALIGN", (0, 0), (0, 0), "CENTER"),
                ("VALIGN", (1, 0), (1, 0), "TOP"),
                ("LEFTPADDING", (0, 0), (0, 0), 10),
                ("RIGHTPADDING", (0, 0), (0, 0), 10),
                ("LEFTPADDING", (1, 0), (1, 0), 0),
                ("RIGHTPADDING", (1, 0), (1, 0), 0),
                ("TOPPADDING", (1, 0), (1, 0), 0),
                ("BOTTOMPADDING", (1, 0), (1, 0), 0),
            ]
        ),
    )

    widths = (left_w, right_w)
    sections = [
        (("DASAR HUKUM", d.dasar_hukum), ("KUALIFIKASI PELAKSANA", d.kualifikasi_pelaksana)),
        (
            ("KETERKAITAN", [k.teks for k in d.keterkaitan]),
            ("PERALATAN/PERLENGKAPAN", d.peralatan),
        ),
        (("PERINGATAN", d.peringatan), ("PENCATATAN DAN PENDATAAN", d.pencatatan)),
    ]
    story: list = [top]
    for (lh, li), (rh, ri) in sections:
        story.append(TwoColumnSection(_column(lh, li), _column(rh, ri), widths))
    return story


# ------------------------------------------------------------------------------ approval


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
        rows.append([Paragraph(line, S["sign"])] * n)
        heights.append(None)
    inner = col_w - 16
    rows.append([Paragraph(balanced(p.jabatan, S["sign"], inner), S["sign"]) for p in officials])
    heights.append(None)
    rows.append([""] * n)
    heights.append(SIGN_SPACE_PENGESAHAN)
    rows.append([Paragraph(name(p), S["sign"]) for p in officials])
    heights.append(None)
    rows.append([Paragraph(plain(p.pangkat or ""), S["sign"]) for p in officials])
    heights.append(None)
    rows.append([Paragraph(plain(nip_line(p)), S["sign"]) for p in officials])
    heights.append(None)
    return Table(
        rows,
        colWidths=[col_w] * n,
        rowHeights=heights,
        hAlign="CENTER",
        style=TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
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

    story: list = [Spacer(1, 10), Paragraph("LEMBAR PENGESAHAN SOP", S["title"]), Spacer(1, 30)]
    if reviewers:
        story += [Paragraph("Mengetahui", S["sign"]), Spacer(1, 10)]
        for i in range(0, len(reviewers), 4):  # at most four blocks side by side
            story += [_signature_table(reviewers[i : i + 4], col_w, underline), Spacer(1, 12)]
        story.append(Spacer(1, 28))
    place = d.pengesahan.tempat or d.instansi.tempat
    above = [plain(place_and_date(place, d.pengesahan.tanggal)), "Menyetujui"]
    story.append(_signature_table([approver], max(col_w, width * 0.4), underline, above=above))
    return story
