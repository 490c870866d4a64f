"""The identity page (docs/format.md §2.2) as platypus flowables.

A top block (logo and agency | the LABEL : value grid), then three framed two-column
rows (Dasar Hukum | Kualifikasi Pelaksana, Keterkaitan | Peralatan, Peringatan |
Pencatatan) whose split lines up with the logo column. The split follows the content:
of SHARES, the one that makes the page shortest (a long Dasar Hukum beside a short
Kualifikasi gets the wider left column, as the originals print it). The page is fitted
on one page when it can be (``identity_fit``) and otherwise breaks between items
(``identity_rows``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache

from reportlab.lib.units import cm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from sopgen.memo import Memo
from sopgen.model import Procedure, Project
from sopgen.model.dates import format_date
from sopgen.model.identity import effective_identity
from sopgen.model.revisions import effective_revision_date, in_force
from sopgen.render.fonts import REGULAR
from sopgen.render.pdf.front import (
    LINE,
    balanced,
    inline_markup,
    nip_line,
    official,
    plain,
)
from sopgen.render.pdf.identity_fit import FittedIdentity, Tier, total_height
from sopgen.render.pdf.identity_paragraphs import paragraph
from sopgen.render.pdf.identity_rows import TwoColumnSection, column, numbered
from sopgen.render.pdf.logo import Logo
from sopgen.render.pdf.logo import logo as project_logo

# shares of the width for the logo/agency column (the bottom rows split on the same
# line), the usual one first: a share is taken over it only to save SAVES points
SHARES = (0.45, 0.5, 0.55, 0.4)
SAVES = 6.0
LOGO_MAX = 2.4 * cm
GRID_PAD = 4.0  # left and right inside the LABEL : value grid
LABELS = ("NOMOR SOP", "TANGGAL PEMBUATAN", "TANGGAL REVISI", "TANGGAL EFEKTIF", "DISAHKAN OLEH")


@dataclass(frozen=True)
class _Content:
    """What the page prints, read once for every way of setting it."""

    project: Project
    ident: object  # model.identity.Identity
    signer: object  # model.Pejabat
    logo: Logo | None
    dates: tuple[str, str, str]  # Tanggal Pembuatan, Revisi, Efektif as printed
    rows: tuple  # ((heading, items), (heading, items)) per bottom row, hashable
    paragraphs: dict = field(default_factory=dict)  # (item style, row, column) -> items
    tops: dict = field(default_factory=dict)  # (tier, share) -> the top block, as measured


def identity_story(project: Project, width: float, procedure: Procedure | None = None) -> list:
    """Flowables of the identity page for a frame ``width`` points wide: the document's,
    or (``procedure``) that procedure's effective identity (its own fields over the
    document's; without any, the document's with the procedure's Nomor and title)."""
    ident = effective_identity(project, procedure)
    if procedure is not None and not ident.own:
        ident = replace(ident, nama=procedure.data.judul)
    signer = ident.signer or official(project, ident.disahkan_oleh, "identitas.disahkan_oleh")
    # one SOP's page does not list itself among its related SOPs
    related = [k.teks for k in ident.keterkaitan if procedure is None or k.prosedur != procedure.id]
    rows = (
        (
            ("DASAR HUKUM", ident.dasar_hukum),
            ("KUALIFIKASI PELAKSANA", ident.kualifikasi_pelaksana),
        ),
        (("KETERKAITAN", tuple(related)), ("PERALATAN/PERLENGKAPAN", ident.peralatan)),
        (("PERINGATAN", ident.peringatan), ("PENCATATAN DAN PENDATAAN", ident.pencatatan)),
    )
    dates = (
        format_date(ident.tanggal_pembuatan),
        # the latest revision's date (identitas.tanggal_revisi when there is none)
        format_date(effective_revision_date(project, procedure)),
        format_date(in_force(project, procedure).tanggal_efektif),
    )
    logo = project_logo(project, LOGO_MAX, LOGO_MAX)
    content = _Content(project, ident, signer, logo, dates, rows)

    def measure(tier: Tier) -> tuple[float, float]:
        # of the splits, the one that makes the page shortest in this tier; another than
        # the usual one only when it saves SAVES points
        best_h, best_share = None, SHARES[0]
        for share in SHARES:
            h = _height(content, width, share, tier)
            if best_h is None or h < best_h - SAVES:
                best_h, best_share = h, share
        return best_h, best_share

    def build(tier: Tier, share: float) -> list[Flowable]:
        return [_top_block(content, width, share, tier), *_rows(content, width, share, tier)]

    return [FittedIdentity(measure, build, _key(content, width))]


