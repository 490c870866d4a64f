"""How far a horizontal run on one line of a page's track grid (tracks.TrackGrid) keeps
from the table's row lines and from the tops and bottoms of the outlines above or below
it: the shapes (shapes.py) price a run closer than CLEAR and put the clearest tracks of a
band first. Everything here is fixed per page, so every answer is kept."""

from __future__ import annotations

from sopgen.layout.geometry import Box

CLEAR = 5.0  # a horizontal run this far from table lines and outlines reads apart from them


class Clearance:
    def __init__(self, ys: list[float], xs: list[float], obstacles: list[Box], rulings_y):
        self.ys, self.xs = ys, xs
        self.obstacles = obstacles
        self.rulings_y = rulings_y
        self._clearance: dict[tuple, float] = {}  # clearance_y's answers
        self._lines_clear: dict[int, tuple] = {}  # per y line: what clearance_y looks at
        self._runs: dict[tuple, bool] = {}  # tight_run's answers
        self._tight: dict[int, tuple] = {}  # per y line: near a row line, outlines near it

    def tight_y(self, j: int, x0: float, x1: float) -> bool:
        """Does a horizontal run on line ``j`` from x0 to x1 keep closer than CLEAR to a
        row line or to the top or bottom of an obstacle above or below it? (The same
        as ``clearance_y(...) < CLEAR``, from the few outlines near the line.)"""
        near = self._tight.get(j)
        if near is None:
            y = self.ys[j]
            ruled = any(abs(y - r) < CLEAR for r in self.rulings_y)
            near = (
                ruled,
                [
                    b
                    for b in self.obstacles
                    if not b.y < y < b.bottom
                    and (abs(y - b.y) < CLEAR or abs(y - b.bottom) < CLEAR)
                ],
            )
            self._tight[j] = near
        if near[0]:
            return True
        lo, hi = min(x0, x1), max(x0, x1)
        return any(b.x < hi and b.right > lo for b in near[1])

    def tight_run(self, j: int, i0: int, i1: int) -> bool:
        """``tight_y`` of the run on line ``j`` between x lines ``i0`` and ``i1``."""
        key = (j, i0, i1)
        out = self._runs.get(key)
        if out is None:
            out = self._runs[key] = self.tight_y(j, self.xs[i0], self.xs[i1])
        return out

    def clearance_y(self, j: int, x0: float, x1: float) -> float:
        """How far a horizontal run on line ``j`` from x0 to x1 keeps from the table's
        row lines and from the tops and bottoms of the obstacles above or below it."""
        key = (j, x0, x1)
        out = self._clearance.get(key)
        if out is None:
            ruled, near = self._line_clearance(j)
            lo, hi = min(x0, x1), max(x0, x1)
            out = ruled
            for d, left, right in near:  # nearest first: the first across the run
                if left < hi and right > lo:
                    out = d
                    break
            self._clearance[key] = out
        return out

    def _line_clearance(self, j: int) -> tuple[float, list[tuple[float, float, float]]]:
        """Per y line: its distance to the nearest row line, and (distance, x, right) of
        the obstacles above or below it that come closer than that, nearest first."""
        found = self._lines_clear.get(j)
        if found is None:
            y = self.ys[j]
            ruled = min((abs(y - r) for r in self.rulings_y), default=CLEAR * 4)
            near = sorted(
                (min(abs(y - b.y), abs(y - b.bottom)), b.x, b.right)
                for b in self.obstacles
                if not b.y < y < b.bottom
            )
            found = self._lines_clear[j] = (ruled, [n for n in near if n[0] < ruled])
        return found
