"""The layout's output: frozen, backend-neutral geometry.

One unit (PostScript points, 1/72 inch) and one origin (top-left of the page, y grows
downwards). Renderers draw exactly this and decide nothing; ``render/pdf/`` flips y.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

SymbolKind = Literal["terminator", "process", "decision"]
FontName = Literal["regular", "bold", "italic"]
Point = tuple[float, float]


class Span:
    """Anything with an ``x`` and a width ``w`` (a box, a table column): its right edge
    and its centre."""

    __slots__ = ()  # its subclasses are slotted dataclasses: no __dict__ per object

    x: float
    w: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def cx(self) -> float:
        return self.x + self.w / 2


@dataclass(frozen=True, slots=True)
class Box(Span):
    x: float
    y: float
    w: float
    h: float

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def cy(self) -> float:
        return self.y + self.h / 2


@dataclass(frozen=True, slots=True)
class Text:
    """One line of text; ``y`` is its baseline. ``anchor`` as in SVG: start or middle."""

    x: float
    y: float
    text: str
    font: FontName = "regular"
    size: float = 9.0
    anchor: Literal["start", "middle"] = "start"


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell: a stroked rectangle, optionally grey-filled (header)."""

    box: Box
    fill: bool = False
    role: str = ""  # "header", "no", "kegiatan", "lane", "kelengkapan", ... (for tests/HTML)
    step: int | None = None  # 0-based step index of the row, None for header/bands


@dataclass(frozen=True, slots=True)
class Symbol:
    """One flowchart symbol (a model node) in its executor column(s); a row may hold
    several. A joint step over lanes that are not neighbours is one Symbol per lane
    (``part`` 0, 1, ...), each further part joined to the one before by ``link``, a
    plain line; arrows attach to part 0."""

    step: int  # 0-based step index (the row)
    kind: SymbolKind
    box: Box
    columns: tuple[int, ...]  # executor column indexes it sits in (several: a joint step)
    node: int | None = None  # the model's node (None: == step, one symbol per row)
    lines: tuple[Text, ...] = ()  # its short text (teks), centred inside, small font
    part: int = 0
    link: tuple[Point, Point] | None = None  # plain line from the previous part

    @property
    def key(self) -> int:
        """The node this symbol draws; arrows name it as ``step:<key>``."""
        return self.step if self.node is None else self.node


@dataclass(frozen=True, slots=True)
class OffPage:
    """A pentagon off-page connector carrying a letter: point down for a flow that
    continues on a later page, point up for one that goes back to an earlier page."""

    label: str
    direction: Literal["out", "in"]
    box: Box
    column: int
    step: int  # the (first) step this connector leaves (out) or enters (in)
    back: bool = False  # a flow back to an earlier page: the pentagon points up


def pentagon(box: Box, up: bool = False) -> list[Point]:
    """The connector's outline: a square part and a point (down, or up for ``up``)."""
    if up:
        shoulder = box.y + box.h * 0.4
        return [
            (box.x, box.bottom),
            (box.right, box.bottom),
            (box.right, shoulder),
            (box.cx, box.y),
            (box.x, shoulder),
        ]
    shoulder = box.y + box.h * 0.6
    return [(box.x, box.y), (box.right, box.y), (box.right, shoulder), (box.cx, box.bottom)] + [
        (box.x, shoulder)
    ]


def offpage_letter(c: OffPage) -> tuple[float, Point]:
    """Size and baseline centre of a connector's letter, in the square part."""
    b = c.box
    size = min(10.0, b.w * 0.55, b.h * 0.5)
    middle = b.y + b.h * (0.7 if c.back else 0.3)
    return size, (b.cx, middle + size * 0.35)


@dataclass(frozen=True, slots=True)
class Arrow:
    """An orthogonal polyline with an arrowhead at its last point (and one at its first
    point too when ``both``: a two-way arrow, the flow going there and back)."""

    points: tuple[Point, ...]
    source: str  # "step:3" (a symbol's node, Symbol.key) or "offpage:A"
    target: str  # "step:4" or "offpage:A"
    label: Literal["Ya", "Tidak"] | None = None
    label_at: Point | None = None  # baseline-start of the label text
    head: bool = True  # False: ends on another arrow into the same target (a join)
    tail: bool = True  # False: starts on another arrow of the same exit (a fork)
    both: bool = False  # a head at the first point too (bolak_balik: model.flow.Edge.both)

    @property
    def tips(self) -> tuple[Point, ...]:
        """Where its arrowheads point: the last point, and the first of a two-way arrow."""
        return ((self.points[-1],) if self.head else ()) + ((self.points[0],) if self.both else ())


@dataclass(frozen=True, slots=True)
class Page:
    """One flowchart page of one procedure."""

    width: float
    height: float
    index: int  # 0-based page index within the procedure
    steps: tuple[int, ...]  # 0-based step indexes whose rows are on this page
    cells: tuple[Cell, ...]
    texts: tuple[Text, ...]
    symbols: tuple[Symbol, ...]
    arrows: tuple[Arrow, ...]
    offpage: tuple[OffPage, ...]
    table: Box  # the table's outer box


@dataclass(frozen=True, slots=True)
class ProcedureLayout:
    procedure_id: str
    pages: tuple[Page, ...] = field(default_factory=tuple)
