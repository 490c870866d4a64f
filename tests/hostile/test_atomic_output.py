"""Output is replaced whole or not at all: a build killed midway (``kill -9``) leaves the
previous PDFs untouched, and the next run cleans what it left behind."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sopgen.build.cache import FOLDER as CACHE
from sopgen.files import OutsideError, clean_leftovers, staged_folder, write_atomic

MINI = Path(__file__).resolve().parent.parent / "fixtures" / "mini"

# Runs `sopgen pdf d out` with every PDF write followed by a long pause, so that the
# test can kill it for sure after the first file of the run is written.
SLOW_PDF = """
import sys, time
import sopgen.build.jobs as jobs
write = jobs.write_pdf
def slow(*args, **kwargs):
    write(*args, **kwargs)
    time.sleep(120)
jobs.write_pdf = slow
from sopgen.cli import main
sys.argv = ["sopgen", "pdf", "d", "out", "-q"]
main()
"""


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and CACHE not in p.parts
    }


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_kill_9_during_pdf_keeps_the_old_pdfs_and_the_next_run_cleans_up(
    tmp_path, cli, monkeypatch
):
    shutil.copytree(MINI, tmp_path / "d")
    monkeypatch.chdir(tmp_path)
    assert cli("pdf", "d", "out", "-q").exit_code == 0
    (tmp_path / "out" / "pdf" / "old-only.pdf").write_bytes(b"%PDF old")
    before = _tree(tmp_path / "out")
    # a changed step, so that the run being killed writes different PDFs
    path = tmp_path / "d" / "layanan.yaml"
    path.write_text(path.read_text("utf-8").replace("Notula", "Notula baru"), "utf-8")

    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    child = subprocess.Popen([sys.executable, "-c", SLOW_PDF], cwd=tmp_path, env=env)
    try:
        deadline = time.monotonic() + 120  # a guard against a hang, not a pass condition
        staged: list[Path] = []
        while not staged and child.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
            staged = [p for p in (tmp_path / "out").glob(".pdf.sopgen-baru-*/*.pdf")]
        assert staged, "the build never wrote its first PDF"
        child.send_signal(signal.SIGKILL)
        child.wait()
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()

    assert _tree(tmp_path / "out" / "pdf") == {
        k.removeprefix("pdf/"): v for k, v in before.items()
    }  # the old PDFs, all of them, unchanged
    leftovers = [
        p.name for p in (tmp_path / "out").iterdir() if p.name.startswith(".") and p.name != CACHE
    ]
    assert leftovers == [f".pdf.sopgen-baru-{child.pid}"]

    result = cli("pdf", "d", "out", "-q")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [CACHE, "pdf"]
    assert sorted(p.name for p in (tmp_path / "out" / "pdf").iterdir()) == [
        "d.pdf",
        "layanan.pdf",
    ]  # a whole new folder: the stray old-only.pdf is gone too


def test_a_failed_block_leaves_the_target_as_it_was(tmp_path):
    target = tmp_path / "out" / "pdf"
    target.mkdir(parents=True)
    (target / "a.pdf").write_bytes(b"old")
    with pytest.raises(KeyboardInterrupt):
        with staged_folder(target, root=tmp_path / "out") as folder:
            (folder / "a.pdf").write_bytes(b"new")
            raise KeyboardInterrupt
    assert _tree(target) == {"a.pdf": b"old"}
    assert sorted(p.name for p in target.parent.iterdir()) == ["pdf"]


def test_a_finished_block_replaces_the_target_whole(tmp_path):
    target = tmp_path / "out" / "pdf"
    target.mkdir(parents=True)
    (target / "gone.pdf").write_bytes(b"old")
    with staged_folder(target) as folder:
        assert folder.name == f".pdf.sopgen-baru-{os.getpid()}"
        assert not any(folder.iterdir())
        (folder / "a.pdf").write_bytes(b"new")
        assert _tree(target) == {"gone.pdf": b"old"}  # not visible before the end
    assert _tree(target) == {"a.pdf": b"new"}
    assert sorted(p.name for p in target.parent.iterdir()) == ["pdf"]


def test_leftovers_of_dead_processes_are_cleaned_and_a_moved_folder_put_back(tmp_path):
    dead = _dead_pid()
    out = tmp_path / "out"
    (out / f".pdf.sopgen-baru-{dead}").mkdir(parents=True)
    (out / f".html.sopgen-lama-{dead}").mkdir()  # moved aside, never replaced
    (out / f".html.sopgen-lama-{dead}" / "index.html").write_text("old")
    (out / f".x.pdf.sopgen-{dead}-abc123.tmp").write_bytes(b"half")
    (out / f".pdf.sopgen-baru-{os.getpid()}").mkdir()  # a build still running: kept
    (out / ".hidden-by-the-user").mkdir()  # not ours: kept
    clean_leftovers(out)
    assert sorted(p.name for p in out.iterdir()) == [
        ".hidden-by-the-user",
        f".pdf.sopgen-baru-{os.getpid()}",
        "html",
    ]
    assert (out / "html" / "index.html").read_text() == "old"


def test_writes_outside_their_root_are_refused(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "link").symlink_to(tmp_path)
    for target in (out / ".." / "x.pdf", tmp_path / "x.pdf", out / "link" / "x.pdf"):
        with pytest.raises(OutsideError):
            write_atomic(target, b"x", root=out)
        with pytest.raises(OutsideError):
            with staged_folder(target, root=out):
                pass
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    assert sorted(p.name for p in out.iterdir()) == ["link"]


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_build_cleans_what_other_killed_builds_left_beside_it(tmp_path):
    dead = _dead_pid()
    out = tmp_path / "out"
    (out / f".pdf-buku.sopgen-baru-{dead}").mkdir(parents=True)  # a killed `sopgen html`
    (out / f".index.html.sopgen-{dead}-x1.tmp").write_bytes(b"half")
    with staged_folder(out / "html", root=out) as folder:
        (folder / "index.html").write_text("baru")
    assert sorted(p.name for p in out.iterdir()) == ["html"]
