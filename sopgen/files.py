"""The one gate for files: what sopgen reads stays inside the data folder, what it writes
stays inside the output folder, and output is written whole or not at all.

Reading: ``confined(root, path)`` refuses a path that is absolute elsewhere, climbs out
with ``..``, or lands outside ``root`` once symlinks are followed; ``read_bytes`` reads
only regular files of bounded size through it (a FIFO or a device would hang, a
folder or a symlink loop would raise). Writing: ``write_atomic`` (a file, temporary name
+ rename) and ``staged_folder`` (a whole folder built beside its target, then swapped
in) refuse targets outside their root; ``clean_leftovers`` removes what an interrupted
build (``kill -9``, power cut) left behind, and puts an old folder back if it was moved
aside but never replaced.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sopgen.errors import SopgenError

STAGED = ".sopgen-baru-"  # .<name>.sopgen-baru-<pid>: a folder being built
OLD = ".sopgen-lama-"  # .<name>.sopgen-lama-<pid>: the previous folder, during the swap
TEMP = ".sopgen-"  # .<name>.sopgen-<pid>-XXXX.tmp: a file being written
MAX_READ = 5 * 1024 * 1024  # a data file larger than this is not an SOP


class OutsideError(SopgenError):
    """A name that would read or write outside its folder, or a file that cannot be read
    (``message`` and ``hint`` in Indonesian, for a located diagnostic)."""

    def __init__(self, message: str, hint: str, outside: bool = False):
        super().__init__(f"{message}; {hint}")
        self.message, self.hint = message, hint
        self.outside = outside  # the path leads out of its folder (else: a bad name or file)

    def format_message(self) -> str:
        return f"{self.message}\n    cara memperbaiki: {self.hint}"


def _real(path: Path) -> Path:
    try:
        return Path(os.path.realpath(path, strict=False))
    except (OSError, RuntimeError, ValueError):  # a symlink loop, a NUL in the name
        raise OutsideError(
            f"'{path.name}' tidak dapat dibuka (tautan simbolik yang berputar atau nama tidak sah)",
            "ganti tautan itu dengan berkas biasa",
        ) from None


def confined(root: Path, path: str | os.PathLike) -> Path:
    """``path`` (relative to the current directory, or absolute, as built by joining a
    name to a folder) if it stays inside ``root``: lexically (no ``..`` climbing out, no
    absolute name elsewhere) and once symlinks are followed. Raises OutsideError."""
    root_text, text = os.fspath(root), os.fspath(path)
    if "\x00" in text:
        raise OutsideError(
            "nama berkas memuat karakter NUL (\\0)", "tulis nama berkas dengan huruf dan angka saja"
        )
    path = path if isinstance(path, Path) else Path(text)
    if not _lexically_under(os.path.abspath(text), os.path.abspath(root_text)):
        root = Path(root_text)
        raise OutsideError(
            f"'{_shown(path, root)}' berada di luar folder {root.name or root}",
            "letakkan berkasnya di dalam folder itu dan tulis jalurnya tanpa '..' atau '/' di awal",
            outside=True,
        )
    if not _plainly_below(root_text, text) and not _real(path).is_relative_to(
        _real(Path(root_text))
    ):
        root = Path(root_text)
        raise OutsideError(
            f"'{_shown(path, root)}' adalah tautan simbolik ke luar folder {root.name or root}",
            "salin berkasnya ke dalam folder itu, jangan ditautkan",
            outside=True,
        )
    return path


def _lexically_under(path: str, root: str) -> bool:
    """Whether the absolute, normalised ``path`` is ``root`` or lies below it."""
    path, root = os.path.normcase(path), os.path.normcase(root)
    return path == root or path.startswith(root if root.endswith(os.sep) else root + os.sep)


def _plainly_below(root: str, path: str) -> bool:
    """Whether ``path`` is ``root`` followed by names none of which is ``..`` or a
    symbolic link (each existing one checked with ``lstat``): then ``path`` resolves to
    ``root``'s own real folder followed by those names, inside it whatever ``root``
    itself resolves to, and ``realpath`` need not walk the whole of both. False (let
    ``realpath`` decide) for anything else, and always on Windows (junctions)."""
    if os.name == "nt":
        return False
    head = root if root.endswith(os.sep) else root + os.sep
    if not path.startswith(head):
        return False
    names = [name for name in path[len(head) :].split(os.sep) if name not in ("", ".")]
    if ".." in names:
        return False
    current = root
    for name in names:
        current = os.path.join(current, name)
        try:
            mode = os.lstat(current).st_mode
        except FileNotFoundError:  # nothing further exists: no link can lead out
            return True
        except (OSError, ValueError):
            return False
        if stat.S_ISLNK(mode):
            return False
    return True


def _shown(path: Path, root: Path) -> str:
    try:
        return Path(os.path.relpath(path, root)).as_posix()
    except ValueError:  # another drive on Windows
        return path.as_posix()


def read_bytes(path: Path, root: Path, limit: int = MAX_READ) -> bytes:
    """The bytes of the regular file ``path`` inside ``root`` (at most ``limit``);
    raises OutsideError with an Indonesian message otherwise (missing files too)."""
    return read_with_stat(path, root, limit)[0]


def read_with_stat(path: Path, root: Path, limit: int = MAX_READ) -> tuple[bytes, os.stat_result]:
    """``read_bytes`` and the file's ``os.fstat`` taken on the same open file."""
    path = confined(root, path)
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise OutsideError(
            f"berkas '{path.name}' tidak ditemukan", "periksa nama berkasnya"
        ) from None
    except IsADirectoryError:
        raise OutsideError(
            f"'{path.name}' adalah folder, bukan berkas", "ganti folder itu dengan berkasnya"
        ) from None
    except (OSError, RuntimeError) as exc:
        raise OutsideError(
            f"berkas '{path.name}' tidak dapat dibuka ({_reason(exc)})", _hint(exc)
        ) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise OutsideError(
                f"'{path.name}' adalah folder, bukan berkas", "ganti folder itu dengan berkasnya"
            )
        if not stat.S_ISREG(info.st_mode):
            raise OutsideError(
                f"'{path.name}' bukan berkas biasa (pipa, soket atau perangkat)",
                "ganti dengan berkas teks atau gambar biasa",
            )
        if info.st_size > limit:
            raise OutsideError(
                f"berkas '{path.name}' berukuran {_mb(info.st_size)} MB, lebih dari "
                f"{limit / 1024 / 1024:.0f} MB",
                "periksa apakah berkas yang benar yang dipakai; berkas SOP biasanya hanya "
                "beberapa KB",
            )
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        data = b"".join(chunks)
    except OSError as exc:
        raise OutsideError(
            f"berkas '{path.name}' tidak dapat dibaca ({_reason(exc)})", _hint(exc)
        ) from None
    finally:
        os.close(fd)
    if len(data) > limit:  # grew while read
        raise OutsideError(
            f"berkas '{path.name}' lebih dari {limit / 1024 / 1024:.0f} MB",
            "periksa apakah berkas yang benar yang dipakai",
        )
    return data, info


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}".replace(".", ",")


