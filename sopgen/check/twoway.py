"""Rules of the two-way arrows (``bolak_balik`` on an item of a row's ``simbol:`` list).

A two-way arrow is one line with a head at each end between two symbols of one row: the
work goes to the other symbol and comes back (docs/format.md §1.2). What cannot be meant
is reported at the reference: the symbol itself, a symbol of another row, a decision (it
leaves only by Ya and Tidak), a symbol marked ``selesai`` (the way back leaves it), a
pair joined twice or also by a one-way arrow, and ``bolak_balik`` on a decision.
A reference to nothing is reported with the other references (``check.flow``).
"""

from __future__ import annotations

from sopgen.check.flow import symbol_name
from sopgen.errors import Diagnostic
from sopgen.load.yamlsource import SourceMap
from sopgen.model import Procedure

ONE_LINE = "tulis 'bolak_balik' hanya pada salah satu dari kedua simbol (yang mengirim pekerjaan)"


def _item(data, sym):
    step = data.kegiatan[sym.row]
    return step.simbol[sym.index_in_row] if isinstance(step.simbol, list) else step


def _refs(value) -> list[tuple[tuple[str | int, ...], object]]:
    if isinstance(value, list):
        return [(("bolak_balik", i), ref) for i, ref in enumerate(value)]
    return [(("bolak_balik",), value)]


def check_two_way(procedure: Procedure, src: SourceMap) -> list[Diagnostic]:
    data, flow = procedure.data, procedure.flow
    syms, numbers, per_row = flow.symbols, flow.numbers, flow.per_row
    one_way = {(e.source, e.target) for e in flow.edges if not e.both}
    joined: set[frozenset[int]] = set()
    found = []

    def name(node: int) -> str:
        return symbol_name(syms[node], numbers, per_row[syms[node].row])

    def pair(a: int, b: int) -> str:  # two symbols of one row
        first = name(a).split(" pada ")[0]
        return f"{first} dan {name(b)}"

    for sym in syms:
        item = _item(data, sym)
        if getattr(item, "bolak_balik", None) is None:
            continue
        if item.keputusan is not None:
            found.append(
                src.diagnostic(
                    sym.path + ("bolak_balik",),
                    "keputusan tidak memakai 'bolak_balik'; keputusan hanya keluar lewat "
                    "cabang Ya dan Tidak",
                    "pindahkan 'bolak_balik' ke simbol proses di baris ini, atau hapus",
                    prefer_key=True,
                )
            )
        for suffix, ref in _refs(item.bolak_balik):
            target = flow.node(ref)
            if target is None:
                continue
            where = sym.path + suffix
            if target == sym.node:
                found.append(
                    src.diagnostic(
                        where,
                        f"{name(sym.node)} menunjuk dirinya sendiri",
                        "arahkan 'bolak_balik' ke simbol lain di baris yang sama",
                    )
                )
                continue
            other = syms[target]
            if other.row != sym.row:
                found.append(
                    src.diagnostic(
                        where,
                        "panah bolak-balik hanya menghubungkan dua simbol dalam satu baris; "
                        f"'{ref}' adalah {name(target)}",
                        "pindahkan simbol itu ke baris ini, atau tulis dua panah biasa "
                        "dengan 'lanjut' (pergi dan kembali)",
                    )
                )
                continue
            if other.kind == "decision":
                found.append(
                    src.diagnostic(
                        where,
                        f"panah bolak-balik tidak dapat menuju keputusan ({name(target)}): "
                        "keputusan hanya keluar lewat cabang Ya dan Tidak",
                        "arahkan 'bolak_balik' ke simbol proses, atau pakai cabang keputusan "
                        "untuk kembali",
                    )
                )
            elif _item(data, other).selesai:
                found.append(
                    src.diagnostic(
                        where,
                        f"{name(target)} ditandai 'selesai: true', padahal panah bolak-balik "
                        "kembali darinya",
                        "hapus 'selesai: true' dari simbol itu, atau pakai 'lanjut' (panah satu "
                        "arah) bila alur memang berakhir di sana",
                    )
                )
            key = frozenset((sym.node, target))
            if key in joined:
                found.append(
                    src.diagnostic(
                        where,
                        f"{pair(sym.node, target)} sudah dihubungkan panah bolak-balik",
                        ONE_LINE,
                    )
                )
            elif (sym.node, target) in one_way or (target, sym.node) in one_way:
                found.append(
                    src.diagnostic(
                        where,
                        f"{pair(sym.node, target)} juga dihubungkan panah biasa "
                        "('lanjut' atau cabang keputusan); panah bolak-balik sudah menggambar "
                        "kedua arahnya",
                        "hapus tujuan itu dari 'lanjut', atau hapus 'bolak_balik' bila alurnya "
                        "hanya satu arah",
                    )
                )
            joined.add(key)
    return found
