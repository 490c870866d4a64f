"""Load a data folder: YAML -> typed model, with every problem located and collected.

A data folder is either one document folder (holding ``dokumen.yaml`` and a YAML file
per procedure) or a folder of such folders (``data/`` holding ``sekretariat/``...).
"""

from __future__ import annotations

import os
import types
import typing
from pathlib import Path

from pydantic import BaseModel, ValidationError

from sopgen import files
from sopgen.errors import LINT, Diagnostic, closest, did_you_mean
from sopgen.load.encoding import decode_text
from sopgen.load.parsed import ParseStore
from sopgen.load.paths import DOCUMENT_FILE, procedure_id_problems
from sopgen.load.unknown_keys import without_unknown_keys
from sopgen.load.yamlsource import SourceMap, parse_yaml
from sopgen.model import Dokumen, Procedure, Project, Prosedur
from sopgen.model.dates import date_problem
from sopgen.model.durations import DurationError, parse_duration


def read_project(folder: Path, root: Path | None = None) -> tuple[Project | None, list[Diagnostic]]:
    """Load one document folder, without any check (see sopgen.check)."""
    project, _, diagnostics = read_folder(folder, root)
    return project, diagnostics


def read_folder(
    folder: Path, root: Path | None = None, store: ParseStore | None = None
) -> tuple[Project | None, list[Procedure], list[Diagnostic]]:
    """Load one document folder: the project (None when dokumen.yaml failed), the
    procedures that loaded (also when it failed, so they can still be checked) and
    the load diagnostics. ``store``: parses kept between runs (``load.parsed``)."""
    folder = Path(folder)
    root = Path(root) if root is not None else folder.parent
    diagnostics: list[Diagnostic] = []

    dokumen, doc_source, found = _read_model(folder / DOCUMENT_FILE, Dokumen, root, store)
    diagnostics += found

    if dokumen is not None:
        ids = list(dokumen.prosedur)
    else:  # still validate the procedure files, so one run shows every error
        ids = sorted(p.stem for p in folder.glob("*.yaml") if p.name != DOCUMENT_FILE)

    procedures = []
    problems = procedure_id_problems(ids)
    for index, proc_id in enumerate(ids):
        if problems[index]:
            continue  # never opened; check reports it with its location
        path = folder / f"{proc_id}.yaml"
        if not path.exists() and not path.is_symlink():
            if doc_source is not None:
                meant = closest(proc_id, [p.stem for p in folder.glob("*.yaml")])
                diagnostics.append(
                    doc_source.diagnostic(
                        ("prosedur", index),
                        f"berkas prosedur '{proc_id}.yaml' tidak ditemukan di {folder}"
                        + (f"; maksud Anda '{meant}'?" if meant else ""),
                        f"ganti '{proc_id}' menjadi '{meant}' di daftar 'prosedur'"
                        if meant
                        else "periksa ejaan id (nama berkas tanpa .yaml), atau buat dengan "
                        "'sopgen new prosedur'",
                    )
                )
            continue
        prosedur, source, found = _read_model(path, Prosedur, root, store)
        diagnostics += found
        if prosedur is None:
            continue
        durations, found = _durations(prosedur, source, dokumen)
        diagnostics += found
        procedures.append(
            Procedure(id=proc_id, path=str(path), data=prosedur, durations=durations, source=source)
        )

    if dokumen is not None:
        listed = set(dokumen.prosedur)
        for extra in sorted(folder.glob("*.yaml")):
            if extra.name != DOCUMENT_FILE and extra.stem not in listed:
                diagnostics.append(
                    Diagnostic(
                        str(extra),
                        1,
                        1,
                        f"berkas '{extra.name}' tidak tercantum di 'prosedur' pada {DOCUMENT_FILE}"
                        " sehingga tidak ikut dicetak",
                        f"tambahkan '{extra.stem}' ke daftar 'prosedur', atau pindahkan berkasnya",
                        LINT,
                    )
                )

    if dokumen is None:
        return None, procedures, diagnostics
    project = Project(
        root=str(root),
        path=str(folder),
        dokumen=dokumen,
        procedures=tuple(procedures),
        source=doc_source,
    )
    return project, procedures, diagnostics


