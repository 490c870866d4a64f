"""The flowchart pages a procedure's PDF drew are kept for the binder (build.jobs,
render.pdf.kept): a build from nothing reads the layout of no procedure whose pages
were kept, and its binder is the same bytes as drawn from the layouts."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sopgen.build import build, load_data, stored
from sopgen.build.cache import FOLDER
from sopgen.build.run import Options
from tests.build.test_build import FORMS, files


@pytest.fixture
def forms(tmp_path) -> Path:
    shutil.copytree(FORMS, tmp_path / "data" / "forms")
    return tmp_path / "data"


def test_the_binder_reads_no_layout_of_a_procedure_whose_pdf_drew_its_pages(
    forms, tmp_path, monkeypatch
):
    read: list = []
    get = stored.Stored.__getitem__

    def reading(self, key):
        read.append(key[1])
        return get(self, key)

    monkeypatch.setattr(stored.Stored, "__getitem__", reading)
    build(load_data(forms), tmp_path / "out", Options(jobs=1, html=False))
    # pengadaan's flowchart starts under its identity block in its own PDF: not kept
    assert read == ["pengadaan"]
    assert (tmp_path / "out" / FOLDER / "drawn").is_dir()
    build(load_data(forms), tmp_path / "plain", Options(jobs=1, html=False, cache=False))
    assert files(tmp_path / "out") == files(tmp_path / "plain")
