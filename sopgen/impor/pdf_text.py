"""Words of a PDF page and how they are joined back into the texts a reader sees."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sopgen.impor.cell_lists import ITEM, with_lists


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float = 0.0

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


def lines_of(words: list[Word]) -> list[list[Word]]:
    """Words grouped into printed lines, top to bottom, each left to right."""
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (w.top, w.x0)):
        for line in lines:
            ref = line[0]
            overlap = min(ref.bottom, w.bottom) - max(ref.top, w.top)
            low = min(ref.bottom - ref.top, w.bottom - w.top)
            # one baseline: a line printed a point or two lower over another one (two
            # overlapping lines of a cramped cell) is a line of its own
            if overlap > 0.5 * low and abs(ref.bottom - w.bottom) <= max(0.6, 0.12 * low):
                line.append(w)
                break
        else:
            lines.append([w])
    for line in lines:
        line.sort(key=lambda w: w.x0)
    lines.sort(key=lambda line: min(w.top for w in line))
    return lines


def line_text(line: list[Word]) -> str:
    return " ".join(w.text for w in line)


_SPACES = re.compile(r"\s+")


def join_lines(texts: list[str]) -> str:
    """Lines of one cell as one text: single spaces; a word broken with a hyphen at the
    end of a line is joined again: without the hyphen when it was only a syllable break
    (``penyeleng-`` / ``garaan``), with it when the word has its own hyphen (``Undang-`` /
    ``Undang``, ``perundang-`` / ``undangan``)."""
    out = ""
    for t in texts:
        t = _SPACES.sub(" ", t).strip()
        if not t:
            continue
        if not out:
            out = t
            continue
        m = re.search(r"(\w+)-$", out)
        if out.endswith("/"):
            out = out + t
        elif m and (t[:1].isupper() or t[:1].isdigit()):
            out = out + t  # a syllable break never goes on with a capital or a digit
        elif m and t[:1].islower():
            out = out + t if _repeats(m.group(1), t) else out[:-1] + t
        else:
            out = out + " " + t
    return out


def cell_text(texts: list[str]) -> str:
    """Lines of a table cell as one text (``join_lines``), a list printed in it one line
    per item (cell_lists)."""
    return with_lists(texts, join_lines)


def _repeats(word: str, rest: str) -> bool:
    """The word after the line break repeats (part of) the one before it: a reduplicated
    word (``masing-masing``, ``perundang-undangan``), whose hyphen is its own."""
    m = re.match(r"\w+", rest)
    return bool(m) and len(m.group(0)) >= 4 and m.group(0).lower()[:4] in word.lower()


def text_of(words: list[Word]) -> str:
    return join_lines([line_text(line) for line in lines_of(words)])


class TextLine:
    """A printed line, or the part of one in a single cell."""

    def __init__(self, words: list[Word]):
        self.words = words
        self.x0 = min(w.x0 for w in words)
        self.x1 = max(w.x1 for w in words)
        self.top = min(w.top for w in words)
        self.bottom = max(w.bottom for w in words)
        self.text = line_text(words)


def text_lines(words: list[Word], vrules=()) -> list[TextLine]:
    """Printed lines split where a ruling or a wide gap separates cells."""
    out = []
    for line in lines_of(words):
        cur = [line[0]]
        for w in line[1:]:
            size = max(w.size, 4.0)
            a, b = cur[-1].x1, w.x0
            ruled = any(a - 1 <= r.pos <= b + 1 and r.lo <= w.cy <= r.hi for r in vrules)
            if ruled or b - a > 2.2 * size:
                out.append(TextLine(cur))
                cur = []
            cur.append(w)
        out.append(TextLine(cur))
    return out


SPACE = 0.28  # a space's width, of the font size (Arial, Helvetica, Calibri: 0.23-0.28)
SLACK = 0.1  # of the cell's text width: room a line must leave before a typed break


def cell_text_in(
    words: list[Word], x0: float, x1: float, rules: list[tuple[float, float, float]] = ()
) -> str:
    """The text of a table cell from ``x0`` to ``x1``, with the line breaks its author
    typed: a line that ends although the next line's first word would have fit after it
    (with SLACK to spare), when that next line starts a new sentence or item (a capital
    or a digit: "Nota dinas" / "Lampiran ..."; "... dari kurir" / "Jika ya. Diterima"),
    or a ruling across the cell between two lines (a cell split into parts). Other
    lines are joined (``cell_text``); a cell holding a list keeps its items
    (cell_lists). ``rules``: horizontal rulings as (y, x0, x1)."""
    lines = lines_of(words)
    texts = [line_text(line) for line in lines]
    if len(lines) < 2 or sum(bool(ITEM.match(t.strip())) for t in texts) >= 2:
        return cell_text(texts)
    pad = min(max(1.0, min(min(w.x0 for w in line) - x0 for line in lines)), 6.0)
    room = (x1 - x0) - 2 * pad
    parts: list[list[str]] = [[texts[0]]]
    for prev, line, text in zip(lines, lines[1:], texts[1:], strict=False):
        first = line[0]
        used = prev[-1].x1 - prev[0].x0
        size = max(first.size, first.bottom - first.top, 4.0)
        fits = used + SPACE * size + (first.x1 - first.x0) <= room * (1 - SLACK)
        starts = first.text[:1].isupper() or first.text[:1].isdigit()
        top, bottom = max(w.bottom for w in prev), min(w.top for w in line)
        ruled = any(
            top - 1 <= y <= bottom + 1 and a <= first.x0 and b >= prev[-1].x1 for y, a, b in rules
        )
        if (fits and starts) or ruled:
            parts.append([])
        parts[-1].append(text)
    return "\n".join(t for t in (cell_text(p) for p in parts) if t)
