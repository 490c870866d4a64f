"""`sopgen serve`: live preview that rebuilds on save, shows data errors, keeps the last
good handbook on disk, and stops cleanly."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.error import HTTPError
from urllib.request import urlopen

import pytest

from tests.conftest import edit

LAKIP = Path("data/sekretariat/lakip.yaml")
TITLE = "SOP PENYUSUNAN LAPORAN AKUNTABILITAS KINERJA INSTANSI PEMERINTAHAN (LAKIP)"


def fetch(url: str) -> str:
    # The preview builds on a thread of this same process: on a loaded machine a request
    # may wait for the interpreter several seconds while a build runs, so the bound is wide.
    try:
        with urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8")
    except HTTPError as err:
        return f"HTTP {err.code}"


def wait_until(condition, timeout: float = 60.0):
    """Poll ``condition`` until it returns something true (bounded; no timing asserted)."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError("keadaan yang ditunggu tidak tercapai dalam batas waktu")
        time.sleep(0.05)


def version(preview) -> int:
    return int(fetch(preview.url + "__sopgen/version"))


def test_rebuilds_on_save_and_survives_errors(start):
    preview = start()
    page = fetch(preview.url)
    assert TITLE in page
    assert '<script src="/__sopgen/reload.js" data-versi="1"></script></body>' in page
    assert TITLE in fetch(preview.url + "prosedur/lakip.html")
    on_disk = Path("output/html/index.html").read_text(encoding="utf-8")
    assert TITLE in on_disk and "__sopgen" not in on_disk  # injected when served only
    assert "location.reload()" in fetch(preview.url + "__sopgen/reload.js")

    # a save: rebuilt, the page shows the new text
    edit(LAKIP, f"judul: {TITLE}", "judul: SOP PENYUSUNAN LAKIP (REVISI 1)")
    wait_until(lambda: version(preview) > 1)
    assert "SOP PENYUSUNAN LAKIP (REVISI 1)" in fetch(preview.url)

    # a data error: an Indonesian page with the diagnostics, escaped; disk untouched
    good = Path("output/html/index.html").read_bytes()
    before = version(preview)
    edit(LAKIP, "    pelaksana: Kepala Dinas\n", "    pelaksana: <script>alert(1)</script>\n")
    wait_until(lambda: version(preview) > before)
    page = fetch(preview.url)
    # the last good handbook stays browsable, the error on top of every page
    assert "SOP PENYUSUNAN LAKIP (REVISI 1)" in page
    banner = '<div class="sopgen-banner" role="alert"><h2>Data SOP perlu diperbaiki: 1 kesalahan'
    assert banner in page
    assert (
        "<code>data/sekretariat/lakip.yaml:81:16</code> <strong>kesalahan</strong>: "
        "pelaksana &#x27;&lt;script&gt;alert(1)&lt;/script&gt;&#x27; tidak ada di kolom "
        "pelaksana prosedur ini"
    ) in page
    # with the YAML lines it is about, the offending one marked, a caret at its column
    assert (
        '<span class="baris-salah">81 |     pelaksana: &lt;script&gt;alert(1)&lt;/script&gt;'
        '</span>\n<span class="penanda">' + " " * 20 + "^</span>"
    ) in page
    assert "80 |   - uraian: " in page and "82 | " in page
    assert "<script>alert" not in page
    assert "reload.js" in page  # it reloads itself too
    lakip = fetch(preview.url + "prosedur/lakip.html")
    assert "Data SOP perlu diperbaiki" in lakip and 'class="steps-table"' in lakip
    assert "HTTP 404" == fetch(preview.url + "prosedur/tidak-ada.html")
    assert Path("output/html/index.html").read_bytes() == good
    assert any("lakip.yaml:81:16: kesalahan: pelaksana" in line for line in start.said)

    # fixed: back to the handbook
    before = version(preview)
    edit(LAKIP, "    pelaksana: <script>alert(1)</script>\n", "    pelaksana: Kepala Dinas\n")
    wait_until(lambda: version(preview) > before)
    page = fetch(preview.url)
    assert "SOP PENYUSUNAN LAKIP (REVISI 1)" in page and "perlu diperbaiki" not in page
    leftovers = [p for p in Path("output").iterdir() if p.name.startswith(".")]
    assert [p.name for p in leftovers] == [".sopgen-cache"]  # the build cache, nothing else


