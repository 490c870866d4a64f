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
- a reload keeps the reader's scroll position; a missing page gets the handbook's 404.

The builder is injectable (``builder(projects, output_dir)`` writes ``output_dir/html``) so
that tests and other front ends can use their own.
"""

from __future__ import annotations

import errno
import functools
import json
import os
import re
import shutil
import socket
import threading
import time
import traceback
from collections.abc import Callable, Sequence
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

import click

from sopgen import files
from sopgen.build.cache import FOLDER as CACHE_FOLDER
from sopgen.edit.preview_pages import (
    RELOAD_JS,
    RELOAD_PATH,
    VERSION_PATH,
    diagnostics_banner,
    diagnostics_html,
    inject,
    message_banner,
    message_html,
)
from sopgen.errors import SopgenError
from sopgen.files import STAGED, clean_leftovers, replace_folder

PAGE_LIMIT = 256 * 1024 * 1024  # a handbook page read to add the reload script
IGNORED_SUFFIXES = ("~", ".swp", ".swx", ".tmp", ".bak")


Builder = Callable[[Sequence[object], Path], object]


class ServeError(SopgenError):
    """The preview cannot start (port in use, missing folder): exit 1 with a message."""


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

        started = time.monotonic()
        projects, diagnostics = read_data(self.data)
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
        self._httpd = _bind(self.host, self.port, functools.partial(_Handler, preview=self))
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


def _bind(host: str, port: int, handler) -> ThreadingHTTPServer:
    class Server(ThreadingHTTPServer):
        daemon_threads = True
        # a page load fetches a dozen files at once and several tabs may reload together:
        # the default backlog of 5 refuses connections under load
        request_queue_size = 1024

        def handle_error(self, request, client_address) -> None:
            pass  # a client that misbehaves or goes away: nothing for the officer to read

        # on Windows SO_REUSEADDR would let a second server take a port already in use
        allow_reuse_address = os.name != "nt"
        address_family = socket.AF_INET6 if ":" in host else socket.AF_INET

    try:
        httpd = Server((host, port), handler, bind_and_activate=False)
    except OSError as err:  # pragma: no cover - socket creation itself failed
        raise ServeError(f"tidak dapat membuka server: {err.strerror or err}") from err
    try:
        httpd.server_bind()
        httpd.server_activate()
    except OSError as err:
        httpd.server_close()
        if err.errno in (errno.EADDRINUSE, 10048):
            raise ServeError(
                f"port {port} sudah dipakai program lain (mungkin pratinjau lain masih "
                f"berjalan); hentikan program itu, atau pakai port lain, mis. --port {port + 1}"
            ) from err
        if err.errno in (errno.EACCES, 10013):
            raise ServeError(
                f"tidak diizinkan memakai port {port}; pakai port 1024 ke atas, mis. --port 8000"
            ) from err
        raise ServeError(
            f"alamat {host}:{port} tidak dapat dipakai ({err.strerror or err}); periksa --host"
        ) from err
    return httpd


class _Handler(SimpleHTTPRequestHandler):
    server_version = "sopgen-pratinjau"

    def __init__(self, *args, preview: PreviewServer, **kwargs):
        self.preview = preview
        super().__init__(*args, directory=str(preview.site), **kwargs)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - stdlib signature
        pass  # the terminal is for the officer's messages

    def _send(self, body: bytes, content_type: str, status=HTTPStatus.OK) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        try:
            self._get()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the browser went away (a reload): nothing to do
        except OSError:  # a name the file system refuses (too long, ...): no such page
            self.send_error(HTTPStatus.NOT_FOUND)
        except Exception as err:  # never a traceback for one request; the preview goes on
            self.preview.echo_error(f"kesalahan saat melayani {self.path[:80]!r}: {err}")
            try:
                self.send_error(HTTPStatus.INTERNAL_SERVER_ERROR, "Kesalahan internal")
            except OSError:
                pass

    def _get(self) -> None:
        path = _url_path(self.path)
        if path is None:
            self.send_error(HTTPStatus.BAD_REQUEST, "Alamat tidak sah")
            return
        version, problem = self.preview.state()
        if path == VERSION_PATH:
            self._send(str(version).encode(), "text/plain; charset=utf-8")
            return
        if path == RELOAD_PATH:
            self._send(RELOAD_JS.encode(), "text/javascript; charset=utf-8")
            return
        local = Path(self.translate_path(self.path))
        if local.is_dir():
            if not path.endswith("/"):
                self._static()  # redirect to the folder with a slash
                return
            local = local / "index.html"
        is_page = local.suffix.lower() in (".html", ".htm")
        banner = self.preview.state_banner() if problem is not None else None
        if is_page and local.is_file():
            # the last good handbook, with the data error on top while there is one
            try:
                body = files.read_bytes(local, self.preview.site, limit=PAGE_LIMIT)
            except files.OutsideError:  # swapped away while reading: retried on reload
                self.send_error(HTTPStatus.NOT_FOUND, "halaman tidak ditemukan")
                return
            self._send(inject(body, version, banner), "text/html; charset=utf-8")
            return
        missing = self.preview.site / "404.html"
        page_like = is_page or "." not in path.rsplit("/", 1)[-1]
        if not local.exists() and page_like and missing.is_file():
            # the handbook's own 404 page (its links from the root), the error on top
            body = re.sub(rb"(<head[^>]*>)", rb'\1<base href="/">', _page(missing), count=1)
            self._send(
                inject(body, version, banner), "text/html; charset=utf-8", HTTPStatus.NOT_FOUND
            )
            return
        if problem is not None and (is_page or not local.exists()):
            self._send(inject(problem.encode(), version), "text/html; charset=utf-8")
            return
        self._static()

    def _static(self) -> None:
        if self.command == "HEAD":
            super().do_HEAD()
        else:
            super().do_GET()

    def translate_path(self, path: str) -> str:
        """The file for an address, only inside the handbook (the file gate): a link in
        the output pointing elsewhere is no page."""
        local = super().translate_path(path)
        try:
            files.confined(self.preview.site, local)
        except files.OutsideError:
            return str(self.preview.site / ".sopgen-tidak-ada")
        return local

    def send_error(self, code, message=None, explain=None) -> None:
        if code == HTTPStatus.NOT_FOUND:
            message, explain = "Halaman tidak ditemukan", "Periksa alamatnya."
        super().send_error(code, message, explain)


def _page(path: Path) -> bytes:
    return files.read_bytes(path, path.parent, limit=PAGE_LIMIT)


def _url_path(raw: str) -> str | None:
    """The decoded path of a request's address, or None when it is malformed: invalid
    percent-encoding or UTF-8, a control character (NUL too), or a '..' segment."""
    try:
        path = unquote(urlsplit(raw).path, errors="strict")
    except (UnicodeDecodeError, ValueError):
        return None
    if any(ord(c) < 32 or ord(c) == 127 for c in path) or "\\" in path:
        return None
    if any(part == ".." for part in path.split("/")):
        return None
    if not path.startswith("/"):
        return None
    return path


def version_of(url: str, timeout: float = 5) -> int:
    """The build version a running preview reports (for tests and scripts)."""
    from urllib.request import urlopen

    with urlopen(url.rstrip("/") + VERSION_PATH, timeout=timeout) as response:
        return int(json.loads(response.read()))
