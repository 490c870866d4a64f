"""Every link of every page of the handbook leads somewhere inside it: pages, anchors,
assets and the PDFs it carries (html/pdf/), so the folder works on its own, from
file://, from any static server and under `sopgen serve`."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.html.support import html_pages, scan

OUTSIDE = ("http:", "https:", "mailto:", "tel:")  # allowed only in the data's own Markdown


@pytest.fixture
def full_site(real_site):
    return real_site[0] / "html"


def _ids(path: Path, cache: dict[Path, set[str]]) -> set[str]:
    if path not in cache:
        cache[path] = {a["id"] for _, a in scan(path).tags if a.get("id")}
    return cache[path]


def walk(site: Path) -> tuple[int, list[str]]:
    """(links followed, problems) over every href/src of every page."""
    problems, followed, ids = [], 0, {}
    site = site.resolve()
    for page in html_pages(site):
        for tag, attrs in scan(page).tags:
            for name in ("href", "src"):
                url = attrs.get(name)
                if url is None or tag == "base":
                    continue
                where = f"{page.relative_to(site)}: <{tag} {name}={url!r}>"
                if url.startswith(OUTSIDE) and tag == "a":
                    continue
                parts = urlsplit(url)
                if parts.scheme or parts.netloc:
                    problems.append(f"{where} leaves the handbook")
                    continue
                target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
                followed += 1
                if not target.is_relative_to(site):
                    problems.append(f"{where} points outside the handbook folder")
                elif not target.is_file():
                    problems.append(f"{where} points at a missing file")
                elif parts.fragment and target.suffix == ".html":
                    if unquote(parts.fragment) not in _ids(target, ids):
                        problems.append(f"{where}: no element with that id")
    return followed, problems


def test_every_link_of_every_page_works(full_site):
    followed, problems = walk(full_site)
    assert followed > 500
    assert not problems, "\n".join(problems)


def test_the_handbook_carries_its_pdfs(full_site):
    pdfs = sorted(p.name for p in (full_site / "pdf").glob("*.pdf"))
    assert "sekretariat.pdf" in pdfs and "lakip.pdf" in pdfs and len(pdfs) == 7
    for name in pdfs:
        assert (full_site / "pdf" / name).read_bytes().startswith(b"%PDF-")
    links = [a.get("href") for _, a in scan(full_site / "prosedur" / "lakip.html").tags]
    assert "../pdf/lakip.pdf" in links  # from html/prosedur/: html/pdf/, inside the folder
    links = [a.get("href") for _, a in scan(full_site / "index.html").tags]
    assert "pdf/sekretariat.pdf" in links


def test_sample_and_hostile_sites_have_no_broken_link(site, hostile_site):
    for built in (site, hostile_site):
        _, problems = walk(built)
        assert not problems, "\n".join(problems)


def test_any_static_server_serves_the_links(full_site):
    """The folder as any web server would serve it (here Python's own): pages, search
    index, library and PDFs all answer."""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
    from urllib.request import urlopen

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(full_site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/prosedur/"
        for link in (
            "lakip.html",
            "../pdf/lakip.pdf",
            "../search-index.js",
            "../assets/minisearch.js",
            "../cari.html",
            "../assets/favicon.svg",
        ):
            with urlopen(base + link, timeout=5) as response:
                assert response.status == 200, link
                assert response.read(), link
    finally:
        server.shutdown()
        server.server_close()
