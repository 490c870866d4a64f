"""Waktu (Mutu Baku) strings <-> minutes.

"30 detik", "5 Menit", "1 jam", "1 hari", "2 hari kerja", "1,5 jam", "30 mnt", "2 hr" are
accepted, and ranges: "1-2 hari", "1 – 5 hari kerja", "30 menit - 1 jam", "1 s.d. 3 hari". A single
value's unit is kept for display, normalised to a capitalised word ("5 Menit", "1 Jam"), as
docs/format.md §3 recommends; a range is printed as written. Any other text ("Semesteran") is
valid Waktu that cannot be added up (``parse_duration`` raises, the caller keeps the
text). "1 hari" is one *working* day: ``minutes_per_day`` (450 by default: 37.5 working
hours a week over 5 days), configurable per document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# unit word -> canonical unit
UNIT_ALIASES = {
    "detik": "detik",  # real SOPs time quick checks in seconds ("30 detik")
    "dtk": "detik",
    "menit": "menit",
    "mnt": "menit",
    "m": "menit",
    "jam": "jam",
    "j": "jam",
    "jm": "jam",
    "hari": "hari",
    "hari kerja": "hari",
    "hk": "hari",
    "hr": "hari",  # "2 hr": the usual short form of hari in office writing
    "hr kerja": "hari",
    "minggu": "minggu",
    "mgg": "minggu",
    "pekan": "minggu",
    "bulan": "bulan",
    "bln": "bulan",
}
UNIT_LABELS = {
    "detik": "Detik",
    "menit": "Menit",
    "jam": "Jam",
    "hari": "Hari",
    "minggu": "Minggu",
    "bulan": "Bulan",
}
KNOWN_UNITS = ("detik", "menit", "jam", "hari", "minggu", "bulan")
MAX_VALUE = 100_000  # larger numbers are no lead time a row can add up (kept as text)

_PATTERN = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*([A-Za-z][A-Za-z ]*?)\s*$")


class DurationError(ValueError):
    """A Waktu text that cannot be read; the message is Indonesian and user-facing."""


_RANGE = re.compile(
    r"^\s*(\d+(?:[.,]\d+)?)\s*([A-Za-z][A-Za-z ]*?)?\s*(?:-|–|—|s\.?\s?d\.?|s/d|sampai)\s*"
    r"(\d+(?:[.,]\d+)?\s*[A-Za-z][A-Za-z ]*?)\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Duration:
    """A parsed Waktu: one value, or a range (``upper`` set; value/unit/minutes = lower)."""

    value: float
    unit: str  # canonical: detik | menit | jam | hari | minggu | bulan
    minutes: float
    upper: Duration | None = None  # the range's upper bound ("1-2 hari": 2 hari)

    @property
    def is_range(self) -> bool:
        return self.upper is not None

    @property
    def minutes_max(self) -> float:
        return self.upper.minutes if self.upper is not None else self.minutes

    @property
    def label(self) -> str:
        """Display text: '5 Menit', '1,5 Jam'; a range '1 - 2 Hari', '30 Menit - 1 Jam'."""
        if self.upper is None:
            return f"{format_number(self.value)} {UNIT_LABELS[self.unit]}"
        if self.upper.unit == self.unit:
            return f"{format_number(self.value)} - {self.upper.label}"
        return f"{Duration(self.value, self.unit, self.minutes).label} - {self.upper.label}"


def format_number(value: float) -> str:
    """Indonesian decimal comma, no trailing zeros: 1.5 -> '1,5', 2.0 -> '2'."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def unit_minutes(unit: str, minutes_per_day: int, days_per_week: int, days_per_month: int) -> float:
    return {
        "detik": 1 / 60,
        "menit": 1,
        "jam": 60,
        "hari": minutes_per_day,
        "minggu": minutes_per_day * days_per_week,
        "bulan": minutes_per_day * days_per_month,
    }[unit]


