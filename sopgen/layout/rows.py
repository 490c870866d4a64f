"""Table body rows: the wrapped text of every cell and the row heights, and the optional
"Jumlah waktu" row. Positions along y are decided later by pagination."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sopgen.layout.columns import Columns
from sopgen.layout.geometry import Box, Cell, Text
from sopgen.layout.labels import LABEL_OFFSET
from sopgen.layout.style import Measure, Style
from sopgen.layout.symbols import SymbolPlan, row_symbol_height
from sopgen.layout.text import block_height, place_lines, wrap
from sopgen.model import Procedure
from sopgen.model.durations import not_added_text
from sopgen.model.durations import total_text as waktu_total_text
from sopgen.model.flow import Edge
from sopgen.model.text import Block, plain_block, to_reportlab_blocks

TEXT_ROLES = ("no", "kegiatan", "kelengkapan", "waktu", "output", "keterangan")
CENTRED = ("no", "waktu")
# Indonesian names of the text columns, for messages.
COLUMN_NAMES = {
    "no": "nomor",
    "kegiatan": "kegiatan",
    "kelengkapan": "kelengkapan",
    "waktu": "waktu",
    "output": "output",
    "keterangan": "keterangan",
}


@dataclass(frozen=True)
class CellText:
    role: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class RowContent:
    step: int
    texts: tuple[CellText, ...]
    height: float
    tallest: str  # the role whose text decides the height ("" when the symbol does)


def label_room(style: Style) -> float:
    """Extra height of a decision's row so that a Ya/Tidak label fits under its bottom
    vertex, in the row: the label's text, its distance from the line and a track below
    it (an exit that forks turns there, under the label, not through it), beyond the
    row's padding. Doubled: the symbol stays centred in its row."""
    need = style.label_size + LABEL_OFFSET + 1.0 + style.track_gap
    return 2 * max(0.0, need - style.row_min_pad)


MAX_DETOUR_TRACKS = 2  # tracks reserved on each side of a row's symbols, at most


