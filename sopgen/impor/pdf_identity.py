"""The identity page of an SOP: the label : value grid, the signing official, the agency block
under the logo and the numbered lists (Dasar Hukum, Kualifikasi Pelaksana, ...).

Everything is found by its printed labels, so the grid may be drawn in any size or order;
a value sits right of its label on the same line(s), a list under its heading down to the
next heading (or the end of the identity table).
"""

from __future__ import annotations

import re

from sopgen.impor import ir
from sopgen.impor.pdf_geom import PageGeometry
from sopgen.impor.pdf_source import RawPage
from sopgen.impor.pdf_table import runs
from sopgen.impor.pdf_text import Word, join_lines, line_text, lines_of

_TGL = r"^(tanggal|tgl\.?)\s*"
FIELDS = (
    ("nomor", re.compile(r"^(nomor|no\.?)\s*sop\b", re.I)),
    ("tanggal_pembuatan", re.compile(_TGL + r"(pembuatan|dibuat)\b", re.I)),
    ("tanggal_revisi", re.compile(_TGL + r"revisi\b", re.I)),
    ("tanggal_efektif", re.compile(_TGL + r"(efektif|berlaku|pengesahan|ditetapkan)\b", re.I)),
    ("disahkan", re.compile(r"^(disahkan|ditetapkan)\s+oleh\b", re.I)),
    ("nama", re.compile(r"^((nama|judul)\s+sop|standar\s+operasional)\b", re.I)),
)
_TAIL = r"\s*(\(lanjutan\))?\s*(:.*)?$"
LISTS = (
    ("dasar_hukum", re.compile(r"^dasar\s+hukum" + _TAIL, re.I)),
    ("kualifikasi_pelaksana", re.compile(r"^kualifikasi(\s+pelaksana)?" + _TAIL, re.I)),
    ("keterkaitan", re.compile(r"^keterkaitan" + _TAIL, re.I)),
    (
        "peralatan",
        re.compile(r"^peralatan(\s*/\s*perlengkapan|\s+dan\s+perlengkapan)?" + _TAIL, re.I),
    ),
    ("peringatan", re.compile(r"^peringatan" + _TAIL, re.I)),
    ("pencatatan", re.compile(r"^pencatatan(\s+dan\s+pendataan)?" + _TAIL, re.I)),
)
MARKER = re.compile(r"^\s*(\d{1,2}[.),]|[a-z][.)]|[-•*])\s*")
PANGKAT = re.compile(r"\b(pembina|penata|pengatur|juru)\b|\b(I{1,3}V?|IV)/[a-e]\b", re.I)
NIP = re.compile(r"^NIP\.?\s*:?\s*(.*)$", re.I)


class _Line:
    def __init__(self, words: list[Word]):
        self.words = words
        self.x0 = min(w.x0 for w in words)
        self.x1 = max(w.x1 for w in words)
        self.top = min(w.top for w in words)
        self.bottom = max(w.bottom for w in words)
        self.text = line_text(words)


def _segments(words: list[Word], vrules=()) -> list[_Line]:
    """Printed lines split where a ruling or a wide gap separates cells."""
    out = []
    for line in lines_of(words):
        cur = [line[0]]
        for w in line[1:]:
            size = max(w.size, 4.0)
            a, b = cur[-1].x1, w.x0
            ruled = any(a - 1 <= r.pos <= b + 1 and r.lo <= w.cy <= r.hi for r in vrules)
            if ruled or b - a > 2.2 * size:
                out.append(_Line(cur))
                cur = []
            cur.append(w)
        out.append(_Line(cur))
    return out


