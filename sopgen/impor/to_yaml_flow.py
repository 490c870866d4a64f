"""The flow of an imported SOP in sopgen's step syntax: which row gets `nomor`, `lanjut`,
`keputusan`, `selesai`, `bolak_balik`, kind overrides and ids, so that the YAML's flow is
exactly the arrows read from the source.

sopgen's defaults (spec of the step syntax): a symbol goes to the next symbol in row order;
the last symbol ends; the first symbol and every ending symbol are terminators, a
`keputusan` is a decision, everything else a process. A two-way arrow (`bolak_balik`,
written on its left symbol) changes them: its far end has no default exit and is no end,
the symbol writing it goes by default to the next symbol that is not its far end. Only
what differs is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sopgen.impor import ir
from sopgen.impor.to_yaml_repair import repair
from sopgen.impor.values import is_negative


@dataclass
class SymbolPlan:
    executors: tuple[str, ...]
    kind: str  # as read: terminator, process, decision
    id: str | None = None
    jenis: str | None = None  # override written: "terminator" | "proses"
    keputusan: dict | None = None
    lanjut: list | None = None
    selesai: bool = False
    bolak_balik: list | None = None  # the far ends of its two-way arrows
    teks: str = ""  # text inside the symbol ("Mulai", "Lengkap?")
    notes: list[str] = field(default_factory=list)


@dataclass
class RowPlan:
    row: ir.Row
    nomor: str | int | None  # None: automatic numbering prints the same
    symbols: list[SymbolPlan]
    id: str | None = None
    notes: list[tuple[str | None, str]] = field(default_factory=list)  # (field, message)


def _nomor_plan(rows: tuple[ir.Row, ...]) -> list[str | int | None]:
    out: list[str | int | None] = []
    counter = 0
    for row in rows:
        text = row.nomor.strip()
        if text.isdigit():
            value = int(text)
            out.append(
                None
                if value == counter + 1 and text == str(value)
                else (value if text == str(value) else text)
            )
            counter = value if text == str(value) else counter
        else:
            out.append(text)
    return out


def plan_flow(sop: ir.ImportedSop, executors: list[str]) -> list[RowPlan]:
    """``executors``: the executor titles as written (made unique by the caller)."""
    rows = [RowPlan(r, n, []) for r, n in zip(sop.rows, _nomor_plan(sop.rows), strict=True)]
    if not rows:
        return rows
    # symbols in row order (left to right); connectors are only counted, never written
    order: list[tuple[int, int]] = []  # (row, shape id or -1 for a placeholder)
    arrows = {(link.source, link.target) for link in sop.links if not link.both}
    shapes = {s.id: s for s in sop.shapes if s.kind != "connector"}
    by_row: dict[int, list[ir.Shape]] = {}
    for s in shapes.values():
        if 0 <= s.row < len(rows):
            by_row.setdefault(s.row, []).append(s)
    for i, plan in enumerate(rows):
        here = order_in_row(by_row.get(i, []), arrows)
        for s in here:
            cols = tuple(executors[c] for c in s.columns if 0 <= c < len(executors))
            sym = SymbolPlan(cols or (executors[0],), s.kind, teks=s.text.strip())
            if not cols:
                sym.notes.append(
                    "kolom pelaksana simbol ini tidak terbaca; ditaruh di kolom pertama: periksa"
                )
            plan.symbols.append(sym)
            order.append((i, s.id))
        if not here:
            previous = rows[i - 1].symbols[-1].executors if i and rows[i - 1].symbols else None
            sym = SymbolPlan(previous or (executors[0],), "")  # kind: sopgen's default
            sym.notes.append(
                "baris ini tanpa simbol di sumber; diberi kotak proses sementara "
                "di kolom pelaksana langkah sebelumnya: periksa"
            )
            plan.symbols.append(sym)
            order.append((i, -1 - i))
    position = {sid: g for g, (_, sid) in enumerate(order)}
    flat = [sym for plan in rows for sym in plan.symbols]
    outs: dict[int, list[tuple[int, str | None]]] = {g: [] for g in range(len(flat))}
    has_in: set[int] = set()
    far: dict[int, list[int]] = {}  # two-way arrows: the symbol writing it -> far ends
    for link in sop.links:
        if link.source in position and link.target in position:
            g, t = position[link.source], position[link.target]
            if link.both:
                far.setdefault(g, []).append(t)
                has_in.update((g, t))
                continue
            outs[g].append((t, link.label))
            has_in.add(t)
    flow = _Defaults(len(flat), far)
    # A placeholder is transparent: it goes on to the next symbol, and takes over an
    # arrow that jumps over it from the symbol before it (or the chain of placeholders).
    for g, (_, sid) in enumerate(order):
        if sid >= 0:
            continue
        if g + 1 < len(flat):
            outs[g].append((g + 1, None))
        if g == 0:
            continue
        if order[g - 1][1] < 0:
            has_in.add(g)
            continue
        jumps = [e for e in outs[g - 1] if e[0] == g + 1]
        if jumps or not outs[g - 1]:
            outs[g - 1] = [(g, e[1]) if e in jumps else e for e in outs[g - 1]] or [(g, None)]
            has_in.add(g)
    refs = _Refs(rows)
    for g in outs:  # an arrow from a symbol to itself is not a flow
        outs[g] = [(t, label) for t, label in outs[g] if t != g]
    _repair(flat, order, outs, has_in, flow)
    where = refs.where

    def name(g: int) -> str:
        i, k = where[g]
        nomor = rows[i].row.nomor or f"baris ke-{i + 1}"
        return f"langkah {nomor}" if k == 0 else f"simbol ke-{k + 1} langkah {nomor}"

    # a terminator nothing points to, with an arrow out: another start (e.g. two ways in)
    starts = {
        g for g, sym in enumerate(flat) if sym.kind == "terminator" and g not in has_in and outs[g]
    }
    both = [(g, t) for g, ts in far.items() for t in ts]
    decision = lambda g: flat[g].kind == "decision"  # noqa: E731
    for g, messages in repair(outs, decision, name, starts, both).items():
        flat[g].notes.extend(messages)
    has_in.update(t for exits in outs.values() for t, _ in exits)
    for g, sym in enumerate(flat):
        exits = sorted(dict(outs[g]).items())
        _decide(sym, g, flow.next(g), exits, refs)
        if g in far:
            sym.bolak_balik = [refs(t) for t in far[g]]
        if g > 0 and g not in has_in and sym.kind not in ("terminator", ""):
            sym.notes.append("tidak ada panah yang menuju simbol ini di sumber: periksa alur")
    incoming = {t for exits in outs.values() for t, _ in exits}
    _kinds(flat, flow, {g for g in starts if g not in incoming})
    return rows


class _Defaults:
    """Where a symbol goes when nothing is written (model.flow's rule with two-way
    arrows): the far end of one nowhere (it returns), the symbol writing it to the next
    symbol that is not its far end, any other to the next symbol."""

    def __init__(self, count: int, far: dict[int, list[int]]):
        self.count, self.far = count, far
        self.returning = {t for ts in far.values() for t in ts}

    def next(self, g: int) -> int | None:
        if g in self.returning:
            return None
        return next((n for n in range(g + 1, self.count) if n not in self.far.get(g, ())), None)

    def linked(self, g: int) -> bool:
        """Whether a two-way arrow joins the symbol."""
        return g in self.far or g in self.returning


SAME_COLUMN = 6.0  # points: symbols this close horizontally are stacked in one column


def order_in_row(shapes: list[ir.Shape], arrows: set[tuple[int, int]]) -> list[ir.Shape]:
    """Left to right; symbols stacked in one column (a start above its first box, a box
    above an end) in the order the arrows between them run."""
    groups: list[list[ir.Shape]] = []
    for s in sorted(shapes, key=lambda s: (s.x, s.id)):
        if groups and abs(s.x - groups[-1][-1].x) < SAME_COLUMN:
            groups[-1].append(s)
        else:
            groups.append([s])
    out: list[ir.Shape] = []
    for group in groups:
        left = list(group)
        while left:
            first = next(
                (s for s in left if not any((o.id, s.id) in arrows for o in left if o is not s)),
                left[0],
            )
            out.append(first)
            left.remove(first)
    return out


def _repair(flat: list[SymbolPlan], order, outs, has_in: set[int], flow: _Defaults) -> None:
    """A symbol with no arrow out, followed by a symbol no arrow reaches from above: most
    likely one arrow the reader missed. Join them (marked), so the flow stays whole. A
    symbol a two-way arrow joins is not alone: neither end is joined so."""
    from_above = {t for g, exits in outs.items() for t, _ in exits if g < t}
    from_above |= {t for g, ts in flow.far.items() for t in ts if g < t}
    for g in range(len(flat) - 1):
        sym, start = flat[g], g == 0 or g not in has_in
        if outs[g] or (g + 1) in from_above or order[g + 1][1] < 0 or order[g][1] < 0:
            continue
        if flow.linked(g):
            continue
        if sym.kind == "terminator" and not start:
            continue  # an end drawn as an end
        outs[g].append((g + 1, None))
        has_in.add(g + 1)
        from_above.add(g + 1)
        sym.notes.append(
            "panah keluar simbol ini tidak terbaca dan simbol berikutnya tidak dituju panah "
            "mana pun; dianggap lanjut ke simbol berikutnya: periksa"
        )


class _Refs:
    """References to symbols: a row's printed number when unique, else ids."""

    def __init__(self, rows: list[RowPlan]):
        self.rows = rows
        self.where: list[tuple[int, int]] = [
            (i, k) for i, r in enumerate(rows) for k in range(len(r.symbols))
        ]
        counts: dict[str, int] = {}
        for r in rows:
            counts[r.row.nomor.strip()] = counts.get(r.row.nomor.strip(), 0) + 1
        self.unique = {n for n, c in counts.items() if c == 1 and n}

    def __call__(self, g: int) -> int | str:
        i, k = self.where[g]
        plan = self.rows[i]
        if k > 0:
            sym = plan.symbols[k]
            sym.id = sym.id or f"l{i + 1}-{k + 1}"
            return sym.id
        nomor = plan.row.nomor.strip()
        if nomor in self.unique:
            if nomor.isdigit() and str(int(nomor)) == nomor:
                return int(nomor)
            if not nomor.isdigit() and re.fullmatch(r"[0-9A-Za-z.\-]+", nomor):
                return nomor
        plan.id = plan.id or f"l{i + 1}"
        return plan.id


