"""SVG backend: draws a flowchart page of the layout geometry, and small time charts.

The flowchart SVG draws exactly what ``geometry.Page`` says, in the same units (points,
top-left origin, y down), so it matches the PDF page: cells, texts, one symbol per step,
arrows with arrowheads and Ya/Tidak labels, off-page pentagons. It decides no layout; the
only thing it chooses is the view box, cropped to the drawn content.

Every text goes through ``esc`` (XML escaping of a cleaned string): data never becomes
markup here.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape as _xml_escape

from sopgen.layout import geometry as g
from sopgen.layout.style import Style
from sopgen.render.markup import clean_text

FONT_FAMILY = "'Liberation Sans', Arial, Helvetica, sans-serif"
# Drawing attributes shared with render/pdf/draw.py (the PDF): same look, same geometry.
INK = "#000"
HEADER_FILL = "#d9d9d9"  # grey 0.85
SYMBOL_FILL = "#fff"
CELL_LINE = 0.5
SYMBOL_LINE = 1.0

_DEFAULT_STYLE = Style()


def esc(text: object) -> str:
    """Text safe inside an SVG/XML element or a double-quoted attribute."""
    return _xml_escape(clean_text(str(text)), {'"': "&quot;", "'": "&#39;"})


def num(value: float) -> str:
    """A coordinate: at most 2 decimals, no trailing zeros ('12', '12.5', '-3.25')."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _points(points: Sequence[g.Point]) -> str:
    return " ".join(f"{num(x)},{num(y)}" for x, y in points)


def _font_attrs(font: g.FontName) -> str:
    if font == "bold":
        return ' font-weight="bold"'
    if font == "italic":
        return ' font-style="italic"'
    return ""


def _content_box(page: g.Page, pad: float) -> tuple[float, float, float, float]:
    """The view box: everything drawn (table, texts, connectors, arrows) plus ``pad``."""
    xs = [page.table.x, page.table.right]
    ys = [page.table.y, page.table.bottom]
    for t in page.texts:
        ys += [t.y - t.size, t.y + t.size * 0.25]
        xs.append(t.x)
    for o in page.offpage:
        xs += [o.box.x, o.box.right]
        ys += [o.box.y, o.box.bottom]
    for a in page.arrows:
        for x, y in a.points:
            xs.append(x)
            ys.append(y)
    x0, y0 = max(min(xs) - pad, 0.0), max(min(ys) - pad, 0.0)
    x1, y1 = min(max(xs) + pad, page.width), min(max(ys) + pad, page.height)
    return x0, y0, x1 - x0, y1 - y0


def _arrowhead(points: Sequence[g.Point], size: float) -> list[g.Point]:
    """A filled triangle whose tip is the last point, pointing along the last segment."""
    (x0, y0), (x1, y1) = points[-2], points[-1]
    dx, dy = x1 - x0, y1 - y0
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    bx, by = x1 - ux * size, y1 - uy * size
    half = size * 0.45
    return [(x1, y1), (bx - uy * half, by + ux * half), (bx + uy * half, by - ux * half)]


def _arrow_line_end(points: Sequence[g.Point], size: float) -> list[g.Point]:
    """The polyline stopped ``size`` before its end, so the line does not poke through
    the arrowhead's tip."""
    if len(points) < 2:
        return list(points)
    (x0, y0), (x1, y1) = points[-2], points[-1]
    length = math.hypot(x1 - x0, y1 - y0)
    if length == 0:
        return list(points)
    f = (length - min(size, length)) / length
    return [*points[:-1], (x0 + (x1 - x0) * f, y0 + (y1 - y0) * f)]


def diamond(box: g.Box) -> list[g.Point]:
    return [(box.cx, box.y), (box.right, box.cy), (box.cx, box.bottom), (box.x, box.cy)]


def _symbol(sym: g.Symbol, title: str | None, stroke: float) -> str:
    b = sym.box
    n = sym.step + 1
    common = (
        f'class="symbol symbol-{sym.kind}" data-step="{n}" '
        f'fill="{SYMBOL_FILL}" stroke="{INK}" stroke-width="{num(stroke)}"'
    )
    inner = f"<title>{esc(title)}</title>" if title else ""
    if sym.kind == "decision":
        return f'<polygon {common} points="{_points(diamond(b))}">{inner}</polygon>'
    rx = f' rx="{num(min(b.h, b.w) / 2)}"' if sym.kind == "terminator" else ""
    return (
        f'<rect {common} x="{num(b.x)}" y="{num(b.y)}" width="{num(b.w)}" '
        f'height="{num(b.h)}"{rx}>{inner}</rect>'
    )


