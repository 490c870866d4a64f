"""The printed "No" of a procedure's rows and how messages name a row.

Steps are numbered automatically; ``nomor`` on a row overrides its number (an integer
sets the counter, a text such as "2a" is printed as written). References between steps
(``lanjut: 3``) go by these printed numbers (``model.flow``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sopgen.model.steps import Langkah


def _integer(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def printed_numbers(steps: Sequence[Langkah]) -> tuple[str, ...]:
    """The "No" column, row by row: automatic numbering with ``nomor`` overrides.

    A counter; a row without ``nomor`` gets counter+1 and advances it; an integer nomor
    sets the counter; a non-integer ("2a") or "" is printed as written and leaves it."""
    out: list[str] = []
    counter = 0
    for step in steps:
        if step.nomor is None:
            counter += 1
            out.append(str(counter))
            continue
        number = _integer(step.nomor)
        if number is not None:
            counter = number
            out.append(str(number))
        else:
            out.append(str(step.nomor))
    return tuple(out)


def row_name(numbers: Sequence[str], row: int) -> str:
    """A row as messages name it: 'langkah 3', or 'baris ke-5' when it has no number;
    'langkah 2 (baris ke-3)' when another row prints the same number."""
    number = numbers[row]
    if not number:
        return f"baris ke-{row + 1}"
    if numbers.count(number) > 1:
        return f"langkah {number} (baris ke-{row + 1})"
    return f"langkah {number}"
