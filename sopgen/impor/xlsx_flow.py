"""Drawn shapes of a flowchart sheet -> symbols on table rows and executor columns, and the
arrows between them (glued connectors first, else the geometry of the lines)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from sopgen.impor import ir
from sopgen.impor.assign import assign
from sopgen.impor.xlsx_drawing import KINDS, Drawn, Grid
from sopgen.impor.xlsx_table import Table

EMU_PER_PT = 12700
_ENDS = re.compile(r"^(mulai|selesai|start|end|awal|akhir|finish|stop)$", re.IGNORECASE)
MAX_LOOSE = 800
BUCKET = 1_000_000  # EMU: grid squares for finding the symbol at a line's end
TOLERANCE = 120_000  # EMU (~3 mm): how far a line end may stop short of a symbol


@dataclass
class Flow:
    shapes: list[ir.Shape]
    links: list[ir.Link]
    executors: list[str]
    uncertain: list[ir.Uncertainty] = field(default_factory=list)


def _dist_to_box(p, box) -> float:
    dx = max(box[0] - p[0], 0, p[0] - box[2])
    dy = max(box[1] - p[1], 0, p[1] - box[3])
    return math.hypot(dx, dy)


def _dist_to_segment(p, a, b) -> float:
    ax, ay = a
    bx, by = b
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((p[0] - ax) * dx + (p[1] - ay) * dy) / length))
    return math.hypot(p[0] - (ax + t * dx), p[1] - (ay + t * dy))


class _Builder:
    def __init__(self, table: Table, drawn: list[Drawn], grid: Grid, page: int):
        self.table, self.grid, self.page = table, grid, page
        self.uncertain: list[ir.Uncertainty] = []
        # a row reaches down to the next one: sheet rows without text under a step (its
        # symbol drawn a little lower) belong to it
        self.rows_y = [
            (grid.row_edge(r.first - 1), grid.row_edge((nxt.first - 1) if nxt else r.last))
            for r, nxt in zip(table.rows, [*table.rows[1:], None], strict=True)
        ]
        self.cols_x = [(grid.col_edge(e.first - 1), grid.col_edge(e.last)) for e in table.executors]
        self.lines = [d for d in drawn if d.role == "line"]
        self.texts = [d for d in drawn if d.role == "text" and d.text]
        self.by_id = {}
        for d in drawn:
            self.by_id.setdefault(d.id, d)
        self.symbols = [d for d in drawn if self._is_symbol(d)]
        self._bucket: dict[tuple[int, int], list[Drawn]] | None = None
        self.both: list[tuple[int, int]] = []  # lines with a head at each end (drawn ids)

    def note(self, message: str, row: int | None = None, fld: str | None = None) -> None:
        self.uncertain.append(ir.Uncertainty(message, row, fld))

    def _in_body(self, d: Drawn) -> bool:
        if not self.rows_y or not self.cols_x:
            return False
        x, y = d.centre
        top = self.grid.row_edge(self.table.header_bottom)
        bottom = self.rows_y[-1][1] + TOLERANCE * 4
        return self.cols_x[0][0] <= x <= self.cols_x[-1][1] and top <= y <= bottom

    def _is_symbol(self, d: Drawn) -> bool:
        if d.role == "symbol":
            return "Arrow" not in d.prst and self._in_body(d)
        if d.role == "picture":
            return self._in_body(d)
        return False

    # -- placing ----------------------------------------------------------------------
    def row_of(self, d: Drawn) -> tuple[int, bool]:
        _, y = d.centre
        for i, (y0, y1) in enumerate(self.rows_y):
            if y0 <= y <= y1:
                return i, True
        best = min(
            range(len(self.rows_y)),
            key=lambda i: min(abs(y - self.rows_y[i][0]), abs(y - self.rows_y[i][1])),
        )
        return best, False

    def columns_of(self, d: Drawn) -> tuple[int, ...]:
        x0, _, x1, _ = d.box
        width = max(x1 - x0, 1)
        cols = []
        for i, (c0, c1) in enumerate(self.cols_x):
            overlap = min(x1, c1) - max(x0, c0)
            if overlap > 0 and (overlap >= 0.35 * width or overlap >= 0.5 * (c1 - c0)):
                cols.append(i)
        if not cols:
            cx = d.centre[0]
            cols = [
                min(
                    range(len(self.cols_x)),
                    key=lambda i: abs(cx - (self.cols_x[i][0] + self.cols_x[i][1]) / 2),
                )
            ]
        return tuple(cols)

    # -- arrows -------------------------------------------------------------------------
    def _buckets(self) -> dict[tuple[int, int], list[Drawn]]:
        """Symbols by the grid squares (BUCKET EMU) their box, widened by TOLERANCE, covers."""
        if self._bucket is None:
            self._bucket = {}
            for s in self.symbols:
                x0, y0 = (
                    int((s.box[0] - TOLERANCE) // BUCKET),
                    int((s.box[1] - TOLERANCE) // BUCKET),
                )
                x1, y1 = (
                    int((s.box[2] + TOLERANCE) // BUCKET),
                    int((s.box[3] + TOLERANCE) // BUCKET),
                )
                for bx in range(x0, min(x1, x0 + 50) + 1):
                    for by in range(y0, min(y1, y0 + 50) + 1):
                        self._bucket.setdefault((bx, by), []).append(s)
        return self._bucket

    def symbol_at(self, p) -> Drawn | None:
        best, best_d = None, TOLERANCE
        for s in self._buckets().get((int(p[0] // BUCKET), int(p[1] // BUCKET)), ()):
            dist = _dist_to_box(p, s.box)
            if dist <= best_d:
                best, best_d = s, dist
        return best

    def arrows(self) -> list[tuple[int, int, Drawn, tuple]]:
        """(source drawn id, target drawn id, line, point where it leaves the source)."""
        symbol_ids = {s.id for s in self.symbols}
        out = []
        loose: list[Drawn] = []
        for line in self.lines:
            a = line.glued_start if line.glued_start in symbol_ids else None
            b = line.glued_end if line.glued_end in symbol_ids else None
            if a is None or b is None:
                found_a = self.symbol_at(line.start) if a is None else self.by_id[a]
                found_b = self.symbol_at(line.end) if b is None else self.by_id[b]
                if found_a is None or found_b is None or found_a is found_b:
                    loose.append(line)
                    continue
                a, b = found_a.id, found_b.id
            out.extend(self._directed(a, b, line, [line]))
        out.extend(self._chains(loose))
        return out

    def _directed(self, a: int, b: int, line: Drawn, path: list[Drawn]):
        start_arrow = any(seg.arrow_start for seg in path[:1]) or line.arrow_start
        end_arrow = any(seg.arrow_end for seg in path[-1:]) or line.arrow_end
        if start_arrow and not end_arrow:
            return [(b, a, line, line.end)]
        if not start_arrow and not end_arrow:
            self.note(
                "garis tanpa kepala panah; arahnya dianggap dari awal garis: periksa arah alur",
                self._row_index(a),
            )
        elif start_arrow and end_arrow:  # there and back: _links decides how to write it
            self.both.append((a, b))
            return []
        return [(a, b, line, line.start)]

    def _row_index(self, drawn_id: int) -> int | None:
        d = self.by_id.get(drawn_id)
        return self.row_of(d)[0] if d is not None and self.rows_y else None

    def _chains(self, loose: list[Drawn]):
        """Arrows drawn as several plain lines: join lines whose ends touch, then each
        chain runs from the symbol at its arrow-less end to the symbol its arrowhead hits."""
        if len(loose) > MAX_LOOSE:  # joining is quadratic: a sheet of loose strokes is no SOP
            self.note(
                f"{len(loose)} garis lepas (tidak tersambung ke simbol) terlalu banyak untuk "
                "dirangkai; panahnya tidak dibaca: periksa alur"
            )
            return []
        ends = []  # (line index, which end, point, arrow at that end)
        for i, line in enumerate(loose):
            ends.append((i, 0, line.start, line.arrow_start))
            ends.append((i, 1, line.end, line.arrow_end))
        parent = list(range(len(loose)))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for x in range(len(ends)):
            for y in range(x + 1, len(ends)):
                if ends[x][0] != ends[y][0] and math.dist(ends[x][2], ends[y][2]) <= TOLERANCE:
                    parent[find(ends[x][0])] = find(ends[y][0])
        for i, line in enumerate(loose):  # an end on the body of a straight line (a T)
            for j, other in enumerate(loose):
                if i != j and other.prst in ("line", "straightConnector1", ""):
                    for p in (line.start, line.end):
                        if _dist_to_segment(p, other.start, other.end) <= TOLERANCE:
                            parent[find(i)] = find(j)
        groups: dict[int, list[int]] = {}
        for i in range(len(loose)):
            groups.setdefault(find(i), []).append(i)
        out = []
        for members in groups.values():
            sources, targets = [], []
            for i, _which, p, arrow in ends:
                if i not in members:
                    continue
                s = self.symbol_at(p)
                if s is None:
                    continue
                (targets if arrow else sources).append((s, loose[i], p))
            if not targets and len(sources) == 2:
                first, second = sorted(sources, key=lambda t: (t[0].centre[1], t[0].centre[0]))
                self.note(
                    "garis tanpa kepala panah; arahnya dianggap dari atas ke bawah: "
                    "periksa arah alur",
                    self.row_of(first[0])[0],
                )
                sources, targets = [first], [second]
            for s, line, p in sources:
                for t, _, _ in targets:
                    if s is not t:
                        out.append((s.id, t.id, line, p))
            if (sources or targets) and not (sources and targets):
                self.note(
                    "ada garis yang hanya menyentuh satu simbol; garis itu diabaikan: "
                    "periksa alur di sekitarnya"
                )
        return out


def _label(builder: _Builder, decision: Drawn, exits: list[tuple[int, Drawn, tuple]]):
    """Text boxes (or short texts typed into executor cells) near a decision's exits ->
    labels (each used once: as many exits labelled as can be, then the nearest)."""
    w = max(decision.box[2] - decision.box[0], decision.box[3] - decision.box[1])
    costs: dict[tuple[int, int], float] = {}
    for n, t in enumerate(builder.texts):
        if len(t.text) > 30:
            continue
        for k, (_, line, p) in enumerate(exits):
            other = line.end if p == line.start else line.start
            mid = (p[0] + (other[0] - p[0]) * 0.5, p[1] + (other[1] - p[1]) * 0.5)
            if t.name == "cell":  # a label typed into a cell: distance to the cell
                dist = min(
                    _dist_to_box((p[0] + (mid[0] - p[0]) * f, p[1] + (mid[1] - p[1]) * f), t.box)
                    for f in (0.0, 0.25, 0.5, 0.75, 1.0)
                )
            else:
                dist = _dist_to_segment(t.centre, p, mid)
            if dist <= 1.5 * w:
                costs[(k, n)] = dist
    return {k: builder.texts[n].text for k, n in assign(costs)}


def build_flow(table: Table, drawn: list[Drawn], grid: Grid, page: int) -> Flow:
    b = _Builder(table, drawn, grid, page)
    arrows = b.arrows() if table.rows else []
    incoming = {t for _, t, _, _ in arrows} | {i for pair in b.both for i in pair}
    outgoing = {s for s, _, _, _ in arrows} | {i for pair in b.both for i in pair}
    placed = []
    pictures = 0
    for d in b.symbols:
        row, inside = b.row_of(d)
        kind = KINDS.get(d.prst)
        if d.role == "picture":
            kind = d.image
            if kind is None:
                pictures += 1
                kind = "process"
        if kind in ("process", "rounded") and _ENDS.match(d.text.strip()):
            kind = "terminator"  # 'Mulai'/'Selesai' written in a box: a start or an end
        if kind == "rounded":
            kind = "terminator" if d.id not in incoming or d.id not in outgoing else "process"
        if kind is None:
            kind = "process"
            b.note(
                f"bentuk '{d.prst or 'bebas'}' bukan simbol flowchart baku; dianggap "
                "kotak proses: periksa",
                row,
                "simbol",
            )
        if not inside:
            b.note(
                "simbol tidak tepat di dalam baris mana pun; ditempatkan di baris "
                "terdekat: periksa",
                row,
                "simbol",
            )
        placed.append((row, d.centre[0], d, kind, b.columns_of(d)))
    if pictures:
        b.note(
            f"{pictures} simbol berupa gambar (bukan bentuk); dianggap kotak proses: "
            "periksa jenis simbolnya"
        )
    placed.sort(key=lambda t: (t[0], t[1], t[2].id))
    new_id = {d.id: i for i, (_, _, d, _, _) in enumerate(placed)}
    kinds = {d.id: kind for _, _, d, kind, _ in placed}
    shapes = [
        ir.Shape(new_id[d.id], row, kind, cols, d.text, b.page, round(x / EMU_PER_PT, 2))
        for row, x, d, kind, cols in placed
    ]
    links = _links(b, arrows, kinds, new_id)
    links = sorted(links + _two_way(b, placed, new_id), key=lambda lk: (lk.source, lk.target))
    executors = [e.title for e in table.executors]
    used_cols = {c for s in shapes for c in s.columns}
    for i, title in enumerate(executors):
        if not title and i in used_cols:
            executors[i] = f"Pelaksana {i + 1}"
            b.note(
                f"kolom pelaksana ke-{i + 1} tanpa judul; diberi nama sementara "
                f"'{executors[i]}': isi nama jabatannya",
                None,
                "pelaksana",
            )
    keep = [i for i, title in enumerate(executors) if title]
    remap = {old: new for new, old in enumerate(keep)}
    shapes = [
        ir.Shape(
            s.id,
            s.row,
            s.kind,
            tuple(remap[c] for c in s.columns if c in remap),
            s.text,
            s.page,
            s.x,
        )
        for s in shapes
    ]
    return Flow(shapes, links, [executors[i] for i in keep], b.uncertain)


def _two_way(b: _Builder, placed, new_id) -> list[ir.Link]:
    """Lines with a head at each end: between two symbols of one row (neither a decision)
    one two-way arrow from the left one (bolak_balik); else two arrows, there and back,
    said so for the officer."""
    where = {d.id: (row, x, kind) for row, x, d, kind, _ in placed}
    out = []
    for a, c in b.both:
        if a not in new_id or c not in new_id or a == c:
            continue
        (ra, xa, ka), (rc, xc, kc) = where[a], where[c]
        left, right = (a, c) if (xa, new_id[a]) <= (xc, new_id[c]) else (c, a)
        if ra == rc and "decision" not in (ka, kc):
            out.append(ir.Link(new_id[left], new_id[right], both=True))
            continue
        out += [ir.Link(new_id[a], new_id[c]), ir.Link(new_id[c], new_id[a])]
        b.note(
            "garis dengan panah di kedua ujung dibaca sebagai dua panah (pergi dan kembali): "
            "'bolak_balik' hanya untuk dua simbol dalam satu baris (bukan keputusan); "
            "periksa arah alur",
            min(ra, rc),
        )
    return out


def _links(b: _Builder, arrows, kinds, new_id) -> list[ir.Link]:
    """Arrows as links between shape ids, decisions' labels attached; off-page connectors
    are still ends here (connectors.join_connectors joins them once the sheets of one
    flowchart are together)."""
    by_source: dict[int, list] = {}
    for s, t, line, p in arrows:
        if s in new_id and t in new_id:
            by_source.setdefault(s, []).append((t, line, p))
    labels: dict[tuple[int, int], str] = {}
    for s, exits in by_source.items():
        if kinds.get(s) == "decision":
            for k, text in _label(b, b.by_id[s], exits).items():
                labels[(s, exits[k][0])] = text
    raw = []
    for s, exits in sorted(by_source.items(), key=lambda kv: new_id[kv[0]]):
        for t, _, _ in exits:
            raw.append((s, t, labels.get((s, t))))
    seen: set[tuple[int, int]] = set()
    links = []
    for s, t, label in raw:
        if (s, t) in seen or s == t:
            continue
        seen.add((s, t))
        links.append(ir.Link(new_id[s], new_id[t], label))
    links.sort(key=lambda link: (link.source, link.target))
    return links
