"""Speed figures for the PDF backend (not a test: `make bench`).

1. The seed binder (data/sekretariat): wall time, best of 5, for layout + render of the
   binder alone and for build_pdfs (binder + one PDF per procedure, written to disk).
2. A generated catalog of 200 procedures (the six seed procedures cycled, retitled):
   pages per second and peak memory of the binder, beside a bare ReportLab platypus
   Table of the same text (same fonts, same columns, header repeated on every page).

Aims: seed binder < 0.5 s; catalog >= half the pages/s of the bare table.
"""

from __future__ import annotations

import gc
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle  # noqa: E402

from sopgen.build import load_project  # noqa: E402
from sopgen.layout.style import Style  # noqa: E402
from sopgen.render.fonts import BOLD, REGULAR, register_fonts  # noqa: E402
from sopgen.render.pdf import binder as pdf  # noqa: E402

CATALOG = 200
REPEAT = 5


def best(fn, n=REPEAT) -> tuple[float, object]:
    times, result = [], None
    for _ in range(n):
        gc.collect()
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return min(times), result


def peak_memory(fn) -> float:
    """Peak Python heap (MiB) while fn runs (tracemalloc: a separate, slower run)."""
    gc.collect()
    tracemalloc.start()
    try:
        fn()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / 2**20


def catalog(project, n: int):
    procs = []
    for i in range(n):
        src = project.procedures[i % len(project.procedures)]
        data = src.data.model_copy(update={"judul": f"{src.data.judul} ({i + 1:03d})"})
        procs.append(src.model_copy(update={"id": f"p{i + 1:03d}", "data": data}))
    dok = project.dokumen.model_copy(update={"prosedur": [p.id for p in procs]})
    return project.model_copy(update={"procedures": tuple(procs), "dokumen": dok})


def binder(project):
    style = pdf.make_style(project)
    return pdf.render_binder(project, pdf.layout_all(project, style), style)


def count_pages(data: bytes) -> int:
    import re

    return len(re.findall(rb"/Type /Page(?![s\w])", data))


def bare_table(project) -> bytes:
    """The same steps as plain platypus Tables: what ReportLab alone costs."""
    import io

    register_fonts()
    style = Style()
    body = ParagraphStyle("b", fontName=REGULAR, fontSize=8, leading=9.6)
    head = ParagraphStyle("h", body, fontName=BOLD)
    title = ParagraphStyle("t", body, fontName=BOLD, fontSize=11, leading=14)
    story = []
    w = style.page_size[0] - style.margin_left - style.margin_right
    for proc in project.procedures:
        d = proc.data
        lanes = list(d.pelaksana)
        header = ["No", "Kegiatan"] + lanes + ["Kelengkapan", "Waktu", "Output", "Keterangan"]
        rows = [[Paragraph(h, head) for h in header]]
        for n, s in enumerate(d.kegiatan, 1):
            rows.append(
                [Paragraph(str(n), body), Paragraph(s.uraian, body)]
                + ["" for _ in lanes]
                + [Paragraph(s.kelengkapan or "", body), Paragraph(s.waktu or "", body)]
                + [Paragraph(s.output or "", body), Paragraph(s.keterangan or "", body)]
            )
        fixed = [0.035, 0.22, 0.12, 0.065, 0.12, 0.09]
        lane_w = (1 - sum(fixed)) / len(lanes)
        widths = [fixed[0], fixed[1]] + [lane_w] * len(lanes) + fixed[2:]
        story.append(Paragraph(d.judul, title))
        story.append(
            Table(
                rows,
                colWidths=[x * w for x in widths],
                repeatRows=1,
                style=TableStyle(
                    [
                        ("GRID", (0, 0), (-1, -1), 0.5, (0, 0, 0)),
                        ("BACKGROUND", (0, 0), (-1, 0), (0.85, 0.85, 0.85)),
                        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ]
                ),
            )
        )
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=style.page_size,
        leftMargin=style.margin_left,
        rightMargin=style.margin_right,
        topMargin=style.margin_top,
        bottomMargin=style.margin_bottom,
        invariant=1,
        initialFontName=REGULAR,
    )
    doc.build(story)
    return buf.getvalue()


def main() -> None:
    register_fonts()
    seed = load_project(ROOT / "data" / "sekretariat")
    t_load, _ = best(lambda: load_project(ROOT / "data" / "sekretariat"))
    t_binder, data = best(lambda: binder(seed))
    seed_pages = count_pages(data)
    with tempfile.TemporaryDirectory() as tmp:
        t_all, paths = best(lambda: pdf.build_pdfs(seed, Path(tmp)))

    cat = catalog(seed, CATALOG)
    style = pdf.make_style(cat)
    t_lay, layouts = best(lambda: pdf.layout_all(cat, style), n=3)
    t_render, _ = best(lambda: pdf.render_binder(cat, layouts, style), n=3)
    t_cat, cat_data = best(lambda: binder(cat), n=3)
    cat_pages = count_pages(cat_data)
    t_bare, bare_data = best(lambda: bare_table(cat), n=3)
    bare_pages = count_pages(bare_data)
    mem_cat = peak_memory(lambda: binder(cat))
    mem_bare = peak_memory(lambda: bare_table(cat))

    rows = [
        ("seed: load_project", f"{t_load * 1000:8.1f} ms", "", ""),
        ("seed: binder (layout+render)", f"{t_binder * 1000:8.1f} ms", f"{seed_pages} pages", ""),
        (f"seed: build_pdfs ({len(paths)} files)", f"{t_all * 1000:8.1f} ms", "", ""),
        (
            f"catalog {CATALOG}: sopgen binder",
            f"{t_cat:8.2f} s",
            f"{cat_pages} pages, {cat_pages / t_cat:5.0f} p/s, {CATALOG / t_cat:4.0f} SOP/s",
            f"{mem_cat:6.1f} MiB",
        ),
        (f"catalog {CATALOG}:   of which layout", f"{t_lay:8.2f} s", "", ""),
        (
            f"catalog {CATALOG}:   of which render (PDF)",
            f"{t_render:8.2f} s",
            f"{cat_pages / t_render:5.0f} p/s",
            "",
        ),
        (
            f"catalog {CATALOG}: bare platypus Table",
            f"{t_bare:8.2f} s",
            f"{bare_pages} pages, {bare_pages / t_bare:5.0f} p/s, {CATALOG / t_bare:4.0f} SOP/s",
            f"{mem_bare:6.1f} MiB",
        ),
    ]
    print(f"python {sys.version.split()[0]}; best of {REPEAT} (catalog: best of 3)")
    print(f"{'what':40} {'time':>11}  {'output':38} {'peak heap':>10}")
    print("-" * 105)
    for what, t, out, mem in rows:
        print(f"{what:40} {t:>11}  {out:38} {mem:>10}")
    ratio = (cat_pages / t_cat) / (bare_pages / t_bare)
    ratio_sop = t_bare / t_cat
    print("-" * 105)
    print(
        f"seed binder {'<' if t_binder < 0.5 else '>='} 0.5 s; "
        f"catalog speed = {ratio:.2f} x bare table in pages/s, {ratio_sop:.2f} x in SOP/s "
        "(aim >= 0.5)"
    )


if __name__ == "__main__":
    main()
