"""The note on an arrow guessed where the source pasted its arrows as pictures names
the symbol the guess leads to, also within one row (a process and an end in row 8)."""

from types import SimpleNamespace

from sopgen.impor.pdf_guess import _note


def _notes(target_row: int, what: str) -> list[str]:
    part = SimpleNamespace(rows=[SimpleNamespace(nomor=str(n)) for n in range(1, 9)])
    syms = [
        SimpleNamespace(row=7, kind="process"),
        SimpleNamespace(row=target_row, kind="terminator"),
    ]
    out: list = []
    _note(part, syms, 0, 1, what, out)
    return [u.message for u in out]


def test_a_guess_within_the_row_says_which_symbol():
    # before: "lanjut ke baris 8" from row 8, which a reader cannot act on
    assert _notes(7, "lanjut") == [
        "panah dari baris 8 berupa gambar; alurnya ditebak: lanjut ke simbol berikutnya di "
        "baris 8 itu juga: periksa dengan aslinya"
    ]
    assert _notes(7, "cabang 'Tidak' (kembali)") == [
        "panah dari baris 8 berupa gambar; alurnya ditebak: cabang 'Tidak' (kembali) ke simbol "
        "sebelumnya di baris 8 itu juga: periksa dengan aslinya"
    ]


def test_a_guess_to_another_row_names_the_row():
    assert _notes(0, "cabang 'Tidak' (kembali)") == [
        "panah dari baris 8 berupa gambar; alurnya ditebak: cabang 'Tidak' (kembali) ke baris "
        "1: periksa dengan aslinya"
    ]
