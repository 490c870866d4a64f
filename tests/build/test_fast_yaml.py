"""The YAML fast path (libyaml's parser under the guarded Python composer) reads every
text as the Python parser does: the same data, positions and diagnostics.

Cheap: the repository's own YAML files, then seeded mutations of the seed's files
(SOPGEN_YAML_EXAMPLES mutations, default 200; SOPGEN_YAML_SEED to explore, default 1).
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from sopgen.load import yamlsource
from sopgen.load.yamlguard import FastGuardedLoader

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = int(os.environ.get("SOPGEN_YAML_EXAMPLES", "200"))
SEED = int(os.environ.get("SOPGEN_YAML_SEED", "1"))
ALPHABET = list("??: -[]{},#&*!|>'\"\n  \t%@`\\x\u00e9\u2028\x85\r")

pytestmark = pytest.mark.skipif(FastGuardedLoader is None, reason="PyYAML without libyaml")


def _both(text: str, monkeypatch) -> tuple:
    def parsed():
        data, source, found = yamlsource.parse_yaml("f.yaml", text)
        return repr(data), source.values, source.keys, found

    fast = parsed()
    with monkeypatch.context() as m:
        m.setattr(yamlsource, "_fast", lambda text: False)
        slow = parsed()
    return fast, slow


def _texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "data").rglob("*.yaml"))]


def test_the_fast_path_is_taken_for_ordinary_files():
    assert all(yamlsource._fast(text) for text in _texts())


@pytest.mark.parametrize(
    "text",
    [
        "a: [b?c]\n",  # PyYAML ends a plain value at '?' in a flow collection
        "a: b\tc\n",
        "a: [b\u2028c]\n",
        "a: &x [*x]\n",  # the guards refuse it on the fast path too
        "a: " + "[" * 60 + "]" * 60 + "\n",
        "k: v\nk: w\n",
        "",
    ],
)
def test_the_same_result_either_way(text, monkeypatch):
    fast, slow = _both(text, monkeypatch)
    assert fast == slow


def test_mutated_files_read_the_same_either_way(monkeypatch):
    rng = random.Random(SEED)
    texts = _texts()
    for _ in range(EXAMPLES):
        chars = list(rng.choice(texts))
        for _ in range(rng.randint(1, 4)):
            at = rng.randrange(len(chars))
            if (op := rng.random()) < 0.4:
                chars.insert(at, rng.choice(ALPHABET))
            elif op < 0.7:
                del chars[at]
            else:
                chars[at] = rng.choice(ALPHABET)
        text = "".join(chars)
        fast, slow = _both(text, monkeypatch)
        assert fast == slow, text
