"""The Daftar Isi (docs/format.md §5): every part and every procedure with its page, and its
latest revision where the document records revisions; each line links to its page.

The binder is set twice: first to find where each part lands (``page_numbers``: the
pages set, only the marks drawn), then for real with the page numbers filled in. The
number column has a fixed width, so the Daftar Isi takes the same pages in both passes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer, Table
from reportlab.platypus.tables import _calc_pc

from sopgen.model import Project, Revisi
from sopgen.model.dates import format_date
from sopgen.render.fonts import BOLD, REGULAR
from sopgen.render.pdf.front import LINE, STYLES, header_table, inline_markup, plain
from sopgen.render.pdf.identity_paragraphs import SharedParagraph

TITLE = "DAFTAR ISI"
_CELL = ParagraphStyle("toc", fontName=REGULAR, fontSize=9.5, leading=12)
_HEAD = ParagraphStyle("toc-head", _CELL, fontName=BOLD)
_NUM = ParagraphStyle("toc-num", _CELL, alignment=TA_RIGHT)
_MID = ParagraphStyle("toc-mid", _CELL, alignment=TA_CENTER)


@dataclass(frozen=True)
class Entry:
    """One line: ``number`` ("1." for a procedure, "" for a part), the text, its link
    target, Nomor SOP and latest revision (may be empty)."""

    number: str
    text: str
    key: str
    nomor: str = ""
    revisi: str = ""


def latest(revisions: list[Revisi]) -> str:
    """'2 (20 Juni 2019)' for the latest revision in the list, '' when there is none."""
    if not revisions:
        return ""
    r = max(revisions, key=lambda r: (r.tanggal, r.nomor))
    return f"{r.nomor} ({format_date(r.tanggal)})"


def has_revisions(project: Project) -> bool:
    return bool(project.dokumen.revisi) or any(p.data.revisi for p in project.procedures)


def _link(text: str, key: str) -> str:
    return f'<a href="#{key}">{text}</a>'


Cells = dict[tuple[str, ParagraphStyle], Paragraph]


def _cells(cells: Cells) -> Callable[[str, ParagraphStyle], Paragraph]:
    """The table's cell paragraphs, one per text and style in ``cells``: the binder's two
    passes set the same cells at the same widths (only the page numbers differ), and a
    SharedParagraph wraps once per width, however many pages the table is split over."""

    def cell(text: str, style: ParagraphStyle) -> Paragraph:
        p = cells.get((text, style))
        if p is None:
            p = cells[(text, style)] = SharedParagraph(text, style)
        return p

    return cell


class _Rows(Table):
    """The Daftar Isi's table: ReportLab's, but a row's height is measured once per
    cell, style and width, not again at every wrap and split of the table and in both of
    the binder's passes (which set the same cells, ``cells``; only the page numbers are
    new in the second). The heights are ReportLab's own (``_listCellGeom``, padded)."""

    def _calc_height(self, availHeight, availWidth, H=None, W=None):
        unknown = self._argH
        if None not in unknown or self._spanCmds or self._minRowHeights:
            return super()._calc_height(availHeight, availWidth, H, W)
        widths = W or _calc_pc(self._argW, availWidth)
        heights = []
        for values, styles in zip(self._cellvalues, self._cellStyles, strict=True):
            h = 0
            for v, s, w in zip(values, styles, widths, strict=False):  # as ReportLab
                if not isinstance(v, Flowable):
                    return super()._calc_height(availHeight, availWidth, H, W)
                t = self._cell_height(v, s, w) + (s.bottomPadding + s.topPadding)
                if t > h:
                    h = t
            heights.append(h)
        # ReportLab's own pass with every height known: the row positions, the height
        self._argH = self._rowHeights = heights
        try:
            super()._calc_height(availHeight, availWidth, H, W)
        finally:
            self._argH = unknown
        return None

    def _cell_height(self, v: Flowable, s, w: float) -> float:
        key = (w, s.leftPadding, s.rightPadding, s.topPadding, s.bottomPadding)
        known = v.__dict__.setdefault("_sop_cell_heights", {})
        t = known.get(key)
        if t is None:
            t = known[key] = self._listCellGeom((v,), w, s)[1]
        return t


def toc_story(
    project: Project,
    entries: list[Entry],
    pages: dict[str, int] | None,
    width: float,
    cells: Cells | None = None,
) -> list:
    """Flowables of the Daftar Isi; ``pages`` maps a key to its page number (None in the
    first pass: numbers left blank); ``cells`` keeps the table's cells between passes."""
    cell = _cells({} if cells is None else cells)
    show_revisi = has_revisions(project)
    head = ["No", "Uraian", "Nomor"] + (["Revisi"] if show_revisi else []) + ["Halaman"]
    longest = max((stringWidth(e.nomor, REGULAR, _CELL.fontSize) for e in entries), default=0)
    nomor_w = min(max(longest + 14, 2.6 * cm), width * 0.3)
    fixed = [1.0 * cm, nomor_w] + ([3.6 * cm] if show_revisi else []) + [2.0 * cm]
    widths = [fixed[0], width - sum(fixed), *fixed[1:]]
    rows = [[cell(h, _HEAD) for h in head]]
    for e in entries:
        page = "" if pages is None or e.key not in pages else str(pages[e.key])
        row = [
            cell(plain(e.number), _MID),
            cell(_link(inline_markup(e.text), e.key), _CELL),
            cell(plain(e.nomor), _CELL),
        ]
        if show_revisi:
            row.append(cell(plain(e.revisi) or "-", _MID))
        row.append(cell(_link(page, e.key) if page else "", _NUM))
        rows.append(row)
    table = header_table(
        rows,
        widths,
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEABOVE", (0, 0), (-1, 0), LINE, (0, 0, 0)),
            ("LINEBELOW", (0, 0), (-1, 0), LINE, (0, 0, 0)),
            ("LINEBELOW", (0, 1), (-1, -1), 0.3, (0.55, 0.55, 0.55)),
            ("LINEBELOW", (0, -1), (-1, -1), LINE, (0, 0, 0)),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ],
        _Rows,
    )
    name = inline_markup(project.dokumen.identitas.nama)
    return [
        Paragraph(TITLE, STYLES["title"]),
        Paragraph(f"SOP {name}" if not name.upper().startswith("SOP") else name, _MID),
        Spacer(1, 16),
        table,
    ]
