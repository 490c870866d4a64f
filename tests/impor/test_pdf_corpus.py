"""The PDF reader on real SOPs of another agency (BPS Provinsi Bengkulu, 25 signed PDFs).

The expected figures below were read by eye from the rendered pages (pdftoppm), not produced
by the reader: activity rows, executor column titles (left to right, as printed, lines of a
title joined with a space, or without one after a '/'), decisions (diamonds) and off-page
connectors (pentagons) drawn. A file with several flowchart tables has one entry per table.
The identity page of each file likewise: the agency block, Nomor and dates, Nama SOP, the
signer, and the number of items of each list, as printed (typing slips included).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sopgen.impor.ir import UnreadableSource
from sopgen.impor.pdf import read_pdf

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "bps"

KP = "Ketua Tim/Proyek"
KEU = "Proyek Keuangan/PPK"
PAY = ("Bendahara", "Operator Pembayaran", "PPK", "PPSPM", "KPPN")

# file: list of tables, each (rows, executors, decisions, connectors)
# fmt: off
EXPECTED: dict[str, list[tuple[int, tuple[str, ...], int, int]]] = {
    "administrative-020-sop-pembuatan-naskah-dinas-sk.pdf": [
        (8, ("TIM", "Kepala Bagian Umum", "Tim Hukum", "Sekretaris", "Kepala BPS"), 0, 0)],
    "administrative-021-sop-pembuatan-naskah-dinas-surat-tugas.pdf": [
        (7, ("TIM", "Kepala Bagian Umum", "Tim SDM", "Sekretaris", "Kepala BPS"), 2, 0)],
    "administrative-022-sop-pembuatan-naskah-dinas.pdf": [
        (5, ("Tim", "Sekretaris", "Bagian Umum", "Kepala BPS Prov"), 2, 0)],
    "administrative-023-sop-penerimaan-dokumen-surat-masuk-melalui-satpam.pdf": [
        (5, ("Kurir external", "SATPAM Piket", "Pegawai Pengelola Surat / Sekretaris"), 1, 0)],
    "administrative-024-sop-pengelolaan-surat-dinas-keluar-melalui-portal-pintar.pdf": [
        (11, ("Anggota Tim", "Ketua Tim", "Sekretaris", "Bagian Umum", "Kepala BPS Provinsi"),
         1, 0)],
    "administrative-025-sop-pengelolaan-surat-masuk.pdf": [
        (11, ("Tim Teknis", "Bagian Umum", "Sekretaris", "Kepala BPS Provinsi"), 3, 0)],
    "administrative-027-sop-pengiriman-surat-dinas.pdf": [
        (5, ("TIM", "Layanan Umum", "Jasa Pengiriman", "Penerima Surat dalam kota"), 1, 0)],
    "administrative-028-sop-pengajuan-ls-ke-kppn.pdf": [
        (8, ("Penyedia", "Operator", "PPK", "PPSPM", "KPPN"), 2, 0)],
    "administrative-029-sop-pengajuan-pembayaran.pdf": [
        (8, (KP, "Proyek PBJ", KEU, "Kabag Umum", "KPA"), 2, 0),
        (7, (KP, "Proyek SDM", KEU, "Kabag Umum", "KPA"), 1, 0),
        (8, (KP, "Proyek PBJ", KEU, "Kabag Umum", "Persediaan"), 2, 0),
        (7, (KP, "Proyek SDM", KEU, "Kabag Umum", "KPA"), 1, 0),
        (9, (KP, "Proyek SDM", KEU, "Kabag Umum", "KPA", "Pelaku Perjadin"), 2, 0),
        (9, (KP, "Proyek SDM", KEU, "Kabag Umum", "KPA", "Pelaku Perjadin"), 2, 0),
        (9, (KP, "Proyek SDM", KEU, "Kabag Umum", "KPA", "Pelaku Perjadin"), 2, 0),
        (9, (KP, "Proyek PBJ", KEU, "Kabag Umum", "KPA"), 2, 0),
    ],
    "administrative-030-sop-pengajuan-uang-persediaan-ke-kppn.pdf": [(8, PAY, 2, 0)],
    "administrative-031-sop-pengajuan-belanja-pegawai.pdf": [
        (8, ("PPABP",) + PAY[1:], 2, 0)],
    "administrative-055-sop-administrasi-jaringan-dan-komputer.pdf": [
        (8, ("PJK TIP", "PJK TI", "Anggota tim TIP"), 1, 0)],
    "administrative-099-sop-pencetakan-instrumen-pelatihan-petugas-sakernas.pdf": [
        (5, ("Tim Kerja Statistik Sosial", "KPA", "PPK", "Tim Bagian Umum"), 2, 0)],
    "administrative-100-sop-supervisi-lapangan-sakernas.pdf": [
        (8, ("Tim Kerja Statistik Sosial", "Kepala BPS Provinsi/KPA", "PPK", "Tim Bagian Umum",
             "Supervisor"), 1, 0)],
    "administrative-307-sop-pelaksanaan-swakelola-tipe-ii.pdf": [
        (4, ("PPK", "Tim Persiapan", "Tim Pelaksana", "Tim Pengawas"), 0, 0)],
    "administrative-309-sop-pelaksanaan-swakelola-tipe-iii.pdf": [
        (6, ("PPK", "Tim Pelaksana", "Tim Pengawas"), 0, 2)],
    "administrative-311-sop-pelaksanaan-swakelola-tipe-iv.pdf": [
        (6, ("PPK", "Tim Pelaksana", "Tim Pengawas"), 0, 2)],
    "administrative-312-sop-pembentukan-tim-zona-integritas.pdf": [
        (5, ("Kepala", "Tim Seleksi"), 0, 0)],
    "archives-076-sop-persiapan-seruti.pdf": [
        (3, ("Ketua Tim Statistik Sosial", "Anggota Tim Statistik Sosial", "Kepala Bagian Umum",
             "BPS Kabupaten/Kota"), 0, 0)],
    "hrm-045-sop-peminjaman-lisensi-zoom.pdf": [(5, ("PJK Terkait", "PJK TIP", "PJK TI"), 0, 0)],
    "hrm-054-sop-update-perubahan-wilayah.pdf": [
        (14, ("BPS Kab/Kota", "Aplikasi FRS MFD Online level kab/kota",
              "Aplikasi FRS MFD Online level provinsi"), 2, 4)],
    "hrm-059-sop-pengumpulan-data-pdrb-triwulanan.pdf": [
        (4, ("Ketua Tim Neraca Wilayah", "PJ Neraca Produksi", "Fungsional Statistisi",
             "Tim Neraca Pengeluaran", "Tim Analisis Statistik Lintas Sektor"), 0, 0)],
    "inventory-279-sop-pelaksanaan-kontrak-barang-jasa-konsultansi-nonkonstruksi-jasa.pdf": [
        (29, ("KPA", "PPK", "Penyedia"), 0, 6)],
    "monitoring-078-sop-diseminasi-seruti.pdf": [
        (3, ("Ketua Tim Statistik Sosial", "Anggota Tim Statistik Sosial",
             "Ketua Tim Neraca Wilayah", "BPS RI"), 0, 0)],
}
# fmt: on
# The flowchart page of this file is a picture (two JPEG slices); only its footer is text.
IMAGE_ONLY = "monitoring-208-sop-kompilasi-dan-evaluasi-sp-palawija-lahan-benih-dan-alsintan.pdf"


def _corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("korpus SOP nyata (../shared/corpus/bps) tidak ada di mesin ini")
    return CORPUS


_cache: dict[str, object] = {}


def _read(name: str):
    if name not in _cache:
        _cache[name] = read_pdf(_corpus() / name)
    return _cache[name]


def _tables(sop):
    return (sop,) + tuple(sop.more)


def test_every_corpus_file_is_listed():
    names = {p.name for p in _corpus().glob("*.pdf")}
    assert names == set(EXPECTED) | {IMAGE_ONLY}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_rows_and_executors(name):
    tables = _tables(_read(name))
    got = [(len(t.rows), t.header.executors) for t in tables]
    assert got == [(rows, execs) for rows, execs, _, _ in EXPECTED[name]]


def test_flowchart_drawn_as_picture_needs_ocr():
    with pytest.raises(UnreadableSource, match="OCR"):
        read_pdf(_corpus() / IMAGE_ONLY)


def test_a_waktu_cell_merged_over_two_steps_goes_to_the_first_with_a_note():
    # SOP-025 prints "3 menit" once, in a Waktu cell merged over steps 4 and 5 (seen on
    # its page 2: no ruling across the Waktu column between them)
    sop = _read("administrative-025-sop-pengelolaan-surat-masuk.pdf")
    assert [r.waktu for r in sop.rows[3:5]] == ["3 menit", ""]
    assert [(u.row, u.field) for u in sop.uncertain if "digabung" in u.message] == [(3, "waktu")]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_decisions_and_connectors(name):
    tables = _tables(_read(name))
    got = [
        (
            sum(s.kind == "decision" for s in t.shapes),
            sum(s.kind == "connector" for s in t.shapes),
        )
        for t in tables
    ]
    assert got == [(dec, con) for _, _, dec, con in EXPECTED[name]]


BPS = ("BADAN PUSAT STATISTIK", "PROVINSI BENGKULU")
KEPALA, KEPALA_BPS = (
    "Kepala BPS Provinsi Bengkulu",
    "Kepala Badan Pusat Statistik Provinsi Bengkulu",
)
WIN_ME, NIP, NIP_1 = "Ir. Win Rizal, M.E.", "19660825 198802 1 001", "196608251988021001"
LISTS = ("dasar_hukum", "kualifikasi_pelaksana", "keterkaitan", "peralatan", "peringatan",
         "pencatatan")  # fmt: skip
# file: (instansi lines, (nomor, pembuatan, revisi, efektif), nama SOP,
#        (jabatan, nama, NIP) of the signer, items of each list in LISTS)
# fmt: off
IDENTITY = {
    "administrative-020-sop-pembuatan-naskah-dinas-sk.pdf": (
        BPS + ("TIM BAGIAN UMUM",),
        ("SOP-020/17000/2025", "2 Juni 2025", None, "2 Juni 2025"),
        "Pengajuan Pembuatan Surat Keputusan Kepala BPS Provinsi Bengkulu",
        (KEPALA, WIN_ME, NIP_1), (9, 4, 0, 6, 1, 1)),
    "administrative-021-sop-pembuatan-naskah-dinas-surat-tugas.pdf": (
        BPS + ("TIM BAGIAN UMUM",),
        ("SOP-021/17000/2025", "2 Juni 2025", None, "2 Juni 2025"),
        "Pengajuan Pembuatan Surat Tugas",
        (KEPALA, WIN_ME, NIP_1), (9, 4, 1, 6, 1, 1)),
    "administrative-022-sop-pembuatan-naskah-dinas.pdf": (
        BPS + ("TIM BAGIAN UMUM",),
        ("SOP-022/17000/2025", "2 Juni 2025", None, "2 Juni 2025"),
        "Pembuatan Naskah Dinas",
        (KEPALA, WIN_ME, NIP_1), (9, 4, 4, 6, 1, 1)),
    "administrative-023-sop-penerimaan-dokumen-surat-masuk-melalui-satpam.pdf": (
        BPS + ("TIM BAGIAN UMUM",),
        ("SOP-023/17000/2025", "2 Juni 2025", None, "2 Juni 2025"),
        "Penerimaan Surat Masuk dari SATPAM",
        (KEPALA, WIN_ME, NIP_1), (8, 2, 2, 3, 1, 2)),
    "administrative-024-sop-pengelolaan-surat-dinas-keluar-melalui-portal-pintar.pdf": (
        BPS + ("TIM BAGIAN UMUM",),
        ("SOP-024/17000/2025", "2 Juni 2025", None, "2 Juni 2025"),
        "Pengelolaan Surat Dinas Keluar melalui PORTAL Pintar",
        (KEPALA, WIN_ME, NIP_1), (9, 5, 2, 8, 1, 1)),
    "administrative-025-sop-pengelolaan-surat-masuk.pdf": (
        BPS + ("BAGIAN UMUM",),
        ("SOP-025/17000/2025", "2 Juni 2025", None, "2 Juni 2025"),
        "Pengelolaan Surat Masuk",
        (KEPALA, WIN_ME, NIP_1), (8, 5, 0, 6, 1, 2)),
    "administrative-027-sop-pengiriman-surat-dinas.pdf": (
        BPS + ("TIM BAGIAN UMUM",),
        ("SOP-027/17000/2025", "02 June 2025", None, "02 June 2025"),
        "Pengiriman Surat Dinas",
        (KEPALA, WIN_ME, NIP_1), (9, 2, 0, 6, 2, 1)),
    "administrative-028-sop-pengajuan-ls-ke-kppn.pdf": (
        BPS + ("TIM BAGIAN UMUM",),
        ("SOP-028/17000/2025", "3 Januari 2022", "2 Juni 2025", "2 Juni 2025"),
        "PENGAJUAN LS KE KPPN",
        (KEPALA_BPS, WIN_ME, NIP), (1, 2, 0, 4, 1, 8)),
    "administrative-029-sop-pengajuan-pembayaran.pdf": (
        BPS + ("TIM BAGIAN UMUM",),
        ("SOP-029/17000/2025", "2 Januari 2024", "2 Juni 2025", "2 Juni 2025"),
        "PENGAJUAN PEMBAYARAN",
        (KEPALA_BPS, WIN_ME, NIP), (1, 2, 4, 4, 1, 0)),
    "administrative-030-sop-pengajuan-uang-persediaan-ke-kppn.pdf": (
        BPS + ("TIM BAGIAN UMUM",),
        ("SOP-030/17000/2025", "3 Januari 2022", "2 Juni 2025", "2 Juni 2025"),
        "PENGAJUAN UANG PERSEDIAAAN KE KPPN",
        (KEPALA_BPS, WIN_ME, NIP), (1, 2, 0, 4, 1, 0)),
    "administrative-031-sop-pengajuan-belanja-pegawai.pdf": (
        BPS + ("TIM BAGIAN UMUM",),
        ("SOP-031/17000/2025", "3 Januari 2022", "2 Juni 2025", "2 Juni 2025"),
        "PENGAJUAN BELANJA PEGAWAI",
        (KEPALA_BPS, WIN_ME, NIP), (1, 2, 0, 5, 1, 0)),
    "administrative-055-sop-administrasi-jaringan-dan-komputer.pdf": (
        BPS + ("TIM TEKNOLOGI INFORMASI DAN PENGEMBANGAN INOVASI",),
        ("SOP-055/17000/2025", "8 Januari 2021", "26 Mei 2025", "2 Juni 2025"),
        "Administrasi Jaringan Dan Komputer",
        (KEPALA, WIN_ME, NIP), (10, 2, 1, 2, 0, 1)),
    "administrative-099-sop-pencetakan-instrumen-pelatihan-petugas-sakernas.pdf": (
        BPS + ("TIM KERJA STATISTIK SOSIAL",),
        ("SOP-099/17000/2025", "2 Januari 2014", "2 Januari 2025", "2 Januari 2025"),
        "SOP Pencetakan Instrumen Pelatihan Petugas Survei Angkatan Kerja Nasional (Sakernas)",
        (KEPALA, "Win Rizal", None), (5, 5, 4, 5, 1, 0)),
    "administrative-100-sop-supervisi-lapangan-sakernas.pdf": (
        BPS + ("TIM KERJA STATISTIK SOSIAL",),
        ("SOP-100/17000/2025", "2 Januari 2014", "2 Januari 2025", "2 Januari 2025"),
        "SOP Supervisi Lapangan Survei Angkatan Kerja Nasional (Sakernas)",
        (KEPALA, "Win Rizal", None), (5, 4, 4, 5, 1, 0)),
    "administrative-307-sop-pelaksanaan-swakelola-tipe-ii.pdf": (
        BPS + ("BAGIAN UMUM",),
        ("SOP-307/17000/2025", "2 Januari 2024", "2 Januari 2025", "10 Januari 2025"),
        "STANDAR OPERASIONAL PROSEDUR PELAKSANAAN SWAKELOLA TIPE II",
        (KEPALA_BPS, "Win Rizal", None), (2, 6, 1, 16, 2, 1)),
    "administrative-309-sop-pelaksanaan-swakelola-tipe-iii.pdf": (
        BPS + ("BAGIAN UMUM",),
        ("SOP-309/17000/2025", "2 Januari 2024", "2 Januari 2025", "10 Januari 2025"),
        "STANDAR OPERASIONAL PROSEDUR PELAKSANAAN SWAKELOLA TIPE III",
        (KEPALA_BPS, "Win Rizal", None), (2, 3, 1, 6, 2, 1)),
    "administrative-311-sop-pelaksanaan-swakelola-tipe-iv.pdf": (
        BPS + ("BAGIAN UMUM",),
        ("SOP-311/17000/2025", "2 Januari 2024", "2 Januari 2025", "10 Januari 2025"),
        "STANDAR OPERASIONAL PROSEDUR PELAKSANAAN SWAKELOLA TIPE IV",
        (KEPALA_BPS, "Win Rizal", None), (2, 3, 1, 6, 2, 1)),
    "administrative-312-sop-pembentukan-tim-zona-integritas.pdf": (
        BPS + ("TIM REFORMASI BIROKRASI DAN PEMBINAAN STATISTIK",),
        ("SOP-312/17000/2025", "2 Januari 2025", None, "10 Januari 2025"),
        "Pembentukan Tim Zona Integritas",
        (KEPALA, "Win Rizal", None), (10, 5, 0, 5, 1, 1)),
    "archives-076-sop-persiapan-seruti.pdf": (
        BPS + ("TIM STATISTIK SOSIAL",),
        ("SOP-076/17000/2025", "2 Januari 2021", "2 Januari 2025", "2 Januari 2025"),
        "Standar Operasional Prosedur Persiapan SERUTI",
        (KEPALA, "Win Rizal", None), (10, 3, 1, 1, 1, 1)),
    "hrm-045-sop-peminjaman-lisensi-zoom.pdf": (
        BPS + ("TIM TEKNOLOGI INFORMASI DAN PENGEMBANGAN INOVASI",),
        ("SOP-045/17000/2025", "8 Januari 2021", "26 Mei 2025", "2 Juni 2025"),
        "Peminjaman Lisensi Zoom",
        (KEPALA, WIN_ME, NIP), (10, 2, 1, 2, 0, 1)),
    "hrm-054-sop-update-perubahan-wilayah.pdf": (
        BPS + ("TIM TEKNOLOGI INFORMASI DAN PENGEMBANGAN INOVASI",),
        ("SOP-054/17000/2025", "11 Januari 2021", "26 Mei 2025", "2 Juni 2025"),
        "Update Perubahan Wilayah",
        (KEPALA, WIN_ME, NIP), (10, 2, 1, 3, 0, 0)),
    "hrm-059-sop-pengumpulan-data-pdrb-triwulanan.pdf": (
        BPS + ("TIM NERACA WILAYAH",),
        ("SOP-059/17000/2025", "2 Januari 2025", None, "2 Januari 2025"),
        "PENGUMPULAN DATA PDRB TRIWULANAN PROVINSI BENGKULU",
        (KEPALA_BPS, "Ir. Win Rizal, M.E", None), (10, 2, 0, 2, 1, 1)),
    "inventory-279-sop-pelaksanaan-kontrak-barang-jasa-konsultansi-nonkonstruksi-jasa.pdf": (
        ("BADAN PUSAT STATISTI", "PROVINSI BENGKULU", "BAGIAN UMUM"),
        ("SOP-279/17000/2025", "2 Januari 2024", "2 Januari 2025", "10 Januari 2025"),
        "STANDAR OPERASIONAL PROSEDUR PELAKSANAAN KONTRAK BARANG/JASA KONSULTANSI "
        "NONKONSTRUKSI/JASA LAINNYA",
        (KEPALA_BPS, "Win Rizal", None), (2, 2, 1, 33, 2, 1)),
    "monitoring-078-sop-diseminasi-seruti.pdf": (
        BPS + ("TIM STATISTIK SOSIAL",),
        ("SOP-078/17000/2025", "2 Januari 2021", "2 Januari 2025", "2 Januari 2025"),
        "Standar Operasional Prosedur Diseminasi dan Evaluasi SERUTI",
        (KEPALA, "Win Rizal", None), (10, 2, 1, 1, 1, 1)),
}
# fmt: on


def test_every_identity_is_listed():
    assert set(IDENTITY) == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(IDENTITY))
def test_identity_page(name):
    """Every field of the identity page as printed: the agency block left of the grid (also
    when a Dasar Hukum line begins 'Standar Operasional Prosedur'), a Nama SOP over two lines
    around its label (or over its cell's ruling) whole, the signer's name apart from the
    jabatan and from the Nama SOP right under it."""
    instansi, (nomor, dibuat, revisi, efektif), nama, signer, counts = IDENTITY[name]
    got = _read(name).identity
    assert got.instansi_lines == instansi
    assert (got.nomor, got.tanggal_pembuatan, got.tanggal_revisi, got.tanggal_efektif) == (
        nomor,
        dibuat,
        revisi,
        efektif,
    )
    assert got.nama == nama
    assert got.disahkan is not None
    assert (got.disahkan.jabatan, got.disahkan.nama, got.disahkan.nip) == signer
    assert tuple(len(got.lists.get(k, ())) for k in LISTS) == counts


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_esignature_footer_is_no_note(name):
    """The BSrE stamp printed on every page is left out (and named), never a catatan."""
    sop = _read(name)
    assert all("ditandatangani" not in (t.notes or "") for t in _tables(sop))
    if name.startswith("inventory-279"):  # printed without the stamp
        assert sop.left_out == ()
    else:
        assert any("Balai Sertifikasi Elektronik" in line for line in sop.left_out)


def test_notes_under_the_tables_stay():
    """The notes under the tables of a binder, at the same place on two pages, are kept."""
    tables = _tables(_read("administrative-029-sop-pengajuan-pembayaran.pdf"))
    notes = [t.notes or "" for t in tables]
    assert sum(n.startswith("Ket: *) Kelengkapan dokumen pendukung:") for n in notes) == 6


def test_list_items_as_printed():
    def lists(name):
        return _read(name).identity.lists

    # a number printed without its dot goes on with the list
    assert lists("administrative-024-sop-pengelolaan-surat-dinas-keluar-melalui-portal-pintar.pdf")[
        "peralatan"
    ][-2:] == ("Aplikasi Portal Pintar", "Aplikasi e-ttd BSSN")
    # a word broken at its own hyphen keeps it
    assert lists("administrative-022-sop-pembuatan-naskah-dinas.pdf")["dasar_hukum"][3] == (
        "Peraturan Pemerintah Nomor 28 Tahun 2012 tentang Peraturan Pelaksanaan "
        "Undang-Undang Nomor 43 Tahun 2009 tentang Kearsipan;"
    )
    # a stray '.' at the foot of the cell is no item
    assert lists("administrative-307-sop-pelaksanaan-swakelola-tipe-ii.pdf")["pencatatan"] == (
        "Copy berkas terkait pelaksanaan swakelola tipe II dicatat dan didata sebagai data "
        "elektronik dan manual di UKPBJ/Bagian Umum/Subbagian Umum",
    )


def test_untitled_keterangan_column_is_kept():
    """administrative-307 prints its Keterangan column (empty) without a title."""
    sop = _read("administrative-307-sop-pelaksanaan-swakelola-tipe-ii.pdf")
    assert sop.header.labels.get("keterangan") == ""


@pytest.mark.parametrize("name", sorted(IDENTITY))
def test_identity_text_left_over_is_named(name):
    """hrm-059 prints a 'Maksud dan tujuan' row under its lists, which the format has no
    place for: it is named for the officer; every other identity page is read whole."""
    named = [u.message for u in _read(name).uncertain if u.field == "identitas"]
    if name.startswith("hrm-059"):
        assert len(named) == 1 and "'Maksud dan tujuan: Mempersiapkan segala aspek" in named[0]
    else:
        assert named == []


def _arrows(sop) -> set[tuple[str, str]]:
    """Each arrow as 'row executor kind' -> 'row executor kind', rows by printed number;
    a line with a head at each end (a two-way arrow) as '... -> <-> ...'."""
    execs, rows = sop.header.executors, sop.rows
    by_id = {s.id: s for s in sop.shapes}

    def name(i: int) -> str:
        s = by_id[i]
        return f"{rows[s.row].nomor.rstrip('.')} {execs[s.columns[0]]} {s.kind}"

    return {(name(lk.source), ("<-> " if lk.both else "") + name(lk.target)) for lk in sop.links}


# file: every arrow as drawn, read by eye from the rendered flowchart pages
# fmt: off
ARROWS = {
    # row 5: the diamond's Ya exit starts beside the diamond, its arrowhead short of the
    # terminator; the Tidak exit's arrowhead short of PPK's box
    "administrative-099-sop-pencetakan-instrumen-pelatihan-petugas-sakernas.pdf": {
        ("1 Tim Kerja Statistik Sosial terminator", "2 KPA decision"),
        ("2 KPA decision", "1 Tim Kerja Statistik Sosial terminator"),
        ("2 KPA decision", "4 PPK process"),
        ("4 PPK process", "5 Tim Kerja Statistik Sosial decision"),
        ("5 Tim Kerja Statistik Sosial decision", "4 PPK process"),
        ("5 Tim Kerja Statistik Sosial decision", "6 Tim Bagian Umum terminator"),
    },
    # a line with a head at each end (to Kepala Bagian Umum and back) is one two-way
    # arrow from the left symbol; the boxes of Anggota Tim are drawn without an arrow out
    "archives-076-sop-persiapan-seruti.pdf": {
        ("1 Ketua Tim Statistik Sosial terminator", "1 Anggota Tim Statistik Sosial process"),
        ("1 Ketua Tim Statistik Sosial terminator", "<-> 1 Kepala Bagian Umum process"),
        ("1 Ketua Tim Statistik Sosial terminator", "2 Ketua Tim Statistik Sosial terminator"),
        ("2 Ketua Tim Statistik Sosial terminator", "2 Anggota Tim Statistik Sosial process"),
        ("2 Ketua Tim Statistik Sosial terminator", "<-> 2 Kepala Bagian Umum process"),
        ("2 Ketua Tim Statistik Sosial terminator", "3 Ketua Tim Statistik Sosial terminator"),
        ("3 Ketua Tim Statistik Sosial terminator", "3 Anggota Tim Statistik Sosial process"),
        ("3 Ketua Tim Statistik Sosial terminator", "<-> 3 Kepala Bagian Umum process"),
        ("3 Kepala Bagian Umum process", "<-> 3 BPS Kabupaten/Kota process"),
    },
    # the rulings of the identity block above the table (same page) are no arrows
    "monitoring-078-sop-diseminasi-seruti.pdf": {
        ("1 Ketua Tim Statistik Sosial terminator", "1 Anggota Tim Statistik Sosial process"),
        ("1 Ketua Tim Statistik Sosial terminator", "3 Ketua Tim Statistik Sosial terminator"),
        ("1 Anggota Tim Statistik Sosial process", "2 Anggota Tim Statistik Sosial terminator"),
        ("2 Anggota Tim Statistik Sosial terminator", "3 Anggota Tim Statistik Sosial process"),
        ("3 Ketua Tim Statistik Sosial terminator", "3 Anggota Tim Statistik Sosial process"),
        ("3 Ketua Tim Statistik Sosial terminator", "<-> 3 Ketua Tim Neraca Wilayah process"),
        ("3 Ketua Tim Neraca Wilayah process", "<-> 3 BPS RI process"),
    },
    "hrm-059-sop-pengumpulan-data-pdrb-triwulanan.pdf": {
        ("1 Ketua Tim Neraca Wilayah terminator", "1 PJ Neraca Produksi process"),
        ("1 PJ Neraca Produksi process", "1 Fungsional Statistisi process"),
        ("1 Fungsional Statistisi process", "2 Fungsional Statistisi process"),
        ("2 Fungsional Statistisi process", "3 PJ Neraca Produksi process"),
        ("3 PJ Neraca Produksi process", "4 PJ Neraca Produksi process"),
        ("4 PJ Neraca Produksi process", "4 Fungsional Statistisi process"),
        ("4 Fungsional Statistisi process", "4 Tim Neraca Pengeluaran process"),
        ("4 Fungsional Statistisi process", "4 Tim Analisis Statistik Lintas Sektor process"),
        ("4 Fungsional Statistisi process", "4 Fungsional Statistisi terminator"),
        # drawn down onto the line of the loop back from Tim Analisis, its head on that line
        ("4 Tim Neraca Pengeluaran process", "4 Fungsional Statistisi process"),
        ("4 Tim Analisis Statistik Lintas Sektor process", "4 Fungsional Statistisi process"),
    },
}
# fmt: on


@pytest.mark.parametrize("name", sorted(ARROWS))
def test_arrows_as_drawn(name):
    sop = _read(name)
    assert _arrows(sop) == ARROWS[name]
    notes = [u.message for u in sop.uncertain if u.field in ("lanjut", "keputusan")]
    missed = ("tidak menyentuh", "tidak tersambung", "tanpa panah keluar", "tidak terbaca di")
    assert not [n for n in notes if any(m in n for m in missed)]


@pytest.mark.parametrize(
    "name", ["archives-076-sop-persiapan-seruti.pdf", "monitoring-078-sop-diseminasi-seruti.pdf"]
)
def test_two_headed_lines_in_a_row_are_two_way_arrows_without_a_note(name):
    """Each line with a head at each end between two symbols of one row is one two-way
    arrow (bolak_balik in the YAML), nothing for the officer to check about it."""
    sop = _read(name)
    assert sum(lk.both for lk in sop.links) == (4 if name.startswith("archives") else 2)
    assert not [u.message for u in sop.uncertain if "berkepala dua" in u.message]


def test_boxes_hidden_under_filled_cells_are_no_symbols():
    """administrative-029 leaves a box in Pelaku Perjadin's cell of row 5 of three tables,
    under the cell filled white over it: only the KPA box is seen, and read."""
    tables = _tables(_read("administrative-029-sop-pengajuan-pembayaran.pdf"))
    row5 = [
        [(t.header.executors[s.columns[0]], s.kind) for s in t.shapes if s.row == 4] for t in tables
    ]
    assert row5 == [[("Proyek Keuangan/PPK", "decision")]] * 4 + [[("KPA", "process")]] * 3 + [
        [("Proyek Keuangan/PPK", "decision")]
    ]


def test_arrows_through_off_page_connectors():
    """hrm-054: row 4 goes through connector 1 to row 11; row 7 through connector 2 to the
    box of the province level in row 8, whose arrow from the connector is shorter than its
    head (not to the kab/kota box beside it, the next symbol)."""
    got = _arrows(_read("hrm-054-sop-update-perubahan-wilayah.pdf"))
    kab, prov = "Aplikasi FRS MFD Online level kab/kota", "Aplikasi FRS MFD Online level provinsi"
    assert (f"4 {kab} process", f"11 {kab} process") in got
    assert {t for s, t in got if s == f"7 {kab} process"} == {f"8 {prov} process"}
