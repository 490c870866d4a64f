"""Off-page connectors joined: X -> connector 'A' ... connector 'A' -> Y becomes X -> Y.

Works on IR values, after the pages (or sheets) of one flowchart are put together, so a
pair split over two sheets joins too. Connectors stay in the shapes (they are counted);
no link touches them afterwards."""

from __future__ import annotations

from sopgen.impor import ir


def join_connectors(
    shapes: tuple[ir.Shape, ...], links: list[ir.Link]
) -> tuple[list[ir.Link], list[str]]:
    """Links without connector ends, and Indonesian notes on connectors without a pair."""
    text = {s.id: " ".join(s.text.split()).upper() for s in shapes if s.kind == "connector"}
    into: dict[str, list[tuple[int, str | None]]] = {}
    out_of: dict[str, list[int]] = {}
    for link in links:
        if link.target in text:
            into.setdefault(text[link.target], []).append((link.source, link.label))
        if link.source in text:
            out_of.setdefault(text[link.source], []).append(link.target)
    joined = [
        (link.source, link.target, link.label, link.both)
        for link in links
        if link.source not in text and link.target not in text
    ]
    notes = []
    for key in sorted(set(into) | set(out_of)):
        if not into.get(key) or not out_of.get(key):
            notes.append(
                f"penghubung antarhalaman '{key or '?'}' tanpa pasangan: periksa alur di sekitarnya"
            )
        for source, label in into.get(key, []):
            for target in out_of.get(key, []):
                joined.append((source, target, label, False))
    seen: set[tuple[int, int]] = set()
    out = []
    for source, target, label, both in joined:
        if (source, target) in seen or source == target or target in text or source in text:
            continue
        seen.add((source, target))
        out.append(ir.Link(source, target, label, both))
    out.sort(key=lambda link: (link.source, link.target))
    return out, notes
