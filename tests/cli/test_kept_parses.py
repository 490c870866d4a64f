"""The build commands keep each YAML file's parse in OUTPUT/.sopgen-cache/yaml/: the next
build parses only the files that changed, a damaged entry is ignored, and
``--tanpa-cache`` neither reads nor writes them."""

from __future__ import annotations

from pathlib import Path

import pytest

from sopgen.load import yamlsource
from tests.conftest import edit


@pytest.fixture
def parsed(monkeypatch) -> list[str]:
    """The files parsed (not read from a kept parse), by name."""
    names: list[str] = []
    real = yamlsource._parse

    def parse(file, text):
        names.append(Path(file).name)
        return real(file, text)

    monkeypatch.setattr(yamlsource, "_parse", parse)
    return names


def _pdfs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((folder / "pdf").iterdir())}


def test_the_next_build_parses_only_the_edited_file(workdir, cli, parsed):
    every = sorted(p.name for p in (workdir / "data").rglob("*.yaml"))
    assert cli("pdf", "data", "output", "-j", "1").exit_code == 0
    assert sorted(parsed) == every
    assert len(list((workdir / "output/.sopgen-cache/yaml").iterdir())) == len(every)

    edit(
        workdir / "data/sekretariat/lakip.yaml",
        "- uraian: Menghimpun",
        "- uraian: Segera menghimpun",
    )
    parsed.clear()
    assert cli("pdf", "data", "output", "-j", "1").exit_code == 0
    assert parsed == ["lakip.yaml"]
    # the old parse of lakip.yaml is gone, the new one kept
    assert len(list((workdir / "output/.sopgen-cache/yaml").iterdir())) == len(every)

    assert cli("pdf", "data", "fresh", "-j", "1", "--tanpa-cache").exit_code == 0
    assert _pdfs(workdir / "output") == _pdfs(workdir / "fresh")
    assert not (workdir / "fresh/.sopgen-cache/yaml").exists()


def test_a_damaged_kept_parse_is_ignored_and_made_again(workdir, cli, parsed):
    assert cli("pdf", "data", "output", "-j", "1").exit_code == 0
    before = _pdfs(workdir / "output")
    entries = sorted((workdir / "output/.sopgen-cache/yaml").iterdir())
    for i, entry in enumerate(entries):
        body = entry.read_bytes()
        entry.write_bytes(body[: len(body) // 2] if i % 2 else body.replace(b"Dinas", b"Dines"))
    parsed.clear()
    assert cli("pdf", "data", "output", "-j", "1").exit_code == 0
    assert sorted(parsed) == sorted(p.name for p in (workdir / "data").rglob("*.yaml"))
    assert _pdfs(workdir / "output") == before
    parsed.clear()
    assert cli("pdf", "data", "output", "-j", "1").exit_code == 0
    assert parsed == []


def test_a_kept_parse_locates_messages_as_the_parsed_file_did(workdir, cli, parsed):
    first = cli("check", "data", "--tanpa-cache")  # parses every file
    assert cli("pdf", "data", "output", "-j", "1").exit_code == 0
    parsed.clear()
    strict = cli("pdf", "data", "output", "-j", "1", "--strict")
    assert parsed == []
    assert strict.exit_code == 1
    assert (
        "data/sekretariat/renstra.yaml:31:5: peringatan: langkah 1 tanpa Kelengkapan"
        in strict.output
    )
    lines = [line for line in first.output.splitlines() if ": peringatan: " in line]
    assert lines and all(line in strict.output for line in lines)
