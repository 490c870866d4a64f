"""The cells of one worksheet as plain text, with merged ranges and the sheet's grid.

openpyxl reads the workbook; this module turns one worksheet into ``Cells``: text by
(row, column) (1-based, as Excel numbers them), each merged range once (its text sits in
its top-left cell), and the ``Grid`` of column and row edges in EMU the drawing reader
places shapes on.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from sopgen.impor.xlsx_drawing import Grid
from sopgen.model.dates import BULAN

MAX_ROWS = 20_000
MAX_COLS = 500

EMU_PER_PX = 9525
EMU_PER_PT = 12700


def clean(text: str) -> str:
    """Joined lines, single spaces (texts 'as printed')."""
    return " ".join(text.split())


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if isinstance(value, dt.datetime | dt.date):
        return f"{value.day} {BULAN[value.month - 1]} {value.year}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return clean(str(value))


def norm(text: str) -> str:
    """Lower case, letters and digits only, single spaces: for matching header words."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text.lower()).split())


@dataclass
class Cells:
    title: str
    text: dict[tuple[int, int], str] = field(default_factory=dict)
    lines: dict[tuple[int, int], tuple[str, ...]] = field(default_factory=dict)  # multi-line
    merged: dict[tuple[int, int], tuple[int, int, int, int]] = field(default_factory=dict)
    owner: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)
    max_row: int = 0
    max_col: int = 0
    grid: Grid | None = None
    _by_row: dict[int, list[tuple[int, str]]] | None = field(default=None, repr=False)

    def get(self, row: int, col: int) -> str:
        return self.text.get((row, col), "")

    def span(self, row: int, col: int) -> tuple[int, int, int, int]:
        """(r1, c1, r2, c2) of the merged range whose top-left is (row, col), else the cell."""
        return self.merged.get((row, col), (row, col, row, col))

    def anchor_of(self, row: int, col: int) -> tuple[int, int]:
        return self.owner.get((row, col), (row, col))

    def row_texts(self, row: int) -> list[tuple[int, str]]:
        """(column, text) of the non-empty cells of a sheet row, left to right."""
        if self._by_row is None:
            self._by_row = {}
            for (r, c), t in sorted(self.text.items()):
                if t:
                    self._by_row.setdefault(r, []).append((c, t))
        return list(self._by_row.get(row, ()))


def _width_emu(chars: float) -> float:
    """Excel column width (characters of the default font) -> EMU, as Excel draws it."""
    px = int(((256 * chars + int(128 / 7)) / 256) * 7)
    return px * EMU_PER_PX


def read_cells(ws) -> Cells:
    """``ws``: an openpyxl worksheet."""
    out = Cells(title=str(ws.title))
    for row in ws.iter_rows(
        max_row=min(ws.max_row or 0, MAX_ROWS), max_col=min(ws.max_column or 0, MAX_COLS)
    ):
        for cell in row:
            value = getattr(cell, "value", None)
            text = cell_text(value)
            if text:
                out.text[(cell.row, cell.column)] = text
                if isinstance(value, str) and "\n" in value:
                    out.lines[(cell.row, cell.column)] = tuple(
                        clean(line) for line in value.splitlines() if line.strip()
                    )
                out.max_row = max(out.max_row, cell.row)
                out.max_col = max(out.max_col, cell.column)
    for rng in ws.merged_cells.ranges:
        r1, c1, r2, c2 = rng.min_row, rng.min_col, rng.max_row, rng.max_col
        if r1 > MAX_ROWS or c1 > MAX_COLS:
            continue
        r2, c2 = min(r2, MAX_ROWS), min(c2, MAX_COLS)
        out.merged[(r1, c1)] = (r1, c1, r2, c2)
        for r in range(r1, r2 + 1):
            for c in range(c1, c2 + 1):
                out.owner[(r, c)] = (r1, c1)
    out.grid = _grid(ws, out.max_row, out.max_col)
    return out


def _grid(ws, max_row: int, max_col: int) -> Grid:
    fmt = ws.sheet_format
    base = getattr(fmt, "baseColWidth", None) or 8
    default_chars = getattr(fmt, "defaultColWidth", None) or (base + 0.43)
    default_col = _width_emu(float(default_chars))
    default_row = float(getattr(fmt, "defaultRowHeight", None) or 15) * EMU_PER_PT
    widths: dict[int, float] = {}
    for dim in ws.column_dimensions.values():
        lo, hi = dim.min or 0, dim.max or 0
        if lo <= 0 or lo > MAX_COLS:
            continue
        value = 0.0 if dim.hidden else (_width_emu(dim.width) if dim.width else default_col)
        for c in range(lo, min(hi, MAX_COLS) + 1):
            widths[c] = value
    heights: dict[int, float] = {}
    for r, dim in ws.row_dimensions.items():
        if not isinstance(r, int) or r <= 0 or r > MAX_ROWS:
            continue
        if dim.hidden:
            heights[r] = 0.0
        elif dim.ht is not None:
            heights[r] = float(dim.ht) * EMU_PER_PT
    n_cols = min(max([max_col, *widths.keys()], default=0) + 1, MAX_COLS)
    n_rows = min(max([max_row, *heights.keys()], default=0) + 1, MAX_ROWS)
    return Grid(
        [widths.get(c, default_col) for c in range(1, n_cols + 1)],
        [heights.get(r, default_row) for r in range(1, n_rows + 1)],
        default_col,
        default_row,
    )
