"""Hashes of layouts, to show a change to the layout's speed keeps every layout (not a
test: run before and after the change and compare the outputs).

Each procedure is laid out paged and, when that takes several pages, continuous (the
handbook's screen style); the line printed per procedure is a hash of the layouts'
``repr`` (or of the error raised). Sets: the seed, the real fixtures (tests/fixtures/
real), bench/worst.py, the layout's regression examples, random procedures drawn from a
fixed seed (fake measure), a generated catalog (bench/catalog.py) and any data folders
given on the command line (e.g. imported real SOPs).

    python bench/layout_hashes.py [--random N] [--catalog N] [FOLDER ...] > hashes.txt
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from catalog import make_catalog  # noqa: E402
from worst import WORST  # noqa: E402

from sopgen.build import load_project  # noqa: E402
from sopgen.layout import layout_procedure  # noqa: E402
from sopgen.layout.style import Style  # noqa: E402
from sopgen.render.common import make_style  # noqa: E402
from sopgen.render.fonts import measure, register_fonts  # noqa: E402
from sopgen.render.html.site import screen_style  # noqa: E402
from tests.layout.builders import fake_measure, procedure, step  # noqa: E402

WORDS = ["memeriksa", "menyusun", "dokumen", "laporan", "kinerja", "rapat", "surat"]
WORDS += ["disposisi", "konsep", "data", "Pertanggungjawabannya"]
JABATAN = ["Kepala Dinas", "Sekretaris", "Kasubag Perencanaan", "Staf", "Kabid"]
JABATAN += ["Bendahara", "Verifikator", "Petugas Loket", "Kepala Seksi", "Operator"]


def random_procedure(rng: random.Random):
    """Like tests/layout/test_properties.py's procedures, from a seeded generator."""
    names = JABATAN[: rng.randint(1, 6)]
    n = rng.randint(2, 20)
    ids = [f"s{i}" for i in range(n)]

    def ref():
        return rng.choice(
            [rng.randint(1, n), rng.choice(ids), n + 3]
            if rng.random() < 0.1
            else [rng.randint(1, n), rng.choice(ids)]
        )

    def text(most):
        return " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, most)))

    steps = []
    for i in range(n):
        joint = rng.randint(0, 19)
        if joint < 3:
            executors = rng.sample(names, rng.randint(1, min(3, len(names))))
        else:
            executors = rng.choice(names)
        kind = rng.choice(["plain"] * 5 + ["decision"] * 2 + ["lanjut"])
        extra = {}
        if kind == "decision":
            extra["keputusan"] = (ref(), ref())
        elif kind == "lanjut":
            extra["lanjut"] = ref()
        steps.append(
            step(
                text(20),
                executors,
                id=ids[i],
                waktu=rng.choice([None, "5 menit", "1 jam", "2 hari"]),
                kelengkapan=rng.choice([None, text(6)]),
                output=rng.choice([None, text(6)]),
                **extra,
            )
        )
    return procedure(steps, names)


def digest(proc, nomor, style, meas) -> str:
    h = hashlib.sha256()
    try:
        paged = layout_procedure(proc, nomor, style, meas)
        h.update(repr(paged).encode())
        if len(paged.pages) > 1:
            try:
                tall = layout_procedure(proc, nomor, screen_style(style, len(paged.pages)), meas)
                h.update(repr(tall).encode())
            except Exception as error:  # noqa: BLE001
                h.update(f"screen {type(error).__name__}: {error}".encode())
    except Exception as error:  # noqa: BLE001
        h.update(f"{type(error).__name__}: {error}".encode())
    return h.hexdigest()[:16]


def folders(paths):
    for folder in paths:
        for doc in sorted(p for p in Path(folder).iterdir() if (p / "dokumen.yaml").exists()):
            try:
                project = load_project(doc)
            except Exception as error:  # noqa: BLE001
                print(f"# {doc.name}: not loaded: {type(error).__name__}", file=sys.stderr)
                continue
            style = make_style(project)
            for proc in project.procedures:
                yield f"{doc.name}/{proc.id}", proc, project.procedure_nomor(proc), style, measure


def sets(args):
    yield from folders([ROOT / "data", ROOT / "tests" / "fixtures" / "real"])
    for i, make in enumerate(WORST):
        yield f"worst/{i}", make(), "x", Style(), measure
    from tests.layout.test_regressions import HERE, load

    for path in sorted(HERE.glob("*.json")):
        proc, style = load(path)
        yield f"regressions/{path.stem}", proc, "x", style, fake_measure
        yield f"regressions-real/{path.stem}", proc, "x", style, measure
    rng = random.Random(20261202)
    for i in range(args.random):
        style = Style(paper=rng.choice(["A4", "F4"]), show_total=rng.random() < 0.5)
        yield f"random/{i}", random_procedure(rng), "x", style, fake_measure
    if args.catalog:
        tmp = Path(tempfile.mkdtemp())
        make_catalog(args.catalog, tmp)
        yield from folders([tmp])
    yield from folders(args.folders)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--random", type=int, default=60)
    parser.add_argument("--catalog", type=int, default=24)
    parser.add_argument("folders", nargs="*")
    args = parser.parse_args()
    register_fonts()
    total = hashlib.sha256()
    cpu = time.process_time()
    for name, proc, nomor, style, meas in sets(args):
        start = time.process_time()
        line = f"{name} {digest(proc, nomor, style, meas)}"
        if time.process_time() - start > 2.0:
            print(f"# {name}: {time.process_time() - start:.1f} CPU-s", file=sys.stderr)
        total.update(line.encode())
        print(line, flush=True)
    print(f"total {total.hexdigest()[:16]}")
    print(f"# {time.process_time() - cpu:.2f} CPU-s", file=sys.stderr)


if __name__ == "__main__":
    main()
