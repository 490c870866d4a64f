"""One procedure's share of a build, run in a worker process or in-process.

A task names a procedure (document index, procedure index) and the cache keys of what
it needs; the worker gets the procedure's paged layout (cache or layout engine), its
screen layout (the handbook's), renders its own PDF into the build's staging folder
(cache or ReportLab), and returns what it had to make, and the layouts when it could not
store them in the cache (the build reads the stored ones back when it needs them). A
layout problem comes back as a located Diagnostic, never as an exception.

The pool is spawn-safe (Windows, macOS): the worker's state arrives through the
initializer's arguments, and ``run`` is a module-level function. Results come back in
task order, so the output does not depend on the number of processes.
"""

from __future__ import annotations

import multiprocessing
import sys
import threading
import traceback
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from sopgen import files
from sopgen.build import codec
from sopgen.build.cache import Cache
from sopgen.build.keys import drawn_key
from sopgen.build.layouts import located, paged, screen
from sopgen.errors import Diagnostic, RenderError, SopgenError
from sopgen.layout import LayoutTooTall
from sopgen.layout.geometry import ProcedureLayout
from sopgen.layout.style import Style
from sopgen.model import Project

NO_SCREEN = b"null"  # a cached "no continuous drawing" answer
ONE_PAGE = b"paged"  # a cached "the paged layout is one drawing already" answer


@dataclass(frozen=True)
class Task:
    doc: int
    proc: int
    layout_key: str
    screen_key: str | None  # None: no handbook in this build
    pdf_key: str | None  # None: no per-procedure PDF
    pdf_path: str | None  # where the PDF goes (the staging folder)
    # every entry is cached: check the entries and copy the PDF. (Layouts in the cache
    # never come back from a task: ``stored.Stored`` reads them when they are needed.)
    light: bool = False


@dataclass(frozen=True)
class Result:
    layout: ProcedureLayout | None
    screen: ProcedureLayout | None
    problem: Diagnostic | None = None
    laid_out: bool = False  # the layout engine ran (no cache entry)
    rendered: bool = False  # the PDF was rendered (no cache entry)


@dataclass(frozen=True)
class State:
    projects: tuple[Project, ...]
    styles: tuple[Style, ...]
    arsip: bool | None
    cache: Path | None


_state: State | None = None


def init(state: State) -> None:
    global _state
    _state = state


def run(task: Task) -> Result:
    try:
        return _run(task)
    except SopgenError as err:  # crosses the process boundary as a plain RenderError
        raise RenderError(err.format_message()) from None
    except Exception as err:
        assert _state is not None
        unfit = unfit_front_pages(err, _state.projects[task.doc].name)
        if unfit is None:
            raise
        raise unfit from None


def unfit_front_pages(err: Exception, document: str) -> RenderError | None:
    """ReportLab's LayoutError (a front page's flowable that fits no page: something
    check's limits did not foresee) as one Indonesian message instead of a traceback;
    None for any other exception. The flowcharts are drawn from ready geometry, so only
    the flowed front pages (identity, Lembar Pengesahan) can end this way."""
    from reportlab.platypus.doctemplate import LayoutError

    if not isinstance(err, LayoutError):
        return None
    return RenderError(
        f"halaman depan dokumen '{document}' (identitas, lembar pengesahan) tidak dapat "
        "ditata di kertasnya. Persingkat teks yang panjang di dokumen.yaml (mis. butir "
        "dasar hukum atau kualifikasi pelaksana), atau bagi menjadi beberapa butir"
    )


