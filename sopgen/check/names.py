"""Names that become file names: a procedure id is a plain name (see load.paths)."""

from __future__ import annotations

from sopgen.errors import Diagnostic
from sopgen.load.paths import procedure_id_problem
from sopgen.load.yamlsource import SourceMap


def check_procedure_ids(src: SourceMap, ids: list[str], folder_name: str) -> list[Diagnostic]:
    """An error, located in dokumen.yaml, at each id that cannot safely name a file:
    also one named like the document folder, whose PDF would replace the binder."""
    found = []
    for index, name in enumerate(ids):
        problem = procedure_id_problem(name, ids[:index])
        if problem is None and name.lower() == folder_name.lower():
            problem = (
                f"id prosedur '{name}' sama dengan nama folder dokumen; PDF prosedurnya akan "
                "menimpa binder",
                "pakai id lain untuk prosedur ini",
            )
        if problem:
            found.append(src.diagnostic(("prosedur", index), *problem))
    return found
