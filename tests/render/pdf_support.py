"""Helpers for the PDF tests: poppler wrappers, an outline reader, and a deliberately
simple stand-in for sopgen.layout used until (and unless) the real one is importable.

The stand-in produces valid geometry (header cells, one row per step, a symbol per step,
straight arrows, off-page pairs at page breaks) but does not wrap text.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from sopgen.layout import geometry as g
from sopgen.layout.style import Style


def real_layout_available() -> bool:
    import sopgen.layout

    return hasattr(sopgen.layout, "layout_procedure")


def layout_fn():
    """None (build_pdfs uses the real layout) when it exists, else the stand-in."""
    return None if real_layout_available() else fake_layout


def pdftotext(path: Path, *args: str) -> str:
    return subprocess.run(
        ["pdftotext", *args, str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def pages_text(path: Path, *args: str) -> list[str]:
    """Text of every page in drawing order (-raw); pages are separated by form feeds."""
    pages = pdftotext(path, "-raw", *args).split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def flat(text: str) -> str:
    """Whitespace collapsed, so wrapped lines compare as one string."""
    return " ".join(text.split())


def pdfinfo(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True)
    info = {}
    for line in out.stdout.splitlines():
        key, _, value = line.partition(":")
        info[key.strip()] = value.strip()
    return info


def pdffonts(path: Path) -> list[dict[str, str]]:
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True)
    lines = out.stdout.splitlines()[2:]
    rows = []
    for line in lines:
        parts = line.split()
        # name type(1-2 words) encoding emb sub uni objnum gen: read from the right
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return rows


_OBJ = re.compile(rb"(\d+) 0 obj\s*(.*?)\s*endobj", re.S)


def _pdf_string(raw: bytes) -> str:
    out, i = bytearray(), 0
    while i < len(raw):
        ch = raw[i : i + 1]
        if ch == b"\\":
            nxt = raw[i + 1 : i + 2]
            out += {b"n": b"\n", b"r": b"\r", b"t": b"\t"}.get(nxt, nxt)
            i += 2
        else:
            out += ch
            i += 1
    data = bytes(out)
    if data.startswith(b"\xfe\xff"):
        return data[2:].decode("utf-16-be")
    return data.decode("latin-1")


def outline(path: Path) -> list[tuple[str, int]]:
    """Top-level outline entries as (title, 0-based page index), in order.

    Enough of a PDF reader for ReportLab's output (uncompressed object dictionaries)."""
    data = path.read_bytes()
    objs = {int(m.group(1)): m.group(2) for m in _OBJ.finditer(data)}
    catalog = next(v for v in objs.values() if b"/Type /Catalog" in v)
    pages_ref = int(re.search(rb"/Pages (\d+) 0 R", catalog).group(1))
    kids = [int(k) for k in re.findall(rb"(\d+) 0 R", objs[pages_ref].split(b"/Kids")[1])]
    m = re.search(rb"/Outlines (\d+) 0 R", catalog)
    if not m:
        return []
    node = re.search(rb"/First (\d+) 0 R", objs[int(m.group(1))])
    entries = []
    while node:
        obj = objs[int(node.group(1))]
        title = re.search(rb"/Title \(((?:\\.|[^\\)])*)\)", obj, re.S).group(1)
        dest = int(re.search(rb"/Dest \[ (\d+) 0 R", obj).group(1))
        entries.append((_pdf_string(title), kids.index(dest)))
        node = re.search(rb"/Next (\d+) 0 R", obj)
    return entries


ROWS_PER_PAGE = 5


