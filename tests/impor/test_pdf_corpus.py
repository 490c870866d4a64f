"""The PDF reader on real SOPs of another agency (BPS Provinsi Bengkulu, 25 signed PDFs).

The expected figures below were read by eye from the rendered pages (pdftoppm), not produced
by the reader: activity rows, executor column titles (left to right, as printed, lines of a
title joined with a space, or without one after a '/'), decisions (diamonds) and off-page
connectors (pentagons) drawn. A file with several flowchart tables has one entry per table.
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
