"""Read an SOP kept as an Excel workbook whose symbols and arrows are drawn shapes.

    sops = read_xlsx_all("sop.xlsx")   # one ImportedSop per flowchart sheet
    sop = read_xlsx("sop.xlsx")        # the first one

A sheet is a flowchart sheet when it has a 'Pelaksana' header (xlsx_table); the identity
page is a sheet with the identity labels (Nomor SOP, Disahkan oleh, Dasar Hukum, ...) or
the rows above a flowchart table (xlsx_identity). openpyxl reads the cells; the shapes come
from the drawing part of each sheet (xlsx_drawing), placed on rows and executor columns and
joined into arrows by xlsx_flow. Anything the reader cannot make sense of becomes an
``ir.Uncertainty``; a file it cannot read at all raises ``ir.UnreadableSource``.
"""

from __future__ import annotations

import io
import posixpath
import re
import warnings
import zipfile
from dataclasses import replace
from pathlib import Path

from sopgen.impor import ir
from sopgen.impor.connectors import join_connectors
from sopgen.impor.xlsx_cells import Cells, read_cells
from sopgen.impor.xlsx_drawing import MAX_SHAPES, Drawn, drawing_rels, read_drawing
from sopgen.impor.xlsx_flow import build_flow
from sopgen.impor.xlsx_identity import has_identity, read_identity
from sopgen.impor.xlsx_safe import SafeWorkbook, _unreadable
from sopgen.impor.xlsx_table import Table, find_table

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def read_xlsx(path: str | Path) -> ir.ImportedSop:
    """The first flowchart of the workbook; the others (one per further flowchart sheet)
    in its ``more``, as read_pdf gives several tables of one file."""
    first, *rest = read_xlsx_all(path)
    return replace(first, more=tuple(rest))


def read_xlsx_all(path: str | Path) -> tuple[ir.ImportedSop, ...]:
    """One ImportedSop per flowchart sheet, in sheet order; UnreadableSource otherwise."""
    path = Path(path)
    book = SafeWorkbook(str(path))
    try:
        drawings = _sheet_drawings(book)
        wb = _open(book)
        return _read(book, wb, drawings, path.name)
    except (ir.UnreadableSource, MemoryError, KeyboardInterrupt):
        raise
    except Exception as exc:  # noqa: BLE001 - a reader bug must not become a traceback
        raise _unreadable(
            f"isi buku kerja tidak dapat ditafsirkan ({type(exc).__name__}); laporkan "
            "berkasnya kepada pengembang sopgen"
        ) from None
    finally:
        book.close()


def _open(book: SafeWorkbook):
    """openpyxl on the cells only: the drawing relationships are left out of the copy it
    reads (the shapes are read here; openpyxl parsing them would be most of the time)."""
    try:
        import openpyxl

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return openpyxl.load_workbook(io.BytesIO(_cells_only(book)), data_only=True)
    except ir.UnreadableSource:
        raise
    except Exception as exc:  # noqa: BLE001 - any openpyxl failure is a broken file
        raise _unreadable(f"openpyxl tidak dapat membukanya ({type(exc).__name__})") from None


_DRAWING_REL = re.compile(rb"<Relationship\b[^>]*?Type=\"[^\"]*/drawing\"[^>]*?/>")


def _cells_only(book: SafeWorkbook) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as out:
        for name in sorted(book.names):
            if name.startswith(("xl/drawings/", "xl/media/", "xl/charts/")) or name.endswith("/"):
                continue
            data = book.read(name)
            if name.startswith("xl/worksheets/_rels/"):
                data = _DRAWING_REL.sub(b"", data)
            out.writestr(name, data)
    return buf.getvalue()


def _rels(book: SafeWorkbook, part: str) -> dict[str, str]:
    name = posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels")
    if name not in book.names:
        return {}
    return drawing_rels(book.xml(name), part)


def _sheet_drawings(book: SafeWorkbook) -> dict[str, str]:
    """Sheet name -> its drawing part (sheets without drawings are left out)."""
    workbook = book.xml("xl/workbook.xml")
    rels = _rels(book, "xl/workbook.xml")
    out: dict[str, str] = {}
    for sheet in workbook.iter(MAIN + "sheet"):
        part = rels.get(sheet.get(REL + "id", ""))
        if not part or part not in book.names:
            continue
        root = book.xml(part)
        drawing = root.find(MAIN + "drawing")
        if drawing is None:
            continue
        target = _rels(book, part).get(drawing.get(REL + "id", ""))
        if target and target in book.names:
            out[sheet.get("name", "")] = target
    return out


def _shapes(book: SafeWorkbook, part: str | None, cells: Cells) -> list[Drawn]:
    if part is None or cells.grid is None:
        return []
    root = book.xml_head(part, MAX_SHAPES + 1)
    return read_drawing(root, cells.grid, _rels(book, part), book.read)


def _label_cells(cells: Cells, table: Table) -> list[Drawn]:
    """Short texts typed into executor cells of the activity rows ('Ya', 'Tidak'): label
    candidates for decision exits, placed like text boxes."""
    grid, out = cells.grid, []
    if grid is None or not table.rows or not table.executors:
        return out
    first, last = table.executors[0].first, table.executors[-1].last
    for (r, c), text in sorted(cells.text.items()):
        if not (first <= c <= last and table.rows[0].first <= r <= table.rows[-1].last):
            continue
        if len(text) > 30 or len(out) >= MAX_SHAPES:
            continue
        r1, c1, r2, c2 = cells.span(r, c)
        box = (grid.col_edge(c1 - 1), grid.row_edge(r1 - 1), grid.col_edge(c2), grid.row_edge(r2))
        out.append(Drawn(-1 - len(out), "cell", "text", "", box, text=text))
    return out


