"""``sopgen check``'s layout pass: every procedure laid out as the binder lays it out,
on several processes, into the build cache, so a build that follows reads these
layouts instead of laying everything out again (``make`` runs check, then build).

Only the paged layout is made (what can fail: a row too tall for a page); the build
makes the handbook's continuous drawings and the PDFs itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sopgen.build import jobs as pool
from sopgen.build.cache import Cache
from sopgen.build.jobs import State, Task
from sopgen.build.keys import layout_keys
from sopgen.errors import InputError
from sopgen.model import Project
from sopgen.render.common import make_style


def lay_out(projects: Sequence[Project], cache_folder: Path | None, jobs: int) -> int:
    """Lay out every procedure not yet in the cache at ``cache_folder`` (None: no cache)
    on ``jobs`` processes; return how many were laid out. Raises InputError naming every
    step that cannot be laid out (file:line:column), in document order."""
    projects = tuple(projects)
    styles = tuple(make_style(project) for project in projects)
    cache = Cache(cache_folder)
    tasks = [
        Task(d, i, layout_keys(project, proc, styles[d], ("layout",))[0], None, None, None)
        for d, project in enumerate(projects)
        for i, proc in enumerate(project.procedures)
    ]
    # an entry is stored only for a layout that succeeded, under a key that covers
    # everything deciding it: a cached procedure has nothing to report
    todo = [task for task in tasks if not cache.has("layout", task.layout_key)]
    state = State(projects, styles, None, cache.folder)
    problems = [r.problem for r in pool.execute(todo, state, jobs) if r.problem is not None]
    if problems:
        raise InputError(problems)
    return len(todo)