def _decide(sym: SymbolPlan, g: int, default: int | None, exits, refs: _Refs) -> None:
    """``default``: where the symbol goes when nothing is written (None: nowhere, it ends
    or, as the far end of a two-way arrow, returns)."""
    targets = [t for t, _ in exits]
    if sym.kind == "decision":
        groups: dict[str | None, list[int]] = {}
        for t, label in exits:
            groups.setdefault(label, []).append(t)
        if len(exits) > 2 and len(groups) == 2 and None not in groups:
            (la, ta), (lb, tb) = groups.items()  # an exit that forks: ya/tidak lists
            if is_negative(la) and not is_negative(lb):
                (la, ta), (lb, tb) = (lb, tb), (la, ta)

            def many(ts: list[int]):
                return refs(ts[0]) if len(ts) == 1 else [refs(t) for t in ts]

            sym.keputusan = {"ya": many(ta), "tidak": many(tb)}
            if la != "Ya":
                sym.keputusan["label_ya"] = la
            if lb != "Tidak":
                sym.keputusan["label_tidak"] = lb
            return
        if len(exits) >= 2:
            (a, la), (b, lb) = exits[0], exits[1]
            if la is None and lb is None:
                if b == g + 1:  # the exit down to the next symbol is taken as 'Ya'
                    (a, la), (b, lb) = (b, lb), (a, la)
                sym.notes.append("label Ya/Tidak tidak terbaca di sumber: periksa ya/tidak")
            elif is_negative(la) and not is_negative(lb):
                (a, la), (b, lb) = (b, lb), (a, la)
            elif is_negative(la) == is_negative(lb) and la is not None and lb is not None:
                sym.notes.append(
                    f"label keluar keputusan '{la}' dan '{lb}': mana yang Ya "
                    "tidak pasti: periksa ya/tidak"
                )
            sym.keputusan = {"ya": refs(a), "tidak": refs(b)}
            if la is not None and la != "Ya":
                sym.keputusan["label_ya"] = la
            if lb is not None and lb != "Tidak":
                sym.keputusan["label_tidak"] = lb
            if len(exits) > 2:
                rest = ", ".join(str(refs(t)) for t, _ in exits[2:])
                sym.notes.append(
                    f"keputusan dengan {len(exits)} panah keluar; hanya dua yang "
                    f"ditulis, panah ke {rest} tidak: periksa"
                )
            return
        sym.kind = "process"
        sym.notes.append(
            f"belah ketupat dengan {len(exits)} panah keluar ditulis sebagai kotak proses: periksa"
        )
    if not exits:
        if default is not None:
            sym.selesai = True
            if sym.kind == "process":
                sym.notes.append(
                    "simbol tanpa panah keluar di sumber; ditulis sebagai akhir alur "
                    "(selesai: true): bila di aslinya alur berlanjut dari simbol ini, ganti "
                    "dengan 'lanjut: [nomor langkah tujuan]'"
                )
        return
    if targets == [default]:
        return
    sym.lanjut = [refs(t) for t in targets]
    labelled = [label for _, label in exits if label]
    if labelled:
        sym.notes.append(f"label panah {', '.join(labelled)} di luar keputusan tidak ditulis")


def _kinds(flat: list[SymbolPlan], flow: _Defaults, starts: set[int]) -> None:
    """Write a kind override where sopgen's default kind differs from the source's.
    ``starts``: further start terminators (no arrow in, one out)."""
    for g, sym in enumerate(flat):
        if sym.keputusan is not None or not sym.kind:
            continue
        ends = sym.selesai or (not sym.lanjut and g not in flow.returning and flow.next(g) is None)
        default = "terminator" if g == 0 or ends else "process"
        wanted = "terminator" if sym.kind == "terminator" else "process"
        if wanted == "terminator" and default == "process" and g not in starts:
            sym.notes.append(
                "terminator di tengah alur (ada panah masuk dan keluar) ditulis sebagai "
                "kotak proses: periksa"
            )
            continue
        if wanted != default:
            sym.jenis = "terminator" if wanted == "terminator" else "proses"
