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

from reportlab.platypus import Flowable, Frame

from sopgen.layout.style import Style
from sopgen.render.fonts import register_fonts
from sopgen.render.pdf.canvas import FlowchartPage, Mark, SopCanvas, doc_template


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


def _marks_frame(x: float, y: float, w: float, h: float, id: str) -> _MarksOnly:
    return _MarksOnly(x, y, w, h, 0, 0, 0, 0, id=id)


def page_marks(story: list, style: Style, first: str) -> dict[str, int]:
    """Where the marks of ``story`` land (key -> 0-based page index) when it is rendered
    with ``first`` as its first page template (canvas.render)."""
    register_fonts()
    doc = doc_template(io.BytesIO(), style, first, frame=_marks_frame)
    made: list[_Counting] = []

    def canvasmaker(*args, **kwargs):
        made.append(_Counting(*args, created="", margins=(0, 0, 0), **kwargs))
        return made[-1]

    doc.build(story, canvasmaker=canvasmaker)
    return made[-1].marks
