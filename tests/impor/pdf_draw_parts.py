"""Drawing primitives for pdf_draw: a canvas with y growing downwards, wrapped text, the
identity page, symbols, off-page connectors, arrows (drawn, or pasted as pictures)."""

from __future__ import annotations

from dataclasses import replace

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

MARGIN = 36.0


class Canvas:
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
        self.boxed = False  # a border round every Ya/Tidak
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
        if self.boxed and s in ("Ya", "Tidak"):
            w = stringWidth(s, font, size)
            self.c.setLineWidth(0.5)
            left = x - w / 2 if centre else x
            self.c.rect(left - 1.5, self.h - (y + 2), w + 3, size + 2.5, stroke=1, fill=0)
        self.c.setFont(font, size)
        if centre:
            self.c.drawCentredString(x, self.h - y, s)
        else:
            self.c.drawString(x, self.h - y, s)


def wrap(text: str, width: float, font: str, size: float) -> list[str]:
    """Lines of ``text`` no wider than ``width``; a line break in it starts a new line."""
    if "\n" in text:
        return [line for part in text.split("\n") for line in wrap(part, width, font, size)]
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


def footer(cv: Canvas, lines, font: str, top: float | None = None) -> None:
    """Lines in small print at the foot of the page, or from ``top`` down (an e-signature
    stamp)."""
    y = cv.h - 26 if top is None else top
    for k, line in enumerate(lines):
        cv.text(MARGIN + 30, y + 7 * k, line, font, 6)


