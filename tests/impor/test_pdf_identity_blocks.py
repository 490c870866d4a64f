"""The identity page's blocks read as a reader reads them, whatever words they hold.

Each test draws a pattern seen on real SOPs (pdf_draw.py) in other words than the corpus
uses: a Nama SOP that begins with "Standar Operasional Prosedur" (a label's words) over two
lines around its label, a Dasar Hukum item wrapping onto a line that begins so too, a signer
printed without NIP right above such a Nama SOP, a Nama SOP running over its cell into the
row of the list headings, a row that is none of the fields, an e-signature stamp on every
page, a Keterangan column printed without a title.
"""

from __future__ import annotations

import random

import pytest
from pdf_draw import Identity, Style, draw
from test_pdf_variants import procedure

from sopgen.build import read_data
from sopgen.impor.pdf import read_pdf
from sopgen.impor.pdf_lists import items
from sopgen.impor.pdf_text import join_lines
from sopgen.impor.to_yaml import write_document

NAMA = "Standar Operasional Prosedur Penyusunan Laporan Keuangan Triwulanan Satuan Kerja"
UNIT = ("PEMERINTAH KOTA CONTOH", "DINAS KOMUNIKASI DAN INFORMATIKA", "BIDANG STATISTIK")
PERATURAN = (
    "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
    "Peraturan Wali Kota Nomor 7 Tahun 2021 tentang Pedoman Penyusunan\n"
    "Standar Operasional Prosedur Administrasi Pemerintahan",
)
STAMP = (
    "* Dokumen ini sah dan telah ditandatangani secara elektronik melalui sertifikat "
    "elektronik BSrE",
    "* Pindai kode QR untuk memeriksa keaslian dokumen",
)


def _read(tmp_path, identity: Identity, **style):
    steps = procedure(random.Random(7), 2, 4, 8, "plain")
    path = tmp_path / "sop.pdf"
    draw(path, steps, Style(executors=("Staf", "Kepala Bidang"), identity=identity, **style))
    return read_pdf(path)


def _lists(**extra):
    lists = dict(Identity().lists)
    lists.update(extra)
    return lists


@pytest.mark.parametrize("ruled", [True, False])
def test_nama_sop_beginning_with_label_words_is_read_whole(tmp_path, ruled):
    """'Standar Operasional Prosedur ...' as the Nama SOP's value (two lines, the label
    centred beside them) is the value, not a label; nor is a Dasar Hukum line that begins
    with those words, so the agency block left of the grid is read in full."""
    identity = Identity(
        nama=NAMA, instansi=UNIT, ruled=ruled, lists=_lists(**{"Dasar Hukum": PERATURAN})
    )
    got = _read(tmp_path, identity).identity
    assert got.nama == NAMA
    assert got.instansi_lines == UNIT
    assert got.lists["dasar_hukum"] == tuple(p.replace("\n", " ") for p in PERATURAN)


@pytest.mark.parametrize("ruled", [True, False])
def test_signer_without_nip_right_above_a_two_line_nama(tmp_path, ruled):
    """The first line of a Nama SOP printed above its centred label lies in the signer's
    band: it is the Nama SOP's, and the signer's name stays apart from the jabatan."""
    identity = Identity(nama=NAMA, pejabat=("Kepala Dinas", "Rahmat Hidayat", ""), ruled=ruled)
    got = _read(tmp_path, identity).identity
    assert got.nama == NAMA
    assert got.disahkan is not None
    assert (got.disahkan.jabatan, got.disahkan.nama, got.disahkan.nip) == (
        "Kepala Dinas",
        "Rahmat Hidayat",
        None,
    )


def test_nama_running_over_its_cell_into_the_heading_row(tmp_path):
    """The last line of a Nama SOP too long for its cell, printed over the ruling beside the
    first list heading, is still the Nama SOP's; the list under the heading is unchanged."""
    got = _read(tmp_path, Identity(nama=NAMA, overflow=True)).identity
    assert got.nama == NAMA
    assert got.lists["kualifikasi_pelaksana"] == Identity().lists["Kualifikasi Pelaksana"]


