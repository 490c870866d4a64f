"""The flow of a procedure as edges: which step each arrow leaves and which it enters.

Shared by the check stage (targets, reachability), the layout (arrows), the handbook
and diff, so all agree on where an arrow goes. ``resolve_flow`` never raises: a reference that
does not resolve is skipped here and listed by ``unresolved_refs`` for the caller to
report with its file position.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, NamedTuple

from sopgen.model.document import Langkah, Prosedur

Label = Literal["Ya", "Tidak"] | None


class Edge(NamedTuple):
    """One arrow of the flowchart; compares equal to ``(source, target, label)``."""

    source: int  # 0-based step index
    target: int  # 0-based step index
    label: Label  # "Ya"/"Tidak" for a decision's exits, None otherwise


class BadRef(NamedTuple):
    step: int  # 0-based index of the step holding the reference
    field: str  # "lanjut", "keputusan.ya" or "keputusan.tidak"
    ref: int | str


def step_target(ref: int | str, steps: Sequence[Langkah]) -> int | None:
    """A step reference -> 0-based index, or None.

    An int is the 1-based step number as printed in the "No" column. A str is a step id
    (the first step carrying it); a str of digits that is no id is read as a number.
    """
    if isinstance(ref, bool):
        return None
    if isinstance(ref, int):
        return ref - 1 if 1 <= ref <= len(steps) else None
    for index, step in enumerate(steps):
        if step.id == ref:
            return index
    if ref.strip().isdigit():
        return step_target(int(ref.strip()), steps)
    return None


def resolve_ref(prosedur: Prosedur, ref: int | str) -> int | None:
    """``step_target`` over a procedure's steps."""
    return step_target(ref, prosedur.kegiatan)


def _exits(prosedur: Prosedur):
    """(source, field, label, ref-or-None) for every exit; ref None = the row below."""
    steps = prosedur.kegiatan
    for index, step in enumerate(steps):
        if step.keputusan is not None:
            yield index, "keputusan.ya", "Ya", step.keputusan.ya
            yield index, "keputusan.tidak", "Tidak", step.keputusan.tidak
        elif step.lanjut is not None:
            yield index, "lanjut", None, step.lanjut
        elif index + 1 < len(steps):
            yield index, "", None, None


def resolve_flow(prosedur: Prosedur) -> list[Edge]:
    """Every arrow in step order (a decision's "Ya" before its "Tidak").

    A decision gets exactly its two exits, a step with ``lanjut`` only that edge, any
    other step the default edge to the row below; the last step has no default edge.
    Unresolvable references are skipped (see ``unresolved_refs``).
    """
    edges = []
    for index, _field, label, ref in _exits(prosedur):
        target = index + 1 if ref is None else resolve_ref(prosedur, ref)
        if target is not None:
            edges.append(Edge(index, target, label))
    return edges


def unresolved_refs(prosedur: Prosedur) -> list[BadRef]:
    """The references ``resolve_flow`` skipped, in step order."""
    return [
        BadRef(index, field, ref)
        for index, field, _label, ref in _exits(prosedur)
        if ref is not None and resolve_ref(prosedur, ref) is None
    ]