def fake_layout(proc, nomor: str, style: Style) -> g.ProcedureLayout:
    W, H = style.page_size
    x0, y0 = style.margin_left, style.margin_top
    width = W - style.margin_left - style.margin_right
    lanes = list(proc.data.pelaksana)
    cols = [("no", 25), ("kegiatan", 170)] + [("lane", 0)] * len(lanes)
    cols += [("kelengkapan", 95), ("waktu", 45), ("output", 95), ("keterangan", 60)]
    fixed = sum(w for _, w in cols)
    lane_w = (width - fixed) / len(lanes)
    xs, x = [], x0
    for role, w in cols:
        w = w or lane_w
        xs.append((role, x, w))
        x += w
    steps = proc.data.kegiatan
    pages = []
    chunks = [
        list(range(i, min(i + ROWS_PER_PAGE, len(steps))))
        for i in range(0, len(steps), ROWS_PER_PAGE)
    ]
    letters = iter("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    pending_in = None
    for pi, chunk in enumerate(chunks):
        cells, texts, symbols, arrows, offs = [], [], [], [], []
        texts.append(g.Text(x0, y0 + 11, proc.data.judul.upper(), "bold", style.title_size))
        texts.append(g.Text(x0, y0 + 24, nomor, "regular", style.number_size))
        top = y0 + 32
        band = style.band_h if pi > 0 else 0
        hh = 30
        for _role, cx, cw in xs:
            cells.append(g.Cell(g.Box(cx, top, cw, hh), True, "header"))
        for i, (role, cx, cw) in enumerate(xs):
            label = {
                "no": "No",
                "kegiatan": "Kegiatan",
                "kelengkapan": "Kelengkapan",
                "waktu": "Waktu",
                "output": "Output",
                "keterangan": "Keterangan",
            }.get(role)
            if role == "lane":
                label = lanes[i - 2][:18]
            texts.append(g.Text(cx + cw / 2, top + 18, label, "bold", 7, "middle"))
        y = top + hh + band
        row_h = 62
        prev = None
        for s in chunk:
            step = steps[s]
            lane = lanes.index(step.executors[0])
            for role, cx, cw in xs:
                cells.append(g.Cell(g.Box(cx, y, cw, row_h), False, role, s))
            texts.append(g.Text(xs[0][1] + 12, y + 12, str(s + 1), "regular", 8, "middle"))
            texts.append(g.Text(xs[1][1] + 3, y + 12, step.uraian, "regular", 8))
            for role, value in (
                ("kelengkapan", step.kelengkapan),
                ("waktu", step.waktu),
                ("output", step.output),
            ):
                _, cx, cw = next(c for c in xs if c[0] == role)
                texts.append(g.Text(cx + 3, y + 12, (value or "")[:20], "regular", 8))
            _, lx, lw = xs[2 + lane]
            kind = "terminator" if s in (0, len(steps) - 1) else "process"
            box = g.Box(lx + lw / 2 - 30, y + 14, 60, 34)
            symbols.append(g.Symbol(s, kind, box, (lane,)))
            if prev is not None:
                pb = prev.box
                pts = (
                    (pb.cx, pb.bottom),
                    (pb.cx, (pb.bottom + box.y) / 2),
                    (box.cx, (pb.bottom + box.y) / 2),
                    (box.cx, box.y),
                )
                if pb.cx == box.cx:
                    pts = ((pb.cx, pb.bottom), (box.cx, box.y))
                arrows.append(g.Arrow(pts, f"step:{s - 1}", f"step:{s}"))
            elif pending_in is not None:
                letter = pending_in
                ob = g.Box(box.cx - 15, top + hh + 4, 30, 30)
                offs.append(g.OffPage(letter, "in", ob, lane, s))
                arrows.append(
                    g.Arrow(((ob.cx, ob.bottom), (box.cx, box.y)), f"offpage:{letter}", f"step:{s}")
                )
            prev = symbols[-1]
            y += row_h
        if pi < len(chunks) - 1:
            letter = next(letters)
            pb = prev.box
            ob = g.Box(pb.cx - 15, y + 6, 30, 30)
            offs.append(g.OffPage(letter, "out", ob, prev.columns[0], prev.step))
            arrows.append(
                g.Arrow(
                    ((pb.cx, pb.bottom), (pb.cx, ob.y)),
                    f"step:{prev.step}",
                    f"offpage:{letter}",
                    "Ya",
                    (pb.cx + 4, pb.bottom + 12),
                )
            )
            pending_in = letter
        table = g.Box(x0, top, width, y - top)
        pages.append(
            g.Page(
                W,
                H,
                pi,
                tuple(chunk),
                tuple(cells),
                tuple(texts),
                tuple(symbols),
                tuple(arrows),
                tuple(offs),
                table,
            )
        )
    return g.ProcedureLayout(proc.id, tuple(pages))
