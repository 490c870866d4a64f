"""What loading and checking a data folder made, kept in the build cache: the YAML
parses (``load.parsed``) and each procedure's diagnostics (``check.kept``).

``KeptParses(folder)`` is the ``load.parsed.ParseStore`` the build commands load with:
an entry is found by the SHA-256 of a file's text and sopgen's own files (a new parser
misses every entry). ``KeptChecks(folder)`` is the ``check.kept.CheckStore`` they check
with: an entry is found by a procedure's ``check.kept.procedure_key`` and sopgen's own
files (a changed rule misses every entry). Both are kept as the cache's other entries
are (``cache.py``: a damaged or foreign one is ignored). New entries are written by
``save()``, once the build succeeded, which also removes the entries of its kind no
file of this run asked for: loading and checking alone write nothing, so a failed
first build still leaves no output folder, and a run that stopped on an error keeps
no result of it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sopgen.build.cache import Cache
from sopgen.build.keys import package_fingerprint


class _Kept:
    KIND = ""

    def __init__(self, folder: Path):
        self.cache = Cache(folder)
        self.pending: dict[str, bytes] = {}

    def _key(self, digest: str) -> str:
        return hashlib.sha256(f"{self.KIND} {package_fingerprint()} {digest}".encode()).hexdigest()

    def get(self, digest: str) -> bytes | None:
        return self.cache.get(self.KIND, self._key(digest))

    def put(self, digest: str, body: bytes) -> None:
        key = self._key(digest)
        self.cache.keep(self.KIND, key)
        self.pending[key] = body

    def save(self) -> None:
        """Write the new entries and remove the ones this run did not ask for."""
        for key, body in self.pending.items():
            self.cache.put(self.KIND, key, body)
        self.pending.clear()
        self.cache.prune((self.KIND,))


class KeptParses(_Kept):
    KIND = "yaml"


class KeptChecks(_Kept):
    KIND = "check"


class KeptLoad:
    """A run's kept parses and check results under one cache folder (one per run: each
    prunes by what the run asked for), saved together once the run succeeded."""

    def __init__(self, folder: Path):
        self.parsed = KeptParses(folder)
        self.checked = KeptChecks(folder)

    def save(self) -> None:
        self.parsed.save()
        self.checked.save()
