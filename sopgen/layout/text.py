"""Word wrapping with an injected ``measure`` and placing wrapped lines as Text items."""

from __future__ import annotations

import re
from collections.abc import Sequence

from sopgen.layout.geometry import FontName, Text
from sopgen.layout.style import Measure
from sopgen.memo import Memo

# Baseline of a line below the top of its line box, as a share of the font size
# (Liberation Sans: ascent 0.905, cap height 0.73; 0.8 centres capitals and x-height).
ASCENT = 0.8


# A list item's marker at the start of a line ("1. ", "2) ", "a. ", "\u2022 ", "- "): its
# continuation lines are indented to the item's text (a hanging indent).
LIST_MARKER = re.compile(r"^(?:\d{1,3}[.)]|[a-zA-Z][.)]|[\u2022*-])\s")
# The hanging indent is written as no-break spaces: a line is one Text item (one string
# at one x), and a no-break space is neither collapsed by SVG nor dropped by the PDF.
INDENT = "\u00a0"


# (text, width, font, size, measure) -> its lines: a layout wraps the same texts at the
# same widths again and again (each column width tried, each page routed), and a build
# lays out many procedures of the same lanes and labels; cleared when full
WRAPPED = Memo(1 << 15)


def wrap(
    text: str | None, width: float, font: FontName, size: float, measure: Measure
) -> list[str]:
    """Greedy word wrap of ``text`` into lines no wider than ``width``.

    Newlines are kept as line breaks; runs of other whitespace become one space. A word
    goes to the next line whole when that line holds it; only a word wider than a whole
    line is split (``break_word``: after its own slash or hyphen, at a syllable, and as a
    last resort between characters; every line keeps at least one character, so a zero
    width still terminates). Empty text gives no lines. A line that starts with a list
    marker ("1. Surat permohonan ...") keeps the marker with its first word, and its
    continuation lines are indented to the item's text.
    """
    if text is None or not text.strip():
        return []
    key = (text, width, font, size, measure)
    try:
        lines = WRAPPED.get(key)
    except TypeError:  # a measure that cannot be a key (unhashable): wrap every time
        return _wrap(text, width, font, size, measure)
    if lines is None:
        WRAPPED.make_room()
        lines = WRAPPED[key] = tuple(_wrap(text, width, font, size, measure))
    return list(lines)


def _wrap(text: str, width: float, font: FontName, size: float, measure: Measure) -> list[str]:
    lines: list[str] = []
    for paragraph in text.strip().split("\n"):
        words = paragraph.split()
        if not words:
            lines.append("")
            continue
        indent = ""
        marker = LIST_MARKER.match(paragraph.strip())
        glued = f"{words[0]} {words[1]}" if marker and len(words) > 1 else ""
        if glued and measure(glued, font, size) <= width:
            words = [glued, *words[2:]]
            hang = measure(marker.group(0), font, size)
            indent = INDENT * round(hang / max(measure(INDENT, font, size), 1e-6))
            if measure(indent, font, size) > width / 2:
                indent = ""  # a narrow cell: the room is worth more than the indent
        lines += _wrap_words(words, width, indent, font, size, measure)
    return lines


def _wrap_words(
    words: list[str], width: float, indent: str, font: FontName, size: float, measure: Measure
) -> list[str]:
    """One paragraph's words as lines; lines after the first start with ``indent``."""
    lines: list[str] = []
    line = ""
    for word in words:
        lead = indent if lines else ""
        candidate = f"{line} {word}" if line else lead + word
        if measure(candidate, font, size) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
            lead = indent
        if measure(lead + word, font, size) <= width:
            line = lead + word
        else:
            pieces = break_word(word, width - measure(lead, font, size), font, size, measure)
            lines.extend(lead + piece for piece in pieces[:-1])
            line = lead + pieces[-1]
    lines.append(line)
    return lines


VOWELS = set("aeiouAEIOU")
VOWELS_LOWER = set("aeiou")
DIGRAPHS = {"ng", "ny", "kh", "sy"}  # one consonant sound in Indonesian spelling
LIQUID_ONSETS = {"tr", "pr", "kr", "br", "gr", "dr", "fr", "bl", "pl", "kl", "gl", "fl"}
S_ONSETS = {"st", "sk", "sp"}
# A word of fewer letters is hyphenated only when nothing else fits (a line too narrow
# for it whole); a longer one keeps at least HYPHEN_MIN_PART letters on each side of the
# hyphen (Sele-sai, Komu-nikasi; not Se-lesai, Ko-munikasi).
HYPHEN_MIN_WORD = 7
HYPHEN_MIN_PART = 3
# Inside a word a line may end after these, with no hyphen added: 'Media/' 'Pelapor',
# 'masing-' 'masing'. Tried before any syllable.
SOFT_BREAKS = "/-"


