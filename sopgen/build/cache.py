"""The build cache: each procedure's layouts and PDF, kept under the output folder.

``OUTPUT/.sopgen-cache/<kind>/<key>`` where the key is a SHA-256 over everything that
decides the entry (``keys.py``): the procedure's data, the document fields it prints,
the style, and sopgen's own files (code and fonts), so a changed style or a new version
misses every entry. An entry is one file: a header line
``sopgen-cache 1 <sha256 of the body>`` then the body (a layout as JSON, ``codec.py``,
the PDF's bytes, a handbook procedure page: ``render.html.pages``, a parsed YAML
file or a procedure's diagnostics: ``parsed.py``, or the binder's flowchart pages:
``stored.KeptPages``). A read checks the
header and the body's hash and returns None for anything else (damaged, foreign,
truncated): the caller rebuilds and overwrites it. The cache is never trusted to run
code: no pickle. An entry this process wrote, or an earlier build wrote or checked, is
not hashed again while its stamp (size, modification time, inode) is the one recorded
(``known.Stamps``, saved by ``save_stamps``): any change to the file changes its stamp.

``Cache(None)`` is the disabled cache (``--tanpa-cache``): every read misses, nothing is
written.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import time
from pathlib import Path

from sopgen import files
from sopgen.build.known import Stamps, stamp, stamp_of

FOLDER = ".sopgen-cache"
MAGIC = b"sopgen-cache 1 "
KINDS = ("layout", "screen", "pdf", "page", "yaml", "drawn", "check")
MAX_ENTRY = 256 * 2**20  # larger is not an entry this cache wrote


class Cache:
    def __init__(self, folder: Path | None):
        self.folder = Path(folder) if folder is not None else None
        self.used: set[tuple[str, str]] = set()
        self.opened = time.time_ns()  # entries modified since: written by this build

    @property
    def enabled(self) -> bool:
        return self.folder is not None

    def path(self, kind: str, key: str) -> Path:
        assert self.folder is not None and kind in KINDS
        return self.folder / kind / key

    def keep(self, kind: str, key: str) -> None:
        """Mark an entry as used by this build (``prune`` keeps it)."""
        self.used.add((kind, key))

    def has(self, kind: str, key: str) -> bool:
        """Whether an entry exists (it may still turn out damaged when read)."""
        return self.enabled and self.path(kind, key).is_file()

    def _stamps(self) -> Stamps:
        assert self.folder is not None
        return Stamps.for_folder(self.folder)

    def whole(self, kind: str, key: str) -> bool:
        """Whether an entry is there and whole: its stamp is the one recorded, else it
        is read and its hash checked (``get``)."""
        if not self.enabled:
            return False
        self.used.add((kind, key))
        if self._stamps().holds(f"{kind}/{key}", stamp(self.path(kind, key))):
            return True
        return self.get(kind, key) is not None

    def get(self, kind: str, key: str) -> bytes | None:
        if not self.enabled:
            return None
        self.used.add((kind, key))
        try:
            raw, info = files.read_with_stat(
                self.path(kind, key), root=self.folder, limit=MAX_ENTRY
            )
        except (OSError, files.OutsideError):  # missing, a link out, a FIFO, too big
            return None
        header, newline, body = raw.partition(b"\n")
        if not newline or not header.startswith(MAGIC):
            return None
        stamps, name, found = self._stamps(), f"{kind}/{key}", stamp_of(info)
        if stamps.holds(name, found):  # read before: unchanged since
            return body
        if header != MAGIC + _digest(body):
            return None
        stamps.note(name, found)
        return body

    def put(self, kind: str, key: str, body: bytes) -> None:
        """Store an entry; a cache that cannot be written is only a slower next build."""
        if not self.enabled:
            return
        self.used.add((kind, key))
        try:
            path = files.confined(self.folder, self.path(kind, key))
            _write(path, MAGIC + _digest(body) + b"\n" + body)
        except (OSError, files.OutsideError):
            return
        self._stamps().note(f"{kind}/{key}", stamp(path))

    def save_stamps(self) -> None:
        """Record the stamps of the entries known whole, for the next build: those this
        process wrote or checked, and those of this build's other processes (its workers,
        the binder's, which wrote them whole: temporary name + rename), found as the
        entries it used that were written since it opened the cache."""
        if not self.enabled or not self.folder.is_dir():  # type: ignore[union-attr]
            return
        stamps = self._stamps()
        for kind, key in self.used:
            name = f"{kind}/{key}"
            if name not in stamps.known:
                found = stamp(self.path(kind, key))
                if found is not None and found[1] >= self.opened:
                    stamps.note(name, found)
        stamps.save()

    def prune(self, kinds: tuple[str, ...]) -> int:
        """Remove the entries of ``kinds`` this build did not use (a later edit's old
        versions); return how many. Other kinds (another command's) are kept."""
        if not self.enabled:
            return 0
        removed = 0
        for kind in kinds:
            folder = self.folder / kind  # type: ignore[operator]
            if not folder.is_dir():
                continue
            for entry in folder.iterdir():
                if (kind, entry.name) in self.used or entry.name.startswith("."):
                    continue  # in use, or another build's entry being written
                try:
                    if entry.is_dir():
                        shutil.rmtree(entry)
                    else:
                        os.unlink(entry)
                    removed += 1
                except OSError:
                    pass
        return removed


def _write(path: Path, data: bytes) -> None:
    """Temporary file + rename, so two builds never interleave one entry. Not
    ``files.write_atomic``: its fsync, three per procedure, would cost seconds on a large
    catalog, and a torn entry fails its hash and is rebuilt anyway."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _digest(body: bytes) -> bytes:
    return hashlib.sha256(body).hexdigest().encode()