def test_identity_text_no_field_takes_is_named(tmp_path):
    """A row of the identity page that is none of its fields or lists ('Maksud dan tujuan')
    is not lost unseen: the YAML names it for the officer, and nothing else is named."""
    row = (
        "Maksud dan tujuan: Menyusun laporan keuangan triwulanan satuan kerja tepat waktu, "
        "lengkap dan sesuai standar akuntansi pemerintahan"
    )  # across the table, under both halves
    sop = _read(tmp_path, Identity(rows=(row,)))
    named = [u.message for u in sop.uncertain if u.field == "identitas"]
    assert len(named) == 1 and f"'{row}'" in named[0]
    assert _read(tmp_path, Identity()).uncertain == ()  # the plain page: nothing left over
    written = write_document([sop], tmp_path / "hasil")
    dokumen = (written.folder / "dokumen.yaml").read_text("utf-8")
    assert "# impor: teks di halaman identitas ini tidak termasuk bagian mana pun" in dokumen


def test_esignature_stamp_is_left_out_and_said_so(tmp_path):
    """An e-signature stamp printed right under the table on every page is page furniture:
    not the procedure's catatan; the YAML says it was left out."""
    sop = _read(tmp_path, Identity(), footer=STAMP, footer_gap=10.0)
    assert sop.notes is None
    assert sop.left_out == STAMP
    written = write_document([sop], tmp_path / "hasil")
    dokumen = (written.folder / "dokumen.yaml").read_text("utf-8")
    assert "# Tidak diimpor: teks bingkai halaman sumber" in dokumen
    assert "Pindai kode QR untuk memeriksa keaslian dokumen" in dokumen
    for f in written.files:
        assert "\ncatatan:" not in f.read_text("utf-8")


def test_footer_repeated_on_every_page_is_left_out(tmp_path):
    """A footer in other words, at the same place on every page, is furniture too; so is
    the page number printed on each flowchart page ("Halaman 1", "Halaman 2": said once)."""
    line = "Salinan ini terkendali apabila dicap basah oleh Bagian Organisasi"
    steps = procedure(random.Random(3), 2, 12, 4, "plain")
    path = tmp_path / "sop.pdf"
    draw(path, steps, Style(executors=("Staf", "Kepala"), rows_per_page=4, footer=(line,)))
    sop = read_pdf(path)
    assert sop.pages >= 3
    assert sop.left_out == (line, "Halaman 1")
    assert sop.notes is None


def test_keterangan_column_without_title_is_kept(tmp_path):
    """A last column printed without a title beside Mutu Baku is the Keterangan column: it
    stays in the imported table (printed with its default title, as the YAML says)."""
    sop = _read(tmp_path, Identity(), keterangan_title="")
    assert sop.header.labels.get("keterangan") == ""
    written = write_document([sop], tmp_path / "hasil")
    dokumen = (written.folder / "dokumen.yaml").read_text("utf-8")
    assert "\nkolom:" not in dokumen  # all four columns, as printed
    assert "Kolom Keterangan tercetak di sumber tanpa judul" in dokumen
    project, diagnostics = read_data(written.folder)
    assert [d.format() for d in diagnostics if d.is_error] == []
    assert project[0].columns == ("kelengkapan", "waktu", "output", "keterangan")


def test_words_broken_at_their_own_hyphen_keep_it():
    assert join_lines(["Peraturan Pelaksanaan Undang-", "Undang Nomor 43"]) == (
        "Peraturan Pelaksanaan Undang-Undang Nomor 43"
    )
    assert join_lines(["peraturan perundang-", "undangan"]) == "peraturan perundang-undangan"
    assert join_lines(["Tahun 2020-", "2024"]) == "Tahun 2020-2024"
    assert join_lines(["penyeleng-", "garaan statistik"]) == "penyelenggaraan statistik"


def test_list_number_without_its_dot_and_stray_marks():
    """'8 Aplikasi' after '7. ...' is item 8; a lone '.' left in a cell is no item."""
    texts = ["1. Alat Tulis", "7. Aplikasi Portal", "8 Aplikasi e-ttd", "."]
    assert items(texts, [None] * 4, 500.0) == ["Alat Tulis", "Aplikasi Portal", "Aplikasi e-ttd"]
    # a number that does not go on with the list, or begins no item, is the text's own
    assert items(["1. Rapat", "30 menit sebelum acara"], [None] * 2, 500.0) == [
        "Rapat 30 menit sebelum acara"
    ]
    assert items(["1. Rapat pleno", "2 kali setahun"], [None] * 2, 500.0) == [
        "Rapat pleno 2 kali setahun"
    ]
