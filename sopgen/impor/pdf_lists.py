"""The numbered lists of an SOP's identity page (Dasar Hukum, Kualifikasi Pelaksana,
Keterkaitan, Peralatan, Peringatan, Pencatatan): each list under its heading, down to the
next heading or the end of the identity table; items by their numbers or bullets, else by
lines that stop short of the cell's edge.
"""

from __future__ import annotations

import re

from sopgen.impor.pdf_table import runs
from sopgen.impor.pdf_text import TextLine, join_lines, text_lines

# after the heading's words: a cut-off '/' ('PERALATAN/' when 'PERLENGKAPAN' did not fit),
# '(lanjutan)', and the first item after a colon
_TAIL = r"\s*/?\s*(\(lanjutan\))?\s*(:.*)?$"
LISTS = (
    ("dasar_hukum", re.compile(r"^dasar\s+hukum" + _TAIL, re.I)),
    ("kualifikasi_pelaksana", re.compile(r"^kualifikasi(\s+pelaksana(an)?)?" + _TAIL, re.I)),
    ("keterkaitan", re.compile(r"^keterkaitan" + _TAIL, re.I)),
    (
        "peralatan",
        re.compile(r"^peralatan(\s*/\s*perlengkapan|\s+dan\s+perlengkapan)?" + _TAIL, re.I),
    ),
    ("peringatan", re.compile(r"^peringatan" + _TAIL, re.I)),
    ("pencatatan", re.compile(r"^pencatatan(\s+dan(\s+pendataan)?)?" + _TAIL, re.I)),
)
MARKER = re.compile(r"^\s*(\d{1,2}[.),]|[a-z][.)]|[-•*])\s*")


def heading(seg: TextLine) -> str | None:
    for key, pat in LISTS:
        if pat.match(seg.text):
            return key
    return None


def read_lists(page, geom, segs: list[TextLine], limit: float, lists: dict, used=None) -> None:
    """Each list under its heading into ``lists``; the words read go into ``used``."""
    used = set() if used is None else used
    heads = [(k, s) for s in segs if (k := heading(s))]
    if not heads:
        return
    rules = [r for r in runs(geom.rulings(), True) if r.hi - r.lo >= 0.3 * page.width]
    vrules = [r for r in runs(geom.rulings(), False) if r.hi - r.lo > 8]
    table_bottom = max((r.pos for r in rules if r.pos <= limit + 1), default=limit)
    for key, h in heads:
        cy = (h.top + h.bottom) / 2
        lefts = [r.pos for r in vrules if r.pos <= h.x0 + 1 and r.lo - 2 <= cy <= r.hi + 2]
        rights = [r.pos for r in vrules if r.pos >= h.x1 - 1 and r.lo - 2 <= cy <= r.hi + 2]
        same_row = [s for _, s in heads if s is not h and abs(s.top - h.top) < 15 and s.x0 > h.x1]
        x0 = max(lefts, default=0.0)
        x1 = min(rights + [s.x0 - 2 for s in same_row], default=page.width)
        below = [s.top for _, s in heads if s.top > h.bottom and x0 - 2 <= (s.x0 + s.x1) / 2 <= x1]
        y1 = min(below, default=table_bottom) - 0.5
        body = sorted(
            (
                s
                for s in segs
                if s.top >= h.bottom - 1
                and s.bottom <= y1 + 1
                and s.x0 >= x0 - 1
                and s.x1 <= x1 + 1
                and s is not h
            ),
            key=lambda s: (s.top, s.x0),
        )
        body = _by_columns(body, x0, x1, vrules)
        used.update(id(w) for s in [h, *body] for w in s.words)
        # the cell's own right edge (rulings beside its first content line): a line that
        # reaches close to it wraps on into the next line
        if body:
            cy0 = (body[0].top + body[0].bottom) / 2
            edge = [
                r.pos for r in vrules if r.pos >= body[0].x1 - 1 and r.lo - 2 <= cy0 <= r.hi + 2
            ]
            if edge:
                x1 = min(x1, min(edge))
        # the heading's own line may carry the first item after a colon
        tail = h.text.split(":", 1)[1].strip() if ":" in h.text else ""
        texts = ([tail] if tail else []) + [s.text for s in body]
        lines = ([None] if tail else []) + body
        found = items(texts, lines, x1)
        if found:
            lists.setdefault(key, []).extend(found)


