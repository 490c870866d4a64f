"""Files whose bytes a build knows without reading them again.

A file sopgen wrote (or read and checked against its hash) is recorded with its stamp:
size, modification time (nanoseconds) and inode number, as ``make``, ``rsync`` and
git's index recognise an unchanged file. While the stamp is the same, the file is the
one recorded: a file written again, truncated, replaced by another (a rename, a copy,
another build's entry) or moved in from elsewhere (a copied cache or output folder)
has another inode, size or modification time, and is read and checked in full again.
What a stamp cannot see, a change that keeps size, time and inode (someone setting the
time back by hand, a disk flipping bits in place), the hash did not guard against
either: a hash that holds only says the file is the one its header names, and anyone
who can write the cache can write a header. A file system without inode numbers (FAT)
reports 0: nothing on it is ever trusted by its stamp.

A file changed in place within the same tick of the file system's clock as it was
written (and to the same size) would keep its stamp. So, as git's index does with
"racily clean" entries, a stamp taken less than ``SLACK`` after the file's modification
time proves nothing: such a file is read and checked (its hash, or its bytes against
the cache entry) before it is trusted, and stamped again; its stamp then holds.

- ``Stamps``: a cache's entries (``cache.Cache``): ``OUTPUT/.sopgen-cache/stempel.json``.
- ``Previous``: the output files of the last build (``output/pdf/<id>.pdf`` and the
  handbook's procedure and executor pages), each with the cache key it was made for,
  so that the next build hard-links an unchanged one into its staged folder instead of
  reading its cache entry and writing it again (``files.link_new``; where links cannot
  be made, it is written as before). The record is written only after the new folders
  were swapped in, so it never names a file a failed build left.
"""

from __future__ import annotations

import json
import os
import stat
import time
from collections.abc import Callable
from pathlib import Path

Stamp = tuple[int, int, int]  # size, modification time in ns, inode
SLACK = 2_000_000_000  # ns: the coarsest clock of a file system with inodes (HFS+: 1 s)


def settled(found: Stamp, taken: int) -> bool:
    """Whether a stamp taken at ``taken`` (ns) can tell later changes: the file's time
    is older than one tick of any file system's clock."""
    return found[1] + SLACK <= taken


def stamp_of(info: os.stat_result) -> Stamp | None:
    if not stat.S_ISREG(info.st_mode) or not info.st_ino:
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ino)


def stamp(path: Path | str) -> Stamp | None:
    """The stamp of the regular file ``path`` (not followed if a link); None if none."""
    try:
        return stamp_of(os.lstat(path))
    except (OSError, ValueError):
        return None


def read_record(path: Path) -> dict:
    """A record written by ``write_record``; {} for a missing, damaged or foreign one."""
    try:
        with open(path, "rb") as stream:
            found = json.loads(stream.read())
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def write_record(path: Path, record: dict) -> None:
    """Temporary name + rename; a record that cannot be written is a slower next build."""
    import tempfile

    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            # one string (json's C encoder), not json.dump's pieces (its Python one)
            stream.write(json.dumps(record, separators=(",", ":"), sort_keys=True))
        os.replace(tmp, path)
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass


