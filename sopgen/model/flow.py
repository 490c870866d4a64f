"""The flow of a procedure: its symbols in row order and the arrows between them.

A row (an item of ``kegiatan:``) holds one symbol (the short form: ``pelaksana:`` and
friends on the row) or several (the long form: ``simbol:`` as a list). Symbols are
numbered in row order over the whole procedure: that number is the *node*. For a
procedure whose rows all hold one symbol, node == row index.

Shared by the check stage (targets, reachability), the layout (arrows), the handbook
and diff, so all agree on where an arrow goes. Nothing here raises for bad data: a
reference that does not resolve is skipped and listed by ``unresolved_refs`` for the
caller to report with its file position.

    from sopgen.model.flow import resolve_flow, symbols
    for sym in symbols(procedure.data):      # SymbolRef, in node order
        print(sym.node, sym.row, sym.kind, sym.executors)
    for edge in resolve_flow(procedure.data):  # Edge(source, target, label, branch, both)
        print(edge.source, "->", edge.target, edge.label)

A two-way arrow (``bolak_balik: X`` on an item of a row's ``simbol:`` list) is one Edge
with ``both=True``, from the symbol that writes it to X: one line with a head at each
end, the flow going to X and back. Both directions count for reachability. The symbol
that writes it keeps its own exit (``lanjut``, ``selesai``, or by default the next
symbol that is not X: the flow goes on from it after the exchange); X has no default
exit of its own (the way out of X is the way back), only what it writes itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, NamedTuple

from sopgen.model.numbers import printed_numbers
from sopgen.model.steps import Keputusan, Langkah

if TYPE_CHECKING:  # document.Procedure's properties call this module
    from sopgen.model.document import Prosedur

Kind = Literal["terminator", "process", "decision"]
Branch = Literal["ya", "tidak"] | None
StepRefValue = int | str

KIND_OVERRIDES = {"terminator": "terminator", "proses": "process"}


@dataclass(frozen=True)
class SymbolRef:
    """One symbol of the flowchart, as plain data."""

    node: int  # global index, in row order
    row: int  # 0-based row (item of kegiatan)
    index_in_row: int  # 0 for the short form
    executors: tuple[str, ...]  # executor columns by name; 2+ = a joint step
    kind: Kind
    labels: tuple[str, str] | None  # a decision's printed (Ya, Tidak) labels; "" = none
    is_end: bool  # no outgoing arrow: selesai, or the last symbol of the last row
    id: str | None = None  # its id (the row's id for the short form)
    path: tuple[str | int, ...] = ()  # where it is written: ("kegiatan", 2[, "simbol", 1])
    teks: str | None = None  # short text drawn inside the symbol ("Mulai", "Lengkap?")


class Edge(NamedTuple):
    """One arrow between two symbols (nodes)."""

    source: int  # node
    target: int  # node
    label: str | None  # printed label ("Ya", "Lengkap"); None: nothing printed
    branch: Branch = None  # "ya"/"tidak" for a decision's exits
    both: bool = False  # a two-way arrow (bolak_balik): a head at each end, flow both ways


class BadRef(NamedTuple):
    """A reference that resolves to nothing."""

    node: int  # the symbol holding it
    path: tuple[str | int, ...]  # ("kegiatan", 1, "keputusan", "ya"), ("kegiatan", 2, "lanjut", 0)
    ref: StepRefValue


# --- symbols -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Spec:
    """What one symbol says, short or long form alike."""

    row: int
    index_in_row: int
    executors: tuple[str, ...]
    override: str | None
    keputusan: Keputusan | None
    lanjut: StepRefValue | list[StepRefValue] | None
    selesai: bool
    id: str | None
    path: tuple[str | int, ...]
    teks: str | None = None
    bolak_balik: StepRefValue | list[StepRefValue] | None = None


def _executors(pelaksana) -> tuple[str, ...]:
    if pelaksana is None:
        return ()
    return (pelaksana,) if isinstance(pelaksana, str) else tuple(pelaksana)


def _specs(steps: Sequence[Langkah]) -> list[_Spec]:
    specs = []
    for row, step in enumerate(steps):
        if isinstance(step.simbol, list) and step.simbol:
            for k, item in enumerate(step.simbol):
                specs.append(
                    _Spec(
                        row,
                        k,
                        _executors(item.pelaksana),
                        item.jenis,
                        item.keputusan,
                        item.lanjut,
                        bool(item.selesai),
                        item.id or (step.id if k == 0 else None),
                        ("kegiatan", row, "simbol", k),
                        item.teks,
                        item.bolak_balik,
                    )
                )
        else:
            specs.append(
                _Spec(
                    row,
                    0,
                    _executors(step.pelaksana),
                    step.simbol if isinstance(step.simbol, str) else None,
                    step.keputusan,
                    step.lanjut,
                    bool(step.selesai),
                    step.id,
                    ("kegiatan", row),
                    step.teks,
                )
            )
    return specs


def _kind(spec: _Spec, node: int, is_end: bool) -> Kind:
    if spec.keputusan is not None:
        return "decision"
    if spec.override in KIND_OVERRIDES:
        return KIND_OVERRIDES[spec.override]  # type: ignore[return-value]
    if node == 0 or is_end:
        return "terminator"
    return "process"


def _is_end(spec: _Spec, node: int, ways: _TwoWay) -> bool:
    if spec.selesai:
        return True
    if spec.keputusan is not None or spec.lanjut is not None or node in ways.returning:
        return False  # the far end of a two-way arrow leaves by the way back
    return ways.default_next(node) is None


def _symbols(specs: Sequence[_Spec], ways: _TwoWay) -> tuple[SymbolRef, ...]:
    out = []
    for node, spec in enumerate(specs):
        end = _is_end(spec, node, ways)
        labels = None
        if spec.keputusan is not None:
            labels = (spec.keputusan.label_ya, spec.keputusan.label_tidak)
        out.append(
            SymbolRef(
                node,
                spec.row,
                spec.index_in_row,
                spec.executors,
                _kind(spec, node, end),
                labels,
                end,
                spec.id,
                spec.path,
                spec.teks,
            )
        )
    return tuple(out)


def symbols(prosedur: Prosedur) -> tuple[SymbolRef, ...]:
    """Every symbol of the procedure in node order."""
    return flow_of(prosedur).symbols


# --- references ----------------------------------------------------------------------------


class _Index:
    def __init__(self, steps: Sequence[Langkah], specs: Sequence[_Spec]):
        self.first_node: dict[int, int] = {}
        self.ids: dict[str, int] = {}
        for node, spec in enumerate(specs):
            self.first_node.setdefault(spec.row, node)
            if spec.id:
                self.ids.setdefault(spec.id, node)
        self.numbers = printed_numbers(steps)
        self.by_number: dict[str, int] = {}
        for row, number in enumerate(self.numbers):
            if number:
                self.by_number.setdefault(number, row)

    def node(self, ref: object) -> int | None:
        if isinstance(ref, bool) or not isinstance(ref, int | str):
            return None
        if isinstance(ref, int):
            row = self.by_number.get(str(ref))
            return None if row is None else self.first_node.get(row)
        text = ref.strip()
        if text in self.ids:
            return self.ids[text]
        if text.isdigit():
            text = str(int(text))
        row = self.by_number.get(text) if text else None
        return None if row is None else self.first_node.get(row)


def resolve_ref(prosedur: Prosedur, ref: StepRefValue) -> int | None:
    """A reference -> the node it means, or None.

    An int (or a digit string) is the row whose printed number it is; a string is a row
    or symbol id, else a printed number such as "2a". A row means its first symbol."""
    return flow_of(prosedur).node(ref)


def step_target(ref: StepRefValue, steps: Sequence[Langkah]) -> int | None:
    """A reference -> the 0-based ROW it points into, or None (for per-row views)."""
    specs = _specs(steps)
    node = _Index(steps, specs).node(ref)
    return None if node is None else specs[node].row


def _exits(spec: _Spec):
    """(path suffix, label, branch, ref) for every explicit exit of a symbol."""
    if spec.selesai:
        return
    if spec.keputusan is not None:
        k = spec.keputusan
        yield from _targets(("keputusan", "ya"), k.label_ya or None, "ya", k.ya)
        yield from _targets(("keputusan", "tidak"), k.label_tidak or None, "tidak", k.tidak)
    elif spec.lanjut is not None:
        yield from _targets(("lanjut",), None, None, spec.lanjut)


def _two_way(spec: _Spec):
    """(path suffix, ref) for every two-way arrow a symbol writes."""
    if spec.bolak_balik is not None:
        for suffix, _l, _b, ref in _targets(("bolak_balik",), None, None, spec.bolak_balik):
            yield suffix, ref


class _TwoWay:
    """The two-way arrows' part in the default flow. The far end of one has no default
    exit (its way out is the way back); the symbol that writes it goes on by default to
    the next symbol that is not one of its own far ends."""

    def __init__(self, specs: Sequence[_Spec], index: _Index):
        self.count = len(specs)
        self.far: dict[int, set[int]] = {}  # node -> the far ends of the arrows it writes
        for node, spec in enumerate(specs):
            for _suffix, ref in _two_way(spec):
                target = index.node(ref)
                if target is not None and target != node:
                    self.far.setdefault(node, set()).add(target)
        self.returning = set().union(*self.far.values())

    def default_next(self, node: int) -> int | None:
        """Where a symbol without lanjut, keputusan or selesai goes; None: nowhere."""
        if node in self.returning:
            return None
        own = self.far.get(node, set())
        return next((n for n in range(node + 1, self.count) if n not in own), None)


def _targets(suffix, label, branch, refs):
    if isinstance(refs, list):  # a fork: one arrow per target, in list order
        for i, ref in enumerate(refs):
            yield suffix + (i,), label, branch, ref
    else:
        yield suffix, label, branch, refs


def _walk(specs: Sequence[_Spec], index: _Index, ways: _TwoWay):
    """(node, path, label, branch, ref, target, both) for every arrow or bad reference."""
    for node, spec in enumerate(specs):
        exits = list(_exits(spec))
        if exits:
            for suffix, label, branch, ref in exits:
                yield node, spec.path + suffix, label, branch, ref, index.node(ref), False
        elif not spec.selesai and ways.default_next(node) is not None:
            yield node, spec.path, None, None, None, ways.default_next(node), False
        for suffix, ref in _two_way(spec):
            yield node, spec.path + suffix, None, None, ref, index.node(ref), True


@dataclass(frozen=True)
class Flow:
    """A procedure's symbols, arrows, bad references and printed numbers, computed
    together once (``flow_of``; a loaded ``Procedure`` keeps its own: ``Procedure.flow``).

    ``edges`` in node order (a decision's Ya before its Tidak; a fork in list order; a
    decision's exit may fork too: ``ya: [6, 7]`` gives two arrows labelled Ya). Default:
    a symbol goes to the next symbol of its row, the last symbol of a row to the first
    of the next row; ``lanjut`` (one or a list) and ``keputusan`` replace that;
    ``selesai: true`` and the last symbol of the last row have none. A two-way arrow
    (``bolak_balik``) comes after its symbol's exits, with ``both=True``. ``bad_refs``:
    the references that resolve to nothing (skipped in ``edges``), in node order."""

    symbols: tuple[SymbolRef, ...]
    edges: tuple[Edge, ...]
    bad_refs: tuple[BadRef, ...]
    numbers: tuple[str, ...]  # printed_numbers
    index: _Index

    def node(self, ref: StepRefValue) -> int | None:
        """A reference -> the node it means, or None (``resolve_ref``)."""
        return self.index.node(ref)

    @property
    def per_row(self) -> tuple[int, ...]:
        """How many symbols each row holds."""
        counts = [0] * len(self.numbers)
        for sym in self.symbols:
            counts[sym.row] += 1
        return tuple(counts)


def flow_of(prosedur: Prosedur) -> Flow:
    """The procedure's ``Flow``, computed from its data."""
    steps = prosedur.kegiatan
    specs = _specs(steps)
    index = _Index(steps, specs)
    ways = _TwoWay(specs, index)
    edges, bad = [], []
    for node, path, label, branch, ref, target, both in _walk(specs, index, ways):
        if target is not None:
            edges.append(Edge(node, target, label, branch, both))
        elif ref is not None:
            bad.append(BadRef(node, path, ref))
    return Flow(_symbols(specs, ways), tuple(edges), tuple(bad), index.numbers, index)


def resolve_flow(prosedur: Prosedur) -> list[Edge]:
    """Every arrow in node order (``Flow.edges``)."""
    return list(flow_of(prosedur).edges)


def unresolved_refs(prosedur: Prosedur) -> list[BadRef]:
    """The references ``resolve_flow`` skipped, in node order."""
    return list(flow_of(prosedur).bad_refs)


def row_edges(prosedur: Prosedur) -> list[Edge]:
    """``resolve_flow`` seen row to row (for views that draw one symbol per row): arrows
    inside one row dropped, repeated ones kept once."""
    flow = flow_of(prosedur)
    row_of = [s.row for s in flow.symbols]
    out: list[Edge] = []
    for e in flow.edges:
        edge = Edge(row_of[e.source], row_of[e.target], e.label, e.branch, e.both)
        if edge.source == edge.target and e.source != e.target or edge in out:
            continue
        out.append(edge)
    return out


def directed(edges: Iterable[Edge]) -> list[tuple[int, int]]:
    """Every (from, to) the flow can take: a two-way arrow both ways."""
    out = []
    for e in edges:
        out.append((e.source, e.target))
        if e.both:
            out.append((e.target, e.source))
    return out


def closure(starts: Iterable[int], graph: Mapping[int, Iterable[int]]) -> set[int]:
    """Every node reachable from ``starts`` (themselves included) along ``graph``."""
    seen, todo = set(starts), list(starts)
    while todo:
        for nxt in graph[todo.pop()]:
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen
