"""Speed figures for the build (not a test: `make bench`).

For generated catalogs (`bench/catalog.py`: the seed's six procedures varied with
decisions looping back, joint steps and long texts) of 50 and 200 procedures (and 1000
with BENCH_SIZES=50,200,1000), side by side:

- full build: `sopgen build KATALOG OUT` from nothing (binder, per-procedure PDFs,
  handbook), wall clock and CPU of the command and its worker processes;
- after a one-step edit: the same command again, once one step of one procedure changed
  (the cache redoes that procedure; load, binder and handbook are redone whole);
- peak memory: the largest resident set of the command and its workers (``os.wait4``);
- output size: output/pdf + output/html, and the cache beside them;
- the binder alone against a bare ReportLab platypus Table of the same text (same fonts,
  columns, header repeated): CPU of each and their ratio.

Each command runs in a fresh process, so every figure is that run's own. The machine
is shared: read the CPU figures before the wall clock.

    BENCH_SIZES=50,200,1000 BENCH_JOBS=2 python bench/bench.py
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from catalog import DOCUMENT, make_catalog  # noqa: E402  (bench/ is on the path as a script)

SIZES = [int(n) for n in os.environ.get("BENCH_SIZES", "50,200").split(",")]
JOBS = os.environ.get("BENCH_JOBS", str(os.cpu_count() or 1))


def run(args: list[str]) -> dict:
    """Run a command; its wall clock, CPU (user + system, with its children) and peak
    resident memory (largest of it and its children, MiB)."""
    # into files, not pipes: a chatty command would fill a pipe nobody reads during wait4
    with tempfile.TemporaryFile() as stdout, tempfile.TemporaryFile() as stderr:
        started = time.perf_counter()
        child = subprocess.Popen(args, stdout=stdout, stderr=stderr)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - started
        stdout.seek(0)
        stderr.seek(0)
        out, err = stdout.read().decode(), stderr.read().decode()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{out}\n{err}")
    peak = usage.ru_maxrss / 1024  # KiB on Linux
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "mib": peak, "out": out}


def sopgen(*args: str) -> list[str]:
    return [sys.executable, "-c", "from sopgen.cli import main; main()", *args]


def size(folder: Path, skip: str | None = None) -> int:
    """Bytes on disk: a file hard-linked twice (html/pdf/ and pdf/) counts once."""
    seen = {}
    for p in folder.rglob("*"):
        if p.is_file() and (skip is None or skip not in p.parts):
            info = p.stat()
            seen[(info.st_dev, info.st_ino)] = info.st_size
    return sum(seen.values())


def edit_one_step(data: Path) -> None:
    path = data / DOCUMENT / "p0002.yaml"
    text = path.read_text(encoding="utf-8")
    at = text.index("uraian: ") + len("uraian: ")
    path.write_text(text[:at] + "Segera " + text[at:], encoding="utf-8")


def count_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type /Page(?![s\w])", pdf))


def binder_vs_bare(data: Path) -> dict:
    """(in a child process) CPU of the binder from ready layouts and of the bare table."""
    from bare import bare_table

    from sopgen.build import load_project
    from sopgen.render.pdf import binder

    project = load_project(data / DOCUMENT)
    style = binder.make_style(project)
    layouts = binder.layout_all(project, style)
    t = time.process_time()
    pages = count_pages(binder.render_binder(project, layouts, style))
    t_binder = time.process_time() - t
    t = time.process_time()
    bare = count_pages(bare_table(project))
    t_bare = time.process_time() - t
    return {"binder": t_binder, "bare": t_bare, "pages": pages, "bare_pages": bare}


def measure(n: int, work: Path) -> dict:
    data, out = work / f"katalog-{n}", work / f"out-{n}"
    make_catalog(n, data)
    full = run(sopgen("build", str(data), str(out), "-q", "-j", JOBS))
    edit_one_step(data)
    again = run(sopgen("build", str(data), str(out), "-j", JOBS, "-v"))
    one = run(
        [sys.executable, __file__, "--binder-vs-bare", str(data)],
    )
    ratio = json.loads(one["out"])
    return {
        "n": n,
        "full": full,
        "again": again,
        "redone": [line for line in again["out"].splitlines() if "ditata letak ulang" in line],
        "output": size(out, ".sopgen-cache"),
        "cache": size(out / ".sopgen-cache"),
        "pdfs": len(list((out / "pdf").glob("*.pdf"))),
        **ratio,
    }


def report(rows: list[dict]) -> None:
    print(f"python {sys.version.split()[0]}; {os.cpu_count()} cores; -j {JOBS}")
    head = ["", *(f"{r['n']} procedures" for r in rows)]
    lines = [
        ("full build: wall", [f"{r['full']['wall']:.1f} s" for r in rows]),
        ("full build: CPU", [f"{r['full']['cpu']:.1f} s" for r in rows]),
        ("full build: peak memory", [f"{r['full']['mib']:.0f} MiB" for r in rows]),
        ("one-step edit: wall", [f"{r['again']['wall']:.1f} s" for r in rows]),
        ("one-step edit: CPU", [f"{r['again']['cpu']:.1f} s" for r in rows]),
        (
            "one-step edit / full (CPU)",
            [f"{r['again']['cpu'] / r['full']['cpu']:.2f}" for r in rows],
        ),  # noqa: E501
        ("output (pdf + html)", [f"{r['output'] / 2**20:.1f} MiB" for r in rows]),
        ("cache", [f"{r['cache'] / 2**20:.1f} MiB" for r in rows]),
        ("binder: CPU, pages", [f"{r['binder']:.1f} s, {r['pages']} p" for r in rows]),
        ("bare table: CPU, pages", [f"{r['bare']:.1f} s, {r['bare_pages']} p" for r in rows]),
        ("binder / bare table (CPU)", [f"{r['binder'] / r['bare']:.2f}" for r in rows]),
    ]
    width = max(len(what) for what, _ in lines)
    print(f"{head[0]:{width}}  " + "  ".join(f"{h:>16}" for h in head[1:]))
    for what, values in lines:
        print(f"{what:{width}}  " + "  ".join(f"{v:>16}" for v in values))
    for r in rows:
        print(f"{r['n']}: after the edit: {' '.join(r['redone']) or '?'}")


def main() -> None:
    if sys.argv[1:2] == ["--binder-vs-bare"]:
        print(json.dumps(binder_vs_bare(Path(sys.argv[2]))))
        return
    work = Path(tempfile.mkdtemp(prefix="sopgen-bench-"))
    try:
        report([measure(n, work) for n in SIZES])
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
