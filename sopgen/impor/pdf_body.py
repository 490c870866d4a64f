"""The flowchart tables of a PDF: one ``Part`` per table, over all the pages it takes.

A page whose grid has a header (No, Kegiatan, ...) either continues the current table (a
repeated header) or starts a new one (numbering back at 1); a page whose grid has no header
but lines up with the previous page's table continues it. Rows are the body bands of the grid;
a band with no number and no text (a band holding only an off-page connector) is no row.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from sopgen.impor import ir
from sopgen.impor.pdf_geom import PageGeometry
from sopgen.impor.pdf_source import RawPage
from sopgen.impor.pdf_table import (
    COLNUM,
    Grid,
    Header,
    coverage,
    find_anchors,
    find_grid,
    read_header,
    runs,
)
from sopgen.impor.pdf_text import Word, cell_text_in, join_lines, line_text, lines_of, text_of

TEXT_ROLES = ("kelengkapan", "waktu", "output", "keterangan")
NOTE_START = re.compile(r"^\W{0,2}(ket\b|ket\.|ket:|keterangan|catatan|\*)", re.I)


@dataclass
class Band:
    y0: float
    y1: float
    row: int | None  # index into Part.rows, None for a band that is no row


@dataclass
class PagePart:
    index: int  # 0-based page index
    page: RawPage
    geom: PageGeometry
    grid: Grid
    roles: list[str]  # per grid column
    executor: list[int | None]  # per grid column: executor index
    bands: list[Band]
    body_top: float


@dataclass
class Part:
    title: str | None = None
    nomor: str | None = None
    executors: list[str] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)
    rows: list[ir.Row] = field(default_factory=list)
    pages: list[PagePart] = field(default_factory=list)
    notes: str | None = None
    uncertain: list[ir.Uncertainty] = field(default_factory=list)
    first_top: tuple[int, float] = (0, 0.0)
    roles: list[str] = field(default_factory=list)
    xs: list[float] = field(default_factory=list)


def read_parts(pages: list[RawPage], geoms: list[PageGeometry]) -> list[Part]:
    parts: list[Part] = []
    cur: Part | None = None
    prev_grid: Grid | None = None
    for i, (page, geom) in enumerate(zip(pages, geoms, strict=True)):
        rulings = geom.rulings()
        grid, header = None, None
        for anchor in find_anchors(page.words):
            grid = find_grid(rulings, page.width, anchor, None)
            if grid is not None and len(grid.xs) >= 3:
                header = read_header(grid, page.words, rulings)
                if header is not None and "kegiatan" in header.roles:
                    break
            grid, header = None, None
        if grid is None and cur is not None:
            grid = find_grid(rulings, page.width, None, prev_grid)
        if grid is None or len(grid.xs) < 3:
            continue
        title, nomor = _title(page, grid, geom)
        if header is not None:
            first = _first_number(page.words, grid, header)
            if (
                cur is None
                or first in ("1", "01")
                and cur.rows
                or (title and cur.title and title != cur.title)
            ):
                cur = Part(title=title, nomor=nomor, first_top=(i, grid.top))
                cur.roles = header.roles
                cur.xs = grid.xs
                cur.labels = dict(header.labels)
                cur.executors = [
                    t for t, r in zip(header.titles, header.roles, strict=True) if r == "executor"
                ]
                for k, t in enumerate(cur.executors):
                    if not t:
                        cur.uncertain.append(
                            ir.Uncertainty(
                                f"judul kolom pelaksana ke-{k + 1} tidak terbaca; isi nama "
                                "jabatannya",
                                None,
                                "pelaksana",
                            )
                        )
                        cur.executors[k] = f"Pelaksana {k + 1}"
                parts.append(cur)
            roles = _map_roles(header.roles, grid.xs, cur)
            body_band = header.bands
        else:
            if cur is None:
                continue
            # a page without header has the first page's columns: a boundary that lines up
            # with none of them is a long arrow, not a ruling
            near = [x for x in grid.xs if any(abs(x - c) <= 4 for c in cur.xs)]
            if len(near) >= 0.6 * len(cur.xs) and len(near) >= 3:
                grid.xs = near
            else:
                # another table (the identity page of the next SOP in a binder, an
                # attachment): not this table going on
                cur, prev_grid = None, None
                continue
            roles = _map_roles(None, grid.xs, cur)
            body_band = 0
        _read_page(cur, i, page, geom, grid, roles, body_band)
        cur.notes = _notes(page, grid) or cur.notes
        prev_grid = grid
    return [p for p in parts if p.rows]


def _map_roles(roles: list[str] | None, xs: list[float], part: Part) -> list[str]:
    """Roles of this page's columns: its own header's, or the first page's by position."""
    if roles is not None and len(roles) == len(part.roles):
        return roles
    if len(xs) == len(part.xs):
        return list(part.roles)
    out = []
    for c in range(len(xs) - 1):
        a, b = xs[c], xs[c + 1]
        best, role = 0.0, "executor"
        for k in range(len(part.xs) - 1):
            ov = min(b, part.xs[k + 1]) - max(a, part.xs[k])
            if ov > best:
                best, role = ov, part.roles[k]
        out.append(role)
    return out


