"""Check results kept between runs: a procedure's diagnostics as bytes, and back.

The rules of one procedure (``check_procedure``, ``lint_procedure``, its own identity)
are most of checking a large catalog, and an edit changes one file. A caller that
keeps entries between runs (the build commands, ``sopgen serve`` and ``sopgen check``
with an output folder, in its cache) passes a ``CheckStore`` to ``check_project``; a
procedure's rules then run only when no entry holds its key (``procedure_key``), a
SHA-256 over all they read:

- its file's text (``SourceMap.digest``: set when it was loaded through kept parses;
  without one nothing is kept) and the name messages show it by (relative to the
  current folder, so a moved or renamed file, or another current folder, misses);
- its id, and the ids of the document's procedures (a ``keterkaitan`` names them);
- the text of ``dokumen.yaml`` (its officials, the settings that turn a Waktu into
  minutes, the identity a procedure completes).

The store adds sopgen's own files (``build.parsed.KeptChecks``). The document's own
rules (ids across files, officials, revisions, output names) always run whole.

An entry is JSON: the procedure's diagnostics in order, each as its six fields. One
that does not decode to exactly that is ignored (the rules run again).
"""

from __future__ import annotations

import hashlib
import json
from typing import Protocol, get_args

from sopgen.errors import Diagnostic, Severity
from sopgen.load.paths import source_of
from sopgen.model import Procedure, Project

SEVERITIES = get_args(Severity)


class CheckStore(Protocol):
    """Entries by ``procedure_key``; ``put`` may keep them only once the run succeeded."""

    def get(self, key: str) -> bytes | None: ...

    def put(self, key: str, body: bytes) -> None: ...


def document_key(project: Project) -> str | None:
    """The document's part of its procedures' keys (``procedure_key``): the text of
    ``dokumen.yaml`` and the ids of its procedures; None when the text's digest is
    unknown."""
    digest = source_of(project).digest
    if digest is None:
        return None
    return _sha256([digest, [p.id for p in project.procedures]])


def procedure_key(document: str | None, procedure: Procedure) -> str | None:
    """The key of a procedure's diagnostics in the document whose ``document_key`` is
    ``document``, or None when a text's digest is unknown."""
    own = source_of(procedure)
    if document is None or own.digest is None:
        return None
    return _sha256([own.digest, own.file, procedure.id, document])


def _sha256(inputs: list) -> str:
    return hashlib.sha256(json.dumps(inputs).encode("ascii")).hexdigest()


def encode(diagnostics: list[Diagnostic]) -> bytes:
    rows = [[d.file, d.line, d.column, d.message, d.hint, d.severity] for d in diagnostics]
    return json.dumps(rows).encode("ascii")  # ASCII: a lone surrogate is escaped, not lost


def decode(body: bytes) -> list[Diagnostic] | None:
    """The diagnostics of an entry made by ``encode``, else None."""
    try:
        rows = json.loads(body)
    except (ValueError, RecursionError):
        return None
    if type(rows) is not list:
        return None
    found = []
    for row in rows:
        if type(row) is not list or len(row) != 6:
            return None
        file, line, column, message, hint, severity = row
        texts = (file, message, hint)
        if any(type(t) is not str for t in texts) or severity not in SEVERITIES:
            return None
        if type(line) is not int or type(column) is not int:
            return None
        found.append(Diagnostic(file, line, column, message, hint, severity))
    return found
