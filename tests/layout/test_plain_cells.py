"""Flowchart cells show the visible text of a Markdown field, never its markup."""

from sopgen.layout import layout_procedure
from sopgen.layout.style import Style
from tests.layout.builders import fake_measure, procedure, step


def cell_text(page, role, index):
    cell = next(c for c in page.cells if c.role == role and c.step == index)
    inside = [
        t.text
        for t in page.texts
        if cell.box.x <= t.x <= cell.box.right and cell.box.y <= t.y <= cell.box.bottom
    ]
    return " ".join(inside)


def test_markdown_is_drawn_as_plain_text():
    proc = procedure(
        [
            step("Menerima **surat** *masuk*", kelengkapan="`Formulir` F-1"),
            step("Mencatat <b>agenda</b>", output="Buku & agenda"),
        ]
    )
    page = layout_procedure(proc, "01/SOP", Style(), fake_measure).pages[0]
    assert cell_text(page, "kegiatan", 0) == "Menerima surat masuk"
    assert cell_text(page, "kelengkapan", 0) == "Formulir F-1"
    # raw HTML is not Markdown in sopgen: it stays visible text, as in the handbook
    assert cell_text(page, "kegiatan", 1) == "Mencatat <b>agenda</b>"
    assert cell_text(page, "output", 1) == "Buku & agenda"