def _symbol_extras(page: g.Page) -> list[str]:
    """Short texts inside symbols and the plain lines joining a split joint symbol."""
    out: list[str] = []
    links = [sym.link for sym in page.symbols if sym.link is not None]
    if links:
        out.append(f'<g class="symbol-links" stroke="{INK}" stroke-width="{num(SYMBOL_LINE)}">')
        for (x0, y0), (x1, y1) in links:
            out.append(f'<line x1="{num(x0)}" y1="{num(y0)}" x2="{num(x1)}" y2="{num(y1)}"/>')
        out.append("</g>")
    texts = [t for sym in page.symbols for t in sym.lines]
    if texts:
        out.append(f'<g class="symbol-texts" fill="{INK}">')
        for t in texts:
            out.append(
                f'<text x="{num(t.x)}" y="{num(t.y)}" font-size="{num(t.size)}"'
                f'{_font_attrs(t.font)} text-anchor="middle">{esc(t.text)}</text>'
            )
        out.append("</g>")
    return out


def render_svg(
    page: g.Page,
    *,
    title: str | None = None,
    desc: str | None = None,
    step_titles: Mapping[int, str] | None = None,
    id_prefix: str = "flowchart",
    style: Style = _DEFAULT_STYLE,
) -> str:
    """One flowchart page as an inline ``<svg>`` element.

    ``step_titles`` maps a 0-based step index to a tooltip for its symbol. ``style``
    gives only stroke widths and the arrowhead size (the same values the PDF uses).
    """
    vx, vy, vw, vh = _content_box(page, pad=style.line_width * 2 + 2)
    title_id, desc_id = f"{id_prefix}-title", f"{id_prefix}-desc"
    labelled = []
    parts: list[str] = []
    if title:
        parts.append(f'<title id="{esc(title_id)}">{esc(title)}</title>')
        labelled.append(title_id)
    if desc:
        parts.append(f'<desc id="{esc(desc_id)}">{esc(desc)}</desc>')
    aria = f' aria-labelledby="{esc(" ".join(labelled))}"' if labelled else ""
    aria += f' aria-describedby="{esc(desc_id)}"' if desc else ""
    lw = num(SYMBOL_LINE)

    parts.append(f'<g class="cells" stroke="{INK}" stroke-width="{num(CELL_LINE)}">')
    for cell in page.cells:
        b = cell.box
        fill = HEADER_FILL if cell.fill else "none"
        role = f' data-role="{esc(cell.role)}"' if cell.role else ""
        parts.append(
            f'<rect x="{num(b.x)}" y="{num(b.y)}" width="{num(b.w)}" height="{num(b.h)}" '
            f'fill="{fill}"{role}/>'
        )
    parts.append("</g>")

    parts.append(f'<g class="texts" fill="{INK}">')
    for t in page.texts:
        anchor = ' text-anchor="middle"' if t.anchor == "middle" else ""
        parts.append(
            f'<text x="{num(t.x)}" y="{num(t.y)}" font-size="{num(t.size)}"'
            f"{_font_attrs(t.font)}{anchor}>{esc(t.text)}</text>"
        )
    parts.append("</g>")

    # Same order as the PDF (render/pdf/draw.py): white-filled symbols and off-page
    # pentagons, then the arrows over them, then the connectors' letters.
    parts.append('<g class="symbols">')
    for sym in page.symbols:
        tip = (step_titles or {}).get(sym.step)
        parts.append(_symbol(sym, tip, SYMBOL_LINE))
    parts.append("</g>")
    parts += _symbol_extras(page)

    if page.offpage:
        parts.append(
            f'<g class="offpage-connectors" fill="{SYMBOL_FILL}" stroke="{INK}" '
            f'stroke-width="{lw}">'
        )
        for o in page.offpage:
            parts.append(
                f'<polygon class="offpage offpage-{o.direction}{" offpage-back" * o.back}" '
                f'data-label="{esc(o.label)}" '
                f'data-step="{o.step + 1}" points="{_points(g.pentagon(o.box, o.back))}"/>'
            )
        parts.append("</g>")

    parts.append(f'<g class="arrows" stroke="{INK}" stroke-width="{lw}">')
    for a in page.arrows:
        if len(a.points) < 2:
            continue
        line = _arrow_line_end(a.points, style.arrowhead * 0.8) if a.head else list(a.points)
        if a.both:  # a two-way arrow: stopped before its first point's head too
            line = _arrow_line_end(line[::-1], style.arrowhead * 0.8)[::-1]
        d = "M" + " L".join(f"{num(x)} {num(y)}" for x, y in line)
        parts.append(
            f'<path class="arrow" d="{d}" fill="none" data-source="{esc(a.source)}" '
            f'data-target="{esc(a.target)}"/>'
        )
        ends = ([a.points] if a.head else []) + ([a.points[::-1]] if a.both else [])
        for pts in ends:  # an arrow joining another one into the same symbol has none
            parts.append(
                f'<polygon class="arrowhead" '
                f'points="{_points(_arrowhead(pts, style.arrowhead))}"'
                f' fill="{INK}" stroke="none"/>'
            )
        if a.label and a.label_at:
            lx, ly = a.label_at
            parts.append(
                f'<text class="arrow-label" x="{num(lx)}" y="{num(ly)}" '
                f'font-size="{num(style.label_size)}" fill="{INK}" stroke="none">'
                f"{esc(a.label)}</text>"
            )
    parts.append("</g>")

    if page.offpage:
        parts.append(f'<g class="offpage-labels" fill="{INK}" font-weight="bold">')
        for o in page.offpage:
            size, (x, y) = g.offpage_letter(o)  # as the PDF: centred in the square part
            parts.append(
                f'<text data-label="{esc(o.label)}" x="{num(x)}" '
                f'y="{num(y)}" text-anchor="middle" '
                f'font-size="{num(size)}">{esc(o.label)}</text>'
            )
        parts.append("</g>")

    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="flowchart" role="img"{aria} '
        f'viewBox="{num(vx)} {num(vy)} {num(vw)} {num(vh)}" '
        f'width="{num(vw)}" height="{num(vh)}" font-family="{FONT_FAMILY}">'
        + "".join(parts)
        + "</svg>"
    )


