"""Per-process memos with bounded memory, usable by every stage (like ``errors`` and
``files``).

A ``Memo`` is a dict whose values are pure functions of their keys (text wrapped at a
width, a measured height, a font subset), kept because a build asks for the same ones
again and again. When it holds ``limit`` entries it forgets them all and starts again:
a long preview session does not grow forever, and forgetting changes no result.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any


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