def parse_duration(
    text: str, minutes_per_day: int = 450, days_per_week: int = 5, days_per_month: int = 22
) -> Duration:
    """A Waktu text -> Duration; raises DurationError when it is no value or range."""
    per = (minutes_per_day, days_per_week, days_per_month)
    ranged = _RANGE.match(text)
    if ranged:
        upper = _parse_one(ranged.group(3), *per)
        unit_text = ranged.group(2) or ranged.group(3).lstrip("0123456789.,").strip()
        lower = _parse_one(f"{ranged.group(1)} {unit_text}", *per)
        if lower.minutes >= upper.minutes:
            raise DurationError(
                f"rentang waktu '{text}' tidak naik: batas bawah harus lebih kecil dari batas atas"
            )
        return Duration(lower.value, lower.unit, lower.minutes, upper)
    return _parse_one(text, *per)


def _parse_one(
    text: str, minutes_per_day: int, days_per_week: int, days_per_month: int
) -> Duration:
    match = _PATTERN.match(text)
    if not match:
        raise DurationError(
            f"waktu '{text}' tidak dapat dibaca; tulis angka lalu satuan, mis. '5 menit', "
            "'1 jam', '1 hari'"
        )
    value = float(match.group(1).replace(",", "."))
    word = " ".join(match.group(2).lower().split())
    unit = UNIT_ALIASES.get(word)
    if unit is None:
        raise DurationError(
            f"satuan waktu '{match.group(2)}' tidak dikenal; pakai salah satu: "
            + ", ".join(KNOWN_UNITS)
        )
    if value <= 0:
        raise DurationError(f"waktu '{text}' harus lebih dari nol")
    if not value <= MAX_VALUE:  # also 1e400 read as infinity
        raise DurationError(f"angka waktu '{text}' terlalu besar untuk dijumlahkan")
    per_unit = unit_minutes(unit, minutes_per_day, days_per_week, days_per_month)
    return Duration(value, unit, value * per_unit)


def format_minutes(minutes: float, minutes_per_day: int = 450) -> str:
    """A total in the largest readable units: 1 Hari 2 Jam 5 Menit (working days), down
    to seconds when steps are timed in them (1 Menit 30 Detik)."""
    total = round(minutes * 60)  # in seconds: "30 detik" is half a minute
    if total == 0:
        return "0 Menit"
    parts = []
    days, rest = divmod(total, minutes_per_day * 60)
    hours, rest = divmod(rest, 3600)
    mins, secs = divmod(rest, 60)
    for count, unit in ((days, "Hari"), (hours, "Jam"), (mins, "Menit"), (secs, "Detik")):
        if count:
            parts.append(f"{count} {unit}")
    return " ".join(parts)


def total_by_unit(durations, upper: bool = False) -> list[Duration]:
    """Sums per unit, in unit order, for a 'Jumlah waktu' row that keeps the printed units.
    A range counts with its lower bound, or with its upper bound when ``upper``."""
    sums: dict[str, float] = {}
    for d in durations:
        if d is not None:
            if upper and d.upper is not None:
                d = d.upper
            sums[d.unit] = sums.get(d.unit, 0) + d.value
    return [Duration(sums[u], u, 0) for u in KNOWN_UNITS if u in sums]


def not_added_text(count: int) -> str:
    """'(3 langkah tidak terjumlah)' for steps whose Waktu could not be added; '' for 0."""
    return f"({count} langkah tidak terjumlah)" if count else ""


def total_text(durations, not_added: int = 0) -> str:
    """The 'Jumlah waktu' cell: sums per unit, largest unit first ('2 Jam 35 Menit'); a
    range 'min - max' when any Waktu is a range; '-' when nothing was added; followed by
    how many steps could not be added."""

    def sums(upper: bool) -> str:
        return " ".join(d.label for d in reversed(total_by_unit(durations, upper)))

    text = sums(False) or "-"
    if any(d is not None and d.is_range for d in durations):
        text = f"{text} - {sums(True)}"
    return f"{text} {not_added_text(not_added)}".strip()
