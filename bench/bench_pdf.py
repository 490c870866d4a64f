"""CPU of the per-procedure PDFs alone: a catalog laid out once, then every procedure's
PDF rendered from its ready layout (what `sopgen build` does per procedure, without the
layout, the cache and the handbook). Prints the CPU-seconds of all of them, per PDF, and
a digest of the bytes (the same digest before and after a change = the same PDFs).

    python bench/bench_pdf.py [N=50] [--profile FILE]

Not a test: figures for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from catalog import DOCUMENT, make_catalog  # noqa: E402  (bench/ is on the path as a script)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int, nargs="?", default=50)
    parser.add_argument("--profile", help="write a cProfile of the rendering here")
    args = parser.parse_args()

    from sopgen.build import load_project
    from sopgen.render.pdf import binder

    with tempfile.TemporaryDirectory() as work:
        data = Path(work) / "katalog"
        make_catalog(args.n, data)
        project = load_project(data / DOCUMENT)
    style = binder.make_style(project)
    layouts = binder.layout_all(project, style)
    profile = cProfile.Profile() if args.profile else None
    digest = hashlib.sha256()
    t = time.process_time()
    if profile:
        profile.enable()
    for proc, layout in layouts:
        digest.update(binder.render_procedure(project, proc, layout, style))
    if profile:
        profile.disable()
        profile.dump_stats(args.profile)
    cpu = time.process_time() - t
    n = len(layouts)
    print(
        f"{n} PDFs: {cpu:.2f} CPU-s, {1000 * cpu / n:.1f} ms each; sha256 {digest.hexdigest()[:16]}"
    )


if __name__ == "__main__":
    main()
