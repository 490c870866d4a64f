"""Rules that span objects (errors) and the common mistakes of format.md §7 (lints).

Every rule returns Diagnostics located in the file that holds the offending value.
"""

from __future__ import annotations

import datetime as dt
import re

from sopgen.errors import Diagnostic, did_you_mean
from sopgen.flow import flow_edges, step_target
from sopgen.model import Langkah, Pejabat, Procedure, Project
from sopgen.revisions import check_revisions
from sopgen.yamlsource import SourceMap

LINT = "peringatan"

# format.md §4: pangkat <-> golongan (PNS).
PANGKAT_GOLONGAN = {
    "I/a": "Juru Muda", "I/b": "Juru Muda Tingkat I", "I/c": "Juru", "I/d": "Juru Tingkat I",
    "II/a": "Pengatur Muda", "II/b": "Pengatur Muda Tingkat I", "II/c": "Pengatur",
    "II/d": "Pengatur Tingkat I", "III/a": "Penata Muda", "III/b": "Penata Muda Tingkat I",
    "III/c": "Penata", "III/d": "Penata Tingkat I", "IV/a": "Pembina",
    "IV/b": "Pembina Tingkat I", "IV/c": "Pembina Utama Muda", "IV/d": "Pembina Utama Madya",
    "IV/e": "Pembina Utama",
}  # fmt: skip
ROMAN_MONTHS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def check_project(project: Project) -> list[Diagnostic]:
    """All cross-checks and lints of one loaded document."""
    found: list[Diagnostic] = []
    found += check_officials(project)
    found += check_dates(project)
    found += check_related(project)
    found += lint_document(project)
    found += check_revisions(project)
    for procedure in project.procedures:
        found += check_procedure(procedure)
        found += lint_procedure(procedure, project)
    return found


# --- document ----------------------------------------------------------------------------


def _src(project: Project) -> SourceMap:
    return project.source or SourceMap(f"{project.path}/dokumen.yaml")


def check_officials(project: Project) -> list[Diagnostic]:
    doc, src = project.dokumen, _src(project)
    keys = list(doc.pejabat)
    found = []

    def ref(path, key):
        if key not in doc.pejabat:
            found.append(
                src.diagnostic(
                    path,
                    f"pejabat '{key}' tidak ada di bagian 'pejabat'" + did_you_mean(key, keys),
                    "pakai salah satu kunci: " + ", ".join(keys),
                )
            )

    ref(("identitas", "disahkan_oleh"), doc.identitas.disahkan_oleh)
    for index, key in enumerate(doc.pengesahan.mengetahui):
        ref(("pengesahan", "mengetahui", index), key)
    ref(("pengesahan", "menyetujui"), doc.pengesahan.menyetujui)
    for index, revisi in enumerate(doc.revisi):
        if revisi.disetujui_oleh:
            ref(("revisi", index, "disetujui_oleh"), revisi.disetujui_oleh)
    if doc.pengesahan.menyetujui != doc.identitas.disahkan_oleh:
        found.append(
            src.diagnostic(
                ("pengesahan", "menyetujui"),
                f"yang menyetujui di Lembar Pengesahan ('{doc.pengesahan.menyetujui}') bukan "
                f"pejabat yang mengesahkan di halaman identitas ('{doc.identitas.disahkan_oleh}')",
                "keduanya harus pejabat yang sama: samakan 'pengesahan.menyetujui' dengan "
                "'identitas.disahkan_oleh'",
            )
        )
    for key, pejabat in doc.pejabat.items():
        found += check_nip(pejabat, src, ("pejabat", key, "nip"))
        found += lint_pangkat(pejabat, src, ("pejabat", key))
    return found


