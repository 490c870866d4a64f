"""Per-process memos with bounded memory, usable by every stage (like ``errors`` and
``files``).

A ``Memo`` is a dict whose values are pure functions of their keys (text wrapped at a
width, a measured height, a font subset), kept because a build asks for the same ones
again and again. When it holds ``limit`` entries it forgets them all and starts again:
a long preview session does not grow forever, and forgetting changes no result.

``long_lived()`` is for a stretch of a run that makes objects which live to its end (a
loaded catalog, the handbook's views of every procedure): Python's cyclic collector
would walk all of them again and again as they pile up (at 1000 procedures a third of
an edit's main process), so it runs less often meanwhile. Nothing changes but when
cycles are freed; a process forked meanwhile (a build's worker) collects as usual.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from typing import Any

_LONG_LIVED = (20_000, 20, 20)  # the default is (700, 10, 10)
_usual: list[tuple[int, int, int]] = []  # the thresholds to go back to, while paused


@contextmanager
def long_lived() -> Iterator[None]:
    if _usual:  # already inside one
        yield
        return
    _usual.append(gc.get_threshold())
    gc.set_threshold(*_LONG_LIVED)
    try:
        yield
    finally:
        if _usual:
            gc.set_threshold(*_usual.pop())


def _in_child() -> None:
    if _usual:
        gc.set_threshold(*_usual.pop())


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_in_child)


class Memo(dict):
    def __init__(self, limit: int):
        super().__init__()
        self.limit = limit

    def make_room(self, count: int = 1) -> None:
        """Forget everything when ``count`` more entries would not fit."""
        if len(self) + count > self.limit:
            self.clear()

    def remember(self, key: Hashable, make: Callable[[], Any]) -> Any:
        """The value kept for ``key``, made (and kept) on the first call."""
        if key in self:
            return self[key]
        self.make_room()
        value = self[key] = make()
        return value
