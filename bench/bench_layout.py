"""Layout figures (not a test: `make bench`): the worst-case timing of the layout and the
audit's counts (sopgen/layout/audit.py) on the seed, the hard procedures of
bench/worst.py, the layout's regression examples and, when they load, the real-SOP
fixtures (tests/fixtures/real).

Time is the best of three runs per procedure, wall clock and CPU time of this process
(CPU time is steadier on a shared machine).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from worst import WORST  # noqa: E402  (bench/ is on the path when run as a script)

from sopgen.layout import LayoutTooTall, layout_procedure  # noqa: E402
from sopgen.layout.audit import Audit, audit  # noqa: E402
from sopgen.layout.style import Style  # noqa: E402
from sopgen.render.fonts import measure, register_fonts  # noqa: E402

RUNS = 3


def timed(procedure, style):
    best_wall = best_cpu = float("inf")
    layout = None
    for _ in range(RUNS):
        w, c = time.perf_counter(), time.process_time()
        layout = layout_procedure(procedure, "x", style, measure)
        best_wall = min(best_wall, time.perf_counter() - w)
        best_cpu = min(best_cpu, time.process_time() - c)
    return layout, best_wall, best_cpu


def projects():
    """(group name, procedures) of every set measured."""
    from sopgen.build import load_project

    yield "seed", load_project(ROOT / "data" / "sekretariat").procedures
    yield "worst", [make() for make in WORST]
    from tests.layout.test_regressions import HERE, load

    yield "regressions", [load(path)[0] for path in sorted(HERE.glob("*.json"))]
    real = ROOT / "tests" / "fixtures" / "real"
    procs = []
    for folder in sorted(p for p in real.iterdir() if p.is_dir()) if real.exists() else ():
        try:
            procs += list(load_project(folder).procedures)
        except Exception as error:  # noqa: BLE001 - a fixture the installed model cannot read
            print(f"  ({folder.name}: not loaded: {type(error).__name__})")
    if procs:
        yield "real", procs


def main() -> None:
    register_fonts()
    style = Style()
    print(f"layout, best of {RUNS}; hard = audit faults (must be 0)")
    header = f"{'procedure':42} {'steps':>5} {'lanes':>5} {'wall':>8} {'cpu':>8} {'pages':>5}"
    print(f"{header} {'cross':>5} {'bends':>5} {'hard':>4}")
    worst = (0.0, 0.0, "")
    for group, procedures in projects():
        total = Audit()
        for p in procedures:
            name = f"{group}/{p.id}"[:42]
            try:
                layout, wall, cpu = timed(p, style)
            except LayoutTooTall as error:
                print(f"{name:42} LayoutTooTall: {error}")
                continue
            found = audit(layout, style, measure)
            total.add(found)
            hard = sum(found.hard().values())
            n = len(p.data.kegiatan)
            lanes = len(p.data.pelaksana)
            print(
                f"{name:42} {n:5} {lanes:5} {wall:7.2f}s {cpu:7.2f}s {found.pages:5}"
                f" {found.crossings:5} {found.bends:5} {hard:4}"
            )
            for note in found.notes[:3]:
                print(f"    {note}")
            if cpu > worst[1]:
                worst = (wall, cpu, name)
        print(f"  {group}: {total.soft()}, hard {sum(total.hard().values())}")
    print(f"worst case: {worst[2]}: {worst[0]:.2f} s wall, {worst[1]:.2f} s CPU")


if __name__ == "__main__":
    main()
