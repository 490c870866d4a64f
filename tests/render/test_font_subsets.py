"""The embedded font programs are made once per subset per process (render.fonts.SUBSETS):
a PDF made after others embeds what it embeds when made alone, also when its text brings
characters the others do not print."""

from __future__ import annotations

from pathlib import Path

from sopgen.build import load_project
from sopgen.render import fonts
from sopgen.render.common import make_style
from sopgen.render.pdf.binder import layout_all, render_procedure

ROOT = Path(__file__).resolve().parents[2]


def test_a_pdf_made_after_others_embeds_the_fonts_it_embeds_alone():
    project = load_project(ROOT / "data" / "sekretariat")
    style = make_style(project)
    proc, layout = layout_all(project, style)[0]

    def pdf(title: str) -> bytes:
        data = proc.data.model_copy(update={"judul": title})
        return render_procedure(project, proc.model_copy(update={"data": data}), layout, style)

    titles = ["Rapat Koordinasi", "Rapat Koordinasi – Tahap Ü (é, ½)", "Rencana Kerja"]
    alone = []
    for title in titles:
        fonts.SUBSETS.clear()
        alone.append(pdf(title))
    fonts.SUBSETS.clear()
    assert [pdf(t) for t in titles + titles[::-1]] == alone + alone[::-1]
    # the accented title made a subset of its own beside each face's usual one
    assert len(fonts.SUBSETS) > len({face for face, _ in fonts.SUBSETS})