def _hint(exc: BaseException) -> str:
    if isinstance(exc, RuntimeError) or getattr(exc, "errno", None) == errno.ELOOP:
        return "ganti tautan simbolik itu dengan berkas biasa"
    if getattr(exc, "errno", None) in (errno.EACCES, errno.EPERM):
        return "periksa izin baca berkas itu"
    return "periksa berkas itu, atau salin ulang dari cadangannya"


_REASONS = {
    errno.ELOOP: "tautan simbolik yang berputar",
    errno.EACCES: "tidak ada izin baca",
    errno.EPERM: "tidak ada izin",
    errno.ENAMETOOLONG: "nama terlalu panjang",
    errno.ENOTDIR: "bagian jalurnya bukan folder",
    errno.EISDIR: "ini folder",
    errno.EIO: "kesalahan baca pada perangkat",
}


def _reason(exc: BaseException) -> str:
    """An OSError in Indonesian (the system's own words are often English)."""
    if isinstance(exc, RuntimeError):  # pathlib's symlink loop before Python 3.13
        return _REASONS[errno.ELOOP]
    return _REASONS.get(
        getattr(exc, "errno", None), getattr(exc, "strerror", None) or "kesalahan sistem berkas"
    )


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _within(root: Path | None, path: Path) -> Path:
    """``path`` if it lies inside ``root`` (or no root is given); raises OutsideError."""
    if root is None:
        return Path(path)
    return confined(root, path)


