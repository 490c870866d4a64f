"""Read the flow back out of written procedure YAML by the rules of sopgen's step syntax
(default next symbol, `lanjut`, `keputusan`, `selesai`, references by printed number or
id; `bolak_balik`: a two-way arrow, labelled "<->", whose far end has no default exit and
whose writer goes on by default to the next symbol that is not its far end),
independently of the importer, so a test can compare it with the arrows read."""

from __future__ import annotations

import yaml


def symbols(steps: list[dict]) -> list[tuple[int, int, dict]]:
    """(row, index in row, symbol mapping) in row order."""
    out = []
    for i, step in enumerate(steps):
        items = step["simbol"] if isinstance(step.get("simbol"), list) else [step]
        for k, item in enumerate(items):
            out.append((i, k, item))
    return out


def printed_numbers(steps: list[dict]) -> list[str]:
    counter, out = 0, []
    for step in steps:
        if "nomor" not in step:
            counter += 1
            out.append(str(counter))
        else:
            value = step["nomor"]
            if isinstance(value, int):
                counter = value
            out.append(str(value))
    return out


def edges(text: str) -> set[tuple[tuple[int, int], tuple[int, int], str | None]]:
    data = yaml.safe_load(text)
    steps = data["kegiatan"]
    flat = symbols(steps)
    numbers = printed_numbers(steps)
    ids = {}
    for i, step in enumerate(steps):
        if "id" in step:
            ids[step["id"]] = (i, 0)
    for i, k, item in flat:
        if "id" in item and item is not steps[i]:
            ids[item["id"]] = (i, k)

    def ref(value) -> tuple[int, int]:
        if isinstance(value, int) or (isinstance(value, str) and value.isdigit()):
            return (numbers.index(str(int(value))), 0)
        if value in ids:
            return ids[value]
        return (numbers.index(value), 0)

    out = set()
    position = {(i, k): g for g, (i, k, _) in enumerate(flat)}
    far: dict[int, set[int]] = {}
    for g, (i, k, item) in enumerate(flat):
        if "bolak_balik" in item:
            value = item["bolak_balik"]
            targets = value if isinstance(value, list) else [value]
            far[g] = {position[ref(t)] for t in targets}
            out.update(((i, k), ref(t), "<->") for t in targets)
    returning = set().union(*far.values()) if far else set()
    for g, (i, k, item) in enumerate(flat):
        here = (i, k)
        if "keputusan" in item:
            dec = item["keputusan"]
            for exit_, label in (("ya", "Ya"), ("tidak", "Tidak")):
                targets = dec[exit_] if isinstance(dec[exit_], list) else [dec[exit_]]
                label = dec.get(f"label_{exit_}", label)
                out.update((here, ref(t), label) for t in targets)
        elif "lanjut" in item:
            targets = item["lanjut"] if isinstance(item["lanjut"], list) else [item["lanjut"]]
            out.update((here, ref(t), None) for t in targets)
        elif item.get("selesai") or g in returning:
            pass
        else:
            nxt = [n for n in range(g + 1, len(flat)) if n not in far.get(g, ())]
            if nxt:
                out.add((here, flat[nxt[0]][:2], None))
    return out


def kinds(text: str) -> list[str]:
    """The symbol kinds sopgen gives by default, with the overrides written."""
    steps = yaml.safe_load(text)["kegiatan"]
    flat = symbols(steps)
    out = []
    for g, (_, _, item) in enumerate(flat):
        override = item.get("jenis") or (
            item.get("simbol") if isinstance(item.get("simbol"), str) else None
        )
        if "keputusan" in item:
            out.append("decision")
        elif override:
            out.append("terminator" if override == "terminator" else "process")
        else:
            ends = item.get("selesai") or (g == len(flat) - 1 and "lanjut" not in item)
            out.append("terminator" if g == 0 or ends else "process")
    return out
