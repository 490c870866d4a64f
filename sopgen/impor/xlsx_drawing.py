"""The drawn shapes of one worksheet (DrawingML in xl/drawings/drawingN.xml), as plain data.

Positions are in EMU on the sheet (0, 0 = top-left corner of cell A1), computed from the
cell anchors and the sheet's column widths and row heights (``Grid``), so they line up with
the cells openpyxl reads. Connectors keep their two end points (with flips and rotation
applied) and the ids of the shapes they are glued to, when the workbook records them.
"""

from __future__ import annotations

import math
import posixpath
import re
from dataclasses import dataclass
from typing import Literal
from xml.etree import ElementTree as ET

XDR = "{http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
SVG_BLIP = "{http://schemas.microsoft.com/office/drawing/2016/SVG/main}svgBlip"

MAX_SHAPES = 2_000  # a real SOP sheet has a few hundred; more is read up to here
MAX_DEPTH = 20  # nested groups

Role = Literal["symbol", "line", "text", "picture"]

# prstGeom names -> symbol kinds (None: a shape that is not a flowchart symbol).
KINDS = {
    "flowChartTerminator": "terminator",
    "ellipse": "terminator",
    "flowChartAlternateProcess": "rounded",
    "roundRect": "rounded",
    "flowChartProcess": "process",
    "rect": "process",
    "flowChartPredefinedProcess": "process",
    "flowChartDocument": "process",
    "flowChartMultidocument": "process",
    "flowChartManualOperation": "process",
    "flowChartPreparation": "process",
    "snipRect": "process",
    # other flowchart boxes offices use for a step (data, document, storage, display)
    "flowChartInputOutput": "process",
    "parallelogram": "process",
    "flowChartManualInput": "process",
    "flowChartPunchedCard": "process",
    "flowChartMagneticDisk": "process",
    "flowChartOnlineStorage": "process",
    "flowChartInternalStorage": "process",
    "flowChartDisplay": "process",
    "flowChartDelay": "process",
    "hexagon": "process",
    "octagon": "process",
    "plaque": "process",
    "flowChartDecision": "decision",
    "diamond": "decision",
    "flowChartOffpageConnector": "connector",
    "flowChartConnector": "connector",
    "homePlate": "connector",
    "pentagon": "connector",
}
LINES = {"line", "straightConnector1"} | {
    f"{kind}Connector{n}" for kind in ("bent", "curved") for n in range(2, 6)
}


@dataclass
class Drawn:
    id: int
    name: str
    role: Role
    prst: str  # preset geometry name ("" for custom geometry / pictures)
    box: tuple[float, float, float, float]  # x0, y0, x1, y1 in EMU
    text: str = ""
    start: tuple[float, float] | None = None  # lines: end points
    end: tuple[float, float] | None = None
    glued_start: int | None = None  # stCxn id
    glued_end: int | None = None  # endCxn id
    arrow_start: bool = False  # headEnd
    arrow_end: bool = False  # tailEnd
    image: str | None = None  # pictures: a guessed kind from the image, if any

    @property
    def centre(self) -> tuple[float, float]:
        return ((self.box[0] + self.box[2]) / 2, (self.box[1] + self.box[3]) / 2)


class Grid:
    """Cell edges in EMU: col_edge(c) is the left edge of 0-based column c."""

    def __init__(
        self,
        col_widths: list[float],
        row_heights: list[float],
        default_col: float,
        default_row: float,
    ):
        self._cols = [0.0]
        for w in col_widths:
            self._cols.append(self._cols[-1] + w)
        self._rows = [0.0]
        for h in row_heights:
            self._rows.append(self._rows[-1] + h)
        self.default_col, self.default_row = default_col, default_row

    @staticmethod
    def _edge(edges: list[float], default: float, index: int) -> float:
        index = max(0, index)
        if index < len(edges):
            return edges[index]
        return edges[-1] + (index - len(edges) + 1) * default

    def col_edge(self, c: int) -> float:
        return self._edge(self._cols, self.default_col, c)

    def row_edge(self, r: int) -> float:
        return self._edge(self._rows, self.default_row, r)


