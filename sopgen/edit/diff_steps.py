"""The changes of one procedure: its title and number, executor columns, steps (aligned
by their text, so an inserted step is one change, not a renumbering), flow and total
time."""

from __future__ import annotations

from sopgen.edit.changes import EMPTY, Change, align, field_changes, norm, revision_changes
from sopgen.model import Langkah, Procedure, Project
from sopgen.model.durations import format_minutes


def _executors(step: Langkah) -> str:
    return ", ".join(step.executors)


def _step_summary(proc: Procedure, index: int) -> str:
    step = proc.data.kegiatan[index]
    waktu = proc.waktu_text(index)
    extra = "; ".join(x for x in (_executors(step), waktu) if x)
    return f"{norm(step.uraian)} ({extra})"


def compare_procedure(
    old: Procedure | None, new: Procedure | None, before: Project, after: Project, prefix: str
) -> list[Change]:
    proc = new or old
    scope = f"prosedur {prefix}{proc.id}"
    if old is None or new is None:
        n = len(proc.data.kegiatan)
        text = f"{proc.data.judul} ({n} langkah)"
        if old is None:
            return [Change(scope, "ditambah", new=text, whole=True)]
        return [Change(scope, "dihapus", old=text, whole=True)]
    a, b = old.data, new.data
    out = []
    if norm(a.judul) != norm(b.judul):
        out.append(Change(scope, "judul diubah", None, a.judul, b.judul, words=True))
    out += field_changes(scope, "diubah", [("nomor SOP", a.nomor, b.nomor)])
    out += _columns(scope, a.pelaksana, b.pelaksana)
    out += _steps(scope, old, new)
    out += _total_time(scope, old, new, after)
    out += revision_changes(scope, a.revisi, b.revisi)
    return out


def _columns(scope: str, old: list[str], new: list[str]) -> list[Change]:
    out = [Change(scope, "kolom pelaksana ditambah", new=x) for x in new if x not in old]
    out += [Change(scope, "kolom pelaksana dihapus", old=x) for x in old if x not in new]
    if [x for x in old if x in new] != [x for x in new if x in old]:
        out.append(
            Change(scope, "urutan kolom pelaksana diubah", None, ", ".join(old), ", ".join(new))
        )
    return out


def _steps(scope: str, old: Procedure, new: Procedure) -> list[Change]:
    a, b = old.data.kegiatan, new.data.kegiatan
    pairs = align([s.uraian for s in a], [s.uraian for s in b])
    to_new = {i: j for i, j, _ in pairs if i is not None and j is not None}
    ways_a, ways_b = _two_ways(old), _two_ways(new)
    out = []
    for i, j, moved in pairs:
        if j is None:
            out.append(Change(scope, f"langkah {i + 1} dihapus", old=_step_summary(old, i)))
            continue
        if i is None:
            out.append(Change(scope, f"langkah {j + 1} ditambah", new=_step_summary(new, j)))
            continue
        if moved:
            out.append(
                Change(
                    scope,
                    f"langkah {i + 1} dipindah menjadi langkah {j + 1}",
                    new=norm(b[j].uraian),
                )
            )
        head = f"langkah {j + 1}" + (f" (sebelumnya {i + 1})" if i != j else "") + " diubah"
        sa, sb = a[i], b[j]
        if norm(sa.uraian) != norm(sb.uraian):
            out.append(Change(scope, head, "uraian", sa.uraian, sb.uraian, words=True))
        out += field_changes(
            scope,
            head,
            [
                ("pelaksana", _executors(sa), _executors(sb)),
                ("kelengkapan", sa.kelengkapan, sb.kelengkapan),
                ("waktu", old.waktu_text(i), new.waktu_text(j)),
                ("output", sa.output, sb.output),
                ("keterangan", sa.keterangan, sb.keterangan),
                ("bolak-balik", ways_a.get(i), ways_b.get(j)),
            ],
        )
        out += _flow(scope, head, sa, sb, a, b, i, j, to_new)
    return out


def _two_ways(proc: Procedure) -> dict[int, str]:
    """Each row's two-way arrows (bolak_balik, always within the row) as the executors
    they join: "Kasubag dan Kepala Dinas"; compared by who, not by ids."""
    syms = proc.symbols
    rows: dict[int, list[str]] = {}
    for e in proc.edges:
        if e.both:
            a, b = (", ".join(syms[n].executors) for n in (e.source, e.target))
            rows.setdefault(syms[e.source].row, []).append(f"{a} dan {b}")
    return {row: "; ".join(sorted(pairs)) for row, pairs in rows.items()}


def _flow(scope, head, sa: Langkah, sb: Langkah, a, b, i: int, j: int, to_new) -> list[Change]:
    """Decision branches and 'lanjut', compared by the step they reach, so renumbering by an
    inserted or removed step is no change. Targets are shown with their text, since the
    same number may name another step after the revision."""
    from sopgen.model.flow import step_target

    def target(ref, steps, here: int) -> int | None:
        if ref is None:  # the row below, if any
            return here + 1 if here + 1 < len(steps) else None
        return step_target(ref, steps)

    def show(t: int | None, steps) -> str:
        return EMPTY if t is None else f"langkah {t + 1} ({norm(steps[t].uraian)})"

    def branches(step: Langkah, steps, here: int) -> str:
        if step.keputusan is None:
            return "(bukan keputusan)"
        ya = show(step_target(step.keputusan.ya, steps), steps)
        tidak = show(step_target(step.keputusan.tidak, steps), steps)
        return f"Ya ke {ya}, Tidak ke {tidak}"

    ka, kb = sa.keputusan, sb.keputusan
    if ka is not None and kb is not None:
        out = []
        for label, ra, rb in (("Ya", ka.ya, kb.ya), ("Tidak", ka.tidak, kb.tidak)):
            ta, tb = step_target(ra, a), step_target(rb, b)
            if to_new.get(ta) != tb:
                out.append(Change(scope, head, f"cabang {label} ke", show(ta, a), show(tb, b)))
        return out
    if ka is not None or kb is not None:
        return [Change(scope, head, "keputusan", branches(sa, a, i), branches(sb, b, j))]
    if sa.lanjut is None and sb.lanjut is None:
        return []  # the row below on both sides: an inserted row is reported as such
    ta, tb = target(sa.lanjut, a, i), target(sb.lanjut, b, j)
    if to_new.get(ta) == tb:
        return []
    return [Change(scope, head, "lanjut ke", show(ta, a), show(tb, b))]


def _total_time(scope: str, old: Procedure, new: Procedure, after: Project) -> list[Change]:
    per_day = after.dokumen.pengaturan.menit_per_hari
    ta = sum(d.minutes for d in old.durations if d is not None)
    tb = sum(d.minutes for d in new.durations if d is not None)
    if round(ta) == round(tb):
        return []
    delta = tb - ta
    sign = "+" if delta > 0 else "-"
    return [
        Change(
            scope,
            "jumlah waktu diubah",
            None,
            format_minutes(ta, per_day),
            format_minutes(tb, per_day),
            note=f"({sign}{format_minutes(abs(delta), per_day)})",
        )
    ]
