"""Where the text frames of the page templates stand (canvas.templates builds them): one
home for the geometry that the identity page also needs to know how much fits."""

from __future__ import annotations

from sopgen.layout.style import Style

Rect = tuple[float, float, float, float]  # x, y (from the bottom), width, height


def frame_rects(style: Style) -> dict[str, tuple[Rect, tuple[float, float]]]:
    """Each template's frame and page size: ``front`` (framed, the paper's landscape),
    ``flow`` (full page), ``portrait`` (framed, the same paper upright)."""
    w, h = style.page_size
    ml, mr, mt, mb = style.margin_left, style.margin_right, style.margin_top, style.margin_bottom
    pw, ph = min(w, h), max(w, h)
    return {
        "front": ((ml, mb, w - ml - mr, h - mt - mb), (w, h)),
        "flow": ((0.0, 0.0, w, h), (w, h)),
        "portrait": ((ml, mb, pw - ml - mr, ph - mt - mb), (pw, ph)),
    }
