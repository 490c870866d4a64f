"""The build: checked projects -> every procedure laid out once -> the binder, the
per-procedure PDFs and the handbook, all from the same layouts.

``build(projects, output, options)`` writes

- ``output/pdf/``: per document the binder ``<document>.pdf`` and one PDF per procedure
  (``options.pdf``);
- ``output/html/``: the handbook, carrying the same PDFs in ``html/pdf/``
  (``options.html``);
- ``output/.sopgen-cache/``: each procedure's layouts and PDF (``cache.py``), so the next
  build redoes only the procedures whose inputs changed (``options.cache``).

Procedures are laid out and their PDFs rendered on ``options.jobs`` processes
(``jobs.py``); results are put together in document order, so the bytes are the same
for any number of processes and with or without the cache. Each procedure's PDF is
written as soon as it is made, into a folder staged beside ``output/pdf`` that replaces
it only once everything succeeded (``files.staged_folder``): a failed build leaves the
previous output as it was. Layout problems of every procedure come back together, located, as
one InputError.
"""

from __future__ import annotations

import gc
import os
import shutil
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from sopgen import files
from sopgen.build import jobs as pool
from sopgen.build.cache import FOLDER, Cache
from sopgen.build.jobs import State, Task
from sopgen.build.keys import document_fingerprint, drawn_key, layout_keys, pdf_key
from sopgen.build.known import Previous
from sopgen.build.stored import Stored
from sopgen.errors import InputError, RenderError
from sopgen.files import STAGED, staged_folder
from sopgen.model import Project
from sopgen.render.common import binder_name, make_style


@dataclass(frozen=True)
class Options:
    pdf: bool = True  # output/pdf/
    html: bool = True  # output/html/
    paper: str | None = None  # overrides of dokumen.pengaturan (None: the setting)
    show_total: bool | None = None
    riwayat: bool | None = None
    arsip: bool | None = None
    jobs: int | None = None  # processes; None: every core
    cache: bool = True
    cache_folder: Path | None = None  # None: output/.sopgen-cache
    progress: Callable[[str], None] | None = None  # told "<document>/<procedure>" when done


@dataclass
class Report:
    """What a build wrote and what it had to make (the rest came from the cache)."""

    binders: list[Path] = field(default_factory=list)  # output/pdf/<document>.pdf
    pdfs: list[Path] = field(default_factory=list)  # output/pdf/<procedure>.pdf
    index: Path | None = None  # output/html/index.html
    procedures: int = 0
    laid_out: list[str] = field(default_factory=list)  # "<document>/<procedure>"
    rendered: list[str] = field(default_factory=list)  # per-procedure PDFs rendered


