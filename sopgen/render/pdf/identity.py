"""The identity page (docs/format.md §2.2) as platypus flowables.

A top block split ~45/55 (logo and agency | the LABEL : value grid), then three framed
two-column rows (Dasar Hukum | Kualifikasi Pelaksana, Keterkaitan | Peralatan,
Peringatan | Pencatatan) whose split lines up with the logo column and which flow
across pages without clipping.
"""

from __future__ import annotations

from dataclasses import replace

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from sopgen.model import Procedure, Project
from sopgen.model.dates import format_date
from sopgen.model.identity import effective_identity
from sopgen.model.revisions import effective_revision_date, in_force
from sopgen.render.common import make_style
from sopgen.render.fonts import REGULAR
from sopgen.render.pdf.columns import SpreadSection
from sopgen.render.pdf.frames import frame_rects
from sopgen.render.pdf.front import (
    LINE,
    STYLES,
    balanced,
    inline_markup,
    nip_line,
    official,
    plain,
)
from sopgen.render.pdf.logo import logo as project_logo

LEFT_SHARE = 0.45  # logo/agency column; the bottom rows split on the same line
PAD = 4.0
SIGN_SPACE_IDENTITY = 2.0 * cm
LOGO_MAX = 2.4 * cm
KEEP_WHOLE = 160.0  # a bottom row at most this tall is never split across pages


class TwoColumnSection(Flowable):
    """One bottom row of the identity page: two framed columns (heading + numbered
    items) that flow independently and split cleanly across pages at item boundaries
    (a single over-long item is split between its lines). A continuation repeats the
    heading of each column that continues, marked "(lanjutan)"."""

    def __init__(self, left, right, widths):
        super().__init__()
        self.columns = (list(left), list(right))
        self.widths = widths

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
        alone = [i for i, rest in enumerate(rests) if rest]
        if len(alone) == 1:
            # one column runs on alone: spread its rest over both columns (columns.py)
            i = alone[0]
            return [
                TwoColumnSection(fits[0], fits[1], self.widths),
                SpreadSection(self.columns[i][0]._sop_heading, rests[i], self.widths),
            ]
        conts = []
        for i, rest in enumerate(rests):
            if rest:
                first = self.columns[i][0]
                conts.append([_heading(first._sop_heading, True, first._sop_styles), *rest])
            else:
                conts.append([])
        return [
            TwoColumnSection(fits[0], fits[1], self.widths),
            TwoColumnSection(conts[0], conts[1], self.widths),
        ]

    def _fill(self, col, w, avail):
        used = 0.0
        for n, f in enumerate(col):
            h = self._h(f, w, avail - used)
            if used + h <= avail + 1e-6:
                used += h
                continue
            # break between items; only an item taller than KEEP_WHOLE is cut between lines
            long_item = h > KEEP_WHOLE
            parts = f.split(w, avail - used) if avail - used > 0 and long_item else []
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


def _heading(heading: str, continued: bool = False, styles=STYLES) -> Paragraph:
    text = f"{heading} (lanjutan) :" if continued else f"{heading} :"
    p = Paragraph(plain(text), styles["heading"])
    p._sop_heading = heading
    p._sop_styles = styles
    return p


def _column(heading: str, items: list[str], styles=STYLES) -> list:
    out = [_heading(heading, styles=styles)]
    if not items:
        p = Paragraph("-", styles["item"])
        p._sop_item = True
        out.append(p)
    for n, text in enumerate(items, 1):
        p = Paragraph(inline_markup(text), styles["item"], bulletText=f"{n}.")
        p._sop_item = True
        out.append(p)
    return out


def _compact(style: ParagraphStyle, scale: float) -> ParagraphStyle:
    return ParagraphStyle(
        f"{style.name}-{scale}",
        style,
        fontSize=style.fontSize * scale,
        leading=style.leading * scale,
        bulletFontSize=style.bulletFontSize * scale,
        spaceAfter=style.spaceAfter * scale,
    )


# type and signature space of an identity page that would spill onto a second page
# (the signed originals set a long identity in type as small as 6 pt to keep it whole)
COMPACT = (0.9, 0.8)
COMPACT_STYLES = {
    scale: {key: _compact(style, scale) for key, style in STYLES.items()} for scale in COMPACT
}