def test_a_save_parses_only_the_saved_file(start, monkeypatch):
    """The preview loads through the parses kept in OUTPUT/.sopgen-cache/yaml/ as the build
    does: written only after a good build, a damaged entry parsed again."""
    from sopgen.load import yamlsource

    parsed, real = [], yamlsource._parse
    monkeypatch.setattr(
        yamlsource, "_parse", lambda f, t: parsed.append(Path(f).name) or real(f, t)
    )
    every = sorted(p.name for p in Path("data").rglob("*.yaml"))
    kept = Path("output/.sopgen-cache/yaml")
    preview = start()
    assert sorted(parsed) == every and len(list(kept.iterdir())) == len(every)

    parsed.clear()
    edit(LAKIP, f"judul: {TITLE}", "judul: SOP PENYUSUNAN LAKIP (REVISI 1)")
    wait_until(lambda: version(preview) > 1)
    assert parsed == ["lakip.yaml"]
    assert "SOP PENYUSUNAN LAKIP (REVISI 1)" in fetch(preview.url)
    entries = sorted(kept.iterdir())
    assert len(entries) == len(every)  # the old parse of lakip.yaml gone, the new one kept
    checks = sorted(Path("output/.sopgen-cache/check").iterdir())  # one per procedure
    assert len(checks) == len([name for name in every if name != "dokumen.yaml"])

    # a data error: its located message; nothing of that run is kept
    parsed.clear()
    edit(LAKIP, "    pelaksana: Kepala Dinas\n", "    pelaksana: Kepala Dines\n")
    wait_until(lambda: version(preview) > 2)
    assert parsed == ["lakip.yaml"]
    assert "<code>data/sekretariat/lakip.yaml:81:16</code> <strong>kesalahan</strong>" in fetch(
        preview.url
    )
    assert any("lakip.yaml:81:16: kesalahan: pelaksana" in line for line in start.said)
    assert sorted(kept.iterdir()) == entries
    assert sorted(Path("output/.sopgen-cache/check").iterdir()) == checks

    # damaged entries are ignored: parsed again, the same handbook
    for entry in entries:
        entry.write_bytes(entry.read_bytes()[:-9])
    parsed.clear()
    edit(LAKIP, "    pelaksana: Kepala Dines\n", "    pelaksana: Kepala Dinas\n")
    wait_until(lambda: version(preview) > 3)
    assert sorted(parsed) == every
    page = fetch(preview.url)
    assert "SOP PENYUSUNAN LAKIP (REVISI 1)" in page and "perlu diperbaiki" not in page


def test_the_handbook_carries_its_pdfs_and_a_404_page_under_serve(start):
    preview = start()
    page = fetch(preview.url + "prosedur/lakip.html")
    assert 'href="../pdf/lakip.pdf"' in page
    with urlopen(preview.url + "pdf/lakip.pdf", timeout=30) as response:
        assert response.headers["Content-Type"] == "application/pdf"
        assert response.read(5) == b"%PDF-"
    with pytest.raises(HTTPError) as missing:
        urlopen(preview.url + "prosedur/tidak-ada.html", timeout=30)
    assert missing.value.code == 404
    body = missing.value.read().decode("utf-8")
    assert "<h1>Halaman tidak ditemukan</h1>" in body
    assert '<base href="/">' in body  # its links and styles work at any depth


def fake_builder(calls):
    def build(projects, output: Path):
        calls.append([p.name for p in projects])
        titles = [proc.data.judul for p in projects for proc in p.procedures]
        (output / "html").mkdir(parents=True)
        (output / "html" / "index.html").write_text(
            "<html><body><h1>" + " | ".join(titles) + "</h1></BODY></html>", encoding="utf-8"
        )
        (output / "html" / "style.css").write_text("h1 {}", encoding="utf-8")

    return build


