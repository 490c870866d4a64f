"""What a reader found (``ir.ImportedSop``) -> a document folder in sopgen's own YAML.

    written = write_document([sop], Path("data/nama-sop"))
    for place in written.places: print(place)     # data/nama-sop/x.yaml:12: ...

The folder holds ``dokumen.yaml`` (identity page, officials, Lembar Pengesahan, order of
procedures) and one file per procedure. Every value the source did not give (or gave in a
form sopgen cannot take) becomes a placeholder that loads, with a ``# impor: ...`` comment
saying what to check; the same places are returned for the command's summary. Same input,
same bytes. The folder is written whole or not at all.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sopgen.impor import ir, syntax
from sopgen.impor.to_yaml_doc import render_dokumen
from sopgen.impor.to_yaml_flow import RowPlan, plan_flow
from sopgen.impor.values import slug
from sopgen.impor.yaml_text import Text
from sopgen.load.paths import DOCUMENT_FILE


@dataclass(frozen=True)
class Place:
    file: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


@dataclass(frozen=True)
class Written:
    folder: Path
    files: tuple[Path, ...]
    places: tuple[Place, ...]


class FolderExists(Exception):
    """The target folder exists and overwriting was not asked for (message: Indonesian)."""


def _schema_dir(folder: Path) -> str:
    from sopgen.load.paths import schema_dir

    return schema_dir(folder)


def _unique_executors(sops: Sequence[ir.ImportedSop]) -> list[tuple[list[str], list[str]]]:
    """Per SOP: executor titles made unique and non-empty, and notes on what changed."""
    out = []
    for sop in sops:
        names, notes, seen = [], [], {}
        for i, title in enumerate(sop.header.executors, start=1):
            name = title.strip() or f"Pelaksana {i}"
            if not title.strip():
                notes.append(f"kolom pelaksana ke-{i} tanpa judul; diberi nama '{name}'")
            if name in seen:
                seen[name] += 1
                new = f"{name} ({seen[name]})"
                notes.append(
                    f"kolom pelaksana '{name}' muncul dua kali; yang ke-{seen[name]} "
                    f"ditulis '{new}': periksa"
                )
                name = new
            else:
                seen[name] = 1
            names.append(name)
        if not names:
            names = ["Pelaksana"]
            notes.append("kolom pelaksana tidak terbaca; dibuat satu kolom sementara")
        out.append((names, notes))
    return out


def procedure_ids(
    sops: Sequence[ir.ImportedSop], folder_name: str = "", taken: frozenset[str] = frozenset()
) -> list[str]:
    """Plain, distinct ids named after each SOP's title (else its identity's Nama SOP);
    never 'dokumen', the folder's name (whose PDF is the binder) nor a name in ``taken``
    (the other documents of the data folder: all their PDFs share one output folder)."""
    taken = {"dokumen", folder_name.lower()} | {t.lower() for t in taken}
    ids: list[str] = []
    for n, sop in enumerate(sops, start=1):
        title = sop.title or sop.identity.nama or ""
        title = re.sub(r"^\s*(sop|standar operasional prosedur)\s+", "", title, flags=re.I)
        base = slug(title) or f"prosedur-{n}"
        candidate, k = base, 2
        while candidate.lower() in {i.lower() for i in ids} or candidate.lower() in taken:
            candidate, k = f"{base}-{k}", k + 1
        ids.append(candidate)
    return ids


def names_in_use(data: Path, except_folder: Path) -> frozenset[str]:
    """Names that already become PDF files in ``data``'s output: every other document
    folder's name and its procedure files' names (one level of documents below ``data``)."""
    names: set[str] = set()
    if not data.is_dir():
        return frozenset()
    for doc in data.iterdir():
        if doc.is_dir() and doc.name != except_folder.name and (doc / DOCUMENT_FILE).is_file():
            names.add(doc.name)
            names.update(f.stem for f in doc.glob("*.yaml") if f.name != DOCUMENT_FILE)
    return frozenset(names)


def render_document(
    sops: Sequence[ir.ImportedSop], folder: Path, taken: frozenset[str] = frozenset()
) -> dict[str, Text]:
    """File name -> text of every file of the document folder (nothing written)."""
    ids = procedure_ids(sops, folder.name, taken)
    schema = _schema_dir(folder)
    files = {"dokumen.yaml": render_dokumen(sops, ids, schema)}
    for sop, pid, (executors, notes) in zip(sops, ids, _unique_executors(sops), strict=True):
        own = sop.identity.nomor if sop.identity.nomor != sops[0].identity.nomor else None
        files[f"{pid}.yaml"] = render_procedure(sop, executors, notes, schema, own)
    return files


def render_procedure(
    sop: ir.ImportedSop,
    executors: list[str],
    notes: list[str],
    schema: str,
    nomor: str | None = None,
) -> Text:
    out = Text()
    out.add(f"# yaml-language-server: $schema={schema}/prosedur.schema.json")
    out.comment(
        f"Diimpor dari {sop.source} dengan 'sopgen impor'. Periksa setiap catatan "
        "'# impor:' dengan dokumen aslinya, lalu hapus catatan itu."
    )
    out.comment(
        "kegiatan: baris tabel dari atas ke bawah; 'pelaksana' = kolom tempat "
        "simbolnya; 'lanjut', 'keputusan' dan 'selesai' = panah alurnya."
    )
    out.blank()
    general = [u for u in sop.uncertain if u.row is None and not _is_identity(u)]
    for u in general:
        if u.field != "pelaksana":
            out.impor(u.message)
    title = sop.title or sop.identity.nama
    if not title:
        out.impor("judul SOP tidak terbaca; isi judulnya")
    out.key("judul", title or "JUDUL SOP")
    if nomor:
        out.key("nomor", nomor, note="nomor SOP ini (berbeda dengan nomor dokumen)")
    if sop.notes and syntax.procedure_notes():
        out.key("catatan", sop.notes)
    elif sop.notes:
        out.impor("catatan di bawah tabel sumber belum dapat ditulis sebagai 'catatan:'")
        out.comment(f"catatan: {sop.notes}")
    for u in general:
        if u.field == "pelaksana":
            out.impor(u.message)
    for note in notes:
        out.impor(note)
    out.key("pelaksana")
    for name in executors:
        out.item(name, 2)
    out.blank()
    out.key("kegiatan")
    plans = plan_flow(sop, executors)
    for i, plan in enumerate(plans):
        _write_row(out, plan, [u for u in sop.uncertain if u.row == i])
    if not plans:
        out.impor("tidak ada baris kegiatan yang terbaca; isi kegiatannya")
        out.key("uraian", "ISI KEGIATAN", 2, dash=True)
        out.key("pelaksana", executors[0], 4)
    return out


def _is_identity(u: ir.Uncertainty) -> bool:
    return bool(u.field) and u.field.startswith("identitas")


def _write_row(out: Text, plan: RowPlan, uncertain: list[ir.Uncertainty]) -> None:
    row = plan.row
    number = row.nomor or "tanpa nomor"
    out.comment(f"Langkah {number}", 2)
    by_field: dict[str | None, list[str]] = {}
    for u in uncertain:
        by_field.setdefault(u.field, []).append(u.message)
    for fld, message in plan.notes:
        by_field.setdefault(fld, []).append(message)
    for fld in list(by_field):
        if fld not in ("uraian", "kelengkapan", "waktu", "output", "keterangan"):
            for message in by_field.pop(fld):
                out.impor(message, 2)
    first = True

    def key(name: str, value: object) -> None:
        nonlocal first
        out.key(name, value, 4 if not first else 2, dash=first)
        first = False

    if plan.nomor is not None:
        key("nomor", plan.nomor)
    if plan.id:
        key("id", plan.id)
    for message in by_field.pop("uraian", []):
        out.impor(message, 4 if not first else 2)
    if not row.uraian:
        out.impor("uraian kegiatan kosong di sumber; isi uraiannya", 4 if not first else 2)
    key("uraian", row.uraian)
    if len(plan.symbols) == 1:
        sym = plan.symbols[0]
        for message in sym.notes:
            out.impor(message, 4)
        _symbol(out, sym, 4, short=True)
    else:
        out.key("simbol", None, 4)
        for sym in plan.symbols:
            for message in sym.notes:
                out.impor(message, 6)
            _symbol(out, sym, 8, short=False)
    for fld in ("kelengkapan", "waktu", "output", "keterangan"):
        for message in by_field.pop(fld, []):
            out.impor(message, 4)
        value = getattr(row, fld)
        if value:
            out.key(fld, value, 4)


def _symbol(out: Text, sym, indent: int, short: bool) -> None:
    pelaksana: object = sym.executors[0] if len(sym.executors) == 1 else list(sym.executors)
    if short:
        out.key("pelaksana", pelaksana, indent)
        if sym.jenis:
            out.key("simbol", sym.jenis, indent)
    else:
        out.key("pelaksana", pelaksana, indent - 2, dash=True)
        if sym.id:
            out.key("id", sym.id, indent)
        if sym.jenis:
            out.key("jenis", sym.jenis, indent)
    if sym.teks and syntax.symbol_text():
        out.key("teks", sym.teks, indent)
    if sym.keputusan is not None:
        out.key("keputusan", None, indent)
        for k, v in sym.keputusan.items():
            out.key(k, v, indent + 2)
    if sym.lanjut:
        out.key("lanjut", sym.lanjut[0] if len(sym.lanjut) == 1 else sym.lanjut, indent)
    if sym.selesai:
        out.key("selesai", True, indent)
    if sym.bolak_balik:
        value = sym.bolak_balik[0] if len(sym.bolak_balik) == 1 else sym.bolak_balik
        out.key("bolak_balik", value, indent)


def write_document(
    sops: Sequence[ir.ImportedSop], folder: Path, overwrite: bool = False
) -> Written:
    """Write the document folder whole (a temporary sibling folder, then one rename)."""
    folder = Path(folder)
    if folder.exists() and any(folder.iterdir()) and not overwrite:
        raise FolderExists(f"folder {folder} sudah ada dan berisi berkas")
    texts = render_document(sops, folder, names_in_use(folder.parent, folder))
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=folder.parent, prefix=f".{folder.name}.", suffix=".tmp"))
    try:
        for name, text in texts.items():
            (tmp / name).write_text(text.render(), encoding="utf-8", newline="\n")
        os.chmod(tmp, 0o777 & ~_umask())
        from sopgen.files import replace_folder

        replace_folder(tmp, folder)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    places = tuple(
        Place(folder / name, line, message)
        for name, text in texts.items()
        for line, message in text.places
    )
    return Written(folder, tuple(folder / name for name in texts), places)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
