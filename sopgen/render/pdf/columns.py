"""Page economy of the identity page's two-column rows.

When one column of a row (say DASAR HUKUM, 21 items, beside a short KUALIFIKASI
PELAKSANA) runs over to the next page alone, its continuation would leave the other
column empty for the height of the whole rest. ``SpreadSection`` prints such a
continuation as one framed block: the heading "DASAR HUKUM (lanjutan) :" across the
top, then the remaining items in both columns (down the left, then down the right, in
order, balanced), on the same dividing line as the rows around it. It splits again,
between items, when it does not fit a page.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from sopgen.render.pdf.drawn import draw_kept
from sopgen.render.pdf.front import LINE, STYLES, plain
from sopgen.render.pdf.identity_paragraphs import paragraph

PAD = 4.0


class SpreadSection(Flowable):
    def __init__(
        self, heading: str, items: list, widths: tuple[float, float], balance=True, key=None
    ):
        super().__init__()
        self.heading_text, self.items, self.widths = heading, list(items), widths
        self.balance = balance
        self.key = key  # what decides its drawing (None: not known; drawn.draw_kept)
        self.heading = paragraph(plain(f"{heading} (lanjutan) :"), STYLES["heading"])
        self.cut = len(self.items)  # items[:cut] on the left, the rest on the right

    def _inner(self, i: int) -> float:
        return self.widths[i] - 2 * PAD

    def _h(self, f, i: int) -> float:
        _, h = f.wrap(self._inner(i), 1e9)
        return h + f.getSpaceAfter()

    def _heading_h(self) -> float:
        _, h = self.heading.wrap(sum(self.widths) - 2 * PAD, 1e9)
        return h + self.heading.getSpaceAfter()

    def _columns_h(self, cut: int, heights: tuple[list, list] | None = None) -> float:
        """The taller column's height with items[:cut] on the left; ``heights``: every
        item's height in each column, when already measured (each item wrapped once
        per column, not once per cut tried)."""
        if heights is None:
            heights = self._heights(cut)
        left, right = heights
        return max(sum(left[:cut]), sum(right[cut:]))

    def _heights(self, cut: int | None = None) -> tuple[list, list]:
        if cut is None:  # every item in both columns
            return [self._h(f, 0) for f in self.items], [self._h(f, 1) for f in self.items]
        left = [self._h(f, 0) for f in self.items[:cut]]
        right = [0.0] * cut + [self._h(f, 1) for f in self.items[cut:]]
        return left, right

    def wrap(self, availWidth, availHeight):
        self.width = sum(self.widths)
        if self.balance:
            heights = self._heights()
            self.cut = min(
                range(len(self.items) + 1), key=lambda c: (self._columns_h(c, heights), -c)
            )
        self.height = 2 * PAD + self._heading_h() + self._columns_h(self.cut)
        return self.width, self.height

    def split(self, availWidth, availHeight):
        self.wrap(availWidth, availHeight)
        if self.height <= availHeight:
            return [self]
        room = availHeight - 2 * PAD - self._heading_h()
        taken = []
        for column in (0, 1):
            used = 0.0
            while len(taken) < len(self.items):
                h = self._h(self.items[len(taken)], column)
                if used + h > room + 1e-6:
                    break
                used += h
                taken.append(self.items[len(taken)])
            if column == 0:
                cut = len(taken)
        if not taken:
            return []  # not even one item: the whole block moves to the next page
        part = (lambda n: None) if self.key is None else (lambda n: (self.key, availHeight, n))
        head = SpreadSection(self.heading_text, taken, self.widths, balance=False, key=part(0))
        head.cut = cut
        rest = SpreadSection(self.heading_text, self.items[len(taken) :], self.widths, key=part(1))
        return [head, rest]

    def draw(self):
        draw_kept(self.canv, self.key, self._draw)

    def _draw(self):
        c = self.canv
        c.saveState()
        c.setLineWidth(LINE)
        c.rect(0, 0, self.width, self.height, stroke=1, fill=0)
        top = self.height - PAD
        _, hh = self.heading.wrap(self.width - 2 * PAD, 1e9)
        self.heading.drawOn(c, PAD, top - hh)
        top -= self._heading_h()
        # the dividing line of the rows around it, under the heading
        c.line(self.widths[0], 0, self.widths[0], top + 1)
        for column, items in enumerate((self.items[: self.cut], self.items[self.cut :])):
            x = PAD + (self.widths[0] if column else 0)
            y = top
            for f in items:
                _, h = f.wrap(self._inner(column), 1e9)
                f.drawOn(c, x, y - h)
                y -= h + f.getSpaceAfter()
        c.restoreState()
