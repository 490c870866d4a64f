"""The Daftar Isi's table measures each row once (toc._Rows); what it prints must be
what ReportLab's own Table prints: the same rows on the same pages, to the byte, in
both of the binder's passes (without page numbers, then with them, the cells kept)."""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import PageBreak, Table

from sopgen.build import load_project
from sopgen.render.common import make_style
from sopgen.render.fonts import register_fonts
from sopgen.render.pdf import toc
from sopgen.render.pdf.canvas import Mark, Meta, frame_size, render
from sopgen.render.pdf.toc import Entry, toc_story

ROOT = Path(__file__).resolve().parents[2]
META = Meta("t", "s", "a", "D:20200101000000Z")


def _entries() -> list[Entry]:
    out = []
    for n in range(1, 121):  # titles of one to four lines, some revisions: several pages
        title = " ".join(["Penyusunan Rencana Kerja Dinas"] * (1 + n % 4 * (n % 3)))
        revisi = f"{n % 3} (01 Januari 2020)" if n % 5 == 0 else ""
        out.append(Entry(f"{n}.", title, f"k{n}", f"{n:03d}/SOP/UJI/{n % 7}", revisi))
    return out


def _pdf(project, style, entries, pages, cells) -> tuple[bytes, dict[str, int]]:
    width, _ = frame_size(style, "portrait")
    story: list = [Mark("1", "Daftar Isi", "isi")]
    story += toc_story(project, entries, pages, width, cells)
    for e in entries:
        story += [PageBreak(), Mark("1", e.text[:20], e.key)]
    return render(story, style, META, "portrait")


def test_the_table_is_reportlab_s(monkeypatch):
    register_fonts()
    project = load_project(ROOT / "data" / "sekretariat")
    style = make_style(project)
    entries = _entries()
    cells: toc.Cells = {}
    first, marks = _pdf(project, style, entries, None, cells)
    pages = {key: index + 1 for key, index in marks.items()}
    second, again = _pdf(project, style, entries, pages, cells)
    assert again == marks
    assert marks["k1"] > 3  # the Daftar Isi takes pages, split between rows

    monkeypatch.setattr(toc, "_Rows", Table)
    plain: toc.Cells = {}
    assert _pdf(project, style, entries, None, plain)[0] == first
    assert _pdf(project, style, entries, pages, plain)[0] == second
