"""Build: the pipeline the commands run, load -> check -> layout -> render.

Takes a data folder; gives checked ``model.Project`` objects and every diagnostic
(load and check) in one list (``read_data``); then ``build`` (``run.py``) lays every
procedure out once, in parallel and through a cache, and renders the binder, the
per-procedure PDFs and the handbook from the same layouts.
"""

from __future__ import annotations

import gc
from collections.abc import Sequence
from pathlib import Path

from sopgen.check import check_output_names, check_procedure, check_project
from sopgen.check.kept import CheckStore
from sopgen.errors import Diagnostic, InputError
from sopgen.load import (
    DOCUMENT_FILE,
    find_documents,
    folders_without_document,
    read_folder,
    source_of,
)
from sopgen.load.parsed import ParseStore
from sopgen.model import Project


def read_data(
    folder: Path, parsed: ParseStore | None = None, checked: CheckStore | None = None
) -> tuple[list[Project], list[Diagnostic]]:
    """Every document in ``folder`` with the load and check diagnostics. Never raises
    for bad data: a document with load errors is left out and its errors returned.
    ``parsed``: parses kept between runs (``build.parsed.KeptParses``); ``checked``:
    the procedures' diagnostics kept between runs (``build.parsed.KeptChecks``; it
    keeps nothing without ``parsed``, which gives the texts' digests)."""
    # Loading makes millions of short-lived objects and next to no reference cycles:
    # without the cyclic collector's passes over them it takes a fifth less time
    # (1000 procedures), the same memory. It runs again as soon as loading is done.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _read_data(Path(folder), parsed, checked)
    finally:
        if enabled:
            gc.enable()


def _read_data(
    folder: Path, parsed: ParseStore | None, checked: CheckStore | None
) -> tuple[list[Project], list[Diagnostic]]:
    if not folder.is_dir():
        return [], [
            Diagnostic(str(folder), 1, 1, "folder data tidak ditemukan", "periksa nama folder data")
        ]
    documents = find_documents(folder)
    unread = [_unread(place, meant) for place, meant in folders_without_document(folder)]
    if not documents:
        return [], unread or [
            Diagnostic(
                str(folder),
                1,
                1,
                f"tidak ada '{DOCUMENT_FILE}' di folder ini maupun subfoldernya",
                "buat dokumen baru dengan 'sopgen new dokumen NAMA'",
            )
        ]
    projects, loaded, diagnostics = [], [], list(unread)
    for doc_folder in documents:
        project, procedures, found = read_folder(doc_folder, root=folder, store=parsed)
        diagnostics += found
        if project is None:
            # still check the procedures that loaded, so one run shows every error
            for procedure in procedures:
                diagnostics += check_procedure(procedure)
            continue
        # a project whose files partly failed is still cross-checked (all errors in
        # one run), but only returned when nothing failed
        problems = check_project(project, checked)
        diagnostics += problems
        loaded.append(project)
        if not any(d.is_error for d in found + problems):
            projects.append(project)
    # every document writes into the same output/pdf/: no two files may share a name
    clashes = check_output_names(loaded)
    diagnostics += clashes
    clashing = {d.file for d in clashes}
    projects = [p for p in projects if str(source_of(p).file) not in clashing]
    return projects, diagnostics


def _unread(place: Path, meant: Path | None) -> Diagnostic:
    """A folder of YAML files left unread for want of ``dokumen.yaml``: an error, or a
    whole document would be missing from the binder without a word."""
    if meant is not None:
        hint = f"ganti nama berkas ini menjadi '{DOCUMENT_FILE}'"
        if meant.name.lower().endswith(".txt"):
            hint += (
                " (Notepad menambahkan '.txt'; di Windows Explorer centang Tampilan > "
                "Ekstensi nama file agar akhiran itu terlihat)"
            )
        return Diagnostic(
            str(meant),
            1,
            1,
            f"berkas dokumen harus bernama '{DOCUMENT_FILE}'; folder {place} tidak dibaca",
            hint,
        )
    return Diagnostic(
        str(place),
        1,
        1,
        f"folder {place} berisi berkas YAML tetapi tidak ada '{DOCUMENT_FILE}'; "
        "folder ini tidak dibaca",
        f"buat '{DOCUMENT_FILE}' di folder itu (mis. salin dari dokumen lain lalu sesuaikan), "
        "atau pindahkan berkas prosedurnya ke folder dokumen yang ada",
    )


def load_data(folder: Path) -> list[Project]:
    """All documents of a data folder, checked; raises InputError if anything is wrong."""
    projects, diagnostics = read_data(folder)
    if any(d.is_error for d in diagnostics):
        raise InputError(diagnostics)
    return projects


def load_project(folder: Path) -> Project:
    """One document folder, checked; raises InputError listing every error."""
    projects = load_data(folder)
    if len(projects) != 1:
        raise InputError(
            [Diagnostic(str(folder), 1, 1, "folder ini memuat lebih dari satu dokumen", "")]
        )
    return projects[0]


def build(projects: Project | Sequence[Project], output: Path, options=None):
    """Lay out and render (``run.build``; imported on use: 'sopgen check' stays light)."""
    from sopgen.build.run import build as run

    return run(projects, output, options)


def build_handbook(
    projects: Project | Sequence[Project],
    output: Path,
    *,
    jobs: int | None = 1,
    cache: bool = False,
    cache_folder: Path | None = None,
) -> Path:
    """The handbook in ``output/html/`` carrying the binder and the procedures' PDFs in
    ``html/pdf/``, which its pages link. By default in this process and without a cache;
    ``cache_folder`` (implies a cache) keeps the entries elsewhere than under ``output``
    (the preview builds into a fresh folder each time)."""
    from sopgen.build.run import Options

    options = Options(
        pdf=False,
        html=True,
        jobs=jobs,
        cache=cache or cache_folder is not None,
        cache_folder=cache_folder,
    )
    return build(projects, output, options).index


__all__ = ["build", "build_handbook", "load_data", "load_project", "read_data"]
