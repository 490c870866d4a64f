"""Line breaks typed in a table cell come back; lines wrapped by the cell's width are
joined. A cell of short items one per line ("Nota dinas" / "Lampiran ..."), as BPS
SOPs print their Kelengkapan, read as one run-on sentence before."""

from __future__ import annotations

from pdf_draw import Step, Style, draw

from sopgen.impor.pdf import read_pdf
from sopgen.impor.pdf_text import Word, cell_text_in

LONG = (
    "Menerima dan memeriksa kebenaran alamat tujuan dan pengirim surat masuk dari kurir "
    "Kantor Pos Indonesia serta mencatatnya dalam Buku Agenda Surat Masuk"
)


def test_typed_breaks_come_back_and_wrapped_lines_are_joined(tmp_path):
    steps = [
        Step("1", LONG, 0, "terminator", (1,), "Nota dinas\nLampiran nama pelaksana\nDraf SK"),
        Step("2", "Memeriksa berkas", 1, "process", (2,), keterangan="Rahasia (R);\nBiasa (B);"),
        Step("3", "Mengarsipkan berkas", 1, "terminator"),
    ]
    path = tmp_path / "sop.pdf"
    draw(path, steps, Style(identity=None))
    rows = read_pdf(path).rows
    assert rows[0].kelengkapan == "Nota dinas\nLampiran nama pelaksana\nDraf SK"
    assert rows[0].uraian == LONG  # wrapped over several lines: one text
    assert rows[1].keterangan == "Rahasia (R);\nBiasa (B);"


def _line(texts, top, x0=10.0, size=8.0):
    out, x = [], x0
    for t in texts.split():
        out.append(Word(t, x, top, x + 4.0 * len(t), top + size, size))
        x += 4.0 * len(t) + 2.0
    return out


def test_a_ruling_across_the_cell_between_two_lines_is_a_break():
    # a cell split into parts by a ruling (BPS SOP-022: 'Sekretaris memeriksa ...,' /
    # 'iya, surat diajukan ...' / 'tidak, surat ...'), the next part in lower case
    words = _line("memeriksa kelengkapan surat,", 10) + _line("iya, surat diajukan", 30)
    assert cell_text_in(words, 8.0, 140.0) == "memeriksa kelengkapan surat, iya, surat diajukan"
    ruled = cell_text_in(words, 8.0, 140.0, [(24.0, 8.0, 140.0)])
    assert ruled == "memeriksa kelengkapan surat,\niya, surat diajukan"
