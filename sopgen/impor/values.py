"""Values the YAML writer shares: default column titles, placeholders, dates, slugs."""

from __future__ import annotations

import datetime as dt
import re

DEFAULT_LABELS = {
    "no": "No",
    "kegiatan": "Kegiatan",
    "pelaksana": "Pelaksana",
    "mutu_baku": "Mutu Baku",
    "kelengkapan": "Kelengkapan",
    "waktu": "Waktu",
    "output": "Output",
    "keterangan": "Keterangan",
}
BULAN = (
    "januari",
    "februari",
    "maret",
    "april",
    "mei",
    "juni",
    "juli",
    "agustus",
    "september",
    "oktober",
    "november",
    "desember",
)
BULAN_SINGKAT = {b[:3]: i for i, b in enumerate(BULAN, start=1)} | {"agu": 8, "ags": 8}


def slug(text: str, limit: int = 48) -> str:
    """'SOP Pengajuan LS ke KPPN' -> 'sop-pengajuan-ls-ke-kppn', cut at a word boundary."""
    words = re.sub(r"[^0-9a-z]+", "-", text.lower()).strip("-")
    if len(words) > limit:
        cut = words[: limit + 1]
        words = cut[: cut.rfind("-")] if "-" in cut else words[:limit]
    return words.strip("-") or "sop"


def parse_date(text: str | None) -> dt.date | None:
    """'2 Juni 2025', '02-06-2025', '2025-06-02', '2 Jun 2025' -> a date; else None."""
    if not text:
        return None
    t = text.strip().lower().replace(",", " ")
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", t)
    parts: tuple[int, int, int] | None = None
    if m:
        parts = (int(m[1]), int(m[2]), int(m[3]))
    elif m := re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", t):
        parts = (int(m[3]), int(m[2]), int(m[1]))
    elif m := re.fullmatch(r"(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})", t):
        month = BULAN.index(m[2]) + 1 if m[2] in BULAN else BULAN_SINGKAT.get(m[2][:3])
        if month:
            parts = (int(m[3]), month, int(m[1]))
    if parts is None:
        return None
    try:
        return dt.date(*parts)
    except ValueError:
        return None


# The exit of a decision printed as the negative one ('Tidak', 'Belum lengkap', 'Ditolak').
_NEGATIVE = re.compile(
    r"^(tidak|tdk|belum|blm|tolak|ditolak|no\b|salah|gagal|kurang|batal|t\b|n\b|x\b|"
    r"revisi|direvisi|perbai|diperbaiki|koreksi|dikoreksi|kembali|dikembalikan|ulang|"
    r"invalid|tidak\s*valid|reject|false)",
    re.I,
)


def is_negative(label: str | None) -> bool:
    return bool(label) and bool(_NEGATIVE.match(label.strip()))
