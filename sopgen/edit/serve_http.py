"""The preview's HTTP side: the server socket and the request handler of `sopgen serve`.

Serves the handbook folder of a ``serve.PreviewServer`` (only inside it: the file gate),
adds the reload script to every page, shows the data's errors on top of the last good
handbook, answers malformed addresses with 400 and never lets one request's failure
stop the server.
"""

from __future__ import annotations

import errno
import os
import re
import socket
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from sopgen import files
from sopgen.edit.preview_pages import RELOAD_JS, RELOAD_PATH, VERSION_PATH, inject
from sopgen.errors import SopgenError

PAGE_LIMIT = 256 * 1024 * 1024  # a handbook page read to add the reload script


class ServeError(SopgenError):
    """The preview cannot start (port in use, missing folder): exit 1 with a message."""


def bind(host: str, port: int, handler) -> ThreadingHTTPServer:
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


class Handler(SimpleHTTPRequestHandler):
    server_version = "sopgen-pratinjau"

    def __init__(self, *args, preview, **kwargs):
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
