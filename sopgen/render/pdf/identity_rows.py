"""The identity page's three framed two-column rows (Dasar Hukum | Kualifikasi
Pelaksana, Keterkaitan | Peralatan, Peringatan | Pencatatan): their columns of numbered
items, a list of short items printed in two columns (``ShortList``), and the row itself
(``TwoColumnSection``), which breaks across pages between items only.
"""

from __future__ import annotations

from math import ceil

from reportlab.platypus import Flowable, Paragraph

from sopgen.render.pdf.columns import SpreadSection
from sopgen.render.pdf.drawn import draw_kept
from sopgen.render.pdf.front import LINE, inline_markup, plain
from sopgen.render.pdf.identity_paragraphs import paragraph

KEEP_WHOLE = 160.0  # a bottom row (or an item) at most this tall is never split across pages
SHORT_MIN, SHORT_MAX = 4, 24  # how many short items are printed in two columns
SHORT_GAP = 8.0  # between the two columns of a ShortList


class ShortList(Flowable):
    """Numbered items that each fit on one line at half the column's width, printed in
    two columns (down the left, then down the right: 1 2 3 | 4 5 6), as the originals
    print a Peralatan of six two-word items. At a width where one does not fit on one
    line it prints them one under the other. It is one item for page breaks (at most
    SHORT_MAX items, so it stays short) and is never cut."""

    _sop_item = True

    def __init__(self, items: list[Paragraph]):
        super().__init__()
        self.items = items
        self.two = False

    @staticmethod
    def _h(p: Paragraph, w: float) -> tuple[float, int]:
        _, h = p.wrap(w, 1e9)
        return h + p.getSpaceAfter(), len(p.blPara.lines)

    def _rows(self) -> int:
        return ceil(len(self.items) / 2)

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        half = (availWidth - SHORT_GAP) / 2
        sized = [self._h(p, half) for p in self.items]
        self.two = all(lines == 1 for _, lines in sized)
        if self.two:
            n = self._rows()
            self.height = max(
                sum(h for h, _ in sized[:n]),
                sum(h for h, _ in sized[n:]),
            )
        else:
            self.height = sum(self._h(p, availWidth)[0] for p in self.items)
        return self.width, self.height

    def split(self, availWidth, availHeight):
        """Printed one under the other (too narrow for two columns), it breaks between
        its items like the plain items do; in two columns it is never cut."""
        self.wrap(availWidth, availHeight)
        if self.two:
            return []
        used, n = 0.0, 0
        while n < len(self.items):
            h = self._h(self.items[n], availWidth)[0]
            if used + h > availHeight + 1e-6:
                break
            used, n = used + h, n + 1
        if n == 0:
            return []
        return [ShortList(self.items[:n]), ShortList(self.items[n:])]

    def draw(self):
        if self.two:
            n = self._rows()
            half = (self.width - SHORT_GAP) / 2
            columns = ((0.0, self.items[:n], half), (half + SHORT_GAP, self.items[n:], half))
        else:
            columns = ((0.0, self.items, self.width),)
        for x, items, w in columns:
            y = self.height
            for p in items:
                _, h = p.wrap(w, 1e9)
                p.drawOn(self.canv, x, y - h)
                y -= h + p.getSpaceAfter()


def heading(text: str, style, continued: bool = False) -> Paragraph:
    label = f"{text} (lanjutan) :" if continued else f"{text} :"
    p = paragraph(plain(label), style)
    p._sop_heading = text
    return p


def numbered(items: list[str], style) -> list[Paragraph]:
    """The items as numbered paragraphs ("-" alone when there is none)."""
    if not items:
        p = paragraph("-", style)
        p._sop_item = True
        return [p]
    out = []
    for n, text in enumerate(items, 1):
        p = paragraph(inline_markup(text), style, bulletText=f"{n}.")
        p._sop_item = True
        out.append(p)
    return out


def column(title: str, paragraphs: list[Paragraph], styles: dict, width: float) -> list:
    """A column ``width`` points wide inside its padding: its heading and numbered items
    (``numbered``); SHORT_MIN..SHORT_MAX items that each fit on one line at half that
    width become one ShortList (two columns)."""
    out = [heading(title, styles["heading"])]
    if SHORT_MIN <= len(paragraphs) <= SHORT_MAX:
        short = ShortList(paragraphs)
        short.wrap(width, 1e9)
        if short.two:
            return [*out, short]
    return [*out, *paragraphs]


