"""Browser tests of the handbook: Playwright driving Debian's chromium, axe-core, the Nu
validator. A missing prerequisite fails with a clear message; set SOPGEN_SKIP_BROWSER=1
to skip these tests instead (e.g. on a laptop without chromium)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from sopgen.build import build_handbook, load_data
from sopgen.render.html.site import build_site
from tests.html.support import contoh_layouts, contoh_projects, hostile_projects

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("SOPGEN_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
SKIP = os.environ.get("SOPGEN_SKIP_BROWSER") == "1"


def require(ok: bool, message: str) -> None:
    """Fail loudly when a prerequisite is missing, unless SOPGEN_SKIP_BROWSER=1."""
    if ok:
        return
    if SKIP:
        pytest.skip(message)
    pytest.fail(f"{message}\n(set SOPGEN_SKIP_BROWSER=1 to skip the browser tests)", pytrace=False)


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in item.nodeid:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="package")
def browser():
    """One chromium for this package's tests, closed when they are done: Playwright's
    sync API cannot run twice at once, and other packages start their own."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require(False, "Playwright for Python is not installed: .venv/bin/pip install playwright")
    require(CHROMIUM.is_file(), f"chromium not found at {CHROMIUM}: apt-get install -y chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="id-ID")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("dialog", lambda dialog: errors.append(f"dialog: {dialog.message}"))
    page.js_errors = errors
    yield page
    context.close()
    assert not errors, f"JavaScript errors or dialogs: {errors}"


@pytest.fixture(scope="session")
def handbook(tmp_path_factory):
    """The real data (data/) built with the real layout, as `make html` does."""
    out = tmp_path_factory.mktemp("handbook")
    projects = load_data(ROOT / "data")
    build_handbook(projects, out)
    return out / "html", projects


@pytest.fixture(scope="session")
def contoh_site(tmp_path_factory):
    """The sample document (a decision, a joint step, a page break), hand-made geometry."""
    out = tmp_path_factory.mktemp("contoh-browser")
    projects = contoh_projects()
    build_site(projects, out, layouts=contoh_layouts(projects))
    return out / "html"


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("hostile-browser")
    projects = hostile_projects()
    build_site(projects, out, layouts=contoh_layouts(projects))
    return out / "html"


@pytest.fixture(scope="session")
def axe_script() -> Path:
    require(
        AXE.is_file(),
        f"axe-core not found at {AXE}: run 'npm ci' (or 'npm install --no-save axe-core')",
    )
    return AXE


@pytest.fixture(scope="session")
def vnu() -> list[str]:
    java = shutil.which("java")
    require(java is not None, "java not found: apt-get install -y default-jre-headless")
    require(VNU.is_file(), f"the Nu validator not found at {VNU}: run 'npm ci'")
    return [java, "-jar", str(VNU)]