class Stamps:
    """Entry name -> stamp of a cache folder, as recorded by this process and earlier
    builds (``stempel.json``). One per folder and process (``for_folder``)."""

    FILE = "stempel.json"
    _open: dict[str, Stamps] = {}

    def __init__(self, folder: Path):
        self.folder = folder
        found = read_record(folder / self.FILE).get("entri", {})
        self.known: dict[str, Stamp] = {  # only the settled ones
            name: tuple(value[:3])  # type: ignore[misc]
            for name, value in (found.items() if isinstance(found, dict) else ())
            if isinstance(name, str)
            and isinstance(value, list)
            and len(value) == 4
            and all(type(v) is int for v in value)
            and settled(tuple(value[:3]), value[3])  # type: ignore[arg-type]
        }
        self.taken: dict[str, int] = {
            name: found[name][3] for name in self.known if isinstance(found, dict)
        }
        # since the last save: the entries whose stamp was found holding or taken (their
        # stamps are the files' as of this run), and whether the record changed
        self.seen: set[str] = set()
        self.changed = False

    @classmethod
    def for_folder(cls, folder: Path) -> Stamps:
        name = os.path.abspath(folder)
        if name not in cls._open:
            cls._open[name] = cls(Path(folder))
        return cls._open[name]

    def holds(self, name: str, found: Stamp | None) -> bool:
        if found is not None and self.known.get(name) == found:
            self.seen.add(name)
            return True
        return False

    def note(self, name: str, found: Stamp | None) -> None:
        """The entry ``name`` was just written or checked; its stamp is ``found``."""
        now = time.time_ns()
        if found is None or not settled(found, now):
            self.changed |= self.known.pop(name, None) is not None
            self.taken.pop(name, None)
        else:
            self.changed |= self.known.get(name) != found
            self.known[name], self.taken[name] = found, now
            self.seen.add(name)

    def save(self) -> None:
        """Write down the stamps, without those of entries removed or replaced since
        (looked at for the entries not seen in this run: the others' stamps are the
        files' as of this run, and a stamp recorded for a file replaced since only fails
        to match next time). Nothing is written when nothing changed."""
        seen, folder = self.seen, self.folder
        base = os.path.join(folder, "")  # a string: no Path made per entry
        kept = {
            name: value
            for name, value in self.known.items()
            if name in seen or stamp(base + name) == value
        }
        changed = self.changed or len(kept) != len(self.known)
        self.known, self.seen, self.changed = kept, set(), False
        self.taken = {name: self.taken[name] for name in kept}
        if changed:
            record = {name: [*value, self.taken[name]] for name, value in kept.items()}
            write_record(folder / self.FILE, {"entri": record})


class Previous:
    """The output files of the last build with the keys they were made for: ``link``
    puts an unchanged one into the folder being staged, ``wrote`` records a new one,
    ``save`` (after the swap) writes the record for the next build."""

    FILE = "keluaran.json"

    def __init__(self, output: Path, folder: Path | None):
        self.output, self.folder = Path(output), folder
        self.new: dict[str, list] = {}
        self.old: dict[str, list] = {}
        if folder is None:
            return
        found = read_record(folder / self.FILE)
        if found.get("keluaran") == os.path.abspath(self.output):
            files = found.get("berkas")
            self.old = files if isinstance(files, dict) else {}

    def link(
        self, name: str, key: str, target: Path, root: Path, body: Callable[[], bytes | None]
    ) -> bool:
        """Hard-link the last build's ``output/<name>`` to ``target`` (inside ``root``,
        the staged folder) if it was made for ``key`` and is unchanged since: its stamp
        holds and was settled, or else its bytes are ``body()`` (the cache entry)."""
        from sopgen import files

        old = self.old.get(name)
        if (
            self.folder is None
            or not isinstance(old, list)
            or len(old) != 5
            or old[0] != key
            or not all(type(v) is int for v in old[1:])
        ):
            return False
        source = self.output / name
        found = stamp(source)
        if found is None or found != tuple(old[1:4]):
            return False
        taken = old[4]
        if not settled(found, taken):  # written just before it was stamped: compare
            expected = body()
            try:
                same = expected is not None and files.read_bytes(source, self.output) == expected
            except files.OutsideError:
                same = False
            if not same or stamp(source) != found:
                return False
            taken = time.time_ns()
        if not files.link_new(source, target, root):
            return False
        self.new[name] = [key, *found, taken]
        return True

    def wrote(self, name: str, key: str) -> None:
        """``output/<name>`` is being written for ``key`` (stamped by ``save``)."""
        if self.folder is not None:
            self.new.setdefault(name, [key])

    def save(self) -> None:
        """Once the staged folders are in place: the record of their files."""
        if self.folder is None:
            return
        now, files = time.time_ns(), {}
        for name, entry in self.new.items():
            found = stamp(self.output / name)
            if found is None:
                continue
            if len(entry) == 1:  # written by this build
                files[name] = [entry[0], *found, now]
            elif tuple(entry[1:4]) == found:  # linked: as it was
                files[name] = entry
        record = {"keluaran": os.path.abspath(self.output), "berkas": files}
        write_record(self.folder / self.FILE, record)
