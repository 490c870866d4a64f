"""Indonesian word roots for the handbook's search, found at build time.

The build stems every word of the handbook with Sastrawi (PySastrawi, MIT licence; the
Nazief-Adriani algorithm with its dictionary of root words): "melaporkan", "dilaporkan",
"laporan" and "pelaporan" all become "lapor". The index stores roots, so a search for
any of these forms finds the others.

A query word the handbook does not contain ("dilaporkan" when only "melaporkan" is
written) is brought to a root in the browser with ``AFFIXES``: take off one prefix (with
the sound change it made, "meny-" + "s") and one suffix, and keep the result only when it
is a root of this handbook. No dictionary travels with the site, only the roots it uses.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Prefixes as the browser strips them: (written, restored first letter). Longest first;
# "meny" + "usun" -> "susun", "mem" + "eriksa" -> "periksa", "pen" + "ulis" -> "tulis".
PREFIXES: tuple[tuple[str, str], ...] = (
    ("memper", ""),
    ("diper", ""),
    ("meny", "s"),
    ("peny", "s"),
    ("meng", "k"),
    ("meng", ""),
    ("peng", "k"),
    ("peng", ""),
    ("mem", "p"),
    ("mem", ""),
    ("pem", "p"),
    ("pem", ""),
    ("men", "t"),
    ("men", ""),
    ("pen", "t"),
    ("pen", ""),
    ("per", ""),
    ("ter", ""),
    ("ber", ""),
    ("me", ""),
    ("pe", ""),
    ("di", ""),
    ("ke", ""),
    ("se", ""),
    ("be", ""),
    ("", ""),
)
SUFFIXES: tuple[str, ...] = ("kannya", "annya", "nya", "kan", "lah", "kah", "an", "i", "")
AFFIXES = {"prefixes": [list(p) for p in PREFIXES], "suffixes": list(SUFFIXES)}

_WORD = re.compile(r"^[a-z]{4,}$")  # shorter words and words with digits stay as written


@lru_cache(maxsize=1)
def _stemmer():
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The root of one folded word (lower case, letters only): 'pelaporan' -> 'lapor'."""
    if not _WORD.match(word):
        return word
    return _stemmer().stem(word) or word