def identity_story(
    project: Project,
    width: float,
    procedure: Procedure | None = None,
    room: float | None = None,
) -> list:
    """Flowables of the identity page for a frame ``width`` points wide: the document's,
    or (``procedure``) that procedure's effective identity (its own fields over the
    document's; without any, the document's with the procedure's Nomor and title).

    An identity that would run a little past one page (``room``: the frame's height,
    by default the document's paper) is set a tenth (or a fifth) smaller when that keeps
    it on one page, rather than spill a strip onto a second."""
    story = _story(project, width, procedure, STYLES, SIGN_SPACE_IDENTITY)
    if room is None:
        room = frame_rects(make_style(project))["front"][0][3]
    if _height(story, width) <= room:
        return story
    for scale in COMPACT:
        styles = COMPACT_STYLES[scale]
        compact = _story(project, width, procedure, styles, SIGN_SPACE_IDENTITY * scale)
        if _height(compact, width) <= room:
            return compact
    return story


def _height(story: list, width: float) -> float:
    return sum(f.wrap(width, 1e9)[1] + f.getSpaceAfter() for f in story)


def _story(
    project: Project, width: float, procedure: Procedure | None, S, sign_space: float
) -> list:
    d = project.dokumen
    ins = d.instansi
    ident = effective_identity(project, procedure)
    if procedure is not None and not ident.own:
        ident = replace(ident, nama=procedure.data.judul)
    left_w = round(width * LEFT_SHARE, 2)
    right_w = width - left_w

    # Left: logo and the agency lines, centred, upper case, bold.
    left: list = []
    logo = project_logo(project, LOGO_MAX, LOGO_MAX)
    if logo is not None:
        left += [logo, Spacer(1, 6)]
    text_w = left_w - 20  # the cell's padding
    left.append(Paragraph(balanced(ins.pemerintah.upper(), S["agency"], text_w), S["agency"]))
    left.append(Paragraph(balanced(ins.dinas.upper(), S["agency"], text_w), S["agency"]))
    if ins.unit:
        left.append(Paragraph(balanced(ins.unit.upper(), S["unit"], text_w), S["unit"]))

    # Right: the LABEL | : | value grid.
    signer = ident.signer or official(project, ident.disahkan_oleh, "identitas.disahkan_oleh")
    label_w = min(right_w * 0.36, 5.2 * cm)
    colon_w = 0.45 * cm
    value_w = right_w - label_w - colon_w
    sign = [
        Paragraph(balanced(signer.jabatan, S["center"], value_w - 2 * PAD), S["center"]),
        Spacer(1, sign_space),
        Paragraph(f"<b>{plain(signer.nama)}</b>", S["center"]),
    ]
    if signer.pangkat:
        sign.append(Paragraph(plain(signer.pangkat), S["center"]))
    if signer.nip:
        sign.append(Paragraph(plain(nip_line(signer)), S["center"]))

    def row(label, value):
        return [Paragraph(plain(label), S["label"]), Paragraph(":", S["base"]), value]

    rows = [
        row("NOMOR SOP", Paragraph(plain(ident.nomor), S["base"])),
        row("TANGGAL PEMBUATAN", Paragraph(format_date(ident.tanggal_pembuatan), S["base"])),
        # the latest revision's date (identitas.tanggal_revisi when there is none)
        row(
            "TANGGAL REVISI",
            Paragraph(format_date(effective_revision_date(project, procedure)), S["base"]),
        ),
        row(
            "TANGGAL EFEKTIF",
            Paragraph(format_date(in_force(project, procedure).tanggal_efektif), S["base"]),
        ),
        row("DISAHKAN OLEH", sign),
        [
            Paragraph(plain(ident.label_nama.upper()), S["label_name"]),
            Paragraph(":", S["label_name"]),
            Paragraph(inline_markup(ident.nama), S["value_name"]),
        ],
    ]
    # extra rows after Nama SOP (identitas.tambahan), e.g. Maksud dan Tujuan
    rows += [
        row(extra.label.upper(), Paragraph(inline_markup(extra.isi), S["base"]))
        for extra in ident.tambahan
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
    # one SOP's page does not list itself among its related SOPs
    related = [k.teks for k in ident.keterkaitan if procedure is None or k.prosedur != procedure.id]
    sections = [
        (
            ("DASAR HUKUM", list(ident.dasar_hukum)),
            ("KUALIFIKASI PELAKSANA", list(ident.kualifikasi_pelaksana)),
        ),
        (("KETERKAITAN", related), ("PERALATAN/PERLENGKAPAN", list(ident.peralatan))),
        (
            ("PERINGATAN", list(ident.peringatan)),
            ("PENCATATAN DAN PENDATAAN", list(ident.pencatatan)),
        ),
    ]
    story: list = [top]
    for (lh, li), (rh, ri) in sections:
        story.append(TwoColumnSection(_column(lh, li, S), _column(rh, ri, S), widths))
    return story