def default_jobs() -> int:
    """The cores this process may use (a container's or ``taskset``'s limit included)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # Windows, macOS
        return os.cpu_count() or 1


def build(
    projects: Project | Sequence[Project], output: Path, options: Options | None = None
) -> Report:
    options = options or Options()
    projects = [projects] if isinstance(projects, Project) else list(projects)
    output = Path(output)
    styles = tuple(make_style(p, options.paper, options.show_total) for p in projects)
    folder = options.cache_folder or output / FOLDER
    cache = Cache(folder if options.cache else None)
    created = not output.exists()  # a failed first build leaves no folder behind
    report = Report()
    # the last build's unchanged files are linked into the staged folders, not copied
    previous = Previous(output, cache.folder if cache.enabled else None)
    try:
        with _pdf_folder(output, options.pdf) as staging:
            tasks = _tasks(projects, styles, options, cache, staging)
            state = State(tuple(projects), styles, options.arsip, cache.folder)
            names = [_where(projects, task) for task in tasks]
            jobs = options.jobs or default_jobs()
            todo, done = _split(tasks, cache)
            if options.pdf:
                _link_pdfs(projects, tasks, done, previous, cache, staging)
            results: list = [None] * len(tasks)
            _execute(tasks, todo, state, jobs, results, names, options.progress)
            _raise_problems(results)
            made, made_screens = _collect(projects, tasks, results)
            layouts = Stored(made, tasks, state)
            screens = Stored(made_screens, tasks, state, screens=True, pages=layouts)
            # the binders are rendered beside the cached procedures' checks and the
            # handbook (another core; they read what they draw from the cache), then
            # copied; drawn here, they come after the checks (which may redo an entry)
            beside = pool.Beside.forks(options.html and jobs > 1)
            if not beside:
                _execute(tasks, done, state, 1, results, names, options.progress, light=True)
            binders = pool.Beside(
                lambda: _write_binders(projects, styles, layouts, options, staging), beside
            )
            try:
                if beside:
                    _execute(tasks, done, state, 1, results, names, options.progress, True)
                _raise_problems(results)
                more, more_screens = _collect(projects, tasks, results, report)
                made.update(more)
                made_screens.update(more_screens)
                if options.html:
                    store = _Pages(cache, tasks, projects, previous) if cache.enabled else None
                    report.index = _handbook(
                        projects, output, layouts, screens, staging, binders, store, jobs
                    )
                binders.wait()
            finally:
                binders.cancel()
        # the staged PDF folder is output/pdf now (or removed: no PDF asked for)
    except BaseException as exc:
        if created:
            shutil.rmtree(output, ignore_errors=True)
        if isinstance(exc, OSError):  # the output folder, not the data: a message
            where = exc.filename or output
            raise RenderError(
                f"tidak dapat menulis ke {where}: {exc.strerror or exc}. Periksa bahwa folder "
                "keluaran dapat ditulis dan tidak ada PDF-nya yang sedang dibuka di penampil PDF"
            ) from None
        raise
    if options.pdf:
        for task in tasks:
            if task.pdf_key is not None and task.pdf_path is not None:
                name = f"pdf/{_id(projects, task)}.pdf"
                previous.wrote(name, task.pdf_key)
    previous.save()
    cache.save_stamps()
    if options.pdf:
        for project in projects:
            report.binders.append(output / "pdf" / f"{binder_name(project)}.pdf")
            report.pdfs += [output / "pdf" / f"{p.id}.pdf" for p in project.procedures]
    cache.prune(("layout", "pdf", "drawn") + (("screen", "page") if options.html else ()))
    return report


@contextmanager
def _pdf_folder(output: Path, keep: bool) -> Iterator[Path]:
    """Where the PDFs are written as they are made: ``output/pdf`` staged beside it and
    swapped in whole at the end (``keep``), else a scratch folder the handbook copies
    them from, removed at the end (named as staged folders are, so that a killed build's
    leftover is cleaned by ``files.clean_leftovers``)."""
    if keep:
        with staged_folder(output / "pdf", root=output) as folder:
            yield folder
        return
    output.mkdir(parents=True, exist_ok=True)
    folder = output / f".pdf-buku{STAGED}{os.getpid()}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _collect(projects, tasks, results, report: Report | None = None):
    """The layouts that came back by (document, procedure) (a light task's stay in the
    cache) and, given ``report``, what had to be made, in task order."""
    layouts, screens = {}, {}
    for task, result in zip(tasks, results, strict=True):
        if result is None:  # not run yet
            continue
        project = projects[task.doc]
        proc = project.procedures[task.proc]
        if result.layout is not None:
            layouts[(project.name, proc.id)] = result.layout
            screens[(project.name, proc.id)] = result.screen
        if report is None:
            continue
        where = _where(projects, task)
        if result.laid_out:
            report.laid_out.append(where)
        if result.rendered:
            report.rendered.append(where)
    if report is not None:
        report.procedures = len(tasks)
    return layouts, screens


def _where(projects: Sequence[Project], task: Task) -> str:
    project = projects[task.doc]
    return f"{project.name}/{project.procedures[task.proc].id}"


def _tasks(projects, styles, options: Options, cache: Cache, staging: Path) -> list[Task]:
    # a procedure id in two documents names one file: the later document's, as before
    owner = {proc.id: d for d, project in enumerate(projects) for proc in project.procedures}
    tasks = []
    for d, project in enumerate(projects):
        document = document_fingerprint(project)
        for i, proc in enumerate(project.procedures):
            kinds = ("layout", "screen") if options.html else ("layout",)
            key, screen_key = (*layout_keys(project, proc, styles[d], kinds), None)[:2]
            own_pdf = owner[proc.id] == d
            pdf = pdf_key(key, document, options.arsip) if own_pdf else None
            for kind, k in (("layout", key), ("screen", screen_key), ("pdf", pdf)):
                if k is not None:
                    cache.keep(kind, k)
            cache.keep("drawn", drawn_key(key))
            path = str(staging / f"{proc.id}.pdf") if own_pdf else None
            tasks.append(Task(d, i, key, screen_key, pdf, path))
    return tasks


def _split(tasks: list[Task], cache: Cache) -> tuple[list[int], list[int]]:
    """The tasks to run (some entry missing) and those whose every entry is cached."""

    def cached(task: Task) -> bool:
        return (
            cache.has("layout", task.layout_key)
            and (task.pdf_key is None or cache.has("pdf", task.pdf_key))
            and (task.screen_key is None or cache.has("screen", task.screen_key))
        )

    todo = [i for i, task in enumerate(tasks) if not cached(task)]
    return todo, [i for i, task in enumerate(tasks) if cached(task)]


def _link_pdfs(projects, tasks, done, previous: Previous, cache: Cache, staging: Path) -> None:
    """The last build's PDF of each procedure whose entries are all cached, hard-linked
    into the staged folder when it is unchanged (``known.Previous``) and so is its cache
    entry (a damaged entry is made again, as without the link): that task then copies
    nothing."""
    for i in done:
        task = tasks[i]
        if task.pdf_key is None or task.pdf_path is None:
            continue
        name = f"pdf/{_id(projects, task)}.pdf"
        key = task.pdf_key
        if cache.whole("pdf", key) and previous.link(
            name, key, Path(task.pdf_path), staging, lambda key=key: cache.get("pdf", key)
        ):
            tasks[i] = replace(task, pdf_path=None)


def _execute(tasks, group, state: State, jobs: int, results, names, progress, light=False):
    """Run the tasks of ``group`` (indexes) on ``jobs`` processes into ``results``;
    ``light``: cached ones, run here, checking the entries and copying the PDF.
    ``progress(name)`` after each."""
    found = pool.execute([replace(tasks[i], light=light) for i in group], state, jobs)
    for i, result in zip(group, found, strict=True):
        results[i] = result
        if progress is not None:
            progress(names[i])


def _raise_problems(results: list) -> None:
    problems = [r.problem for r in results if r is not None and r.problem is not None]
    if problems:
        raise InputError(problems)


def _write_binders(projects, styles, layouts, options: Options, staging: Path) -> None:
    from sopgen.render.pdf.binder import render_binder

    for project, style in zip(projects, styles, strict=True):
        # a layout is read only for a flowchart the binder draws (not kept, or not fitting)
        pairs = [
            (p, partial(layouts.__getitem__, (project.name, p.id))) for p in project.procedures
        ]
        # the layouts live until the binder is drawn: the cyclic collector need not
        # walk them again and again while it draws (a tenth of its time at 200)
        gc.freeze()
        try:
            data = render_binder(
                project,
                pairs,
                style,
                riwayat=options.riwayat,
                arsip=options.arsip,
                kept=layouts.kept(project),
            )
        except Exception as err:
            unfit = pool.unfit_front_pages(err, project.name)
            if unfit is None:
                raise
            raise unfit from None
        finally:
            gc.unfreeze()
        files.write_new(staging / f"{binder_name(project)}.pdf", data, root=staging)


class _Pages:
    """The handbook's procedure pages in the build cache (``render.html.site.PageStore``)."""

    def __init__(self, cache: Cache, tasks: Sequence[Task], projects, previous: Previous):
        self.cache, self.previous = cache, previous
        self.tasks = {(projects[t.doc].name, _id(projects, t)): t for t in tasks}
        self.projects = {project.name: project for project in projects}
        self.documents: dict[str, str] = {}

    def link(self, key: str, name: str, target: Path) -> bool:
        return self.cache.whole("page", key) and self.previous.link(
            f"html/{name}", key, target / name, target, lambda: self.get(key)
        )

    def wrote(self, key: str, name: str) -> None:
        self.previous.wrote(f"html/{name}", key)

    def get(self, key: str) -> bytes | None:
        return self.cache.get("page", key)

    def put(self, key: str, body: bytes) -> None:
        self.cache.put("page", key, body)

    def keep(self, key: str) -> None:
        self.cache.keep("page", key)

    def drawing(self, document: str, procedure: str) -> str:
        task = self.tasks[(document, procedure)]
        return f"{task.layout_key} {task.screen_key}"

    def source(self, document: str, procedure: str) -> str:
        """The procedure's layout key (its id, data, printed Nomor, sopgen's files) and
        its document's fingerprint (dokumen.yaml whole, the logo)."""
        if document not in self.documents:
            self.documents[document] = document_fingerprint(self.projects[document])
        return f"{self.tasks[(document, procedure)].layout_key} {self.documents[document]}"


def _id(projects: Sequence[Project], task: Task) -> str:
    return projects[task.doc].procedures[task.proc].id


def _handbook(
    projects, output: Path, layouts, screens, staging: Path, binders, store, jobs: int
) -> Path:
    from sopgen.render.html.site import build_site

    def pdfs(project: Project, folder: Path) -> None:
        binders.wait()
        target = folder / "pdf"
        target.mkdir(parents=True, exist_ok=True)
        for name in [binder_name(project)] + [p.id for p in project.procedures]:
            _share(staging / f"{name}.pdf", files.confined(folder, target / f"{name}.pdf"))

    return build_site(
        projects,
        output,
        layouts=layouts,
        screen_layouts=screens,
        pdfs=pdfs,
        store=store,
        spread=pool.spread(jobs),  # the procedure pages on every core
    )


def _share(source: Path, target: Path) -> None:
    """The same PDF in output/pdf and output/html/pdf: a hard link (one copy on disk;
    a later build writes new files, never into these), else a copy."""
    try:
        os.link(source, target)
    except OSError:  # another file system, or links not allowed
        shutil.copyfile(source, target)
