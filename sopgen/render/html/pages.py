"""The handbook's procedure and executor pages, kept between builds.

A procedure page is most of the handbook (its flowcharts as SVG, its step table) and
changes only with what it shows. ``ProcedurePages`` gives each page from a ``PageStore``
(the build cache) when its key is there, else renders it, reading the procedure's
layouts only then. The key is a hash of everything the page shows: the templates, the
page's place (breadcrumb, previous/next), its procedure's view (without drawings), what
decides its drawings (``PageStore.drawing``: the layouts' cache keys) and the site around
it (``shell``). The page is rendered from exactly that shell, so a template reading
anything else of the site fails instead of showing something the key does not cover.
The procedure's share of the search index is kept beside it (``search``), keyed by its
view and drawings' key.

An executor's page (the steps one official does, across the procedures) is kept the same
way (``executor``): under a hash of the templates, the shell, its place and its view,
rendered from exactly those. An edit of a step renders again only the pages of the
executors of the procedures it changed.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import jinja2

from sopgen import files
from sopgen.render.common import make_style
from sopgen.render.html.context import with_figures
from sopgen.render.html.search import procedure_share
from sopgen.render.html.views import ExecutorView, ProcedureView, SiteContext


class PageStore(Protocol):
    """Where the build keeps procedure pages between builds (``sopgen.build``'s cache).

    ``drawing(document, procedure)`` names what decides the procedure's drawings (its
    layouts: the cache keys of its paged and continuous layout, which cover sopgen's own
    code and fonts); a page is stored under a hash of that, the templates, the page's
    place (breadcrumb, previous/next), its procedure's view and the navigation around it
    (``shell``), so a page is reused only when all of them are unchanged."""

    def get(self, key: str) -> bytes | None: ...

    def put(self, key: str, body: bytes) -> None: ...

    def drawing(self, document: str, procedure: str) -> str: ...

    def keep(self, key: str) -> None:
        """Mark a page put by another process as used by this build."""

    def link(self, key: str, name: str, target: Path) -> bool:
        """Put the last build's page ``name`` (relative to html/) into ``target`` (the
        folder being staged) when it was made for ``key`` and is unchanged since."""
        ...

    def wrote(self, key: str, name: str) -> None:
        """The page ``name`` (relative to html/) is in the staged folder, for ``key``."""
        ...

    def source(self, document: str, procedure: str) -> str:
        """What decides the procedure's data (``kept.ViewStore``): its views are kept
        in the same store."""
        ...


@dataclass(frozen=True)
class NavEntry:
    """A procedure as the navigation around every page shows it."""

    id: str
    judul: str
    nomor: str
    url: str


def shell(site: SiteContext) -> SiteContext:
    """What a procedure page may read of the site: its title and the documents with
    their procedures as navigation entries only (no other procedure's steps or
    drawings). Procedure pages are rendered from it, so that their cache key, which
    hashes it, covers everything they show."""
    documents = tuple(
        dataclasses.replace(
            doc, procedures=tuple(NavEntry(p.id, p.judul, p.nomor, p.url) for p in doc.procedures)
        )
        for doc in site.documents
    )
    return SiteContext(title=site.title, documents=documents, procedures=(), executors=())


class ProcedurePages:
    """Procedure pages with their drawings: from ``store`` when their key is there,
    else rendered (the layouts read only then) and put in it."""

    def __init__(self, projects, site: SiteContext, env, layouts, screens, measure, store):
        self.owner = {
            id(view): (project, proc)
            for doc, project in zip(site.documents, projects, strict=True)
            for view, proc in zip(doc.procedures, project.procedures, strict=True)
        }
        self.shell = shell(site)
        self.env = env
        self.template = env.get_template("prosedur.html")
        self.layouts, self.screens, self.measure, self.store = layouts, screens, measure, store
        # hashed once: the navigation of 1000 procedures is 150 000 characters, which
        # every page's key would otherwise write out and hash again
        self.stamp = self._key(templates_fingerprint(env), self.shell) if store is not None else ""
        # the drawings take their line and arrowhead sizes from the document's own style
        self.styles = {project.name: repr(make_style(project)) for project in projects}
        self.digests: dict[int, str] = {}  # id(view) -> its digest

    def _key(self, *parts: object) -> str:
        return hashlib.sha256(repr(parts).encode("utf-8", "surrogatepass")).hexdigest()

    def _view(self, view: ProcedureView) -> tuple[str, str]:
        """What decides the view's drawings, and a digest of the view (made once)."""
        project, proc = self.owner[id(view)]
        assert self.store is not None
        if id(view) not in self.digests:  # a kept view is known by its entry's key
            whole = ("kept", view.key, view.reconstructed_shared) if view.key else view
            self.digests[id(view)] = self._key(whole)
        drawing = (self.styles[project.name], self.store.drawing(project.name, proc.id))
        return repr(drawing), self.digests[id(view)]

    def search(self, view: ProcedureView) -> dict:
        """The procedure's share of the search index as ready text
        (``search.procedure_share``), kept in ``store`` beside its page."""
        if self.store is None:
            return procedure_share(view)
        key = self._key("search-text", *self._view(view))
        body = self.store.get(key)
        if body is not None:
            try:
                share = json.loads(body)
            except ValueError:  # a foreign entry whose hash holds: made again
                share = None
            if (
                isinstance(share, dict)
                and isinstance(share.get("d"), list)
                and share["d"]
                and all(isinstance(part, str) for part in share["d"])
                and isinstance(share.get("w"), dict)
                and isinstance(share.get("r"), list)
            ):
                return share
        share = procedure_share(view)
        self.store.put(key, json.dumps(share).encode())
        return share

    def write_executor(self, page, view: ExecutorView, target: Path) -> None:
        """An executor's page (``pelaksana.html``) into ``target``: the last build's file
        when unchanged (``store.link``), else from ``store`` when its key is there, else
        rendered."""
        key = None
        if self.store is not None:
            key = self._key(self.stamp, "pelaksana", page, view)
            self.store.wrote(key, page.path)
            if self.store.link(key, page.path, target):
                return
            if (body := self.store.get(key)) is not None:
                files.write_new(target / page.path, body, target)
                return
        template = self.env.get_template("pelaksana.html")
        body = template.render(site=self.shell, page=page, executor=view).encode("utf-8")
        if self.store is not None and key is not None:
            self.store.put(key, body)
        files.write_new(target / page.path, body, target)

    def write(self, pages: list, target: Path, spread=None) -> None:
        """Write the procedure pages ``pages`` ((PageInfo, view) pairs) into the folder
        ``target``: the last build's file of an unchanged page (``store.link``), the
        others from the store or rendered. ``spread(work, count)``: runs ``work(k)`` for
        every k below count, maybe on other processes (``sopgen.build`` forks them: each
        writes its pages itself and puts them in the store); None: here, one after the
        other."""
        keys = [self.key(page, view) for page, view in pages]
        rest = [
            k
            for k, ((page, _), key) in enumerate(zip(pages, keys, strict=True))
            if key is None or self.store is None or not self.store.link(key, page.path, target)
        ]

        def work(i: int) -> None:
            page, view = pages[rest[i]]
            body = self._page(page, view, keys[rest[i]])
            files.write_new(target / page.path, body, target)

        if spread is not None:
            spread(work, len(rest))
        else:
            for i in range(len(rest)):
                work(i)
        for (page, _), key in zip(pages, keys, strict=True):
            if key is not None and self.store is not None:
                self.store.keep(key)  # used by this build, maybe from another process
                self.store.wrote(key, page.path)

    def key(self, page, view: ProcedureView) -> str | None:
        """A procedure page's key in the store (None: no store)."""
        if self.store is None:
            return None
        return self._key(self.stamp, page, *self._view(view))

    def _page(self, page, view: ProcedureView, key: str | None) -> bytes:
        """The page, from the store under ``key`` when there, else rendered (and put)."""
        project, proc = self.owner[id(view)]
        where = (project.name, proc.id)
        if self.store is not None and key is not None:
            if (body := self.store.get(key)) is not None:
                return body
        full = with_figures(
            view, project, self.layouts.get(where), self.screens.get(where), self.measure
        )
        body = self.template.render(site=self.shell, page=page, proc=full).encode("utf-8")
        if self.store is not None and key is not None:
            self.store.put(key, body)
        return body


def templates_fingerprint(env: jinja2.Environment) -> str:
    """SHA-256 over every file of the templates folder (names and contents)."""
    folder = Path(env.loader.searchpath[0])  # type: ignore[union-attr]
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()
