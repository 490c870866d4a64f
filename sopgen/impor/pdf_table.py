"""The flowchart table on one page: its ruling grid, its header and its body bands.

Columns are the vertical rulings that run down to the bottom of the table; rows are the
horizontal rulings that cross most of its width (an arrow never reaches a table border).
The header is recognised by its words (No, Kegiatan/Aktivitas/Uraian, Pelaksana, Mutu Baku,
Waktu, ...), never by positions, so other agencies' layouts read the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sopgen.impor.pdf_geom import Segment
from sopgen.impor.pdf_text import Word, text_of

KEGIATAN = re.compile(
    r"\W*(no\.?\s*)?(aktivitas|aktifitas|kegiatan|uraian|langkah|tahapan)"
    r"([/\s-]+(aktivitas|aktifitas|kegiatan|uraian))?\W*",
    re.I,
)
CONFIRM_WORD = re.compile(
    r"\W*(pelaksana|mutu|baku|waktu|output|keluaran|kelengkapan|persyaratan|keterangan)\W*",
    re.I,
)
HEADER_WORD = re.compile(
    r"\W*(pelaksana|mutu|baku|waktu|output|keluaran|kelengkapan|persyaratan|keterangan|"
    r"ket|no|nomor)\W*",
    re.I,
)
ROLE_PATTERNS = (
    ("no", re.compile(r"^(no|nomor|no\.?\s*urut)\W*$", re.I)),
    (
        "kegiatan",
        re.compile(
            r"^\W*(aktivitas|aktifitas|kegiatan|uraian|langkah|tahapan|"
            r"prosedur)",
            re.I,
        ),
    ),
    (
        "kelengkapan",
        re.compile(
            r"^\W*(kelengkapan|persyaratan|perlengkapan|syarat|input|"
            r"masukan|bahan)",
            re.I,
        ),
    ),
    ("waktu", re.compile(r"^\W*waktu", re.I)),
    ("output", re.compile(r"^\W*(output|keluaran|hasil)", re.I)),
    ("keterangan", re.compile(r"^\W*(ket\b|ket\.|keterangan|catatan)", re.I)),
)
COLNUM = re.compile(r"\(?\d{1,2}\)?\.?")


@dataclass
class Run:
    pos: float  # y of a horizontal run, x of a vertical one
    lo: float
    hi: float


def runs(segs: list[Segment], horizontal: bool, gap: float = 3.0) -> list[Run]:
    """Horizontal (or vertical) segments merged along their line."""
    items = []
    for s in segs:
        if horizontal and s.horizontal:
            items.append(((s.y0 + s.y1) / 2, min(s.x0, s.x1), max(s.x0, s.x1)))
        elif not horizontal and s.vertical:
            items.append(((s.x0 + s.x1) / 2, min(s.y0, s.y1), max(s.y0, s.y1)))
    items.sort()
    groups: list[list[tuple[float, float, float]]] = []
    for it in items:
        if groups and it[0] - groups[-1][-1][0] <= 1.6:
            groups[-1].append(it)
        else:
            groups.append([it])
    out: list[Run] = []
    for g in groups:
        pos = sum(i[0] for i in g) / len(g)
        for lo, hi in sorted((i[1], i[2]) for i in g):
            if out and out[-1].pos == pos and lo <= out[-1].hi + gap:
                out[-1].hi = max(out[-1].hi, hi)
            else:
                out.append(Run(pos, lo, hi))
    return out


def coverage(rs: list[Run], lo: float, hi: float) -> float:
    """Length of [lo, hi] covered by the runs (which share one line)."""
    total, cur = 0.0, lo
    for r in sorted(rs, key=lambda r: r.lo):
        a, b = max(r.lo, cur), min(r.hi, hi)
        if b > a:
            total += b - a
            cur = b
    return total


def _cluster(rs: list[Run], tol: float = 2.0) -> list[list[Run]]:
    out: list[list[Run]] = []
    for r in sorted(rs, key=lambda r: r.pos):
        if out and r.pos - out[-1][0].pos <= tol:
            out[-1].append(r)
        else:
            out.append([r])
    return out


@dataclass
class Grid:
    left: float
    right: float
    top: float
    bottom: float
    xs: list[float]  # column boundaries, left to right (first = left, last = right)
    ys: list[float]  # row boundaries, top to bottom

    def col_of(self, x: float) -> int | None:
        for i in range(len(self.xs) - 1):
            if self.xs[i] <= x < self.xs[i + 1]:
                return i
        return None

    def band_of(self, y: float) -> int | None:
        for i in range(len(self.ys) - 1):
            if self.ys[i] <= y < self.ys[i + 1]:
                return i
        return None


def find_anchors(words: list[Word]) -> list[Word]:
    """Candidate header words of the activity column, each confirmed by two other header
    words nearby (Pelaksana, Mutu Baku, Waktu, ...), top to bottom."""
    out = []
    for w in sorted(words, key=lambda w: (w.top, w.x0)):
        if not KEGIATAN.fullmatch(w.text) or not w.text.lstrip("(").strip()[:1].isupper():
            continue
        near = {
            o.text.lower().strip(".:/()")
            for o in words
            if o is not w and abs(o.cy - w.cy) < 40 and CONFIRM_WORD.fullmatch(o.text)
        }
        if len(near) >= 2:
            out.append(w)
    return out


def find_grid(
    segs: list[Segment], width: float, anchor: Word | None, prev: Grid | None
) -> Grid | None:
    hr = runs(segs, True)
    vr = runs(segs, False)
    long_h = [r for r in hr if r.hi - r.lo >= 0.3 * width]
    if anchor is not None:
        above = [
            r for r in long_h if r.pos <= anchor.top + 1 and r.lo <= anchor.x0 and r.hi >= anchor.x1
        ]
        if not above:
            return None
        top_run = max(above, key=lambda r: r.pos)
    elif prev is not None:
        cands = [r for r in long_h if abs(r.lo - prev.left) < 15 and abs(r.hi - prev.right) < 15]
        if not cands:
            return None
        top_run = min(cands, key=lambda r: r.pos)
    else:
        return None
    top = top_run.pos
    # the whole top border may be drawn in pieces
    same = [r for r in hr if abs(r.pos - top) <= 2.0]
    left = min(r.lo for r in same if r.hi >= top_run.lo - 3)
    right = max(r.hi for r in same if r.lo <= top_run.hi + 3)
    left, right = min(left, top_run.lo), max(right, top_run.hi)
    # bottom: where the left or right border ends
    borders = [
        r
        for r in vr
        if (abs(r.pos - left) <= 3 or abs(r.pos - right) <= 3)
        and r.lo <= top + 4
        and r.hi > top + 5
    ]
    if borders:
        bottom = max(r.hi for r in borders)
    else:
        wide = [r for r in long_h if r.pos > top and r.lo <= left + 10 and r.hi >= right - 10]
        if not wide:
            return None
        bottom = max(r.pos for r in wide)
    height = bottom - top
    if height < 10:
        return None
    # a column ruling starts at the top border or inside the header (under a group title),
    # never below it: a long arrow from a box in the body down to a connector is no column
    head_bottom = top
    if anchor is not None:
        below = [
            r.pos
            for r in long_h
            if r.pos > anchor.bottom - 1 and coverage([r], left, right) >= 0.9 * (right - left)
        ]
        head_bottom = min(below, default=top)
    xs = []
    for group in _cluster([r for r in vr if left - 3 <= r.pos <= right + 3]):
        cov = coverage(group, top, bottom)
        reach = max(r.hi for r in group)
        x = sum(r.pos for r in group) / len(group)
        longest = max(group, key=lambda r: r.hi - r.lo)  # not a short arrow piece on it
        if (
            (cov >= 0.45 * height and reach >= bottom - 4 or cov >= 0.8 * height)
            and longest.lo <= head_bottom + 3
            and _hangs(hr, x, longest.lo)
        ):
            xs.append(x)
    xs = _merge_close(sorted(set(xs) | {left, right}))
    xs = [x for x in xs if left - 3 <= x <= right + 3]
    ys = []
    for group in _cluster([r for r in hr if top - 2 <= r.pos <= bottom + 2]):
        cov = coverage(group, left, right)
        lo = min(r.lo for r in group)
        hi = max(r.hi for r in group)
        if cov >= 0.55 * (right - left) and (lo <= left + 6 or hi >= right - 6):
            ys.append(sum(r.pos for r in group) / len(group))
    ys = _merge_close(sorted(set(ys) | {top, bottom}))
    ys = [y for y in ys if top - 2 <= y <= bottom + 2]
    return Grid(left, right, top, bottom, xs, ys)


def _hangs(hr: list[Run], x: float, start: float) -> bool:
    """A column ruling starts at a horizontal ruling that runs on at both sides of it (the
    table's top border or a header group's lower edge). A long arrow beside a lane (a loop
    back down the column's edge) starts at a symbol or turns a corner: it is no column."""
    near = [r for r in hr if abs(r.pos - start) <= 3 and r.lo <= x + 1.5 and r.hi >= x - 1.5]
    if not near:
        return False
    r = min(near, key=lambda r: abs(r.pos - start))  # the line it is drawn from
    return r.lo <= x - 3 and r.hi >= x + 3


def _merge_close(vals: list[float], tol: float = 4.0) -> list[float]:
    out: list[float] = []
    for v in vals:
        if out and v - out[-1] <= tol:
            continue
        out.append(v)
    return out


@dataclass
class Header:
    roles: list[str]  # per column: no, kegiatan, executor, kelengkapan, waktu, output, ...
    titles: list[str]  # per column: the leaf title as printed
    labels: dict[str, str] = field(default_factory=dict)
    bands: int = 0  # body starts at this band


def _is_colnum_band(ws: list[Word], ncols: int) -> bool:
    """A band "(1) (2) (3) ..." numbering the columns: a number in most columns, rising
    left to right (not a band holding off-page connectors marked 1, 2)."""
    if len(ws) < max(3, (ncols + 1) // 2) or not all(COLNUM.fullmatch(w.text) for w in ws):
        return False
    nums = [int(w.text.strip("().")) for w in sorted(ws, key=lambda w: w.x0)]
    return all(a < b for a, b in zip(nums, nums[1:], strict=False))


def read_header(grid: Grid, words: list[Word], segs: list[Segment]) -> Header | None:
    """The header rows at the top of the grid (None when the page has no header)."""
    nb = len(grid.ys) - 1
    header_bands = 0
    for b in range(min(nb, 4)):
        ws = [
            w
            for w in words
            if grid.ys[b] <= w.cy < grid.ys[b + 1] and grid.left <= w.cx <= grid.right
        ]
        numbered = any(
            re.fullmatch(r"\d{1,3}[a-z]?\.?", w.text)
            for w in ws
            if w.cx < grid.xs[min(2, len(grid.xs) - 1)]
        )
        keys = {w.text.lower().strip(".:/()") for w in ws if HEADER_WORD.fullmatch(w.text)}
        if not numbered and (any(KEGIATAN.fullmatch(w.text) for w in ws) or len(keys) >= 2):
            header_bands = b + 1
        elif _is_colnum_band(ws, len(grid.xs) - 1) and header_bands == b:
            header_bands = b + 1
        else:
            break
    if header_bands == 0:
        return None
    y0, y1 = grid.ys[0], grid.ys[header_bands]
    # words cut by the header's bottom ruling (a title too long for its cell) still count
    hw = [
        w
        for w in words
        if y0 <= w.cy
        and w.top < y1 - 1
        and not COLNUM.fullmatch(w.text)
        and (w.cy < y1 or w.top < y1 - 0.3 * (w.bottom - w.top))
    ]
    hsegs = [s for s in segs if s.horizontal and y0 + 1 < s.y0 < y1 - 1]
    ncols = len(grid.xs) - 1
    leaf: list[str] = []
    upper: list[list[str]] = []  # per column, texts of the groups above the leaf
    for c in range(ncols):
        a, b = grid.xs[c], grid.xs[c + 1]
        mid = (a + b) / 2
        cuts = sorted(s.y0 for s in hsegs if min(s.x0, s.x1) <= mid <= max(s.x0, s.x1))
        cws = [w for w in hw if a <= w.cx < b]
        groups: dict[int, list[Word]] = {}
        for w in cws:
            k = sum(1 for y in cuts if y < w.bottom - 1)  # overflowing titles go down
            groups.setdefault(k, []).append(w)
        keys = sorted(groups)
        leaf.append(text_of(groups[keys[-1]]) if keys else "")
        upper.append([text_of(groups[k]) for k in keys[:-1]])
    roles = []
    for t in leaf:
        role = "executor"
        for name, pat in ROLE_PATTERNS:
            if pat.search(t):
                role = name
                break
        roles.append(role)
    # the activity column is the first one named so; later ones are executors named alike
    seen: set[str] = set()
    for i, r in enumerate(roles):
        if r in seen and r != "executor":
            roles[i] = "executor"
        seen.add(r)
    # executors are one block of adjacent columns; an unnamed column elsewhere is no executor
    blocks: list[list[int]] = []
    for i, r in enumerate(roles):
        if r == "executor":
            if blocks and blocks[-1][-1] == i - 1:
                blocks[-1].append(i)
            else:
                blocks.append([i])
    if blocks:
        main = max(
            blocks,
            key=lambda b: (
                sum(bool(upper[i]) for i in b) > 0,
                sum(bool(leaf[i]) for i in b),
                len(b),
            ),
        )
        for b in blocks:
            for i in b:
                if b is not main and not leaf[i]:
                    roles[i] = "keterangan" if i == len(roles) - 1 else "other"
    # an empty leaf left of the activity column is the number column
    if "no" not in roles and "kegiatan" in roles:
        k = roles.index("kegiatan")
        if k > 0 and not leaf[k - 1]:
            roles[k - 1] = "no"
    labels: dict[str, str] = {}
    for i, r in enumerate(roles):
        if r != "executor" and leaf[i]:
            labels.setdefault(r, leaf[i])
        elif r == "keterangan":
            labels.setdefault(r, "")  # printed, but without a title
    for key, role_set in (
        ("pelaksana", {"executor"}),
        ("mutu_baku", {"kelengkapan", "waktu", "output"}),
    ):
        # a group title spans its columns: its words may stand over any of them
        # ("Mutu" over Kelengkapan, "Baku" over Waktu when it is centred on their border)
        over = [upper[i][0] for i, r in enumerate(roles) if r in role_set and upper[i]]
        if over:
            labels.setdefault(key, " ".join(over))
    return Header(roles, leaf, labels, header_bands)
