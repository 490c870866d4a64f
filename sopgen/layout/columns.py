"""Table columns: No | Kegiatan | one lane per executor | Kelengkapan | Waktu | Output |
Keterangan, with widths from what they hold.

- Executor lanes are all as wide as the widest need: a symbol with room for arrows beside
  it (``Style.lane_min``), the longest word of an executor's name in bold at the
  header's smallest size (7 pt; a name wraps between words), or the text inside a
  symbol (two lines in a diamond), up to ``Style.lane_max``
  (a longer word is hyphenated); together at most ``Style.lanes_max`` of the table,
  except that a word too short to hyphenate is never broken (up to ``lanes_hard_max``).
- No is as wide as its header or its widest number.
- Kegiatan, Kelengkapan, Waktu, Output and Keterangan share the rest in proportion to
  how much text each holds (so every column wraps to about as many lines), then width
  moves from column to column while that makes the rows shorter (one long Keterangan
  should not make its row three times as tall as the others); each at least as wide as
  its longest word and its header's longest word, and a column of short values (every
  cell at most ``Style.one_line_max`` on one line, like "5 Menit" under Waktu) as wide
  as its widest value: those stay on one line.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sopgen.layout.geometry import Span
from sopgen.layout.style import Measure, Style
from sopgen.layout.text import HYPHEN_MIN_WORD, block_height, wrap

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
    symbol_need: float = 0.0,
) -> Columns:
    """Columns filling ``width`` from ``x0``. ``texts``: each text column's cell texts
    (role -> one text per row, "no" included); ``titles``: the header text of each
    column; ``names``: the executors (one lane each); ``symbol_need``: the lane width
    the texts inside symbols ask for (symbols.teks_lane_need)."""
    pad = 2 * style.cell_pad
    size, head = style.font_size, MIN_HEADER_SIZE
    roles = ("kegiatan", *(r for r in style.columns if r in TEXT_COLUMNS))
    n = max(1, len(names))
    named = max(longest_word(names, "bold", head, measure) + pad, symbol_need)
    lane = max(style.lane_min, min(named, style.lane_max))
    lane = min(lane, style.lanes_max * width / n)
    # a word too short to hyphenate ('Humas', 'Kepala') is never broken: past lanes_max
    # if it must, up to lanes_hard_max
    short = [w for name in names for w in name.split() if len(w) < HYPHEN_MIN_WORD]
    unbroken = longest_word(short, "bold", head, measure) + pad
    lane = max(lane, min(unbroken, style.lanes_hard_max * width / n))
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
    floor = single_width(lane, style) * style.box_ratio + 2 * style.row_min_pad
    widths = shorten_rows(widths, need, texts, floor, style, measure)
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


def single_width(lane_w: float, style: Style) -> float:
    """A one-lane symbol's width: min(symbol_w, lane_w * symbol_fill_of_lane,
    lane_w - 2 * lane_gutter_min)."""
    return max(
        1.0,
        min(style.symbol_w, lane_w * style.symbol_fill_of_lane, lane_w - 2 * style.lane_gutter_min),
    )


MOVES = (24.0, 12.0, 6.0, 3.0)  # widths moved between text columns, coarse to fine
MOST_MOVES = 40  # bounded time: at most this many moves in all


def shorten_rows(
    widths: Mapping[str, float],
    need: Mapping[str, float],
    texts: Mapping[str, Sequence[str]],
    floor: float,
    style: Style,
    measure: Measure,
) -> dict[str, float]:
    """Move width from one text column to another while the rows' heights (each row:
    its tallest cell, at least ``floor``, a symbol's row) add up to less: from any
    column that keeps its ``need`` to a column that decides some row's height."""
    cache: dict[tuple[str, int], tuple[float, ...]] = {}

    def heights(role: str, w: float) -> tuple[float, ...]:
        key = (role, round(w * 4))
        if key not in cache:
            inner = w - 2 * style.cell_pad
            cache[key] = tuple(
                block_height(
                    len(wrap(t, inner, "regular", style.font_size, measure)),
                    style.leading,
                    style.cell_pad,
                )
                for t in texts.get(role, ())
            )
        return cache[key]

    def total(ws: Mapping[str, float]) -> tuple[float, set[str]]:
        cols = {r: heights(r, w) for r, w in ws.items()}
        n = max((len(h) for h in cols.values()), default=0)
        out, deciding = 0.0, set()
        for row in range(n):
            tallest = max(((h[row] if row < len(h) else 0.0), r) for r, h in cols.items())
            out += max(floor, tallest[0])
            if tallest[0] > floor:
                deciding.add(tallest[1])
        return out, deciding

    best = dict(widths)
    score, deciding = total(best)
    moves = 0
    for step in MOVES:
        while moves < MOST_MOVES:
            options = []
            for to in sorted(deciding):
                for frm in best:
                    if frm != to and best[frm] - step >= need[frm] - 1e-9:
                        trial = {**best, frm: best[frm] - step, to: best[to] + step}
                        options.append((*total(trial), trial))
            found = min(options, key=lambda o: o[0], default=None)
            if found is None or found[0] > score - 0.5:
                break
            score, deciding, best = found
            moves += 1
    return best
