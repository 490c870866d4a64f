"""Parsed YAML kept between runs: a file's data and source map as bytes, and back.

Parsing is most of loading a large catalog, and an edit changes one file. A caller
that keeps entries between runs (the build, in its cache folder) passes a
``ParseStore`` to ``load``; a file is then parsed only when no entry holds its text.
Only a text that parsed without a problem is kept, so every message still comes from
the parser.

An entry is JSON: the SHA-256 of the text it was parsed from, the data and the source
map's positions. What JSON cannot say as it is (a date, a mapping with a number as a
key) is written as a mapping tagged by the key NUL (``TAG``); data holding a mapping
with that key (a YAML escape can write it) is not kept, nor any value of another type
(the file is simply parsed again next time). An entry that does not decode, or was
made for another text, is ignored.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from typing import Protocol

TAG = "\0"  # a mapping {TAG: kind, "v": value} stands for what JSON cannot say


class ParseStore(Protocol):
    """Entries by the SHA-256 of a file's text (``text_digest``); ``put`` may keep
    them only once the run succeeded."""

    def get(self, digest: str) -> bytes | None: ...

    def put(self, digest: str, body: bytes) -> None: ...


class _Unkept(Exception):
    """A value this codec does not keep."""


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def encode(digest: str, data: object, values: dict, keys: dict) -> bytes | None:
    """The entry of a parsed text, or None when its data holds a value not kept."""
    try:
        body = {
            "text": digest,
            "data": _encode(data),
            "values": [[list(path), *where] for path, where in values.items()],
            "keys": [[list(path), *where] for path, where in keys.items()],
        }
        return json.dumps(body, ensure_ascii=False, allow_nan=True).encode("utf-8")
    except (_Unkept, ValueError, TypeError):
        return None


def decode(digest: str, body: bytes) -> tuple[object, dict, dict] | None:
    """(data, values, keys) of an entry made by ``encode`` for this text, else None."""
    try:
        entry = json.loads(body, object_hook=_object)
        if not isinstance(entry, dict) or entry.get("text") != digest:
            return None
        return entry["data"], _positions(entry["values"]), _positions(entry["keys"])
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return None


def _encode(value: object) -> object:
    kind = type(value)
    if kind is str or kind is bool or kind is int or kind is float or value is None:
        return value
    if kind is list:
        return [_encode(item) for item in value]
    if kind is dict:
        if TAG in value:
            raise _Unkept
        if all(type(k) is str for k in value):
            return {k: _encode(v) for k, v in value.items()}
        if all(type(k) is str or type(k) is int for k in value):
            return {TAG: "keys", "v": [[k, _encode(v)] for k, v in value.items()]}
        raise _Unkept
    if kind is datetime.date:
        return {TAG: "date", "v": value.isoformat()}
    if kind is datetime.datetime:
        return {TAG: "datetime", "v": value.isoformat()}
    raise _Unkept


def _object(pairs: dict) -> object:
    """json's object hook: a tagged value back to what it stands for."""
    if TAG not in pairs:
        return pairs
    kind = pairs[TAG]
    value = pairs["v"]
    if kind == "keys":
        return {_key(k): v for k, v in value}
    if kind == "date":
        return datetime.date.fromisoformat(value)
    if kind == "datetime":
        return datetime.datetime.fromisoformat(value)
    raise ValueError(kind)


def _key(key: object) -> str | int:
    if type(key) is str or type(key) is int:
        return key
    raise TypeError(key)


def _positions(rows: list) -> dict:
    return {tuple(path): (line, column) for path, line, column in rows}
