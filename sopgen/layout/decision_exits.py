"""Where a decision's exits leave (arrows.py): the vertex of each branch, its port,
and the first points of an exit not routed yet, which labels keep off.

A "Ya" leaves by the bottom vertex, a "Tidak" by the right one (the left one when the
decision sits in the last lane); the page may be told otherwise (``side``: relabel.py
flips a "Tidak" to its other vertex, or swaps the two exits).
"""

from __future__ import annotations

from collections.abc import Callable

from sopgen.layout.geometry import Arrow, Point, Symbol
from sopgen.layout.symbols import outline_point
from sopgen.layout.tracks import LEFT, RIGHT, Port

OTHER_SIDE_COST = 200.0  # "Tidak" leaves the non-default side only when much better
STUB = 8.0  # length of the start of a decision exit that labels keep off before it is routed


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
