"""Writing output files: whole or not at all."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

from sopgen.errors import SopgenError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder + os.replace,
    so a reader (or a crash) never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
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


def replace_folder(built: Path, final: Path, attempts: int = 20) -> None:
    """Put ``built`` in place of ``final`` with renames only (Windows too). A file being
    served may hold the folder for a moment on Windows: retry briefly."""
    for attempt in range(attempts):
        old = None
        try:
            if final.exists():
                old = final.with_name(f".{final.name}-lama-{os.getpid()}-{attempt}")
                os.replace(final, old)
            try:
                os.replace(built, final)
            except OSError:
                if old is not None:
                    os.replace(old, final)
                raise
        except PermissionError:
            if attempt == attempts - 1:
                raise SopgenError(
                    f"folder {final} sedang dipakai program lain; tutup program itu"
                ) from None
            time.sleep(0.05)
            continue
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        return
