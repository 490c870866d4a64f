"""Shared fixtures: a scratch copy of the Trenggalek data to break on purpose."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SEED_TEXT = ROOT / "tests" / "fixtures" / "seed_trenggalek.txt"


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    """A copy of data/ in a temporary folder that is also the current directory,
    so messages show 'data/sekretariat/lakip.yaml' as a user would see them."""
    shutil.copytree(DATA, tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace text in a data file; fail loudly if the text is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


@pytest.fixture
def cli():
    from sopgen.cli import main

    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(main, list(args), catch_exceptions=False)

    return invoke


@pytest.fixture(autouse=True)
def _no_logged_warnings(caplog):
    """A test fails if anything logs a warning (WeasyPrint's @assert_no_logs, models.md)."""
    import logging

    yield
    logged = [
        f"{r.name}: {r.getMessage()}"
        for r in caplog.get_records("call")
        if r.levelno >= logging.WARNING
    ]
    assert not logged, logged
