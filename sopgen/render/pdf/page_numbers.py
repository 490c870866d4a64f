"""The binder's first pass: on which page each mark (outline entry, Daftar Isi link
target) falls, for the page numbers of the Daftar Isi (toc.py), without making a PDF.

ReportLab sets the story exactly as ``canvas.render`` does (the same page templates and
frames, the same wraps and splits), so the pages and the marks are the PDF's; but only
the marks are drawn (the zero-size ``Mark``s, and a ``FlowchartPage``, given dry, draws
only its mark), nothing is kept per page and no file is written. A mark must therefore
stand in the story itself, not inside another flowable.
"""

from __future__ import annotations

import io

from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from sopgen.layout.style import Style
from sopgen.render.fonts import REGULAR, register_fonts
from sopgen.render.pdf.canvas import FRAME_IDS, FlowchartPage, Mark, SopCanvas
from sopgen.render.pdf.frames import frame_rects


class _Counting(SopCanvas):
    """Counts pages and records marks (SopCanvas.marks); keeps and writes nothing."""

    def showPage(self):
        self._sop_pages.append({})
        self._startPage()

    def save(self):
        pass


def _skip(*args, **kwargs) -> None:
    pass


class _MarksOnly(Frame):
    """A frame that places every flowable as Frame does but draws only the marks."""

    def _add(self, flowable: Flowable, canv, trySplit=0):
        if isinstance(flowable, (Mark, FlowchartPage)):
            return super()._add(flowable, canv, trySplit)
        flowable.drawOn = _skip  # this placing only: the instance's own attribute
        try:
            return super()._add(flowable, canv, trySplit)
        finally:
            del flowable.drawOn

    add = _add


def page_marks(story: list, style: Style, first: str) -> dict[str, int]:
    """Where the marks of ``story`` land (key -> 0-based page index) when it is rendered
    with ``first`` as its first page template (canvas.render)."""
    register_fonts()
    templates = {
        name: PageTemplate(
            id=name,
            frames=[_MarksOnly(*rect, 0, 0, 0, 0, id=FRAME_IDS[name])],
            pagesize=size,
        )
        for name, (rect, size) in frame_rects(style).items()
    }
    doc = BaseDocTemplate(
        io.BytesIO(),
        pagesize=style.page_size,
        leftMargin=style.margin_left,
        rightMargin=style.margin_right,
        topMargin=style.margin_top,
        bottomMargin=style.margin_bottom,
        invariant=1,
        initialFontName=REGULAR,
    )
    doc.addPageTemplates([templates[first]] + [t for k, t in templates.items() if k != first])
    made: list[_Counting] = []

    def canvasmaker(*args, **kwargs):
        made.append(_Counting(*args, created="", margins=(0, 0, 0), **kwargs))
        return made[-1]

    doc.build(story, canvasmaker=canvasmaker)
    return made[-1].marks
