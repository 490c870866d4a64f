"""Table columns: No | Kegiatan | one lane per executor | Kelengkapan | Waktu | Output |
Keterangan, with widths from what they hold.

- Executor lanes are all as wide as the widest need: a symbol with room for arrows beside
  it (``Style.lane_min``), the longest word of an executor's name in bold at the
  header's smallest size (7 pt; a name wraps between words), or the text inside a
  symbol (two lines in a diamond), up to ``Style.lane_max``
  (a longer word is hyphenated); together at most ``Style.lanes_max`` of the table,
  except that a word too short to hyphenate is never broken (up to ``lanes_hard_max``).
- A lane whose own decision labels or executor's name ask for more than that (a label
  such as "Administratif" beside a line down the lane's middle, a twelfth of the
  table that cannot hold a "Tidak" beside its line, a name in more than three lines)
  is widened alone: the room comes
  from the lanes that need less than the common width (in proportion to what they can
  spare), then from the text columns (``lane_widths``). Symbols keep one size, that of
  the narrowest lane.
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
        """The narrowest lane's width (all of them but a widened one: lane_widths)."""
        return min(c.w for c in self.lanes)

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


@dataclass(frozen=True)
class LaneNeed:
    """What one lane's own symbols ask of its width: the texts inside them
    (symbols.teks_lane_need's rule) and the decision labels beside their exits."""

    teks: float = 0.0
    labels: float = 0.0


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
    lane_needs: Sequence[LaneNeed] = (),
) -> Columns:
    """Columns filling ``width`` from ``x0``. ``texts``: each text column's cell texts
    (role -> one text per row, "no" included); ``titles``: the header text of each
    column; ``names``: the executors (one lane each); ``symbol_need``: the lane width
    the texts inside symbols ask for (symbols.teks_lane_need); ``lane_needs``: what
    each lane's own symbols ask for (symbols.lane_needs), one per executor."""
    pad = 2 * style.cell_pad
    size, head = style.font_size, MIN_HEADER_SIZE
    roles = ("kegiatan", *(r for r in style.columns if r in TEXT_COLUMNS))
    n = max(1, len(names))
    lane = common_lane(names, symbol_need, style, width / n, measure)
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
    lanes = [lane] * n
    if lane_needs:
        floors = [
            common_lane([name], need_k.teks, style, width / n, measure)
            for name, need_k in zip(names, lane_needs, strict=True)
        ]
        most = min(style.lanes_hard_max * width, width - no - sum(need.values()))
        labels = [max(lane, min(k.labels, WIDEN_MAX * style.lane_max)) for k in lane_needs]
        # names only as far as the lanes stay within lanes_max and the text columns
        # keep their needs (a table of many lanes has no room to give)
        room = min(style.lanes_max * width, most) - sum(labels)
        extra = [
            max(0.0, name_want(nm, lane, style, measure) - lb)
            for nm, lb in zip(names, labels, strict=True)
        ]
        scale = 0.0 if room <= EPS or not any(extra) else min(1.0, room / sum(extra))
        wants = [lb + e * scale for lb, e in zip(labels, extra, strict=True)]
        lanes = lane_widths(lane, wants, floors, max(most, n * lane), style)
    # (n * lane when they are all alike: the same float as ever)
    lanes_w = sum(lanes) if len(set(lanes)) > 1 else n * lane
    widths = share(width - no - lanes_w, need, amount)
    floor = single_width(min(lanes), style) * style.box_ratio + 2 * style.row_min_pad
    widths = shorten_rows(widths, need, texts, floor, style, measure)
    cols: list[Column] = [Column("no", x0, no)]
    x = x0 + no
    cols.append(Column("kegiatan", x, widths["kegiatan"]))
    x += widths["kegiatan"]
    for k in range(n):
        cols.append(Column("lane", x, lanes[k], k))
        x += lanes[k]
    for role in roles[1:]:
        cols.append(Column(role, x, widths[role]))
        x += widths[role]
    return Columns(tuple(cols))


def common_lane(
    names: Sequence[str], symbol_need: float, style: Style, share_w: float, measure: Measure
) -> float:
    """The width every lane gets (module docstring): room for a symbol and its arrows,
    the names' longest words, the symbols' texts; ``share_w``: the table's width over
    the number of lanes."""
    named = max(
        longest_word(names, "bold", MIN_HEADER_SIZE, measure) + 2 * style.cell_pad, symbol_need
    )
    lane = max(style.lane_min, min(named, style.lane_max))
    lane = min(lane, style.lanes_max * share_w)
    # a word too short to hyphenate ('Humas', 'Kepala') is never broken: past lanes_max
    # if it must, up to lanes_hard_max
    short = [w for name in names for w in name.split() if len(w) < HYPHEN_MIN_WORD]
    unbroken = longest_word(short, "bold", MIN_HEADER_SIZE, measure) + 2 * style.cell_pad
    return max(lane, min(unbroken, style.lanes_hard_max * share_w))


WIDEN_MAX = 1.5  # a lane is widened for its labels to at most this many lane_max
NAME_LINES_MAX = 3  # an executor's name in more lines than this widens its lane


def name_want(name: str, lane: float, style: Style, measure: Measure) -> float:
    """The narrowest lane, from ``lane`` up by 2 pt to ``Style.lane_max``, whose header
    holds ``name`` in NAME_LINES_MAX lines at the header's smallest size ("Aplikasi FRS
    MFD Online level kab/kota" in five lines of a 16 mm lane); ``lane`` when it does
    already or no width up to lane_max does."""
    w = lane
    while len(wrap(name, w - 2 * style.cell_pad, "bold", MIN_HEADER_SIZE, measure)) > (
        NAME_LINES_MAX
    ):
        if w >= style.lane_max:
            return lane
        w = min(w + 2.0, style.lane_max)
    return w


SQUEEZE = 0.85  # the last resort: other lanes down to this share of their own width


def lane_widths(
    lane: float, wants: Sequence[float], floors: Sequence[float], most: float, style: Style
) -> list[float]:
    """Each lane's width: ``lane``, except a lane that ``wants`` more for its labels
    (up to WIDEN_MAX lane_max). What the widened lanes take comes, in this order: from
    the other lanes down to their own ``floors`` (the common width their names and
    texts alone would give); from the text columns, all the lanes together at most
    ``most``; from the other lanes down to SQUEEZE of their floors. Each step takes from
    the lanes in proportion to what they can give; short of it all, the widened lanes
    get less."""
    n = len(wants)
    widths = [max(lane, min(w, WIDEN_MAX * style.lane_max)) for w in wants]
    grown = [w > lane for w in widths]
    extra = sum(widths) - n * lane
    if extra <= EPS:
        return [lane] * n
    widths = _take(
        widths, extra, [0.0 if g else lane - f for g, f in zip(grown, floors, strict=True)]
    )
    extra = sum(widths) - most
    squeeze = [0.0 if g else w - SQUEEZE * f for g, w, f in zip(grown, widths, floors, strict=True)]
    widths = _take(widths, extra, squeeze)
    extra = sum(widths) - most
    return _take(
        widths, extra, [w - lane if g else 0.0 for g, w in zip(grown, widths, strict=True)]
    )


def _take(widths: list[float], amount: float, can: Sequence[float]) -> list[float]:
    """``widths`` less ``amount`` in all (at most what they ``can`` give), each in
    proportion to what it can give."""
    can = [max(0.0, c) for c in can]
    taken = min(amount, sum(can))
    if taken <= EPS:
        return widths
    total = sum(can)
    return [w - taken * c / total for w, c in zip(widths, can, strict=True)]


EPS = 1e-6


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
