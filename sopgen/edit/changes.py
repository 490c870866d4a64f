"""The changes between two versions of the data, and the pieces every comparison uses:
texts as the signer reads them, fields that differ, lists aligned item by item.

``Change`` is plain data; ``diff`` (documents) and ``diff_steps`` (procedures) produce
it, ``diff_text`` and ``diff_html`` show it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from sopgen.model import Dokumen
from sopgen.model.dates import format_date

EMPTY = "(kosong)"
REWORDED = 0.5  # word similarity from which a changed text is "reworded", not replaced
MOVED = 0.75  # word similarity from which a removed and an added step are one moved step


@dataclass(frozen=True)
class Change:
    """One difference. Text: ``{scope}: {head}: {field} {old} -> {new}``.

    ``whole``: the change is the scope itself ("prosedur arsip ditambah: ...").
    ``words``: show old/new as one text with the changed words marked.
    """

    scope: str
    head: str
    field: str | None = None
    old: str | None = None
    new: str | None = None
    words: bool = False
    whole: bool = False
    note: str | None = None


def official_name(doc: Dokumen, key: str) -> str:
    person = doc.pejabat.get(key)
    return f"{key} ({person.nama})" if person else key


def shown(value: object) -> str:
    if value is None or value == "":
        return EMPTY
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if hasattr(value, "year"):
        return format_date(value)
    return str(value)


def field_changes(scope, head, pairs) -> list[Change]:
    """(field, old, new) triples -> changes for those that differ."""
    return [
        Change(scope, head, field, shown(a), shown(b))
        for field, a, b in pairs
        if (a or None) != (b or None)
    ]


def list_items(values) -> list[str]:
    """List items as text; a related SOP shows the procedure it points at."""
    out = []
    for value in values:
        if hasattr(value, "teks"):
            out.append(value.teks + (f" [{value.prosedur}]" if value.prosedur else ""))
        else:
            out.append(str(value))
    return out


def norm(text: str) -> str:
    return " ".join(text.split())


def similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio()


def align(old: Sequence[str], new: Sequence[str]) -> list[tuple[int | None, int | None, bool]]:
    """Pair the items of two lists: (old index or None, new index or None, moved).

    Same text in the same order pairs first (difflib); within a replaced stretch, texts
    similar enough pair as rewordings, best pairs first, keeping the order; a removed and
    an added item with (nearly) the same text elsewhere are one moved item. The result
    follows the new order, removed items where they stood."""
    a, b = [norm(x) for x in old], [norm(x) for x in new]
    pairs: list[tuple[int | None, int | None, bool]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            pairs += [(i1 + k, j1 + k, False) for k in range(i2 - i1)]
        elif tag == "delete":
            pairs += [(i, None, False) for i in range(i1, i2)]
        elif tag == "insert":
            pairs += [(None, j, False) for j in range(j1, j2)]
        else:
            pairs += _pair_block(a, b, range(i1, i2), range(j1, j2))
    removed = [p for p in pairs if p[1] is None]
    for i, _, _ in removed:
        candidates = [
            (similarity(a[i], b[j]), -j, j) for (x, j, _) in pairs if x is None and j is not None
        ]
        best = max(candidates, default=None)
        if best is not None and best[0] >= MOVED:
            j = best[2]
            pairs.remove((i, None, False))
            pairs[pairs.index((None, j, False))] = (i, j, True)
    return pairs


def _pair_block(a, b, olds: range, news: range) -> list[tuple[int | None, int | None, bool]]:
    scored = sorted(
        ((similarity(a[i], b[j]), -abs((i - olds.start) - (j - news.start)), i, j)
         for i in olds for j in news),
        reverse=True,
    )  # fmt: skip
    chosen: list[tuple[int, int]] = []
    for score, _, i, j in scored:
        if score < REWORDED:
            break
        if all((i < ci) == (j < cj) and i != ci and j != cj for ci, cj in chosen):
            chosen.append((i, j))
    chosen.sort()
    out: list[tuple[int | None, int | None, bool]] = []
    i, j = olds.start, news.start
    for ci, cj in chosen + [(olds.stop, news.stop)]:
        out += [(x, None, False) for x in range(i, ci)]
        out += [(None, y, False) for y in range(j, cj)]
        if ci < olds.stop:
            out.append((ci, cj, False))
        i, j = ci + 1, cj + 1
    return out


def list_changes(scope: str, label: str, old: list[str], new: list[str]) -> list[Change]:
    out = []
    for i, j, moved in align(old, new):
        if j is None:
            out.append(Change(scope, f"{label} butir {i + 1} dihapus", old=old[i]))
        elif i is None:
            out.append(Change(scope, f"{label} butir {j + 1} ditambah", new=new[j]))
        else:
            where = f"{label} butir {j + 1}" + (f" (sebelumnya {i + 1})" if i != j else "")
            if moved:
                out.append(Change(scope, f"{label} butir {i + 1} dipindah ke butir {j + 1}"))
            if norm(old[i]) != norm(new[j]):
                out.append(Change(scope, f"{where} diubah", None, old[i], new[j], words=True))
    return out


def revision_changes(scope: str, old, new) -> list[Change]:
    def show(r) -> str:
        who = f" (disetujui: {r.disetujui_oleh})" if r.disetujui_oleh else ""
        return f"{format_date(r.tanggal)}: {r.perubahan}{who}"

    old_by = {r.nomor: r for r in old}
    new_by = {r.nomor: r for r in new}
    out = []
    for nomor in sorted(set(old_by) | set(new_by)):
        a, b = old_by.get(nomor), new_by.get(nomor)
        if a is None:
            out.append(Change(scope, f"revisi {nomor} ditambah", new=show(b)))
        elif b is None:
            out.append(Change(scope, f"revisi {nomor} dihapus", old=show(a)))
        elif a != b:
            out.append(Change(scope, f"revisi {nomor} diubah", None, show(a), show(b), words=True))
    return out


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """[(kind, text)] with kind 'equal' | 'delete' | 'insert', on whole words."""
    a, b = old.split(), new.split()
    out: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append(("equal", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("delete", " ".join(a[i1:i2])))
        if j2 > j1:
            out.append(("insert", " ".join(b[j1:j2])))
    return out
