"""Load: YAML files -> the typed model, with every problem located and collected.

Takes a data folder (or one document folder); gives ``model.Project`` /
``model.Procedure`` objects carrying a ``SourceMap`` (line and column of every YAML
value) and the load diagnostics. Runs no document rule: that is ``sopgen.check``.
"""

from sopgen.load.folder import read_folder, read_project
from sopgen.load.paths import (
    DOCUMENT_FILE,
    find_documents,
    folders_without_document,
    schema_dir,
    source_of,
)
from sopgen.load.yamlsource import SourceMap, parse_yaml

__all__ = [
    "DOCUMENT_FILE",
    "SourceMap",
    "find_documents",
    "folders_without_document",
    "parse_yaml",
    "read_folder",
    "read_project",
    "schema_dir",
    "source_of",
]
