"""Waktu (Mutu Baku) strings <-> minutes.

"5 Menit", "1 jam", "1 hari", "2 hari kerja", "1,5 jam", "30 mnt" are accepted. The
unit is kept for display, normalised to a capitalised word ("5 Menit", "1 Jam"), as
format.md recommends. "1 hari" is one *working* day: ``minutes_per_day`` (450 by
default: 37.5 working hours a week over 5 days), configurable per document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# unit word -> canonical unit
UNIT_ALIASES = {
    "menit": "menit",
    "mnt": "menit",
    "m": "menit",
    "jam": "jam",
    "j": "jam",
    "hari": "hari",
    "hari kerja": "hari",
    "hk": "hari",
    "minggu": "minggu",
    "pekan": "minggu",
}
UNIT_LABELS = {"menit": "Menit", "jam": "Jam", "hari": "Hari", "minggu": "Minggu"}
KNOWN_UNITS = ("menit", "jam", "hari", "minggu")

_PATTERN = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*([A-Za-z][A-Za-z ]*?)\s*$")


class DurationError(ValueError):
    """A Waktu text that cannot be read; the message is Indonesian and user-facing."""


@dataclass(frozen=True)
class Duration:
    value: float
    unit: str  # canonical: menit | jam | hari | minggu
    minutes: float

    @property
    def label(self) -> str:
        """Display text: '5 Menit', '1,5 Jam'."""
        return f"{format_number(self.value)} {UNIT_LABELS[self.unit]}"


def format_number(value: float) -> str:
    """Indonesian decimal comma, no trailing zeros: 1.5 -> '1,5', 2.0 -> '2'."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def unit_minutes(unit: str, minutes_per_day: int, days_per_week: int) -> int:
    return {
        "menit": 1,
        "jam": 60,
        "hari": minutes_per_day,
        "minggu": minutes_per_day * days_per_week,
    }[unit]


def parse_duration(text: str, minutes_per_day: int = 450, days_per_week: int = 5) -> Duration:
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
    return Duration(value, unit, value * unit_minutes(unit, minutes_per_day, days_per_week))


def format_minutes(minutes: float, minutes_per_day: int = 450) -> str:
    """A total in the largest readable units: 1 Hari 2 Jam 5 Menit (working days)."""
    total = round(minutes)
    if total == 0:
        return "0 Menit"
    parts = []
    days, rest = divmod(total, minutes_per_day)
    hours, mins = divmod(rest, 60)
    if days:
        parts.append(f"{days} Hari")
    if hours:
        parts.append(f"{hours} Jam")
    if mins:
        parts.append(f"{mins} Menit")
    return " ".join(parts)


def total_by_unit(durations) -> list[Duration]:
    """Sums per unit, in unit order, for a 'Jumlah waktu' row that keeps the printed units."""
    sums: dict[str, float] = {}
    for d in durations:
        if d is not None:
            sums[d.unit] = sums.get(d.unit, 0) + d.value
    return [Duration(sums[u], u, 0) for u in KNOWN_UNITS if u in sums]
