"""The track grid of one page: coordinates, obstacles and what routed arrows already occupy.

The grid's lines are the places an arrow may run: tracks in the lane gutters and in the
row-boundary channels, plus every x/y where an arrow may touch a symbol or connector.
Obstacles (symbols, connectors, inflated by a clearance) block the grid nodes inside
them; every obstacle contains at least one grid x and y, so blocking nodes is enough to
keep every grid edge out of every obstacle.

Arrows already routed occupy the grid: an edge is used by at most one arrow, and a node
is either free, passed straight through by arrows (at most one horizontally and one
vertically: a crossing), or a vertex (end or bend) of exactly one arrow. So no two
arrows share a collinear piece, and no arrow bends on another one. Grid lines closer
than ``parallel_gap`` to a used edge are closed beside it, so parallel arrows keep a
track gap apart.
"""

from __future__ import annotations

import bisect
import heapq
from dataclasses import dataclass

from sopgen.layout.clearance import CLEAR as CLEAR  # the tests read it here
from sopgen.layout.clearance import Clearance
from sopgen.layout.geometry import Box, Point

UP, RIGHT, DOWN, LEFT = 0, 1, 2, 3
H_BIT, V_BIT, X_BIT = 1, 2, 4
USED, CLOSE = 1, 2
RESERVED = 2  # ``blocked`` value of a node under a label (1: inside an obstacle)
WALL_SHARE = 0.5  # an obstacle at least this share of the grid's width is a wall


def axis_bit(d: int) -> int:
    return H_BIT if d in (RIGHT, LEFT) else V_BIT


def opposite(d: int) -> int:
    return (d + 2) % 4


def vertical(d: int) -> bool:
    return d in (UP, DOWN)


def ahead(k: int, d: int, n: int, most: int) -> list[int]:
    """Up to ``most`` indexes from ``k`` (included) on in direction ``d``."""
    step = 1 if d in (DOWN, RIGHT) else -1
    stop = n if step == 1 else -1
    return list(range(k, stop, step))[:most]


def side_ok(k: int, k0: int, d0: int) -> bool:
    """Index ``k`` lies on the ``d0`` side of ``k0`` (or on it)."""
    return k >= k0 if d0 in (DOWN, RIGHT) else k <= k0


def nearest(tracks: list[int], lo: int, hi: int, most: int, ok, whole: bool = False) -> list[int]:
    """Up to ``most`` tracks allowed by ``ok``: those within [lo, hi] first, then by how
    far they lie outside it; among equals, in the grid's order of preference.
    ``whole``: every track within [lo, hi], however many, then the nearest others up to
    ``most`` in all."""
    inside: list[int] = []
    outside: list[tuple[int, int, int]] = []
    for rank, k in enumerate(tracks):
        if ok(k):
            if k < lo:
                outside.append((lo - k, rank, k))
            elif k > hi:
                outside.append((k - hi, rank, k))
            else:
                inside.append(k)
    if len(inside) >= most:
        return inside if whole else inside[:most]
    return inside + [k for _, _, k in heapq.nsmallest(most - len(inside), outside)]


def band_middles(boxes, lines) -> list[float]:
    """The middle of the free band between each box's top or bottom and the table line
    above or below it: where a horizontal run between rows reads best (hand-drawn
    flowcharts jog there, not beside the line or the outline)."""
    lines = sorted(lines)
    out = []
    for b in boxes:
        k = bisect.bisect_left(lines, b.bottom)
        if k < len(lines):
            out.append((b.bottom + lines[k]) / 2)
        k = bisect.bisect_right(lines, b.y) - 1
        if k >= 0:
            out.append((b.y + lines[k]) / 2)
    return out


def q(v: float) -> float:
    """Coordinates are compared after rounding to 1/1000 pt."""
    return round(v, 3)


@dataclass(frozen=True)
class Port:
    point: Point  # on the outline of ``owner``
    dir: int  # source: direction of leaving; target: direction of arrival
    cost: float  # preference, added to the path's cost
    owner: Box  # the outline's box (its clearance zone may be crossed by the walk)


