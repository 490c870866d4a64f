"""What repeats at the top of every page: the title and Nomor SOP lines, and the table's
two-row header. Both are identical on every page, so they are computed once."""

from __future__ import annotations

from dataclasses import dataclass

from sopgen.layout.columns import MIN_HEADER_SIZE, Columns
from sopgen.layout.geometry import Box, Cell, Text
from sopgen.layout.style import Measure, Style
from sopgen.layout.text import fit_size, place_lines, wrap


@dataclass(frozen=True)
class Header:
    texts: tuple[Text, ...]  # title, Nomor SOP and the table header labels
    cells: tuple[Cell, ...]  # the table header cells
    table_top: float
    body_top: float  # first y under the table header


def leading_for(size: float, style: Style) -> float:
    """Line distance for a font size, in the body text's proportion (9.6 / 8 = 1.2)."""
    return size * style.leading / style.font_size


def page_header(title: str, nomor: str, style: Style, measure: Measure) -> tuple[list[Text], float]:
    """Title (bold, wrapped to the content width) and the Nomor SOP line; returns the
    texts and the table's top y (after ``header_gap``)."""
    width = style.page_size[0] - style.margin_left - style.margin_right
    x = style.margin_left
    y = style.margin_top
    lines = wrap(title, width, "bold", style.title_size, measure)
    lead = leading_for(style.title_size, style)
    texts = place_lines(lines, x, y, width, "bold", style.title_size, lead)
    y += len(lines) * lead
    lead = leading_for(style.number_size, style)
    texts += place_lines([f"Nomor SOP: {nomor}"], x, y, width, "regular", style.number_size, lead)
    y += lead
    return texts, y + style.header_gap


@dataclass(frozen=True)
class _Label:
    text: str
    x: float
    w: float
    row: int  # 1, 2, or 0 = spans both rows
    size: float


def table_header(
    pelaksana: list[str], columns: Columns, top: float, style: Style, measure: Measure
) -> tuple[list[Cell], list[Text], float]:
    """Row 1: No, Kegiatan, Keterangan (both rows), Pelaksana (over the lanes), Mutu Baku
    (over Kelengkapan, Waktu, Output). Row 2: the executor names, Kelengkapan, Waktu,
    Output. Returns cells, texts and the bottom y."""
    pad = style.cell_pad
    size = style.header_font_size
    lanes = columns.lanes
    lane_size = fit_size(
        pelaksana, columns.lane_w - 2 * pad, "bold", size, MIN_HEADER_SIZE, measure
    )
    mutu = [columns.role(r) for r in ("kelengkapan", "waktu", "output") if columns.has(r)]
    title = style.column_title  # dokumen.yaml judul_kolom (defaults: No, Kegiatan, ...)
    labels = [
        _Label(title("no"), columns.role("no").x, columns.role("no").w, 0, size),
        _Label(title("kegiatan"), columns.role("kegiatan").x, columns.role("kegiatan").w, 0, size),
        _Label(title("pelaksana"), lanes[0].x, columns.lanes_x1 - lanes[0].x, 1, size),
    ]
    if mutu:
        labels.append(_Label(title("mutu_baku"), mutu[0].x, mutu[-1].right - mutu[0].x, 1, size))
    if columns.has("keterangan"):
        ket = columns.role("keterangan")
        labels.append(_Label(title("keterangan"), ket.x, ket.w, 0, size))
    labels += [
        _Label(name, lane.x, lane.w, 2, lane_size)
        for name, lane in zip(pelaksana, lanes, strict=True)
    ]
    labels += [_Label(title(c.role), c.x, c.w, 2, size) for c in mutu]

    def fit(label: _Label) -> float:
        return fit_size(
            [label.text], label.w - 2 * pad, "bold", label.size, MIN_HEADER_SIZE, measure
        )

    executors = set(range(len(labels) - len(mutu) - len(pelaksana), len(labels) - len(mutu)))
    sized = [
        _Label(lb.text, lb.x, lb.w, lb.row, lb.size if k in executors else fit(lb))
        for k, lb in enumerate(labels)
    ]
    wrapped = [wrap(lb.text, lb.w - 2 * pad, "bold", lb.size, measure) for lb in sized]
    heights = [
        len(lines) * leading_for(lb.size, style) + 2 * pad
        for lb, lines in zip(sized, wrapped, strict=True)
    ]
    row1 = max(h for lb, h in zip(sized, heights, strict=True) if lb.row == 1)
    row2 = max(h for lb, h in zip(sized, heights, strict=True) if lb.row == 2)
    row2 = max(row2, max(h for lb, h in zip(sized, heights, strict=True) if lb.row == 0) - row1)

    cells: list[Cell] = []
    texts: list[Text] = []
    for lb, lines in zip(sized, wrapped, strict=True):
        y, h = {0: (top, row1 + row2), 1: (top, row1), 2: (top + row1, row2)}[lb.row]
        cells.append(Cell(Box(lb.x, y, lb.w, h), fill=True, role="header"))
        lead = leading_for(lb.size, style)
        text_top = y + (h - len(lines) * lead) / 2
        texts += place_lines(lines, lb.x, text_top, lb.w, "bold", lb.size, lead, "middle")
    return cells, texts, top + row1 + row2


def build_header(
    title: str, nomor: str, pelaksana: list[str], columns: Columns, style: Style, measure: Measure
) -> Header:
    texts, table_top = page_header(title, nomor, style, measure)
    cells, labels, body_top = table_header(pelaksana, columns, table_top, style, measure)
    return Header(tuple(texts + labels), tuple(cells), table_top, body_top)
