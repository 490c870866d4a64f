"""Import throughput (not a test: `make bench`).

1. Workbooks: a generated SOP workbook (identity sheet + a 30-row flowchart sheet with
   drawn shapes and connectors, as Excel stores them) read with read_xlsx and written
   as YAML: files per second, best of 5.
2. PDFs: the procedure PDFs sopgen itself writes for data/sekretariat, read back with
   read_pdf and written as YAML: milliseconds per file, best of 3.
3. The Basarnas workbook of the development corpus, when ../shared/corpus is there.

Aim: a two-page SOP imports in well under a second.
"""

from __future__ import annotations

import gc
import glob
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "impor"))  # the hand-made workbook builder

from sopgen.impor.to_yaml import write_document  # noqa: E402
from sopgen.impor.xlsx import read_xlsx_all  # noqa: E402


def best(fn, n: int) -> float:
    times = []
    for _ in range(n):
        gc.collect()
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def workbook(folder: Path, rows: int = 30) -> Path:
    from xlsx_build import Arrow, Box, Drawing, build

    data = [
        (str(i), f"Kegiatan nomor {i}", "Berkas", "5 menit", "Berkas", "")
        for i in range(1, rows + 1)
    ]
    d = Drawing()
    for i in range(rows):
        kind = (
            "flowChartTerminator"
            if i in (0, rows - 1)
            else ("flowChartDecision" if i % 7 == 3 else "flowChartProcess")
        )
        d.boxes.append(Box(i + 1, kind, 3 + i % 3, 6 + i, height=250_000))
        if i:
            d.arrows.append(Arrow(1000 + i, i, i + 1))
        if i % 7 == 3:  # the decision's second exit goes back one row
            d.arrows.append(Arrow(2000 + i, i + 1, i))
    return build(folder / "sop.xlsx", data, d)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        path = workbook(tmp)
        out = tmp / "out"

        def xlsx_once() -> None:
            write_document(read_xlsx_all(path), out, overwrite=True)

        t = best(xlsx_once, 5)
        print(
            f"impor xlsx (30 baris, 30 simbol): {t * 1000:.0f} ms per berkas, {1 / t:.1f} berkas/s"
        )
        _pdf(tmp)
    corpus = glob.glob(str(ROOT.parent / "shared" / "corpus" / "basarnas" / "*.xlsx"))
    if corpus:
        t = best(lambda: read_xlsx_all(corpus[0]), 3)
        print(f"impor xlsx Basarnas (2 lembar): {t * 1000:.0f} ms")


def _pdf(tmp: Path) -> None:
    try:
        from sopgen.build import load_project
        from sopgen.impor.pdf import read_pdf
        from sopgen.render.pdf.binder import build_pdfs
    except ImportError as exc:  # a reader or renderer missing in this version
        print(f"impor pdf: dilewati ({exc})")
        return
    project = load_project(ROOT / "data" / "sekretariat")
    procs = build_pdfs(project, tmp)[1:]  # one PDF per procedure (the binder is first)

    def pdf_once() -> None:
        for f in procs:
            sop = read_pdf(f)
            write_document([sop, *sop.more], tmp / "pdf-out" / f.stem, overwrite=True)

    t = best(pdf_once, 3)
    print(
        f"impor pdf ({len(procs)} berkas buatan sopgen): {t / len(procs) * 1000:.0f} ms per berkas"
    )


if __name__ == "__main__":
    main()