def syllable_breaks(word: str, min_part: int = 2) -> list[int]:
    """Indices where an Indonesian word may be hyphenated, between its syllables, never
    leaving fewer than ``min_part`` characters on either side. Between two vowels, the
    last consonant (ng, ny, kh, sy count as one) starts the next syllable, as KBBI splits
    words (se-ba-gai, pen-daf-tar, bang-kit), except that a stop or f before l or r starts
    it together (pu-tra, se-kre-ta-ris, sas-tra, e-lek-tro-nik; with an s before them after
    another consonant: kon-struk-si), and so do st, sk, sp after another consonant
    (in-stan-si; but pas-ti).

    Rules written here rather than pyphen's Indonesian dictionary: pyphen's own code is
    GPL/LGPL/MPL tri-licensed, but the dictionaries it ships keep their own licences,
    and both Indonesian pattern sets in circulation are GPL only (hyph_id_ID of
    LibreOffice's Indonesian dictionary, by Benitius Brevoort, 2004, shipped by pyphen
    without a licence header; and TeX's inhyph.tex by Jörg Knappen and Terry Mart,
    1996-1997, "GNU General Public licence version 2"). A GPL-only file inside an MIT
    tool handed to government offices would bind every copy to the GPL; these few rules
    carry the same syllable knowledge (docs/architecture.md, "Text")."""
    letters = word.lower()
    units: list[tuple[int, str]] = []  # (index, letters): a letter or a digraph
    i = 0
    while i < len(letters):
        step = 2 if letters[i : i + 2] in DIGRAPHS else 1
        units.append((i, letters[i : i + step]))
        i += step
    breaks = []
    k = 0
    while k < len(units):
        j = k
        while j < len(units) and units[j][1].isalpha() and units[j][1][0] not in VOWELS:
            j += 1
        run = [u for _, u in units[k:j]]
        if run and 0 < k and j < len(units) and _vowel(units[k - 1][1]) and _vowel(units[j][1]):
            b = units[j - _onset(run)][0]
            if min_part <= b <= len(word) - min_part:
                breaks.append(b)
        k = max(j, k + 1)
    return breaks


def _vowel(unit: str) -> bool:
    return unit in VOWELS_LOWER


def _onset(run: list[str]) -> int:
    """How many of the consonants between two vowels start the next syllable."""
    last_two = "".join(run[-2:])
    if len(run) >= 2 and last_two in LIQUID_ONSETS:
        return 3 if len(run) >= 4 and run[-3] == "s" else 2
    if len(run) >= 3 and last_two in S_ONSETS:
        return 2
    return 1


def break_word(word: str, width: float, font: FontName, size: float, measure: Measure) -> list[str]:
    """Split one word too wide for a line of its own into pieces no wider than ``width``
    (>= 1 char each), trying in turn: after a slash or hyphen already in the word; at a
    syllable with a hyphen, in a word of HYPHEN_MIN_WORD letters or more, HYPHEN_MIN_PART
    letters kept on each side; at any syllable (a short word in a line too narrow for
    it); between characters. Each piece is as long as fits."""
    natural = [i + 1 for i, ch in enumerate(word[:-1]) if ch in SOFT_BREAKS]
    letters = sum(ch.isalpha() for ch in word)
    good = syllable_breaks(word, HYPHEN_MIN_PART) if letters >= HYPHEN_MIN_WORD else []
    rules = ((natural, ""), (good, "-"), (syllable_breaks(word), "-"))
    pieces = []
    start = 0
    while measure(word[start:], font, size) > width and len(word) - start > 1:
        for breaks, mark in rules:
            piece = [b for b in breaks if b > start]
            fitting = [b for b in piece if measure(word[start:b] + mark, font, size) <= width]
            if fitting:
                cut = fitting[-1]
                pieces.append(word[start:cut] + mark)
                break
        else:
            cut = start + 1
            while cut < len(word) and measure(word[start : cut + 1], font, size) <= width:
                cut += 1
            pieces.append(word[start:cut])
        start = cut
    pieces.append(word[start:])
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
