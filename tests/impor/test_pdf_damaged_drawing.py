"""A damaged drawing never breaks the import: whatever is left of an SOP's lines, boxes and
words, ``sopgen impor`` either says in Indonesian why it cannot read the file or writes a
folder that passes ``sopgen check``, the uncertain places marked.

Real files lose pieces: a ruling not printed, an arrow drawn in a colour the producer
dropped, a word in an embedded font without a text map. Each example draws an SOP
(pdf_draw.py), then removes a random share of its lines and shapes (and a quarter of that
share of its words) and moves some words before the reader sees them. A fixed seed keeps
the examples the same on every run; SOPGEN_DAMAGE_EXAMPLES (e.g. 200) explores more.
"""

from __future__ import annotations

import os
import random
from dataclasses import replace

import pytest
from pdf_draw import Style, draw, rows_per_page
from test_pdf_variants import JOBS, procedure

import sopgen.impor.pdf as pdf_module
from sopgen.build import read_data
from sopgen.impor.pdf_source import read_pages
from sopgen.impor.run import import_one

EXAMPLES = int(os.environ.get("SOPGEN_DAMAGE_EXAMPLES", "6"))


def _damage(pages, rng: random.Random, share: float):
    out = []
    for page in pages:

        def keep(items):
            return [x for x in items if rng.random() > share]

        words = []
        for w in page.words:
            if rng.random() < share / 4:  # text is lost far less often than lines
                continue
            if rng.random() < share / 2:  # moved a little, as a misplaced text run
                dx, dy = rng.uniform(-6, 6), rng.uniform(-4, 4)
                w = replace(w, x0=w.x0 + dx, x1=w.x1 + dx, top=w.top + dy, bottom=w.bottom + dy)
            words.append(w)
        out.append(
            replace(
                page,
                words=words,
                lines=keep(page.lines),
                rects=keep(page.rects),
                curves=keep(page.curves),
            )
        )
    return out


@pytest.mark.parametrize("seed", range(EXAMPLES))
def test_damaged_drawing_is_reported_or_imported_whole(tmp_path, monkeypatch, seed):
    rng = random.Random(seed)
    n_exec = rng.randint(2, 6)
    style = Style(
        executors=tuple(JOBS[:n_exec]),
        page=rng.choice(["A4-landscape", "A4-portrait"]),
        rows_per_page=rng.randint(4, 8),
        repeat_header=rng.random() < 0.5,
        connectors=rng.choice(["band", "outside"]),
        identity=None if rng.random() < 0.3 else Style().identity,
    )
    steps = procedure(rng, n_exec, rng.randint(3, 12), rows_per_page(style), "plain")
    path = tmp_path / "rusak.pdf"
    draw(path, steps, style)
    share = rng.choice([0.05, 0.15, 0.3, 0.6])
    damaged = _damage(read_pages(path), rng, share)
    monkeypatch.setattr(pdf_module, "read_pages", lambda _path: damaged)

    outcome = import_one(path, tmp_path / "hasil", overwrite=False)
    if outcome.error is not None:
        assert "laporkan" not in outcome.error, outcome.error  # a reader bug, not the file
        assert not (tmp_path / "hasil").exists()
        return
    _, diagnostics = read_data(outcome.written.folder)
    assert [d.format() for d in diagnostics if d.is_error] == []
