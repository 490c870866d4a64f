"""The page machinery shared by the binder and the per-procedure PDFs: the canvas that
numbers pages "Halaman x dari y" and binds outline entries and link targets, the
zero-size marks that feed it, the full-page flowchart flowable, and ``render`` (story ->
bytes, with the page templates: framed landscape, full-page flowchart, framed portrait).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from sopgen.layout.geometry import Page
from sopgen.layout.style import Style
from sopgen.render.fonts import REGULAR, register_fonts
from sopgen.render.pdf.draw import draw_page
from sopgen.render.pdf.frames import frame_rects
from sopgen.render.pdf.kept import Capture, KeptPage, fits
from sopgen.render.pdf.kept_streams import PageStreams, active
from sopgen.render.pdf.pdfa import eol_before_endstream, make_archival
from sopgen.render.pdf.procedure_pages import draw_notes, notes_room

FOOTER_SIZE = 8.0
FOOTER_NOMOR_SIZE = 6.5
PRINT_FLAG = 4  # annotation flag "Print" (PDF/A wants it on every link)


class SopCanvas(Canvas):
    """Holds every page until ``save`` so the footer can say "dari <total>".

    (ReportLab's NumberedCanvas pattern.) Outline entries and link targets are recorded
    with their page index and bound while the pages are replayed, so each points at its
    real page. ``marks`` (key -> 0-based page index) is read after a build; ``streams``
    is told each page's content stream (kept_streams).
    """

    def __init__(
        self,
        *args,
        created: str,
        margins: tuple[float, float, float],
        archival: bool = False,
        streams: PageStreams | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self._sop_archival = archival
        self._sop_streams = streams
        self._sop_pages: list[dict] = []
        self._sop_marks: list[tuple[int, str, str, int]] = []
        self._sop_nomor = ""
        self._sop_footer_on = True
        self._sop_margins = margins  # left, right, bottom
        self.setDateFormatter(lambda *_: created)

    @property
    def marks(self) -> dict[str, int]:
        return {key: index for index, _, key, _ in self._sop_marks}

    def sop_outline(self, title: str, key: str, level: int = 0) -> None:
        self._sop_marks.append((len(self._sop_pages), title, key, level))

    def linkRect(self, contents, destinationname, Rect=None, addtopage=1, name=None, **kw):
        kw.setdefault("F", PRINT_FLAG)
        return super().linkRect(contents, destinationname, Rect, addtopage, name, **kw)

    def showPage(self):
        self._sop_pages.append(dict(self.__dict__))
        self._startPage()
        self._sop_footer_on = True

    def save(self):
        total = len(self._sop_pages)
        marks: dict[int, list[tuple[str, str, int]]] = {}
        for index, title, key, level in self._sop_marks:
            marks.setdefault(index, []).append((title, key, level))
        for index, state in enumerate(self._sop_pages):
            self.__dict__.update(state)
            for title, key, level in marks.get(index, ()):
                self.bookmarkPage(key)
                if title:
                    self.addOutlineEntry(title, key, level=level)
            if self._sop_footer_on:
                self._sop_footer(index + 1, total)
            Canvas.showPage(self)
            if self._sop_streams is not None:
                self._sop_streams.page(index, self._doc.Pages.pages[-1].stream)
        if self._sop_marks:
            self.showOutline()
        if self._sop_archival:
            make_archival(self)
        Canvas.save(self)

    def _sop_footer(self, number: int, total: int) -> None:
        width = self._pagesize[0]
        left, right, bottom = self._sop_margins
        y = bottom * 0.42
        self.saveState()
        self.setFillGray(0)
        if self._sop_nomor:
            self.setFont(REGULAR, FOOTER_NOMOR_SIZE)
            self.drawString(left, y, self._sop_nomor)
        self.setFont(REGULAR, FOOTER_SIZE)
        self.drawRightString(width - right, y, f"Halaman {number} dari {total}")
        self.restoreState()


class Mark(Flowable):
    """Zero-size: sets the footer's Nomor SOP, an outline entry / link target ``key`` on
    its page (``outline`` "" = a target without an outline entry), or hides the footer."""

    _ZEROSIZE = True

    def __init__(
        self,
        nomor: str | None = None,
        outline: str | None = None,
        key: str | None = None,
        level: int = 0,
        footer: bool = True,
    ):
        super().__init__()
        self.nomor, self.outline, self.key, self.level = nomor, outline, key, level
        self.footer = footer

    def wrap(self, availWidth, availHeight):
        return 0, 0

    def draw(self):
        if self.nomor is not None:
            self.canv._sop_nomor = self.nomor
        if self.key:
            self.canv.sop_outline(self.outline or "", self.key, self.level)
        if not self.footer:
            self.canv._sop_footer_on = False


class FlowchartPage(Flowable):
    """A whole page drawn from geometry; it fills a zero-padding full-page frame, so the
    canvas origin is the page's bottom-left corner when ``draw`` runs. ``dry``: count
    the page, draw nothing (the first pass that finds page numbers). ``record``: told
    the page as drawn (kept.KeptPage, None when it cannot be kept) once it is drawn."""

    def __init__(self, page: Page, style: Style, nomor: str, mark: Mark | None, dry=False):
        super().__init__()
        self.page, self.style, self.nomor, self.mark, self.dry = page, style, nomor, mark, dry
        self.notes: list = []  # the procedure's catatan, under the table (last page)
        self.record: Callable[[KeptPage | None], None] | None = None
        self.drawn_at = -1  # the page's index once drawn (not dry)

    def page_size(self) -> tuple[float, float]:
        return self.page.width, self.page.height

    def notes_room(self) -> tuple[float, float]:
        """procedure_pages.notes_room of the page."""
        return notes_room(self.page, self.style)

    def wrap(self, availWidth, availHeight):
        return availWidth, availHeight

    def draw(self):
        self.canv._sop_nomor = self.nomor
        if self.mark is not None:
            self.mark.canv = self.canv
            self.mark.draw()
        if self.dry:
            return
        self.drawn_at = len(self.canv._sop_pages)
        if self.record is None:
            self._draw_page()
            return
        with Capture(self.canv) as capture:
            self._draw_page()
        self.record(capture.page(*self.page_size(), *self.notes_room(), bool(self.notes)))

    def _draw_page(self) -> None:
        draw_page(self.canv, self.page, self.style)
        if self.notes:
            draw_notes(self.canv, self.notes, self.page, self.style)


class KeptFlowchartPage(FlowchartPage):
    """A flowchart page from its kept operators (kept.py) where they fit the document
    drawn so far, else drawn from its geometry, which ``load`` gives only then."""

    def __init__(
        self,
        kept: KeptPage,
        load: Callable[[], Page],
        style: Style,
        nomor: str,
        mark: Mark | None,
        dry=False,
    ):
        Flowable.__init__(self)
        self.kept, self.load = kept, load
        self.style, self.nomor, self.mark, self.dry = style, nomor, mark, dry
        self.notes = []
        self.record = None
        self.drawn_at = -1

    @property
    def page(self) -> Page:  # type: ignore[override]
        return self.load()

    def page_size(self) -> tuple[float, float]:
        return self.kept.width, self.kept.height

    def notes_room(self) -> tuple[float, float]:
        return self.kept.notes_top, self.kept.notes_free

    def draw(self):
        if self.dry or self.kept.notes != bool(self.notes) or not fits(self.canv, self.kept):
            super().draw()
            return
        self.canv._sop_nomor = self.nomor
        if self.mark is not None:
            self.mark.canv = self.canv
            self.mark.draw()
        self.drawn_at = len(self.canv._sop_pages)
        if self.kept.ops:
            self.canv._code.append(self.kept.ops)
        if self.record is not None:
            self.record(self.kept)


@dataclass(frozen=True)
class Meta:
    title: str
    subject: str
    author: str
    created: str  # "D:YYYYMMDDhhmmssZ"
    keywords: str = "SOP, Standar Operasional Prosedur"
    archival: bool = False  # PDF/A-2b


def _frame(x: float, y: float, w: float, h: float, id: str) -> Frame:
    return Frame(x, y, w, h, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id=id)


FRAME_IDS = {"front": "f", "flow": "w", "portrait": "p"}


def templates(style: Style, frame: Callable[..., Frame] = _frame) -> dict[str, PageTemplate]:
    """``front`` (framed, the paper's landscape), ``flow`` (full page), ``portrait``
    (framed, the same paper upright: cover, Daftar Isi, a portrait Lembar Pengesahan);
    their frames: frames.frame_rects, each made by ``frame(x, y, w, h, id)``."""
    return {
        name: PageTemplate(id=name, frames=[frame(*rect, FRAME_IDS[name])], pagesize=size)
        for name, (rect, size) in frame_rects(style).items()
    }


def doc_template(
    out, style: Style, first: str, frame: Callable[..., Frame] = _frame, **info
) -> BaseDocTemplate:
    """The document a story is set in, by ``render`` and by the binder's first pass
    (page_numbers.py) alike: the style's page and margins, the page templates with
    ``first`` first; ``info``: the PDF's document information."""
    doc = BaseDocTemplate(
        out,
        pagesize=style.page_size,
        leftMargin=style.margin_left,
        rightMargin=style.margin_right,
        topMargin=style.margin_top,
        bottomMargin=style.margin_bottom,
        invariant=1,
        initialFontName=REGULAR,
        **info,
    )
    pages = templates(style, frame)
    doc.addPageTemplates([pages[first]] + [t for k, t in pages.items() if k != first])
    return doc


def frame_size(style: Style, template: str) -> tuple[float, float]:
    frame = templates(style)[template].frames[0]
    return frame._width, frame._height


def render(
    story: list, style: Style, meta: Meta, first: str, streams: PageStreams | None = None
) -> tuple[bytes, dict[str, int]]:
    """The PDF bytes of ``story`` and where its marks landed (key -> page index);
    ``streams``: the pages' streams known compressed, told each page's (kept_streams)."""
    register_fonts()
    buf = io.BytesIO()
    doc = doc_template(
        buf,
        style,
        first,
        title=meta.title,
        subject=meta.subject,
        author=meta.author,
        creator="sopgen",
        keywords=meta.keywords,
        lang="id-ID",
    )
    margins = (style.margin_left, style.margin_right, style.margin_bottom)
    made: list[SopCanvas] = []

    def canvasmaker(*args, **kwargs):
        made.append(
            SopCanvas(
                *args,
                created=meta.created,
                margins=margins,
                archival=meta.archival,
                streams=streams,
                **kwargs,
            )
        )
        return made[-1]

    # Binary (Flate-only) streams: smaller files and ~20% faster than ReportLab's default
    # ASCII85 wrapping. rl_config is process-global, so restore it afterwards.
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        with eol_before_endstream() if meta.archival else nullcontext(), active(streams):
            doc.build(story, canvasmaker=canvasmaker)
    finally:
        rl_config.useA85 = saved
    return buf.getvalue(), made[-1].marks
