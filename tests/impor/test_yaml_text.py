"""Every text the importer writes loads back as the same string, on one line.

Fixed examples (derandomize=True); explore more with SOPGEN_HYPOTHESIS_EXAMPLES=5000."""

from __future__ import annotations

import os

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from sopgen.impor.yaml_text import Text, scalar

EXAMPLES = int(os.environ.get("SOPGEN_HYPOTHESIS_EXAMPLES", "300"))


@settings(derandomize=True, max_examples=EXAMPLES, deadline=None)
@given(st.text())
def test_any_text_round_trips_on_one_line(value):
    written = scalar(value)
    assert "\n" not in written
    assert yaml.safe_load(f"kunci: {written}")["kunci"] == value


def test_words_yaml_would_read_as_something_else_stay_text():
    for value in [
        "yes",
        "No",
        "on",
        "null",
        "~",
        "1e3",
        "08",
        "2025-06-02",
        "- a",
        "#x",
        "a: b",
        "'",
        '"',
        "@x",
        "`x",
        "*x",
        "&x",
        "!x",
        "%x",
        "|",
        ">",
        "?",
        "",
    ]:
        assert yaml.safe_load(f"k: {scalar(value)}")["k"] == value


def test_impor_notes_are_listed_with_their_line():
    out = Text()
    out.add("judul: X")
    out.impor("kolom pelaksana tidak terbaca; " * 6, 2)
    out.key("pelaksana", ["A", "B"])
    lines = out.render().splitlines()
    ((line, _),) = out.places
    assert lines[line - 1].startswith("  # impor: kolom pelaksana")
    assert all(len(x) <= 100 for x in lines)
    assert yaml.safe_load(out.render()) == {"judul": "X", "pelaksana": ["A", "B"]}
