"""The shape of a data folder: the name ``dokumen.yaml``, the search for document
folders, the schema folder each file names in its first line, and the source map of a
loaded file (with its fallback when the model was built without one)."""

from __future__ import annotations

import os
import re
from pathlib import Path

from sopgen.load.yamlsource import SourceMap

DOCUMENT_FILE = "dokumen.yaml"
DEFAULT_SCHEMA_DIR = "../../schema"

# A procedure id names its files (<id>.yaml read, <id>.pdf written): a plain name only.
PLAIN_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,99}")
DEVICE_NAMES = frozenset(
    ["CON", "PRN", "AUX", "NUL"] + [f"{d}{n}" for d in ("COM", "LPT") for n in range(1, 10)]
)
_ID_HINT = "pakai nama sederhana: huruf, angka, '-' dan '_' (mis. 'pelayanan-izin')"


def procedure_id_problem(name: str, earlier: list[str]) -> tuple[str, str] | None:
    """Why ``name`` (listed after ``earlier``) cannot name a procedure's files, as
    (message, hint), or None. The loader opens no file for such an id."""
    return _problem(name, [other for other in earlier if other.lower() == name.lower()])


def procedure_id_problems(ids: list[str]) -> list[tuple[str, str] | None]:
    """``procedure_id_problem`` of each id after the ones before it, in one pass (a
    document lists a thousand)."""
    spellings: dict[str, list[str]] = {}  # lower case -> the spellings so far, in order
    problems = []
    for name in ids:
        same = spellings.setdefault(name.lower(), [])
        problems.append(_problem(name, same))
        if name not in same:
            same.append(name)
    return problems


def _problem(name: str, same_lower: list[str]) -> tuple[str, str] | None:
    """``procedure_id_problem`` given the earlier ids equal to ``name`` ignoring case."""
    stem, dot, ending = name.rpartition(".")
    if dot and ending.lower() in ("yaml", "yml") and PLAIN_NAME.fullmatch(stem):
        return (
            f"id prosedur '{name}' ditulis dengan akhiran '.{ending}'",
            f"tulis '{stem}' (nama berkas tanpa .yaml)",
        )
    if not PLAIN_NAME.fullmatch(name):
        if "/" in name or "\\" in name or name.startswith("."):
            what = "menunjuk ke luar folder dokumen atau ke subfolder"
        elif len(name) > 100:
            what = "terlalu panjang (lebih dari 100 karakter)"
        else:
            what = "memuat karakter selain huruf, angka, '-' dan '_'"
        return f"id prosedur '{_shown(name)}' {what}", _ID_HINT
    if name.lower() == DOCUMENT_FILE.removesuffix(".yaml"):
        return (
            f"id prosedur '{name}' adalah nama berkas dokumen ({DOCUMENT_FILE})",
            "pakai id lain, mis. 'dokumen-masuk'",
        )
    if name.upper() in DEVICE_NAMES:
        return (
            f"id prosedur '{name}' adalah nama perangkat Windows dan tidak dapat menjadi "
            "nama berkas",
            "pakai nama lain, mis. '" + name.lower() + "-sop'",
        )
    same = [other for other in same_lower if other != name]
    if same:
        return (
            f"id prosedur '{name}' sama dengan '{same[0]}' bila huruf besar/kecil diabaikan "
            "(satu berkas di Windows)",
            "pakai id yang berbeda, atau samakan penulisannya dan hapus salah satunya",
        )
    return None


def _shown(name: str) -> str:
    shown = "".join(c if c.isprintable() else "?" for c in name)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def find_documents(folder: Path) -> list[Path]:
    """Document folders in ``folder``: itself, or its direct subfolders, sorted."""
    folder = Path(folder)
    document = folder / DOCUMENT_FILE
    if document.exists() or document.is_symlink():  # a folder or a bad link: said on reading
        return [folder]
    return sorted(p.parent for p in folder.glob(f"*/{DOCUMENT_FILE}"))


def folders_without_document(folder: Path) -> list[tuple[Path, Path | None]]:
    """The folders that look like documents but have no ``dokumen.yaml``, so nothing in
    them is read: ``folder`` itself (when it is no document and has no document
    subfolder) or its direct subfolders holding YAML files. Each with the file that was
    probably meant as ``dokumen.yaml`` (``Dokumen.yml``, ``dokumen.yaml.txt``), or None."""
    folder = Path(folder)
    if (folder / DOCUMENT_FILE).exists():
        return []
    subfolders = sorted(p for p in _entries(folder) if p.is_dir())
    candidates = [p for p in subfolders if not (p / DOCUMENT_FILE).exists()]
    if len(candidates) == len(subfolders):  # no document below: the folder itself may be one
        candidates.insert(0, folder)
    found = []
    for place in candidates:
        files = sorted(p for p in _entries(place) if p.is_file())
        meant = next((p for p in files if _meant_as_document(p.name)), None)
        if meant or any(p.suffix.lower() in (".yaml", ".yml") for p in files):
            found.append((place, meant))
    return found


def _entries(folder: Path) -> list[Path]:
    try:
        return [p for p in folder.iterdir() if not p.name.startswith(".")]
    except OSError:  # not a folder, or not readable: said where it is read
        return []


def _meant_as_document(name: str) -> bool:
    """A name a user gives the document file by mistake: another case, ``.yml``, or the
    ``.txt`` Notepad adds behind a hidden extension."""
    stem = name.lower()
    for ending in (".txt", ".yaml", ".yml"):
        stem = stem.removesuffix(ending)
    return stem == DOCUMENT_FILE.removesuffix(".yaml") and name != DOCUMENT_FILE


def schema_dir(folder: Path) -> str:
    """The schema folder relative to a document folder, as written in the first line.

    ``../../schema`` for the usual layout (data/<dokumen>/ beside schema/); computed from
    the current directory's schema/ when the document folder lies elsewhere."""
    here = Path.cwd() / "schema"
    if here.is_dir():
        try:
            return Path(os.path.relpath(here, Path(folder).resolve())).as_posix()
        except ValueError:  # another drive on Windows
            return here.as_posix()
    return DEFAULT_SCHEMA_DIR


def source_of(item) -> SourceMap:
    """The source map of a loaded ``model.Procedure`` or ``model.Project``; an empty one
    (every position 1:1 of the file) when the model was built in code, as tests do."""
    if item.source is not None:
        return item.source
    if hasattr(item, "procedures"):  # a Project: its path is the document folder
        return SourceMap(f"{item.path}/{DOCUMENT_FILE}")
    return SourceMap(item.path)