def read_identity(pages: list[RawPage], geoms: list[PageGeometry], first_top, start: int = 0):
    """The identity printed from page ``start`` down to ``first_top`` (page index, y) where
    the flowchart table begins."""
    page_i, top = first_top
    found: dict[str, str] = {}
    official: ir.Official | None = None
    lists: dict[str, list[str]] = {}
    instansi: tuple[str, ...] = ()
    uncertain: list[ir.Uncertainty] = []
    for i in range(start, page_i + 1):
        page = pages[i]
        limit = top - 1 if i == page_i else page.height
        words = [w for w in page.words if w.bottom <= limit]
        if not words:
            continue
        vrules = [r for r in runs(geoms[i].rulings(), False) if r.hi - r.lo > 8]
        hrules = [r for r in runs(geoms[i].rulings(), True) if r.hi - r.lo > 8]
        segs = _two_line_labels(_segments(words, vrules))
        labels = _labels(segs)
        # a lone label is a cover's or a Daftar Isi's title, not the identity grid
        if len({key for key, _ in labels}) < 2 and not any(_heading(s) for s in segs):
            continue
        for key, seg in labels:
            if key in found or (key == "disahkan" and official is not None):
                continue
            if key == "disahkan":
                official = _official(seg, segs, labels)
            else:
                value = _value(seg, segs, hrules)
                if value and value.strip("-–: "):
                    found[key] = value
        if labels and not instansi:
            instansi = _instansi(segs, labels)
        _lists(page, geoms[i], segs, limit, lists)
    if not found and official is None and not lists:
        uncertain.append(
            ir.Uncertainty(
                "halaman identitas SOP tidak ditemukan; isi nomor, tanggal dan pejabat "
                "pengesah sendiri",
                None,
                "identitas",
            )
        )
    identity = ir.Identity(
        instansi_lines=instansi,
        nomor=found.get("nomor"),
        tanggal_pembuatan=found.get("tanggal_pembuatan"),
        tanggal_revisi=found.get("tanggal_revisi"),
        tanggal_efektif=found.get("tanggal_efektif"),
        disahkan=official,
        nama=found.get("nama"),
        lists={k: tuple(v) for k, v in lists.items()},
    )
    return identity, tuple(uncertain)


def _field(text: str) -> str | None:
    for key, pat in FIELDS:
        if pat.match(text):
            return key
    return None


def _two_line_labels(segs: list[_Line]) -> list[_Line]:
    """A label printed over two lines in a narrow column ("Tanggal" / "Pembuatan",
    "No." / "SOP") is one label: the two lines are joined when neither is a label alone
    and together they are one."""
    out = list(segs)
    for a in segs:
        if a not in out or _field(a.text) or len(a.words) > 2:
            continue
        h = max(a.bottom - a.top, 4.0)
        below = [
            b
            for b in out
            if b is not a
            and abs(b.x0 - a.x0) <= 3
            and a.bottom - 1 <= b.top <= a.bottom + 0.8 * h
            and len(b.words) <= 2
            and not _field(b.text)
        ]
        if not below:
            continue
        b = min(below, key=lambda s: s.top)
        if _field(f"{a.text} {b.text}"):
            out[out.index(a)] = _Line(a.words + b.words)
            out.remove(b)
    return out


def _labels(segs: list[_Line]) -> list[tuple[str, _Line]]:
    out = []
    for s in segs:
        for key, pat in FIELDS:
            if pat.match(s.text):
                out.append((key, s))
                break
    return out


def _strip_label(seg: _Line) -> list[Word]:
    """Words of a label's own line after the label and its colon."""
    for _key, pat in FIELDS:
        m = pat.match(seg.text)
        if m:
            rest = seg.text[m.end() :]
            n = m.end()
            if ":" in rest:
                n = len(seg.text) - len(rest.split(":", 1)[1])
            return [w for w in seg.words if _offset(seg, w) >= n]
    return []


def _offset(seg: _Line, w: Word) -> int:
    pos = 0
    for x in seg.words:
        if x is w:
            return pos
        pos += len(x.text) + 1
    return pos


def _value(label: _Line, segs: list[_Line], hrules=()) -> str:
    """The value right of a label: the whole ruled cell beside it when the cell holds no
    other label (a value printed over two or three lines, the label centred beside them),
    else the lines level with the label and those printed right under them."""
    own = _strip_label(label)

    def is_label(s: _Line) -> bool:
        return any(p.match(s.text) for _, p in FIELDS)

    right = [
        s
        for s in segs
        if s is not label and s.x0 > label.x1 - 1 and not is_label(s) and s.text.strip(": ")
    ]
    cell = _cell(label, hrules)
    others = [s for s in segs if s is not label and is_label(s)]
    # level with the label: overlapping its line(s) (a label centred beside a value of
    # two lines overlaps both)
    level = [
        s
        for s in right
        if label.top - 1 <= (s.top + s.bottom) / 2 <= label.bottom + 1
        or min(s.bottom, label.bottom) - max(s.top, label.top) > 0.5
    ]
    if cell and not any(cell[0] < (s.top + s.bottom) / 2 < cell[1] for s in others):
        # lines of the cell above or below the level ones; a line half over a level one
        # (a signer's NIP pushed over the ruling) is not the value
        picked = [
            s
            for s in right
            if cell[0] < (s.top + s.bottom) / 2 < cell[1]
            and not NIP.match(s.text)
            and (
                s in level
                or not any(min(s.bottom, v.bottom) - max(s.top, v.top) > 0.5 for v in level)
            )
        ]
    else:
        picked = level
        bands = [(o.top - 1, o.bottom + 1) for o in others]
        # lines right under the value (a long name wrapping) down to the next label's line
        while picked:
            last = max(picked, key=lambda s: s.bottom)
            h = max(last.bottom - last.top, 4.0)
            x0 = min(s.x0 for s in picked)
            nxt = [
                s
                for s in right
                if s not in picked
                and last.bottom - 1 <= s.top <= last.bottom + 0.8 * h
                and abs(s.x0 - x0) <= 2 * h
                and not any(a <= (s.top + s.bottom) / 2 <= b for a, b in bands)
                and not _heading(s)
            ]
            if not nxt:
                break
            picked.extend(nxt)
    words = own + [w for s in sorted(picked, key=lambda s: (s.top, s.x0)) for w in s.words]
    text = join_lines([line_text(line) for line in lines_of(words)])
    return text.lstrip(":").strip()


