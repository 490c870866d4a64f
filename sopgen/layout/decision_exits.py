"""Where a decision's exits leave (arrows.py): the vertex of each branch, its port,
and the first points of an exit not routed yet, which labels keep off; the page's
exits turned to face their targets (``exits_facing_targets``).

A "Ya" leaves by the bottom vertex, a "Tidak" by the right one (the left one when the
decision sits in the last lane); the page may be told otherwise (``side``: relabel.py
flips a "Tidak" to its other vertex, or swaps the two exits).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from sopgen.layout.geometry import Arrow, Point, Symbol
from sopgen.layout.label_places import LABEL_MARGIN, LABEL_OFFSET
from sopgen.layout.symbols import anchor_offsets, offset_limit, outline_point
from sopgen.layout.tracks import LEFT, RIGHT, UP, Port

if TYPE_CHECKING:  # arrows.py imports this module
    from sopgen.layout.arrows import Request
    from sopgen.layout.paginate import PageContext

ANCHOR_COST = 3.0  # cost per point an anchor sits off its side's middle
OTHER_SIDE_COST = 200.0  # "Tidak" leaves the non-default side only when much better
STUB = 8.0  # length of the start of a decision exit that labels keep off before it is routed
EPS = 1e-6


def tidak_left(sym: Symbol, last_lane: int, side: str | None = None) -> bool:
    """Whether a decision's "Tidak" leaves by its left vertex: in the last lane, or
    when told so (``side``)."""
    if side is not None:
        return side == "left"
    return max(sym.columns) == last_lane


def exit_vertex(sym: Symbol, branch: str | None, last_lane: int, side: str | None = None) -> str:
    """The vertex a decision's exit leaves by: "bottom" for a "Ya", the left or right
    one for a "Tidak" (``tidak_left``); ``side`` swaps them (relabel.py)."""
    if branch != "tidak":
        return side if side in ("left", "right") else "bottom"
    if side == "bottom":
        return side
    return "left" if tidak_left(sym, last_lane, side) else "right"


def side_ports(
    sym: Symbol, branch: str, last_lane: int, side: str | None, free: Callable[[Point], bool]
) -> list[Port] | None:
    """The ports of a decision exit leaving by a side vertex (a "Tidak", or a "Ya" told
    to); None when it leaves by the bottom vertex (the ordinary ports)."""
    b = sym.box
    if side is not None and exit_vertex(sym, branch, last_lane, side) == "bottom":
        return None  # a "Tidak" told to leave by the bottom vertex
    if branch != "tidak":
        if side not in ("left", "right"):
            return None
        point = outline_point(sym.kind, b, side, 0.0)
        return [Port(point, LEFT if side == "left" else RIGHT, 0.0, b)] if free(point) else []
    left = tidak_left(sym, last_lane, side)
    sides = [("right", RIGHT, OTHER_SIDE_COST if left else 0.0)]
    sides += [("left", LEFT, 0.0 if left else OTHER_SIDE_COST)]
    if side is not None:  # told which: only that one
        sides = [s for s in sides if s[0] == side]
    return [
        Port(outline_point(sym.kind, b, s, 0.0), d, cost, b)
        for s, d, cost in sides
        if free(outline_point(sym.kind, b, s, 0.0))
    ]


def box_side_ports(sym: Symbol, side: str, free: Callable[[Point], bool]) -> list[Port]:
    """The port in the middle of a box's ``side``: an arrow that leaves it sideways
    toward a decision whose "Tidak" comes back up into the box (``sideways_turns``)."""
    point = outline_point(sym.kind, sym.box, side, 0.0)
    return [Port(point, LEFT if side == "left" else RIGHT, 0.0, sym.box)] if free(point) else []


def bottom_ports(
    sym: Symbol, spacing: float, tight: float, free: Callable[[Point], bool]
) -> list[Port]:
    """Ports on a box's bottom (its middle first, then ``spacing`` apart), for a "Tidak"
    coming back up into the box that feeds its decision (``sideways_turns``)."""
    limit = offset_limit(sym.kind, sym.box, "bottom")
    points = [
        outline_point(sym.kind, sym.box, "bottom", off)
        for off in anchor_offsets(limit, spacing, 2, tight)
    ]
    return [Port(p, UP, ANCHOR_COST * abs(p[0] - sym.box.cx), sym.box) for p in points if free(p)]


def bottom_vertex_ports(sym: Symbol, exits: set[str], free: Callable[[Point], bool]) -> list[Port]:
    """The bottom vertex of a decision whose two exits leave by its side vertices
    (``exits``: the vertices its exits leave by), for an arrow coming back up into it,
    as agencies draw a "Tidak" back to an earlier decision (BPS SOP-022); none for any
    other symbol."""
    if sym.kind != "decision" or exits != {"left", "right"}:
        return []
    point = (sym.box.cx, sym.box.bottom)
    return [Port(point, UP, 0.0, sym.box)] if free(point) else []


def stub(sym: Symbol, vertex: str, source: str, target: str) -> Arrow:
    """The first few points of a decision exit not routed yet (leaving by ``vertex``):
    labels placed before it keep off the way it will leave by."""
    b = sym.box
    if vertex == "bottom":
        points = ((b.cx, b.bottom), (b.cx, b.bottom + STUB))
    elif vertex == "left":
        points = ((b.x, b.cy), (b.x - STUB, b.cy))
    else:
        points = ((b.right, b.cy), (b.right + STUB, b.cy))
    return Arrow(points, source, target)


def swap_exits(requests: Sequence[Request], step: int, ya_side: str) -> list[Request]:
    """The requests with the exits of decision ``step`` swapped: its "Tidak" down from
    the bottom vertex, its "Ya" by the ``ya_side`` vertex."""
    return face_exits(requests, step, ya_side, "bottom")


def face_exits(
    requests: Sequence[Request], step: int, ya_side: str | None, tidak_side: str
) -> list[Request]:
    """The requests with decision ``step``'s "Ya" leaving by the ``ya_side`` vertex
    (None: the bottom one, as usual) and its "Tidak" by the ``tidak_side`` one
    ("bottom": down)."""
    ref = f"step:{step}"
    out = []
    for r in requests:
        if r.source.ref == ref and r.branch == "tidak":
            r = dataclasses.replace(r, side=tidak_side)
        elif r.source.ref == ref and r.branch is not None:
            r = dataclasses.replace(r, side=ya_side)
        out.append(r)
    return out


def _exit_pairs(ctx: PageContext, requests: Sequence[Request]):
    """(step, its Ya, its Tidak, x of the decision, of the Ya's target, of the Tidak's)
    for every decision of the page with one Ya and one Tidak, both to a symbol."""
    exits: dict[int, dict[str, list[Request]]] = {}
    for r in requests:
        if r.branch in ("ya", "tidak") and r.source.step is not None:
            exits.setdefault(r.source.step, {}).setdefault(r.branch, []).append(r)
    for step, by_branch in exits.items():
        ya, tidak = by_branch.get("ya", []), by_branch.get("tidak", [])
        if len(ya) != 1 or len(tidak) != 1:
            continue
        (ya_r,), (tidak_r,) = ya, tidak
        if ya_r.target.step is None or tidak_r.target.step is None:
            continue
        here = _centre(ctx, step)
        there, back = _centre(ctx, ya_r.target.step), _centre(ctx, tidak_r.target.step)
        yield step, ya_r, tidak_r, here, there, back


def exits_facing_targets(ctx: PageContext, requests: list[Request]) -> list[Request]:
    """A decision whose "Tidak" goes to the symbol straight below it and whose "Ya"
    goes forward to another lane leaves the way an official draws it: the "Tidak" down
    from the bottom vertex, the "Ya" by the side vertex facing its target. By default
    the "Ya" takes the bottom vertex and the "Tidak" a side one, and the two cross."""
    out = list(requests)
    for step, ya_r, tidak_r, here, there, back in _exit_pairs(ctx, requests):
        if not (ya_r.forward and tidak_r.forward):
            continue
        if abs(back - here) >= EPS:  # not straight below
            continue
        if abs(there - here) < EPS or not _label_fits_below(ctx, here, tidak_r.label):
            continue
        out = swap_exits(out, step, _facing(there, here))
    return out


# a decision's step, its Ya's side (None: down), its Tidak's; the step of the box that
# feeds the decision and that its Tidak goes back to, and the side it would leave by
Turn = tuple[int, str | None, str, tuple[int, str] | None]


def sideways_turns(ctx: PageContext, requests: Sequence[Request]) -> list[Turn]:
    """The decisions whose exits would face their targets sideways, as agencies draw
    them; the page keeps each only where it draws no more crossings (relabel.py):
    - its two exits go to lanes on either side of it (a "Tidak" back to an earlier
      step on the left, a "Ya" on to the next executor on the right): each by the side
      vertex facing its target (by default the "Ya" goes down and turns, the "Tidak"
      leaves by the right vertex and comes round);
    - its "Ya" goes straight down and its "Tidak" to a lane on the left: the "Tidak" by
      the left vertex.
    When the "Tidak" goes back to the box whose arrow comes into the decision, that
    arrow may leave the box by its side facing the decision (``box_side_ports``): the
    "Tidak" then comes back into the box below it without crossing it."""
    out: list[Turn] = []
    for step, ya_r, tidak_r, here, there, back in _exit_pairs(ctx, requests):
        if ya_r.side is not None or tidak_r.side is not None:
            continue  # turned already (exits_facing_targets)
        if (there - here) * (back - here) < 0 and min(abs(there - here), abs(back - here)) >= EPS:
            ya_side: str | None = _facing(there, here)
        elif abs(there - here) < EPS and ya_r.forward and back < here - EPS:
            ya_side = None
        else:
            continue
        feeder = None
        box = tidak_r.target.step
        if ctx.symbols[box].kind != "decision" and any(
            r.source.step == box and r.target.step == step and r.branch is None for r in requests
        ):
            feeder = (box, _facing(here, back))
        out.append((step, ya_side, _facing(back, here), feeder))
    return out


def feed_sideways(
    requests: Sequence[Request], box: int, into: int, side: str | None
) -> list[Request]:
    """The requests with the arrow from ``box`` into decision ``into`` leaving the box by
    its ``side`` (None: by its bottom, as usual), and the decision's "Tidak" back into
    the box free to enter it from below."""
    out = []
    for r in requests:
        if side is not None and r.source.step == box and r.target.step == into and not r.branch:
            r = dataclasses.replace(r, side=side)
        elif r.source.step == into and r.target.step == box and r.branch == "tidak":
            r = dataclasses.replace(r, enter_below=True)
        out.append(r)
    return out


def _facing(x: float, here: float) -> str:
    return "left" if x < here else "right"


def _label_fits_below(ctx: PageContext, x: float, label: str | None) -> bool:
    """Whether a label fits in its lane beside a line running down at ``x``."""
    if not label:
        return True
    borders = ctx.columns.lane_borders()
    left = max((b for b in borders if b <= x), default=x)
    right = min((b for b in borders if b >= x), default=x)
    width = ctx.measure(label, "regular", ctx.style.label_size)
    return width + LABEL_OFFSET + LABEL_MARGIN <= max(x - left, right - x)


def _centre(ctx: PageContext, node: int) -> float:
    s = ctx.symbols[node]
    return s.x + s.w / 2
