"""The handbook of the real data (data/), built with the real layout and its PDFs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sopgen.layout import layout_procedure
from sopgen.render.fonts import measure
from sopgen.render.html.site import compute_layouts
from sopgen.render.html.svg import num
from sopgen.render.pdf.binder import make_style
from tests.html.support import html_pages, scan

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def built(real_site):
    return real_site


def test_pdf_links_resolve_to_the_pdfs_the_handbook_carries(built):
    out, _ = built
    site = out / "html"
    seen = set()
    for page in html_pages(site):
        for tag, attrs in scan(page).tags:
            href = attrs.get("href") or ""
            if tag == "a" and href.endswith(".pdf"):
                target = (page.parent / href).resolve()
                assert target.is_file(), f"{page.relative_to(site)}: {href}"
                seen.add(target.name)
    assert seen == {p.name for p in (site / "pdf").glob("*.pdf")}
    assert all(p.read_bytes().startswith(b"%PDF-") for p in (site / "pdf").glob("*.pdf"))


def test_svg_draws_the_same_geometry_as_the_pdf(built):
    out, projects = built
    layouts = compute_layouts(projects, measure)
    for project in projects:
        style = make_style(project)
        for proc in project.procedures:
            # what render/pdf/binder.py lays out: the same style, Liberation Sans metrics
            pdf_layout = layout_procedure(proc, project.procedure_nomor(proc), style, measure)
            assert layouts[(project.name, proc.id)] == pdf_layout, proc.id
            html = (out / "html" / "prosedur" / f"{proc.id}.html").read_text(encoding="utf-8")
            for page in pdf_layout.pages:
                for sym in page.symbols:
                    b = sym.box
                    if sym.kind == "decision":
                        continue
                    assert re.search(
                        rf'data-step="{sym.step + 1}"[^>]* x="{num(b.x)}" y="{num(b.y)}" '
                        rf'width="{num(b.w)}" height="{num(b.h)}"',
                        html,
                    ), (proc.id, sym.step)
            n = len(proc.data.kegiatan)
            # on screen: one continuous diagram, each step's symbol once, no connector
            screen = re.search(r'<figure class="flow-screen.*?</figure>', html, re.S).group(0)
            steps = re.findall(r'class="symbol symbol-\w+" data-step="(\d+)"', screen)
            assert sorted(map(int, steps)) == list(range(1, n + 1)), proc.id
            assert screen.count("<svg") == 1 and "offpage" not in screen, proc.id
            # for print: the PDF's pages, each step's symbol once over all of them
            printed = html.replace(screen, "")
            steps = re.findall(r'class="symbol symbol-\w+" data-step="(\d+)"', printed)
            assert sorted(map(int, steps)) == list(range(1, n + 1)), proc.id
            assert printed.count('class="flow-page print-only"') == len(pdf_layout.pages)
