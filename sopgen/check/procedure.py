"""Rules and lints for one procedure: executors, ids, the mistakes of docs/format.md §7; the
flow rules (forms, references, reachability) are in check/flow.py."""

from __future__ import annotations

import re

from sopgen.check.flow import (
    check_forms,
    check_numbers,
    check_reachability,
    check_references,
    lint_numbers,
)
from sopgen.check.texts import check_texts
from sopgen.check.twoway import check_two_way
from sopgen.errors import LINT, Diagnostic, closest, did_you_mean
from sopgen.load.paths import source_of
from sopgen.load.yamlsource import SourceMap
from sopgen.model import Procedure, Project
from sopgen.model.numbers import row_name

REPEATED = "ditulis dua kali"
MAX_STEPS = 500


def _psrc(procedure: Procedure) -> SourceMap:
    return source_of(procedure)


def repeated_items(src: SourceMap, key: str, items: list[str], what: str) -> list[Diagnostic]:
    """An error at every item of the list ``key`` that repeats an earlier one."""
    return [
        src.diagnostic((key, index), f"{what} '{item}' {REPEATED}", "hapus salah satunya")
        for index, item in enumerate(items)
        if item in items[:index]
    ]


def check_procedure(procedure: Procedure) -> list[Diagnostic]:
    steps, columns, src = procedure.data.kegiatan, procedure.data.pelaksana, _psrc(procedure)
    if len(steps) > MAX_STEPS:  # laid out in minutes, read by nobody: refused before layout
        return [
            src.diagnostic(
                ("kegiatan", MAX_STEPS),
                f"prosedur memuat {len(steps)} langkah; paling banyak {MAX_STEPS}",
                "pecah prosedur ini menjadi beberapa SOP yang saling merujuk ('prosedur:')",
            )
        ]
    found = check_texts(procedure.data, src)
    found += check_numbers(procedure, src)
    found += repeated_items(src, "pelaksana", columns, "kolom pelaksana")
    found += check_forms(procedure, src)
    for sym in procedure.symbols:
        step = steps[sym.row]
        item = step.simbol[sym.index_in_row] if isinstance(step.simbol, list) else step
        if item.pelaksana is not None:
            found += _check_executors(item.pelaksana, columns, src, sym.path)
    found += _check_ids(procedure, src)
    found += check_references(procedure, src)
    found += check_two_way(procedure, src)
    if not any(d.is_error for d in found):
        found += check_reachability(procedure, src)
    return found


def _check_ids(procedure: Procedure, src: SourceMap) -> list[Diagnostic]:
    """Ids of rows and of symbols: not only digits, each used once."""
    found = []
    seen: set[str] = set()
    for row, step in enumerate(procedure.data.kegiatan):
        items = [(("kegiatan", row), step)]
        if isinstance(step.simbol, list):
            items += [(("kegiatan", row, "simbol", k), s) for k, s in enumerate(step.simbol)]
        for path, item in items:
            if not item.id:
                continue
            if item.id.isdigit():
                found.append(
                    src.diagnostic(
                        path + ("id",),
                        f"id '{item.id}' hanya angka sehingga tertukar dengan nomor langkah",
                        "pakai id berhuruf, mis. 'periksa-berkas'",
                    )
                )
            if item.id in seen:
                found.append(
                    src.diagnostic(
                        path + ("id",),
                        f"id '{item.id}' sudah dipakai langkah sebelumnya",
                        "ganti id ini dengan nama lain",
                    )
                )
            seen.add(item.id)
    return found


def _check_executors(pelaksana, columns: list[str], src: SourceMap, path) -> list[Diagnostic]:
    found = []
    executors = (pelaksana,) if isinstance(pelaksana, str) else tuple(pelaksana)
    for position, name in enumerate(executors):
        if name not in columns:
            where = path + ("pelaksana",) + ((position,) if isinstance(pelaksana, list) else ())
            found.append(
                src.diagnostic(
                    where,
                    f"pelaksana '{name}' tidak ada di kolom pelaksana prosedur ini"
                    + did_you_mean(name, columns),
                    "pakai salah satu: " + ", ".join(columns) + "; atau tambahkan kolomnya di "
                    "'pelaksana' pada awal berkas",
                )
            )
    if isinstance(pelaksana, list):
        if len(set(executors)) != len(executors):
            found.append(
                src.diagnostic(
                    path + ("pelaksana",),
                    "pelaksana yang sama disebut dua kali",
                    "hapus salah satu",
                )
            )
        indexes = sorted(columns.index(n) for n in executors if n in columns)
        contiguous = not indexes or indexes == list(range(indexes[0], indexes[-1] + 1))
        if len(indexes) == len(executors) and not contiguous:
            found.append(
                src.diagnostic(
                    path + ("pelaksana",),
                    "kegiatan bersama digambar sebagai satu kotak melintasi kolom-kolomnya, tetapi "
                    "kolom pelaksananya tidak bersebelahan",
                    "urutkan kolom 'pelaksana' agar pelaksana kegiatan bersama bersebelahan",
                    LINT,
                )
            )
    return found


