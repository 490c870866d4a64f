"""The flowchart table of a worksheet: header, executor columns, activity rows.

Columns are found by their header words, not by position (other agencies order them
differently): Pelaksana/Pelaksanaan over the executor titles, Kegiatan/Aktivitas/Uraian,
Mutu Baku over Kelengkapan/Persyaratan, Waktu, Output/Keluaran, and Keterangan/Ket.
Rows and columns are 1-based sheet numbers here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sopgen.impor.cell_lists import with_lists
from sopgen.impor.xlsx_cells import Cells, norm

HEADER_SEARCH_ROWS = 60

_WORDS = {
    "no": re.compile(r"^(no|nomor|no urut|nomor urut|nomer)$"),
    "kegiatan": re.compile(
        r"^(uraian |nama |deskripsi )?"
        r"(kegiatan|aktivitas|aktifitas|uraian|langkah|tahapan|prosedur|deskripsi)\b"
    ),
    "pelaksana": re.compile(r"^pelaksana"),
    "mutu_baku": re.compile(r"^mutu baku"),
    "kelengkapan": re.compile(r"^(kelengkapan|persyaratan|syarat|perlengkapan|input)"),
    "waktu": re.compile(r"^waktu"),
    "output": re.compile(r"^(output|keluaran|hasil)"),
    "keterangan": re.compile(r"^(keterangan|ket)$|^keterangan\b"),
}
MUTU = ("mutu_baku", "kelengkapan", "waktu", "output", "keterangan")
_NOTES = re.compile(r"^(ket|keterangan|catatan|note)\b|^\*", re.IGNORECASE)
_COLUMN_NUMBER = re.compile(r"^\(?\d{1,2}\)?$")


def header_key(text: str) -> str | None:
    n = norm(text)
    for key, pattern in _WORDS.items():
        if pattern.search(n):
            return key
    return None


@dataclass
class Executor:
    title: str
    first: int  # sheet columns it covers
    last: int


@dataclass
class TableRow:
    first: int  # sheet rows it covers
    last: int
    nomor: str
    texts: dict[str, str]  # kegiatan, kelengkapan, waktu, output, keterangan
    notes: list[tuple[str, str]] = field(default_factory=list)  # (field, Indonesian note)


@dataclass
class Table:
    title: str | None
    header_top: int
    header_bottom: int
    labels: dict[str, str]
    columns: dict[str, tuple[int, int]]  # key -> first, last sheet column
    executors: list[Executor]
    rows: list[TableRow]
    notes: str | None
    problems: list[str]  # Indonesian, whole-sheet uncertainties


_PELAKSANA_TITLE = re.compile(r"^(unit )?pelaksana(an)?( kegiatan)?$")


def _find_pelaksana(cells: Cells) -> tuple[int, int] | None:
    """The 'Pelaksana' title over the executor columns: a cell holding just that word,
    preferably in a header row that also has Kegiatan or a Mutu Baku title (a line like
    'Pelaksana: Bagian Umum' above the table is not it)."""
    found = []
    for (r, c), text in sorted(cells.text.items()):
        if r > HEADER_SEARCH_ROWS:
            break
        if _PELAKSANA_TITLE.match(norm(text)):
            found.append((r, c))
    for r, c in found:
        r2 = cells.span(r, c)[2]
        keys = {header_key(t) for rr in range(r, r2 + 1) for _, t in cells.row_texts(rr)}
        if keys & {"kegiatan", "no", *MUTU}:
            return r, c
    return found[0] if found else None


def _without_group_title(cells: Cells) -> tuple[int, int, int] | None:
    """(row, first, last column) of executor titles written straight into the header row,
    between Kegiatan and the Mutu Baku columns, when no 'Pelaksana' title is over them."""
    rows: dict[int, dict[str, int]] = {}
    for (r, c), text in sorted(cells.text.items()):
        if r <= HEADER_SEARCH_ROWS and (key := header_key(text)) and len(text) < 40:
            rows.setdefault(r, {}).setdefault(key, c)
    for r, keys in sorted(rows.items()):
        after = [keys[k] for k in MUTU if k in keys]
        if "kegiatan" not in keys or not after:
            continue
        first = cells.span(r, keys["kegiatan"])[3] + 1
        last = min(c for c in after if c > first - 1) - 1 if any(c >= first for c in after) else 0
        if last >= first:
            return r, first, last
    return None


def find_table(cells: Cells) -> Table | None:
    """The flowchart table of the sheet, or None when the sheet has no executor columns."""
    found = _find_pelaksana(cells)
    labels: dict[str, str] = {}
    if found is not None:
        top, pc = found
        pr1, pc1, pr2, pc2 = cells.span(top, pc)
        exec_row = pr2 + 1
        labels["pelaksana"] = cells.get(top, pc)
    else:
        bare = _without_group_title(cells)
        if bare is None:
            return None
        top, pc1, pc2 = bare
        pr2, exec_row = top - 1, top
        labels["pelaksana"] = ""
    problems: list[str] = []
    columns: dict[str, tuple[int, int]] = {}
    bottom = exec_row
    for (r, c), text in sorted(cells.text.items()):
        if r < top or r > exec_row or (pc1 <= c <= pc2 and r > pr2):
            continue
        key = header_key(text)
        if key is None or key == "pelaksana" or key in columns:
            continue
        r1, c1, r2, c2 = cells.span(r, c)
        columns[key] = (c1, c2)
        labels[key] = text
        bottom = max(bottom, r2)
    if pc1 == pc2:  # an unmerged Pelaksana title: executors run right up to the next column
        later = [c1 for key, (c1, _) in columns.items() if c1 > pc1 and key != "no"]
        pc2 = (
            (min(later) - 1)
            if later
            else max((c for c, _ in cells.row_texts(exec_row)), default=pc1)
        )
    executors: list[Executor] = []
    c = pc1
    while c <= pc2:
        r1, c1, r2, c2 = cells.span(exec_row, c)
        title = cells.get(exec_row, c)
        executors.append(Executor(title, c, min(max(c2, c), pc2)))
        bottom = max(bottom, r2)
        c = max(c2, c) + 1
    if "kegiatan" not in columns:
        before = [c for c in range(1, pc1) if "no" not in columns or c > columns["no"][1]]
        if before:
            columns["kegiatan"] = (min(before), max(before))
        problems.append(
            "kolom Kegiatan tidak ditemukan dari judulnya; dipakai kolom di "
            "kiri kolom Pelaksana: periksa uraian tiap langkah"
        )
    title = _title(cells, top)
    rows, notes = _rows(cells, bottom + 1, columns, executors, problems)
    return Table(title, top, bottom, labels, columns, executors, rows, notes, problems)


def _title(cells: Cells, top: int) -> str | None:
    """The text block right above the header (up to three rows, up to an empty row or a
    row of several cells, such as the identity grid above the table on the same sheet)."""
    lines: list[str] = []
    for r in range(top - 1, max(0, top - 8), -1):
        texts = [t for _, t in cells.row_texts(r)]
        if not texts:
            if lines:
                break
            continue
        if len(texts) > 1 or len(lines) == 3:
            break
        lines.insert(0, texts[0])
    return " ".join(lines) if lines else None


def _field_text(cells: Cells, row: int, span: tuple[int, int] | None) -> tuple[str, int]:
    """Text of a field in a sheet row (joined over the column span) and the last sheet row
    its merged cell covers."""
    if span is None:
        return "", row
    parts, last = [], row
    for c in range(span[0], span[1] + 1):
        if cells.anchor_of(row, c) != (row, c):
            continue
        text = cells.get(row, c)
        if (row, c) in cells.lines:  # typed over several lines: a list keeps its items
            text = with_lists(list(cells.lines[(row, c)]), " ".join)
        if text:
            parts.append(text)
        last = max(last, cells.span(row, c)[2])
    return " ".join(parts), last


def _is_repeat(cells: Cells, row: int, columns, executors, labels_norm: set[str]) -> bool:
    texts = [t for _, t in cells.row_texts(row)]
    if not texts:
        return False
    if all(_COLUMN_NUMBER.match(t) for t in texts) and len(texts) >= 3:
        return True  # the "(1) (2) (3) ..." row under a header
    titles = {norm(e.title) for e in executors if e.title} | labels_norm

    def heading(text: str) -> bool:
        return norm(text) in titles or (len(text) < 30 and header_key(text) is not None)

    return sum(heading(t) for t in texts) >= max(2, (len(texts) + 1) // 2)


def _nomor(text: str) -> str:
    return text.strip().rstrip(".").strip()


def _rows(cells: Cells, start: int, columns, executors, problems):
    fields = ("kegiatan", "kelengkapan", "waktu", "output", "keterangan")
    labels_norm = {
        "no",
        "kegiatan",
        "pelaksana",
        "mutu baku",
        "kelengkapan",
        "waktu",
        "output",
        "keterangan",
    }
    rows: list[TableRow] = []
    notes: list[str] = []
    r = start
    while r <= cells.max_row:
        if notes:
            notes.extend(t for _, t in cells.row_texts(r))
            r += 1
            continue
        if _is_repeat(cells, r, columns, executors, labels_norm):
            r += 1
            continue
        nomor, last = _field_text(cells, r, columns.get("no"))
        texts: dict[str, str] = {}
        for key in fields:
            texts[key], field_last = _field_text(cells, r, columns.get(key))
            if key == "kegiatan":
                last = max(last, field_last)
        everything = cells.row_texts(r)
        if (
            rows
            and not nomor
            and everything
            and _NOTES.match(everything[0][1])
            and (not texts["waktu"] and not texts["output"])
        ):
            notes.extend(t for _, t in everything)
            r += 1
            continue
        if nomor or texts["kegiatan"]:
            row = TableRow(r, last, _nomor(nomor), texts)
            rows.append(row)
            _note_spans(cells, row, columns)
            r = last + 1
            continue
        if everything and rows and any(texts.values()):
            prev = rows[-1]
            for key, text in texts.items():
                if text:
                    prev.texts[key] = f"{prev.texts[key]} {text}".strip()
            prev.notes.append(
                (
                    "uraian",
                    f"teks baris {r} di sumber tanpa nomor dan tanpa "
                    "kegiatan digabung ke langkah ini: periksa",
                )
            )
        r += 1
    return rows, (" ".join(notes) if notes else None)


def _note_spans(cells: Cells, row: TableRow, columns) -> None:
    """A Mutu Baku cell merged over several activity rows: its text is kept on the first."""
    for key in ("kelengkapan", "waktu", "output", "keterangan"):
        span = columns.get(key)
        if span is None or not row.texts.get(key):
            continue
        r1, _, r2, _ = cells.span(row.first, span[0])
        if r2 > row.last:
            row.notes.append(
                (
                    key,
                    f"sel '{key}' di sumber digabung untuk beberapa langkah "
                    f"(baris {r1}-{r2}); teksnya ditulis di langkah pertama "
                    "saja: periksa langkah lainnya",
                )
            )