def identity_page(cv: Canvas, ident, font: str, own_page: bool = True, footer_lines=()) -> float:
    """Draw the identity page (or block, ``own_page=False``) of a pdf_draw.Identity; its
    bottom."""
    w = cv.w
    left, right, top = MARGIN, w - MARGIN, MARGIN + 10
    mid = left + 0.45 * (right - left)
    for k, line in enumerate(ident.instansi):
        cv.text(left + 20, top + 30 + 14 * k, line, font, 10 if k == 0 else 9)
    signer = [ident.pejabat[0], "", ident.pejabat[1]]
    if ident.pejabat[2]:
        signer.append("NIP. " + ident.pejabat[2])
    nama = wrap(ident.nama, (right - mid) * 0.5, font, 8)
    over = nama.pop() if ident.overflow and len(nama) > 1 else None
    fields = [
        (ident.nomor_label, [ident.nomor]),
        (ident.tanggal_label, [ident.tanggal]),
        (ident.revisi_label, ["-"]),
        (ident.efektif_label, [ident.tanggal]),
        (ident.disahkan_label, signer),
        (ident.nama_label, nama),
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
    if over:  # in the row of the first list headings, as a cramped cell prints it
        cv.text(value_x, grid_bottom + 10, over, font, 8)  # a point above the heading
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
        # an item with a line break is printed over two lines, the second under its text
        h = 16 + 11 * max(sum(1 + i.count("\n") for i in ident.lists[n]) for n in pair)
        for j, name in enumerate(pair):
            x = left + 4 if j == 0 else mid + 4
            cv.text(x, y + 11, name + ":", font + ("-Bold" if font == "Helvetica" else ""), 8)
            k = 0
            for i, item in enumerate(ident.lists[name]):
                for n, line in enumerate(item.split("\n")):
                    shown, dx = (f"{i + 1}. {line}", 4) if n == 0 else (line, 14)
                    cv.text(x + dx, y + 22 + 11 * k, shown, font, 8)
                    k += 1
        cv.line(left, y + h, right, y + h)
        cv.line(left, y, left, y + h)
        cv.line(right, y, right, y + h)
        cv.line(mid, y, mid, y + h)
        y += h
    for row in ident.rows:
        cv.text(left + 20, y + 12, row, font, 8)
        cv.line(left, y + 18, right, y + 18)
        cv.line(left, y, left, y + 18)
        cv.line(right, y, right, y + 18)
        y += 18
    if own_page:
        footer(cv, footer_lines, font)
        cv.next_page()
    return y


# ---------------------------------------------------------------------------------------
# the flowchart table


def vertical(cv, c, h1, h2, font) -> None:
    """An executor title written upwards (Word's text direction), lines side by side."""
    lines = wrap(c.title, h2 - h1 - 6, font, 7)
    for k, line in enumerate(lines):
        x = c.cx + 3 - 4 * (len(lines) - 1) + 8 * k
        cv.c.saveState()
        cv.c.translate(x, cv.h - (h2 - 3))
        cv.c.rotate(90)
        cv.c.setFont(font, 7)
        cv.c.drawString(0, 0, line)
        cv.c.restoreState()


def symbol(cv, kind, cx, cy, style) -> None:
    if style.shape_ctm:
        # drawn at twice the size in a frame scaled by half and turned a little about its
        # centre: the coordinates in the file are not the page's
        c, saved = cv.c, (cv.sw, cv.sh, cv.dh)
        c.saveState()
        c.translate(cx, cv.h - cy)
        c.rotate(0.4)
        c.scale(0.5, 0.5)
        c.translate(-cx, -(cv.h - cy))
        cv.sw, cv.sh, cv.dh = (2 * v for v in saved)
        symbol(cv, kind, cx, cy, replace(style, shape_ctm=False))
        cv.sw, cv.sh, cv.dh = saved
        c.restoreState()
        return
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


def connector(cv, cx, cy, letter, style) -> None:
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


def line_to(cv, pts, style, to_base=False) -> None:
    """A line through ``pts`` with an arrowhead at the last; ``to_base``: the line stops at
    the head's base (else it runs on to the tip)."""
    (ax, ay), (bx, by) = pts[-2], pts[-1]
    n = ((bx - ax) ** 2 + (by - ay) ** 2) ** 0.5 or 1.0
    base = (bx - (bx - ax) / n * 5, by - (by - ay) / n * 5)
    if style.arrows == "outline" and not to_base and n >= 7:
        _outline(cv, pts)
        return
    line = pts[:-1] + [base] if to_base else pts
    if style.arrows == "outline":  # a last stretch shorter than the head: head apart
        for a, b in zip(line, line[1:], strict=False):
            cv._bar(*a, *b, 0.8)
        head(cv, pts[-2], pts[-1], style)
        return
    if style.arrows == "segments":  # as drawn line by line, or an elbow exported in pieces
        for a, b in zip(line, line[1:], strict=False):
            cv.poly([a, b], width=0.8)
    else:
        cv.poly(line, width=0.8)
    head(cv, pts[-2], pts[-1], style)


def _outline(cv, pts, half=0.4) -> None:
    """The whole arrow, shaft and head, as one filled closed outline."""
    (ax, ay), (bx, by) = pts[-2], pts[-1]
    n = ((bx - ax) ** 2 + (by - ay) ** 2) ** 0.5 or 1.0
    ux, uy = (bx - ax) / n, (by - ay) / n
    base = (bx - ux * 5, by - uy * 5)
    line = pts[:-1] + [base]
    left, right = [], []
    for k, (x, y) in enumerate(line):
        nx = ny = 0.0
        near = [(line[k - 1], (x, y))] if k else []
        near += [((x, y), line[k + 1])] if k + 1 < len(line) else []
        for a, b in near:
            m = ((b[0] - a[0]) ** 2 + (b[1] - a[1]) ** 2) ** 0.5 or 1.0
            nx, ny = nx - (b[1] - a[1]) / m * half, ny + (b[0] - a[0]) / m * half
        left.append((x + nx, y + ny))
        right.append((x - nx, y - ny))
    wing = ((-uy * 2.5, ux * 2.5), (uy * 2.5, -ux * 2.5))
    outline = left + [(base[0] + wing[0][0], base[1] + wing[0][1]), (bx, by)]
    outline += [(base[0] + wing[1][0], base[1] + wing[1][1])] + right[::-1]
    cv.c.setFillColorRGB(0, 0, 0)
    p = cv.c.beginPath()
    p.moveTo(outline[0][0], cv.h - outline[0][1])
    for x, y in outline[1:]:
        p.lineTo(x, cv.h - y)
    p.close()
    cv.c.drawPath(p, stroke=0, fill=1)


def head(cv, a, b, style) -> None:
    """An arrowhead at ``b`` pointing away from ``a``."""
    (ax, ay), (bx, by) = a, b
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


def arrow(cv, s, t, a, b, r, k, label, execs, style) -> None:
    """From the symbol at ``a`` (row r) to the one at ``b`` (row k)."""
    (ax, ay), (bx, by) = a, b
    ha = (cv.dh if s.kind == "decision" else cv.sh) / 2
    hb = (cv.dh if t.kind == "decision" else cv.sh) / 2
    font = style.font
    if k > r and (label != "Tidak" or k == r + 1):
        # down: straight, or down, across below the symbol, down into the target
        if abs(ax - bx) < 1:
            pts = [(ax, ay + ha + s.start_gap), (bx, by - hb)]
        else:
            turn = ay + ha + 7
            pts = [(ax, ay + ha), (ax, turn), (bx, turn), (bx, by - hb)]
            if s.join_head:  # onto the line of an arrow from above into the same target
                line_to(cv, pts[:3], style, to_base=True)
                return
        line_to(cv, pts, style)
        if s.two_way:
            head(cv, pts[1], pts[0], style)
        if label and style.labels == "far":  # beside the arrowhead, by the next symbol
            cv.text(bx + 3, by - hb - 3, label, font, 6)
        elif label and style.labels == "near":
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
    line_to(cv, pts, style)
    if label and style.labels != "none":
        # printed inside the executor columns, never over another column's text; "far":
        # beside the track halfway to the target
        x = max(start[0] - 22, cv.lanes[0] + 1) if up else start[0] + 3
        if style.labels == "far":
            x = max(track - 22, cv.lanes[0] + 1) if up else track + 3
        cv.text(x, ay - 3 if style.labels == "near" else (ay + by) / 2, label, font, 6)


def picture(cv, s, a, b, label, style) -> None:
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
