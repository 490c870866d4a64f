"""Which optional parts of sopgen's YAML the installed model accepts, so the importer
writes what loads: a symbol's text (`teks`), an official without NIP, a document without
Lembar Pengesahan, the list of Mutu Baku columns (`kolom`)."""

from __future__ import annotations

from functools import cache


def _fields(name: str) -> dict:
    import sopgen.model as model

    cls = getattr(model, name, None)
    if cls is None:
        try:
            from sopgen.model import steps as module
        except ImportError:
            return {}
        cls = getattr(module, name, None)
    return getattr(cls, "model_fields", {}) if cls is not None else {}


@cache
def symbol_text() -> bool:
    return "teks" in _fields("Langkah") and "teks" in _fields("Simbol")


@cache
def nip_optional() -> bool:
    nip = _fields("Pejabat").get("nip")
    return nip is not None and not nip.is_required()


@cache
def pengesahan_optional() -> bool:
    field = _fields("Dokumen").get("pengesahan")
    return field is not None and not field.is_required()


@cache
def columns_list() -> bool:
    return "kolom" in _fields("Dokumen")


@cache
def procedure_notes() -> bool:
    return "catatan" in _fields("Prosedur")


@cache
def column_titles() -> bool:
    return "judul_kolom" in _fields("Dokumen")