def nip_problems(pejabat: Pejabat) -> list[tuple[str, str, str]]:
    """(severity, message, hint) for a NIP (format.md §6)."""
    digits = pejabat.nip_digits
    if not (len(digits) == 18 and digits.isdigit()):
        if digits.isdigit() and len(digits) == 9:
            return [
                (
                    "galat",
                    f"NIP '{pejabat.nip}' adalah NIP lama 9 angka",
                    "tulis NIP baru 18 angka (format BKN sejak 2007)",
                )
            ]
        return [
            (
                "galat",
                f"NIP '{pejabat.nip}' harus 18 angka (sekarang {len(digits)} karakter)",
                "tulis seperti 'NIP 19610304 198903 1 010': lahir YYYYMMDD, TMT YYYYMM, "
                "jenis kelamin 1/2, nomor urut",
            )
        ]
    problems = []
    try:
        birth = dt.date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        birth = None
        problems.append(
            (
                "galat",
                f"NIP '{pejabat.nip}': 8 angka pertama ({digits[:8]}) bukan tanggal lahir yang sah",
                "8 angka pertama adalah tanggal lahir YYYYMMDD; periksa ketikan",
            )
        )
    if pejabat.jenis_nip == "pppk":
        return problems
    year, month = int(digits[8:12]), int(digits[12:14])
    if not 1 <= month <= 12:
        problems.append(
            (
                "galat",
                f"NIP '{pejabat.nip}': bulan TMT '{digits[12:14]}' tidak ada",
                "angka ke-9 s.d. 14 adalah tahun dan bulan pengangkatan CPNS (YYYYMM)",
            )
        )
    elif birth is not None and (year, month) <= (birth.year, birth.month):
        problems.append(
            (
                "galat",
                f"NIP '{pejabat.nip}': TMT {digits[8:14]} tidak sesudah tanggal lahir",
                "periksa ketikan tahun/bulan pengangkatan",
            )
        )
    elif birth is not None and year - birth.year < 18:
        problems.append(
            (
                LINT,
                f"NIP '{pejabat.nip}': diangkat CPNS pada usia {year - birth.year} tahun",
                "periksa ketikan; usia pengangkatan biasanya 18 tahun ke atas",
            )
        )
    if digits[14] not in "12":
        problems.append(
            (
                "galat",
                f"NIP '{pejabat.nip}': angka ke-15 (jenis kelamin) harus 1 atau 2, "
                f"bukan {digits[14]}",
                "1 = laki-laki, 2 = perempuan",
            )
        )
    if digits[15:] == "000":
        problems.append(
            (
                "galat",
                f"NIP '{pejabat.nip}': nomor urut 000 tidak ada",
                "nomor urut (3 angka terakhir) dimulai dari 001",
            )
        )
    return problems


def check_nip(pejabat: Pejabat, src: SourceMap, path) -> list[Diagnostic]:
    return [src.diagnostic(path, m, h, severity=s) for s, m, h in nip_problems(pejabat)]


def lint_pangkat(pejabat: Pejabat, src: SourceMap, path) -> list[Diagnostic]:
    if not (pejabat.golongan and pejabat.pangkat):
        return []
    expected = PANGKAT_GOLONGAN.get(pejabat.golongan.strip())
    normalised = re.sub(r"\bTk\.?", "Tingkat", pejabat.pangkat).strip().lower()
    if expected is None:
        return [
            src.diagnostic(
                path + ("golongan",),
                f"golongan '{pejabat.golongan}' tidak dikenal",
                "tulis seperti 'III/d' atau 'IV/a'",
                LINT,
            )
        ]
    if expected.lower() != normalised:
        return [
            src.diagnostic(
                path + ("pangkat",),
                f"pangkat '{pejabat.pangkat}' tidak sesuai golongan {pejabat.golongan} "
                f"('{expected}')",
                "periksa pangkat atau golongannya",
                LINT,
            )
        ]
    return []


def check_dates(project: Project) -> list[Diagnostic]:
    ident, src = project.dokumen.identitas, _src(project)
    found = []
    if ident.tanggal_efektif < ident.tanggal_pembuatan:
        found.append(
            src.diagnostic(
                ("identitas", "tanggal_efektif"),
                f"Tanggal Efektif ({ident.tanggal_efektif:%Y-%m-%d}) sebelum Tanggal Pembuatan "
                f"({ident.tanggal_pembuatan:%Y-%m-%d})",
                "SOP berlaku sejak ditandatangani, sesudah selesai dibuat: periksa kedua tanggal",
            )
        )
    if ident.tanggal_revisi and ident.tanggal_revisi < ident.tanggal_pembuatan:
        found.append(
            src.diagnostic(
                ("identitas", "tanggal_revisi"),
                f"Tanggal Revisi ({ident.tanggal_revisi:%Y-%m-%d}) sebelum Tanggal Pembuatan",
                "periksa tanggalnya",
            )
        )
    signed = project.dokumen.pengesahan.tanggal
    if signed != ident.tanggal_efektif:
        found.append(
            src.diagnostic(
                ("pengesahan", "tanggal"),
                f"tanggal pengesahan ({signed:%Y-%m-%d}) berbeda dengan Tanggal Efektif "
                f"({ident.tanggal_efektif:%Y-%m-%d})",
                "menurut Permenpan RB 35/2012 Tanggal Efektif = tanggal penandatanganan",
                LINT,
            )
        )
    return found


