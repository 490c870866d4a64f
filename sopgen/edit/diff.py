"""`sopgen diff`: what a revision changes, as the signer needs to see it.

Two loaded versions of the data (lists of projects) -> a flat list of ``Change`` in a
stable order: per document, its identity and approval pages, officials and lists; then
per procedure (matched by id, in the new binder order), its steps (aligned by their text)
and its total time. Comparisons are on the model, so comments and YAML layout never count
as changes. ``render_text`` prints one line per change; ``sopgen.edit.diff_html`` makes the page.

The data versions come from folders or from git revisions (``sources``).
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from difflib import SequenceMatcher
from io import BytesIO
from pathlib import Path

import click

from sopgen.check.revisions import effective_revision_date
from sopgen.errors import Diagnostic, InputError, SopgenError
from sopgen.model import Dokumen, Langkah, Procedure, Project
from sopgen.model.dates import format_date
from sopgen.model.durations import format_minutes

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


# --- comparing ----------------------------------------------------------------------------


def compare(old: Sequence[Project], new: Sequence[Project]) -> list[Change]:
    """Every change from ``old`` to ``new`` (documents matched by folder name; a single
    document on each side is matched whatever its folder is called)."""
    old_by, new_by = {p.name: p for p in old}, {p.name: p for p in new}
    if len(old) == 1 and len(new) == 1:
        pairs = [(old[0], new[0])]
    else:
        pairs = [(old_by.get(n), new_by.get(n)) for n in sorted(set(old_by) | set(new_by))]
    prefix = _prefixer(old, new)
    changes: list[Change] = []
    for before, after in pairs:
        if before is None or after is None:
            project = after or before
            n = len(project.procedures)
            changes.append(
                Change(
                    f"dokumen {project.name}",
                    "ditambah" if before is None else "dihapus",
                    new=f"{project.dokumen.identitas.nama} ({n} prosedur)" if after else None,
                    old=f"{project.dokumen.identitas.nama} ({n} prosedur)" if before else None,
                    whole=True,
                )
            )
            continue
        changes += compare_document(before, after)
        old_procs = {p.id: p for p in before.procedures}
        new_ids = [p.id for p in after.procedures]
        for proc in after.procedures:
            changes += compare_procedure(old_procs.get(proc.id), proc, before, after, prefix(after))
        for proc in before.procedures:
            if proc.id not in new_ids:
                changes += compare_procedure(proc, None, before, after, prefix(after))
    return changes


def _prefixer(old: Sequence[Project], new: Sequence[Project]) -> Callable[[Project], str]:
    """Procedures are named by id alone, or 'document/id' when there are several documents."""
    several = len(old) > 1 or len(new) > 1
    return lambda project: f"{project.name}/" if several else ""


def titles(old: Sequence[Project], new: Sequence[Project]) -> dict[str, str]:
    """Scope -> the title a reader knows it by (the new one when both exist)."""
    prefix = _prefixer(old, new)
    found: dict[str, str] = {}
    for project in list(old) + list(new):
        found[f"dokumen {project.name}"] = project.dokumen.identitas.nama
        for proc in project.procedures:
            found[f"prosedur {prefix(project)}{proc.id}"] = proc.data.judul
    return found


def _official(doc: Dokumen, key: str) -> str:
    person = doc.pejabat.get(key)
    return f"{key} ({person.nama})" if person else key


def _text(value: object) -> str:
    if value is None or value == "":
        return EMPTY
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if hasattr(value, "year"):
        return format_date(value)
    return str(value)


def _fields(scope, head, pairs) -> list[Change]:
    """(field, old, new) triples -> changes for those that differ."""
    return [
        Change(scope, head, field, _text(a), _text(b))
        for field, a, b in pairs
        if (a or None) != (b or None)
    ]


def compare_document(before: Project, after: Project) -> list[Change]:
    a, b = before.dokumen, after.dokumen
    scope = f"dokumen {after.name}"
    out = _fields(
        scope,
        "instansi diubah",
        [
            (f, getattr(a.instansi, f), getattr(b.instansi, f))
            for f in type(a.instansi).model_fields
        ],
    )
    ia, ib = a.identitas, b.identitas
    out += _fields(
        scope,
        "identitas diubah",
        [
            ("nama SOP", ia.nama, ib.nama),
            ("nomor SOP", ia.nomor, ib.nomor),
            ("tanggal pembuatan", ia.tanggal_pembuatan, ib.tanggal_pembuatan),
            ("tanggal revisi", effective_revision_date(before), effective_revision_date(after)),
            ("tanggal efektif", ia.tanggal_efektif, ib.tanggal_efektif),
            ("label nama", ia.label_nama, ib.label_nama),
        ],
    )
    if ia.disahkan_oleh != ib.disahkan_oleh:
        out.append(
            Change(
                scope,
                "identitas diubah",
                "disahkan oleh",
                _official(a, ia.disahkan_oleh),
                _official(b, ib.disahkan_oleh),
            )
        )
    for field, label in (
        ("dasar_hukum", "dasar hukum"),
        ("kualifikasi_pelaksana", "kualifikasi pelaksana"),
        ("keterkaitan", "keterkaitan"),
        ("peralatan", "peralatan"),
        ("peringatan", "peringatan"),
        ("pencatatan", "pencatatan"),
    ):
        out += _list_changes(scope, label, _items(getattr(a, field)), _items(getattr(b, field)))
    out += _officials(scope, a, b)
    pa, pb = a.pengesahan, b.pengesahan
    out += _fields(
        scope,
        "pengesahan diubah",
        [
            ("tempat", pa.tempat or a.instansi.tempat, pb.tempat or b.instansi.tempat),
            ("tanggal", pa.tanggal, pb.tanggal),
        ],
    )
    out += [
        Change(scope, "yang mengetahui dihapus", old=_official(a, k))
        for k in pa.mengetahui
        if k not in pb.mengetahui
    ]
    out += [
        Change(scope, "yang mengetahui ditambah", new=_official(b, k))
        for k in pb.mengetahui
        if k not in pa.mengetahui
    ]
    kept = [k for k in pa.mengetahui if k in pb.mengetahui]
    if kept != [k for k in pb.mengetahui if k in pa.mengetahui]:
        out.append(
            Change(
                scope,
                "urutan yang mengetahui diubah",
                None,
                ", ".join(pa.mengetahui),
                ", ".join(pb.mengetahui),
            )
        )
    if pa.menyetujui != pb.menyetujui:
        out.append(
            Change(
                scope,
                "pengesahan diubah",
                "menyetujui",
                _official(a, pa.menyetujui),
                _official(b, pb.menyetujui),
            )
        )
    common = [p for p in a.prosedur if p in b.prosedur]
    if common != [p for p in b.prosedur if p in a.prosedur]:
        out.append(
            Change(
                scope, "urutan prosedur diubah", None, ", ".join(a.prosedur), ", ".join(b.prosedur)
            )
        )
    out += _revision_changes(scope, a.revisi, b.revisi)
    out += _fields(
        scope,
        "pengaturan diubah",
        [
            (f.replace("_", " "), getattr(a.pengaturan, f), getattr(b.pengaturan, f))
            for f in type(a.pengaturan).model_fields
        ],
    )
    return out


def _items(values) -> list[str]:
    """List items as text; a related SOP shows the procedure it points at."""
    out = []
    for value in values:
        if hasattr(value, "teks"):
            out.append(value.teks + (f" [{value.prosedur}]" if value.prosedur else ""))
        else:
            out.append(str(value))
    return out


def _officials(scope: str, a: Dokumen, b: Dokumen) -> list[Change]:
    out = []
    for key in [k for k in b.pejabat if k not in a.pejabat]:
        out.append(Change(scope, f"pejabat {b.pejabat[key].jabatan} ditambah", new=_person(b, key)))
    for key in [k for k in a.pejabat if k not in b.pejabat]:
        out.append(Change(scope, f"pejabat {a.pejabat[key].jabatan} dihapus", old=_person(a, key)))
    for key in [k for k in b.pejabat if k in a.pejabat]:
        pa, pb = a.pejabat[key], b.pejabat[key]
        out += _fields(
            scope,
            f"pejabat {pb.jabatan} diubah",  # named as printed, not by its YAML key
            [
                ("jabatan", pa.jabatan, pb.jabatan),
                ("nama", pa.nama, pb.nama),
                ("pangkat", pa.pangkat, pb.pangkat),
                ("golongan", pa.golongan, pb.golongan),
                ("NIP", pa.nip_formatted, pb.nip_formatted),
            ],
        )
    return out


def _person(doc: Dokumen, key: str) -> str:
    p = doc.pejabat[key]
    rank = ", ".join(x for x in (p.pangkat, p.golongan) if x)
    return f"{p.nama}, {p.jabatan}" + (f", {rank}" if rank else "") + f", NIP {p.nip_formatted}"


def _revision_changes(scope: str, old, new) -> list[Change]:
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


# --- aligning lists and steps -------------------------------------------------------------


def _norm(text: str) -> str:
    return " ".join(text.split())


def similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio()


def align(old: Sequence[str], new: Sequence[str]) -> list[tuple[int | None, int | None, bool]]:
    """Pair the items of two lists: (old index or None, new index or None, moved).

    Same text in the same order pairs first (difflib); within a replaced stretch, texts
    similar enough pair as rewordings, best pairs first, keeping the order; a removed and
    an added item with (nearly) the same text elsewhere are one moved item. The result
    follows the new order, removed items where they stood."""
    a, b = [_norm(x) for x in old], [_norm(x) for x in new]
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


def _list_changes(scope: str, label: str, old: list[str], new: list[str]) -> list[Change]:
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
            if _norm(old[i]) != _norm(new[j]):
                out.append(Change(scope, f"{where} diubah", None, old[i], new[j], words=True))
    return out


# --- procedures -----------------------------------------------------------------------------


def _executors(step: Langkah) -> str:
    return ", ".join(step.executors)


def _step_summary(proc: Procedure, index: int) -> str:
    step = proc.data.kegiatan[index]
    duration = proc.durations[index]
    waktu = duration.label if duration else step.waktu
    extra = "; ".join(x for x in (_executors(step), waktu) if x)
    return f"{_norm(step.uraian)} ({extra})"


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
    if _norm(a.judul) != _norm(b.judul):
        out.append(Change(scope, "judul diubah", None, a.judul, b.judul, words=True))
    out += _fields(scope, "diubah", [("nomor SOP", a.nomor, b.nomor)])
    out += _columns(scope, a.pelaksana, b.pelaksana)
    out += _steps(scope, old, new)
    out += _total_time(scope, old, new, after)
    out += _revision_changes(scope, a.revisi, b.revisi)
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
                    new=_norm(b[j].uraian),
                )
            )
        head = f"langkah {j + 1}" + (f" (sebelumnya {i + 1})" if i != j else "") + " diubah"
        sa, sb = a[i], b[j]
        if _norm(sa.uraian) != _norm(sb.uraian):
            out.append(Change(scope, head, "uraian", sa.uraian, sb.uraian, words=True))
        da, db = old.durations[i], new.durations[j]
        out += _fields(
            scope,
            head,
            [
                ("pelaksana", _executors(sa), _executors(sb)),
                ("kelengkapan", sa.kelengkapan, sb.kelengkapan),
                ("waktu", da.label if da else sa.waktu, db.label if db else sb.waktu),
                ("output", sa.output, sb.output),
                ("keterangan", sa.keterangan, sb.keterangan),
            ],
        )
        out += _flow(scope, head, sa, sb, a, b, i, j, to_new)
    return out


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
        return EMPTY if t is None else f"langkah {t + 1} ({_norm(steps[t].uraian)})"

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


# --- text ---------------------------------------------------------------------------------


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


def _plain(kind: str, text: str) -> str:
    if kind == "delete":
        return click.style(f"[-{text}-]", fg="red")
    if kind == "insert":
        return click.style(f"{{+{text}+}}", fg="green")
    return text


def change_text(change: Change) -> str:
    """One line; changed words as [-lama-]{+baru+} (coloured on a terminal)."""
    if change.words and change.old is not None and change.new is not None:
        body = " ".join(_plain(k, t) for k, t in word_diff(change.old, change.new))
    elif change.old is not None and change.new is not None:
        old = click.style(change.old, fg="red")
        body = f"{old} -> {click.style(change.new, fg='green')}"
    else:
        body = change.new if change.new is not None else change.old
    if change.field and body is not None:
        body = f"{change.field} {body}"
    if change.note:
        body = f"{body} {change.note}"
    sep = " " if change.whole else ": "
    head = f"{change.scope}{sep}{change.head}"
    return f"{head}: {body}" if body is not None else head


def render_text(changes: Sequence[Change]) -> str:
    if not changes:
        return "tidak ada perubahan"
    return "\n".join([change_text(c) for c in changes] + [f"{len(changes)} perubahan."])


# --- where the two versions come from ------------------------------------------------------


class DiffError(SopgenError):
    """A version that cannot be found (missing folder or revision, no git)."""


@dataclass(frozen=True)
class Side:
    label: str  # as the user named it: a folder or a git revision
    folder: Path  # the data folder to load
    shown: Callable[[str], str]  # a diagnostic's file as the user should read it


def _same(file: str) -> str:
    return file


@contextmanager
def sources(old: str, new: str, data: Path) -> Iterator[tuple[Side, Side]]:
    """Each of ``old``/``new``: an existing folder, else a git revision whose ``data``
    folder is extracted into a temporary folder (removed afterwards)."""
    with tempfile.TemporaryDirectory(prefix="sopgen-diff-") as temp:
        sides = []
        for number, name in enumerate((old, new)):
            if Path(name).is_dir():
                sides.append(Side(name, Path(name), _same))
            else:
                sides.append(git_side(name, Path(data), Path(temp) / str(number)))
        yield sides[0], sides[1]


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    git = shutil.which("git")
    if git is None:
        raise DiffError(
            "git tidak ditemukan, jadi revisi tidak dapat dibaca; pasang Git "
            "(https://git-scm.com), atau bandingkan dua folder: sopgen diff FOLDER_LAMA FOLDER_BARU"
        )
    return subprocess.run([git, *args], cwd=cwd, capture_output=True, check=False)


def git_side(revision: str, data: Path, into: Path) -> Side:
    """Extract ``data`` as it was at ``revision`` (git archive) into ``into``."""
    if not revision or revision.startswith("-"):
        raise DiffError(f"'{revision}' bukan folder dan bukan nama revisi git")
    here = Path.cwd()
    top = _git(["rev-parse", "--show-toplevel"], here)
    if top.returncode != 0:
        raise DiffError(
            f"'{revision}' bukan folder, dan folder ini bukan repositori git sehingga revisi "
            "tidak dapat dibaca; periksa nama folder, atau jalankan dari folder proyek"
        )
    root = Path(top.stdout.decode("utf-8", "replace").strip())
    if _git(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], here).returncode:
        raise DiffError(
            f"'{revision}' bukan folder dan bukan revisi git yang dikenal; contoh revisi: HEAD "
            "(versi terakhir yang disimpan), HEAD~1 (sebelumnya), nama tag atau cabang; "
            "lihat daftarnya dengan 'git log --oneline'"
        )
    relative = Path(os.path.relpath(data.resolve(), root.resolve()))
    if relative.parts and relative.parts[0] == "..":
        raise DiffError(f"folder data '{data}' ada di luar repositori git {root}")
    where = relative.as_posix()
    archive = _git(["archive", "--format=tar", revision, "--", where], root)
    if archive.returncode != 0:
        raise DiffError(f"folder '{where}' tidak ada pada revisi {revision}")
    into.mkdir(parents=True)
    with tarfile.open(fileobj=BytesIO(archive.stdout)) as tar:
        if hasattr(tarfile, "data_filter"):
            tar.extractall(into, filter="data")
        else:  # pragma: no cover - Python < 3.11.4
            tar.extractall(into)  # noqa: S202 (our own repository's archive)
    prefixes = [str(into.resolve()) + os.sep, str(into) + os.sep]
    try:
        prefixes.append(os.path.relpath(into.resolve(), Path.cwd().resolve()) + os.sep)
    except ValueError:  # another drive on Windows
        pass

    def shown(file: str) -> str:
        for prefix in prefixes:
            if file.startswith(prefix):
                return f"{revision}:" + file[len(prefix) :].replace(os.sep, "/")
        return file

    return Side(revision, into / relative, shown)


def load_side(side: Side) -> tuple[list[Project], list[Diagnostic]]:
    """The projects of one side and its errors, with files named as the user knows them."""
    from sopgen.build import read_data

    projects, diagnostics = read_data(side.folder)
    errors = [dataclasses.replace(d, file=side.shown(d.file)) for d in diagnostics if d.is_error]
    return projects, errors


def load_both(old: Side, new: Side) -> tuple[list[Project], list[Project]]:
    old_projects, old_errors = load_side(old)
    new_projects, new_errors = load_side(new)
    if old_errors or new_errors:
        raise InputError(old_errors + new_errors)
    return old_projects, new_projects
