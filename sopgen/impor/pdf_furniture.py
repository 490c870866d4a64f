"""Page furniture: what the publisher prints around the SOP on its pages, not part of it.

A reader skips it without thinking: a footer repeated at the same place on most pages, or an
electronic-signature stamp ("Dokumen ini telah ditandatangani secara elektronik ... BSrE",
"Pindai kode QR ..."). Only lines under the page's last table ruling count (a table's own
repeated header is never furniture), and the lines printed right under such a line in the
same type go with it. The words are taken off the pages before anything is read, and the
texts are kept to say in the YAML what was left out.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from sopgen.impor.pdf_geom import PageGeometry
from sopgen.impor.pdf_source import RawPage
from sopgen.impor.pdf_table import runs
from sopgen.impor.pdf_text import Word, line_text, lines_of

ESIGN = re.compile(
    r"ditandatangani\s+secara\s+elektronik|tanda\s*tangan\s+elektronik|"
    r"sertifikat\s+elektronik|\bBSrE\b|\b(pindai|scan)\b.{0,20}\bQR\b|\bQR\s*code\b",
    re.I,
)
_DIGITS = re.compile(r"\d+")


def strip_furniture(
    pages: list[RawPage], geoms: list[PageGeometry]
) -> tuple[list[RawPage], tuple[str, ...]]:
    """The pages without their furniture, and the furniture's lines (each text once, its
    page numbers aside, in the order first printed)."""
    margins = [_under_tables(p, g) for p, g in zip(pages, geoms, strict=True)]
    # on most pages: notes under the tables of a binder may meet at one place on two pages
    often = max(2, math.ceil(0.6 * len(pages)))
    out, texts = [], []
    # a footer line: the same words (page numbers aside: "Halaman 2 dari 5") the same
    # height above the page's foot (a portrait identity page among landscape ones)
    keys = [
        [(_DIGITS.sub("#", line_text(o)), p.height - min(w.top for w in o)) for o in lines]
        for p, lines in zip(pages, margins, strict=True)
    ]
    for i, (page, lines) in enumerate(zip(pages, margins, strict=True)):
        drop: list[list[Word]] = []
        for line, (text, up) in zip(lines, keys[i], strict=True):
            pages_with = 1 + sum(
                any(t == text and abs(u - up) <= 2 for t, u in other)
                for j, other in enumerate(keys)
                if j != i
            )
            if pages_with >= often or ESIGN.search(line_text(line)) or _continues(line, drop):
                drop.append(line)
        if not drop:
            out.append(page)
            continue
        gone = {id(w) for line in drop for w in line}
        out.append(replace(page, words=[w for w in page.words if id(w) not in gone]))
        for line in drop:
            text = line_text(line)
            if not any(_DIGITS.sub("#", t) == _DIGITS.sub("#", text) for t in texts):
                texts.append(text)  # once, also when only its page number changes
    return out, tuple(texts)


def _under_tables(page: RawPage, geom: PageGeometry) -> list[list[Word]]:
    """Printed lines wholly below the page's lowest long horizontal ruling (on a page
    without one, in its bottom tenth)."""
    long = [r.pos for r in runs(geom.rulings(), True) if r.hi - r.lo >= 0.3 * page.width]
    low = max(long, default=0.9 * page.height)
    return [line for line in lines_of(page.words) if min(w.top for w in line) >= low - 0.5]


def _continues(line: list[Word], furniture: list[list[Word]]) -> bool:
    """A line right under a furniture line, in the same type: the rest of that footer."""
    if not furniture:
        return False
    last = furniture[-1]
    h = max(w.bottom - w.top for w in last)
    gap = min(w.top for w in line) - max(w.bottom for w in last)
    return -0.5 <= gap <= 0.8 * h and abs(line[0].size - last[0].size) <= 0.3
