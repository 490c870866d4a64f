"""A procedure's layout as plain JSON, for the build cache.

The layout (``layout.geometry``) is frozen dataclasses of numbers, strings and tuples,
so JSON holds it exactly: a float is written as its shortest repr and read back as the
same float. A dataclass becomes ``{"ClassName": [its fields' values, in order]}`` and a
tuple a list (the field names are not written: sopgen's own files are part of every
cache key, so a changed class never reads an old entry). Decoding only ever makes the
geometry's own classes (no pickle: a cache entry cannot run code); anything else raises
``ValueError`` (or ``TypeError``) and the entry is rebuilt.
"""

from __future__ import annotations

import dataclasses
import gc
import json
import operator

from sopgen.layout import geometry
from sopgen.layout.geometry import ProcedureLayout
from sopgen.memo import Memo

CLASSES = {
    cls.__name__: cls
    for cls in vars(geometry).values()
    if isinstance(cls, type) and dataclasses.is_dataclass(cls)
}


def _getter(cls: type):
    names = [f.name for f in dataclasses.fields(cls)]
    if len(names) == 1:
        return lambda value: (getattr(value, names[0]),)
    return operator.attrgetter(*names)  # the values as a tuple, in the fields' order


_FIELDS = {cls: _getter(cls) for cls in CLASSES.values()}


def _object(value: object) -> dict:
    """A geometry object as ``{"ClassName": [its fields' values]}``: json's ``default``
    (json writes numbers, strings, None, lists and tuples itself and asks this only
    for the dataclasses, so a layout is written in one pass of its C encoder)."""
    fields = _FIELDS.get(type(value))
    if fields is None:
        raise TypeError(f"cannot store {type(value).__name__} in a layout cache entry")
    return {type(value).__name__: fields(value)}


# One object per distinct string and float across the layouts decoded in this process:
# a catalog's layouts repeat a few thousand values (fonts, roles, coordinates) hundreds
# of thousands of times, and the binder holds every layout at once. Floats are keyed by
# their literal, so -0.0 stays -0.0 and 1.0 never becomes 1.
_strings = Memo(100_000)
_floats = Memo(100_000)


def _float(literal: str) -> float:
    value = _floats.get(literal)
    if value is None:
        value = _floats[literal] = float(literal)
    return value


def _tuple(items: list) -> tuple:
    return tuple([_tuple(item) if type(item) is list else item for item in items])


def _instance(pair: dict) -> object:
    """A JSON object -> its geometry class (json's object_hook: the parser calls it
    from the inside out, so the dataclasses are made in one pass over the text)."""
    if len(pair) != 1:
        raise ValueError("not a layout object in a layout cache entry")
    ((name, values),) = pair.items()
    cls = CLASSES.get(name)
    if cls is None or type(values) is not list:
        raise ValueError("unknown class in a layout cache entry")
    strings = _strings
    for index, value in enumerate(values):  # values replaced in place: no new list
        kind = type(value)
        if kind is str:
            values[index] = strings.setdefault(value, value)
        elif kind is list:
            values[index] = _tuple(value)
    return cls(*values)


def dumps(layout: ProcedureLayout) -> bytes:
    return json.dumps(layout, ensure_ascii=False, separators=(",", ":"), default=_object).encode()


def loads(data: bytes) -> ProcedureLayout:
    """The layout ``dumps`` wrote; ValueError (or TypeError) for anything else."""
    for shared in (_strings, _floats):
        shared.make_room()
    # a layout is thousands of objects and no reference cycle: the cyclic collector's
    # passes over the growing heap while the binder reads 1000 of them cost a third
    enabled = gc.isenabled()
    gc.disable()
    try:
        layout = json.loads(data, object_hook=_instance, parse_float=_float)
    finally:
        if enabled:
            gc.enable()
    if not isinstance(layout, ProcedureLayout):
        raise ValueError("a layout cache entry does not hold a ProcedureLayout")
    return layout
