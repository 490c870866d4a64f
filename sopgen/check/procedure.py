"""Rules and lints for one procedure: executors, flow targets, reachability, §7 mistakes."""

from __future__ import annotations

import re

from sopgen.errors import LINT, Diagnostic, did_you_mean
from sopgen.load.paths import source_of
from sopgen.load.yamlsource import SourceMap
from sopgen.model import Langkah, Procedure, Project
from sopgen.model.flow import resolve_flow, step_target

REPEATED = "ditulis dua kali"


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
    found = repeated_items(src, "pelaksana", columns, "kolom pelaksana")
    ids = [s.id for s in steps if s.id]
    seen_ids: set[str] = set()
    for index, step in enumerate(steps):
        path = ("kegiatan", index)
        found += _check_executors(step, columns, src, path)
        if step.id and step.id.isdigit():
            found.append(
                src.diagnostic(
                    path + ("id",),
                    f"id '{step.id}' hanya angka sehingga tertukar dengan nomor langkah",
                    "pakai id berhuruf, mis. 'periksa-berkas'",
                )
            )
        if step.id in seen_ids:
            found.append(
                src.diagnostic(
                    path + ("id",),
                    f"id '{step.id}' sudah dipakai langkah sebelumnya",
                    "ganti id ini dengan nama lain",
                )
            )
        if step.id:
            seen_ids.add(step.id)
        refs = []
        if step.keputusan is not None:
            refs += [("keputusan", "ya"), ("keputusan", "tidak")]
        if step.lanjut is not None:
            refs.append(("lanjut",))
        for ref_path in refs:
            value = (
                step.keputusan.ya
                if ref_path[-1] == "ya"
                else (step.keputusan.tidak if ref_path[-1] == "tidak" else step.lanjut)
            )
            target = step_target(value, steps)
            if target is None:
                hint = (
                    f"pakai nomor langkah 1 sampai {len(steps)}"
                    if isinstance(value, int)
                    else "pakai nomor langkah atau id yang ada" + did_you_mean(value, ids)
                )
                found.append(
                    src.diagnostic(path + ref_path, f"langkah tujuan '{value}' tidak ada", hint)
                )
            elif target == index:
                found.append(
                    src.diagnostic(
                        path + ref_path,
                        f"langkah {index + 1} menunjuk dirinya sendiri",
                        "arahkan ke langkah lain",
                    )
                )
        if step.keputusan is not None and step.lanjut is not None:
            found.append(
                src.diagnostic(
                    path + ("lanjut",),
                    "langkah keputusan tidak memakai 'lanjut'; arahnya ditentukan 'ya' dan 'tidak'",
                    "hapus 'lanjut'",
                )
            )
        if (
            step.keputusan is not None
            and step_target(step.keputusan.ya, steps) is not None
            and step_target(step.keputusan.ya, steps) == step_target(step.keputusan.tidak, steps)
        ):
            found.append(
                src.diagnostic(
                    path + ("keputusan",),
                    "cabang Ya dan Tidak menuju langkah yang sama",
                    "keputusan harus punya dua jalan berbeda; atau jadikan langkah biasa",
                )
            )
    last = len(steps) - 1
    if steps[last].keputusan is not None or steps[last].lanjut is not None:
        found.append(
            src.diagnostic(
                ("kegiatan", last),
                "langkah terakhir adalah akhir prosedur (terminator) dan tidak boleh bercabang "
                "atau berlanjut",
                "hapus 'keputusan'/'lanjut' dari langkah terakhir, atau tambahkan langkah penutup",
            )
        )
    if not any(d.is_error for d in found):
        found += _check_reachability(procedure)
    return found


def _check_executors(step: Langkah, columns: list[str], src: SourceMap, path) -> list[Diagnostic]:
    found = []
    executors = step.executors
    for position, name in enumerate(executors):
        if name not in columns:
            where = (
                path + ("pelaksana",) + ((position,) if isinstance(step.pelaksana, list) else ())
            )
            found.append(
                src.diagnostic(
                    where,
                    f"pelaksana '{name}' tidak ada di kolom pelaksana prosedur ini"
                    + did_you_mean(name, columns),
                    "pakai salah satu: " + ", ".join(columns) + "; atau tambahkan kolomnya di "
                    "'pelaksana' pada awal berkas",
                )
            )
    if isinstance(step.pelaksana, list):
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


def _check_reachability(procedure: Procedure) -> list[Diagnostic]:
    steps, src = procedure.data.kegiatan, _psrc(procedure)
    edges = resolve_flow(procedure.data)
    forward: dict[int, set[int]] = {i: set() for i in range(len(steps))}
    backward: dict[int, set[int]] = {i: set() for i in range(len(steps))}
    for a, b, _ in edges:
        forward[a].add(b)
        backward[b].add(a)

    def closure(start: int, graph) -> set[int]:
        seen, todo = {start}, [start]
        while todo:
            for nxt in graph[todo.pop()]:
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return seen

    reached = closure(0, forward)
    finishing = closure(len(steps) - 1, backward)
    found = []
    for index in range(len(steps)):
        if index not in reached:
            found.append(
                src.diagnostic(
                    ("kegiatan", index),
                    f"langkah {index + 1} tidak pernah dicapai dari langkah 1",
                    "arahkan 'lanjut' atau cabang keputusan sebelumnya ke langkah ini, atau "
                    "hapus langkahnya",
                )
            )
        elif index not in finishing:
            found.append(
                src.diagnostic(
                    ("kegiatan", index),
                    f"dari langkah {index + 1} alur tidak pernah sampai ke langkah terakhir "
                    "(berputar tanpa jalan keluar)",
                    "pastikan salah satu cabang mengarah ke langkah sesudahnya",
                )
            )
    return found


_AGENT = re.compile(r"\boleh\s+(.+?)\s*[.;]?\s*$", re.IGNORECASE)


def lint_procedure(procedure: Procedure, project: Project) -> list[Diagnostic]:
    steps, src = procedure.data.kegiatan, _psrc(procedure)
    jabatan = list(procedure.data.pelaksana) + [p.jabatan for p in project.dokumen.pejabat.values()]
    found = []
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
                        f"langkah {index + 1} tanpa {label} (Mutu Baku)",
                        f"isi '{name}:' agar SOP dapat dipakai mengukur kinerja",
                        LINT,
                    )
                )
    for index, name in enumerate(procedure.data.pelaksana):
        if not any(name in step.executors for step in steps):
            found.append(
                src.diagnostic(
                    ("pelaksana", index),
                    f"kolom pelaksana '{name}' tidak dipakai langkah mana pun",
                    "hapus kolomnya atau tetapkan langkah untuknya",
                    LINT,
                )
            )
    spellings = {}
    for index, step in enumerate(steps):
        if step.waktu:
            unit = step.waktu.split()[-1]
            spellings.setdefault(unit.lower(), {}).setdefault(unit, index)
    for variants in spellings.values():
        if len(variants) > 1:
            (first, _), (other, where) = list(variants.items())[:2]
            found.append(
                src.diagnostic(
                    ("kegiatan", where, "waktu"),
                    f"satuan waktu ditulis tidak seragam ('{first}' dan '{other}')",
                    "samakan penulisannya; di PDF dan HTML satuan dicetak seragam "
                    "berhuruf kapital di depan",
                    LINT,
                )
            )
    return found
