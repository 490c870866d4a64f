"""The YAML parses of a data folder kept in the build cache (``load.parsed``).

``KeptParses(folder)`` is the ``load.parsed.ParseStore`` the build commands load with:
an entry is found by the SHA-256 of a file's text and sopgen's own files (a new parser
misses every entry), kept as the cache's other entries are (``cache.py``: a damaged or
foreign one is ignored). New entries are written by ``save()``, once the build
succeeded, which also removes the entries no file of this run asked for: loading alone
writes nothing, so a failed first build still leaves no output folder.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sopgen.build.cache import Cache
from sopgen.build.keys import package_fingerprint

KIND = "yaml"


class KeptParses:
    def __init__(self, folder: Path):
        self.cache = Cache(folder)
        self.pending: dict[str, bytes] = {}

    def _key(self, digest: str) -> str:
        return hashlib.sha256(f"{KIND} {package_fingerprint()} {digest}".encode()).hexdigest()

    def get(self, digest: str) -> bytes | None:
        return self.cache.get(KIND, self._key(digest))

    def put(self, digest: str, body: bytes) -> None:
        key = self._key(digest)
        self.cache.keep(KIND, key)
        self.pending[key] = body

    def save(self) -> None:
        """Write the new entries and remove the ones this run did not ask for."""
        for key, body in self.pending.items():
            self.cache.put(KIND, key, body)
        self.pending.clear()
        self.cache.prune((KIND,))