def test_injectable_builder(start):
    calls = []
    preview = start(builder=fake_builder(calls))
    assert calls == [["sekretariat"]]
    page = fetch(preview.url + "index.html")
    assert page.startswith("<html><body><h1>" + TITLE)
    assert page.endswith('<script src="/__sopgen/reload.js" data-versi="1"></script></BODY></html>')
    assert fetch(preview.url + "style.css") == "h1 {}"  # not a page: served as it is
    assert fetch(preview.url + "tidak-ada.html") == "HTTP 404"


def test_a_failing_build_keeps_the_last_handbook(start):
    from sopgen.errors import RenderError

    calls = []
    working = fake_builder(calls)
    state = {"fail": False}

    def builder(projects, output):
        if state["fail"]:
            (output / "html").mkdir()
            (output / "html" / "index.html").write_text("setengah", encoding="utf-8")
            raise RenderError("logo 'logo.png' tidak ditemukan")
        working(projects, output)

    preview = start(builder=builder)
    good = Path("output/html/index.html").read_bytes()
    state["fail"] = True
    edit(LAKIP, f"judul: {TITLE}", "judul: SOP LAKIP")
    wait_until(lambda: version(preview) > 1)
    page = fetch(preview.url)
    assert page.startswith("<html><body><style>")  # the last good page, the error on top
    assert "<h2>Buku panduan belum dapat dibangun ulang</h2>" in page
    assert "logo &#x27;logo.png&#x27; tidak ditemukan" in page
    assert TITLE in page
    assert Path("output/html/index.html").read_bytes() == good
    assert "kesalahan: logo 'logo.png' tidak ditemukan" in start.said


def test_editor_files_are_not_watched(start):
    preview = start(builder=fake_builder([]))
    seen = set(preview.snapshot())
    Path("data/sekretariat/.lakip.yaml.swp").write_text("x", encoding="utf-8")
    Path("data/sekretariat/lakip.yaml~").write_text("x", encoding="utf-8")
    assert set(preview.snapshot()) == seen
    assert os.path.join("data", "sekretariat", "lakip.yaml") in seen


def test_port_in_use(workdir, cli):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = cli("serve", "data", "output", "--port", str(port), "--no-open", "-q")
    assert result.exit_code == 1
    assert result.output == (
        f"kesalahan: port {port} sudah dipakai program lain (mungkin pratinjau lain masih "
        f"berjalan); hentikan program itu, atau pakai port lain, mis. --port {port + 1}\n"
    )


def test_missing_data_folder(workdir, cli):
    result = cli("serve", "tidak-ada", "--no-open", "-q")
    assert result.exit_code == 1
    assert result.output == "kesalahan: folder data 'tidak-ada' tidak ditemukan; periksa namanya\n"


def _ctrl_c_as_in_a_terminal() -> None:
    """The child gets Ctrl+C as a terminal delivers it, even when these tests run as a
    background job (a shell starts those with SIGINT ignored, and children inherit it)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.skipif(os.name == "nt", reason="SIGINT to a child process is POSIX-only")
def test_command_line_and_ctrl_c(workdir):
    child = subprocess.Popen(
        [sys.executable, "-c", "from sopgen.cli import main; main()",
         "serve", "data", "output", "--port", "0", "--no-open"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        preexec_fn=_ctrl_c_as_in_a_terminal,
    )  # fmt: skip
    try:
        lines = []
        while not any("Pratinjau: " in line for line in lines):
            line = child.stdout.readline()
            assert line, "".join(lines)
            lines.append(line)
        url = re.search(r"http://127\.0\.0\.1:\d+/", lines[-1]).group(0)
        assert TITLE in fetch(url)
        child.send_signal(signal.SIGINT)
        rest, _ = child.communicate(timeout=20)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == 0
    assert "Traceback" not in rest
    assert rest.endswith("Pratinjau dihentikan.\n")
    assert lines[0] == "Membangun buku panduan dari data ...\n"