def _lane_share(table: Table, grid) -> float | None:
    """The executor columns' median width over the table's (ir.Header.lane_share)."""
    if grid is None or not table.executors:
        return None
    spans = [*table.columns.values(), *((e.first, e.last) for e in table.executors)]
    width = grid.col_edge(max(b for _, b in spans)) - grid.col_edge(min(a for a, _ in spans) - 1)
    lanes = [grid.col_edge(e.last) - grid.col_edge(e.first - 1) for e in table.executors]
    return ir.lane_share(lanes, width)


def _read(book: SafeWorkbook, wb, drawings: dict[str, str], source: str):
    sheets: list[tuple[int, Cells, Table | None]] = []
    for number, ws in enumerate(wb.worksheets, start=1):
        if getattr(ws, "sheet_state", "visible") != "visible" and len(wb.worksheets) > 1:
            continue
        cells = read_cells(ws)
        sheets.append((number, cells, find_table(cells)))
    tables = [(n, c, t) for n, c, t in sheets if t is not None and t.rows]
    if not tables:
        raise ir.UnreadableSource(
            "tidak ada tabel flowchart SOP di buku kerja ini (tidak ditemukan judul kolom "
            "'Pelaksana' dengan baris kegiatan di bawahnya)"
        )
    identity, id_notes, id_sheet = ir.Identity(), [], None
    for n, cells, table in sheets:
        last = table.header_top if table is not None else None
        if has_identity(cells, last):
            identity, id_notes = read_identity(cells, last)
            id_sheet = n
            break
    out: list[ir.ImportedSop] = []
    titles: list[str | None] = []
    for n, cells, table in tables:
        shapes = _shapes(book, drawings.get(cells.title), cells)
        flow = build_flow(table, shapes + _label_cells(cells, table), cells.grid, n)
        uncertain = [ir.Uncertainty(f"halaman identitas: {m}", None, "identitas") for m in id_notes]
        if id_sheet is None:
            uncertain.append(
                ir.Uncertainty(
                    "buku kerja tidak memuat halaman identitas SOP (Nomor SOP, Disahkan oleh, "
                    "Dasar Hukum, ...): isi bagian identitas",
                    None,
                    "identitas",
                )
            )
        uncertain += [ir.Uncertainty(f"lembar '{cells.title}': {m}") for m in table.problems]
        for i, row in enumerate(table.rows):
            uncertain += [ir.Uncertainty(m, i, f) for f, m in row.notes]
        uncertain += flow.uncertain
        if len(shapes) > MAX_SHAPES:
            uncertain.append(
                ir.Uncertainty(
                    f"lembar '{cells.title}' memuat lebih dari {MAX_SHAPES} gambar; yang "
                    "selebihnya tidak dibaca: periksa alur di bagian bawah"
                )
            )
        rows = tuple(
            ir.Row(
                r.nomor,
                r.texts["kegiatan"],
                r.texts["kelengkapan"],
                r.texts["waktu"],
                r.texts["output"],
                r.texts["keterangan"],
                n,
            )
            for r in table.rows
        )
        if not flow.shapes:
            uncertain.append(
                ir.Uncertainty(
                    f"lembar '{cells.title}' tanpa simbol flowchart yang terbaca: periksa "
                    "pelaksana dan alur tiap langkah"
                )
            )
        title = table.title or identity.nama
        titles.append(table.title)
        out.append(
            ir.ImportedSop(
                source=source,
                identity=identity,
                header=ir.Header(
                    tuple(flow.executors), dict(table.labels), _lane_share(table, cells.grid)
                ),
                rows=rows,
                shapes=tuple(flow.shapes),
                links=tuple(flow.links),
                title=title,
                notes=table.notes,
                uncertain=tuple(uncertain),
                pages=1,
            )
        )
    merged: list[ir.ImportedSop] = []
    for i, sop in enumerate(out):
        if merged and _continues(merged[-1], sop, titles[i]):
            merged[-1] = _merge(merged[-1], sop)
        else:
            merged.append(sop)
    final = []
    for sop in merged:
        links, notes = join_connectors(sop.shapes, list(sop.links))
        extra = tuple(ir.Uncertainty(m) for m in notes)
        final.append(replace(sop, links=tuple(links), uncertain=sop.uncertain + extra))
    return tuple(final)


def _continues(a: ir.ImportedSop, b: ir.ImportedSop, b_title: str | None) -> bool:
    """Sheet b goes on with sheet a's flowchart: no other title, the same executors, and
    its numbers go on from a's."""
    if (b_title and b_title != a.title) or a.header.executors != b.header.executors:
        return False
    last, first = a.rows[-1].nomor, b.rows[0].nomor
    return last.isdigit() and first.isdigit() and int(first) == int(last) + 1


def _merge(a: ir.ImportedSop, b: ir.ImportedSop) -> ir.ImportedSop:
    ids, rows = max((s.id for s in a.shapes), default=-1) + 1, len(a.rows)
    shapes = tuple(replace(s, id=s.id + ids, row=s.row + rows) for s in b.shapes)
    links = tuple(replace(x, source=x.source + ids, target=x.target + ids) for x in b.links)
    known = {u.message for u in a.uncertain if u.row is None}
    uncertain = tuple(
        replace(u, row=u.row + rows) if u.row is not None else u
        for u in b.uncertain
        if u.row is not None or u.message not in known
    )
    return replace(
        a,
        rows=a.rows + b.rows,
        shapes=a.shapes + shapes,
        links=a.links + links,
        uncertain=a.uncertain + uncertain,
        notes=b.notes or a.notes,
        pages=a.pages + b.pages,
    )


__all__ = ["read_xlsx", "read_xlsx_all"]
