"""What every model class shares: the strict base class and the date type."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator

from sopgen.model.dates import MONTHS


def _indonesian_date(value: object) -> object:
    """Also accept dates written as printed: '08 Desember 2017'."""
    if isinstance(value, str):
        parts = value.split()
        if len(parts) == 3 and parts[1].lower() in MONTHS and parts[0].isdigit():
            try:
                return dt.date(int(parts[2]), MONTHS.index(parts[1].lower()) + 1, int(parts[0]))
            except ValueError:
                return value
    return value


Tanggal = Annotated[
    dt.date,
    BeforeValidator(_indonesian_date),
    Field(description="Tanggal: YYYY-MM-DD (mis. 2017-12-08) atau '08 Desember 2017'."),
]


class Strict(BaseModel):
    """Base: unknown keys are errors (a typo in a key must not pass silently)."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def written_but_blank(field: str):
    """A validator for an optional ``field``: left out is fine, written and left blank
    (``nip:``, as the scaffold has it) is a blank still to fill."""

    def check(cls, v: object) -> object:
        if v is None:
            raise ValueError("blank")
        return v

    return field_validator(field, mode="before")(check)