def _display_path(path: Path) -> str:
    """Paths in messages as the user typed them (relative when under the cwd)."""
    try:  # abspath, not resolve: a symlink is shown by its own name, never its target
        return str(Path(os.path.abspath(path)).relative_to(os.path.abspath(Path.cwd())))
    except (ValueError, OSError):
        return str(path)


# A data file is a few KB; one of a megabyte already takes seconds to parse (PyYAML is
# pure Python here): larger is refused unread.
MAX_YAML_BYTES = 1024 * 1024


def _read_model(path: Path, model: type[BaseModel], root: Path, store: ParseStore | None):
    """Read (through the file gate: inside ``root``, a regular file of sane size),
    decode, parse and validate one file. Returns (model or None, source map, diagnostics)."""
    shown = _display_path(path)
    if not path.exists() and not path.is_symlink():
        return (
            None,
            None,
            [
                Diagnostic(
                    shown, 1, 1, f"berkas '{path.name}' tidak ditemukan", "buat dengan 'sopgen new'"
                )
            ],
        )
    try:
        raw = files.read_bytes(path, root, limit=MAX_YAML_BYTES)
    except files.OutsideError as err:
        return None, None, [Diagnostic(shown, 1, 1, err.message, err.hint)]
    text, problem = decode_text(shown, raw)
    if problem is not None:
        return None, None, [problem]
    data, source, diagnostics = parse_yaml(shown, text, store)
    if data is None or diagnostics:
        return None, source, diagnostics
    if not isinstance(data, dict):
        return (
            None,
            source,
            [source.diagnostic((), "isi berkas harus berupa pasangan 'kunci: nilai'", "")],
        )
    try:
        return model.model_validate(data), source, []
    except ValidationError as err:
        found = translate_validation_error(err, model, source)
        # a mistyped key alone: validate without it, so the checks of this file still
        # run and one 'sopgen check' shows every error (the key's error stops the build)
        return without_unknown_keys(data, err, model), source, found


def _durations(prosedur: Prosedur, source: SourceMap, dokumen: Dokumen | None):
    """Each row's Waktu parsed, or None (empty, or text that is no value or range: kept
    as written and printed verbatim; ``check`` may say it cannot be added up)."""
    settings = dokumen.pengaturan if dokumen is not None else None
    per_day = settings.menit_per_hari if settings else 450
    per_week = settings.hari_per_minggu if settings else 5
    per_month = settings.hari_per_bulan if settings else 22
    durations = []
    for step in prosedur.kegiatan:
        try:
            durations.append(
                parse_duration(step.waktu, per_day, per_week, per_month) if step.waktu else None
            )
        except (DurationError, OverflowError, ValueError):  # check says it is not added up
            durations.append(None)
    return tuple(durations), []


# --- pydantic errors -> Indonesian diagnostics ------------------------------------------

_TYPE_WORDS = {
    list: "daftar",
    dict: "bagian 'kunci: nilai'",
    type(None): "kosong",
    str: "teks",
    int: "bilangan bulat",
    float: "angka",
    bool: "true atau false",
}


