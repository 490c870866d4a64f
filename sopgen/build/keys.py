"""Cache keys: a SHA-256 over everything that decides a procedure's output.

- ``layout``: the procedure (id and data), its printed Nomor, the style (paper, columns,
  titles, total row...), and sopgen itself;
- ``screen``: the same, for the handbook's continuous flowchart;
- ``pdf``: the layout's key plus the document fields the procedure's PDF prints
  (``dokumen.yaml`` whole: identity, Lembar Pengesahan, agency, revisions), the logo's
  bytes and the PDF/A switch;
- ``drawn``: the binder's flowchart pages of a procedure as drawn (PDF operators,
  ``render.pdf.kept``): the layout's key and ReportLab's version, which writes them.

"sopgen itself" is a hash of every file of the installed package (code and the fonts),
not only its version number: a changed layout rule misses the old entries even before
a release.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from functools import lru_cache
from pathlib import Path

import reportlab

import sopgen
from sopgen import files
from sopgen.check.logo import logo_path
from sopgen.layout.style import Style
from sopgen.model import Procedure, Project


@lru_cache(maxsize=1)
def package_fingerprint() -> str:
    """SHA-256 over the path and content of every file of the sopgen package."""
    root = Path(sopgen.__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts or path.suffix == ".pyc":
            continue
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _hash(*parts: object) -> str:
    text = json.dumps(parts, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


@lru_cache(maxsize=16)
def style_fields(style: Style) -> dict:
    """(kept per style: a build asks for it twice per procedure; read, never changed)"""
    return {"class": type(style).__name__, **dataclasses.asdict(style)}


def procedure_fields(project: Project, proc: Procedure) -> dict:
    return {
        "id": proc.id,
        "data": proc.data.model_dump(mode="json"),
        "nomor": project.procedure_nomor(proc),
    }


def layout_key(project: Project, proc: Procedure, style: Style, kind: str = "layout") -> str:
    return layout_keys(project, proc, style, (kind,))[0]


def layout_keys(
    project: Project, proc: Procedure, style: Style, kinds: tuple[str, ...]
) -> tuple[str, ...]:
    """``layout_key`` of each kind, the procedure read and written as JSON once: the
    same text as ``_hash(kind, ...)`` with the kind put in front."""
    fields = (package_fingerprint(), style_fields(style), procedure_fields(project, proc))
    tail = json.dumps(fields, ensure_ascii=False, sort_keys=True, default=str)[1:]
    return tuple(
        hashlib.sha256(f"[{json.dumps(kind)}, {tail}".encode()).hexdigest() for kind in kinds
    )


@lru_cache(maxsize=64)
def _file_hash(path: str, root: str, mtime_ns: int, size: int) -> str:
    return hashlib.sha256(files.read_bytes(Path(path), root=Path(root))).hexdigest()


def document_fingerprint(project: Project) -> str:
    """What of the document every procedure's PDF may print: dokumen.yaml as loaded,
    the folder's name and the logo file's bytes."""
    logo = logo_path(project)
    logo_hash = ""
    if logo is not None:
        try:
            stat = Path(logo).stat()
            logo_hash = _file_hash(str(logo), project.root, stat.st_mtime_ns, stat.st_size)
        except (OSError, files.OutsideError):  # check reports it; the render fails on it
            logo_hash = "unreadable"
    return _hash(project.name, project.dokumen.model_dump(mode="json"), logo_hash)


def pdf_key(layout: str, document: str, arsip: bool | None) -> str:
    return _hash("pdf", layout, document, arsip)


def drawn_key(layout: str) -> str:
    return _hash("drawn", layout, reportlab.Version)
