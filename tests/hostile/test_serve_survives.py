"""`sopgen serve` survives: a rebuild that fails in any way becomes the error page and a
terminal message while the watcher keeps going; malformed addresses get 400 or 404, not a
traceback; a hundred clients at once are all answered."""

from __future__ import annotations

import http.client
import socket
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tests.conftest import edit
from tests.edit.test_serve import LAKIP, fake_builder, fetch, version, wait_until


def test_a_recursive_alias_then_a_good_save_recovers(start):
    preview = start(builder=fake_builder([]))
    good = LAKIP.read_text(encoding="utf-8")
    edit(LAKIP, "kegiatan:\n", "loop: &r [*r]\nkegiatan:\n")
    wait_until(lambda: version(preview) > 1)
    page = fetch(preview.url)
    assert "merujuk ke bagian yang memuat alias itu sendiri" in page
    LAKIP.write_text(good.replace("Menghimpun", "Mengumpulkan", 1), encoding="utf-8")
    wait_until(lambda: version(preview) > 2)
    assert "sopgen-banner" not in fetch(preview.url)


def test_a_bug_while_loading_keeps_the_watcher_alive(start, monkeypatch):
    import sopgen.build

    preview = start(builder=fake_builder([]))
    real = sopgen.build.read_data

    def broken(folder):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(sopgen.build, "read_data", broken)
    edit(LAKIP, "Menghimpun", "Mengumpulkan")
    wait_until(lambda: version(preview) > 1)
    assert "kesalahan internal saat membangun buku panduan" in fetch(preview.url)
    assert "kesalahan internal saat membangun buku panduan (laporkan ini)." in start.said
    monkeypatch.setattr(sopgen.build, "read_data", real)
    edit(LAKIP, "Mengumpulkan", "Menghimpun")
    wait_until(lambda: version(preview) > 2)
    assert "kesalahan internal" not in fetch(preview.url)


def _status(preview, raw_path: bytes) -> tuple[int, bytes]:
    with socket.create_connection(("127.0.0.1", preview.port), timeout=10) as sock:
        sock.sendall(b"GET " + raw_path + b" HTTP/1.0\r\nHost: x\r\n\r\n")
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    head = answer.split(b"\r\n", 1)[0]
    return int(head.split()[1]), answer


def test_malformed_addresses_get_400_or_404(start, capfd):
    preview = start(builder=fake_builder([]))
    Path("rahasia.txt").write_text("rahasia", encoding="utf-8")  # beside output/
    cases = {
        b"/%00": 400,
        b"/index.html%00.png": 400,
        b"/%ff%fe": 400,
        b"/%": 404,  # a lone '%' is kept as it is, as browsers do: no such page
        b"/../rahasia.txt": 400,
        b"/%2e%2e/rahasia.txt": 400,
        b"/a/%2E%2E/%2e%2e/rahasia.txt": 400,
        b"/..%5crahasia.txt": 400,
        b"/%0d%0aSet-Cookie:x": 400,
        b"/no/such/page.html": 404,
        b"/" + b"a" * 5000: 404,
    }
    got = {}
    for raw in cases:
        status, body = _status(preview, raw)
        got[raw] = status
        assert b"rahasia" not in body.split(b"\r\n\r\n", 1)[-1]
    assert got == cases
    assert "Traceback" not in capfd.readouterr().err
    assert "Traceback" not in "\n".join(start.said)
    assert version(preview) == 1  # still serving


def test_a_hundred_clients_at_once_are_all_answered(start):
    preview = start(builder=fake_builder([]))

    def get(i: int) -> int:
        connection = http.client.HTTPConnection("127.0.0.1", preview.port, timeout=30)
        try:
            connection.request("GET", "/" if i % 2 else "/__sopgen/version")
            return connection.getresponse().status
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=100) as pool:
        statuses = list(pool.map(get, range(400)))
    assert statuses == [200] * 400


def test_a_hundred_connections_wait_in_line_while_the_server_is_busy(start):
    """While the server accepts nothing (paused here), a hundred clients connect: each
    waits in the listen queue (with the default queue of 5 the sixth would time out)."""
    import threading

    preview = start(builder=fake_builder([]))
    server, go = preview._httpd, threading.Event()
    accept = server._handle_request_noblock
    server._handle_request_noblock = lambda: (go.wait(), accept())
    try:
        clients = [
            socket.create_connection(("127.0.0.1", preview.port), timeout=10) for _ in range(100)
        ]
    finally:
        go.set()
    answers = []
    for client in clients:
        with client:
            client.sendall(b"GET /__sopgen/version HTTP/1.0\r\n\r\n")
            answers.append(client.makefile("rb").readline())
    assert answers == [b"HTTP/1.0 200 OK\r\n"] * 100


def test_an_output_inside_the_data_is_not_watched(workdir):
    """Else each build would be seen as a save and rebuild forever."""
    from sopgen.edit.serve import PreviewServer

    preview = PreviewServer(Path("data"), Path("data/keluaran"), port=0)
    preview.build()
    assert (Path("data/keluaran/html/index.html")).is_file()
    watched = preview.snapshot()
    assert watched and not [p for p in watched if "keluaran" in Path(p).parts]
