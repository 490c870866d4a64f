"""Arrows pasted as pictures: a plausible flow instead of none, each guess marked.

Some offices paste arrows as images into the flowchart (copied from another drawing); the
lines cannot be read from the picture. Around such pictures every symbol that no drawn
arrow leaves is given the flow an SOP most often has: on to the next symbol in row order;
a decision goes on ('Ya') to the next symbol and back ('Tidak') to the one before it, with
the exit labels printed beside it when they can be read. A terminator after the first
symbol is taken as an end. Each guessed arrow becomes an ``Uncertainty`` on its row, so
the officer checks it against the source.
"""

from __future__ import annotations

import math

from sopgen.impor import ir
from sopgen.impor.pdf_body import PagePart, Part
from sopgen.impor.pdf_shapes import Sym
from sopgen.impor.pdf_text import Word
from sopgen.impor.values import is_negative

LABEL_REACH = 60.0  # an exit label is printed this close to its decision


def picture_rows(pp: PagePart) -> set[int]:
    """Rows whose executor cells hold a picture."""
    g = pp.grid
    cols = [c for c, k in enumerate(pp.executor) if k is not None]
    if not cols:
        return set()
    ex0, ex1 = g.xs[cols[0]], g.xs[cols[-1] + 1]
    rows = set()
    for x0, y0, x1, y1 in pp.page.images:
        if x1 > ex0 and x0 < ex1 and y1 > pp.body_top and y0 < g.bottom:
            for b in pp.bands:
                if b.row is not None and y1 > b.y0 and y0 < b.y1:
                    rows.add(b.row)
    return rows


def picture_note(part: Part, pp: PagePart, rows: set[int]) -> ir.Uncertainty:
    nomor = [nomor_of(part, r) for r in sorted(rows)]
    return ir.Uncertainty(
        f"halaman {pp.page.number}: ada gambar (bukan garis) di kolom pelaksana, mungkin "
        f"panah, di baris {', '.join(nomor)}; panah yang tidak terbaca dari gambar ditebak "
        "(lanjut ke simbol berikutnya, keputusan Tidak kembali ke simbol sebelumnya) dan "
        "setiap tebakan ditandai: periksa",
        min(rows),
        "lanjut",
    )


def nomor_of(part: Part, row: int | None) -> str:
    if row is None or row >= len(part.rows):
        return "?"
    return part.rows[row].nomor or f"ke-{row + 1}"


def guess_links(
    part: Part,
    syms: list[Sym],
    rep: dict[int, int],
    links: dict[tuple[int, int], str | None],
    rows: set[int],
    phrases: dict[int, list[tuple[str, list[Word]]]],
    uncertain: list[ir.Uncertainty],
) -> dict[tuple[int, int], str | None]:
    """``rows``: rows with pictures; ``phrases``: per page position, the short texts in
    the executor columns outside the symbols (possible exit labels)."""
    if not rows:
        return links
    order = sorted(
        {rep[i] for i in range(len(syms)) if syms[rep[i]].kind != "connector"},
        key=lambda i: (syms[i].row, syms[i].page, round(syms[i].cx / 8), syms[i].outline.cy),
    )
    out = dict(links)
    for g, i in enumerate(order):
        s = syms[i]
        if s.row not in rows:
            continue
        nxt = order[g + 1] if g + 1 < len(order) else None
        prev = order[g - 1] if g > 0 else None
        have = {t for (a, t) in out if a == i and t != i}
        if s.kind == "decision":
            if len(have) >= 2:
                continue
            ya, tidak = _labels(s, phrases.get(s.page, []), syms)
            if nxt is not None and nxt not in have:
                out[(i, nxt)] = ya
                have.add(nxt)
                _note(part, syms, i, nxt, f"cabang '{ya}'", uncertain)
            if prev is not None and len(have) < 2 and prev not in have:
                out[(i, prev)] = tidak
                _note(part, syms, i, prev, f"cabang '{tidak}' (kembali)", uncertain)
            continue
        if have or nxt is None or (s.kind == "terminator" and g > 0):
            continue
        out[(i, nxt)] = None
        _note(part, syms, i, nxt, "lanjut", uncertain)
    return out


def _labels(dec: Sym, phrases: list[tuple[str, list[Word]]], syms) -> tuple[str, str]:
    """The exit labels printed beside a decision: the negative one is 'Tidak'."""
    o = dec.outline
    near = []
    for text, ws in phrases:
        cx = sum(w.cx for w in ws) / len(ws)
        cy = sum(w.cy for w in ws) / len(ws)
        dx = max(o.x0 - cx, 0.0, cx - o.x1)
        dy = max(o.y0 - cy, 0.0, cy - o.y1)
        d = math.hypot(dx, dy)
        if d <= LABEL_REACH:
            near.append((d, text))
    near.sort()
    negative = [t for _, t in near if is_negative(t)]
    positive = [t for _, t in near if not is_negative(t)]
    return (positive[0] if positive else "Ya"), (negative[0] if negative else "Tidak")


def _note(part: Part, syms, i: int, t: int, what: str, uncertain: list) -> None:
    s = syms[i]
    nomor = nomor_of(part, s.row)
    if syms[t].row == s.row:  # not "from row 8 to row 8": which symbol of the row
        back = "(kembali)" in what
        to = f"simbol {'sebelumnya' if back else 'berikutnya'} di baris {nomor} itu juga"
    else:
        to = f"baris {nomor_of(part, syms[t].row)}"
    uncertain.append(
        ir.Uncertainty(
            f"panah dari baris {nomor} berupa gambar; alurnya ditebak: {what} ke {to}: "
            "periksa dengan aslinya",
            s.row,
            "keputusan" if s.kind == "decision" else "lanjut",
        )
    )