def _run(task: Task) -> Result:
    from sopgen.render.fonts import measure, register_fonts

    assert _state is not None, "jobs.init() first"
    project = _state.projects[task.doc]
    proc = project.procedures[task.proc]
    style = _state.styles[task.doc]
    cache = Cache(_state.cache)
    if task.light and _checked(cache, task):
        return Result(None, None)
    laid_out = rendered = False
    register_fonts()

    layout = decode(cache.get("layout", task.layout_key))
    if layout is None:
        try:
            layout = paged(project, proc, style, measure)
        except LayoutTooTall as err:
            return Result(None, None, located(proc, err))
        if cache.enabled:  # not encoded for nothing (--tanpa-cache)
            cache.put("layout", task.layout_key, codec.dumps(layout))
        laid_out = True

    shown = None
    if task.screen_key is not None:
        shown, made = screen_of(cache, task.screen_key, layout, project, proc, style)
        laid_out = laid_out or made

    if task.pdf_key is not None and task.pdf_path is not None:
        data = cache.get("pdf", task.pdf_key)
        if data is None:
            from sopgen.render.pdf.binder import render_procedure

            drawn: list | None = [] if cache.enabled else None
            data = render_procedure(project, proc, layout, style, arsip=_state.arsip, drawn=drawn)
            cache.put("pdf", task.pdf_key, data)
            _keep_drawn(cache, task, drawn)
            rendered = True
        write_pdf(Path(task.pdf_path), data)  # written now: no PDF held to the end
    if cache.has("layout", task.layout_key) and (
        task.screen_key is None or cache.has("screen", task.screen_key)
    ):  # in the cache: the build reads them when it needs them (``stored.Stored``)
        return Result(None, None, None, laid_out, rendered)
    return Result(layout, shown, None, laid_out, rendered)


def _keep_drawn(cache: Cache, task: Task, pages: list | None) -> None:
    """The flowchart pages the PDF drew, kept for the binder as its own (``stored.
    KeptPages``: it reuses them where they fit its document, else draws them) when it
    has none for this layout yet."""
    from sopgen.render.pdf.kept import encode

    key = drawn_key(task.layout_key)
    if not pages or any(page is None for page in pages) or cache.has("drawn", key):
        return
    cache.put("drawn", key, drawn_entry(key, encode(pages)))


def drawn_entry(key: str, body: bytes) -> bytes:
    """A ``drawn`` entry: its key on the first line (``stored.KeptPages.get`` reads no
    other), then the pages (``render.pdf.kept.encode``)."""
    return key.encode() + b"\n" + body


def _checked(cache: Cache, task: Task) -> bool:
    """The light way: the entries are whole (their stamp or hash holds; not decoded) and
    the PDF is copied (unless the build linked the last one: no ``pdf_path``). False:
    something is missing or damaged, the task runs in full."""
    keys = (("layout", task.layout_key), ("screen", task.screen_key))
    if any(key is not None and not cache.whole(kind, key) for kind, key in keys):
        return False
    if task.pdf_key is not None and task.pdf_path is not None:
        data = cache.get("pdf", task.pdf_key)
        if data is None:
            return False
        write_pdf(Path(task.pdf_path), data)
    return True


def screen_of(
    cache: Cache, key: str, layout: ProcedureLayout, project: Project, proc, style: Style
) -> tuple[ProcedureLayout | None, bool]:
    """The continuous layout (None: the rows make no one drawing) of a procedure whose
    paged one is ``layout``, from the cache entry ``key``, else laid out and stored; and
    whether it had to be laid out."""
    from sopgen.render.fonts import measure, register_fonts

    if len(layout.pages) == 1:
        if cache.get("screen", key) != ONE_PAGE:
            cache.put("screen", key, ONE_PAGE)  # so that the task counts as cached
        return layout, False  # already one drawing
    body = cache.get("screen", key)
    if body == NO_SCREEN:
        return None, False
    shown = decode(body)
    if shown is not None:
        return shown, False
    register_fonts()
    shown = screen(project, proc, style, layout, measure)
    if cache.enabled:
        cache.put("screen", key, NO_SCREEN if shown is None else codec.dumps(shown))
    return shown, True


def write_pdf(path: Path, data: bytes) -> None:
    """A procedure's PDF into the staging folder (swapped in whole at the end, so no
    temporary name is needed here)."""
    files.write_new(path, data, root=path.parent)


def decode(body: bytes | None) -> ProcedureLayout | None:
    if body is None or body in (NO_SCREEN, ONE_PAGE):
        return None
    try:
        return codec.loads(body)
    except (ValueError, TypeError, KeyError):  # damaged or foreign: rebuild it
        return None


