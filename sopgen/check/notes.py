"""The importer's notes an officer has not yet reviewed.

``sopgen impor`` marks every place it could not read with confidence with a
'# impor: ...' comment and asks for each to be compared with the original document and
deleted. A note still in a file is a warning at its line, so that a folder that passes
``sopgen check`` is one whose every doubtful place was looked at.
"""

from __future__ import annotations

from sopgen.errors import LINT, Diagnostic
from sopgen.load.yamlsource import SourceMap


def import_notes(source: SourceMap) -> list[Diagnostic]:
    return [
        Diagnostic(
            source.file,
            line,
            column,
            f"catatan impor belum ditinjau: {note}",
            "bandingkan tempat ini dengan dokumen aslinya, betulkan isinya bila perlu, "
            "lalu hapus catatan '# impor:' itu",
            LINT,
        )
        for line, column, note in source.notes
    ]
