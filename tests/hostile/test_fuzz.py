"""Fuzzing the seed data: each run mutates one YAML file of data/ (a character deleted or
inserted, a line repeated, dropped, swapped or re-indented, a value replaced by a
hostile one) and runs ``check`` in-process. Whatever the mutation, ``check`` ends with
exit 0 or 1, never a traceback, and every error it reports is located.

Fixed seed by default; to explore:

    SOPGEN_FUZZ_RUNS=5000 SOPGEN_FUZZ_SEED=7 .venv/bin/python -m pytest tests/hostile/test_fuzz.py
"""

from __future__ import annotations

import os
import random
import re
import shutil
from pathlib import Path

from click.testing import CliRunner

from sopgen.cli import main

DATA = Path(__file__).resolve().parents[2] / "data"
RUNS = int(os.environ.get("SOPGEN_FUZZ_RUNS", "200"))
SEED = int(os.environ.get("SOPGEN_FUZZ_SEED", "13"))
LOCATED = re.compile(r"^\S+:\d+:\d+: kesalahan: .+$")
CHARACTERS = list(":-[]{}'\"&*!#%@`|>?,\t\n ") + ["\x00", "\u200b", "\u202e", "é", "\ufeff", "\r"]
VALUES = ["", "''", "~", "yes", "no", "-1", "0", "9" * 400, "[]", "{}", "&a x", "*a",
          "!!str x", "'", '"\\0"', '"\\ud800"', "[[[[", "2016-02-30", "*a **b* c**",
          "<script>x</script>", "- a", "a: b: c", "|\n  x", ">-", "|-", "1e400", ".inf", ".nan",
          "0x10", "0o7"]  # fmt: skip


def mutate(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    kind = rng.randrange(8)
    at = rng.randrange(len(lines))
    if kind == 0 and text:  # delete a character
        i = rng.randrange(len(text))
        return text[:i] + text[i + 1 :]
    if kind == 1:  # insert a character
        i = rng.randrange(len(text) + 1)
        return text[:i] + rng.choice(CHARACTERS) + text[i:]
    if kind == 2:  # repeat a line
        return "\n".join(lines[: at + 1] + lines[at:])
    if kind == 3:  # drop a line
        return "\n".join(lines[:at] + lines[at + 1 :])
    if kind == 4:  # swap two lines
        other = rng.randrange(len(lines))
        lines[at], lines[other] = lines[other], lines[at]
        return "\n".join(lines)
    if kind == 5:  # re-indent a line
        lines[at] = " " * rng.choice([0, 1, 2, 3, 4, 6, 8]) + lines[at].lstrip(" ")
        return "\n".join(lines)
    if kind == 6:  # replace a value
        candidates = [i for i, line in enumerate(lines) if ": " in line]
        if candidates:
            i = rng.choice(candidates)
            key = lines[i].split(": ", 1)[0]
            lines[i] = f"{key}: {rng.choice(VALUES)}"
        return "\n".join(lines)
    # kind 7: two mutations at once
    return mutate(mutate(text, rng), rng)


KEPT = ("lakip", "renja")  # two of the seed's procedures: cheap runs, still every shape


def _seed_copy(into: Path) -> Path:
    """data/ with two of its procedures (links to the others left as plain text)."""
    shutil.copytree(DATA, into)
    document = next(into.rglob("dokumen.yaml"))
    text = document.read_text(encoding="utf-8")
    listed = re.search(r"^prosedur: \[(.*)\]$", text, re.MULTILINE)
    assert listed, "the seed's dokumen.yaml lists its procedures on one line"
    for name in listed.group(1).split(", "):
        if name not in KEPT:
            (document.parent / f"{name}.yaml").unlink()
            text = text.replace(f"    prosedur: {name}\n", "")
    text = text.replace(listed.group(0), f"prosedur: [{', '.join(KEPT)}]")
    document.write_text(text, encoding="utf-8")
    return into


def test_mutated_seed_data_never_ends_in_a_traceback(tmp_path, monkeypatch):
    _seed_copy(tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    baseline = runner.invoke(main, ["check", "data", "-q"])
    assert baseline.exit_code == 0, baseline.output  # the mutations start from good data
    files = sorted((tmp_path / "data").rglob("*.yaml"))
    originals = {path: path.read_text(encoding="utf-8") for path in files}
    rng = random.Random(SEED)
    for run in range(RUNS):
        path = rng.choice(files)
        text = originals[path]
        for _ in range(rng.randint(1, 3)):
            text = mutate(text, rng)
        path.write_text(text, encoding="utf-8", newline="")
        result = runner.invoke(main, ["check", "data", "-q"], catch_exceptions=True)
        where = f"run {run} (SOPGEN_FUZZ_SEED={SEED}), {path.name}:\n{text}\n---\n{result.output}"
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            f"{where}\n{result.exception!r}"
        )
        assert result.exit_code in (0, 1), where
        assert "Traceback" not in result.output, where
        errors = [line for line in result.output.splitlines() if ": kesalahan: " in line]
        assert all(LOCATED.match(line) for line in errors), where
        path.write_text(originals[path], encoding="utf-8")
