"""The preview's reload script in a real browser (Debian's chromium via Playwright): the
open page follows each save, shows a data error, and comes back when it is fixed.

Set SOPGEN_SKIP_BROWSER=1 to skip (as the other browser tests)."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from tests.conftest import edit
from tests.edit.test_serve import LAKIP, TITLE

CHROMIUM = Path(os.environ.get("SOPGEN_CHROMIUM", "/usr/bin/chromium"))
pytestmark = pytest.mark.browser


def missing(message: str):
    if os.environ.get("SOPGEN_SKIP_BROWSER") == "1":
        pytest.skip(message)
    pytest.fail(f"{message}\n(set SOPGEN_SKIP_BROWSER=1 to skip the browser tests)")


def in_browser(scenario) -> None:
    """Run ``scenario(page)`` in its own thread: the browser tests' session-wide Playwright
    (tests/browser) owns the main thread's event loop, and the sync API wants its own."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("Playwright for Python is not installed")
    if not CHROMIUM.is_file():
        missing(f"chromium not found at {CHROMIUM}")
    failures: list[BaseException] = []

    def run() -> None:
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(
                    executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"]
                )
                try:
                    page = browser.new_page()
                    errors: list[str] = []
                    page.on("pageerror", lambda exc: errors.append(str(exc)))
                    scenario(page)
                    assert not errors, errors
                finally:
                    browser.close()
        except BaseException as err:  # handed to the test's thread
            failures.append(err)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=300)
    assert not thread.is_alive(), "the browser did not finish"
    if failures:
        raise failures[0]


def test_the_open_page_follows_the_data(start):
    preview = start()

    def scenario(page) -> None:
        page.goto(preview.url + "prosedur/lakip.html")
        page.get_by_text(TITLE).first.wait_for(timeout=60_000)

        page.evaluate("window.scrollTo(0, 900)")
        edit(LAKIP, f"judul: {TITLE}", "judul: SOP PENYUSUNAN LAKIP (REVISI 1)")
        page.get_by_text("SOP PENYUSUNAN LAKIP (REVISI 1)").first.wait_for(timeout=60_000)
        # reloaded where the reader was
        page.wait_for_function("window.scrollY > 800", timeout=60_000)

        edit(LAKIP, "    pelaksana: Kepala Dinas\n", "    pelaksana: Kepala Dinsa\n")
        page.get_by_role("heading", name="Data SOP perlu diperbaiki").wait_for(timeout=60_000)
        banner = page.inner_text(".sopgen-banner")
        assert "pelaksana 'Kepala Dinsa' tidak ada di kolom pelaksana" in banner
        assert "pelaksana: Kepala Dinsa" in banner  # the YAML line itself
        assert page.get_by_text("SOP PENYUSUNAN LAKIP (REVISI 1)").first.is_visible()

        edit(LAKIP, "    pelaksana: Kepala Dinsa\n", "    pelaksana: Kepala Dinas\n")
        page.get_by_text("SOP PENYUSUNAN LAKIP (REVISI 1)").first.wait_for(timeout=60_000)
        assert page.url == preview.url + "prosedur/lakip.html"

    in_browser(scenario)
