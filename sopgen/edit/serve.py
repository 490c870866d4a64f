"""`sopgen serve`: a live preview of the handbook while the YAML is being edited.

- builds the handbook once, then serves OUTPUT/html/ on localhost (stdlib http.server,
  one thread per request);
- watches DATA by polling modification times and sizes (no extra dependency, works the
  same on Windows), and rebuilds once the files have been quiet for a moment;
- every HTML page it serves (not the files on disk) gets a small script that asks
  ``/__sopgen/version`` and reloads the page when a new build (or a new error) exists;
- while the data is broken, the last good handbook stays browsable with the errors as a
  banner on top of every page, each with the YAML lines it is about (preview_pages.py);
  before any good build, an error page. The handbook on disk is left untouched (builds go
  to a temporary folder and replace OUTPUT/html/ only on success);
- a reload keeps the reader's scroll position; a missing page gets the handbook's 404;
- loads and checks through the YAML parses and check results kept in
  OUTPUT/.sopgen-cache/ (yaml/, check/) as ``sopgen build`` does (``build.parsed``): a
  save parses and checks again only the files it changed; new entries are written only
  once the handbook was rebuilt.

This module watches and rebuilds; serve_http.py answers the browser's requests.
The builder is injectable (``builder(projects, output_dir)`` writes ``output_dir/html``) so
that tests and other front ends can use their own.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import threading
import time
import traceback
from collections.abc import Callable, Sequence
from http.server import ThreadingHTTPServer
from pathlib import Path

import click

from sopgen import files
from sopgen.build.cache import FOLDER as CACHE_FOLDER
from sopgen.edit.preview_pages import (
    VERSION_PATH,
    diagnostics_banner,
    diagnostics_html,
    message_banner,
    message_html,
)
from sopgen.edit.serve_http import Handler, ServeError, bind
from sopgen.errors import SopgenError
from sopgen.files import STAGED, clean_leftovers, replace_folder

IGNORED_SUFFIXES = ("~", ".swp", ".swx", ".tmp", ".bak")


Builder = Callable[[Sequence[object], Path], object]


def default_builder(projects, output: Path, cache: Path | None = None):
    """The handbook through the build's cache (``cache``: its folder, kept under the
    preview's OUTPUT across rebuilds): a save redoes only the procedures it changed."""
    from sopgen.build import build_handbook

    return build_handbook(list(projects), output, jobs=None, cache_folder=cache)


