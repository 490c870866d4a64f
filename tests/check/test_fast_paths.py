"""The checks' quick ways of finding a bad character or a clashing procedure id give
what the plain definitions give."""

from __future__ import annotations

import sys
import unicodedata

from sopgen.check.texts import _BAD, _bad_character
from sopgen.load.paths import procedure_id_problem, procedure_id_problems


def test_the_bad_characters_are_the_controls_and_surrogates_but_newline_and_tab():
    every = "".join(chr(i) for i in range(sys.maxunicode + 1))
    expected = {
        i
        for i, c in enumerate(every)
        if unicodedata.category(c) == "Cs" or (unicodedata.category(c) == "Cc" and c not in "\n\t")
    }
    assert {m.start() for m in _BAD.finditer(every)} == expected
    assert _bad_character("Surat\tmasuk\n") is None
    assert _bad_character("Sur\x07at") == (3, "U+0007 (karakter kendali)")
    assert _bad_character("a\u0085b") == (1, "U+0085 (karakter kendali)")


def test_procedure_id_problems_in_one_pass_are_those_of_each_id_after_the_earlier():
    ids = ["Surat", "surat", "SURAT", "surat", "nul", "a/b", "lain", "Lain", "dokumen", "x"]
    assert procedure_id_problems(ids) == [
        procedure_id_problem(name, ids[:index]) for index, name in enumerate(ids)
    ]
    assert procedure_id_problems(ids)[1][0] == (
        "id prosedur 'surat' sama dengan 'Surat' bila huruf besar/kecil diabaikan "
        "(satu berkas di Windows)"
    )
