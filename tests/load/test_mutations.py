"""Property: whatever an officer's editor does to a file, sopgen answers with messages,
never with a traceback, and every message points into a real line of a real file."""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sopgen.build import read_data

MINI = Path(__file__).resolve().parent.parent / "fixtures" / "mini"
FILES = ("dokumen.yaml", "layanan.yaml")
ORIGINALS = {name: (MINI / name).read_text(encoding="utf-8") for name in FILES}

# Edits an editor (or a tired officer) makes: stray characters, lost or doubled lines,
# tabs, broken quotes, values swapped for other kinds of value.
NOISE = st.sampled_from(
    ["\t", ":", " ", "-", '"', "'", "[", "]", "{", "}", "#", "\n", "*", "&a", "!!", "%", "ä", "0"]
)
VALUES = st.sampled_from(
    ["", "~", "[]", "{}", "0", "-1", "99", "true", "2016-13-40", "x: y", "[a, [b]]", "'5'"]
)


@st.composite
def mutated(draw):
    name = draw(st.sampled_from(FILES))
    lines = ORIGINALS[name].splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["insert", "delete", "duplicate", "value", "indent"]))
        line = lines[index]
        if action == "insert":
            at = draw(st.integers(0, len(line)))
            lines[index] = line[:at] + draw(NOISE) + line[at:]
        elif action == "delete" and len(lines) > 1:
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, line)
        elif action == "value" and ":" in line:
            key = line.split(":", 1)[0]
            lines[index] = f"{key}: {draw(VALUES)}\n"
        elif action == "indent":
            lines[index] = draw(st.sampled_from(["  ", "\t", " "])) + line
    return name, "".join(lines)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(mutated())
def test_mutated_files_give_messages_not_tracebacks(tmp_path_factory, mutation):
    name, text = mutation
    root = tmp_path_factory.mktemp("m") / "data"
    shutil.copytree(MINI, root / "mini")
    (root / "mini" / name).write_text(text, encoding="utf-8")

    projects, diagnostics = read_data(root)  # must not raise

    lines = {f: (root / "mini" / f).read_text(encoding="utf-8").count("\n") + 1 for f in FILES}
    for diagnostic in diagnostics:
        assert diagnostic.message and diagnostic.severity in ("galat", "peringatan")
        assert Path(diagnostic.file).name in FILES
        assert 1 <= diagnostic.line <= lines[Path(diagnostic.file).name]
        assert diagnostic.column >= 1
    if any(d.is_error for d in diagnostics):
        assert projects == []
