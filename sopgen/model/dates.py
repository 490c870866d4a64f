"""Dates in Indonesian: the month names, and a date as printed ('08 Desember 2017'), for
the PDF, the handbook and the list of changes alike."""

from __future__ import annotations

import datetime as dt

BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
MONTHS = [name.lower() for name in BULAN]  # as compared when reading


def format_date(value: dt.date | None, empty: str = "-") -> str:
    """``date(2017, 12, 8)`` -> ``'08 Desember 2017'`` (two-digit day, as in the seed).

    ``None`` (e.g. no Tanggal Revisi) gives ``empty``.
    """
    if value is None:
        return empty
    return f"{value.day:02d} {BULAN[value.month - 1]} {value.year}"


def place_and_date(place: str, value: dt.date) -> str:
    """``'Trenggalek, 08 Desember 2017'`` for the Lembar Pengesahan."""
    return f"{place}, {format_date(value)}"
