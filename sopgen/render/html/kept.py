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

Those pages read little of each view (its title, number, URL, document, executors, total time and
its steps' numbers and plain texts), and an edit needs the whole view of the procedures
it changed only. So a view read from the store is a ``SummaryView``: those fields taken
from the entry's parsed JSON, the rest of the view made of its classes only when
another field is read (``whole``: the procedure's own page and search share, when they
are not kept themselves).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
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


def _build(value: object) -> object:
    """An entry's parsed JSON (``json.loads`` without a hook) as ``loads`` makes it."""
    kind = type(value)
    if kind is list:
        return tuple(_build(v) for v in value)  # type: ignore[attr-defined]
    if kind is not dict:
        return value
    if len(value) != 1:  # type: ignore[arg-type]
        raise ValueError("not an entry")
    ((name, values),) = value.items()  # type: ignore[attr-defined]
    if name == "M" and type(values) is str:
        return Markup(values)
    cls = ProcedureView if name == TOP else CLASSES.get(name)
    if cls is None or type(values) is not list:
        raise ValueError("not an entry")
    return cls(*(_build(v) for v in values))


def _names(cls: type) -> dict[str, int]:
    fields = [f for f in dataclasses.fields(cls) if f.compare]
    return {f.name: i for i, f in enumerate(fields)}


_VIEW, _STEP = _names(ProcedureView), _names(StepView)


@dataclass(frozen=True)
class StepSummary:
    """What the pages around a procedure read of one of its steps (``StepView``'s)."""

    number: str
    anchor: str
    uraian_text: str
    waktu: str
    minutes: float | None


def _text(value: object) -> str:
    if type(value) is not str:
        raise ValueError("not an entry")
    return value


def _step(raw: object) -> StepSummary:
    if type(raw) is not dict or len(raw) != 1 or type(values := raw.get("StepView")) is not list:
        raise ValueError("not an entry")
    if len(values) != len(_STEP):
        raise ValueError("not an entry")
    minutes = values[_STEP["minutes"]]
    if minutes is not None and type(minutes) not in (int, float):
        raise ValueError("not an entry")
    return StepSummary(
        *(_text(values[_STEP[name]]) for name in ("number", "anchor", "uraian_text", "waktu")),
        minutes,
    )


class SummaryView:
    """A kept view as the pages around the procedures read it: its ``id``, ``judul``,
    ``nomor``, ``url``, ``document``, ``executors``, ``total_text``, ``per_unit_text``,
    ``minutes_per_day``, ``reconstructed``, ``key``, ``reconstructed_shared`` and its
    ``steps`` as ``StepSummary``s, taken from the entry; any other field is the whole
    view's (``whole``), made from the entry when first asked for (or by ``make``, should
    the entry not decode to the views' classes)."""

    def __init__(self, plain: list, key: str, make: Callable[[], ProcedureView]):
        at = _VIEW
        if type(plain) is not list or len(plain) != len(at):
            raise ValueError("not an entry")
        for name in ("id", "judul", "nomor", "url", "total_text", "per_unit_text"):
            setattr(self, name, _text(plain[at[name]]))
        per_day, reconstructed = plain[at["minutes_per_day"]], plain[at["reconstructed"]]
        if type(per_day) is not int or type(reconstructed) is not bool:
            raise ValueError("not an entry")
        self.minutes_per_day, self.reconstructed = per_day, reconstructed
        self.executors = _build(plain[at["executors"]])
        if type(self.executors) is not tuple or any(type(e) is not Link for e in self.executors):
            raise ValueError("not an entry")
        self.document = _build(plain[at["document"]])
        if type(self.document) is not Link:
            raise ValueError("not an entry")
        steps = plain[at["steps"]]
        if type(steps) is not list:
            raise ValueError("not an entry")
        self.steps = tuple(_step(raw) for raw in steps)
        self.key, self.reconstructed_shared = key, False
        self._plain, self._make, self._whole = plain, make, None

    def __getattr__(self, name: str) -> object:  # a field not summarised
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.whole(), name)

    def whole(self) -> ProcedureView:
        if self._whole is None:
            try:
                view = _build({TOP: self._plain})
            except (ValueError, TypeError):  # foreign: made again
                view = self._make()
            self._whole = dataclasses.replace(
                view,  # type: ignore[arg-type]
                key=self.key,
                reconstructed_shared=self.reconstructed_shared,
            )
        return self._whole

    def shared(self) -> SummaryView:
        """The same view with ``reconstructed_shared`` set."""
        other = object.__new__(SummaryView)
        other.__dict__.update(self.__dict__)
        other.reconstructed_shared, other._whole = True, None
        return other


def whole(view: ProcedureView | SummaryView) -> ProcedureView:
    """The whole view of a view or of a ``SummaryView``."""
    return view.whole() if isinstance(view, SummaryView) else view


def mark_shared(view: ProcedureView | SummaryView) -> ProcedureView | SummaryView:
    """``view`` with ``reconstructed_shared`` set."""
    if isinstance(view, SummaryView):
        return view.shared()
    return dataclasses.replace(view, reconstructed_shared=True)


def digest(*parts: object) -> str:
    return hashlib.sha256(repr(parts).encode("utf-8", "surrogatepass")).hexdigest()


class KeptViews:
    """``view(key_parts, make)``: the view under the hash of ``key_parts`` from
    ``store``, else ``make()`` (put in ``store``); either carries that hash as its
    ``key``, which the pages' keys read instead of hashing the whole view."""

    def __init__(self, store: ViewStore | None):
        self.store = store

    def view(
        self, document: str, procedure: str, parts: tuple, make
    ) -> ProcedureView | SummaryView:
        if self.store is None:
            return make()
        key = digest("view", self.store.source(document, procedure), *parts)
        body = self.store.get(key)
        if body is not None:
            try:
                entry = json.loads(body)
                if type(entry) is not dict or len(entry) != 1 or TOP not in entry:
                    raise ValueError("not a procedure's view")
                return SummaryView(entry[TOP], key, make)
            except (ValueError, TypeError, KeyError, RecursionError):  # foreign: made again
                pass
        view = make()
        self.store.put(key, dumps(view))
        return dataclasses.replace(view, key=key)