def _context():
    """fork where it is safe and fast (Linux, no other thread running); spawn elsewhere
    (Windows and macOS have no safe fork; a threaded process such as the preview
    server must not fork)."""
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def execute(tasks: Sequence[Task], state: State, jobs: int) -> Iterator[Result]:
    """Run ``tasks`` on ``jobs`` processes (in this one for 1 job or 1 task); yields the
    results in task order, each as soon as it and those before it are done."""
    workers = max(1, min(jobs, len(tasks)))
    if workers == 1:
        init(state)
        try:
            for task in tasks:
                yield run(task)
        finally:
            init(None)  # type: ignore[arg-type]
        return
    chunk = max(1, min(8, len(tasks) // (workers * 8)))
    try:
        with ProcessPoolExecutor(
            max_workers=workers, mp_context=_context(), initializer=init, initargs=(state,)
        ) as pool:
            yield from pool.map(run, tasks, chunksize=chunk)
    except BrokenProcessPool:
        raise RenderError(
            "salah satu proses pembangun berhenti tiba-tiba (mungkin kehabisan memori); "
            "ulangi dengan lebih sedikit proses, mis. -j 1"
        ) from None


_spread_work = None  # what ``spread``'s forked processes run (they inherit it)


def _spread_call(k: int):
    assert _spread_work is not None
    return _spread_work(k)


def spread(jobs: int):
    """``run(work, count)``: ``[work(k) for k in range(count)]``, on ``jobs`` processes
    forked now, so that they inherit everything ``work`` reads (the build's handbook
    pages: its site, templates and layouts); in this process for one job, or where
    forking is not safe (``_context``)."""

    def run(work, count: int) -> list:
        global _spread_work
        workers = min(jobs, count)
        if workers < 2 or _context().get_start_method() != "fork":
            return [work(k) for k in range(count)]
        _spread_work = work
        try:
            with ProcessPoolExecutor(workers, mp_context=_context()) as pool:
                chunk = max(1, min(8, count // (workers * 8)))
                return list(pool.map(_spread_call, range(count), chunksize=chunk))
        except BrokenProcessPool:
            raise RenderError(
                "salah satu proses pembangun berhenti tiba-tiba (mungkin kehabisan memori); "
                "ulangi dengan lebih sedikit proses, mis. -j 1"
            ) from None
        finally:
            _spread_work = None

    return run


class Beside:
    """``work()`` run beside the caller: in a forked child process when that is safe
    (``_context`` would fork and ``parallel``), else right here at once. ``wait()``
    returns when it is done and raises what it raised (a SopgenError as a RenderError
    with its message, anything else as RuntimeError with the child's traceback).

    The build renders the binders this way while it writes the handbook: the child
    inherits the layouts (no copying between processes) and writes its file itself."""

    @staticmethod
    def forks(parallel: bool) -> bool:
        """Whether ``Beside(work, parallel)`` runs ``work`` in a child process."""
        return parallel and _context().get_start_method() == "fork"

    def __init__(self, work, parallel: bool):
        self._child = None
        if not self.forks(parallel):
            work()
            return
        ctx = multiprocessing.get_context("fork")
        self._reader, writer = ctx.Pipe(duplex=False)
        self._child = ctx.Process(target=_beside, args=(work, writer), daemon=True)
        self._child.start()
        writer.close()

    def wait(self) -> None:
        child, self._child = self._child, None
        if child is None:
            return
        try:
            outcome = self._reader.recv() if self._reader.poll(None) else ("bug", "no answer")
        except EOFError:  # the child died without a word (killed, out of memory)
            outcome = ("bug", f"proses anak berhenti (kode {child.exitcode})")
        finally:
            child.join()
            self._reader.close()
        if outcome is None:
            return
        kind, text = outcome
        if kind == "sopgen":
            raise RenderError(text)
        raise RuntimeError(text)

    def cancel(self) -> None:
        if self._child is not None:
            self._child.kill()
            self._child.join()
            self._reader.close()
            self._child = None


def _beside(work, writer) -> None:
    try:
        work()
        writer.send(None)
    except SopgenError as err:
        writer.send(("sopgen", err.format_message()))
    except BaseException:
        writer.send(("bug", traceback.format_exc()))
    finally:
        writer.close()
