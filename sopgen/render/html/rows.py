"""The words of a procedure's rows in the handbook's step table: the kinds of symbol a
row holds ("Mulai, Proses") and the jumps it makes, by printed number ("Lengkap: ke
langkah 5"). Plain data from the layout's symbols and arrows; no HTML."""

from __future__ import annotations

from sopgen.model import Procedure
from sopgen.render.html.views import FlowNote

KIND_LABELS = {"process": "Proses", "decision": "Keputusan"}


def flow_notes(index: int, proc: Procedure, syms, edges, in_row=None) -> tuple[FlowNote, ...]:
    """The row's explicit jumps (decision exits, lanjut) as text, by printed number: a
    decision's exit by its printed label ("Lengkap"; Ya / Tidak when none is printed),
    named by the symbol's text when the row has several symbols that jump ("Perlu
    disposisi? Ya"); an arrow that two symbols of the row share is written once.
    ``in_row``: the symbols of each row, when the caller has them. A two-way arrow
    (bolak_balik, always within the row) is named by the two executors it joins
    ("Bolak-balik: KPA dan PPK"), after the jumps."""
    row = [s for s in syms if s.row == index] if in_row is None else in_row.get(index, ())
    jumping = [s for s in row if _explicit(proc, s)]
    numbers = proc.numbers
    notes: list[FlowNote] = []
    for edge in edges:
        source, target = syms[edge.source], syms[edge.target]
        if edge.both:
            continue
        if source not in jumping:
            continue
        kind = edge.branch or "lanjut"
        label = edge.label or {"ya": "Ya", "tidak": "Tidak"}.get(kind, "Lanjut")
        if len(jumping) > 1 and source.teks:
            label = f"{' '.join(source.teks.split())} {label}"
        number = numbers[target.row] or f"baris ke-{target.row + 1}"
        note = FlowNote(label, number, f"langkah-{target.row + 1}", kind)
        if note not in notes:
            notes.append(note)
    for edge in edges:
        source, target = syms[edge.source], syms[edge.target]
        if edge.both and source in row:
            who = " dan ".join(", ".join(s.executors) for s in (source, target))
            notes.append(FlowNote("Bolak-balik", "", "", "bolak-balik", who))
    return tuple(notes)


def _explicit(proc: Procedure, sym) -> bool:
    step = proc.data.kegiatan[sym.row]
    item = step.simbol[sym.index_in_row] if isinstance(step.simbol, list) else step
    return item.keputusan is not None or item.lanjut is not None


def row_kinds(proc: Procedure, syms, edges) -> list[tuple[str, str]]:
    """Per row: the kind of its first symbol (a CSS class) and the names of every kind
    of symbol it holds, in order ("Mulai, Proses"; a terminator with an arrow out is
    Mulai, one without is Selesai)."""
    has_out = {e.source for e in edges}
    names: list[list[str]] = [[] for _ in proc.data.kegiatan]
    first: dict[int, str] = {}
    for sym in syms:
        first.setdefault(sym.row, sym.kind)
        if sym.kind == "terminator":
            name = "Mulai" if sym.node in has_out else "Selesai"
        else:
            name = KIND_LABELS.get(sym.kind, sym.kind)
        if name not in names[sym.row]:
            names[sym.row].append(name)
    return [(first.get(i, "process"), ", ".join(n)) for i, n in enumerate(names)]
