"""Word wrapping with the injected measure (fake: every character = size / 2 wide)."""

from sopgen.layout.text import ASCENT, place_lines, wrap
from tests.layout.builders import fake_measure


def test_words_fill_lines_greedily():
    # 8 pt: 4 pt per character; width 40 pt holds 10 characters.
    assert wrap("satu dua tiga empat lima", 40, "regular", 8, fake_measure) == [
        "satu dua",  # "satu dua tiga" would be 13 characters
        "tiga empat",
        "lima",
    ]


def test_a_word_longer_than_the_line_is_hyphenated_at_its_syllables():
    # 8 pt fake glyphs are 4 pt wide: 6 characters (hyphen included) per 24 pt line
    assert wrap("Pertanggungjawaban ok", 24, "regular", 8, fake_measure) == [
        "Per-",
        "tang-",
        "gung-",
        "jawa-",
        "ban ok",
    ]


def test_a_word_without_syllables_is_broken_between_characters():
    assert wrap("Xzxzxzxzxzxz ok", 24, "regular", 8, fake_measure) == ["Xzxzxz", "xzxzxz", "ok"]


def test_indonesian_syllable_breaks():
    from sopgen.layout.text import syllable_breaks

    def hyphenated(word):
        cuts = [0, *syllable_breaks(word), len(word)]
        return "-".join(word[a:b] for a, b in zip(cuts, cuts[1:], strict=False))

    assert hyphenated("Pendaftaran") == "Pen-daf-ta-ran"
    assert hyphenated("Bendahara") == "Ben-da-ha-ra"
    assert hyphenated("Pengangkatan") == "Pe-ngang-ka-tan"  # ng stays together
    assert hyphenated("Penyusunan") == "Pe-nyu-su-nan"  # ny stays together
    assert hyphenated("Kependudukan") == "Ke-pen-du-du-kan"
    # consonant clusters as KBBI splits them
    assert hyphenated("Instansi") == "In-stan-si"  # before 'nst' the hand rules cut 'Instan|si'
    assert hyphenated("Administrasi") == "Ad-mi-nis-tra-si"
    assert hyphenated("konstruksi") == "kon-struk-si"
    assert hyphenated("sekretaris") == "se-kre-ta-ris"
    assert hyphenated("putra") == "pu-tra"
    assert hyphenated("pasti") == "pas-ti"
    assert hyphenated("R/T") == "R/T"


def test_newlines_are_kept_and_spaces_collapse():
    assert wrap("a  b\nc\n\nd", 100, "regular", 8, fake_measure) == ["a b", "c", "", "d"]


def test_empty_text_has_no_lines_and_zero_width_still_terminates():
    assert wrap(None, 50, "regular", 8, fake_measure) == []
    assert wrap("   ", 50, "regular", 8, fake_measure) == []
    assert wrap("abc", 0, "regular", 8, fake_measure) == ["a", "b", "c"]


def test_every_line_fits():
    text = "Menyusun konsep Laporan Akuntabilitas Kinerja Instansi Pemerintah " * 5
    for line in wrap(text, 57.5, "bold", 9, fake_measure):
        assert fake_measure(line, "bold", 9) <= 57.5


def test_place_lines_baselines():
    texts = place_lines(["a", "b"], 10, 100, 50, "regular", 8, 9.6, "middle")
    first = 100 + (9.6 - 8) / 2 + ASCENT * 8
    assert [(t.x, t.y, t.anchor) for t in texts] == [
        (35, first, "middle"),
        (35, first + 9.6, "middle"),
    ]


def test_list_items_keep_their_marker_and_hang_their_continuation_lines():
    # fake glyphs 4 pt wide: "1. " is 12 pt, three no-break spaces of 4 pt
    nb = "\u00a0" * 3
    lines = wrap("1. Surat permohonan kepala\n2. KTP", 72, "regular", 8, fake_measure)
    assert lines == ["1. Surat", f"{nb}permohonan", f"{nb}kepala", "2. KTP"]
    assert all(fake_measure(line, "regular", 8) <= 72 for line in lines)
    # a text that is no list keeps its lines as they are
    assert wrap("1.Surat a\nb", 100, "regular", 8, fake_measure) == ["1.Surat a", "b"]
    # in a cell too narrow to spare it, no indent
    assert wrap("1. Surat xx", 20, "regular", 8, fake_measure) == ["1.", "Surat", "xx"]


def test_short_words_are_not_hyphenated_while_a_line_holds_them_whole():
    from sopgen.layout.text import break_word

    # fake glyphs 4 pt wide at 8 pt. "Selesai" (7 letters) keeps 3 letters each side of
    # its hyphen: Sele-sai, never Se-lesai
    assert break_word("Selesai", 20, "regular", 8, fake_measure) == ["Sele-", "sai"]
    # a word of fewer than 7 letters is hyphenated only in a line too narrow for it
    assert wrap("Mulai", 20, "regular", 8, fake_measure) == ["Mulai"]
    assert wrap("Humas dan", 16, "regular", 8, fake_measure) == ["Hu-", "mas", "dan"]
    # a line ends after a slash or a hyphen of the word before any syllable is cut
    assert wrap("Media/Pelapor", 32, "regular", 8, fake_measure) == ["Media/", "Pelapor"]
    assert wrap("masing-masing", 28, "regular", 8, fake_measure) == ["masing-", "masing"]


def test_komunikasi_keeps_three_letters_each_side_when_the_line_allows():
    from sopgen.layout.text import syllable_breaks

    assert syllable_breaks("Komunikasi") == [2, 4, 6, 8]
    assert syllable_breaks("Komunikasi", 3) == [4, 6]
    assert wrap("Komunikasi", 24, "regular", 8, fake_measure) == ["Komu-", "nikasi"]


def test_a_narrow_terminator_holds_a_short_word_on_one_line():
    from sopgen.layout.symbols import TEKS_SIZE, fit_teks
    from sopgen.render.fonts import measure

    # a 17.8 pt terminator of a lane among fifteen (a real Basarnas SOP): 'Mulai' reaches
    # into the round ends instead of being hyphenated
    lines, h = fit_teks("terminator", "Mulai", 17.8, 9.3, measure)
    assert lines == ("Mulai",)
    assert measure("Mulai", "regular", TEKS_SIZE) <= 17.8 - 2 * 1.0  # still inside
    assert fit_teks("terminator", "Selesai", 26.5, 13.8, measure)[0] == ("Selesai",)


def test_wrapping_again_gives_the_same_lines_whatever_a_caller_did_with_them():
    # wrap keeps its lines per (text, width, font, size, measure) (layout.text.WRAPPED)
    text = "Surat permohonan dari pemohon beserta berkas pendukung yang lengkap"
    first = wrap(text, 60, "regular", 8, fake_measure)
    first.append("diubah pemanggil")
    assert wrap(text, 60, "regular", 8, fake_measure) == first[:-1]

    def wider(t, font, size):
        return 2 * fake_measure(t, font, size)

    # another measure is another text width: never the lines kept for the first
    assert len(wrap(text, 60, "regular", 8, wider)) > len(first[:-1])