def _first_number(words: list[Word], grid: Grid, header: Header) -> str | None:
    if "no" not in header.roles or len(grid.ys) <= header.bands + 1:
        return None
    c = header.roles.index("no")
    for b in range(header.bands, len(grid.ys) - 1):
        ws = _cell(words, grid, b, c)
        t = text_of(ws).rstrip(".")
        if t:
            return t
    return None


def _cell(words: list[Word], grid: Grid, band: int, col: int) -> list[Word]:
    y0, y1 = grid.ys[band], grid.ys[band + 1]
    x0, x1 = grid.xs[col], grid.xs[col + 1]
    return [w for w in words if y0 <= w.cy < y1 and x0 <= w.cx < x1]


def _read_page(
    part: Part,
    i: int,
    page: RawPage,
    geom: PageGeometry,
    grid: Grid,
    roles: list[str],
    body_band: int,
) -> None:
    execs: list[int | None] = []
    k = 0
    for r in roles:
        execs.append(k if r == "executor" else None)
        k += r == "executor"
    pp = PagePart(i, page, geom, grid, roles, execs, [], grid.ys[min(body_band, len(grid.ys) - 1)])
    _split_unruled(page.words, grid, roles, body_band)
    row_of_band: dict[int, int] = {}
    rules = [(s.y0, min(s.x0, s.x1), max(s.x0, s.x1)) for s in geom.rulings() if s.horizontal]
    for b in range(body_band, len(grid.ys) - 1):
        texts: dict[str, str] = {}
        for c, role in enumerate(roles):
            if role == "executor":
                continue
            # a word running over the ruling into an executor column is an arrow label
            # printed beside the lane, not text of this cell
            ws = [
                w
                for w in _cell(page.words, grid, b, c)
                if not (
                    c + 1 < len(roles) and roles[c + 1] == "executor" and w.x1 > grid.xs[c + 1] + 1
                )
                and not (c > 0 and roles[c - 1] == "executor" and w.x0 < grid.xs[c] - 1)
            ]
            t = cell_text_in(ws, grid.xs[c], grid.xs[c + 1], rules)
            if t:
                texts[role] = (texts[role] + " " + t) if role in texts else t
        band = Band(grid.ys[b], grid.ys[b + 1], None)
        pp.bands.append(band)
        all_words = [
            w for w in page.words if band.y0 <= w.cy < band.y1 and grid.left <= w.cx <= grid.right
        ]
        if all_words and all(COLNUM.fullmatch(w.text) for w in all_words):
            continue
        nomor = texts.get("no", "").rstrip(".").strip()
        uraian = texts.get("kegiatan", "")
        if not nomor and not uraian:
            if any(texts.get(r) for r in TEXT_ROLES):
                part.uncertain.append(
                    ir.Uncertainty(
                        f"halaman {page.number}: baris tanpa nomor dan tanpa uraian kegiatan "
                        "dilewati; periksa apakah isinya milik baris di atasnya",
                        len(part.rows) - 1 if part.rows else None,
                        "uraian",
                    )
                )
            continue
        band.row = row_of_band[b] = len(part.rows)
        part.rows.append(
            ir.Row(
                nomor=nomor,
                uraian=uraian,
                kelengkapan=texts.get("kelengkapan", ""),
                waktu=texts.get("waktu", ""),
                output=texts.get("output", ""),
                keterangan=texts.get("keterangan", ""),
                page=page.number,
            )
        )
    _merged_cells(part, row_of_band, geom, grid, roles)
    part.pages.append(pp)


def _merged_cells(
    part: Part, row_of_band: dict[int, int], geom: PageGeometry, grid: Grid, roles: list[str]
) -> None:
    """A Mutu Baku cell merged over several rows (no ruling across its column where the
    Kegiatan column has one, as Word and Excel print a merged cell): its text, read into
    whichever row its middle stands in, goes to the first of those rows with a note, as the
    workbook reader does; the officer decides what the other steps take."""
    if "kegiatan" not in roles:
        return
    hr = runs(geom.rulings(), True)

    def ruled(y: float, c: int) -> bool:
        x0, x1 = grid.xs[c] + 2, grid.xs[c + 1] - 2
        near = [r for r in hr if abs(r.pos - y) <= 1.6]
        return x1 <= x0 or coverage(near, x0, x1) >= 0.5 * (x1 - x0)

    k = roles.index("kegiatan")
    bands = sorted(row_of_band)
    between = [b for a, b in zip(bands, bands[1:], strict=False) if b == a + 1]
    row_lines = [b for b in between if ruled(grid.ys[b], k)]
    for c, role in enumerate(roles):
        if role not in TEXT_ROLES:
            continue
        # a column printed with no rulings across at all is a style, not merged cells
        if 2 * sum(not ruled(grid.ys[b], c) for b in row_lines) > len(row_lines):
            continue
        group = [bands[0]] if bands else []
        for prev, b in zip(bands, bands[1:], strict=False):
            y = grid.ys[b]
            if b == prev + 1 and ruled(y, k) and not ruled(y, c):
                group.append(b)
                continue
            _keep_on_first(part, [row_of_band[g] for g in group], role)
            group = [b]
        if group:
            _keep_on_first(part, [row_of_band[g] for g in group], role)


