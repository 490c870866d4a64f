"""Table columns: No | Kegiatan | one lane per executor | Kelengkapan | Waktu | Output |
Keterangan, with widths from what they hold.

- Executor lanes are all as wide as the widest need: a symbol with room for arrows beside
  it (``Style.lane_min``), or the longest word of an executor's name in bold at the
  header's smallest size (7 pt; a name wraps between words), up to ``Style.lane_max``
  (a longer word is hyphenated); together at most ``Style.lanes_max`` of the table.
- No is as wide as its header or its widest number.
- Kegiatan, Kelengkapan, Waktu, Output and Keterangan share the rest in proportion to
  how much text each holds (so every column wraps to about as many lines and rows stay
  short), each at least as wide as its longest word and its header's longest word, and a
  column of short values (every cell at most ``Style.one_line_max`` on one line, like
  "5 Menit" under Waktu) as wide as its widest value: those stay on one line.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sopgen.layout.geometry import Span
from sopgen.layout.style import Measure, Style

TEXT_COLUMNS = ("kegiatan", "kelengkapan", "waktu", "output", "keterangan")
MIN_HEADER_SIZE = 7.0  # header text never gets smaller; it wraps instead


@dataclass(frozen=True)
class Column(Span):
    role: str  # "no", "kegiatan", "lane", "kelengkapan", "waktu", "output", "keterangan"
    x: float
    w: float
    lane: int | None = None  # executor index for role "lane"


@dataclass(frozen=True)
class Columns:
    cols: tuple[Column, ...]

    @property
    def lanes(self) -> tuple[Column, ...]:
        return tuple(c for c in self.cols if c.role == "lane")

    def role(self, role: str) -> Column:
        return next(c for c in self.cols if c.role == role)

    def has(self, role: str) -> bool:
        """Whether the table prints this column (dokumen.yaml ``kolom`` may leave some out)."""
        return any(c.role == role for c in self.cols)

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


def longest_word(texts: Sequence[str], font, size: float, measure: Measure) -> float:
    return max((measure(w, font, size) for t in texts for w in t.split()), default=0.0)


def text_need(texts: Sequence[str], size: float, measure: Measure, one_line_max: float) -> float:
    """The narrowest a text column may be: its longest word, or its widest value when
    every value fits in ``one_line_max`` on one line (short values are not broken)."""
    widest = max((measure(" ".join(t.split()), "regular", size) for t in texts), default=0.0)
    if widest <= one_line_max:
        return widest
    return longest_word(texts, "regular", size, measure)


def column_layout(
    texts: Mapping[str, Sequence[str]],
    titles: Mapping[str, str],
    names: Sequence[str],
    style: Style,
    x0: float,
    width: float,
    measure: Measure,
) -> Columns:
    """Columns filling ``width`` from ``x0``. ``texts``: each text column's cell texts
    (role -> one text per row, "no" included); ``titles``: the header text of each
    column; ``names``: the executors (one lane each)."""
    pad = 2 * style.cell_pad
    size, head = style.font_size, MIN_HEADER_SIZE
    roles = ("kegiatan", *(r for r in style.columns if r in TEXT_COLUMNS))
    n = max(1, len(names))
    lane = max(
        style.lane_min, min(longest_word(names, "bold", head, measure) + pad, style.lane_max)
    )
    lane = min(lane, style.lanes_max * width / n)
    no = max(
        longest_word(texts.get("no", ()), "regular", size, measure),
        longest_word([titles["no"]], "bold", style.header_font_size, measure),
    )
    no += pad
    need = {
        role: max(
            text_need(texts.get(role, ()), size, measure, style.one_line_max),
            longest_word([titles[role]], "bold", head, measure),
        )
        + pad
        for role in roles
    }
    amount = {
        role: sum(measure(t, "regular", size) for t in texts.get(role, ())) + style.col_floor
        for role in roles
    }
    widths = share(width - no - n * lane, need, amount)
    cols: list[Column] = [Column("no", x0, no)]
    x = x0 + no
    cols.append(Column("kegiatan", x, widths["kegiatan"]))
    x += widths["kegiatan"]
    for k in range(n):
        cols.append(Column("lane", x, lane, k))
        x += lane
    for role in roles[1:]:
        cols.append(Column(role, x, widths[role]))
        x += widths[role]
    return Columns(tuple(cols))


def share(room: float, need: Mapping[str, float], amount: Mapping[str, float]) -> dict[str, float]:
    """``room`` split in proportion to ``amount``, no column below its ``need`` (those
    get their need and the others share what is left; when even the needs do not fit,
    in proportion to the needs)."""
    if sum(need.values()) >= room:
        total = sum(need.values())
        return {r: room * v / total for r, v in need.items()}
    fixed: dict[str, float] = {}
    while True:
        free = [r for r in need if r not in fixed]
        left = room - sum(fixed.values())
        total = sum(amount[r] for r in free)
        short = [r for r in free if left * amount[r] / total < need[r]]
        if not short:
            return {**fixed, **{r: left * amount[r] / total for r in free}}
        for r in short:
            fixed[r] = need[r]
