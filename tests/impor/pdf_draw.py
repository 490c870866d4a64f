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
cells, a Nama SOP running over its cell, a signer without NIP; a footer on every page (an
e-signature stamp). A test reads the PDF back and compares it with the description.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pdf_draw_parts import (
    MARGIN,
    Canvas,
    arrow,
    connector,
    footer,
    identity_page,
    line_to,
    picture,
    symbol,
    vertical,
    wrap,
)
from reportlab.lib.pagesizes import A4, landscape, letter

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
    # its arrow (down, to another column) ends with an arrowhead on the line of an arrow
    # from a row above into the same target, its shaft stopping at the head's base: a join
    # drawn with a head of its own
    join_head: bool = False
    two_way: bool = False  # its arrow (down) has a head at each end: there and back
    # a box left behind in this executor column of its row, then hidden under the cell
    # filled white over it (nothing of it is seen)
    hidden: int | None = None
    start_gap: float = 0.0  # its arrow (straight down) starts this far under its symbol


@dataclass(frozen=True)
class Identity:
    nomor_label: str = "Nomor SOP"
    tanggal_label: str = "Tanggal Pembuatan"
    revisi_label: str = "Tanggal Revisi"
    efektif_label: str = "Tanggal Efektif"
    disahkan_label: str = "Disahkan oleh"
    nama_label: str = "Nama SOP"
    instansi: tuple[str, ...] = ("KEMENTERIAN CONTOH", "BIRO UMUM")  # the block under the logo
    overflow: bool = False  # the Nama SOP's last line printed over the ruling, beside a heading
    rows: tuple[str, ...] = ()  # rows across the table under the lists ("Maksud dan tujuan: ...")
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
    )  # jabatan, nama, NIP ("" when the signer's NIP is not printed)
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
    keterangan_title: str = "Keterangan"  # "" for a Keterangan column printed without a title
    footer: tuple[str, ...] = ()  # lines printed on every page (page furniture)
    footer_gap: float | None = None  # None: at the foot of the page; else that far under the table
    arrows: str = "path"  # one stroked path; "segments": a path per stretch; "outline": filled
    shape_ctm: bool = False  # each symbol in its own scaled, slightly turned frame (as Word)
    labels: str = "near"  # Ya/Tidak by the exit; "far": by the arrowhead; "none": not printed
    boxed_labels: bool = False  # Ya/Tidak in text boxes whose border was left on (Word)
    connector_text: str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # off-page marks (space-separated: words)
    # Mutu Baku cells merged over rows, as (column title, first row, last row): no ruling
    # across that column between those rows, the first row's text in the cell's middle
    merged: tuple[tuple[str, int, int], ...] = ()


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
        cols.append(_Col("keterangan", style.keterangan_title))
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
    cv = Canvas(path, PAGES[first.page], first.rotated)
    for steps, style in sops:
        _draw_sop(cv, steps, style)
    cv.c.save()


def _draw_sop(cv: Canvas, steps: list[Step], style: Style) -> None:
    cv.filled_lines, cv.boxed = style.filled_lines, style.boxed_labels
    first_top = MARGIN + 40
    if style.identity is not None:
        own = not style.identity_above
        bottom = identity_page(
            cv, style.identity, style.font, own_page=own, footer_lines=style.footer
        )
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
    text = style.connector_text
    letters = iter(text.split() if " " in text else text)
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
            len(wrap(c.title, c.x1 - c.x0 - 4, bold, 7)) for c in cols if c.role != "kegiatan"
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
            x = left
            for c in cols:  # a merged cell: its column has no ruling here
                if any(c.title == t and a < (r or 0) <= b for t, a, b in style.merged):
                    cv.line(x, y0, c.x0, y0)
                    x = c.x1
            cv.line(x, y0, right, y0)
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
            top_y = y0
            for t, a, b in style.merged:
                if c.title == t and a <= r <= b:  # printed once, in the merged cell's middle
                    last = next(y1_ for _, y1_, r_ in bands if r_ == b)
                    top_y = (y0 + last) / 2 - 7 if r == a else None  # centred: baseline 3 pt low
            if top_y is None:
                continue
            for k, line in enumerate(wrap(text, c.x1 - c.x0 - 6, font, size)):
                cv.text(c.x0 + 3, top_y + 10 + 9 * k, line, font, size)
        if s.hidden is not None:
            hid = execs[s.hidden]
            symbol(cv, "process", hid.cx, (y0 + y1) / 2, style)
            cv.c.setFillColorRGB(1, 1, 1)
            cv.c.rect(
                hid.x0 + 1, cv.h - (y1 - 1), hid.x1 - hid.x0 - 2, y1 - y0 - 2, stroke=0, fill=1
            )
            cv.c.setFillColorRGB(0, 0, 0)
        col = execs[s.col]
        centre[r] = (col.cx, (y0 + y1) / 2)
        symbol(cv, s.kind, col.cx, (y0 + y1) / 2, style)
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
                picture(cv, s, centre[r], centre[t], label, style)
            elif t in centre:
                arrow(cv, s, steps[t], centre[r], centre[t], r, t, label, execs, style)
    for n, (i, t) in enumerate(sorted(outs)):
        letter = cross[(i, t)]
        cx = execs[steps[i].col].cx + 14 * n
        cy = bands[-1][0] + 13 if band_out else bottom + 16
        connector(cv, cx, cy, letter, style)
        sx, sy = centre[i]
        h = (cv.dh if steps[i].kind == "decision" else cv.sh) / 2
        label = (
            ("Ya" if steps[i].to.index(t) == 0 else "Tidak")
            if steps[i].kind == "decision"
            else None
        )
        if abs(cx - sx) < 1:
            line_to(cv, [(sx, sy + h), (cx, cy - 7)], style)
        else:
            side = sx + (cv.sw / 2 if cx > sx else -cv.sw / 2)
            if steps[i].kind == "decision":
                line_to(cv, [(side, sy), (cx, sy), (cx, cy - 7)], style)
            else:
                line_to(cv, [(sx, sy + h), (sx, sy + h + 8), (cx, sy + h + 8), (cx, cy - 7)], style)
        if label and style.labels != "none":
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
        connector(cv, cx, cy, letter, style)
        h = (cv.dh if steps[t].kind == "decision" else cv.sh) / 2
        if abs(cx - tx) < 1:
            line_to(cv, [(cx, cy + 7), (tx, ty - h)], style)
        else:
            line_to(cv, [(cx, cy + 7), (cx, ty), (tx + cv.sw / 2, ty)], style)
    cv.text(right - 60, cv.h - 20, f"Halaman {p + 1}", font, 7)
    footer(cv, style.footer, font, None if style.footer_gap is None else bottom + style.footer_gap)


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
                lines = wrap(c.title, c.x1 - c.x0 - 4, font, 7)
                for k, line in enumerate(lines):
                    y = (top + h2) / 2 + 3 - 4 * (len(lines) - 1) + 8 * k
                    cv.text(c.cx, y, line, font, 7, centre=True)
            continue
        cv.text((x0 + x1) / 2, h1 - 5, title, font, 7.5, centre=True)
        cv.line(x0, h1, x1, h1)
        for c in members:
            if role == "executor" and style.vertical_titles:
                vertical(cv, c, h1, h2, font)
                continue
            for k, line in enumerate(wrap(c.title, c.x1 - c.x0 - 4, font, 7)):
                cv.text(c.cx, h1 + 8 + 8 * k, line, font, 7, centre=True)
    for c in cols:
        if c.role in ("no", "kegiatan", "keterangan"):
            cv.text(c.cx, (top + h2) / 2 + 3, c.title, font, 7.5, centre=True)
