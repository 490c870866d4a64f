"""The build's layouts as a mapping that reads the cache only when asked.

A procedure whose entries were all cached comes back from its task without layouts
(``jobs.Task.light``): the handbook needs them only for a page that is not in the cache,
the binder (in its own process beside the handbook) for the flowcharts it draws (it
keeps their pages, ``KeptPages``, and reads a layout only for a page it draws again).
``Stored`` gives (document name, procedure id) -> layout: the ones the build made, else
the cache entry decoded now, else (an entry damaged since it was checked) the procedure
laid out again, which gives the same layout. Nothing read is kept: the caller holds what it needs.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from sopgen.build import codec, jobs
from sopgen.build.cache import Cache
from sopgen.build.jobs import Task
from sopgen.build.keys import drawn_key
from sopgen.build.layouts import located, paged
from sopgen.errors import InputError
from sopgen.layout import LayoutTooTall
from sopgen.layout.geometry import ProcedureLayout
from sopgen.model import Project

Key = tuple[str, str]


class Stored(Mapping[Key, ProcedureLayout | None]):
    """The paged layouts (``screens=False``) or the continuous ones: a value None is a
    procedure whose rows make no one drawing (the handbook then shows the pages)."""

    def __init__(
        self,
        made: dict[Key, ProcedureLayout | None],
        tasks: Sequence[Task],
        state: jobs.State,
        *,
        screens: bool = False,
        pages: Stored | None = None,
    ):
        self.made, self.state, self.screens, self.pages = made, state, screens, pages
        projects: Sequence[Project] = state.projects
        self.tasks = {
            (projects[t.doc].name, projects[t.doc].procedures[t.proc].id): t for t in tasks
        }

    def __getitem__(self, key: Key) -> ProcedureLayout | None:
        if key in self.made:
            return self.made[key]
        task = self.tasks[key]
        cache = Cache(self.state.cache)
        project = self.state.projects[task.doc]
        proc, style = project.procedures[task.proc], self.state.styles[task.doc]
        if self.screens:
            assert self.pages is not None and task.screen_key is not None
            pages = self.pages[key]
            assert pages is not None
            return jobs.screen_of(cache, task.screen_key, pages, project, proc, style)[0]
        layout = jobs.decode(cache.get("layout", task.layout_key))
        if layout is not None:
            return layout
        from sopgen.render.fonts import measure, register_fonts

        register_fonts()
        try:
            layout = paged(project, proc, style, measure)
        except LayoutTooTall as err:  # it was laid out before: only a forged entry
            raise InputError([located(proc, err)]) from None
        cache.put("layout", task.layout_key, codec.dumps(layout))
        return layout

    def kept(self, project: Project) -> KeptPages | None:
        """The binder's kept flowchart pages of ``project`` (None: no cache)."""
        if self.state.cache is None:
            return None
        return KeptPages(Cache(self.state.cache), project.name, self.tasks)

    def __iter__(self) -> Iterator[Key]:
        return iter(self.tasks)

    def __len__(self) -> int:
        return len(self.tasks)


class KeptPages:
    """A document's flowchart pages as its binder drew them, in the cache under their
    procedure's ``keys.drawn_key`` (``render.pdf.kept_flowcharts.KeptStore``). An entry
    names its key on its first line: one made for another key is not read."""

    def __init__(self, cache: Cache, document: str, tasks: Mapping[Key, Task]):
        self.cache, self.document, self.tasks = cache, document, tasks

    def _key(self, procedure: str) -> str:
        return drawn_key(self.tasks[(self.document, procedure)].layout_key)

    def get(self, procedure: str) -> bytes | None:
        key = self._key(procedure)
        body = self.cache.get("drawn", key)
        if body is None:
            return None
        head, newline, entry = body.partition(b"\n")
        return entry if newline and head == key.encode() else None

    def put(self, procedure: str, body: bytes) -> None:
        key = self._key(procedure)
        self.cache.put("drawn", key, jobs.drawn_entry(key, body))
