"""Officials: NIP structure (docs/format.md §6) and pangkat/golongan consistency (§4)."""

from __future__ import annotations

import datetime as dt
import re

from sopgen.errors import LINT, Diagnostic
from sopgen.load.yamlsource import SourceMap
from sopgen.model import Pejabat

# docs/format.md §4: pangkat <-> golongan (PNS).
PANGKAT_GOLONGAN = {
    "I/a": "Juru Muda", "I/b": "Juru Muda Tingkat I", "I/c": "Juru", "I/d": "Juru Tingkat I",
    "II/a": "Pengatur Muda", "II/b": "Pengatur Muda Tingkat I", "II/c": "Pengatur",
    "II/d": "Pengatur Tingkat I", "III/a": "Penata Muda", "III/b": "Penata Muda Tingkat I",
    "III/c": "Penata", "III/d": "Penata Tingkat I", "IV/a": "Pembina",
    "IV/b": "Pembina Tingkat I", "IV/c": "Pembina Utama Muda", "IV/d": "Pembina Utama Madya",
    "IV/e": "Pembina Utama",
}  # fmt: skip


def nip_problems(pejabat: Pejabat) -> list[tuple[str, str, str]]:
    """(severity, message, hint) for a NIP (docs/format.md §6)."""
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
    if not pejabat.nip:  # a real SOP may not print it: no NIP line, one lint
        return [
            src.diagnostic(
                path[:-1],
                f"NIP {pejabat.jabatan} ({pejabat.nama}) tidak diisi; baris NIP tidak dicetak",
                "isi 'nip:' bila SOP aslinya mencantumkan NIP penandatangan",
                LINT,
            )
        ]
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
