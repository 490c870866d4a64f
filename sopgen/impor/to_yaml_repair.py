"""Make the flow read from a source whole enough for `sopgen check`: every symbol reached
from the start, an end reachable from every symbol. A source is sometimes inconsistent
and a reader sometimes misses an arrow; each arrow added here is the smallest likely fix,
and is marked for the user (``# impor:``) on the symbol it leaves.

Graph: nodes 0..n-1 in row order, ``outs[g]`` = [(target, label)], no outs = an end;
``both``: the two-way arrows (g, t), followed both ways and never changed (their far end
t is no end: its way out is the way back).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sopgen.model.flow import closure

Outs = dict[int, list[tuple[int, str | None]]]


def _graph(outs: Outs, both) -> dict[int, list[int]]:
    graph = {g: [t for t, _ in exits] for g, exits in outs.items()}
    for g, t in both:
        graph[g].append(t)
        graph[t].append(g)
    return graph


def _reachable(outs: Outs, starts: set[int], both=()) -> set[int]:
    return closure(starts, _graph(outs, both))


def _reaching_an_end(outs: Outs, both=()) -> set[int]:
    back: dict[int, list[int]] = {g: [] for g in outs}
    for g, targets in _graph(outs, both).items():
        for t in targets:
            back[t].append(g)
    returning = {t for _, t in both}
    return closure([g for g, exits in outs.items() if not exits and g not in returning], back)


def repair(
    outs: Outs,
    decision: Callable[[int], bool],
    name: Callable[[int], str],
    starts: set[int] | None = None,
    both: Iterable[tuple[int, int]] = (),
) -> dict:
    """Add arrows until the flow is whole; returns {node: [Indonesian notes]}.
    ``starts``: nodes where the flow may begin (node 0 and further start terminators)."""
    notes: dict[int, list[str]] = {}
    n = len(outs)
    if not n:
        return notes
    starts = {0} | (starts or set())
    both = list(both)

    def add(g: int, t: int, why: str) -> None:
        outs[g].append((t, None))
        notes.setdefault(g, []).append(
            f"panah ke {name(t)} tidak terbaca di sumber; ditambahkan karena {why}: periksa alur"
        )

    for _ in range(n):  # reach every symbol from the start
        reached = _reachable(outs, starts, both)
        missing = [g for g in range(n) if g not in reached]
        if not missing:
            break
        u = missing[0]
        before = [p for p in reached if p < u]
        open_ = [p for p in before if not outs[p] or (decision(p) and len(outs[p]) < 2)]
        plain = [p for p in before if not decision(p)]
        p = max(open_ or plain or before or [0])
        add(p, u, f"{name(u)} tidak tercapai dari awal alur")
    for _ in range(n):  # from every symbol, a way to an end
        trapped = sorted(_reachable(outs, starts, both) - _reaching_an_end(outs, both))
        if not trapped:
            break
        forkable = [g for g in trapped if not decision(g) or len(outs[g]) < 2]
        g = max(forkable or trapped)
        if g + 1 < n:
            add(g, g + 1, "alur dari sini tidak pernah sampai ke akhir")
        else:
            outs[g].clear()
            notes.setdefault(g, []).append(
                "panah keluar simbol terakhir ini dihapus agar alur punya akhir: periksa alur"
            )
    return notes