def write_atomic(
    path: Path, data: bytes, root: Path | None = None, *, make_folders: bool = True
) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder + os.replace,
    so a reader (or a crash) never sees half a file. With ``root``, refuse a ``path``
    outside it (OutsideError). Creates the missing folders up to ``path`` unless
    ``make_folders`` is false (then a missing folder is an OSError)."""
    path = _within(root, Path(path))
    if make_folders:
        path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}{TEMP}{os.getpid()}-", suffix=".tmp"
    )
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; a PDF is for sharing
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def write_new(path: Path, data: bytes, root: Path) -> None:
    """Write a file inside ``root``, a folder being staged (nobody reads it before the
    swap, so no temporary name is needed); refuses a ``path`` outside it."""
    path = confined(root, path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as stream:
        stream.write(data)


def link_new(source: Path, path: Path, root: Path) -> bool:
    """Put a hard link to ``source`` at ``path`` inside ``root``, a folder being staged
    (as ``write_new``); False where links cannot be made (another file system, FAT, a
    share that refuses them): the caller then writes the file."""
    path = confined(root, path)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, path)
    except (OSError, NotImplementedError):
        return False
    return True


def replace_folder(built: Path, final: Path, attempts: int = 20) -> None:
    """Put ``built`` in place of ``final`` with renames only (Windows too). A file being
    served may hold the folder for a moment on Windows: retry briefly. The old folder
    waits as ``.<name>.sopgen-lama-<pid>`` until the swap is done (``clean_leftovers``
    puts it back should the process die in between)."""
    old = final.with_name(f".{final.name}{OLD}{os.getpid()}")
    for attempt in range(attempts):
        moved = False
        try:
            if old.exists():
                shutil.rmtree(old)
            if final.exists():
                os.replace(final, old)
                moved = True
            try:
                os.replace(built, final)
            except OSError:
                if moved:
                    os.replace(old, final)
                raise
        except PermissionError:
            if attempt == attempts - 1:
                raise SopgenError(
                    f"folder {final} sedang dipakai program lain; tutup program itu"
                ) from None
            time.sleep(0.05)
            continue
        if moved:
            shutil.rmtree(old, ignore_errors=True)
        return


@contextmanager
def staged_folder(target: Path, root: Path | None = None) -> Iterator[Path]:
    """Build a folder beside ``target`` and swap it in whole when the block ends without
    an exception; on an exception (or Ctrl+C) it is removed and ``target`` stays as it
    was. Yields the folder to write into (``.<name>.sopgen-baru-<pid>``, empty). With
    ``root``, ``target`` must lie inside it. Leftovers of earlier interrupted builds in
    the same folder are cleaned first."""
    target = _within(root, Path(target))
    refuse_data_folder(target)
    created = _make_parents(target.parent)
    clean_leftovers(target.parent)  # of any target: every build of this output cleans up
    staged = target.with_name(f".{target.name}{STAGED}{os.getpid()}")
    if staged.exists():
        shutil.rmtree(staged)
    try:
        staged.mkdir()
        yield staged
        replace_folder(staged, target)
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        for folder in created:  # a failed build leaves no new empty output folder either
            try:
                folder.rmdir()
            except OSError:
                break
        raise


def refuse_data_folder(target: Path) -> None:
    """Raise OutsideError when the folder an output would replace holds YAML files: an
    output folder never does, so it is data (``sopgen pdf pdf .`` names the data folder
    'pdf' as the output's pdf/) and must not be swapped away."""
    if not target.is_dir() or target.is_symlink():
        return
    for path in target.rglob("*"):
        if path.suffix.lower() in (".yaml", ".yml"):
            raise OutsideError(
                f"folder '{target.as_posix()}' berisi berkas data "
                f"'{path.relative_to(target).as_posix()}'; keluaran tidak akan menimpanya",
                "pilih folder keluaran lain (mis. 'output') yang tidak memuat data SOP",
            )


def _make_parents(folder: Path) -> list[Path]:
    """Create ``folder`` and its missing parents; return those created, deepest first."""
    missing = []
    while not folder.exists() and folder.parent != folder:
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        path.mkdir(exist_ok=True)
    return missing


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if sys.platform == "win32":  # os.kill(pid, 0) would terminate the process there
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x00100000, False, pid)  # SYNCHRONIZE
        if not handle:
            return False
        try:
            return ctypes.windll.kernel32.WaitForSingleObject(handle, 0) == 0x102  # TIMEOUT
        finally:
            ctypes.windll.kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _leftover(name: str) -> tuple[str, str, int] | None:
    """(kind, target name, pid) of a leftover entry name, or None."""
    if not name.startswith("."):
        return None
    for mark, kind in ((STAGED, "baru"), (OLD, "lama")):
        head, sep, pid = name[1:].rpartition(mark)
        if sep and pid.isdigit():
            return kind, head, int(pid)
    if name.endswith(".tmp"):
        head, sep, rest = name[1:-4].rpartition(TEMP)
        pid = rest.split("-", 1)[0]
        if sep and pid.isdigit():
            return "tmp", head, int(pid)
    return None


def clean_leftovers(output: Path, only: str | None = None) -> list[Path]:
    """Remove from ``output`` what interrupted builds left (staged folders, temporary
    files) of processes no longer running; an old folder moved aside whose replacement
    never arrived is put back. ``only`` limits this to one target name. Returns what was
    removed or restored."""
    output = Path(output)
    done: list[Path] = []
    try:
        entries = sorted(output.iterdir())
    except OSError:
        return done
    for entry in entries:
        found = _leftover(entry.name)
        if found is None:
            continue
        kind, name, pid = found
        if (only is not None and name != only) or _pid_alive(pid):
            continue
        target = entry.with_name(name)
        try:
            if kind == "lama" and not target.exists():
                os.replace(entry, target)
            elif entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
        except OSError:
            continue
        done.append(entry)
    return done
