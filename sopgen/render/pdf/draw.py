"""Draw one ``geometry.Page`` on a ReportLab canvas, exactly as the layout decided.

Geometry is in points with a top-left origin and y growing down; ReportLab's origin is
bottom-left, so every y becomes ``page.height - y``. Nothing here decides a position:
the only constants are drawing attributes (line widths, grey, arrowhead size from the
style, the off-page letter size).
"""

from __future__ import annotations

import math

from reportlab.pdfgen.canvas import Canvas

from sopgen.layout.geometry import Arrow, OffPage, Page, Symbol, offpage_letter, pentagon
from sopgen.layout.style import Style
from sopgen.render.fonts import BOLD, font_name, measure

CELL_LINE = 0.5
HEADER_GREY = 0.85
SYMBOL_LINE = 1.0


def draw_page(c: Canvas, page: Page, style: Style) -> None:
    """Draw cells, texts, symbols, arrows and off-page connectors of ``page``."""
    H = page.height
    c.saveState()
    c.setLineJoin(0)

    # Cells: grey fills first, then all strokes, in two paths (fast and crisp).
    fills = [cell.box for cell in page.cells if cell.fill]
    if fills:
        c.setFillGray(HEADER_GREY)
        p = c.beginPath()
        for b in fills:
            p.rect(b.x, H - b.bottom, b.w, b.h)
        c.drawPath(p, stroke=0, fill=1)
    if page.cells:
        c.setLineWidth(CELL_LINE)
        c.setStrokeGray(0)
        p = c.beginPath()
        for cell in page.cells:
            b = cell.box
            p.rect(b.x, H - b.bottom, b.w, b.h)
        c.drawPath(p, stroke=1, fill=0)

    c.setFillGray(0)
    _draw_texts(c, page, H)

    # Symbols are filled white so that lane borders do not show through a symbol that
    # spans several lanes (a meeting); arrows come after them, on top.
    c.setLineWidth(SYMBOL_LINE)
    c.setStrokeGray(0)
    c.setFillGray(1)
    for sym in page.symbols:
        _draw_symbol(c, sym, H)
    _draw_symbol_texts(c, page, H)
    for conn in page.offpage:
        _draw_offpage_shape(c, conn, H)
    c.setFillGray(0)
    for arrow in page.arrows:
        _draw_arrow(c, arrow, H, style)
    for conn in page.offpage:
        _draw_offpage_label(c, conn, H)
    c.restoreState()


def _draw_texts(c: Canvas, page: Page, H: float) -> None:
    if not page.texts:
        return
    t = c.beginText()
    current = None
    for item in page.texts:
        name = font_name(item.font)
        if current != (name, item.size):
            t.setFont(name, item.size)
            current = (name, item.size)
        x = item.x
        if item.anchor == "middle":
            x -= measure(item.text, item.font, item.size) / 2
        t.setTextOrigin(x, H - item.y)
        t.textOut(item.text)
    c.drawText(t)


def _draw_symbol_texts(c: Canvas, page: Page, H: float) -> None:
    """The short texts inside symbols (Symbol.lines), then the plain lines joining the
    parts of a joint symbol over lanes that are not neighbours."""
    c.setFillGray(0)
    for sym in page.symbols:
        for item in sym.lines:
            c.setFont(font_name(item.font), item.size)
            c.drawCentredString(item.x, H - item.y, item.text)
        if sym.link is not None:
            (x0, y0), (x1, y1) = sym.link
            c.line(x0, H - y0, x1, H - y1)
    c.setFillGray(1)


def _draw_symbol(c: Canvas, sym: Symbol, H: float) -> None:
    b = sym.box
    y = H - b.bottom
    if sym.kind == "terminator":
        r = min(b.h, b.w) / 2
        c.roundRect(b.x, y, b.w, b.h, r, stroke=1, fill=1)
    elif sym.kind == "decision":
        p = c.beginPath()
        p.moveTo(b.cx, H - b.y)
        p.lineTo(b.right, H - b.cy)
        p.lineTo(b.cx, H - b.bottom)
        p.lineTo(b.x, H - b.cy)
        p.close()
        c.drawPath(p, stroke=1, fill=1)
    else:  # process
        c.rect(b.x, y, b.w, b.h, stroke=1, fill=1)


def _draw_arrow(c: Canvas, arrow: Arrow, H: float, style: Style) -> None:
    pts = [(x, H - y) for x, y in arrow.points]
    if len(pts) < 2:
        return
    head = style.arrowhead
    line, tip = _cut(pts, head if arrow.head else 0.0)
    heads = [tip] if arrow.head else []
    if arrow.both:  # a two-way arrow: a head at its first point too
        back, tip = _cut(line[::-1], head)
        line = back[::-1]
        heads.append(tip)
    p = c.beginPath()
    p.moveTo(*line[0])
    for pt in line[1:]:
        p.lineTo(*pt)
    c.drawPath(p, stroke=1, fill=0)

    for (x1, y1), (ux, uy) in heads:
        half = head * 0.45
        bx, by = x1 - ux * head, y1 - uy * head
        p = c.beginPath()
        p.moveTo(x1, y1)
        p.lineTo(bx - uy * half, by + ux * half)
        p.lineTo(bx + uy * half, by - ux * half)
        p.close()
        c.drawPath(p, stroke=0, fill=1)

    if arrow.label and arrow.label_at:
        lx, ly = arrow.label_at
        c.setFont(font_name("regular"), style.label_size)
        c.drawString(lx, H - ly, arrow.label)


def _cut(pts, head: float):
    """The polyline stopped at the base of an arrowhead at its last point (so the line
    does not poke out of the tip), and that head's tip and direction."""
    (x0, y0), (x1, y1) = pts[-2], pts[-1]
    dx, dy = x1 - x0, y1 - y0
    length = math.hypot(dx, dy)
    ux, uy = (dx / length, dy / length) if length > 0 else (0.0, -1.0)
    cut = min(head * 0.8, length)
    return pts[:-1] + [(x1 - ux * cut, y1 - uy * cut)], ((x1, y1), (ux, uy))


def _draw_offpage_shape(c: Canvas, conn: OffPage, H: float) -> None:
    points = pentagon(conn.box, conn.back)
    p = c.beginPath()
    p.moveTo(points[0][0], H - points[0][1])
    for x, y in points[1:]:
        p.lineTo(x, H - y)
    p.close()
    c.drawPath(p, stroke=1, fill=1)


def _draw_offpage_label(c: Canvas, conn: OffPage, H: float) -> None:
    size, (x, y) = offpage_letter(conn)
    c.setFont(BOLD, size)
    c.drawCentredString(x, H - y, conn.label)
