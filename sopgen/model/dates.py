"""Dates in Indonesian: the month names, and a date as printed ('08 Desember 2017'), for
the PDF, the handbook and the list of changes alike."""

from __future__ import annotations

import datetime as dt
import re

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


_DAY_FIRST = re.compile(r"\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*")


PLACEHOLDER = "TAHUN-BULAN-TANGGAL"  # what the templates of 'sopgen new' leave to fill


def date_problem(written: object, where: str) -> tuple[str, str]:
    """(message, hint) for a date that did not read; ``where`` names the key ("'tanggal' ")."""
    if written == PLACEHOLDER:
        return f"{where}belum diisi", "tulis tanggalnya, mis. 2017-12-08, atau '08 Desember 2017'"
    return f"tanggal {written!r} untuk {where}tidak valid", date_hint(written)


def date_hint(written: object) -> str:
    """How to write a date that did not read: the same date in the accepted forms when it
    was written day first ('01-12-2016', '1/12/2016'), else the forms themselves."""
    found = _DAY_FIRST.fullmatch(written) if isinstance(written, str) else None
    if found:
        day, month, year = (int(part) for part in found.groups())
        try:
            meant = dt.date(year, month, day)
        except ValueError:
            meant = None
        if meant is not None:
            return f"tulis TAHUN-BULAN-TANGGAL: {meant:%Y-%m-%d}, atau '{format_date(meant)}'"
    return "tulis TAHUN-BULAN-TANGGAL, mis. 2017-12-08, atau '08 Desember 2017'"