@dataclass(frozen=True)
class Costs:
    clearance: float = 1.5  # minimum distance between an arrow and a foreign outline
    bend: float = 12.0
    cross: float = 18.0
    source_min: float = 2.0  # shortest first segment
    target_min: float = 6.0  # shortest last segment (holds the arrowhead)
    near_line: float = 1.6  # length multiplier along tracks that hug a table line
    parallel_gap: float = 4.0  # parallel arrows closer than this may not run side by side
    min_gap: float = 2.0  # ... and never closer than this, even as a last resort (audit.GAP)
    soft: float = 200.0  # passing a node under a Ya/Tidak label (a detour is better)
    greed: float = 1.0  # A* heuristic weight (> 1: faster, paths may be a little longer)


class TrackGrid:
    def __init__(
        self,
        xs,
        ys,
        obstacles: list[Box],
        costs: Costs,
        near_xs=(),
        near_ys=(),
        track_xs=(),
        track_ys=(),
        rulings_y=(),
    ):
        # One grid line per coordinate rounded to 1/1000 pt; the line keeps the first
        # exact value given, so anchors on outlines stay exact.
        x_keys, self.xs = self._lines(xs)
        y_keys, self.ys = self._lines(ys)
        self.x_index = {k: i for i, k in enumerate(x_keys)}  # q(x) -> its line
        self.y_index = {k: i for i, k in enumerate(y_keys)}
        self._nodes: dict[Point, int | None] = {}  # node()'s answers
        self.nx, self.ny = len(self.xs), len(self.ys)
        self.costs = costs
        self.obstacles = list(obstacles)
        self.rulings_y = sorted(rulings_y)  # the table's row lines (clearance_y)
        # how far a horizontal run keeps from row lines and outlines (fixed per page)
        clear = Clearance(self.ys, self.xs, self.obstacles, self.rulings_y)
        self.tight_y, self.tight_run, self.clearance_y = (
            clear.tight_y,
            clear.tight_run,
            clear.clearance_y,
        )
        size = self.nx * self.ny
        near_x, near_y = {q(x) for x in near_xs}, {q(y) for y in near_ys}
        # Cost per point of length along each grid line (vertical lines: by x index).
        self.vmul = [costs.near_line if k in near_x else 1.0 for k in x_keys]
        self.hmul = [costs.near_line if k in near_y else 1.0 for k in y_keys]
        # Lines in the gutters and row channels (not outline anchors): where detours run.
        # In order of preference (the middle of a gutter or of a row's padding first).
        self.track_i = self._indexes(track_xs, self.x_index)
        self.track_j = self._indexes(track_ys, self.y_index)
        self.blocked = bytearray(size)
        self.soft = bytearray(size)  # nodes under a label: passable at a price
        self.reserved: set[int] = set()  # nodes kept for labels (blocked RESERVED)
        self.state = bytearray(size)
        # Edge marks: USED by an arrow, or CLOSE (within parallel_gap of a used edge).
        # ``mask`` says which marks close an edge: both (strict) or USED only (relaxed,
        # the last resort for an arrow that finds no room otherwise).
        self.mask = USED | CLOSE
        self.hedge = bytearray(size)  # edge node -> node + ny (to the right)
        self.vedge = bytearray(size)  # edge node -> node + 1 (downwards)
        c = costs.clearance
        # Obstacles over most of the page's width (a box over every lane): every path
        # from above one to below it passes beside it, which the search's estimate knows.
        span = self.xs[-1] - self.xs[0] if self.xs else 0.0
        self.walls = [
            (b.y - c, b.bottom + c, b.x - c, b.right + c)
            for b in obstacles
            if b.w >= WALL_SHARE * span
        ]
        for _, _, left, right in self.walls:  # the way past a wall is no detour to avoid
            for i, x in enumerate(self.xs):
                if x <= left or x >= right:
                    self.vmul[i] = 1.0
        ny = self.ny
        for b in obstacles:  # the lines strictly inside (xs and ys are sorted)
            x0, x1, y0, y1 = b.x - c, b.right + c, b.y - c, b.bottom + c
            j0, j1 = bisect.bisect_right(self.ys, y0), bisect.bisect_left(self.ys, y1)
            if j0 >= j1:
                continue
            for i in range(bisect.bisect_right(self.xs, x0), bisect.bisect_left(self.xs, x1)):
                self.blocked[i * ny + j0 : i * ny + j1] = b"\x01" * (j1 - j0)

    @staticmethod
    def _indexes(values, index: dict[float, int]) -> list[int]:
        out: dict[int, None] = {}
        for v in values:
            k = index.get(round(v, 3))  # q(v)
            if k is not None:
                out.setdefault(k)
        return list(out)

    @staticmethod
    def _lines(values) -> tuple[list[float], list[float]]:
        """The lines' keys (q of their coordinates) in order, and their coordinates."""
        exact: dict[float, float] = {}
        for v in values:
            exact.setdefault(round(v, 3), v)  # q(v)
        keys = sorted(exact)
        return keys, [exact[k] for k in keys]

    # -- grid helpers -----------------------------------------------------------------

    def node(self, p: Point) -> int | None:
        try:
            return self._nodes[p]
        except KeyError:
            i = self.x_index.get(q(p[0]))
            j = self.y_index.get(q(p[1]))
            n = None if i is None or j is None else i * self.ny + j
            self._nodes[p] = n
            return n

    def coords(self, n: int) -> Point:
        return self.xs[n // self.ny], self.ys[n % self.ny]

    def step(self, n: int, d: int) -> int | None:
        i, j = divmod(n, self.ny)
        if d == UP:
            return n - 1 if j > 0 else None
        if d == DOWN:
            return n + 1 if j + 1 < self.ny else None
        if d == RIGHT:
            return n + self.ny if i + 1 < self.nx else None
        return n - self.ny if i > 0 else None

    def edge_used(self, a: int, b: int, d: int) -> bool:
        if d == RIGHT:
            return bool(self.hedge[a] & self.mask)
        if d == LEFT:
            return bool(self.hedge[b] & self.mask)
        if d == DOWN:
            return bool(self.vedge[a] & self.mask)
        return bool(self.vedge[b] & self.mask)

    def _inside(self, n: int, box: Box) -> bool:
        c = self.costs.clearance
        x, y = self.coords(n)
        return box.x - c < x < box.right + c and box.y - c < y < box.bottom + c

    def walk(self, port: Port, direction: int, min_len: float) -> list[int] | None:
        """Grid nodes from the port's point straight in ``direction`` to the first free
        node outside the owner's clearance at least ``min_len`` away; None if blocked."""
        n = self.node(port.point)
        if n is None or self.state[n]:
            return None
        bit = axis_bit(direction) | X_BIT
        px, py = port.point
        nodes = [n]
        while True:
            m = self.step(n, direction)
            if m is None or self.edge_used(n, m, direction) or self.state[m] & bit:
                return None
            inside = self._inside(m, port.owner)
            if self.blocked[m] and not inside:
                return None
            nodes.append(m)
            x, y = self.coords(m)
            if not inside and abs(x - px) + abs(y - py) >= min_len - 1e-6:
                return nodes
            n = m

    # -- search -----------------------------------------------------------------------

    def soften(self, x0: float, y0: float, x1: float, y1: float) -> list[int]:
        """Reserve a rectangle (a label): its nodes cost ``soft`` to pass and are closed
        to later arrows (``reserve``). Returns the nodes closed."""
        for i, x in enumerate(self.xs):
            if x0 <= x <= x1:
                for j, y in enumerate(self.ys):
                    if y0 <= y <= y1:
                        self.soft[i * self.ny + j] = 1
        return self.reserve(x0, y0, x1, y1)

    def reserve(self, x0: float, y0: float, x1: float, y1: float) -> list[int]:
        """Close the free nodes inside a rectangle (a label's place) to arrows while
        reserved areas are not opened (``open_reserved``); returns them."""
        nodes = []
        for i, x in enumerate(self.xs):
            if x0 <= x <= x1:
                for j, y in enumerate(self.ys):
                    n = i * self.ny + j
                    if y0 <= y <= y1 and not self.blocked[n]:
                        self.blocked[n] = RESERVED
                        nodes.append(n)
        self.reserved.update(nodes)
        return nodes

    def release(self, nodes: list[int]) -> None:
        """Give reserved nodes back to arrows."""
        for n in nodes:
            if n in self.reserved:
                self.reserved.discard(n)
                self.blocked[n] = 0

    def open_reserved(self, open_: bool) -> None:
        """Let arrows pass reserved areas (labels at the soft cost), or close them again:
        the last resort of an arrow that finds no other way."""
        for n in self.reserved:
            self.blocked[n] = 0 if open_ else RESERVED

    # -- occupancy --------------------------------------------------------------------

    def direction(self, a: int, b: int) -> int:
        if b == a - 1:
            return UP
        if b == a + 1:
            return DOWN
        return RIGHT if b > a else LEFT

    def commit(self, nodes: list[int]) -> None:
        last = len(nodes) - 1
        for k, n in enumerate(nodes):
            if k in (0, last):
                self.state[n] |= X_BIT
                continue
            d_in = self.direction(nodes[k - 1], n)
            d_out = self.direction(n, nodes[k + 1])
            self.state[n] |= X_BIT if d_in != d_out else axis_bit(d_in)
        gap = self.costs.parallel_gap
        tight = self.costs.min_gap
        for a, b in zip(nodes, nodes[1:], strict=False):
            d = self.direction(a, b)
            first = min(a, b)
            i, j = divmod(first, self.ny)
            if d in (RIGHT, LEFT):
                self.hedge[first] |= USED
                # Keep parallel neighbours at least ``parallel_gap`` away, and never
                # closer than ``min_gap`` (even relaxed: grid lines are unevenly spaced).
                for k in self._near_indexes(self.ys, j, gap):
                    close = abs(self.ys[k] - self.ys[j]) < tight - 1e-6
                    self.hedge[i * self.ny + k] |= USED if close else CLOSE
            else:
                self.vedge[first] |= USED
                for k in self._near_indexes(self.xs, i, gap):
                    close = abs(self.xs[k] - self.xs[i]) < tight - 1e-6
                    self.vedge[k * self.ny + j] |= USED if close else CLOSE

        self._close_beyond_ends(nodes)

    def _close_beyond_ends(self, nodes: list[int]) -> None:
        """A straight piece of an arrow that goes on, after a gap shorter than
        ``min_gap``, as a piece of another arrow on the same line reads as one line:
        close the edges continuing each piece of the path (beyond its ends and bends)."""
        pieces = []
        start = 0
        for k in range(1, len(nodes)):
            d = self.direction(nodes[k - 1], nodes[k])
            if k == len(nodes) - 1 or d != self.direction(nodes[k], nodes[k + 1]):
                pieces.append((nodes[k], d))  # beyond its end
                pieces.append((nodes[start], opposite(d)))  # before its start
                start = k
        for n, d in pieces:
            x0, y0 = self.coords(n)
            edges = self.hedge if d in (RIGHT, LEFT) else self.vedge
            a, b = n, self.step(n, d)
            while b is not None:
                x1, y1 = self.coords(a)
                if abs(x1 - x0) + abs(y1 - y0) >= self.costs.min_gap - 1e-6:
                    break
                edges[min(a, b)] |= USED
                a, b = b, self.step(b, d)

    @staticmethod
    def _near_indexes(values: list[float], index: int, gap: float) -> list[int]:
        out = []
        v = values[index]
        k = index - 1
        while k >= 0 and v - values[k] < gap - 1e-6:
            out.append(k)
            k -= 1
        k = index + 1
        while k < len(values) and values[k] - v < gap - 1e-6:
            out.append(k)
            k += 1
        return out

    def polyline(self, nodes: list[int]) -> tuple[Point, ...]:
        """The path's corner points (start, bends, end)."""
        pts = [self.coords(n) for n in nodes]
        out = [pts[0]]
        for k in range(1, len(pts) - 1):
            (ax, ay), (bx, by), (cx, cy) = out[-1], pts[k], pts[k + 1]
            if (ax == bx == cx) or (ay == by == cy):
                continue
            out.append(pts[k])
        out.append(pts[-1])
        return tuple(out)
