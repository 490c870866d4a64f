"""Decision labels ('Ya', 'Tidak') on one page: which exit each names.

Short texts in the executor columns outside every symbol are label phrases (and a label
word printed just past the executor columns, a text box moved over the next column: taken
out of that cell's text again). Each exit of a decision gets at most one phrase and each
phrase names at most one exit: as many exits labelled as can be, then the nearest
(``assign``); a phrase counts as near when it stands beside the corner the exit leaves,
along the exit's first stretch of line, or, less surely, along its further line.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from sopgen.impor import ir
from sopgen.impor.assign import assign
from sopgen.impor.pdf_body import TEXT_ROLES, PagePart, Part
from sopgen.impor.pdf_geom import Segment
from sopgen.impor.pdf_guess import nomor_of as _nomor
from sopgen.impor.pdf_shapes import LABEL_WORDS, Sym, covers
from sopgen.impor.pdf_text import Word, lines_of
from sopgen.impor.pdf_wires import Net, exit_path, seg_dist

LABEL_NEAR = 16.0  # a label is printed this close to its line
BESIDE = 24.0  # a label word this far past the executor columns may still be one


def label_phrases(
    pp: PagePart, syms: list[Sym], idx: list[int], beside: bool = False
) -> list[tuple[str, list[Word]]]:
    """Short texts in the executor columns outside every symbol: arrow labels; with
    ``beside``, also a label word ('Ya', 'Tidak') printed just past the executor columns
    (a text box moved over the next column)."""
    g = pp.grid
    lanes = [x for c, k in enumerate(pp.executor) if k is not None for x in g.xs[c : c + 2]]
    ws = []
    for w in pp.page.words:
        # a label may run over the lane's ruling into the next column
        cs = [c for c in (g.col_of(w.x0 + 1), g.col_of(w.x1 - 1)) if c is not None]
        inside = any(pp.executor[c] is not None for c in cs)
        near = bool(lanes) and min(lanes) - BESIDE <= w.cx <= max(lanes) + BESIDE
        if not (inside or beside and near and LABEL_WORDS.match(w.text)):
            continue
        if not pp.body_top <= w.cy <= g.bottom:
            continue
        if any(covers(syms[i].outline, syms[i].kind, w.cx, w.cy) for i in idx):
            continue
        ws.append(w)
    out = []
    for line in lines_of(ws):
        cur = [line[0]]
        for w in line[1:]:
            if w.x0 - cur[-1].x1 > 8:
                out.append(cur)
                cur = []
            cur.append(w)
        out.append(cur)
    out = [p for p in out if len(p) <= 4]
    if beside:  # past the lanes only a whole label: not the end of a cell's line
        out = [p for p in out if any(_in_lanes(pp, w) for w in p) or _alone(pp, p)]
    return [(" ".join(w.text for w in p), p) for p in out]


def _in_lanes(pp: PagePart, w: Word) -> bool:
    g = pp.grid
    cs = [c for c in (g.col_of(w.x0 + 1), g.col_of(w.x1 - 1)) if c is not None]
    return any(pp.executor[c] is not None for c in cs)


def _alone(pp: PagePart, phrase: list[Word]) -> bool:
    """A phrase past the lanes that is a label and a line of its own in its cell."""
    if not LABEL_WORDS.match(" ".join(w.text for w in phrase)):
        return False
    top, bottom = min(w.top for w in phrase), max(w.bottom for w in phrase)
    x0, x1 = min(w.x0 for w in phrase), max(w.x1 for w in phrase)
    c = pp.grid.col_of((x0 + x1) / 2)
    same_line = [
        w
        for w in pp.page.words
        if w not in phrase
        and w.top < bottom - 1
        and w.bottom > top + 1
        and c is not None
        and pp.grid.col_of(w.cx) == c
    ]
    return not same_line


def _box_dist(ws: list[Word], s: Segment) -> float:
    x0 = min(w.x0 for w in ws)
    x1 = max(w.x1 for w in ws)
    y0 = min(w.top for w in ws)
    y1 = max(w.bottom for w in ws)
    pts = [(x0, y0), (x1, y0), (x0, y1), (x1, y1), ((x0 + x1) / 2, (y0 + y1) / 2)]
    return min(seg_dist(p, s) for p in pts)


def label_exits(pp: PagePart, syms: list[Sym], idx: list[int], nets: list[Net]) -> list:
    # one unit per exit: a network shared by several exits (arrows joined on their way)
    # gives each exit only its own stretch of line before the join
    units = []
    for net in nets:
        for d, p in net.exits:
            units.append((net, d, p, exit_path(net, p)))
    costs: dict[tuple[int, int], float] = {}
    phrases = label_phrases(pp, syms, idx, beside=True)
    for k, (_text, ws) in enumerate(phrases):
        for n, (net, _d, p, own) in enumerate(units):
            # a label sits beside the corner the exit leaves, or along the exit's first
            # stretch of line; further on, a line may pass another exit's label
            corner = _box_dist(ws, Segment(p[0], p[1], p[0], p[1]))
            first = _box_dist(ws, own[0])
            further = own[1:] if len(net.sources) > 1 else net.segs
            second = min((_box_dist(ws, s) for s in further), default=math.inf)
            if corner <= LABEL_NEAR + 6 or first <= LABEL_NEAR or second <= LABEL_NEAR:
                costs[(k, n)] = min(corner, first + 6, second + 14)
    # as many exits labelled as can be, then the nearest: a label passed closely by another
    # exit's line is not taken from the exit it stands beside when that one has no other
    beside = []
    for k, n in sorted(assign(costs), key=lambda kn: costs[kn]):
        net, d, _p, _own = units[n]
        net.labels.setdefault(d, phrases[k][0])
        if not any(_in_lanes(pp, w) for w in phrases[k][1]):
            beside.append(phrases[k])
    # a label past the lanes was read into its cell's text too
    return beside


def unprint(part: Part, pp: PagePart, text: str, ws: list[Word], uncertain) -> None:
    """Take a decision's label printed past the executor columns out of the text of the
    cell it stands in (once there; else it stays, and is said)."""
    y = sum(w.cy for w in ws) / len(ws)
    band = next((b for b in pp.bands if b.row is not None and b.y0 <= y < b.y1), None)
    c = pp.grid.col_of(sum(w.cx for w in ws) / len(ws))
    key = pp.roles[c] if c is not None else None
    if band is None or key not in TEXT_ROLES:
        return
    row = part.rows[band.row]
    pattern = re.compile(rf"(^|\s){re.escape(text)}(?=\s|$)")
    old = getattr(row, key)
    if len(pattern.findall(old)) == 1:
        part.rows[band.row] = replace(row, **{key: pattern.sub("", old, count=1).strip()})
    else:
        uncertain.append(
            ir.Uncertainty(
                f"label '{text}' tercetak di kolom {key} baris {_nomor(part, band.row)}; "
                "periksa apakah teks sel itu memuatnya",
                band.row,
                key,
            )
        )
