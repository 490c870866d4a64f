"""The binder's flowchart parts from kept pages where it can (kept.py), else from the
procedures' layouts, which are then loaded only when drawn.

A build keeps, per procedure, its flowchart pages as the binder drew them last
(``KeptStore``: the build's cache, keyed by what decides the layout). Such a procedure
needs no layout for the binder's passes: the pages' count and size and where the notes
go are in the entry; its pages are reused where they fit the document drawn so far and
drawn from the layout, loaded then, where they do not. Only a flowchart printed from a
new page is kept; one started under its identity block (under_identity) is drawn.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from functools import partial
from typing import Protocol

from reportlab.platypus import NextPageTemplate, PageBreak

from sopgen.layout.geometry import Page, ProcedureLayout
from sopgen.layout.style import Style
from sopgen.model import Procedure, Project
from sopgen.render.pdf.canvas import FlowchartPage, KeptFlowchartPage, Mark
from sopgen.render.pdf.kept import KeptPage, decode, encode
from sopgen.render.pdf.kept_streams import PageStreams
from sopgen.render.pdf.under_identity import flowchart_story, notes_part

# a procedure's layout, or what gives it when called (read from a cache only if needed)
Source = ProcedureLayout | Callable[[], ProcedureLayout]


class KeptStore(Protocol):
    """Where a build keeps each procedure's flowchart pages as the binder drew them
    (``sopgen.build``'s cache): an entry is kept for what decides the procedure's
    layout, so a procedure's entry is found again only while its layout is the same."""

    def get(self, procedure: str) -> bytes | None: ...

    def put(self, procedure: str, body: bytes) -> None: ...


class Flowcharts:
    """One binder's procedures: their layouts loaded at most once, their kept pages, and
    the pages it drew, kept (``save``) once the binder is made."""

    def __init__(self, store: KeptStore | None):
        self.store = store
        self.layouts: dict[str, ProcedureLayout] = {}
        self.kept: dict[str, tuple[KeptPage, ...] | None] = {}
        self.drawn: dict[str, list] = {}
        self.flowables: dict[str, list[FlowchartPage]] = {}
        # the kept pages' streams as last written; told the pages' streams as written
        self.streams = PageStreams() if store is not None else None

    def layout(self, proc: Procedure, source: Source) -> ProcedureLayout:
        if isinstance(source, ProcedureLayout):
            return source
        if proc.id not in self.layouts:
            self.layouts[proc.id] = source()
        return self.layouts[proc.id]

    def _kept(self, proc: Procedure, style: Style) -> tuple[KeptPage, ...] | None:
        if self.store is None:
            return None
        if proc.id not in self.kept:
            pages = decode(self.store.get(proc.id))
            w, h = style.page_size
            if pages and any(abs(p.width - w) > 0.5 or abs(p.height - h) > 0.5 for p in pages):
                pages = None  # another paper: the layout says what to do
            self.kept[proc.id] = pages
            if pages and self.streams is not None:
                self.streams.known.update(p.stream for p in pages if p.stream is not None)
        return self.kept[proc.id]

    def _page(self, proc: Procedure, source: Source, index: int) -> Page:
        return self.layout(proc, source).pages[index]

    def story(
        self,
        project: Project,
        proc: Procedure,
        source: Source,
        style: Style,
        mark: Mark | None,
        dry: bool,
    ) -> list:
        """The flowchart part from a new page (under_identity.flowchart_story without a
        shared page): kept pages where there are, else the layout's."""
        kept = self._kept(proc, style)
        nomor = project.procedure_nomor(proc)
        if kept is None:
            layout = self.layout(proc, source)
            if not layout.pages:
                return []
            out = flowchart_story(project, proc, layout, style, mark, dry, None)
            pages = [f for f in out if isinstance(f, FlowchartPage)]
        else:
            pages = [
                KeptFlowchartPage(
                    page,
                    partial(self._page, proc, source, i),
                    style,
                    nomor,
                    mark if i == 0 else None,
                    dry,
                )
                for i, page in enumerate(kept)
            ]
            out = [
                NextPageTemplate("flow"),
                PageBreak(),
                *pages,
                *notes_part(proc, pages, style, nomor),
            ]
        if not dry and self.store is not None:
            drawn = self.drawn[proc.id] = [None] * len(pages)
            self.flowables[proc.id] = pages
            for i, page in enumerate(pages):
                page.record = partial(drawn.__setitem__, i)
        return out

    def save(self) -> None:
        """Keep the pages of every procedure drawn anew (wholly or in part), or whose
        streams were written otherwise than kept (another footer: kept_streams)."""
        if self.store is None:
            return
        for procedure, pages in self.drawn.items():
            if any(p is None for p in pages):
                continue  # a page that cannot be kept, or not drawn
            streams = [self._stream(f) for f in self.flowables[procedure]]
            kept = self.kept.get(procedure)
            if (
                kept is not None
                and len(pages) == len(kept)
                and all(a is b for a, b in zip(pages, kept, strict=True))
                and all(_same(a.stream, s) for a, s in zip(kept, streams, strict=True))
            ):
                continue  # reused whole, written as kept: the entry is as it was
            pages = [dataclasses.replace(p, stream=s) for p, s in zip(pages, streams, strict=True)]
            self.store.put(procedure, encode(pages))

    def _stream(self, page: FlowchartPage) -> tuple[bytes, bytes] | None:
        if self.streams is None or page.drawn_at < 0:
            return None
        return self.streams.of(page.drawn_at)


def _same(a: tuple[bytes, bytes] | None, b: tuple[bytes, bytes] | None) -> bool:
    return (a and a[0]) == (b and b[0])
