"""The flow of a procedure as plain edges: which step an arrow leaves and where it goes.

Shared by the check stage (reachability) and the layout (arrows)."""

from __future__ import annotations

from sopgen.model import Langkah


def step_target(ref, steps: list[Langkah]) -> int | None:
    """A step reference (1-based number or id) -> 0-based index, or None."""
    if isinstance(ref, int):
        return ref - 1 if 1 <= ref <= len(steps) else None
    for index, step in enumerate(steps):
        if step.id == ref:
            return index
    return None


def flow_edges(steps: list[Langkah]) -> list[tuple[int, int, str | None]]:
    """(source, target, label) for every arrow; bad targets are skipped (reported elsewhere)."""
    edges = []
    for index, step in enumerate(steps):
        if step.keputusan is not None:
            for label, ref in (("Ya", step.keputusan.ya), ("Tidak", step.keputusan.tidak)):
                target = step_target(ref, steps)
                if target is not None:
                    edges.append((index, target, label))
        elif step.lanjut is not None:
            target = step_target(step.lanjut, steps)
            if target is not None:
                edges.append((index, target, None))
        elif index + 1 < len(steps):
            edges.append((index, index + 1, None))
    return edges
