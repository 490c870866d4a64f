"""The binder's optional appendix "LAMPIRAN: RIWAYAT REVISI" (docs/format.md §5).

One table of every revision of the document and of its procedures, oldest first
(``revisions.history``): No. Revisi | Tanggal | Bagian | Perubahan | Disetujui oleh. The
header row repeats on every page the table runs onto. It is an appendix at the end of
the binder, never part of the identity page (which only prints the Tanggal Revisi).
"""

from __future__ import annotations

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, Spacer, Table

from sopgen.model import Project
from sopgen.model.dates import format_date
from sopgen.model.revisions import RevisionEntry, history
from sopgen.model.text import to_reportlab_blocks
from sopgen.render.fonts import BOLD, REGULAR
from sopgen.render.pdf.front import LINE, STYLES, header_table, inline_markup, plain

TITLE = "LAMPIRAN: RIWAYAT REVISI"
OUTLINE = "Riwayat Revisi"
HEADERS = ("No. Revisi", "Tanggal", "Bagian", "Perubahan", "Disetujui oleh")
PAD = 4.0

_CELL = ParagraphStyle("rev_cell", STYLES["base"], fontSize=8.5, leading=10.5)
_CELL_CENTER = ParagraphStyle("rev_center", _CELL, alignment=TA_CENTER)
_HEAD = ParagraphStyle("rev_head", _CELL, fontName=BOLD, alignment=TA_CENTER)
_NOTE = ParagraphStyle("rev_note", STYLES["base"], alignment=TA_CENTER)
_PARA = ParagraphStyle("rev_para", _CELL, spaceBefore=3)
_ITEM = ParagraphStyle(
    "rev_item", _CELL, leftIndent=11, bulletIndent=1, bulletFontName=REGULAR, bulletFontSize=8.5
)


def _perubahan_cell(text: str) -> list[Paragraph]:
    """Paragraphs and list items (hanging indent); ``**bold**``/``*italic*`` as elsewhere,
    everything else escaped text."""
    out = []
    for n, block in enumerate(to_reportlab_blocks(text)):
        if block.bullet is None:
            out.append(Paragraph(block.markup, _CELL if n == 0 else _PARA))
        else:
            out.append(Paragraph(block.markup, _ITEM, bulletText=block.bullet))
    return out or [Paragraph("-", _CELL)]


def _nomor_cell(nomor: int, continued: bool = False) -> Paragraph:
    text = f"{nomor}<br/>(lanjutan)" if continued else str(nomor)
    p = Paragraph(text, _CELL_CENTER)
    p._sop_nomor = nomor
    return p


def _nomor(cell) -> int | None:
    """The revision number of a No. Revisi cell (a Paragraph, or the tuple ReportLab makes)."""
    first = cell[0] if isinstance(cell, list | tuple) and cell else cell
    return getattr(first, "_sop_nomor", None)


class _HistoryTable(Table):
    """A table that moves a row to the next page whole, unless the row is taller than a
    page: that row is split at the foot of the page it starts on (its rest continues under
    the repeated header). ReportLab's own ``splitInRow`` would first move such a row
    behind a second copy of the header on the same page."""

    full_height = 0.0  # the frame's height: a row taller than this never fits whole

    def split(self, availWidth, availHeight):
        self._calc(availWidth, availHeight)
        n = self._getFirstPossibleSplitRowPosition(availHeight)
        header = sum(self._rowHeights[: self.repeatRows])
        parts = []
        if 0 < n < len(self._rowHeights) and self._rowHeights[n] > self.full_height - header:
            parts = self._splitRows(availHeight, doInRowSplit=1)
            if len(parts) == 2:  # the rest of the row says which revision it continues
                nomor = _nomor(self._cellvalues[n][0])
                if nomor is not None:
                    parts[1]._cellvalues[self.repeatRows][0] = [_nomor_cell(nomor, True)]
        if not parts:
            parts = self._splitRows(availHeight, doInRowSplit=0)
        for part in parts:
            part.full_height = self.full_height
        return parts


def _approver(entry: RevisionEntry) -> list[Paragraph] | Paragraph:
    p = entry.pejabat
    if p is None:
        return Paragraph("-", _CELL)
    return [Paragraph(f"<b>{plain(p.nama)}</b>", _CELL), Paragraph(plain(p.jabatan), _CELL)]


def revision_story(project: Project, width: float, height: float) -> list:
    """Flowables of the appendix for a frame ``width`` x ``height`` points; [] without
    revisions."""
    entries = history(project)
    if not entries:
        return []
    d = project.dokumen
    fixed = (1.8 * cm, 3.2 * cm)  # No. Revisi, Tanggal
    rest = width - sum(fixed)
    widths = [*fixed, rest * 0.27, rest * 0.47, rest * 0.26]

    rows: list[list] = [[Paragraph(h, _HEAD) for h in HEADERS]]
    for e in entries:
        rows.append(
            [
                _nomor_cell(e.nomor),
                Paragraph(format_date(e.tanggal), _CELL),
                Paragraph(inline_markup(e.bagian), _CELL),
                _perubahan_cell(e.perubahan),
                _approver(e),
            ]
        )
    table = header_table(
        rows,
        widths,
        [
            ("GRID", (0, 0), (-1, -1), LINE, (0, 0, 0)),
            ("BACKGROUND", (0, 0), (-1, 0), (0.88, 0.88, 0.88)),
            ("LINEBELOW", (0, 0), (-1, 0), LINE, (0, 0, 0)),  # kept when a row splits
            ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
            ("VALIGN", (0, 1), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), PAD),
            ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ],
        _HistoryTable,
    )
    table.full_height = height
    note = f"{plain(d.identitas.label_nama)}: {inline_markup(d.identitas.nama)}"
    note += f" \u00b7 Nomor SOP {plain(d.identitas.nomor)}"
    return [
        Spacer(1, 10),
        Paragraph(TITLE, STYLES["title"]),
        Spacer(1, 4),
        Paragraph(note, _NOTE),
        Spacer(1, 14),
        table,
    ]
