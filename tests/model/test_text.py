"""model.text: one reading of a text field's little Markdown, given as HTML (handbook),
ReportLab blocks (PDF paragraphs) and plain lines (flowchart cells)."""

from __future__ import annotations

import re
from html import unescape

import pytest

from sopgen.model.text import plain_block, plain_text, to_html, to_reportlab, to_reportlab_blocks

LIST = "1. Surat permohonan\n2. KTP\n3. KK"


def test_numbered_list_is_one_line_per_item():
    assert plain_block(LIST) == "1. Surat permohonan\n2. KTP\n3. KK"
    assert to_html(LIST) == "<ol>\n<li>Surat permohonan</li>\n<li>KTP</li>\n<li>KK</li>\n</ol>"
    assert to_reportlab(LIST) == "1. Surat permohonan<br/>2. KTP<br/>3. KK"


def test_a_line_break_typed_in_the_text_stays_a_line_break():
    two = "Surat dalam kondisi aman\nAlamat tujuan jelas"
    assert plain_block(two) == two
    assert to_html(two) == "<p>Surat dalam kondisi aman<br>\nAlamat tujuan jelas</p>"
    assert to_reportlab(two) == "Surat dalam kondisi aman<br/>Alamat tujuan jelas"
    # '1.Surat' (no space) is no Markdown list, but its lines stay lines
    assert plain_block("1.Surat a;\n2.Laporan b.") == "1.Surat a;\n2.Laporan b."
    # search and link texts keep one folded line
    assert plain_text(two) == "Surat dalam kondisi aman Alamat tujuan jelas"


def test_plain_block_drops_markup_and_keeps_bullets():
    text = "Ket: **penting**\n\n- KAK & FP\n- SK *peserta*\n\nakhir"
    assert plain_block(text) == "Ket: penting\n\u2022 KAK & FP\n\u2022 SK peserta\nakhir"
    assert plain_block("Mencatat <b>agenda</b>") == "Mencatat <b>agenda</b>"
    assert plain_block("  satu   dua \n\n\n tiga ") == "satu dua\ntiga"
    assert plain_block(None) == plain_block("") == ""


def _html_lines(html: str) -> list[str]:
    """The lines a browser shows for the handbook's HTML: a line per <p>, <li> and <br>,
    with the number or bullet a list item shows."""
    out: list[str] = []
    lists: list[list] = []  # per open list: [ordered, items so far]
    for tag, attrs, rest in re.findall(r"<(/?\w+)([^>]*)>([^<]*)", f"<p>{html}"):
        if tag in ("ol", "ul"):
            start = re.search(r'start="(\d+)"', attrs)
            lists.append([tag == "ol", int(start.group(1)) - 1 if start else 0])
        elif tag in ("/ol", "/ul"):
            lists.pop()
        if tag == "li":
            lists[-1][1] += 1
            out.append(f"{lists[-1][1]}. " if lists[-1][0] else "\u2022 ")
        elif tag in ("p", "br"):
            out.append("")
        out[-1] += rest
    return [" ".join(unescape(line).split()) for line in out if line.strip()]


def _pdf_lines(text: str) -> list[str]:
    """The lines of the PDF's paragraphs: a line per block and per <br/>."""
    out = []
    for block in to_reportlab_blocks(text):
        markup = (f"{block.bullet} " if block.bullet else "") + block.markup
        out += [unescape(re.sub(r"</?[bi]>", "", part)) for part in markup.split("<br/>")]
    return out


@pytest.mark.parametrize(
    "text",
    [
        LIST,
        "Surat dalam kondisi aman\nAlamat tujuan jelas",
        "Diubah:\n- **a**\n- b & c",
        "satu\n\ndua\ntiga",
        "1.Surat a;\n2.Laporan b.",
        "Rahasia (R);\nTerbatas (T);\nBiasa (B);",
        "3. tiga\n4. empat",
    ],
)
def test_pdf_handbook_and_cells_read_one_text_the_same_way(text):
    assert plain_block(text).split("\n") == _pdf_lines(text) == _html_lines(to_html(text))


def test_a_block_gives_its_visible_lines():
    blocks = to_reportlab_blocks("Ket: **x** &amp; <y>\ndua\n\n- *satu*")
    assert [(b.bullet, b.lines) for b in blocks] == [
        (None, ("Ket: x & <y>", "dua")),
        ("\u2022", ("satu",)),
    ]