def _key(c: _Content, width: float) -> tuple:
    """Everything the page's setting depends on besides the room: what ``_top`` and
    ``_rows`` print, the logo's size, the frame width (identity_fit.FittedIdentity)."""
    return (width, _top_key(c), c.ident.nama, c.rows)


def _top_key(c: _Content) -> tuple:
    """What the top block prints but the Nama SOP, and the logo's size."""
    ins, ident, s = c.project.dokumen.instansi, c.ident, c.signer
    return (
        (ins.pemerintah, ins.dinas, ins.unit),
        None if c.logo is None else (c.logo.width, c.logo.height),
        (ident.nomor, ident.label_nama),
        tuple((extra.label, extra.isi) for extra in ident.tambahan),
        (s.jabatan, s.nama, s.pangkat, nip_line(s)),
        c.dates,
    )


def _widths(width: float, share: float) -> tuple[float, float]:
    """The logo column ``share`` of ``width`` (the bottom rows split on the same line)."""
    left_w = round(width * share, 2)
    return left_w, width - left_w


# (row, width, share, tier) -> that bottom row's height: every procedure's PDF of a
# document prints the same rows under its own title (identity_fit), but for its own
# entry left out of Keterkaitan; cleared when full
ROW_HEIGHTS = Memo(2048)


def _height(c: _Content, width: float, share: float, tier: Tier) -> float:
    """The page's height set in ``tier`` at ``share`` (what total_height gives for the
    flowables ``build`` makes, summed in the same order)."""
    ROW_HEIGHTS.make_room(len(c.rows) + 1)
    heights = [_top_height(c, width, share, tier)]
    for n, row in enumerate(c.rows):
        key = (row, width, share, tier)
        if key not in ROW_HEIGHTS:
            ROW_HEIGHTS[key] = _measured(_row(c, n, _widths(width, share), tier), width)
        heights.append(ROW_HEIGHTS[key])
    return sum(heights)


# (what the top block prints but the title, width, share, tier, the title's height) ->
# the top block's height: the procedures of a document print the same top block under
# their own titles, and a title as tall gives as tall a block (its Table's columns are
# fixed, so only the heights of what its cells hold decide its height); cleared when full
TOP_HEIGHTS = Memo(2048)


def _top_height(c: _Content, width: float, share: float, tier: Tier) -> float:
    _, right_w = _widths(width, share)
    value_w = _grid_widths(c.ident.label_nama.upper(), right_w, tier)[2]
    # the room the grid's Table gives the title's cell, its padding taken off as it does
    _, title_h = _title(c, tier).wrap(value_w - GRID_PAD - GRID_PAD, 1e9)
    key = (_top_key(c), width, share, tier, title_h)
    return TOP_HEIGHTS.remember(key, lambda: _measured(_top_block(c, width, share, tier), width))


def _title(c: _Content, tier: Tier) -> Flowable:
    """The Nama SOP as the grid prints it."""
    return paragraph(inline_markup(c.ident.nama), tier.styles["value_name"])


def _measured(f: Flowable, width: float) -> float:
    return total_height([f], width)


def _top_block(c: _Content, width: float, share: float, tier: Tier) -> Table:
    """``_top`` made once per setting: measured, then drawn if chosen."""
    if (tier, share) not in c.tops:
        c.tops[tier, share] = _top(c, _widths(width, share), tier)
    return c.tops[tier, share]


def _rows(c: _Content, width: float, share: float, tier: Tier) -> list[Flowable]:
    """The three bottom rows set in ``tier`` with the logo column ``share`` of ``width``."""
    widths = _widths(width, share)
    return [_row(c, n, widths, tier) for n in range(len(c.rows))]


def _row(c: _Content, n: int, widths: tuple[float, float], tier: Tier) -> TwoColumnSection:
    (lh, li), (rh, ri) = c.rows[n]
    style = tier.styles["item"]
    # the item paragraphs of one style serve every split tried (wrapped before drawn)
    for side, items in enumerate((li, ri)):
        if (style.name, n, side) not in c.paragraphs:
            c.paragraphs[style.name, n, side] = numbered(items, style)
    left, right = c.paragraphs[style.name, n, 0], c.paragraphs[style.name, n, 1]
    return TwoColumnSection(
        column(lh, left, tier.styles, widths[0] - 2 * tier.pad),
        column(rh, right, tier.styles, widths[1] - 2 * tier.pad),
        widths,
        tier.pad,
        tier.styles["heading"],
        # every procedure's PDF of the document prints it alike: drawn once (drawn.py)
        key=("identity row", c.rows[n], widths, tier),
    )


