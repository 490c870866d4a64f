"""The binder's first pass: on which page each mark (outline entry, Daftar Isi link
target) falls, for the page numbers of the Daftar Isi (toc.py), without making a PDF.

ReportLab sets the story exactly as ``canvas.render`` does (the same page templates and
frames, the same wraps and splits), so the pages and the marks are the PDF's; but only
the marks are drawn (the zero-size ``Mark``s, and a ``FlowchartPage``, given dry, draws
only its mark), nothing is kept per page and no file is written. A mark must therefore
stand in the story itself, not inside another flowable. A part that is only whole
flowchart pages from a new page (most of a binder) is not set at all: its pages are
counted (``collapsed``), the parts of that kind in a row as one flowable.
"""

from __future__ import annotations

import io

from reportlab.platypus import Flowable, Frame, NextPageTemplate, PageBreak

from sopgen.layout.style import Style
from sopgen.render.fonts import register_fonts
from sopgen.render.pdf.canvas import (
    FlowchartPage,
    KeptFlowchartPage,
    Mark,
    SopCanvas,
    doc_template,
)

_WHOLE = (FlowchartPage, KeptFlowchartPage)  # a whole page each, whatever it draws


class _Counting(SopCanvas):
    """Counts pages and records marks (SopCanvas.marks); keeps and writes nothing."""

    def showPage(self):
        self._sop_pages.append({})
        self._startPage()

    def save(self):
        pass


def _skip(*args, **kwargs) -> None:
    pass


class _Pages(Flowable):
    """Pages that need no setting, in a row: each ``marks`` entry a page and the marks on
    it. Placed at the top of a page it takes that page and counts the others."""

    def __init__(self, pages: list[list[Mark]]):
        super().__init__()
        self.pages = pages

    def wrap(self, availWidth, availHeight):
        return availWidth, availHeight

    def draw(self):
        canv = self.canv
        for n, marks in enumerate(self.pages):
            if n:
                canv._sop_pages.append({})
            for mark in marks:
                mark.canv = canv
                mark.draw()


def _segments(story: list) -> list[tuple[NextPageTemplate | None, list]]:
    """The story cut before each new page asked for (NextPageTemplate then PageBreak):
    (the NextPageTemplate, or None for the start, and what follows up to the next)."""
    out: list[tuple[NextPageTemplate | None, list]] = [(None, [])]
    i, n = 0, len(story)
    while i < n:
        f = story[i]
        if type(f) is NextPageTemplate and i + 1 < n and type(story[i + 1]) is PageBreak:
            out.append((f, []))
            i += 2
            continue
        out[-1][1].append(f)
        i += 1
    return out


def _whole_pages(body: list) -> list[list[Mark]] | None:
    """The marks of each page of a part that is only marks then whole flowchart pages
    (a flowchart printed from a new page, its notes under its table), else None."""
    pages: list[list[Mark]] = []
    lead: list[Mark] = []
    for f in body:
        if type(f) is Mark and not pages:
            lead.append(f)
        elif type(f) in _WHOLE:
            pages.append([f.mark] if f.mark is not None else [])
        else:
            return None
    if not pages:
        return None
    pages[0][:0] = lead
    return pages


def collapsed(story: list) -> list:
    """``story`` for finding the marks: the parts that are whole flowchart pages, in a
    row, one ``_Pages`` (their pages are known without setting them)."""
    out: list = []
    run: list[list[Mark]] = []
    start: NextPageTemplate | None = None
    for template, body in _segments(story):
        pages = _whole_pages(body) if template is not None else None
        if pages is not None:
            if not run:
                start = template
            run += pages
            continue
        if run:
            out += [start, PageBreak(), _Pages(run)]
            run = []
        if template is not None:
            out += [template, PageBreak()]
        out += body
    if run:
        out += [start, PageBreak(), _Pages(run)]
    return out


class _MarksOnly(Frame):
    """A frame that places every flowable as Frame does but draws only the marks."""

    def _add(self, flowable: Flowable, canv, trySplit=0):
        if isinstance(flowable, (Mark, FlowchartPage, _Pages)):
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

    doc.build(collapsed(story), canvasmaker=canvasmaker)
    return made[-1].marks
