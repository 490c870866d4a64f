"""Word wrapping with an injected ``measure`` and placing wrapped lines as Text items."""

from __future__ import annotations

from collections.abc import Sequence

from sopgen.layout.geometry import FontName, Text
from sopgen.layout.style import Measure

# Baseline of a line below the top of its line box, as a share of the font size
# (Liberation Sans: ascent 0.905, cap height 0.73; 0.8 centres capitals and x-height).
ASCENT = 0.8


def wrap(
    text: str | None, width: float, font: FontName, size: float, measure: Measure
) -> list[str]:
    """Greedy word wrap of ``text`` into lines no wider than ``width``.

    Newlines are kept as line breaks; runs of other whitespace become one space. A word
    wider than ``width`` is broken between characters (every line keeps at least one
    character, so a zero width still terminates). Empty text gives no lines.
    """
    if text is None or not text.strip():
        return []
    lines: list[str] = []
    for paragraph in text.strip().split("\n"):
        words = paragraph.split()
        if not words:
            lines.append("")
            continue
        line = ""
        for word in words:
            candidate = f"{line} {word}" if line else word
            if measure(candidate, font, size) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            if measure(word, font, size) <= width:
                line = word
            else:
                pieces = break_word(word, width, font, size, measure)
                lines.extend(pieces[:-1])
                line = pieces[-1]
        lines.append(line)
    return lines


def break_word(word: str, width: float, font: FontName, size: float, measure: Measure) -> list[str]:
    """Split one over-long word into pieces no wider than ``width`` (>= 1 char each)."""
    pieces = []
    piece = ""
    for ch in word:
        if piece and measure(piece + ch, font, size) > width:
            pieces.append(piece)
            piece = ch
        else:
            piece += ch
    pieces.append(piece)
    return pieces


def fit_size(
    texts: Sequence[str],
    width: float,
    font: FontName,
    size: float,
    min_size: float,
    measure: Measure,
) -> float:
    """The largest size <= ``size`` (down to ``min_size``, in 0.1 pt steps) at which the
    longest word of every text fits in ``width``."""
    words = [w for t in texts for w in t.split()]
    current = size
    while current > min_size and any(measure(w, font, current) > width for w in words):
        current = round(current - 0.1, 1)
    return max(current, min_size)


def block_height(n_lines: int, leading: float, pad: float) -> float:
    """Height of a cell holding ``n_lines`` lines: lines * leading + 2 * pad."""
    return n_lines * leading + 2 * pad


def place_lines(
    lines: Sequence[str],
    x: float,
    top: float,
    width: float,
    font: FontName,
    size: float,
    leading: float,
    anchor: str = "start",
) -> list[Text]:
    """Text items for ``lines`` whose first line box starts at ``top``.

    anchor "start": lines start at ``x``; "middle": lines are centred on x + width / 2.
    Baseline of line k: top + k * leading + (leading - size) / 2 + ASCENT * size.
    """
    tx = x if anchor == "start" else x + width / 2
    first = top + (leading - size) / 2 + ASCENT * size
    return [
        Text(tx, first + k * leading, line, font, size, anchor)  # type: ignore[arg-type]
        for k, line in enumerate(lines)
        if line
    ]