class TwoColumnSection(Flowable):
    """One bottom row of the identity page: two framed columns (heading + numbered
    items) that flow independently and split cleanly across pages at item boundaries
    (a single over-long item is split between its lines). A continuation repeats the
    heading of each column that continues, marked "(lanjutan)"; a column that runs on
    alone spreads its rest over both columns (``columns.SpreadSection``)."""

    def __init__(self, left, right, widths, pad: float = 4.0, heading_style=None, key=None):
        super().__init__()
        self.columns = (list(left), list(right))
        self.widths = widths
        self.pad = pad
        self.heading_style = heading_style
        # what decides the row's drawing (its texts, widths and tier; None: not known):
        # drawn once per process under it (drawn.draw_kept), and so are its parts
        self.key = key

    def _inner(self, i: int) -> float:
        return self.widths[i] - 2 * self.pad

    @staticmethod
    def _h(f, w, avail=1e9):
        _, h = f.wrap(w, avail)
        return h + f.getSpaceAfter()

    def wrap(self, availWidth, availHeight):
        self.width = sum(self.widths)
        hs = [sum(self._h(f, self._inner(i)) for f in col) for i, col in enumerate(self.columns)]
        self.height = max(hs) + 2 * self.pad
        return self.width, self.height

    def _again(self, left, right, key=None) -> TwoColumnSection:
        return TwoColumnSection(left, right, self.widths, self.pad, self.heading_style, key)

    def _part(self, availWidth, availHeight, n: int):
        """The key of the ``n``-th part of this row split in that room."""
        return None if self.key is None else (self.key, availWidth, availHeight, n)

    def split(self, availWidth, availHeight):
        self.wrap(availWidth, availHeight)
        if self.height <= KEEP_WHOLE:
            return []  # a short row moves whole rather than leave two stubs
        avail = availHeight - 2 * self.pad
        fits, rests = [], []
        for i, col in enumerate(self.columns):
            fit, rest = self._fill(col, self._inner(i), avail)
            items_total = sum(1 for f in col if getattr(f, "_sop_item", False))
            items_fit = sum(1 for f in fit if getattr(f, "_sop_item", False))
            if items_total and not items_fit:
                return []  # would strand a heading at the page foot: move the whole row
            fits.append(fit)
            rests.append(rest)
        if not any(rests):
            return [self]
        first = self._again(fits[0], fits[1], self._part(availWidth, availHeight, 0))
        if first.wrap(availWidth, availHeight)[1] > availHeight + 1e-6:
            return []  # what fits by the items' measure does not as a whole: move on
        alone = [i for i, rest in enumerate(rests) if rest]
        if len(alone) == 1:
            # one column runs on alone: spread its rest over both columns
            i = alone[0]
            heading_text = self.columns[i][0]._sop_heading
            key = self._part(availWidth, availHeight, 1)
            return [first, SpreadSection(heading_text, rests[i], self.widths, key=key)]
        conts = []
        for i, rest in enumerate(rests):
            if rest:
                title = self.columns[i][0]._sop_heading
                conts.append([heading(title, self.heading_style, continued=True), *rest])
            else:
                conts.append([])
        return [first, self._again(conts[0], conts[1], self._part(availWidth, availHeight, 1))]

    def _fill(self, col, w, avail):
        used = 0.0
        for n, f in enumerate(col):
            h = self._h(f, w, avail - used)
            if used + h <= avail + 1e-6:
                used += h
                continue
            # break between items; only an item taller than KEEP_WHOLE is cut between lines
            # (Paragraph.split fills the room with lines and forgets the space after them)
            room = avail - used - f.getSpaceAfter()
            parts = f.split(w, room) if room > 0 and h > KEEP_WHOLE else []
            if len(parts) >= 2 and self._h(parts[0], w) <= avail - used + 1e-6:
                head, tail = parts[0], parts[1:]
                for p in (head, *tail):
                    p._sop_item = getattr(f, "_sop_item", False)
                return col[:n] + [head], tail + col[n + 1 :]
            return col[:n], col[n:]
        return col, []

    def draw(self):
        draw_kept(self.canv, self.key, self._draw)

    def _draw(self):
        c = self.canv
        c.saveState()
        c.setLineWidth(LINE)
        c.rect(0, 0, self.width, self.height, stroke=1, fill=0)
        c.line(self.widths[0], 0, self.widths[0], self.height)
        x = 0.0
        for i, col in enumerate(self.columns):
            y = self.height - self.pad
            w = self._inner(i)
            for f in col:
                _, h = f.wrap(w, 1e9)
                f.drawOn(c, x + self.pad, y - h)
                y -= h + f.getSpaceAfter()
            x += self.widths[i]
        c.restoreState()