def _top(c: _Content, widths: tuple[float, float], tier: Tier) -> Table:
    """Logo and agency | the LABEL : value grid with the signer and the Nama SOP."""
    ins = c.project.dokumen.instansi
    ident, signer = c.ident, c.signer
    S = tier.styles
    left_w, right_w = widths

    # Left: logo and the agency lines, centred, upper case, bold.
    left: list = []
    if c.logo is not None:
        left += [c.logo, Spacer(1, 6)]
    text_w = left_w - 20  # the cell's padding
    left.append(paragraph(balanced(ins.pemerintah.upper(), S["agency"], text_w), S["agency"]))
    left.append(paragraph(balanced(ins.dinas.upper(), S["agency"], text_w), S["agency"]))
    if ins.unit:
        left.append(paragraph(balanced(ins.unit.upper(), S["unit"], text_w), S["unit"]))

    # Right: the LABEL | : | value grid.
    label_w, colon_w, value_w = _grid_widths(ident.label_nama.upper(), right_w, tier)
    sign = [
        paragraph(balanced(signer.jabatan, S["center"], value_w - 2 * GRID_PAD), S["center"]),
        Spacer(1, tier.sign_space),
        paragraph(f"<b>{plain(signer.nama)}</b>", S["center"]),
    ]
    if signer.pangkat:
        sign.append(paragraph(plain(signer.pangkat), S["center"]))
    if signer.nip:
        sign.append(paragraph(plain(nip_line(signer)), S["center"]))

    def row(label, value):
        return [paragraph(plain(label), S["label"]), paragraph(":", S["base"]), value]

    made, revised, effective = c.dates
    values = (plain(ident.nomor), made, revised, effective)
    rows = [row(t, paragraph(v, S["base"])) for t, v in zip(LABELS[:4], values, strict=True)]
    rows += [
        row(LABELS[-1], sign),
        [
            paragraph(plain(ident.label_nama.upper()), S["label_name"]),
            paragraph(":", S["label_name"]),
            _title(c, tier),
        ],
    ]
    # extra rows after Nama SOP (identitas.tambahan), e.g. Maksud dan Tujuan
    rows += [
        row(extra.label.upper(), paragraph(inline_markup(extra.isi), S["base"]))
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
                ("LEFTPADDING", (0, 0), (-1, -1), GRID_PAD),
                ("RIGHTPADDING", (0, 0), (-1, -1), GRID_PAD),
                ("LEFTPADDING", (1, 0), (1, -1), 1),
                ("RIGHTPADDING", (1, 0), (1, -1), 1),
                ("TOPPADDING", (0, 0), (-1, -1), tier.grid_top),
                ("BOTTOMPADDING", (0, 0), (-1, -1), tier.grid_bottom),
                ("VALIGN", (0, 4), (1, 4), "TOP"),
                ("TOPPADDING", (0, 4), (-1, 4), tier.grid_top + 2),
                ("BOTTOMPADDING", (0, 4), (-1, 4), tier.grid_bottom + 2),
            ]
        ),
    )
    return Table(
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


@lru_cache(maxsize=256)
def _grid_widths(label_nama: str, right_w: float, tier: Tier) -> tuple[float, float, float]:
    """The LABEL | : | value columns of the grid ``right_w`` wide: the labels wide enough
    that no fixed label wraps ("TANGGAL PEMBUATAN") and the Nama SOP label ("STANDAR
    OPERASIONAL PROSEDUR (SOP)") stands on at most two lines."""
    S = tier.styles
    bold = S["label"]
    widest = max(stringWidth(t, bold.fontName, bold.fontSize) for t in LABELS)
    label_w = max(min(right_w * 0.36, 5.2 * cm), widest + 2 * GRID_PAD + 1)
    name = S["label_name"]
    most = max(label_w, right_w * 0.45)

    def lines(w: float) -> int:
        return len(simpleSplit(label_nama, name.fontName, name.fontSize, w - 2 * GRID_PAD))

    while label_w < most and lines(label_w) > 2:
        label_w = min(label_w + 4, most)
    colon_w = 0.45 * cm
    return label_w, colon_w, right_w - label_w - colon_w
