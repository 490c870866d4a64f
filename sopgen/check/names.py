"""Names that become file names: a procedure id is a plain name (see load.paths)."""

from __future__ import annotations

from pathlib import Path

from sopgen.errors import Diagnostic
from sopgen.load import source_of
from sopgen.load.paths import procedure_id_problems
from sopgen.load.yamlsource import SourceMap


def check_procedure_ids(src: SourceMap, ids: list[str], folder_name: str) -> list[Diagnostic]:
    """An error, located in dokumen.yaml, at each id that cannot safely name a file:
    also one named like the document folder, whose PDF would replace the binder."""
    found = []
    for index, (name, problem) in enumerate(zip(ids, procedure_id_problems(ids), strict=True)):
        if problem is None and name.lower() == folder_name.lower():
            problem = (
                f"id prosedur '{name}' sama dengan nama folder dokumen; PDF prosedurnya akan "
                "menimpa binder",
                "pakai id lain untuk prosedur ini",
            )
        if problem:
            found.append(src.diagnostic(("prosedur", index), *problem))
    return found


def check_output_names(projects) -> list[Diagnostic]:
    """An error at each document or procedure whose PDF would land on another's file in
    output/pdf/ (one folder for the whole data folder; names compared ignoring case, as on
    Windows): a procedure id used by two documents, or a document folder named like
    another document or procedure."""
    found: list[Diagnostic] = []
    owner: dict[str, tuple[str, str]] = {}  # lower-case file name -> (who, document)

    def claim(name: str, who: str, document: str) -> str | None:
        """Who wrote ``name`` first, when it was another document (a name repeated within
        one document is reported by the document's own checks)."""
        key = name.lower()
        if key in owner:
            first, first_document = owner[key]
            return first if first_document != document else None
        owner[key] = (who, document)
        return None

    for project in projects:
        src = source_of(project)
        folder = Path(project.path).name
        first = claim(folder, f"nama binder dokumen '{folder}'", project.path)
        if first:
            found.append(
                src.diagnostic(
                    (),
                    f"nama folder dokumen '{folder}' sama dengan {first}; PDF keduanya "
                    "akan saling menimpa di folder keluaran pdf/",
                    "ganti nama folder dokumen ini",
                )
            )
        ids = list(project.dokumen.prosedur)
        problems = procedure_id_problems(ids)
        for index, pid in enumerate(ids):
            if pid.lower() == folder.lower() or problems[index]:
                continue  # reported by check_procedure_ids (one message for one cause)
            first = claim(pid, f"id prosedur di dokumen '{folder}'", project.path)
            if first:
                found.append(
                    src.diagnostic(
                        ("prosedur", index),
                        f"id prosedur '{pid}' sama dengan {first}; PDF dan halaman "
                        "buku panduan keduanya akan saling menimpa",
                        f"ganti nama berkas {pid}.yaml (dan namanya di daftar 'prosedur') "
                        "dengan id yang belum dipakai di folder data ini",
                    )
                )
    return found