# ---------------------------------------------------------------------------------------
# The time chart: total Waktu and each executor's share, as horizontal bars.


@dataclass(frozen=True)
class Bar:
    label: str  # executor (jabatan)
    value: float  # minutes
    value_text: str  # "1 Jam 5 Menit (12%)"


def render_bar_chart(
    bars: Sequence[Bar],
    *,
    scale_max: float,
    title: str,
    desc: str,
    measure: Callable[[str, g.FontName, float], float],
    id_prefix: str = "chart",
    width: float = 440.0,
    font_size: float = 15.0,
) -> str:
    """One bar per executor, scaled to ``scale_max`` (the procedure total): the executor's
    name on the left and the value on the right above a full-width bar, so long names
    never squeeze the bars and the chart stays legible when scaled down on a phone.

    Geometry is computed here (text measured with the same ``measure`` as the PDF), so the
    template only inserts the string. ``title``/``desc`` are the text alternative.
    """
    bar_h = font_size * 0.9
    row_h = font_size * 2.9
    height = row_h * len(bars)
    title_id, desc_id = f"{id_prefix}-title", f"{id_prefix}-desc"
    parts = [
        f'<title id="{esc(title_id)}">{esc(title)}</title>',
        f'<desc id="{esc(desc_id)}">{esc(desc)}</desc>',
    ]
    for i, bar in enumerate(bars):
        y = i * row_h
        base = y + font_size * 1.1
        value_w = measure(bar.value_text, "bold", font_size)
        label = _fit(bar.label, width - value_w - font_size, font_size, measure)
        w = width * (bar.value / scale_max) if scale_max > 0 else 0.0
        if bar.value > 0:
            w = max(w, 2.0)
        bar_y = base + font_size * 0.45
        parts.append(
            f'<text x="0" y="{num(base)}">{esc(label)}</text>'
            f'<text x="{num(width)}" y="{num(base)}" text-anchor="end" font-weight="bold">'
            f"{esc(bar.value_text)}</text>"
            f'<rect class="bar-track" x="0" y="{num(bar_y)}" width="{num(width)}" '
            f'height="{num(bar_h)}"/>'
            f'<rect class="bar" x="0" y="{num(bar_y)}" width="{num(w)}" height="{num(bar_h)}"/>'
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="bar-chart" role="img" '
        f'aria-labelledby="{esc(title_id)}" aria-describedby="{esc(desc_id)}" '
        f'viewBox="0 0 {num(width)} {num(height)}" width="{num(width)}" '
        f'height="{num(height)}" font-family="{FONT_FAMILY}" font-size="{num(font_size)}">'
        + "".join(parts)
        + "</svg>"
    )


def _fit(text: str, room: float, size: float, measure) -> str:
    """``text`` shortened with an ellipsis to fit ``room`` (the full name is in the desc)."""
    if measure(text, "regular", size) <= room:
        return text
    while text and measure(text + "…", "regular", size) > room:
        text = text[:-1]
    return text.rstrip() + "…"
