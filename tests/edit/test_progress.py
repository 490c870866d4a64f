"""progress(): plain numbered lines in a log, a bar on a terminal, nothing when quiet."""

from __future__ import annotations

import io
import sys
from types import SimpleNamespace

from sopgen.cli.progress import progress


class Stream(io.StringIO):
    def __init__(self, tty: bool):
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


ITEMS = [SimpleNamespace(id=name) for name in ("lakip", "renstra", "renja")]


def run(monkeypatch, tty: bool, quiet: bool = False):
    stream = Stream(tty)
    monkeypatch.setattr(sys, "stderr", stream)
    seen = [item.id for item in progress(ITEMS, "Membuat PDF", SimpleNamespace(quiet=quiet))]
    assert seen == ["lakip", "renstra", "renja"]
    return stream.getvalue()


def test_plain_lines_when_not_a_terminal(monkeypatch):
    assert run(monkeypatch, tty=False) == "[1/3] lakip\n[2/3] renstra\n[3/3] renja\n"


def test_bar_on_a_terminal(monkeypatch):
    shown = run(monkeypatch, tty=True)
    assert "Membuat PDF" in shown and "renja" in shown
    assert "[1/3]" not in shown


def test_nothing_when_quiet(monkeypatch):
    assert run(monkeypatch, tty=False, quiet=True) == ""
    assert run(monkeypatch, tty=True, quiet=True) == ""


def test_names_of_other_items(monkeypatch):
    stream = Stream(False)
    monkeypatch.setattr(sys, "stderr", stream)
    assert list(progress(["a", "b"], "x", SimpleNamespace(quiet=False))) == ["a", "b"]
    assert stream.getvalue() == "[1/2] a\n[2/2] b\n"
