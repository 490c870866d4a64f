"""The search library travels with the handbook: MiniSearch, the version package.json
pins, with its licence, committed under templates/assets/ (users need no npm)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sopgen.render.html.site import STATIC_FILES, templates_dir

ROOT = Path(__file__).resolve().parents[2]
ASSETS = templates_dir() / "assets"


def test_minisearch_is_vendored_with_its_licence_at_the_pinned_version():
    pinned = json.loads((ROOT / "package.json").read_text())["devDependencies"]["minisearch"]
    assert pinned[0].isdigit(), "pin an exact version, e.g. 7.2.0"
    lock = json.loads((ROOT / "package-lock.json").read_text())
    assert lock["packages"]["node_modules/minisearch"]["version"] == pinned
    assert "minisearch.js" in STATIC_FILES and "minisearch-LICENSE.txt" in STATIC_FILES
    licence = (ASSETS / "minisearch-LICENSE.txt").read_text(encoding="utf-8")
    assert "Luca Ongaro" in licence and "Permission is hereby granted" in licence
    assert "global.MiniSearch = factory()" in (ASSETS / "minisearch.js").read_text()


def test_the_vendored_copy_is_the_npm_package():
    installed = ROOT / "node_modules" / "minisearch"
    if not installed.is_dir():
        pytest.skip("node_modules/minisearch is not installed (npm ci)")
    pinned = json.loads((ROOT / "package.json").read_text())["devDependencies"]["minisearch"]
    assert json.loads((installed / "package.json").read_text())["version"] == pinned
    vendored = (ASSETS / "minisearch.js").read_bytes()
    assert vendored == (installed / "dist" / "umd" / "index.js").read_bytes(), (
        "templates/assets/minisearch.js differs from the npm package: copy "
        "node_modules/minisearch/dist/umd/index.js over it"
    )