_AGENT = re.compile(r"\boleh\s+(.+?)\s*[.;]?\s*$", re.IGNORECASE)


def lint_procedure(procedure: Procedure, project: Project) -> list[Diagnostic]:
    steps, src = procedure.data.kegiatan, _psrc(procedure)
    jabatan = list(procedure.data.pelaksana) + [p.jabatan for p in project.dokumen.pejabat.values()]
    numbers = procedure.numbers
    found = lint_numbers(procedure, src)
    for index, step in enumerate(steps):
        path = ("kegiatan", index)
        match = _AGENT.search(step.uraian)
        if match and any(
            match.group(1).lower().startswith(j.lower())
            or j.lower().startswith(match.group(1).lower())
            for j in jabatan
        ):
            found.append(
                src.diagnostic(
                    path + ("uraian",),
                    f"uraian menyebut pelaksananya ('oleh {match.group(1)}'); kegiatan ditulis "
                    "tanpa subjek dan pelaksana ditunjukkan oleh kolom simbolnya",
                    f"hapus 'oleh {match.group(1)}' dari uraian",
                    LINT,
                )
            )
        for name, label in (
            ("kelengkapan", "Kelengkapan"),
            ("waktu", "Waktu"),
            ("output", "Output"),
        ):
            if not getattr(step, name):
                found.append(
                    src.diagnostic(
                        path,
                        f"{row_name(numbers, index)} tanpa {label} (Mutu Baku)",
                        f"isi '{name}:' agar SOP dapat dipakai mengukur kinerja",
                        LINT,
                    )
                )
    columns = list(procedure.data.pelaksana)
    # a column a misspelt executor was meant for: the error there names it already, and
    # "hapus kolomnya" would be the wrong fix
    meant = {closest(n, columns) for step in steps for n in step.executors if n not in columns}
    for index, name in enumerate(columns):
        if name not in meant and not any(name in step.executors for step in steps):
            found.append(
                src.diagnostic(
                    ("pelaksana", index),
                    f"kolom pelaksana '{name}' tidak dipakai langkah mana pun",
                    "hapus kolomnya atau tetapkan langkah untuknya",
                    LINT,
                )
            )
    found += _lint_waktu(procedure, src)
    spellings = {}
    for index, step in enumerate(steps):
        if step.waktu and index < len(procedure.durations) and procedure.durations[index]:
            unit = step.waktu.split()[-1]
            spellings.setdefault(unit.lower(), {}).setdefault(unit, index)
    for variants in spellings.values():
        if len(variants) > 1:
            (first, _), (other, where) = list(variants.items())[:2]
            found.append(
                src.diagnostic(
                    ("kegiatan", where, "waktu"),
                    f"satuan waktu ditulis tidak seragam ('{first}' dan '{other}')",
                    "samakan penulisannya; Waktu dicetak persis seperti ditulis",
                    LINT,
                )
            )
    return found


def _lint_waktu(procedure: Procedure, src: SourceMap) -> list[Diagnostic]:
    """One gentle lint for the Waktu texts that cannot be added up ("Semesteran"): they
    are valid and printed as written, but left out of 'Jumlah waktu'."""
    rows = [
        row
        for row, step in enumerate(procedure.data.kegiatan)
        if step.waktu and (row >= len(procedure.durations) or procedure.durations[row] is None)
    ]
    if not rows:
        return []
    numbers = procedure.numbers
    names = ", ".join(row_name(numbers, r) for r in rows)
    first = procedure.data.kegiatan[rows[0]].waktu
    if len(first) > 40:
        first = first[:37] + "..."
    what = f"waktu '{first}'" if len(rows) == 1 else f"waktu di {len(rows)} langkah ({names})"
    hint = (
        "biarkan bila memang bukan lama waktu (mis. 'Semesteran'); agar terjumlah, tulis "
        "angka lalu satuan: '15 menit', '2 jam', '1-2 hari' (satuan: detik, menit, jam, "
        "hari, minggu, bulan)"
    )
    if re.fullmatch(r"\d+(?:[.,]\d+)?", first.strip()):  # "2": a number without its unit
        what += " tanpa satuan"
        hint = f"tulis satuannya, mis. '{first.strip()} jam' atau '{first.strip()} hari'"
    return [
        src.diagnostic(
            ("kegiatan", rows[0], "waktu"),
            f"{what} tidak dapat dijumlahkan; dicetak seperti tertulis dan tidak ikut "
            "'Jumlah waktu'",
            hint,
            LINT,
        )
    ]