def detour_tracks(plans: Sequence[SymbolPlan], edges: Sequence[Edge]) -> int:
    """Tracks an arrow needs on each side (above and below) of a row's symbols for the
    arrows within the row that cannot run straight between facing sides: between
    symbols with another symbol of the row between them, or the second arrow between
    one pair of neighbours (the way back). Such an arrow leaves a symbol and runs above
    or below the symbols of the row; half of them on each side, at most
    ``MAX_DETOUR_TRACKS``. Symbols stacked in one lane are joined vertically: none."""
    by_node = {p.node: p for p in plans}
    straight: set[frozenset[int]] = set()
    detours = 0
    for edge in edges:
        a, b = by_node.get(edge.source), by_node.get(edge.target)
        if a is None or b is None or a is b:
            continue
        if a.x < b.x + b.w and b.x < a.x + a.w:  # stacked: a vertical arrow
            continue
        lo, hi = sorted((a.cx, b.cx))
        between = any(lo < p.cx < hi for p in plans)
        pair = frozenset((a.node, b.node))
        if between or pair in straight:
            detours += 1
        else:
            straight.add(pair)
    return min(MAX_DETOUR_TRACKS, -(-detours // 2))


def row_texts(procedure: Procedure) -> list[dict[str, str]]:
    """The text of every cell of every row, by column role, as printed."""
    numbers = procedure.numbers  # as printed: 1, 2, 2a, "" (model.flow.printed_numbers)
    out = []
    for index, step in enumerate(procedure.data.kegiatan):
        out.append(
            {
                "no": numbers[index],
                # cells draw plain text: '**Surat**' is printed as 'Surat'; list items
                # and line breaks stay lines of their own
                "kegiatan": plain_block(step.uraian),
                "kelengkapan": plain_block(step.kelengkapan),
                "waktu": procedure.waktu_text(index),
                "output": plain_block(step.output),
                "keterangan": plain_block(step.keterangan),
            }
        )
    return out


def measure_rows(
    procedure: Procedure,
    columns: Columns,
    symbols: list[SymbolPlan],
    style: Style,
    measure: Measure,
    edges: Sequence[Edge] = (),
) -> list[RowContent]:
    """Row height = max(lines * leading + 2 * cell_pad over the text cells,
    symbol height + 2 * row_min_pad, plus room for a label under a decision, plus
    ``detour_tracks`` track gaps above and below the symbols for the arrows between the
    row's own symbols that pass above or below a symbol)."""
    rows = []
    by_row: dict[int, list[SymbolPlan]] = {}
    for plan in symbols:
        by_row.setdefault(plan.step, []).append(plan)
    for index, raw in enumerate(row_texts(procedure)):
        texts = []
        for role in TEXT_ROLES:
            if not columns.has(role):
                continue
            width = columns.role(role).w - 2 * style.cell_pad
            texts.append(
                CellText(role, tuple(wrap(raw[role], width, "regular", style.font_size, measure)))
            )
        text_h = {t.role: block_height(len(t.lines), style.leading, style.cell_pad) for t in texts}
        plans = by_row.get(index, [])
        symbol_h = (row_symbol_height(plans) or style.symbol_h) + 2 * style.row_min_pad
        if any(p.kind == "decision" for p in plans):
            symbol_h += label_room(style)  # "Ya" under the bottom vertex, in this row
        symbol_h += 2 * detour_tracks(plans, edges) * style.track_gap
        tallest = max(text_h, key=lambda r: text_h[r])
        height = max(symbol_h, text_h[tallest])
        rows.append(
            RowContent(index, tuple(texts), height, tallest if text_h[tallest] > symbol_h else "")
        )
    return rows


def emit_row(
    row: RowContent, top: float, columns: Columns, style: Style, height: float | None = None
) -> tuple[list[Cell], list[Text]]:
    """Cells (one per column, lanes included) and texts of a body row at ``top``;
    ``height``: taller than the row's own (the first row of a page holding the incoming
    off-page connectors in its upper part)."""
    height = row.height if height is None else height
    cells: list[Cell] = []
    texts: list[Text] = []
    by_role = {t.role: t.lines for t in row.texts}
    pad = style.cell_pad
    for col in columns.cols:
        cells.append(Cell(Box(col.x, top, col.w, height), role=col.role, step=row.step))
        if col.role in by_role:
            anchor = "middle" if col.role in CENTRED else "start"
            texts += place_lines(
                by_role[col.role],
                col.x + pad,
                top + pad,
                col.w - 2 * pad,
                "regular",
                style.font_size,
                style.leading,
                anchor,
            )
    return cells, texts


NOTES_COLUMNS = (3, 2)  # a list of short items under the table is set in columns
NOTES_COLUMN_GAP = 12.0


@dataclass(frozen=True)
class NotesPlan:
    """How the notes are set: their list items in ``columns`` columns (down the first
    column first), their other paragraphs across the width; ``height`` is the room they
    take, gap included."""

    columns: int
    height: float


def notes_plan(
    text: str | None, width: float, style: Style, measure: Measure, slack: float = 14.0
) -> NotesPlan:
    """The notes (catatan) under the table, read as the PDF reads them (paragraphs and
    list items, model.text), measured in plain text a little narrower (``slack``) than
    they are set: the PDF sets bold a little wider and indents list items."""
    blocks = to_reportlab_blocks(text)
    if not blocks:
        return NotesPlan(1, 0.0)

    def count(block: Block, w: float) -> int:
        parts = list(block.lines) or [""]
        return sum(
            max(1, len(wrap(part, w - slack, "regular", style.notes_size, measure)))
            for part in parts
        )

    items = [b for b in blocks if b.bullet]
    others = sum(count(b, width) for b in blocks if not b.bullet)
    columns = 1
    for k in NOTES_COLUMNS:
        column_w = (width - (k - 1) * NOTES_COLUMN_GAP) / k
        if len(items) >= 2 * k and all(count(b, column_w) == 1 for b in items):
            columns = k
            break
    rows = sum(count(b, width) for b in items) if columns == 1 else -(-len(items) // columns)
    return NotesPlan(columns, style.notes_gap + (others + rows) * style.notes_leading)


def notes_height(procedure: Procedure, width: float, style: Style, measure: Measure) -> float:
    """Room the procedure's notes take under the table, gap included; 0.0 without notes."""
    return notes_plan(procedure.data.catatan, width, style, measure).height


# --- "Jumlah waktu" ------------------------------------------------------------------


def total_text(procedure: Procedure) -> str:
    """Sums per unit, largest unit first: '2 Jam 35 Menit'; '-' when no time parsed; a
    range 'min - max' when a Waktu is a range (model.durations)."""
    return waktu_total_text(procedure.durations)


def total_label(procedure: Procedure) -> str:
    """'Jumlah waktu', saying how many steps' Waktu (free text) could not be added."""
    return f"Jumlah waktu {not_added_text(procedure.waktu_not_added)}".strip()


@dataclass(frozen=True)
class TotalRow:
    label_lines: tuple[str, ...]
    value_lines: tuple[str, ...]
    height: float


def measure_total(
    procedure: Procedure, columns: Columns, style: Style, measure: Measure
) -> TotalRow:
    pad = style.cell_pad
    label_w = columns.role("waktu").x - columns.x0 - 2 * pad
    label = wrap(total_label(procedure), label_w, "bold", style.font_size, measure)
    value = wrap(
        total_text(procedure), columns.role("waktu").w - 2 * pad, "bold", style.font_size, measure
    )
    height = block_height(max(len(label), len(value)), style.leading, pad)
    return TotalRow(tuple(label), tuple(value), height)


def emit_total(
    total: TotalRow, top: float, columns: Columns, style: Style
) -> tuple[list[Cell], list[Text]]:
    """One row: a label cell from the table's left edge to the Waktu column ("Jumlah
    waktu", right-aligned feel by centring), the total under Waktu, and one empty cell
    over Output and Keterangan."""
    pad = style.cell_pad
    waktu = columns.role("waktu")
    label_box = Box(columns.x0, top, waktu.x - columns.x0, total.height)
    value_box = Box(waktu.x, top, waktu.w, total.height)
    rest_box = Box(waktu.right, top, columns.x1 - waktu.right, total.height)
    cells = [
        Cell(label_box, role="total-label"),
        Cell(value_box, role="total"),
        Cell(rest_box, role="total-rest"),
    ]
    texts = place_lines(
        total.label_lines,
        label_box.x + pad,
        top + pad,
        label_box.w - 2 * pad,
        "bold",
        style.font_size,
        style.leading,
        "middle",
    )
    texts += place_lines(
        total.value_lines,
        value_box.x + pad,
        top + pad,
        value_box.w - 2 * pad,
        "bold",
        style.font_size,
        style.leading,
        "middle",
    )
    return cells, texts
