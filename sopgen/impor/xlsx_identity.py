"""The identity page of a workbook (a sheet, or the rows above the flowchart table):
the label/value grid (Nomor SOP, tanggal, Disahkan oleh, Nama SOP), the numbered lists
under their titles, and the agency's lines on the left."""

from __future__ import annotations

import re

from sopgen.impor import ir
from sopgen.impor.xlsx_cells import Cells, clean, norm

SCALARS = {
    "nomor": re.compile(r"^(nomor|no) sop\b|^nomor$"),
    "tanggal_pembuatan": re.compile(r"^(tanggal|tgl) (pembuatan|dibuat)"),
    "tanggal_revisi": re.compile(r"^(tanggal|tgl) revisi"),
    "tanggal_efektif": re.compile(r"^(tanggal|tgl) (efektif|pengesahan|berlaku|ditetapkan)"),
    "disahkan": re.compile(r"^(disahkan|ditetapkan)( oleh)?"),
    "nama": re.compile(r"^nama (sop|prosedur)|^judul sop"),
}
LISTS = {
    "dasar_hukum": re.compile(r"^dasar hukum"),
    "kualifikasi_pelaksana": re.compile(r"^kualifikasi pelaksana"),
    "keterkaitan": re.compile(r"^keterkaitan"),
    "peralatan": re.compile(r"^peralatan|^perlengkapan"),
    "peringatan": re.compile(r"^peringatan"),
    "pencatatan": re.compile(r"^pencatatan"),
}
_NUMBERING = re.compile(r"^\s*(\d{1,3}|[a-zA-Z])[.)]\s+|^\s*[-•*]\s+")
_NIP = re.compile(r"\bNIP\.?\s*:?\s*([\d ]{8,})", re.IGNORECASE)
_PANGKAT = re.compile(r"^(pembina|penata|pengatur|juru)\b", re.IGNORECASE)


def _label(text: str) -> tuple[str, str] | None:
    """('scalar'|'list', key) for an identity label."""
    head = norm(text.split(":")[0])
    if len(head) > 40:
        return None
    for key, pattern in SCALARS.items():
        if pattern.search(head):
            return "scalar", key
    for key, pattern in LISTS.items():
        if pattern.search(head):
            return "list", key
    return None


def has_identity(cells: Cells, last_row: int | None = None) -> bool:
    found = {_label(t) for (r, _), t in cells.text.items() if last_row is None or r < last_row}
    return len({f for f in found if f}) >= 2


def _lines(cells: Cells, r: int, c: int) -> list[str]:
    return list(cells.lines.get((r, c), (cells.get(r, c),)))


def _split_items(lines: list[str]) -> list[str]:
    items: list[str] = []
    for line in lines:
        line = clean(line)
        if not line or line == ":":
            continue
        if _NUMBERING.match(line) or not items:
            items.append(_NUMBERING.sub("", line, count=1).strip())
        else:
            items[-1] = f"{items[-1]} {line}"
    return [i for i in items if i and i not in ("-", "")]


def read_identity(cells: Cells, last_row: int | None = None) -> tuple[ir.Identity, list[str]]:
    """The identity found in rows before ``last_row`` (all rows when None); the second
    value lists Indonesian notes on what could not be read."""
    labels = {}
    for (r, c), text in sorted(cells.text.items()):
        if last_row is not None and r >= last_row:
            continue
        found = _label(text)
        if found and found[1] not in {k for _, k in labels.values()}:
            labels[(r, c)] = found
    label_rows = {r for r, _ in labels}
    values: dict[str, list[str]] = {}
    lists: dict[str, tuple[str, ...]] = {}
    for (r, c), (kind, key) in sorted(labels.items()):
        r1, c1, r2, c2 = cells.span(r, c)
        own = cells.get(r, c)
        after_colon = own.split(":", 1)[1].strip() if ":" in own else ""
        if kind == "scalar":
            lines = [after_colon] if after_colon else []
            stop = min([x for x in label_rows if x > r2] + [r2 + (6 if key == "disahkan" else 1)])
            for rr in range(r, max(stop, r2 + 1)):
                for cc in [cc for cc, _ in cells.row_texts(rr) if cc > c2]:
                    if (rr, cc) not in labels and cells.anchor_of(rr, cc) == (rr, cc):
                        lines.extend(_lines(cells, rr, cc))
            values[key] = [x for x in (clean(v) for v in lines) if x and x != ":"]
        else:
            lines = [after_colon] if after_colon else []
            rr = r2 + 1
            while rr <= cells.max_row and (last_row is None or rr < last_row):
                row_cells = [(cc, t) for cc, t in cells.row_texts(rr) if c1 <= cc <= c2]
                if any((rr, cc) in labels for cc, _ in row_cells):
                    break
                if any(_label(t) for _, t in row_cells):
                    break
                if len(row_cells) > 1:  # "1." in one cell, the text in the next
                    lines.append(" ".join(t for _, t in row_cells))
                else:
                    for cc, _ in row_cells:
                        lines.extend(_lines(cells, rr, cc))
                rr += 1
            lists[key] = tuple(_split_items(lines))
    notes: list[str] = []
    disahkan = _official(values.get("disahkan", []), notes) if "disahkan" in values else None
    scalar_at = [(r, c) for (r, c), (kind, _) in labels.items() if kind == "scalar"]
    first_label_col = min((c for _, c in scalar_at), default=None)
    first_label_row = min((r for r, _ in scalar_at), default=None)
    last_scalar_row = max((cells.span(r, c)[2] for r, c in scalar_at), default=0)
    instansi: list[str] = []
    if first_label_col is not None:
        for r, c in sorted(cells.text):
            if (
                c < first_label_col
                and (last_row is None or r < last_row)
                and (r, c) not in labels
                and r <= last_scalar_row + 1
                and r >= (first_label_row or 1) - 3
            ):
                instansi.extend(_lines(cells, r, c))
    identity = ir.Identity(
        instansi_lines=tuple(x for x in (clean(i) for i in instansi) if x),
        nomor=" ".join(values.get("nomor", [])) or None,
        tanggal_pembuatan=" ".join(values.get("tanggal_pembuatan", [])) or None,
        tanggal_revisi=" ".join(values.get("tanggal_revisi", [])) or None,
        tanggal_efektif=" ".join(values.get("tanggal_efektif", [])) or None,
        disahkan=disahkan,
        nama=" ".join(values.get("nama", [])) or None,
        lists=lists,
    )
    return identity, notes


def _official(lines: list[str], notes: list[str]) -> ir.Official | None:
    nip = pangkat = None
    rest = []
    for line in lines:
        m = _NIP.search(line)
        if m:
            nip = " ".join(m.group(1).split())
            before = line[: m.start()].strip()
            if before:
                rest.append(before)
        elif _PANGKAT.match(line):
            pangkat = line
        else:
            rest.append(line)
    if not rest and nip is None:
        return None
    jabatan = rest[0] if len(rest) > 1 else None
    nama = rest[-1] if rest else None
    if len(rest) == 1 and re.match(
        r"^(kepala|direktur|sekretaris|deputi|ketua|menteri|gubernur|"
        r"bupati|wali|camat|inspektur)",
        rest[0],
        re.IGNORECASE,
    ):
        jabatan, nama = rest[0], None
    if len(rest) > 2:
        jabatan = " ".join(rest[:-1])
    if nip is None:
        notes.append("NIP pejabat yang mengesahkan tidak terbaca")
    return ir.Official(jabatan=jabatan, nama=nama, pangkat=pangkat, nip=nip)
