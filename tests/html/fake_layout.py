"""A stand-in for sopgen.layout in the handbook's tests: simple, plausible geometry.

It only has to exercise the SVG backend (cells, texts, one symbol per step, arrows with
labels, off-page connectors across a page break); the real layout has its own tests.
Text is wrapped by character count, not measured.
"""

from __future__ import annotations

import textwrap

from sopgen.layout import geometry as g
from sopgen.model import Procedure

W, H = 842.0, 595.0
M = 42.0
ROW = 48.0
HEAD = 36.0
STEPS_PER_PAGE = 8


def _steps_ref(ref, steps):
    if isinstance(ref, int):
        return ref - 1
    return next(i for i, s in enumerate(steps) if s.id == ref)


def fake_layout(proc: Procedure, nomor: str, steps_per_page: int = STEPS_PER_PAGE):
    steps = proc.data.kegiatan
    lanes = proc.data.pelaksana
    x_no, w_no = M, 24.0
    x_keg, w_keg = x_no + w_no, 170.0
    x_lane = x_keg + w_keg
    lane_w = 280.0 / len(lanes)
    x_mb = x_lane + lane_w * len(lanes)
    widths = [90.0, 50.0, 90.0, W - M - (x_mb + 230.0)]
    chunks = [
        list(range(i, min(i + steps_per_page, len(steps))))
        for i in range(0, len(steps), steps_per_page)
    ]
    page_of = {s: p for p, chunk in enumerate(chunks) for s in chunk}
    pages = []
    letters = iter("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    pending_in: dict[int, list[tuple[str, int, int]]] = {}
    for p, chunk in enumerate(chunks):
        top = M + 30.0
        cells, texts, symbols, arrows, offpage = [], [], [], [], []
        texts.append(g.Text(M, M, proc.data.judul, "bold", 11.0))
        texts.append(g.Text(M, M + 14, nomor, "regular", 9.0))
        cells.append(g.Cell(g.Box(x_no, top, W - 2 * M, HEAD), True, "header"))
        for i, name in enumerate(lanes):
            box = g.Box(x_lane + i * lane_w, top, lane_w, HEAD)
            cells.append(g.Cell(box, True, "lane"))
            texts.append(g.Text(box.cx, top + 20, name[:14], "bold", 7.0, "middle"))
        y0 = top + HEAD
        rows = {}
        for r, s in enumerate(chunk):
            y = y0 + r * ROW
            rows[s] = y
            cells.append(g.Cell(g.Box(x_no, y, w_no, ROW), False, "no", s))
            cells.append(g.Cell(g.Box(x_keg, y, w_keg, ROW), False, "kegiatan", s))
            texts.append(g.Text(x_no + w_no / 2, y + 12, str(s + 1), "regular", 8.0, "middle"))
            for k, line in enumerate(textwrap.wrap(steps[s].uraian, 40)[:4]):
                texts.append(g.Text(x_keg + 3, y + 11 + k * 9.6, line, "regular", 8.0))
            for i in range(len(lanes)):
                cells.append(g.Cell(g.Box(x_lane + i * lane_w, y, lane_w, ROW), False, "lane", s))
            x = x_mb
            for role, w, value in zip(
                ("kelengkapan", "waktu", "output", "keterangan"),
                widths,
                (steps[s].kelengkapan, steps[s].waktu, steps[s].output, steps[s].keterangan),
                strict=True,
            ):
                cells.append(g.Cell(g.Box(x, y, w, ROW), False, role, s))
                if value:
                    texts.append(g.Text(x + 3, y + 11, value[:20], "regular", 8.0))
                x += w
            cols = tuple(lanes.index(e) for e in steps[s].executors)
            left = x_lane + min(cols) * lane_w
            right = x_lane + (max(cols) + 1) * lane_w
            kind = (
                "decision"
                if steps[s].keputusan
                else "terminator"
                if s in (0, len(steps) - 1)
                else "process"
            )
            if kind == "decision":
                box = g.Box((left + right) / 2 - 16, y + 8, 32, 32)
            else:
                box = g.Box(left + 6, y + 12, right - left - 12, 24)
            symbols.append(g.Symbol(s, kind, box, cols))
        table_h = HEAD + ROW * len(chunk)
        table = g.Box(x_no, top, W - 2 * M, table_h)
        by_step = {sym.step: sym for sym in symbols}
        for s in chunk:
            src = by_step[s].box
            step = steps[s]
            targets = []
            if step.keputusan:
                targets = [
                    (_steps_ref(step.keputusan.ya, steps), "Ya"),
                    (_steps_ref(step.keputusan.tidak, steps), "Tidak"),
                ]
            elif s + 1 < len(steps):
                targets = [(s + 1, None)]
            for t, label in targets:
                if page_of.get(t) == p and t in by_step:
                    dst = by_step[t].box
                    if t == s + 1:
                        pts = (
                            (src.cx, src.bottom),
                            (src.cx, (src.bottom + dst.y) / 2),
                            (dst.cx, (src.bottom + dst.y) / 2),
                            (dst.cx, dst.y),
                        )
                        pts = tuple(dict.fromkeys(pts))
                        if len(pts) < 2:
                            pts = ((src.cx, src.bottom), (dst.cx, dst.y))
                        arrows.append(
                            g.Arrow(
                                pts,
                                f"step:{s + 1}",
                                f"step:{t + 1}",
                                label,
                                (src.cx + 4, src.bottom + 8) if label else None,
                            )
                        )
                    else:
                        xr = max(src.right, dst.right) + 8
                        pts = ((src.right, src.cy), (xr, src.cy), (xr, dst.cy), (dst.right, dst.cy))
                        arrows.append(
                            g.Arrow(
                                pts,
                                f"step:{s + 1}",
                                f"step:{t + 1}",
                                label,
                                (src.right + 2, src.cy - 4) if label else None,
                            )
                        )
                else:
                    letter = next(letters)
                    ob = g.Box(src.cx - 12, table.bottom + 6, 24, 28)
                    offpage.append(g.OffPage(letter, "out", ob, by_step[s].columns[0], s))
                    arrows.append(
                        g.Arrow(
                            ((src.cx, src.bottom), (src.cx, ob.y)),
                            f"step:{s + 1}",
                            f"offpage:{letter}",
                            label,
                            (src.cx + 4, src.bottom + 8) if label else None,
                        )
                    )
                    pending_in.setdefault(page_of[t], []).append((letter, t, s))
        for letter, t, _s in pending_in.get(p, []):
            dst = by_step[t].box
            ib = g.Box(dst.cx - 12 - 30, top - 30, 24, 28)
            offpage.append(g.OffPage(letter, "in", ib, by_step[t].columns[0], t))
            arrows.append(
                g.Arrow(
                    ((ib.cx, ib.bottom), (ib.cx, dst.cy), (dst.x, dst.cy)),
                    f"offpage:{letter}",
                    f"step:{t + 1}",
                )
            )
        pages.append(
            g.Page(
                W,
                H,
                p,
                tuple(chunk),
                tuple(cells),
                tuple(texts),
                tuple(symbols),
                tuple(arrows),
                tuple(offpage),
                table,
            )
        )
    return g.ProcedureLayout(proc.id, tuple(pages))


def fake_layouts(projects):
    return {
        (project.name, proc.id): fake_layout(proc, project.procedure_nomor(proc))
        for project in projects
        for proc in project.procedures
    }
