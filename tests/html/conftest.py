from __future__ import annotations

from pathlib import Path

import pytest

from sopgen.build import build_handbook, load_data
from sopgen.render.html.site import build_site
from tests.html.support import contoh_layouts, contoh_projects, hostile_projects


@pytest.fixture(scope="session")
def contoh():
    return contoh_projects()


@pytest.fixture(scope="session")
def site(tmp_path_factory, contoh):
    """The sample document's handbook (hand-made geometry), built once."""
    out = tmp_path_factory.mktemp("contoh")
    build_site(contoh, out, layouts=contoh_layouts(contoh))
    return out / "html"


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory):
    projects = hostile_projects()
    out = tmp_path_factory.mktemp("hostile")
    build_site(projects, out, layouts=contoh_layouts(projects))
    return out / "html"


@pytest.fixture(scope="session")
def real_site(tmp_path_factory):
    """(output folder, projects): data/ as `sopgen html` builds it (real layout, PDFs)."""
    out = tmp_path_factory.mktemp("real")
    projects = load_data(Path(__file__).resolve().parents[2] / "data")
    build_handbook(projects, out)
    return out, projects