def check_related(project: Project) -> list[Diagnostic]:
    doc, src = project.dokumen, _src(project)
    ids = list(doc.prosedur)
    found = []
    for index, proc_id in enumerate(ids):
        if proc_id in ids[:index]:
            found.append(
                src.diagnostic(
                    ("prosedur", index),
                    f"prosedur '{proc_id}' tercantum dua kali",
                    "hapus salah satunya",
                )
            )
    for index, item in enumerate(doc.keterkaitan):
        if item.prosedur and item.prosedur not in ids:
            found.append(
                src.diagnostic(
                    ("keterkaitan", index, "prosedur"),
                    f"keterkaitan menunjuk prosedur '{item.prosedur}' yang tidak ada di dokumen ini"
                    + did_you_mean(item.prosedur, ids),
                    "pakai id dari daftar 'prosedur', atau hapus 'prosedur:' bila SOP itu milik "
                    "unit lain",
                )
            )
    return found


def lint_document(project: Project) -> list[Diagnostic]:
    doc, src = project.dokumen, _src(project)
    found = []
    if not doc.pencatatan:
        found.append(
            src.diagnostic(
                ("pencatatan",),
                "Pencatatan dan Pendataan kosong",
                "sebutkan formulir/catatan yang diisi pelaksana sebagai bukti prosedur "
                "dijalankan (format.md §2.1 butir 13)",
                LINT,
                prefer_key=True,
            )
        )
    for index, text in enumerate(doc.peringatan):
        lowered = text.lower()
        if not (
            ("apabila" in lowered or "jika" in lowered or "bila" in lowered) and "maka" in lowered
        ):
            found.append(
                src.diagnostic(
                    ("peringatan", index),
                    "peringatan tidak berbentuk 'apabila ... maka ...'",
                    "tulis akibat bila SOP tidak dijalankan, mis. 'Apabila ..., maka ...'",
                    LINT,
                )
            )
    shared = [p for p in project.procedures if not p.data.nomor]
    if len(shared) > 1:
        found.append(
            src.diagnostic(
                ("identitas", "nomor"),
                f"nomor SOP '{doc.identitas.nomor}' dipakai bersama oleh {len(shared)} prosedur ("
                + ", ".join(p.id for p in shared)
                + ")",
                "beri tiap prosedur nomornya sendiri dengan 'nomor:' di berkas prosedurnya",
                LINT,
            )
        )
    found += _lint_number_month(project)
    return found


def _lint_number_month(project: Project) -> list[Diagnostic]:
    """A roman month and a year in the Nomor SOP should match Tanggal Pembuatan."""
    ident, src = project.dokumen.identitas, _src(project)
    parts = ident.nomor.split("/")
    if len(parts) < 2 or not parts[-1].isdigit() or parts[-2] not in ROMAN_MONTHS:
        return []
    month, year = ROMAN_MONTHS.index(parts[-2]) + 1, int(parts[-1])
    made = ident.tanggal_pembuatan
    if (month, year) == (made.month, made.year):
        return []
    return [
        src.diagnostic(
            ("identitas", "nomor"),
            f"bulan/tahun pada nomor SOP ({parts[-2]}/{parts[-1]}) tidak sama dengan Tanggal "
            f"Pembuatan ({ROMAN_MONTHS[made.month - 1]}/{made.year})",
            "periksa nomor atau Tanggal Pembuatan",
            LINT,
        )
    ]


# --- procedures --------------------------------------------------------------------------


def _psrc(procedure: Procedure) -> SourceMap:
    return procedure.source or SourceMap(procedure.path)


def check_procedure(procedure: Procedure) -> list[Diagnostic]:
    steps, columns, src = procedure.data.kegiatan, procedure.data.pelaksana, _psrc(procedure)
    found = []
    for index, name in enumerate(columns):
        if name in columns[:index]:
            found.append(
                src.diagnostic(
                    ("pelaksana", index),
                    f"kolom pelaksana '{name}' ditulis dua kali",
                    "hapus salah satunya",
                )
            )
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
    edges = flow_edges(steps)
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
