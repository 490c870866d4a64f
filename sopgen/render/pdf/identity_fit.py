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

A build repeats the document's identity page in every procedure's PDF (each with its
own title and Nomor, the rest the same), and finding the fit means measuring the page
in up to three tiers at four splits each. So ``identity`` measures the bottom rows once
per content (they do not hold the title), and ``FittedIdentity`` keeps its choice per
whole content and room (``key``); the page is then set once, to be drawn. A key only
picks a setting: the text is always set from the current content.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Flowable

from sopgen.memo import Memo
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


# measure(tier): the page's height set in ``tier`` at the split of the width that suits
# it best, and that split; build(tier, split): the page's flowables so set
Measure = Callable[[Tier], tuple[float, float]]
Build = Callable[[Tier, float], list[Flowable]]


def total_height(story: list[Flowable], width: float) -> float:
    return sum(f.wrap(width, 1e9)[1] + f.getSpaceAfter() for f in story)


@dataclass(frozen=True)
class Choice:
    """What the fit chose for some content and room."""

    tier: int  # index in TIERS (0 when nothing fits)
    share: float  # the split of the width (identity.SHARES)
    fits: bool  # on one page; else set in the normal style, breaking between items
    height: float  # of the whole page so set


# (key, width, height) -> Choice; cleared when full (a process rarely sees more than a
# few pages of the same content)
CHOSEN = Memo(256)


class FittedIdentity(Flowable):
    """The identity page, measured by ``measure`` and set by ``build`` (see above).
    ``key``: everything the page's setting depends on besides the room (the texts,
    Nomor, title, logo size, frame width); pages with the same key share the fit."""

    def __init__(self, measure: Measure, build: Build, key: tuple | None = None):
        super().__init__()
        self.measure, self.build, self.key = measure, build, key
        self._measured: dict[int, tuple[float, float]] = {}
        self._built: dict[tuple[int, float], list[Flowable]] = {}
        self.chosen: list[Flowable] | None = None
        self.story: list[Flowable] = []  # as chosen (the normal style when nothing fits)

    def _height(self, n: int) -> float:
        if n not in self._measured:
            self._measured[n] = self.measure(TIERS[n])
        return self._measured[n][0]

    def _first_fit(self, height: float) -> int | None:
        """The first tier that fits ``height``; the tightest is tried second, so that a
        page that cannot fit at all costs two settings, not all of them."""
        last = len(TIERS) - 1
        if self._height(0) <= height + 1e-6:
            return 0
        if self._height(last) > height + 1e-6:
            return None
        return next(n for n in range(1, last + 1) if self._height(n) <= height + 1e-6)

    def _choose(self, height: float) -> Choice:
        n = self._first_fit(height)
        tier = 0 if n is None else n
        self._height(tier)
        h, share = self._measured[tier]
        return Choice(tier, share, n is not None, h)

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        memo = None if self.key is None else (self.key, availWidth, availHeight)
        choice = CHOSEN.get(memo) if memo is not None else None
        if choice is None:
            choice = self._choose(availHeight)
            if memo is not None:
                CHOSEN.make_room()
                CHOSEN[memo] = choice
        at = (choice.tier, choice.share)
        if at not in self._built:
            self._built[at] = self.build(TIERS[choice.tier], choice.share)
        self.story = self._built[at]
        self.chosen = self.story if choice.fits else None
        self.height = choice.height
        return self.width, self.height

    def split(self, availWidth, availHeight):
        self.wrap(availWidth, availHeight)
        if self.chosen is not None:
            return [self]
        top = self.story[0]
        if top.wrap(availWidth, availHeight)[1] > availHeight:
            return []  # not even the top block here: start on the next page
        return list(self.story)  # the normal style, breaking between items

    def draw(self):
        y = self.height
        for f in self.chosen or []:
            _, h = f.wrap(self.width, 1e9)
            f.drawOn(self.canv, 0, y - h)
            y -= h + f.getSpaceAfter()
