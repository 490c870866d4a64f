"""The identity page of an SOP: the label : value grid, the signing official, the agency block
under the logo and the numbered lists (Dasar Hukum, Kualifikasi Pelaksana, ...).

Everything is found by its printed labels, so the grid may be drawn in any size or order;
a value sits right of its label on the same line(s). The lists are read by pdf_lists.
"""

from __future__ import annotations

import re

from sopgen.impor import ir
from sopgen.impor.pdf_geom import PageGeometry
from sopgen.impor.pdf_lists import MARKER, heading, read_lists
from sopgen.impor.pdf_source import RawPage
from sopgen.impor.pdf_table import runs
from sopgen.impor.pdf_text import TextLine, Word, join_lines, line_text, lines_of, text_lines

_TGL = r"^(tanggal|tgl\.?)\s*"
FIELDS = (
    ("nomor", re.compile(r"^(nomor|no\.?)\s*sop\b", re.I)),
    ("tanggal_pembuatan", re.compile(_TGL + r"(pembuatan|dibuat)\b", re.I)),
    ("tanggal_revisi", re.compile(_TGL + r"revisi\b", re.I)),
    ("tanggal_efektif", re.compile(_TGL + r"(efektif|berlaku|pengesahan|ditetapkan)\b", re.I)),
    ("disahkan", re.compile(r"^(disahkan|ditetapkan)\s+oleh\b", re.I)),
    # "Standar Operasional Prosedur" is a label only standing alone or before a colon: a
    # Nama SOP often begins with those words ("Standar Operasional Prosedur Diseminasi ..."),
    # and so does a line of the Dasar Hukum list
    (
        "nama",
        re.compile(
            r"^((nama|judul)\s+sop\b|standar\s+operasional(\s+prosedur)?(\s*\(sop\))?\s*(:|$))",
            re.I,
        ),
    ),
)
PANGKAT = re.compile(r"\b(pembina|penata|pengatur|juru)\b|\b(I{1,3}V?|IV)/[a-e]\b", re.I)
NIP = re.compile(r"^NIP\.?\s*:?\s*(.*)$", re.I)


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
        segs = _two_line_labels(text_lines(words, vrules))
        labels = _labels(segs)
        # a lone label is a cover's or a Daftar Isi's title, not the identity grid
        if len({key for key, _ in labels}) < 2 and not any(heading(s) for s in segs):
            continue
        # the values first: a line that is another label's value (a Nama SOP printed over
        # two lines around its label, right under the signer) is not the signer's
        taken: list[TextLine] = []
        for key, seg in labels:
            if key == "disahkan" or key in found:
                continue
            value, picked = _value(seg, segs, hrules)
            taken.extend(picked)
            if value and value.strip("-–: "):
                found[key] = value
        used = {id(w) for s in taken + [s for _, s in labels] for w in s.words}
        for key, seg in labels:
            if key == "disahkan" and official is None:
                official = _official(seg, segs, labels, taken, used)
        if labels and not instansi:
            instansi = _instansi(segs, labels, used)
        read_lists(page, geoms[i], segs, limit, lists, used)
        uncertain.extend(_unread(segs, used))
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


def _two_line_labels(segs: list[TextLine]) -> list[TextLine]:
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
            out[out.index(a)] = TextLine(a.words + b.words)
            out.remove(b)
    return out


def _labels(segs: list[TextLine]) -> list[tuple[str, TextLine]]:
    out = []
    for s in segs:
        for key, pat in FIELDS:
            if pat.match(s.text):
                out.append((key, s))
                break
    return out


def _strip_label(seg: TextLine) -> list[Word]:
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


def _offset(seg: TextLine, w: Word) -> int:
    pos = 0
    for x in seg.words:
        if x is w:
            return pos
        pos += len(x.text) + 1
    return pos