class PreviewServer:
    """Build, serve, watch, rebuild. ``start()`` then ``stop()``; thread-safe state."""

    def __init__(
        self,
        data: Path,
        output: Path,
        *,
        host: str = "127.0.0.1",
        port: int = 8000,
        builder: Builder | None = None,
        interval: float = 0.5,
        settle: float = 0.3,
        echo: Callable[[str], None] | None = None,
        echo_error: Callable[[str], None] | None = None,
        echo_detail: Callable[[str], None] | None = None,
    ):
        self.data, self.output = Path(data), Path(output)
        self.host, self.port = host, port
        self.builder = builder or functools.partial(
            default_builder, cache=self.output / CACHE_FOLDER
        )
        self.interval, self.settle = interval, settle
        self.echo = echo or (lambda message: None)
        self.echo_error = echo_error or (lambda message: click.echo(message, err=True))
        self.echo_detail = echo_detail or (lambda message: None)  # warnings, with -v
        self.version = 0
        self.problem: str | None = None  # the error page's body while the data is broken
        self.banner: str | None = None  # the same, shown on top of the last good handbook
        self._lock = threading.Lock()
        self._build_lock = threading.Lock()
        self._stop = threading.Event()
        self._httpd: ThreadingHTTPServer | None = None
        self._threads: list[threading.Thread] = []

    # --- paths and state --------------------------------------------------------------------

    @property
    def site(self) -> Path:
        return self.output / "html"

    @property
    def url(self) -> str:
        host = "127.0.0.1" if self.host in ("", "0.0.0.0") else self.host
        if ":" in host:
            host = f"[{host}]"
        return f"http://{host}:{self.port}/"

    def state(self) -> tuple[int, str | None]:
        with self._lock:
            return self.version, self.problem

    def state_banner(self) -> str | None:
        with self._lock:
            return self.banner

    def _publish(self, problem: str | None, banner: str | None = None) -> None:
        with self._lock:
            self.version += 1
            self.problem = problem
            self.banner = banner if problem is not None else None

    # --- building ---------------------------------------------------------------------------

    def build(self) -> bool:
        """Load, check and build; publish the result (a new version either way). Never
        raises: whatever goes wrong becomes the error page and a terminal message."""
        with self._build_lock:
            try:
                return self._build()
            except Exception:  # a bug anywhere (loading too) must not stop the preview
                details = traceback.format_exc()
                self.echo_error(details)
                self.echo_error("kesalahan internal saat membangun buku panduan (laporkan ini).")
                self._publish(
                    message_html("kesalahan internal saat membangun buku panduan", details),
                    message_banner("kesalahan internal saat membangun buku panduan"),
                )
                return False

    def _build(self) -> bool:
        from sopgen.build import read_data
        from sopgen.build.parsed import KeptLoad

        started = time.monotonic()
        kept = KeptLoad(self.output / CACHE_FOLDER)  # one per build: it prunes by use
        projects, diagnostics = read_data(self.data, kept.parsed, kept.checked)
        errors = [d for d in diagnostics if d.is_error]
        if errors:
            for diagnostic in errors:
                self.echo_error(diagnostic.format())
            self.echo_error(
                f"{len(errors)} kesalahan: perbaiki berkasnya lalu simpan; pratinjau "
                "menampilkan daftar kesalahan dan buku panduan terakhir tetap ada."
            )
            self._publish(diagnostics_html(errors), diagnostics_banner(errors))
            return False
        try:
            self._build_site(projects)
        except SopgenError as err:
            self.echo_error(f"kesalahan: {err.format_message()}")
            self._publish(message_html(err.format_message()), message_banner(err.format_message()))
            return False
        except OSError as err:  # e.g. OUTPUT not writable, disk full
            message = f"tidak dapat menulis ke {self.output}: {err.strerror or err}"
            self.echo_error(f"kesalahan: {message}")
            self._publish(message_html(message), message_banner(message))
            return False
        kept.save()  # as the build commands: only after a good build
        warnings = len(diagnostics)
        for diagnostic in diagnostics:
            self.echo_detail(diagnostic.format())
        seconds = f"{time.monotonic() - started:.1f}".replace(".", ",")
        self._publish(None)
        self.echo(
            f"buku panduan dibangun ({seconds} detik"
            + (f", {warnings} peringatan" if warnings else "")
            + ")"
        )
        return True

    def _build_site(self, projects) -> None:
        self.output.mkdir(parents=True, exist_ok=True)
        # named like files.staged_folder's folders, so that clean_leftovers knows it
        staging = self.output / f".pratinjau{STAGED}{os.getpid()}"
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir()
        try:
            self.builder(projects, staging)
            built = staging / "html"
            if not (built / "index.html").is_file():
                raise SopgenError("pembangun buku panduan tidak menghasilkan html/index.html")
            files.refuse_data_folder(self.site)
            replace_folder(built, self.site)
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    # --- watching ---------------------------------------------------------------------------

    def snapshot(self) -> dict[str, tuple[int, int]]:
        """(modification time, size) of every data file, editors' temporary files aside."""
        found: dict[str, tuple[int, int]] = {}
        output = os.path.realpath(self.output)  # an OUTPUT inside DATA: its writes are no save
        for root, folders, names in os.walk(self.data):
            folders[:] = sorted(
                f
                for f in folders
                if not f.startswith(".") and os.path.realpath(os.path.join(root, f)) != output
            )
            for name in sorted(names):
                if name.startswith((".", "~")) or name.endswith(IGNORED_SUFFIXES):
                    continue
                path = os.path.join(root, name)
                try:
                    stat = os.stat(path)
                except OSError:  # removed between listing and stat
                    continue
                found[path] = (stat.st_mtime_ns, stat.st_size)
        return found

    def _watch(self, seen: dict[str, tuple[int, int]]) -> None:
        while not self._stop.wait(self.interval):
            now = self.snapshot()
            if now == seen:
                continue
            while True:  # debounce: wait until the files stay as they are
                if self._stop.wait(self.settle):
                    return
                later = self.snapshot()
                if later == now:
                    break
                now = later
            changed = sorted({p for p in set(now) | set(seen) if now.get(p) != seen.get(p)})
            seen = now
            shown = ", ".join(Path(p).as_posix() for p in changed[:3])
            more = f" (+{len(changed) - 3} lagi)" if len(changed) > 3 else ""
            self.echo(f"berubah: {shown}{more}")
            self.build()  # never raises: the watcher keeps running whatever the data

    def _watch_forever(self, seen: dict[str, tuple[int, int]]) -> None:
        """``_watch``, restarted should anything in it fail (a folder vanishing, a
        terminal gone): a preview that stops seeing saves is worse than a message."""
        while not self._stop.is_set():
            try:
                self._watch(seen)
                return
            except Exception as err:
                self.echo_error(f"kesalahan saat memantau folder data: {err}")
                if self._stop.wait(self.interval):
                    return
                seen = {}  # rebuild on the next round

    # --- serving ----------------------------------------------------------------------------

    def start(self) -> None:
        """Build once, bind the port, start serving and watching (in daemon threads)."""
        if not self.data.is_dir():
            raise ServeError(f"folder data '{self.data}' tidak ditemukan; periksa namanya")
        clean_leftovers(self.output)
        before = self.snapshot()  # taken first: a save during the build is seen too
        self.build()
        self._httpd = bind(self.host, self.port, functools.partial(Handler, preview=self))
        self.port = self._httpd.server_address[1]
        serve = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True
        )
        watch = threading.Thread(target=self._watch_forever, args=(before,), daemon=True)
        self._threads = [serve, watch]
        for thread in self._threads:
            thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        for thread in self._threads:
            thread.join(timeout=5)
        self._threads = []


def version_of(url: str, timeout: float = 5) -> int:
    """The build version a running preview reports (for tests and scripts)."""
    from urllib.request import urlopen

    with urlopen(url.rstrip("/") + VERSION_PATH, timeout=timeout) as response:
        return int(json.loads(response.read()))