def _cell(label: _Line, hrules) -> tuple[float, float] | None:
    """The rulings right above and below a label, across the value beside it."""
    x = label.x1 + 4
    cy = (label.top + label.bottom) / 2
    above = [r.pos for r in hrules if r.pos <= cy and r.lo <= x <= r.hi]
    below = [r.pos for r in hrules if r.pos >= cy and r.lo <= x <= r.hi]
    if not above or not below:
        return None
    top, bottom = max(above), min(below)
    if bottom - top > 6 * max(label.bottom - label.top, 4.0):
        return None  # a big box around the whole grid, not one field's cell
    return top, bottom


def _official(label: _Line, segs: list[_Line], labels) -> ir.Official | None:
    below = [s.top for _, s in labels if s.top > label.bottom + 1]
    end = min(below) - 1 if below else label.bottom + 160
    block = [
        s
        for s in segs
        if s is not label
        and s.x0 > label.x1 - 1
        and s.top >= label.top - 2
        and (s.top + s.bottom) / 2 <= end  # the last line may touch the next label's box
        and s.text.strip(": ")
    ]
    lines = [s.text.lstrip(":").strip() for s in sorted(block, key=lambda s: (s.top, s.x0))]
    lines = [t for t in lines if t]
    if not lines:
        return None
    nip = None
    k = len(lines)
    for j, t in enumerate(lines):
        m = NIP.match(t)
        if m:
            nip, k = m.group(1).strip(), j
            break
    pangkat = None
    if k >= 1 and PANGKAT.search(lines[k - 1]) and k >= 2:
        pangkat = lines[k - 1]
        k -= 1
    nama = lines[k - 1] if k >= 1 else None
    jabatan = join_lines(lines[: k - 1]) if k >= 2 else None
    return ir.Official(jabatan=jabatan or None, nama=nama, pangkat=pangkat, nip=nip)


def _instansi(segs: list[_Line], labels) -> tuple[str, ...]:
    left = min(s.x0 for _, s in labels)
    first = min(s.top for _, s in labels)
    heads = [s.top for s in segs if _heading(s)]
    bottom = min(heads) if heads else max(s.bottom for _, s in labels)
    out = [
        s.text
        for s in sorted(segs, key=lambda s: (s.top, s.x0))
        if s.x1 < left - 2 and s.top >= first - 60 and s.bottom <= bottom
    ]
    return tuple(out)


def _heading(seg: _Line) -> str | None:
    for key, pat in LISTS:
        if pat.match(seg.text):
            return key
    return None


def _lists(page, geom, segs: list[_Line], limit: float, lists: dict[str, list[str]]) -> None:
    heads = [(k, s) for s in segs if (k := _heading(s))]
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
        items = _items(texts, lines, x1)
        if items:
            lists.setdefault(key, []).extend(items)


NUMBER_WORD = re.compile(r"^\d{1,2}[.)]$")


def _by_columns(body: list[_Line], x0: float, x1: float, vrules) -> list[_Line]:
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
    left = _segments([w for w in words if w.x0 < split], vrules)
    right = _segments([w for w in words if w.x0 >= split], vrules)
    return sorted(left, key=lambda s: (s.top, s.x0)) + sorted(right, key=lambda s: (s.top, s.x0))


def _items(texts: list[str], lines, right: float) -> list[str]:
    marked = sum(bool(MARKER.match(t)) for t in texts)
    out: list[tuple[str, str]] = []  # (marker, text)
    cur: list[str] = []
    mark = ""
    for t, line in zip(texts, lines, strict=True):
        parts = [t]
        if MARKER.match(t):
            # two columns of items on one printed line: "1. Alat Tulis 4. Printer"
            parts = re.split(r"\s(?=\d{1,2}[.)]\s)", t)
        for part in parts:
            m = MARKER.match(part)
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
                mark = m.group(1)
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
    return [i for i in (x.strip() for _, x in out) if i and i not in ("-", ":")]