NUMBER_WORD = re.compile(r"^\d{1,2}[.)]$")


def _by_columns(body: list[TextLine], x0: float, x1: float, vrules) -> list[TextLine]:
    """A long numbered list may flow in two columns inside one cell (items 1-15 on the left,
    16-21 on the right): read the left column down, then the right one."""
    marks = sorted(w.x0 for s in body for w in s.words if NUMBER_WORD.match(w.text))
    groups: list[list[float]] = []
    for m in marks:
        if groups and m - groups[-1][-1] <= 8:
            groups[-1].append(m)
        else:
            groups.append([m])
    if len(groups) < 2 or groups[1][0] - groups[0][0] < 0.25 * max(x1 - x0, 1):
        return body
    split = groups[1][0] - 2
    words = [w for s in body for w in s.words]
    left = text_lines([w for w in words if w.x0 < split], vrules)
    right = text_lines([w for w in words if w.x0 >= split], vrules)
    return sorted(left, key=lambda s: (s.top, s.x0)) + sorted(right, key=lambda s: (s.top, s.x0))


def _next_bare(text: str, mark: str, x0: float | None, mark_x: float | None):
    """A number printed without its dot ("8 Aplikasi e-ttd" after "7. Aplikasi ..."): an
    item's number when it is the next one of the list, an item begins there (a capital)
    and the line starts where the last numbered one did (not a wrapped "4 kali setahun")."""
    last = mark.rstrip(".),")
    m = re.match(r"^\s*(\d{1,2})\s+(?=[A-Z])", text)
    if not m or not last.isdigit() or int(m.group(1)) != int(last) + 1:
        return None
    if x0 is not None and mark_x is not None and abs(x0 - mark_x) > 3:
        return None
    return m


def items(texts: list[str], lines, right: float) -> list[str]:
    marked = sum(bool(MARKER.match(t)) for t in texts)
    out: list[tuple[str, str]] = []  # (marker, text)
    cur: list[str] = []
    mark = ""
    mark_x: float | None = None  # where the last numbered line starts
    for t, line in zip(texts, lines, strict=True):
        parts = [t]
        if MARKER.match(t):
            # two columns of items on one printed line: "1. Alat Tulis 4. Printer"
            parts = re.split(r"\s(?=\d{1,2}[.)]\s)", t)
        for part in parts:
            if not part.strip(".,;:"):
                continue  # a stray mark alone on its line (a lone '.' at a cell's foot)
            x0 = line.x0 if line is not None and part is parts[0] else None
            m = MARKER.match(part) or _next_bare(part, mark, x0, mark_x)
            # unnumbered: an item ends with a line that stops short of the cell's edge
            starts = bool(m) if marked else False
            moved: list[str] = []
            if starts and m and not part[m.end() :].strip():
                # a number alone on its line, centred on its item's lines (a table row per
                # item): the lines after the previous item's closing ';' or '.' are its own
                for k in range(1, len(cur)):
                    if cur[k - 1].rstrip().endswith((";", ".")):
                        cur, moved = cur[:k], cur[k:]
                        break
            if starts and cur:
                out.append((mark, join_lines(cur)))
                cur = moved
            if m:
                mark, mark_x = m.group(1), x0
            if not (m and not part[m.end() :].strip()):
                cur.append(part[m.end() :] if m else part)
            if not marked and line is not None and line.x1 < right - 0.15 * max(right - line.x0, 1):
                out.append((mark, join_lines(cur)))
                cur = []
    if cur:
        out.append((mark, join_lines(cur)))
    nums = [int(m.rstrip(".)")) if m.rstrip(".)").isdigit() else None for m, _ in out]
    if all(n is not None for n in nums) and len(set(nums)) == len(nums) > 1:
        out = [x for _, x in sorted(zip(nums, out, strict=True))]
    # a stray mark alone ("-", ":", a lone "." left at the bottom of a cell) is no item
    return [i for i in (x.strip() for _, x in out) if i.strip("-–:.,;*")]
