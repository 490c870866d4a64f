"""A generated catalog of N procedures for `make bench` (deterministic: same N, same files).

Shapes come from the seed (data/sekretariat): each procedure is one of the six seed
procedures, retitled, and varied by its number:

- every second one gets a decision looping back ("Tidak" to an earlier step);
- two in three get a joint step (one row, two adjacent executors);
- every fifth one gets long texts (the uraian of three steps written three times over).

    python bench/catalog.py 200 katalog-200     # writes katalog-200/katalog/
"""

from __future__ import annotations

import copy
import random
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "sekretariat"
DOCUMENT = "katalog"


def _seed() -> tuple[dict, list[dict]]:
    dokumen = yaml.safe_load((SEED / "dokumen.yaml").read_text(encoding="utf-8"))
    procedures = [
        yaml.safe_load((SEED / f"{name}.yaml").read_text(encoding="utf-8"))
        for name in dokumen["prosedur"]
    ]
    return dokumen, procedures


def procedure(base: dict, n: int) -> dict:
    """The n-th procedure (0-based) of the catalog, made from ``base``."""
    rng = random.Random(n)
    p = copy.deepcopy(base)
    p["judul"] = f"{base['judul']} ({n + 1:04d})"
    steps = p["kegiatan"]
    lanes = p["pelaksana"]
    decision = None
    if n % 2 == 0 and len(steps) > 4:
        decision = rng.randrange(2, len(steps) - 2)  # 0-based row of the decision
        steps[decision]["keputusan"] = {
            "ya": decision + 2,  # 1-based: the next step
            "tidak": rng.randrange(1, decision + 1),  # back to an earlier one
        }
        steps[decision]["pelaksana"] = _single(steps[decision]["pelaksana"])
    if n % 3 != 0 and len(lanes) > 1:
        rows = [i for i in range(1, len(steps) - 1) if i != decision]
        joint = rng.choice(rows)
        first = rng.randrange(len(lanes) - 1)
        steps[joint]["pelaksana"] = [lanes[first], lanes[first + 1]]
        steps[joint].pop("keputusan", None)
    if n % 5 == 0:
        for i in rng.sample(range(len(steps)), k=min(3, len(steps))):
            steps[i]["uraian"] = " ".join([steps[i]["uraian"].rstrip(".")] * 3) + "."
    return p


def _single(pelaksana):
    return pelaksana[0] if isinstance(pelaksana, list) else pelaksana


def make_catalog(n: int, folder: Path) -> Path:
    """Write a data folder with one document of ``n`` procedures; return the folder."""
    dokumen, seeds = _seed()
    doc = Path(folder) / DOCUMENT
    doc.mkdir(parents=True, exist_ok=True)
    names = [f"p{i + 1:04d}" for i in range(n)]
    dokumen = copy.deepcopy(dokumen)
    dokumen["prosedur"] = names
    dokumen.pop("keterkaitan", None)  # the seed's links name the seed's procedures
    _dump(dokumen, doc / "dokumen.yaml")
    for i, name in enumerate(names):
        _dump(procedure(seeds[i % len(seeds)], i), doc / f"{name}.yaml")
    return Path(folder)


def _dump(data: dict, path: Path) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    make_catalog(int(sys.argv[1]), Path(sys.argv[2]))