def _int(el: ET.Element | None, default: int = 0) -> int:
    if el is None or el.text is None:
        return default
    try:
        return int(el.text.strip())
    except ValueError:
        return default


def _attr_int(el: ET.Element | None, name: str, default: int = 0) -> int:
    if el is None:
        return default
    try:
        return int(el.get(name, default))
    except ValueError:
        return default


def _marker(el: ET.Element, grid: Grid) -> tuple[float, float]:
    col, row = _int(el.find(XDR + "col")), _int(el.find(XDR + "row"))
    return (
        grid.col_edge(col) + _int(el.find(XDR + "colOff")),
        grid.row_edge(row) + _int(el.find(XDR + "rowOff")),
    )


def _anchor_box(anchor: ET.Element, grid: Grid) -> tuple[float, float, float, float] | None:
    start = anchor.find(XDR + "from")
    ext = anchor.find(XDR + "ext")
    if anchor.tag == XDR + "absoluteAnchor":
        pos = anchor.find(XDR + "pos")
        x, y = _attr_int(pos, "x"), _attr_int(pos, "y")
        return (x, y, x + _attr_int(ext, "cx"), y + _attr_int(ext, "cy"))
    if start is None:
        return None
    x0, y0 = _marker(start, grid)
    end = anchor.find(XDR + "to")
    if end is not None:
        x1, y1 = _marker(end, grid)
    else:
        x1, y1 = x0 + _attr_int(ext, "cx"), y0 + _attr_int(ext, "cy")
    return (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


def _text(el: ET.Element) -> str:
    paragraphs = []
    for p in el.iter(A + "p"):
        words = "".join(t.text or "" for t in p.iter(A + "t"))
        if words.strip():
            paragraphs.append(words)
    return " ".join(" ".join(paragraphs).split())


class _Transform:
    """Child coordinates of a group -> sheet EMU."""

    def __init__(self, box, off=(0, 0), ext=(1, 1), ch_off=(0, 0), ch_ext=(1, 1), parent=None):
        self.parent = parent
        self.box, self.off, self.ext, self.ch_off, self.ch_ext = box, off, ext, ch_off, ch_ext

    def point(self, x: float, y: float) -> tuple[float, float]:
        sx = self.ext[0] / self.ch_ext[0] if self.ch_ext[0] else 1.0
        sy = self.ext[1] / self.ch_ext[1] if self.ch_ext[1] else 1.0
        x, y = self.off[0] + (x - self.ch_off[0]) * sx, self.off[1] + (y - self.ch_off[1]) * sy
        if self.parent is not None:
            return self.parent.point(x, y)
        # top level: the group's own xfrm space -> its anchor box
        bx0, by0, bx1, by1 = self.box
        fx = (x - self.off[0]) / self.ext[0] if self.ext[0] else 0.5
        fy = (y - self.off[1]) / self.ext[1] if self.ext[1] else 0.5
        return (bx0 + fx * (bx1 - bx0), by0 + fy * (by1 - by0))


def _xfrm(sp_pr: ET.Element | None):
    if sp_pr is None:
        return None
    return sp_pr.find(A + "xfrm")


def _pair(el: ET.Element | None, a: str, b: str, default=(0, 0)) -> tuple[int, int]:
    if el is None:
        return default
    return (_attr_int(el, a, default[0]), _attr_int(el, b, default[1]))


def _line_ends(box, xfrm: ET.Element | None, top_level: bool):
    """The two end points of a line/connector drawn in ``box`` (see module doc)."""
    x0, y0, x1, y1 = box
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    hw, hh = (x1 - x0) / 2, (y1 - y0) / 2
    rot = (_attr_int(xfrm, "rot") / 60000.0) % 360 if xfrm is not None else 0.0
    flip_h = xfrm is not None and xfrm.get("flipH") in ("1", "true")
    flip_v = xfrm is not None and xfrm.get("flipV") in ("1", "true")
    quarter = round(rot / 90) % 2 == 1
    if top_level and quarter:  # a cell anchor holds the rotated (visual) box
        hw, hh = hh, hw
    sx, sy = (-hw, -hh)
    if flip_h:
        sx = -sx
    if flip_v:
        sy = -sy
    theta = math.radians(rot)
    cos, sin = math.cos(theta), math.sin(theta)

    def turn(x: float, y: float) -> tuple[float, float]:
        return (cx + x * cos - y * sin, cy + x * sin + y * cos)

    return turn(sx, sy), turn(-sx, -sy)


def _freeform_ends(sp_pr: ET.Element | None, box, xfrm: ET.Element | None):
    """End points of an open freeform path (an arrow drawn with the pen), else None."""
    path = sp_pr.find(f"{A}custGeom/{A}pathLst/{A}path") if sp_pr is not None else None
    if path is None or path.find(A + "close") is not None:
        return None
    try:
        pts = [(float(pt.get("x", "")), float(pt.get("y", ""))) for pt in path.iter(A + "pt")]
        w = float(path.get("w") or max(x for x, _ in pts) or 1)
        h = float(path.get("h") or max(y for _, y in pts) or 1)
    except ValueError:  # coordinates given by guide names: not worth following
        return None
    if len(pts) < 2:
        return None
    flip_h = xfrm is not None and xfrm.get("flipH") in ("1", "true")
    flip_v = xfrm is not None and xfrm.get("flipV") in ("1", "true")

    def place(x: float, y: float) -> tuple[float, float]:
        fx, fy = (x / w if w else 0.5), (y / h if h else 0.5)
        fx, fy = (1 - fx if flip_h else fx), (1 - fy if flip_v else fy)
        return (box[0] + fx * (box[2] - box[0]), box[1] + fy * (box[3] - box[1]))

    return place(*pts[0]), place(*pts[-1])


_LABEL_WORDS = re.compile(r"^(ya|tidak|y|t|yes|no|ok)[.!]?$", re.IGNORECASE)


def _role_of_sp(el: ET.Element, prst: str) -> Role:
    if prst in LINES:
        return "line"
    if _LABEL_WORDS.match(_text(el)):  # 'Ya' in a small box of its own is a label
        return "text"
    c_nv = el.find(f"{XDR}nvSpPr/{XDR}cNvSpPr")
    if c_nv is not None and c_nv.get("txBox") in ("1", "true"):
        return "text"
    sp_pr = el.find(XDR + "spPr")
    if sp_pr is not None:
        ln = sp_pr.find(A + "ln")
        no_line = ln is not None and ln.find(A + "noFill") is not None
        no_fill = sp_pr.find(A + "noFill") is not None
        if no_line and (no_fill or sp_pr.find(A + "solidFill") is None) and _text(el):
            return "text"
    return "symbol"


def _picture_kind(el: ET.Element, rels: dict[str, str], read_part) -> str | None:
    """A picture of a flowchart symbol (some offices paste them as images): guess its kind
    from the SVG when there is one; None when unknown."""
    blip = el.find(f"{XDR}blipFill/{A}blip")
    if blip is None:
        return None
    svg = next(blip.iter(SVG_BLIP), None)
    target = rels.get(svg.get(R + "embed", "")) if svg is not None else None
    if not target:
        return None
    try:
        data = read_part(target)
    except Exception:  # noqa: BLE001 - a broken image only loses the guess
        return None
    text = data[:65536].decode("utf-8", "replace").lower()
    if "<ellipse" in text or "<circle" in text:
        return "terminator"
    if "<rect" in text:
        return "terminator" if ' rx="' in text and ' rx="0"' not in text else "process"
    if "<polygon" in text:
        return "decision"
    return None


def read_drawing(root: ET.Element, grid: Grid, rels: dict[str, str], read_part) -> list[Drawn]:
    """Every shape, line, text box and picture of a drawing part, in document order."""
    out: list[Drawn] = []

    def visit(el: ET.Element, box, transform: _Transform | None, depth: int) -> None:
        if depth > MAX_DEPTH or len(out) > MAX_SHAPES:
            return
        tag = el.tag
        if tag == XDR + "grpSp":
            gx = _xfrm(el.find(XDR + "grpSpPr"))
            off = _pair(gx.find(A + "off") if gx is not None else None, "x", "y")
            ext = _pair(gx.find(A + "ext") if gx is not None else None, "cx", "cy", (1, 1))
            ch_off = _pair(gx.find(A + "chOff") if gx is not None else None, "x", "y")
            ch_ext = _pair(gx.find(A + "chExt") if gx is not None else None, "cx", "cy", (1, 1))
            if transform is None:
                inner = _Transform(box, off, ext, ch_off, ch_ext)
                # the group's own xfrm space is the identity inside its anchor box
                inner.parent = _Transform(box, off, ext, off, ext)
            else:
                inner = _Transform(None, off, ext, ch_off, ch_ext, parent=transform)
            for child in el:
                visit(child, box, inner, depth + 1)
            return
        if tag not in (XDR + "sp", XDR + "cxnSp", XDR + "pic"):
            return
        nv = next(el.iter(XDR + "cNvPr"), None)
        sid = _attr_int(nv, "id", -1)
        name = nv.get("name", "") if nv is not None else ""
        sp_pr = el.find(XDR + "spPr")
        xfrm = _xfrm(sp_pr)
        geom = sp_pr.find(A + "prstGeom") if sp_pr is not None else None
        prst = geom.get("prst", "") if geom is not None else ""
        own = box
        if transform is not None:
            if xfrm is None:
                return
            ox, oy = _pair(xfrm.find(A + "off"), "x", "y")
            ex, ey = _pair(xfrm.find(A + "ext"), "cx", "cy")
            p0, p1 = transform.point(ox, oy), transform.point(ox + ex, oy + ey)
            own = (min(p0[0], p1[0]), min(p0[1], p1[1]), max(p0[0], p1[0]), max(p0[1], p1[1]))
        if own is None:
            return
        if tag == XDR + "pic":
            out.append(
                Drawn(sid, name, "picture", prst, own, image=_picture_kind(el, rels, read_part))
            )
            return
        freeform = _freeform_ends(sp_pr, own, xfrm) if tag == XDR + "sp" and not prst else None
        role: Role = "line" if tag == XDR + "cxnSp" or freeform else _role_of_sp(el, prst)
        shape = Drawn(sid, name, role, prst, own, text=_text(el))
        if role == "line":
            shape.start, shape.end = freeform or _line_ends(own, xfrm, transform is None)
            ln = sp_pr.find(A + "ln") if sp_pr is not None else None
            for end_tag, attr in ((A + "headEnd", "arrow_start"), (A + "tailEnd", "arrow_end")):
                mark = ln.find(end_tag) if ln is not None else None
                if mark is not None and mark.get("type", "none") != "none":
                    setattr(shape, attr, True)
            c_nv = el.find(f"{XDR}nvCxnSpPr/{XDR}cNvCxnSpPr")
            if c_nv is not None:
                st, en = c_nv.find(A + "stCxn"), c_nv.find(A + "endCxn")
                shape.glued_start = _attr_int(st, "id", -1) if st is not None else None
                shape.glued_end = _attr_int(en, "id", -1) if en is not None else None
        out.append(shape)

    for anchor in root:
        if len(out) > MAX_SHAPES:
            break
        if anchor.tag not in (XDR + "twoCellAnchor", XDR + "oneCellAnchor", XDR + "absoluteAnchor"):
            continue
        box = _anchor_box(anchor, grid)
        for child in anchor:
            visit(child, box, None, 0)
    return out


def drawing_rels(rels_root: ET.Element | None, part: str) -> dict[str, str]:
    """Relationship id -> part name (resolved against ``part``'s folder)."""
    out: dict[str, str] = {}
    if rels_root is None:
        return out
    base = posixpath.dirname(part)
    for rel in rels_root:
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External" or not target:
            continue
        resolved = (
            target.lstrip("/")
            if target.startswith("/")
            else posixpath.normpath(posixpath.join(base, target))
        )
        out[rel.get("Id", "")] = resolved
    return out
