"""The procedures' views (without drawings) kept between builds.

Every page of the handbook around the procedures (the index, the documents, the
executors, the navigation, the search index) reads every procedure's view, so a build
makes them all, though an edit changes one. ``KeptViews`` gives a procedure's view from
a ``ViewStore`` (the build cache) when its key is there, else makes it
(``context._procedure_view``) and puts it. The key is a hash of everything the view is
made from: what decides the procedure (``ViewStore.source``: its data, its printed
Nomor and sopgen's own files, as the layout's cache key, and the whole document as
loaded), the URLs of its executors and of the document's procedures, the document's
link, its revisions and whether the handbook carries PDFs (a procedure that is its own
SOP document reads its identity from the same: the document and its own data).

An entry is JSON: a dataclass as ``{"ClassName": [its values in field order]}``, a
``Markup`` as ``{"M": text}``, a tuple as a list; anything else is refused on writing,
and an entry that does not decode to the views' classes is made again.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from typing import Protocol

from markupsafe import Markup

from sopgen.render.html.identity import Extra
from sopgen.render.html.views import (
    ColumnTitles,
    FlowNote,
    IdentityView,
    Link,
    OfficialView,
    ProcedureView,
    RevisionView,
    Share,
    StepView,
)

CLASSES = {
    c.__name__: c
    for c in (
        Link,
        OfficialView,
        FlowNote,
        StepView,
        Share,
        RevisionView,
        ColumnTitles,
        IdentityView,
        Extra,
    )
}
TOP = ProcedureView.__name__


class ViewStore(Protocol):
    def get(self, key: str) -> bytes | None: ...

    def put(self, key: str, body: bytes) -> None: ...

    def source(self, document: str, procedure: str) -> str:
        """What decides the procedure's data as the build keys it (its layout key and
        the document's fingerprint)."""
        ...


def _plain(value: object) -> object:
    if isinstance(value, Markup):
        return {"M": str(value)}
    if value is None or type(value) in (str, bool, int, float):
        return value
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    name = type(value).__name__
    if dataclasses.is_dataclass(value) and (CLASSES.get(name) is type(value) or name == TOP):
        fields = [f for f in dataclasses.fields(value) if f.compare]  # ``key`` is not kept
        return {name: [_plain(getattr(value, f.name)) for f in fields]}
    raise TypeError(f"not kept: {type(value).__name__}")


def dumps(view: ProcedureView) -> bytes:
    return json.dumps(_plain(view), ensure_ascii=False, separators=(",", ":")).encode()


def _tuples(values: list) -> tuple:
    return tuple(_tuples(v) if isinstance(v, list) else v for v in values)


def _hook(obj: dict) -> object:
    if len(obj) != 1:
        raise ValueError("not an entry")
    ((name, values),) = obj.items()
    if name == "M" and isinstance(values, str):
        return Markup(values)
    cls = ProcedureView if name == TOP else CLASSES.get(name)
    if cls is None or not isinstance(values, list):
        raise ValueError("not an entry")
    return cls(*_tuples(values))


def loads(body: bytes) -> ProcedureView:
    view = json.loads(body, object_hook=_hook)
    if type(view) is not ProcedureView:
        raise ValueError("not a procedure's view")
    return view


def digest(*parts: object) -> str:
    return hashlib.sha256(repr(parts).encode("utf-8", "surrogatepass")).hexdigest()


class KeptViews:
    """``view(key_parts, make)``: the view under the hash of ``key_parts`` from
    ``store``, else ``make()`` (put in ``store``); either carries that hash as its
    ``key``, which the pages' keys read instead of hashing the whole view."""

    def __init__(self, store: ViewStore | None):
        self.store = store

    def view(self, document: str, procedure: str, parts: tuple, make) -> ProcedureView:
        if self.store is None:
            return make()
        key = digest("view", self.store.source(document, procedure), *parts)
        body = self.store.get(key)
        if body is not None:
            try:
                return dataclasses.replace(loads(body), key=key)
            except (ValueError, TypeError, KeyError):  # foreign or damaged: made again
                pass
        view = make()
        self.store.put(key, dumps(view))
        return dataclasses.replace(view, key=key)
