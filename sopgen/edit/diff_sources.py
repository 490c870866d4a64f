"""Where the two versions of `sopgen diff` come from: a data folder, or the data folder as
it was at a git revision (extracted into a temporary folder); loaded with their errors
named as the user knows the files ("HEAD~1:data/...")."""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from sopgen.errors import Diagnostic, InputError, SopgenError
from sopgen.model import Project


class DiffError(SopgenError):
    """A version that cannot be found (missing folder or revision, no git)."""


@dataclass(frozen=True)
class Side:
    label: str  # as the user named it: a folder or a git revision
    folder: Path  # the data folder to load
    shown: Callable[[str], str]  # a diagnostic's file as the user should read it


def _same(file: str) -> str:
    return file


@contextmanager
def sources(old: str, new: str, data: Path) -> Iterator[tuple[Side, Side]]:
    """Each of ``old``/``new``: an existing folder, else a git revision whose ``data``
    folder is extracted into a temporary folder (removed afterwards)."""
    with tempfile.TemporaryDirectory(prefix="sopgen-diff-") as temp:
        sides = []
        for number, name in enumerate((old, new)):
            if Path(name).is_dir():
                sides.append(Side(name, Path(name), _same))
            else:
                sides.append(git_side(name, Path(data), Path(temp) / str(number)))
        yield sides[0], sides[1]


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    git = shutil.which("git")
    if git is None:
        raise DiffError(
            "git tidak ditemukan, jadi revisi tidak dapat dibaca; pasang Git "
            "(https://git-scm.com), atau bandingkan dua folder: sopgen diff FOLDER_LAMA FOLDER_BARU"
        )
    return subprocess.run([git, *args], cwd=cwd, capture_output=True, check=False)


def git_side(revision: str, data: Path, into: Path) -> Side:
    """Extract ``data`` as it was at ``revision`` (git archive) into ``into``."""
    if not revision or revision.startswith("-"):
        raise DiffError(f"'{revision}' bukan folder dan bukan nama revisi git")
    here = Path.cwd()
    top = _git(["rev-parse", "--show-toplevel"], here)
    if top.returncode != 0:
        raise DiffError(
            f"'{revision}' bukan folder, dan folder ini bukan repositori git sehingga revisi "
            "tidak dapat dibaca; periksa nama folder, atau jalankan dari folder proyek"
        )
    root = Path(top.stdout.decode("utf-8", "replace").strip())
    if _git(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], here).returncode:
        raise DiffError(
            f"'{revision}' bukan folder dan bukan revisi git yang dikenal; contoh revisi: HEAD "
            "(versi terakhir yang disimpan), HEAD~1 (sebelumnya), nama tag atau cabang; "
            "lihat daftarnya dengan 'git log --oneline'"
        )
    relative = Path(os.path.relpath(data.resolve(), root.resolve()))
    if relative.parts and relative.parts[0] == "..":
        raise DiffError(f"folder data '{data}' ada di luar repositori git {root}")
    where = relative.as_posix()
    archive = _git(["archive", "--format=tar", revision, "--", where], root)
    if archive.returncode != 0:
        raise DiffError(f"folder '{where}' tidak ada pada revisi {revision}")
    into.mkdir(parents=True)
    with tarfile.open(fileobj=BytesIO(archive.stdout)) as tar:
        if hasattr(tarfile, "data_filter"):
            tar.extractall(into, filter="data")
        else:  # pragma: no cover - Python < 3.11.4
            tar.extractall(into)  # noqa: S202 (our own repository's archive)
    prefixes = [str(into.resolve()) + os.sep, str(into) + os.sep]
    try:
        prefixes.append(os.path.relpath(into.resolve(), Path.cwd().resolve()) + os.sep)
    except ValueError:  # another drive on Windows
        pass

    def shown(file: str) -> str:
        for prefix in prefixes:
            if file.startswith(prefix):
                return f"{revision}:" + file[len(prefix) :].replace(os.sep, "/")
        return file

    return Side(revision, into / relative, shown)


def load_side(side: Side) -> tuple[list[Project], list[Diagnostic]]:
    """The projects of one side and its errors, with files named as the user knows them."""
    from sopgen.build import read_data

    projects, diagnostics = read_data(side.folder)
    errors = [dataclasses.replace(d, file=side.shown(d.file)) for d in diagnostics if d.is_error]
    return projects, errors


def load_both(old: Side, new: Side) -> tuple[list[Project], list[Project]]:
    old_projects, old_errors = load_side(old)
    new_projects, new_errors = load_side(new)
    if old_errors or new_errors:
        raise InputError(old_errors + new_errors)
    return old_projects, new_projects
