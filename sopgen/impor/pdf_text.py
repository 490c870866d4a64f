"""Words of a PDF page and how they are joined back into the texts a reader sees."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sopgen.impor.cell_lists import with_lists


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
