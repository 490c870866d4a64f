"""The SVG backend draws exactly the layout geometry, like the PDF, and escapes all text."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from sopgen.layout import geometry as g
from sopgen.layout.style import Style
from sopgen.render.html.svg import Bar, render_bar_chart, render_svg

NS = {"s": "http://www.w3.org/2000/svg"}
S = "{http://www.w3.org/2000/svg}"


def _page() -> g.Page:
    table = g.Box(40, 60, 700, 200)
    terminator = g.Symbol(0, "terminator", g.Box(300, 80, 70, 36), (0,))
    decision = g.Symbol(1, "decision", g.Box(410, 140, 50, 50), (1,))
    process = g.Symbol(2, "process", g.Box(290, 200, 90, 36), (0, 1))  # a joint step
    return g.Page(
        width=842,
        height=595,
        index=0,
        steps=(0, 1, 2),
        cells=(
            g.Cell(g.Box(40, 60, 700, 20), True, "header"),
            g.Cell(g.Box(40, 80, 700, 60), False, "kegiatan", 0),
        ),
        texts=(
            g.Text(40, 40, 'SOP <CONTOH> & "uji"', "bold", 11),
            g.Text(335, 72, "Kepala Dinas", "regular", 7, "middle"),
            g.Text(44, 92, "miring", "italic", 8),
        ),
        symbols=(terminator, decision, process),
        arrows=(
            g.Arrow(((335, 116), (335, 128), (435, 128), (435, 140)), "step:1", "step:2"),
            g.Arrow(((435, 190), (435, 200)), "step:2", "step:3", "Ya", (439, 198)),
            g.Arrow(
                ((460, 165), (500, 165), (500, 270)), "step:2", "offpage:A", "Tidak", (462, 161)
            ),
        ),
        offpage=(g.OffPage("A", "out", g.Box(488, 270, 24, 28), 1, 1),),
        table=table,
    )


def _svg(**kw) -> ET.Element:
    return ET.fromstring(render_svg(_page(), **kw))


def test_one_symbol_per_step_with_its_number_and_kind():
    root = _svg()
    symbols = [e for e in root.iter() if "symbol" in e.get("class", "").split()]
    assert [(e.get("data-step"), e.get("class")) for e in symbols] == [
        ("1", "symbol symbol-terminator"),
        ("2", "symbol symbol-decision"),
        ("3", "symbol symbol-process"),
    ]


def test_shapes_follow_the_geometry():
    root = _svg()
    term, dec, proc = (e for e in root.iter() if "symbol" in e.get("class", "").split())
    assert term.tag == f"{S}rect"
    assert (term.get("x"), term.get("y"), term.get("width"), term.get("height")) == (
        "300",
        "80",
        "70",
        "36",
    )
    assert term.get("rx") == "18"  # a capsule: half the height, as the PDF
    assert dec.tag == f"{S}polygon"
    assert dec.get("points") == "435,140 460,165 435,190 410,165"
    assert proc.tag == f"{S}rect" and proc.get("rx") is None
    assert proc.get("width") == "90"  # spans both executor columns, as laid out


def test_arrows_end_in_an_arrowhead_at_their_last_point():
    root = _svg()
    style = Style()
    paths = root.findall(".//s:path[@class='arrow']", NS)
    heads = root.findall(".//s:polygon[@class='arrowhead']", NS)
    assert len(paths) == len(heads) == 3
    first = paths[0].get("d")
    # the line stops 0.8 arrowhead before the tip (so it does not poke through)
    assert first == f"M335 116 L335 128 L435 128 L435 {140 - style.arrowhead * 0.8:g}"
    tip = heads[0].get("points").split()[0]
    assert tip == "435,140"
    assert paths[0].get("data-source") == "step:1" and paths[0].get("data-target") == "step:2"


def test_a_two_way_arrow_has_a_head_at_each_end():
    """bolak_balik: one line, stopped short of both tips, and two heads pointing out."""
    import dataclasses

    style = Style()
    two_way = g.Arrow(((370, 98), (410, 98)), "step:1", "step:2", both=True)
    page = dataclasses.replace(_page(), arrows=(two_way,))
    root = ET.fromstring(render_svg(page))
    (path,) = root.findall(".//s:path[@class='arrow']", NS)
    cut = style.arrowhead * 0.8
    assert path.get("d") == f"M{370 + cut:g} 98 L{410 - cut:g} 98"
    heads = root.findall(".//s:polygon[@class='arrowhead']", NS)
    assert [h.get("points").split()[0] for h in heads] == ["410,98", "370,98"]


def test_decision_labels_sit_where_the_layout_put_them():
    root = _svg()
    labels = root.findall(".//s:text[@class='arrow-label']", NS)
    assert [(t.text, t.get("x"), t.get("y")) for t in labels] == [
        ("Ya", "439", "198"),
        ("Tidak", "462", "161"),
    ]


def test_offpage_connector_is_a_pentagon_pointing_down_with_its_letter():
    root = _svg()
    shape = root.find(".//s:polygon[@data-label='A']", NS)
    assert shape is not None and shape.get("class") == "offpage offpage-out"
    points = shape.get("points").split()
    assert points == ["488,270", "512,270", "512,286.8", "500,298", "488,286.8"]
    assert root.find(".//s:text[@data-label='A']", NS).text == "A"


def test_drawing_order_is_the_pdfs():
    # cells, texts, symbols, pentagons, arrows, then the letters on top
    order = [g.get("class") for g in _svg().findall("s:g", NS)]
    assert order == ["cells", "texts", "symbols", "offpage-connectors", "arrows", "offpage-labels"]


def test_texts_keep_position_font_and_anchor_and_are_escaped():
    svg = render_svg(_page())
    assert "SOP &lt;CONTOH&gt; &amp; &quot;uji&quot;" in svg
    root = ET.fromstring(svg)
    texts = root.findall(".//s:g[@class='texts']/s:text", NS)
    assert texts[0].text == 'SOP <CONTOH> & "uji"'
    assert texts[0].get("font-weight") == "bold" and texts[0].get("font-size") == "11"
    assert texts[1].get("text-anchor") == "middle"
    assert texts[2].get("font-style") == "italic"


def test_title_desc_and_tooltips_are_escaped_text():
    hostile = '</title><script>alert(1)</script>"'
    svg = render_svg(_page(), title=hostile, desc=hostile, step_titles={0: hostile}, id_prefix="d1")
    assert "<script" not in svg
    root = ET.fromstring(svg)
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "d1-title"
    assert root.get("aria-describedby") == "d1-desc"
    assert root.find("s:title", NS).text == hostile
    term = next(e for e in root.iter() if e.get("data-step") == "1")
    assert term.find("s:title", NS).text == hostile


def test_view_box_holds_everything_drawn():
    root = _svg()
    x, y, w, h = map(float, root.get("viewBox").split())
    page = _page()
    assert x <= page.table.x and y <= 40 - 11  # the title's cap height
    assert x + w >= page.table.right
    assert y + h >= page.offpage[0].box.bottom


def test_bar_chart_scales_bars_to_the_total_and_has_a_text_alternative():
    def measure(text, font, size):
        return len(text) * size * 0.5

    svg = render_bar_chart(
        [Bar("Kasubag", 60, "1 Jam (50%)"), Bar("Staf", 120, "2 Jam (100%)"), Bar("Kadis", 0, "0")],
        scale_max=120,
        title="Bagian waktu <tiap> pelaksana",
        desc="Kasubag: 1 Jam; Staf: 2 Jam",
        measure=measure,
        width=400,
    )
    root = ET.fromstring(svg)
    assert root.find("s:title", NS).text == "Bagian waktu <tiap> pelaksana"
    assert root.find("s:desc", NS).text.startswith("Kasubag")
    bars = root.findall(".//s:rect[@class='bar']", NS)
    assert [float(b.get("width")) for b in bars] == [200.0, 400.0, 0.0]


def test_bar_chart_shortens_labels_that_do_not_fit():
    def measure(text, font, size):
        return len(text) * size * 0.5

    svg = render_bar_chart(
        [Bar("Staf Perencanaan dan Pelaporan " * 4, 10, "10 Menit")],
        scale_max=10,
        title="t",
        desc="d",
        measure=measure,
        width=200,
    )
    label = ET.fromstring(svg).findall(".//s:text", NS)[0].text
    assert label.endswith("…") and measure(label, "regular", 15) <= 200
