"""SOP PDFs drawn the ways other offices draw them, for the importer's tests.

sopgen's own PDFs are one way of drawing an SOP; offices make theirs in Word, Excel or an
e-SOP application. This module draws an SOP with ReportLab from a plain description (the
steps, who does them, the arrows) and a ``Style`` saying how the table is laid out: page
size and orientation, 2-7 executor columns, Mutu Baku with two or three columns before or
after the executors, a Keterangan column or not, the header repeated on each page or not,
off-page connectors in a band of their own or outside the table, numbering "1, 2, 2a" or
none, rows with or without rulings between them, executor titles with or without a
"Pelaksana" group title, written across or upwards, a band of column numbers, texts inside
symbols, capsule or ellipse terminators, symbols filled or not, filled or open arrowheads,
rulings and arrows printed as thin filled shapes, arrows pasted as pictures, a landscape
page stored turned (/Rotate 90), and an identity page (or block above the table) with
other label words ("No. SOP", "Tgl. Pembuatan"), labels over two lines, ruled or unruled
cells. A test reads the PDF back and compares it with the description.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib.pagesizes import A4, landscape, letter
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

F4 = (609.4, 935.4)  # folio, common in Indonesian offices
PAGES = {
    "A4-landscape": landscape(A4),
    "A4-portrait": A4,
    "F4-landscape": landscape(F4),
    "F4-portrait": F4,
    "Letter-landscape": landscape(letter),
}


@dataclass(frozen=True)
class Step:
    nomor: str  # as printed; "" for an unnumbered row
    uraian: str
    col: int  # executor column of its symbol
    kind: str = "process"  # terminator, process, decision
    to: tuple[int, ...] = ()  # rows the arrows go to; a decision: (ya, tidak)
    kelengkapan: str = ""
    waktu: str = ""
    output: str = ""
    keterangan: str = ""


@dataclass(frozen=True)
class Identity:
    nomor_label: str = "Nomor SOP"
    tanggal_label: str = "Tanggal Pembuatan"
    revisi_label: str = "Tanggal Revisi"
    efektif_label: str = "Tanggal Efektif"
    disahkan_label: str = "Disahkan oleh"
    nama_label: str = "Nama SOP"
    two_line_labels: bool = False  # "Tanggal" / "Pembuatan" on two lines
    ruled: bool = True  # each field in a ruled cell
    colon: bool = True  # a ':' column between labels and values
    nomor: str = "B-12/UM/SOP/2025"
    tanggal: str = "3 Maret 2025"
    nama: str = "Pengelolaan Surat Masuk"
    pejabat: tuple[str, str, str] = (
        "Kepala Bagian Umum",
        "DEWI LESTARI, S.E.",
        "19800101 200501 2 001",
    )
    lists: dict[str, tuple[str, ...]] = field(
        default_factory=lambda: {
            "Dasar Hukum": ("Undang-Undang Nomor 43 Tahun 2009", "Peraturan Nomor 5 Tahun 2020"),
            "Kualifikasi Pelaksana": ("Memahami tata naskah dinas",),
            "Keterkaitan": ("SOP Pengarsipan",),
            "Peralatan/Perlengkapan": ("Komputer", "Printer"),
            "Peringatan": ("Surat terlambat diproses",),
            "Pencatatan dan Pendataan": ("Buku agenda",),
        }
    )


@dataclass(frozen=True)
class Style:
    page: str = "A4-landscape"
    executors: tuple[str, ...] = ("Staf", "Kepala Seksi", "Kepala Bagian")
    mutu: tuple[str, ...] = ("Kelengkapan", "Waktu", "Output")
    keterangan: bool = True
    mutu_first: bool = False  # Mutu Baku columns left of the executor columns
    rows_per_page: int = 8
    repeat_header: bool = True
    connectors: str = "band"  # "band": a band of their own; "outside": beyond the table
    font: str = "Helvetica"
    open_heads: bool = False
    ellipse_ends: bool = False
    header_words: dict[str, str] = field(
        default_factory=lambda: {"no": "No", "kegiatan": "Kegiatan", "pelaksana": "Pelaksana"}
    )
    identity: Identity | None = field(default_factory=Identity)
    title: str = "SOP PENGELOLAAN SURAT MASUK"
    pictures: bool = False  # arrows pasted as pictures (their labels still printed as text)
    group_title: bool = True  # "Pelaksana" over the executor titles, else titles only
    column_numbers: bool = False  # a band "(1) (2) (3) ..." under the header
    symbol_text: bool = False  # "Mulai"/"Selesai" in the terminators, "OK?" in diamonds
    row_rules: bool = True  # a ruling between rows (else rows told apart by their numbers)
    rotated: bool = False  # landscape stored as a portrait page with /Rotate 90
    identity_above: bool = False  # the identity block above the table on its first page
    filled: bool = False  # symbols filled with a light colour
    vertical_titles: bool = False  # executor titles written upwards in a tall header
    filled_lines: bool = False  # rulings and arrows printed as thin filled rectangles
    row_height: float = 52.0


MARGIN = 36.0


class _Canvas:
    """A canvas with y growing downwards, as the importer reads pages."""

    def __init__(self, path, size, rotated=False):
        # rotated: a landscape page stored as a portrait one turned by /Rotate 90 (as some
        # printers-to-PDF do); everything is drawn in the landscape page's coordinates
        self.rotated = rotated
        # (ReportLab stores a page turned by 90 degrees with its sides swapped)
        self.c = canvas.Canvas(str(path), pagesize=size, invariant=1)
        self.w, self.h = size
        self._start()
        self.filled_lines = False  # lines printed as thin filled rectangles
        self.sw, self.gap = 50.0, 8.0  # symbol width, room beside it for an arrow's track
        self.sh, self.dh = 20.0, 30.0  # height of a box, of a diamond
        self.lanes = (0.0, 0.0)  # left and right edge of the executor columns

    def _start(self) -> None:
        if self.rotated:
            self.c.setPageRotation(90)
            self.c.transform(0, 1, -1, 0, self.h, 0)

    def next_page(self) -> None:
        self.c.showPage()
        self._start()

    def line(self, x0, y0, x1, y1, width=0.6):
        if self.filled_lines:
            self._bar(x0, y0, x1, y1, width)
            return
        self.c.setLineWidth(width)
        self.c.line(x0, self.h - y0, x1, self.h - y1)

    def _bar(self, x0, y0, x1, y1, width) -> None:
        """A line as a thin filled rectangle, as some producers print rulings and arrows."""
        h = width / 2
        dx, dy = x1 - x0, y1 - y0
        n = (dx * dx + dy * dy) ** 0.5 or 1.0
        ux, uy = dx / n * h, dy / n * h  # along the line, half the width long
        nx, ny = -uy, ux  # across it
        corners = [
            (x0 - ux + nx, y0 - uy + ny),
            (x1 + ux + nx, y1 + uy + ny),
            (x1 + ux - nx, y1 + uy - ny),
            (x0 - ux - nx, y0 - uy - ny),
        ]
        p = self.c.beginPath()
        p.moveTo(corners[0][0], self.h - corners[0][1])
        for x, y in corners[1:]:
            p.lineTo(x, self.h - y)
        p.close()
        self.c.drawPath(p, stroke=0, fill=1)

    def poly(self, pts, close=False, fill=False, width=0.9):
        if self.filled_lines and not close and not fill:
            for (x0, y0), (x1, y1) in zip(pts, pts[1:], strict=False):
                self._bar(x0, y0, x1, y1, width)
            return
        self.c.setLineWidth(width)
        p = self.c.beginPath()
        p.moveTo(pts[0][0], self.h - pts[0][1])
        for x, y in pts[1:]:
            p.lineTo(x, self.h - y)
        if close:
            p.close()
        self.c.drawPath(p, stroke=1, fill=1 if fill else 0)

    def text(self, x, y, s, font="Helvetica", size=7.0, centre=False):
        self.c.setFont(font, size)
        if centre:
            self.c.drawCentredString(x, self.h - y, s)
        else:
            self.c.drawString(x, self.h - y, s)


def _wrap(text: str, width: float, font: str, size: float) -> list[str]:
    out, cur = [], ""
    for word in text.split():
        cand = f"{cur} {word}".strip()
        if cur and stringWidth(cand, font, size) > width:
            out.append(cur)
            cur = word
        else:
            cur = cand
    return out + ([cur] if cur else [])


# ---------------------------------------------------------------------------------------
# identity page


def _identity(cv: _Canvas, ident: Identity, font: str, own_page: bool = True) -> float:
    """Draw the identity page (or block, ``own_page=False``); its bottom."""
    w = cv.w
    left, right, top = MARGIN, w - MARGIN, MARGIN + 10
    mid = left + 0.45 * (right - left)
    cv.text(left + 20, top + 30, "KEMENTERIAN CONTOH", font, 10)
    cv.text(left + 20, top + 44, "BIRO UMUM", font, 9)
    fields = [
        (ident.nomor_label, [ident.nomor]),
        (ident.tanggal_label, [ident.tanggal]),
        (ident.revisi_label, ["-"]),
        (ident.efektif_label, [ident.tanggal]),
        (
            ident.disahkan_label,
            [ident.pejabat[0], "", ident.pejabat[1], "NIP. " + ident.pejabat[2]],
        ),
        (ident.nama_label, _wrap(ident.nama, (right - mid) * 0.5, font, 8)),
    ]
    label_x, colon_x = mid + 4, mid + 92
    value_x = colon_x + 8 if ident.colon else colon_x
    y = top
    for label, values in fields:
        words = label.split(" ", 1)
        two = ident.two_line_labels and len(words) == 2 and len(values) == 1
        lines = max(len(values), 2 if two else 1)
        h = 12.0 * lines + 4
        cy0 = y + 11
        if two:
            cv.text(label_x, cy0, words[0], font, 8)
            cv.text(label_x, cy0 + 12, words[1], font, 8)
        else:
            # a label beside a value of several lines is centred on them
            cv.text(label_x, cy0 + 6 * (len(values) - 1), label, font, 8)
        if ident.colon:
            cv.text(colon_x, cy0 + (6 * (len(values) - 1) if not two else 0), ":", font, 8)
        for k, v in enumerate(values):
            if v:
                cv.text(value_x, cy0 + 12 * k, v, font, 8)
        y += h
        if ident.ruled:
            cv.line(mid, y, right, y)
    grid_bottom = y
    cv.line(left, top, right, top)
    cv.line(left, grid_bottom, right, grid_bottom)
    cv.line(left, top, left, grid_bottom)
    cv.line(right, top, right, grid_bottom)
    cv.line(mid, top, mid, grid_bottom)
    if ident.ruled:
        cv.line(colon_x - 4, top, colon_x - 4, grid_bottom)
    # the lists: two per band, left and right
    names = list(ident.lists)
    y = grid_bottom
    for k in range(0, len(names), 2):
        pair = names[k : k + 2]
        h = 16 + 11 * max(len(ident.lists[n]) for n in pair)
        for j, name in enumerate(pair):
            x = left + 4 if j == 0 else mid + 4
            cv.text(x, y + 11, name + ":", font + ("-Bold" if font == "Helvetica" else ""), 8)
            for i, item in enumerate(ident.lists[name]):
                cv.text(x + 4, y + 22 + 11 * i, f"{i + 1}. {item}", font, 8)
        cv.line(left, y + h, right, y + h)
        cv.line(left, y, left, y + h)
        cv.line(right, y, right, y + h)
        cv.line(mid, y, mid, y + h)
        y += h
    if own_page:
        cv.next_page()
    return y


# ---------------------------------------------------------------------------------------
# the flowchart table


@dataclass
class _Col:
    role: str  # no, kegiatan, executor, mutu, keterangan
    title: str
    x0: float = 0.0
    x1: float = 0.0

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2


def _columns(style: Style, width: float) -> list[_Col]:
    execs = [_Col("executor", t) for t in style.executors]
    mutu = [_Col("mutu", t) for t in style.mutu]
    cols = [_Col("no", style.header_words["no"]), _Col("kegiatan", style.header_words["kegiatan"])]
    cols += mutu + execs if style.mutu_first else execs + mutu
    if style.keterangan:
        cols.append(_Col("keterangan", "Keterangan"))
    weights = {"no": 0.4, "kegiatan": 2.6, "executor": 1.0, "mutu": 1.1, "keterangan": 1.0}
    total = sum(weights[c.role] for c in cols)
    x = MARGIN
    for c in cols:
        c.x0 = x
        x += weights[c.role] / total * width
        c.x1 = x
    return cols


def rows_per_page(style: Style) -> int:
    """The style's rows per page, as many as fit when it asks for more."""
    room = PAGES[style.page][1] - (MARGIN + 70) - 80 - 2 * 26 - 40
    if style.identity_above:
        room -= 260  # the identity block on the first page
    return max(1, min(style.rows_per_page, int(room // style.row_height)))


def draw(path, steps: list[Step], style: Style) -> None:
    """Draw the SOP; ``steps[i].to`` are row indices, a decision's (ya, tidak)."""
    draw_many(path, [(steps, style)])


def draw_many(path, sops: list[tuple[list[Step], Style]]) -> None:
    """Several SOPs one after the other in one file (a binder), each with its pages;
    the first one's page size and orientation for all."""
    first = sops[0][1]
    cv = _Canvas(path, PAGES[first.page], first.rotated)
    for steps, style in sops:
        _draw_sop(cv, steps, style)
    cv.c.save()


def _draw_sop(cv: _Canvas, steps: list[Step], style: Style) -> None:
    cv.filled_lines = style.filled_lines
    first_top = MARGIN + 40
    if style.identity is not None:
        bottom = _identity(cv, style.identity, style.font, own_page=not style.identity_above)
        if style.identity_above:
            first_top = bottom + 44
    cols = _columns(style, cv.w - 2 * MARGIN)
    execs = [c for c in cols if c.role == "executor"]
    lane = execs[0].x1 - execs[0].x0
    cv.sw = min(50.0, 0.6 * lane)  # symbol width
    cv.gap = min(8.0, 0.1 * lane)  # from a symbol to the track of an arrow beside it
    cv.sh, cv.dh = min(20.0, 0.6 * cv.sw), min(30.0, 0.9 * cv.sw)  # never taller than wide
    cv.lanes = (execs[0].x0, execs[-1].x1)
    per = rows_per_page(style)
    chunks = [list(range(i, min(i + per, len(steps)))) for i in range(0, len(steps), per)]
    page_of = {r: p for p, rows in enumerate(chunks) for r in rows}
    letters = iter("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    # arrows leaving a page: (row, target) -> letter; drawn on both pages
    cross = {
        (i, t): next(letters) for i, s in enumerate(steps) for t in s.to if page_of[t] != page_of[i]
    }
    for p, rows in enumerate(chunks):
        top = first_top if p == 0 else MARGIN + 40
        _page(cv, style, cols, execs, steps, rows, p, page_of, cross, top)
        cv.next_page()


def _page(cv, style, cols, execs, steps, rows, p, page_of, cross, top) -> None:
    font = style.font
    if p == 0:
        cv.text(MARGIN, top - 26, style.title, font + "-Bold" if font == "Helvetica" else font, 11)
    header = p == 0 or style.repeat_header
    if style.connectors == "outside" and p > 0 and not header:
        top += 30  # room above the table for the incoming connectors
    y = top
    left, right = cols[0].x0, cols[-1].x1
    if header:
        bold = font + "-Bold" if font == "Helvetica" else font
        lines = max(
            len(_wrap(c.title, c.x1 - c.x0 - 4, bold, 7)) for c in cols if c.role != "kegiatan"
        )
        h1, h2 = top + 16, top + 16 + max(18, 8 * lines + 6)
        if style.vertical_titles:
            h2 = top + 16 + 70
        _header(cv, style, cols, top, h1, h2)
        y = h2
        if style.column_numbers:
            for k, c in enumerate(cols):
                cv.text(c.cx, y + 9, f"({k + 1})", font, 6.5, centre=True)
            y += 12
            cv.line(cols[0].x0, y, cols[-1].x1, y)
    ins = [(i, t) for (i, t) in cross if t in rows]
    outs = [(i, t) for (i, t) in cross if i in rows]
    band_in = style.connectors == "band" and bool(ins)
    band_out = style.connectors == "band" and bool(outs)
    bands: list[tuple[float, float, int | None]] = []
    if band_in:
        bands.append((y, y + 26, None))
        y += 26
    for r in rows:
        bands.append((y, y + style.row_height, r))
        y += style.row_height
    if band_out:
        bands.append((y, y + 26, None))
        y += 26
    bottom = y
    h1 = top + 16
    # rulings: the frame, the column lines down to the bottom, the row lines
    cv.line(left, top, right, top)
    cv.line(left, bottom, right, bottom)
    for k, c in enumerate(cols):
        # inside a header group (Pelaksana, Mutu Baku) a column line starts under its title
        grouped = ("executor", "mutu") if style.group_title else ("mutu",)
        inner = header and k > 0 and c.role in grouped and cols[k - 1].role == c.role
        cv.line(c.x0, h1 if inner else top, c.x0, bottom)
    cv.line(right, top, right, bottom)
    for y0, _y1, r in bands[1:]:
        if style.row_rules or r is None or bands[0][2] is None and y0 == bands[1][0]:
            cv.line(left, y0, right, y0)
    if header:
        cv.line(left, h2, right, h2)
    # texts of the rows
    size = 7.0
    centre: dict[int, tuple[float, float]] = {}
    for y0, y1, r in bands:
        if r is None:
            continue
        s = steps[r]
        for c in cols:
            text = {
                "no": s.nomor,
                "kegiatan": s.uraian,
                "keterangan": s.keterangan,
            }.get(c.role)
            if c.role == "mutu":
                text = {"kelengkapan": s.kelengkapan, "waktu": s.waktu, "output": s.output}[
                    _mutu_key(c.title)
                ]
            if not text:
                continue
            for k, line in enumerate(_wrap(text, c.x1 - c.x0 - 6, font, size)):
                cv.text(c.x0 + 3, y0 + 10 + 9 * k, line, font, size)
        col = execs[s.col]
        centre[r] = (col.cx, (y0 + y1) / 2)
        _symbol(cv, s.kind, col.cx, (y0 + y1) / 2, style)
        if style.symbol_text:
            word = {"terminator": "Mulai" if r == 0 else "Selesai", "decision": "OK?"}
            if s.kind in word:
                cv.text(col.cx, (y0 + y1) / 2 + 2, word[s.kind], font, 5.5, centre=True)
    # arrows within the page, then through connectors
    for r in rows:
        s = steps[r]
        for k, t in enumerate(s.to):
            label = None
            if s.kind == "decision":
                label = "Ya" if k == 0 else "Tidak"
            if t in centre and style.pictures:
                _picture(cv, s, centre[r], centre[t], label, style)
            elif t in centre:
                _arrow(cv, s, steps[t], centre[r], centre[t], r, t, label, execs, style)
    for n, (i, t) in enumerate(sorted(outs)):
        letter = cross[(i, t)]
        cx = execs[steps[i].col].cx + 14 * n
        cy = bands[-1][0] + 13 if band_out else bottom + 16
        _connector(cv, cx, cy, letter, style)
        sx, sy = centre[i]
        h = (cv.dh if steps[i].kind == "decision" else cv.sh) / 2
        label = (
            ("Ya" if steps[i].to.index(t) == 0 else "Tidak")
            if steps[i].kind == "decision"
            else None
        )
        if abs(cx - sx) < 1:
            _line_to(cv, [(sx, sy + h), (cx, cy - 7)], style)
        else:
            side = sx + (cv.sw / 2 if cx > sx else -cv.sw / 2)
            if steps[i].kind == "decision":
                _line_to(cv, [(side, sy), (cx, sy), (cx, cy - 7)], style)
            else:
                _line_to(
                    cv, [(sx, sy + h), (sx, sy + h + 8), (cx, sy + h + 8), (cx, cy - 7)], style
                )
        if label:
            cv.text(
                sx + 6 if abs(cx - sx) < 1 else (sx + cx) / 2,
                sy + h + 9 if abs(cx - sx) < 1 else sy - 3,
                label,
                font,
                6,
            )
    for n, (i, t) in enumerate(sorted(ins)):
        letter = cross[(i, t)]
        tx, ty = centre[t]
        cx = tx + 14 * n
        cy = bands[0][0] + 13 if band_in else top - 16
        _connector(cv, cx, cy, letter, style)
        h = (cv.dh if steps[t].kind == "decision" else cv.sh) / 2
        if abs(cx - tx) < 1:
            _line_to(cv, [(cx, cy + 7), (tx, ty - h)], style)
        else:
            _line_to(cv, [(cx, cy + 7), (cx, ty), (tx + cv.sw / 2, ty)], style)
    cv.text(right - 60, cv.h - 20, f"Halaman {p + 1}", font, 7)


def _mutu_key(title: str) -> str:
    t = title.lower()
    if t.startswith(("kelengkapan", "persyaratan", "input")):
        return "kelengkapan"
    if t.startswith("waktu"):
        return "waktu"
    return "output"


def _header(cv, style, cols, top, h1, h2) -> None:
    font = style.font + "-Bold" if style.font == "Helvetica" else style.font
    groups = [("executor", style.header_words["pelaksana"]), ("mutu", "Mutu Baku")]
    for role, title in groups:
        members = [c for c in cols if c.role == role]
        x0, x1 = members[0].x0, members[-1].x1
        if role == "executor" and not style.group_title:
            for c in members:  # titles over both header rows
                lines = _wrap(c.title, c.x1 - c.x0 - 4, font, 7)
                for k, line in enumerate(lines):
                    y = (top + h2) / 2 + 3 - 4 * (len(lines) - 1) + 8 * k
                    cv.text(c.cx, y, line, font, 7, centre=True)
            continue
        cv.text((x0 + x1) / 2, h1 - 5, title, font, 7.5, centre=True)
        cv.line(x0, h1, x1, h1)
        for c in members:
            if role == "executor" and style.vertical_titles:
                _vertical(cv, c, h1, h2, font)
                continue
            for k, line in enumerate(_wrap(c.title, c.x1 - c.x0 - 4, font, 7)):
                cv.text(c.cx, h1 + 8 + 8 * k, line, font, 7, centre=True)
    for c in cols:
        if c.role in ("no", "kegiatan", "keterangan"):
            cv.text(c.cx, (top + h2) / 2 + 3, c.title, font, 7.5, centre=True)


def _vertical(cv, c, h1, h2, font) -> None:
    """An executor title written upwards (Word's text direction), lines side by side."""
    lines = _wrap(c.title, h2 - h1 - 6, font, 7)
    for k, line in enumerate(lines):
        x = c.cx + 3 - 4 * (len(lines) - 1) + 8 * k
        cv.c.saveState()
        cv.c.translate(x, cv.h - (h2 - 3))
        cv.c.rotate(90)
        cv.c.setFont(font, 7)
        cv.c.drawString(0, 0, line)
        cv.c.restoreState()


def _symbol(cv, kind, cx, cy, style) -> None:
    w, h = cv.sw, cv.sh
    fill = 1 if style.filled else 0
    if fill:  # a light colour under the outline, as e-SOP applications print them
        cv.c.setFillColorRGB(0.85, 0.92, 1.0)
    cv.c.setLineWidth(0.9)
    if kind == "decision":
        d = cv.dh / 2
        cv.poly(
            [(cx, cy - d), (cx + w / 2, cy), (cx, cy + d), (cx - w / 2, cy)],
            close=True,
            fill=bool(fill),
        )
    elif kind == "terminator" and style.ellipse_ends:
        cv.c.ellipse(
            cx - w / 2, cv.h - (cy + h / 2), cx + w / 2, cv.h - (cy - h / 2), stroke=1, fill=fill
        )
    elif kind == "terminator":
        cv.c.roundRect(cx - w / 2, cv.h - (cy + h / 2), w, h, h / 2, stroke=1, fill=fill)
    else:
        cv.c.rect(cx - w / 2, cv.h - (cy + h / 2), w, h, stroke=1, fill=fill)
    cv.c.setFillColorRGB(0, 0, 0)


def _connector(cv, cx, cy, letter, style) -> None:
    w, h = 12.0, 14.0
    cv.poly(
        [
            (cx - w / 2, cy - h / 2),
            (cx + w / 2, cy - h / 2),
            (cx + w / 2, cy + 2),
            (cx, cy + h / 2),
            (cx - w / 2, cy + 2),
        ],
        close=True,
    )
    cv.text(cx, cy + 1, letter, style.font, 6, centre=True)


def _line_to(cv, pts, style) -> None:
    cv.poly(pts, width=0.8)
    (ax, ay), (bx, by) = pts[-2], pts[-1]
    dx, dy = bx - ax, by - ay
    n = (dx * dx + dy * dy) ** 0.5 or 1.0
    ux, uy = dx / n, dy / n
    base = (bx - ux * 5, by - uy * 5)
    left = (base[0] - uy * 2.5, base[1] + ux * 2.5)
    rightp = (base[0] + uy * 2.5, base[1] - ux * 2.5)
    if style.open_heads and not style.filled_lines:  # (a filled outline has a filled head)
        cv.poly([left, (bx, by), rightp], width=0.8)
    else:
        cv.c.setFillColorRGB(0, 0, 0)
        cv.poly([(bx, by), left, rightp], close=True, fill=True, width=0.3)


def _arrow(cv, s, t, a, b, r, k, label, execs, style) -> None:
    """From the symbol at ``a`` (row r) to the one at ``b`` (row k)."""
    (ax, ay), (bx, by) = a, b
    ha = (cv.dh if s.kind == "decision" else cv.sh) / 2
    hb = (cv.dh if t.kind == "decision" else cv.sh) / 2
    font = style.font
    if k > r and (label != "Tidak" or k == r + 1):
        # down: straight, or down, across below the symbol, down into the target
        if abs(ax - bx) < 1:
            pts = [(ax, ay + ha), (bx, by - hb)]
        else:
            turn = ay + ha + 7
            pts = [(ax, ay + ha), (ax, turn), (bx, turn), (bx, by - hb)]
        _line_to(cv, pts, style)
        if label:
            cv.text(ax + 3, ay + ha + 6, label, font, 6)
        return
    # a side exit: back up (a loop) or a jump down past other rows, along a track beside
    # the symbols, into the target's side
    up = k < r
    track = (min(ax, bx) - cv.sw / 2 - cv.gap) if up else (max(ax, bx) + cv.sw / 2 + cv.gap)
    start = (ax - cv.sw / 2, ay) if up else (ax + cv.sw / 2, ay)
    if s.kind != "decision":
        start = (ax, ay + ha)
        pts = [start, (ax, ay + ha + 6), (track, ay + ha + 6), (track, by)]
    else:
        pts = [start, (track, ay), (track, by)]
    end = (bx - cv.sw / 2, by) if up else (bx + cv.sw / 2, by)
    pts.append(end)
    _line_to(cv, pts, style)
    if label:
        # printed inside the executor columns, never over another column's text
        x = max(start[0] - 22, cv.lanes[0] + 1) if up else start[0] + 3
        cv.text(x, ay - 3, label, font, 6)


def _picture(cv, s, a, b, label, style) -> None:
    """An arrow pasted as a picture: a bitmap of a line between the two symbols."""
    import io

    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    (ax, ay), (bx, by) = a, b
    x0, x1 = min(ax, bx) - 4, max(ax, bx) + 4
    y0, y1 = min(ay, by) + cv.sh / 2, max(ay, by) - cv.sh / 2
    if y1 - y0 < 4:
        y0, y1 = min(ay, by) - 4, max(ay, by) + 4
    img = Image.new("RGBA", (max(int(x1 - x0), 2) * 2, max(int(y1 - y0), 2) * 2), (0, 0, 0, 0))
    ImageDraw.Draw(img).line([(0, 0), img.size], fill=(0, 0, 0, 255), width=2)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    buf.seek(0)
    cv.c.drawImage(ImageReader(buf), x0, cv.h - y1, x1 - x0, y1 - y0, mask="auto")
    if label:
        h = (cv.dh if s.kind == "decision" else cv.sh) / 2
        if label == "Tidak":
            cv.text(max(ax - cv.sw / 2 - 22, cv.lanes[0] + 1), ay - 3, label, style.font, 6)
        else:
            cv.text(ax + 3, ay + h + 6, label, style.font, 6)