def _value(label: TextLine, segs: list[TextLine], hrules=()) -> tuple[str, list[TextLine]]:
    """The value right of a label: the whole ruled cell beside it when the cell holds no
    other label (a value printed over two or three lines, the label centred beside them),
    else the lines level with the label and those printed right under them."""
    own = _strip_label(label)

    def is_label(s: TextLine) -> bool:
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
        picked += _overflow(picked, right, segs, cell[1])
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
                and not heading(s)
            ]
            if not nxt:
                break
            picked.extend(nxt)
    words = own + [w for s in sorted(picked, key=lambda s: (s.top, s.x0)) for w in s.words]
    text = join_lines([line_text(line) for line in lines_of(words)])
    return text.lstrip(":").strip(), picked


def _overflow(picked: list[TextLine], right, segs, bottom: float) -> list[TextLine]:
    """The last line of a value too long for its cell, printed over the ruling into the row
    of the list heading below ("Standar Operasional Prosedur Persiapan" / "SERUTI" beside
    KUALIFIKASI PELAKSANA): in the value's font, at its left edge, right under it, in a row
    that holds nothing but the heading."""
    if not picked:
        return []
    last = max(picked, key=lambda s: s.bottom)
    h = max(last.bottom - last.top, 4.0)
    # the value's left edge, not its ':' column
    x0 = min((w.x0 for s in picked for w in s.words if w.text.strip(":")), default=None)
    if x0 is None:
        return []
    heads = [s for s in segs if heading(s)]
    return [
        s
        for s in right
        if s not in picked
        and bottom - 1 <= s.top <= bottom + 1.5 * h
        and abs(s.x0 - x0) <= 2
        and abs(s.words[0].size - last.words[0].size) <= 0.3
        and not heading(s)
        and not MARKER.match(s.text)
        and any(
            min(s.bottom, g.bottom) - max(s.top, g.top) > 0.5 * h and g.x0 < s.x0 for g in heads
        )
    ][:1]


def _cell(label: TextLine, hrules) -> tuple[float, float] | None:
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


def _official(label: TextLine, segs: list[TextLine], labels, taken, used) -> ir.Official | None:
    below = [s.top for _, s in labels if s.top > label.bottom + 1]
    end = min(below) - 1 if below else label.bottom + 160
    # the block starts under the label above (a label centred on the signer's lines has
    # the jabatan above it)
    above = [s.bottom for _, s in labels if s.bottom < label.top + 1 and s is not label]
    start = max(above) - 1 if above else label.top - 2
    block = [
        s
        for s in segs
        if s is not label
        and not any(s is t for t in taken)
        and s.x0 > label.x1 - 1
        and s.top >= start
        and (s.top + s.bottom) / 2 <= end  # the last line may touch the next label's box
        and s.text.strip(": ")
    ]
    used.update(id(w) for s in block for w in s.words)
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


def _instansi(segs: list[TextLine], labels, used: set[int]) -> tuple[str, ...]:
    left = min(s.x0 for _, s in labels)
    first = min(s.top for _, s in labels)
    heads = [s.top for s in segs if heading(s)]
    bottom = min(heads) if heads else max(s.bottom for _, s in labels)
    out = [
        s
        for s in sorted(segs, key=lambda s: (s.top, s.x0))
        if s.x1 < left - 2 and s.top >= first - 60 and s.bottom <= bottom
    ]
    used.update(id(w) for s in out for w in s.words)
    return tuple(s.text for s in out)


def _unread(segs: list[TextLine], used: set[int]) -> list[ir.Uncertainty]:
    """Text of the identity page that no field, list or block took (a 'Maksud dan tujuan'
    row, a field the format has no place for): named, so nothing is lost unseen."""
    lines = [
        s.text
        for s in sorted(segs, key=lambda s: (s.top, s.x0))
        if not any(id(w) in used for w in s.words) and s.text.strip("-–:.,;*()/ ")
    ]
    return [
        ir.Uncertainty(
            f"teks di halaman identitas ini tidak termasuk bagian mana pun dan tidak diimpor: "
            f"'{text}'; bila perlu, pindahkan ke tempatnya",
            None,
            "identitas",
        )
        for text in lines
    ]
