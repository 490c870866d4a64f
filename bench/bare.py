"""A bare ReportLab platypus Table of a project's steps: what ReportLab alone costs for the
same text (same fonts, the same columns, the header repeated on every page). The
benchmark's yardstick for the binder (`bench/bench.py`)."""

from __future__ import annotations

import io

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from sopgen.layout.style import Style
from sopgen.render.fonts import BOLD, REGULAR, register_fonts


def bare_table(project) -> bytes:
    """The same steps as plain platypus Tables: what ReportLab alone costs."""
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
