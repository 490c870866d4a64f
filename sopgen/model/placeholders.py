"""The stand-ins ``sopgen impor`` writes where the source SOP does not show a value:
texts in capitals beginning with 'ISI ' ('ISI NOMOR SOP'), the date 1900-01-01 and a
NIP of that date. They load and print as they are; ``check`` warns while one is left."""

from __future__ import annotations

import datetime as dt
import re

PLACEHOLDER_DATE = dt.date(1900, 1, 1)
PLACEHOLDER_NIP = "19000101 192001 1 001"
PLACEHOLDER_TEXT = re.compile(r"ISI [A-Z][A-Z/ ()-]*")


def is_placeholder(value: object) -> bool:
    """True for a value ``sopgen impor`` wrote in place of one it could not read."""
    if isinstance(value, str):
        return value == PLACEHOLDER_NIP or PLACEHOLDER_TEXT.fullmatch(value) is not None
    return isinstance(value, dt.date) and value == PLACEHOLDER_DATE
