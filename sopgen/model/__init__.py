"""Model: the plain, typed data of an SOP document; the bottom of the pipeline.

Takes nothing from the other stages. Gives the pydantic classes of the YAML files
(``Dokumen``, ``Prosedur``, ``Langkah``...), the loaded ``Project`` / ``Procedure``,
durations (``model.durations``), the flow between symbols (``model.flow``; the rows'
printed numbers: ``model.numbers``), a procedure's effective identity
(``model.identity``) and the little Markdown of text fields (``model.text``).
"""

from sopgen.model.base import MONTHS, Strict, Tanggal
from sopgen.model.document import (
    DEFAULT_COLUMNS,
    SCHEMA_VERSION,
    Dokumen,
    Identitas,
    IdentitasProsedur,
    Instansi,
    JudulKolom,
    Keterkaitan,
    Pejabat,
    Pengaturan,
    Pengesahan,
    Procedure,
    Project,
    Prosedur,
    Revisi,
    Tambahan,
)
from sopgen.model.steps import Keputusan, Langkah, Simbol, StepRef

__all__ = [
    "MONTHS",
    "DEFAULT_COLUMNS",
    "SCHEMA_VERSION",
    "Dokumen",
    "Identitas",
    "IdentitasProsedur",
    "Instansi",
    "JudulKolom",
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
    "Simbol",
    "StepRef",
    "Strict",
    "Tambahan",
    "Tanggal",
]