def _describe(annotation) -> str:
    """An annotation in words: 'teks', 'daftar teks', 'teks atau daftar teks'."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _describe(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        parts = [_describe(a) for a in typing.get_args(annotation) if a is not type(None)]
        return " atau ".join(dict.fromkeys(parts))
    if origin is list:
        return "daftar " + _describe(typing.get_args(annotation)[0])
    if origin is dict:
        return "bagian berisi 'kunci: nilai'"
    if origin is typing.Literal:
        return "salah satu dari " + ", ".join(repr(a) for a in typing.get_args(annotation))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "bagian berisi 'kunci: nilai'"
    if annotation is typing.Any:
        return "nilai"
    import datetime

    if annotation is datetime.date:
        return "tanggal (TAHUN-BULAN-TANGGAL)"
    return _TYPE_WORDS.get(annotation, getattr(annotation, "__name__", str(annotation)))


def _resolve(model: type[BaseModel], loc: tuple):
    """Follow a pydantic error location through the model.

    Returns (data path without union tags, the annotation at the end, the model owning
    the last field or None)."""
    path: list = []
    annotation = model
    owner = None
    for part in loc:
        annotation = _unwrap(annotation)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            if isinstance(part, str) and part in annotation.model_fields:
                owner = annotation
                path.append(part)
                annotation = annotation.model_fields[part].annotation
                continue
            owner = annotation
            path.append(part)  # an unknown key: extra_forbidden
            annotation = None
            continue
        origin = typing.get_origin(annotation)
        if origin is list and isinstance(part, int):
            path.append(part)
            annotation = typing.get_args(annotation)[0]
        elif origin is dict:
            path.append(part)
            annotation = typing.get_args(annotation)[1]
        elif origin in (typing.Union, types.UnionType):
            # pydantic names the union member it tried ('str', 'list[str]', 'Keputusan')
            members = [a for a in typing.get_args(annotation) if a is not type(None)]
            # str_strip_whitespace makes pydantic call str "constrained-str"
            tag = str(part).replace("constrained-", "")
            chosen = next((m for m in members if _tag(m) == tag), None)
            if chosen is None:
                path.append(part)
                annotation = None
            else:
                annotation = chosen
        else:
            path.append(part)
    return tuple(path), annotation, owner


def _unwrap(annotation):
    if typing.get_origin(annotation) is typing.Annotated:
        return typing.get_args(annotation)[0]
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType) and len(args) == 1:
        return _unwrap(args[0])  # Optional[X] -> X
    return annotation


def _tag(annotation) -> str:
    annotation = _unwrap(annotation)
    if isinstance(annotation, type):
        return annotation.__name__
    origin = typing.get_origin(annotation)
    if origin is list:
        return f"list[{_tag(typing.get_args(annotation)[0])}]"
    if origin is typing.Literal:  # pydantic's tag: literal['terminator','proses']
        return "literal[" + ",".join(repr(a) for a in typing.get_args(annotation)) + "]"
    return str(annotation)


def _field_annotation(owner, name):
    if owner is None or name not in getattr(owner, "model_fields", {}):
        return None
    return owner.model_fields[name].annotation


def translate_validation_error(
    err: ValidationError, model: type[BaseModel], source: SourceMap
) -> list[Diagnostic]:
    seen: set = set()
    found = []
    for item in err.errors(include_url=False):
        path, annotation, owner = _resolve(model, tuple(item["loc"]))
        kind = item["type"]
        field_name = str(path[-1]) if path else ""
        field_annotation = _field_annotation(owner, field_name) or annotation
        in_list = bool(path) and isinstance(path[-1], int)
        if in_list:
            parent = f" '{path[-2]}'" if len(path) > 1 else ""
            where = f"butir ke-{path[-1] + 1}{parent} "
        else:
            where = f"'{field_name}' " if field_name else ""
        prefer_key = False
        if kind == "missing":
            message = f"kunci '{field_name}' wajib diisi"
            hint = f"tambahkan '{field_name}: ...' di bagian ini"
            if len(path) > 1 and path[-2] == "keputusan" and field_name in ("ya", "tidak"):
                message = f"keputusan tanpa cabang '{field_name}': belah ketupat punya dua jalan"
                hint = (
                    f"tambahkan langkah tujuan '{field_name}', mis. keputusan: {{ya: 3, tidak: 1}} "
                    "(nomor langkah atau id)"
                )
            path = path[:-1]
        elif kind == "extra_forbidden":
            allowed = list(owner.model_fields) if owner else []
            message = f"kunci '{field_name}' tidak dikenal" + did_you_mean(field_name, allowed)
            hint = (
                "kunci yang boleh di bagian ini: " + ", ".join(allowed)
                if allowed
                else "hapus kunci ini"
            )
            elsewhere = getattr(owner, "ELSEWHERE", {}).get(field_name)
            if elsewhere:  # a key of another part of the format, written here
                message, hint = f"kunci '{field_name}' tidak berlaku di sini", elsewhere
            prefer_key = True
        elif item.get("input", "") is None:  # "kunci:" with nothing after it
            expected = _describe(field_annotation) if field_annotation is not None else "nilai"
            message = f"{where}belum diisi".strip()
            hint = f"isi dengan {expected}"
        elif kind in ("literal_error", "enum"):
            expected = item.get("ctx", {}).get("expected", "").replace(" or ", " atau ")
            message = f"nilai {item['input']!r} untuk {where}tidak diizinkan"
            hint = f"pilih salah satu: {expected}"
        elif kind == "sopgen":  # a model rule that words its own message
            message, hint = item["ctx"]["message"], item["ctx"]["hint"]
        elif kind == "too_short":
            message = f"{where}tidak boleh kosong".strip()
            hint = "isi paling sedikit satu butir"
        elif kind == "string_pattern_mismatch":
            message = f"nilai {item['input']!r} untuk {where}tidak sesuai format"
            hint = "id hanya boleh huruf kecil, angka, '-' dan '_', diawali huruf atau angka"
        elif kind == "greater_than":
            message = f"{where}harus lebih dari {item['ctx']['gt']}".strip()
            hint = "perbaiki angkanya"
        elif kind == "greater_than_equal":  # the limit itself is allowed
            message = f"{where}tidak boleh kurang dari {item['ctx']['ge']}".strip()
            hint = "perbaiki angkanya"
        elif kind in ("less_than", "less_than_equal"):
            limit = item.get("ctx", {}).get("lt", item.get("ctx", {}).get("le"))
            message = f"{where}tidak boleh lebih dari {limit}".strip()
            hint = "perbaiki angkanya"
        elif kind == "string_unicode":
            message = f"{where}memuat karakter yang tidak sah (surrogate Unicode)".strip()
            hint = "hapus escape \\ud800-\\udfff dari teks bertanda kutip; tulis hurufnya langsung"
        elif kind.startswith("date") or kind.startswith("datetime"):
            message, hint = date_problem(item["input"], where)
        elif kind.endswith("_type") or kind.endswith("_parsing") or kind == "model_attributes_type":
            expected = _describe(field_annotation) if field_annotation is not None else "nilai lain"
            message = f"{where}harus berupa {expected}".strip()
            got = item.get("input")
            if got is None:
                hint = "isi nilainya; kosong tidak diizinkan di sini"
            elif isinstance(got, bool) and "teks" in expected:
                hint = (
                    "YAML membaca yes/no/on/off/true/false tanpa tanda kutip sebagai benar/salah; "
                    "apit teksnya dengan tanda kutip, mis. 'ya'"
                )
            elif isinstance(got, int | float) and expected == "teks" and not in_list:
                # nip: 195811111991031003 is a number to YAML (and 0123 is 83: the value
                # read is not repeated)
                hint = (
                    f"apit nilainya dengan tanda kutip agar dibaca sebagai teks, mis. "
                    f'{field_name}: "..." (sekarang dibaca sebagai bilangan)'
                )
            else:
                hint = f"sekarang berisi {_describe(type(got))} {got!r}"
        else:  # pydantic words the rest in English: say where, and what is expected
            expected = _describe(field_annotation) if field_annotation is not None else "nilai"
            message = f"{where}tidak valid".strip()
            hint = f"isi dengan {expected}"
        key = (path, message)
        if key in seen:
            continue
        seen.add(key)
        found.append((path, kind, source.diagnostic(path, message, hint, prefer_key=prefer_key)))
    # For a field that takes one of several types ('teks atau daftar teks'), a problem
    # found inside the type the user chose says more than "wrong type" for the others.
    return [
        diagnostic
        for path, kind, diagnostic in found
        if not (
            kind.endswith("_type")
            and any(
                (other != path and other[: len(path)] == path) or (other == path and k != kind)
                for other, k, _ in found
            )
        )
        # 'simbol' is a kind ('proses') or a list: a problem inside the list says more
        and not (
            kind == "literal_error"
            and any(other != path and other[: len(path)] == path for other, _, _ in found)
        )
    ]
