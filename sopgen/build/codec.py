"""A procedure's layout as plain JSON, for the build cache.

The layout (``layout.geometry``) is frozen dataclasses of numbers, strings and tuples,
so JSON holds it exactly: a float is written as its shortest repr and read back as the
same float. A dataclass becomes ``{"@": "ClassName", field: value, ...}`` and a tuple a
list. Decoding only ever makes the geometry's own classes (no pickle: a cache entry
cannot run code); anything else raises ``ValueError`` and the entry is rebuilt.
"""

from __future__ import annotations

import dataclasses
import json

from sopgen.layout import geometry
from sopgen.layout.geometry import ProcedureLayout

CLASSES = {
    cls.__name__: cls
    for cls in vars(geometry).values()
    if isinstance(cls, type) and dataclasses.is_dataclass(cls)
}


def _plain(value: object) -> object:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out: dict[str, object] = {"@": type(value).__name__}
        for f in dataclasses.fields(value):
            out[f.name] = _plain(getattr(value, f.name))
        return out
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    raise TypeError(f"cannot store {type(value).__name__} in a layout cache entry")


def _object(value: object) -> object:
    if isinstance(value, list):
        return tuple(_object(item) for item in value)
    if isinstance(value, dict):
        cls = CLASSES.get(value.get("@"))  # type: ignore[arg-type]
        if cls is None:
            raise ValueError(f"unknown class in a layout cache entry: {value.get('@')!r}")
        return cls(**{k: _object(v) for k, v in value.items() if k != "@"})
    return value


def dumps(layout: ProcedureLayout) -> bytes:
    return json.dumps(_plain(layout), ensure_ascii=False, separators=(",", ":")).encode()


def loads(data: bytes) -> ProcedureLayout:
    """The layout ``dumps`` wrote; ValueError (or TypeError) for anything else."""
    layout = _object(json.loads(data))
    if not isinstance(layout, ProcedureLayout):
        raise ValueError("a layout cache entry does not hold a ProcedureLayout")
    return layout
