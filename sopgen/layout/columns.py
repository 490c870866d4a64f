"""Table columns: No | Kegiatan | one lane per executor | Kelengkapan | Waktu | Output |
Keterangan, with the relative widths from Style normalised to the content width."""

from __future__ import annotations

from dataclasses import dataclass

from sopgen.layout.style import Style

# Lanes get a bigger share of the table beyond this many executors.
LANES_COMFORTABLE = 5


@dataclass(frozen=True)
class Column:
    role: str  # "no", "kegiatan", "lane", "kelengkapan", "waktu", "output", "keterangan"
    x: float
    w: float
    lane: int | None = None  # executor index for role "lane"

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def cx(self) -> float:
        return self.x + self.w / 2


@dataclass(frozen=True)
class Columns:
    cols: tuple[Column, ...]

    @property
    def lanes(self) -> tuple[Column, ...]:
        return tuple(c for c in self.cols if c.role == "lane")

    def role(self, role: str) -> Column:
        return next(c for c in self.cols if c.role == role)

    @property
    def lane_w(self) -> float:
        return self.lanes[0].w

    @property
    def lanes_x0(self) -> float:
        return self.lanes[0].x

    @property
    def lanes_x1(self) -> float:
        return self.lanes[-1].right

    @property
    def x0(self) -> float:
        return self.cols[0].x

    @property
    def x1(self) -> float:
        return self.cols[-1].right

    def lane_borders(self) -> list[float]:
        """x of every lane border, outer edges included (n_lanes + 1 values)."""
        return [c.x for c in self.lanes] + [self.lanes_x1]


def other_weights(style: Style) -> list[tuple[str, float]]:
    return [
        ("no", style.col_no),
        ("kegiatan", style.col_kegiatan),
        ("kelengkapan", style.col_kelengkapan),
        ("waktu", style.col_waktu),
        ("output", style.col_output),
        ("keterangan", style.col_keterangan),
    ]


def lane_share(n_lanes: int, style: Style) -> float:
    """The lanes' share of the table width.

    Normally ``lanes / (lanes + sum of the other weights)``; with more than five executors
    it grows in proportion to their number (so each lane keeps its width) up to
    ``lanes_max``, and beyond that the lanes shrink evenly.
    """
    others = sum(w for _, w in other_weights(style))
    base = style.lanes / (style.lanes + others)
    if n_lanes > LANES_COMFORTABLE:
        return max(base, min(style.lanes_max, base * n_lanes / LANES_COMFORTABLE))
    return base


def column_layout(n_lanes: int, style: Style, x0: float, width: float) -> Columns:
    """Columns filling ``width`` from ``x0``.

    lane width = share * width / n; every other column = its weight / (sum of the other
    weights) * (1 - share) * width.
    """
    share = lane_share(n_lanes, style)
    weights = other_weights(style)
    others = sum(w for _, w in weights)
    widths = {role: w / others * (1 - share) * width for role, w in weights}
    lane_w = share * width / n_lanes
    cols: list[Column] = []
    x = x0
    for role in ("no", "kegiatan"):
        cols.append(Column(role, x, widths[role]))
        x += widths[role]
    for lane in range(n_lanes):
        cols.append(Column("lane", x, lane_w, lane))
        x += lane_w
    for role in ("kelengkapan", "waktu", "output", "keterangan"):
        cols.append(Column(role, x, widths[role]))
        x += widths[role]
    return Columns(tuple(cols))
