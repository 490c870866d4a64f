"""The shape of a data folder: the name ``dokumen.yaml``, the search for document
folders, the schema folder each file names in its first line, and the source map of a
loaded file (with its fallback when the model was built without one)."""

from __future__ import annotations

import os
from pathlib import Path

from sopgen.load.yamlsource import SourceMap

DOCUMENT_FILE = "dokumen.yaml"
DEFAULT_SCHEMA_DIR = "../../schema"


def find_documents(folder: Path) -> list[Path]:
    """Document folders in ``folder``: itself, or its direct subfolders, sorted."""
    folder = Path(folder)
    if (folder / DOCUMENT_FILE).is_file():
        return [folder]
    return sorted(p.parent for p in folder.glob(f"*/{DOCUMENT_FILE}"))


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
