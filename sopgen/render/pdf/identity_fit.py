"""Fitting the identity page on one page.

The originals print their identity page on one page; so does sopgen whenever it can.
``FittedIdentity`` is the whole identity page as one flowable that, told the height
of the page, tries the tiers below in order, each at the column split that suits its
content best (``identity.SHARES``), and prints the first that fits:

0. the normal style;
1. a compact Disahkan Oleh box (less room left for the signature);
2. tighter spacing: less padding and space between items;
3. smaller list text (7.5 pt);
4. the signature room at its minimum (1.2 cm), list text 7 pt;
5. the grid's text 8 pt, the least padding.

When none fits (a long Dasar Hukum, say) the page is printed in the normal style and
breaks between items onto the next page (``identity_rows.TwoColumnSection``). The choice
depends only on the content and the page size, so the same input gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Flowable

from sopgen.render.pdf.front import STYLES


@dataclass(frozen=True)
class Tier:
    """One way of setting the identity page, from roomy to tight."""

    sign_space: float  # left blank for the signature in the Disahkan Oleh box
    item_size: float  # list text
    item_leading: float
    item_after: float  # space after each item
    heading_after: float  # space under a row heading
    pad: float  # inside each framed column
    grid_top: float  # padding above/below a line of the LABEL : value grid
    grid_bottom: float
    grid_size: float = 9  # text of the LABEL : value grid (the Nama SOP one point larger)

    @cached_property
    def styles(self) -> dict[str, ParagraphStyle]:
        """STYLES with this tier's list text, headings and grid text."""
        item = STYLES["item"]
        grid = {}
        if self.grid_size != STYLES["base"].fontSize:
            for key in ("base", "center", "label", "label_name", "value_name"):
                size = self.grid_size + (1 if key.endswith("_name") else 0)
                grid[key] = ParagraphStyle(
                    f"{key}-{size}", STYLES[key], fontSize=size, leading=round(size * 1.2, 1)
                )
        return {
            **STYLES,
            **grid,
            "item": ParagraphStyle(
                f"item-{self.item_size}-{self.item_leading}",
                item,
                fontSize=self.item_size,
                bulletFontSize=self.item_size,
                leading=self.item_leading,
                spaceAfter=self.item_after,
                leftIndent=item.leftIndent * self.item_size / item.fontSize,
            ),
            "heading": ParagraphStyle(
                f"heading-{self.heading_after}", STYLES["heading"], spaceAfter=self.heading_after
            ),
        }


NORMAL = Tier(2.0 * cm, 8, 9.7, 1.2, 2, 4, 3, 4)
SIGN_MIN = 1.2 * cm  # the least room for a signature (and a stamp) in the Disahkan Oleh box
TIERS = (
    NORMAL,
    Tier(1.5 * cm, 8, 9.7, 1.2, 2, 4, 3, 4),
    Tier(1.5 * cm, 8, 9.3, 0.5, 1.5, 3.5, 2, 3),
    Tier(1.3 * cm, 7.5, 8.8, 0.4, 1, 3, 1.5, 2.5),
    Tier(SIGN_MIN, 7, 8.2, 0.3, 1, 2.5, 1.5, 2),
    Tier(SIGN_MIN, 7, 8.0, 0.2, 1, 2.5, 1, 1.5, grid_size=8),
)


Build = Callable[[Tier], list[Flowable]]


def total_height(story: list[Flowable], width: float) -> float:
    return sum(f.wrap(width, 1e9)[1] + f.getSpaceAfter() for f in story)


class FittedIdentity(Flowable):
    """The identity page; ``build(tier)`` gives its flowables set in that tier."""

    def __init__(self, build: Build):
        super().__init__()
        self.build = build
        self._stories: dict[int, list[Flowable]] = {}
        self._heights: dict[tuple[int, float], float] = {}
        self.chosen: list[Flowable] | None = None

    def _story(self, n: int) -> list[Flowable]:
        if n not in self._stories:
            self._stories[n] = self.build(TIERS[n])
        return self._stories[n]

    def _height(self, n: int, width: float) -> float:
        if (n, width) not in self._heights:
            self._heights[n, width] = total_height(self._story(n), width)
        return self._heights[n, width]

    def _first_fit(self, width: float, height: float) -> int | None:
        """The first tier that fits ``height``; the tightest is tried second, so that a
        page that cannot fit at all costs two settings, not all of them."""
        last = len(TIERS) - 1
        if self._height(0, width) <= height + 1e-6:
            return 0
        if self._height(last, width) > height + 1e-6:
            return None
        return next(n for n in range(1, last + 1) if self._height(n, width) <= height + 1e-6)

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        n = self._first_fit(availWidth, availHeight)
        self.chosen = None if n is None else self._story(n)
        self.height = self._height(0 if n is None else n, availWidth)
        return self.width, self.height

    def split(self, availWidth, availHeight):
        self.wrap(availWidth, availHeight)
        if self.chosen is not None:
            return [self]
        story = self._story(0)
        top = story[0]
        if top.wrap(availWidth, availHeight)[1] > availHeight:
            return []  # not even the top block here: start on the next page
        return list(story)  # the normal style, breaking between items

    def draw(self):
        y = self.height
        for f in self.chosen or []:
            _, h = f.wrap(self.width, 1e9)
            f.drawOn(self.canv, 0, y - h)
            y -= h + f.getSpaceAfter()
