"""`sopgen diff`: what a revision changes, as the signer needs to see it.

Two loaded versions of the data (lists of projects) -> a flat list of ``Change`` in a
stable order: per document, its identity and approval pages, officials and lists; then
per procedure (matched by id, in the new binder order, ``diff_steps``), its steps
(aligned by their text) and its total time. Comparisons are on the model, so comments
and YAML layout never count as changes. ``diff_text`` prints one line per change;
``diff_html`` makes the page; ``diff_sources`` finds the versions (folders or git
revisions).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sopgen.edit.changes import (
    Change,
    field_changes,
    list_changes,
    list_items,
    official_name,
    revision_changes,
)
from sopgen.edit.diff_steps import compare_procedure
from sopgen.model import Dokumen, Project
from sopgen.model.revisions import effective_revision_date


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


def compare_document(before: Project, after: Project) -> list[Change]:
    a, b = before.dokumen, after.dokumen
    scope = f"dokumen {after.name}"
    out = field_changes(
        scope,
        "instansi diubah",
        [
            (f, getattr(a.instansi, f), getattr(b.instansi, f))
            for f in type(a.instansi).model_fields
        ],
    )
    ia, ib = a.identitas, b.identitas
    out += field_changes(
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
    out += _signer(
        scope, "identitas diubah", "disahkan oleh", (a, ia.disahkan_oleh), (b, ib.disahkan_oleh)
    )
    for field, label in (
        ("dasar_hukum", "dasar hukum"),
        ("kualifikasi_pelaksana", "kualifikasi pelaksana"),
        ("keterkaitan", "keterkaitan"),
        ("peralatan", "peralatan"),
        ("peringatan", "peringatan"),
        ("pencatatan", "pencatatan"),
    ):
        out += list_changes(
            scope, label, list_items(getattr(a, field)), list_items(getattr(b, field))
        )
    out += _officials(scope, a, b)
    out += _approval(scope, a, b)
    common = [p for p in a.prosedur if p in b.prosedur]
    if common != [p for p in b.prosedur if p in a.prosedur]:
        out.append(
            Change(
                scope, "urutan prosedur diubah", None, ", ".join(a.prosedur), ", ".join(b.prosedur)
            )
        )
    out += revision_changes(scope, a.revisi, b.revisi)
    out += field_changes(
        scope,
        "pengaturan diubah",
        [
            (f.replace("_", " "), getattr(a.pengaturan, f), getattr(b.pengaturan, f))
            for f in type(a.pengaturan).model_fields
        ],
    )
    return out


def _signer(scope: str, head: str, field: str, old, new) -> list[Change]:
    """A signer who changed: ``old``/``new`` are (document, official's key)."""
    (a, ka), (b, kb) = old, new
    if ka == kb:
        return []
    return [Change(scope, head, field, official_name(a, ka), official_name(b, kb))]


def _officials(scope: str, a: Dokumen, b: Dokumen) -> list[Change]:
    out = []
    for key in [k for k in b.pejabat if k not in a.pejabat]:
        out.append(Change(scope, f"pejabat {b.pejabat[key].jabatan} ditambah", new=_person(b, key)))
    for key in [k for k in a.pejabat if k not in b.pejabat]:
        out.append(Change(scope, f"pejabat {a.pejabat[key].jabatan} dihapus", old=_person(a, key)))
    for key in [k for k in b.pejabat if k in a.pejabat]:
        pa, pb = a.pejabat[key], b.pejabat[key]
        out += field_changes(
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


def _approval(scope: str, a, b) -> list[Change]:
    """The Lembar Pengesahan's changes; a document may have none (``pengesahan:`` left
    out, as imported SOPs often are)."""
    pa, pb = a.pengesahan, b.pengesahan
    if pa is None or pb is None:
        if pa is pb:
            return []
        return [Change(scope, "Lembar Pengesahan " + ("ditambah" if pa is None else "dihapus"))]
    out: list[Change] = []
    out += field_changes(
        scope,
        "pengesahan diubah",
        [
            ("tempat", pa.tempat or a.instansi.tempat, pb.tempat or b.instansi.tempat),
            ("tanggal", pa.tanggal, pb.tanggal),
        ],
    )
    out += [
        Change(scope, "yang mengetahui dihapus", old=official_name(a, k))
        for k in pa.mengetahui
        if k not in pb.mengetahui
    ]
    out += [
        Change(scope, "yang mengetahui ditambah", new=official_name(b, k))
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
    out += _signer(scope, "pengesahan diubah", "menyetujui", (a, pa.menyetujui), (b, pb.menyetujui))
    return out