def _keep_on_first(part: Part, rows: list[int], role: str) -> None:
    if len(rows) < 2:
        return
    texts = [getattr(part.rows[r], role) for r in rows]
    joined = " ".join(t for t in texts if t)
    if not joined:
        return
    for r in rows:
        part.rows[r] = dataclasses.replace(part.rows[r], **{role: joined if r == rows[0] else ""})
    first, last = (part.rows[r].nomor or str(r + 1) for r in (rows[0], rows[-1]))
    part.uncertain.append(
        ir.Uncertainty(
            f"sel '{role}' di sumber digabung untuk beberapa langkah (langkah {first}-{last}); "
            "teksnya ditulis di langkah pertama saja: periksa langkah lainnya",
            rows[0],
            role,
        )
    )


NUMBER = re.compile(r"\d{1,3}[a-z]?\.?")


def _split_unruled(words: list[Word], grid: Grid, roles: list[str], body_band: int) -> None:
    """Rows printed without a ruling between them: a band holding several numbers in the
    No column is cut in the widest empty gap between consecutive numbers."""
    if "no" not in roles:
        return
    c = roles.index("no")
    x0, x1 = grid.xs[c], grid.xs[c + 1]
    cuts = []
    for b in range(body_band, len(grid.ys) - 1):
        y0, y1 = grid.ys[b], grid.ys[b + 1]
        nums = sorted(
            (w for w in words if y0 <= w.cy < y1 and x0 <= w.cx < x1 and NUMBER.fullmatch(w.text)),
            key=lambda w: w.top,
        )
        inside = [w for w in words if y0 <= w.cy < y1 and grid.left <= w.cx <= grid.right]
        for a, z in zip(nums, nums[1:], strict=False):
            if z.top - a.bottom < 1:
                continue
            spans = sorted((w.top, w.bottom) for w in inside if a.bottom <= w.cy < z.top)
            best, gap_at, cur = 0.0, (a.bottom + z.top) / 2, a.bottom
            for top, bottom in spans:
                if top - cur > best:
                    best, gap_at = top - cur, (cur + top) / 2
                cur = max(cur, bottom)
            if z.top - cur > best:
                gap_at = (cur + z.top) / 2
            cuts.append(gap_at)
    if cuts:
        grid.ys = sorted(set(grid.ys) | set(cuts))


def _title(page: RawPage, grid: Grid, geom: PageGeometry) -> tuple[str | None, str | None]:
    """Text printed right above the table (title, and 'Nomor SOP: ...' if there)."""
    hr = [
        r
        for r in runs(geom.rulings(), True)
        if r.hi - r.lo >= 0.3 * page.width and r.pos < grid.top - 1
    ]
    floor = max((r.pos for r in hr), default=0.0)
    vr = [r for r in runs(geom.rulings(), False) if grid.left - 5 <= r.pos <= grid.right + 5]
    ws = [
        w
        for w in page.words
        if floor < w.top
        and w.bottom <= grid.top + 0.5
        and w.top >= grid.top - 70
        and w.x1 >= grid.left - 5
        and w.x0 <= grid.right
        # words inside another ruled table (an identity page above) are no title
        and not any(r.lo < w.cy < r.hi for r in vr)
        # nor the letter of an off-page connector drawn above the table
        and not any(
            o.x0 <= w.cx <= o.x1 and o.y0 <= w.cy <= o.y1 and o.w < 60 and o.h < 60
            for o in geom.outlines
        )
    ]
    title_lines, nomor = [], None
    for line in lines_of(ws):
        t = line_text(line)
        m = re.match(r"(?i)^nomor\s*(sop)?\s*:?\s*(.*)$", t)
        if m and m.group(2):
            nomor = m.group(2).strip()
        else:
            title_lines.append(t)
    return (join_lines(title_lines) or None), nomor


def _notes(page: RawPage, grid: Grid) -> str | None:
    below = [
        w for w in page.words if w.top >= grid.bottom - 0.5 and grid.left - 10 <= w.x0 <= grid.right
    ]
    lines = lines_of(below)
    if not lines:
        return None
    first = lines[0]
    if first[0].top - grid.bottom > 40 or not NOTE_START.match(line_text(first)):
        return None
    out = [line_text(first)]
    last = first
    size = max(w.size for w in first)
    # a footer in small print (often overlapping the notes' last lines) is not part of them
    lines = lines_of([w for w in below if w.size >= 0.8 * size])
    for line in lines[1:]:
        h = max(w.bottom - w.top for w in last)
        if line[0].top - max(w.bottom for w in last) > 1.6 * h:
            break
        out.append(line_text(line))
        last = line
    return "\n".join(out)
