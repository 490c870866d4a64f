"""Model: the plain, typed data of an SOP document; the bottom of the pipeline.

Takes nothing from the other stages. Gives the pydantic classes of the YAML files
(``Dokumen``, ``Prosedur``, ``Langkah``...), the loaded ``Project`` / ``Procedure``,
durations (``model.durations``), the flow between steps (``model.flow``) and the little
Markdown of text fields (``model.text``).
"""

from sopgen.model.document import (
    MONTHS,
    SCHEMA_VERSION,
    Dokumen,
    Identitas,
    Instansi,
    Keputusan,
    Keterkaitan,
    Langkah,
    Pejabat,
    Pengaturan,
    Pengesahan,
    Procedure,
    Project,
    Prosedur,
    Revisi,
    Strict,
)

__all__ = [
    "MONTHS",
    "SCHEMA_VERSION",
    "Dokumen",
    "Identitas",
    "Instansi",
    "Keputusan",
    "Keterkaitan",
    "Langkah",
    "Pejabat",
    "Pengaturan",
    "Pengesahan",
    "Procedure",
    "Project",
    "Prosedur",
    "Revisi",
    "Strict",
]
