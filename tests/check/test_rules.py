"""Every check rule on a small document broken on purpose, with its exact message.

The fixture tests/fixtures/mini is a valid document (a decision, a loop back, a joint
step); each case changes one thing and expects exactly these diagnostics, as a user
would see them from `sopgen check data`.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sopgen.build import read_data

MINI = Path(__file__).resolve().parent.parent / "fixtures" / "mini"

CASES = [
    pytest.param(
        "layanan.yaml",
        "    pelaksana: Kasubag\n    kelengkapan: Berkas\n",
        "    pelaksana: Kasubag Umum\n    kelengkapan: Berkas\n",
        "data/mini/layanan.yaml:13:16: kesalahan: pelaksana 'Kasubag Umum' tidak ada di kolom pelaksana prosedur ini; maksud Anda 'Kasubag'?\n    cara memperbaiki: pakai salah satu: Petugas, Kasubag, Kepala Dinas; atau tambahkan kolomnya di 'pelaksana' pada awal berkas",
        id="executor typo",
    ),
    pytest.param(
        "layanan.yaml",
        "[Kasubag, Kepala Dinas]\n",
        "[Kasubag, Kepala Dinsa]\n",
        "data/mini/layanan.yaml:19:26: kesalahan: pelaksana 'Kepala Dinsa' tidak ada di kolom pelaksana prosedur ini; maksud Anda 'Kepala Dinas'?\n    cara memperbaiki: pakai salah satu: Petugas, Kasubag, Kepala Dinas; atau tambahkan kolomnya di 'pelaksana' pada awal berkas",
        id="joint executor typo",
    ),
    pytest.param(
        "layanan.yaml",
        "    pelaksana: Petugas\n",
        "    pelaksana: Petugsa\n",
        # only the error: not also "kolom 'Petugas' tidak dipakai; hapus kolomnya"
        "data/mini/layanan.yaml:7:16: kesalahan: pelaksana 'Petugsa' tidak ada di kolom pelaksana prosedur ini; maksud Anda 'Petugas'?\n    cara memperbaiki: pakai salah satu: Petugas, Kasubag, Kepala Dinas; atau tambahkan kolomnya di 'pelaksana' pada awal berkas",
        id="typo of a column's only executor",
    ),
    pytest.param(
        "layanan.yaml",
        "{ya: 3, tidak: 1}",
        "{ya: 9, tidak: 1}",
        "data/mini/layanan.yaml:17:21: kesalahan: langkah tujuan '9' tidak ada\n    cara memperbaiki: pakai nomor langkah 1 sampai 4",
        id="decision target missing",
    ),
    pytest.param(
        "layanan.yaml",
        "{ya: 3, tidak: 1}",
        "{ya: 3, tidak: perikas}",
        "data/mini/layanan.yaml:17:31: kesalahan: langkah tujuan 'perikas' tidak ada\n    cara memperbaiki: pakai nomor langkah atau id yang ada; maksud Anda 'periksa'?",
        id="decision id typo",
    ),
    pytest.param(
        "layanan.yaml",
        "{ya: 3, tidak: 1}",
        "{ya: 4, tidak: 1}",
        "data/mini/layanan.yaml:18:5: kesalahan: langkah 3 tidak pernah dicapai dari langkah 1\n    cara memperbaiki: arahkan 'lanjut' atau cabang keputusan sebelumnya ke langkah ini, atau hapus langkahnya",
        id="unreachable",
    ),
    pytest.param(
        "layanan.yaml",
        "    output: Notula\n",
        "    output: Notula\n    lanjut: 2\n",
        "data/mini/layanan.yaml:6:5: kesalahan: dari langkah 1 alur tidak pernah sampai ke langkah terakhir (berputar tanpa jalan keluar)\n    cara memperbaiki: pastikan salah satu cabang mengarah ke langkah sesudahnya\ndata/mini/layanan.yaml:11:5: kesalahan: dari langkah 2 alur tidak pernah sampai ke langkah terakhir (berputar tanpa jalan keluar)\n    cara memperbaiki: pastikan salah satu cabang mengarah ke langkah sesudahnya\ndata/mini/layanan.yaml:18:5: kesalahan: dari langkah 3 alur tidak pernah sampai ke langkah terakhir (berputar tanpa jalan keluar)\n    cara memperbaiki: pastikan salah satu cabang mengarah ke langkah sesudahnya\ndata/mini/layanan.yaml:24:5: kesalahan: langkah 4 tidak pernah dicapai dari langkah 1\n    cara memperbaiki: arahkan 'lanjut' atau cabang keputusan sebelumnya ke langkah ini, atau hapus langkahnya",
        id="dead loop",
    ),
    pytest.param(
        "layanan.yaml",
        "  - uraian: Membahas",
        "  - id: periksa\n    uraian: Membahas",
        "data/mini/layanan.yaml:18:9: kesalahan: id 'periksa' sudah dipakai langkah sebelumnya\n    cara memperbaiki: ganti id ini dengan nama lain",
        id="duplicate id",
    ),
    pytest.param(
        "dokumen.yaml",
        "prosedur: layanan\n",
        "prosedur: layanna\n",
        "data/mini/dokumen.yaml:20:15: kesalahan: keterkaitan menunjuk prosedur 'layanna' yang tidak ada di dokumen ini; maksud Anda 'layanan'?\n    cara memperbaiki: pakai id dari daftar 'prosedur', atau hapus 'prosedur:' bila SOP itu milik unit lain",
        id="keterkaitan",
    ),
    pytest.param(
        "dokumen.yaml",
        '"19581111 199103 1 003"',
        '"19581111 199103 1 03"',
        "data/mini/dokumen.yaml:26:10: kesalahan: NIP '19581111 199103 1 03' harus 18 angka (sekarang 17 karakter)\n    cara memperbaiki: tulis seperti 'NIP 19610304 198903 1 010': lahir YYYYMMDD, TMT YYYYMM, jenis kelamin 1/2, nomor urut",
        id="nip length",
    ),
    pytest.param(
        "dokumen.yaml",
        '"19581111 199103 1 003"',
        '"19581111 199103 3 003"',
        "data/mini/dokumen.yaml:26:10: kesalahan: NIP '19581111 199103 3 003': angka ke-15 (jenis kelamin) harus 1 atau 2, bukan 3\n    cara memperbaiki: 1 = laki-laki, 2 = perempuan",
        id="nip sex",
    ),
    pytest.param(
        "dokumen.yaml",
        '"19581111 199103 1 003"',
        '"19581311 199103 1 003"',
        "data/mini/dokumen.yaml:26:10: kesalahan: NIP '19581311 199103 1 003': 8 angka pertama (19581311) bukan tanggal lahir yang sah\n    cara memperbaiki: 8 angka pertama adalah tanggal lahir YYYYMMDD; periksa ketikan",
        id="nip birth",
    ),
    pytest.param(
        "dokumen.yaml",
        "tanggal_efektif: 2017-12-08",
        "tanggal_efektif: 2015-12-08",
        "data/mini/dokumen.yaml:9:20: kesalahan: Tanggal Efektif (2015-12-08) sebelum Tanggal Pembuatan (2016-12-01)\n    cara memperbaiki: SOP berlaku sejak ditandatangani, sesudah selesai dibuat: periksa kedua tanggal\ndata/mini/dokumen.yaml:33:12: peringatan: tanggal pengesahan (2017-12-08) berbeda dengan Tanggal Efektif (2015-12-08)\n    cara memperbaiki: menurut Permenpan RB 35/2012 Tanggal Efektif = tanggal penandatanganan",
        id="efektif before",
    ),
    pytest.param(
        "dokumen.yaml",
        "menyetujui: kepala",
        "menyetujui: sekretaris",
        "data/mini/dokumen.yaml:35:15: kesalahan: yang menyetujui di Lembar Pengesahan ('sekretaris') bukan pejabat yang mengesahkan di halaman identitas ('kepala')\n    cara memperbaiki: keduanya harus pejabat yang sama: samakan 'pengesahan.menyetujui' dengan 'identitas.disahkan_oleh'",
        id="approver",
    ),
    pytest.param(
        "dokumen.yaml",
        "  nama: BIDANG CONTOH\n",
        "",
        "data/mini/dokumen.yaml:7:3: kesalahan: kunci 'nama' wajib diisi\n    cara memperbaiki: tambahkan 'nama: ...' di bagian ini",
        id="missing key",
    ),
    pytest.param(
        "dokumen.yaml",
        "  nama: BIDANG CONTOH\n",
        "  nama: BIDANG CONTOH\n  tanggal_efektf: 2017-12-08\n",
        "data/mini/dokumen.yaml:12:3: kesalahan: kunci 'tanggal_efektf' tidak dikenal; maksud Anda 'tanggal_efektif'?\n    cara memperbaiki: kunci yang boleh di bagian ini: nomor, tanggal_pembuatan, tanggal_revisi, tanggal_efektif, disahkan_oleh, nama, label_nama, tambahan",
        id="unknown key",
    ),
    pytest.param(
        "layanan.yaml",
        "pelaksana: [Petugas, Kasubag, Kepala Dinas]",
        "pelaksana: Petugas",
        "data/mini/layanan.yaml:4:12: kesalahan: 'pelaksana' harus berupa daftar teks\n    cara memperbaiki: sekarang berisi teks 'Petugas'",
        id="wrong type",
    ),
    pytest.param(
        "dokumen.yaml",
        "tanggal_pembuatan: 2016-12-01",
        "tanggal_pembuatan: 2016-13-01",
        "data/mini/dokumen.yaml:8:22: kesalahan: tanggal '2016-13-01' untuk 'tanggal_pembuatan' tidak valid\n    cara memperbaiki: tulis TAHUN-BULAN-TANGGAL, mis. 2017-12-08, atau '08 Desember 2017'",
        id="bad date",
    ),
    pytest.param(
        "layanan.yaml",
        "waktu: 10 menit",
        "waktu: sepuluh menit",
        "data/mini/layanan.yaml:15:12: peringatan: waktu 'sepuluh menit' tidak dapat dijumlahkan; dicetak seperti tertulis dan tidak ikut 'Jumlah waktu'\n    cara memperbaiki: biarkan bila memang bukan lama waktu (mis. 'Semesteran'); agar terjumlah, tulis angka lalu satuan: '15 menit', '2 jam', '1-2 hari' (satuan: detik, menit, jam, hari, minggu, bulan)",
        id="free waktu is a lint",
    ),
    pytest.param(
        "layanan.yaml",
        "    pelaksana: Petugas\n",
        "\tpelaksana: Petugas\n",
        "data/mini/layanan.yaml:7:1: kesalahan: karakter tab dipakai untuk indentasi; YAML hanya menerima spasi\n    cara memperbaiki: ganti tab dengan spasi (mis. 2 spasi per tingkat)",
        id="tab",
    ),
    pytest.param(
        "layanan.yaml",
        "  - uraian: Menerima berkas permohonan\n",
        "  - uraian: Menerima: berkas permohonan\n",
        "data/mini/layanan.yaml:6:21: kesalahan: tanda ':' tidak diharapkan di sini (baris 6: \"  - uraian: Menerima: berkas permohonan\")\n    cara memperbaiki: apit teks yang memuat ': ' dengan tanda kutip \"...\", atau periksa indentasi baris ini",
        id="syntax",
    ),
    pytest.param(
        "layanan.yaml",
        "    output: Berkas\n",
        "    output: Berkas\n    output: Lagi\n",
        "data/mini/layanan.yaml:11:5: kesalahan: kunci 'output' ditulis dua kali di bagian yang sama\n    cara memperbaiki: hapus salah satunya; hanya satu yang akan dipakai",
        id="duplicate key",
    ),
    pytest.param(
        "layanan.yaml",
        "Menandatangani surat",
        "Menandatangani surat oleh Kepala Dinas",
        "data/mini/layanan.yaml:23:13: peringatan: uraian menyebut pelaksananya ('oleh Kepala Dinas'); kegiatan ditulis tanpa subjek dan pelaksana ditunjukkan oleh kolom simbolnya\n    cara memperbaiki: hapus 'oleh Kepala Dinas' dari uraian",
        id="agent lint",
    ),
    pytest.param(
        "layanan.yaml",
        "    kelengkapan: Formulir\n",
        "",
        "data/mini/layanan.yaml:6:5: peringatan: langkah 1 tanpa Kelengkapan (Mutu Baku)\n    cara memperbaiki: isi 'kelengkapan:' agar SOP dapat dipakai mengukur kinerja",
        id="missing kelengkapan lint",
    ),
    pytest.param(
        "layanan.yaml",
        "    pelaksana: Petugas\n",
        "    pelaksana: []\n",
        "data/mini/layanan.yaml:7:16: kesalahan: 'pelaksana' tidak boleh kosong\n"
        "    cara memperbaiki: isi paling sedikit satu butir",
        id="empty executor list",
    ),
    pytest.param(
        "layanan.yaml",
        "    pelaksana: Petugas\n",
        "    pelaksana: [Petugas, 3]\n",
        "data/mini/layanan.yaml:7:26: kesalahan: butir ke-2 'pelaksana' harus berupa teks\n"
        "    cara memperbaiki: sekarang berisi bilangan bulat 3",
        id="executor list item not text",
    ),
    pytest.param(
        "dokumen.yaml",
        "prosedur: [layanan]",
        "prosedur: [layanan, layanan]",
        "data/mini/dokumen.yaml:36:21: kesalahan: prosedur 'layanan' ditulis dua kali\n"
        "    cara memperbaiki: hapus salah satunya",
        id="procedure listed twice",
    ),
    pytest.param(
        "layanan.yaml",
        "pelaksana: [Petugas, Kasubag, Kepala Dinas]",
        "pelaksana: [Petugas, Kasubag, Kepala Dinas, Kasubag]",
        "data/mini/layanan.yaml:4:45: kesalahan: kolom pelaksana 'Kasubag' ditulis dua kali\n"
        "    cara memperbaiki: hapus salah satunya",
        id="executor column twice",
    ),
    pytest.param(
        "dokumen.yaml",
        "  menyetujui: kepala\n",
        "  menyetujui: kepal\n",
        # the typo only, not also "bukan pejabat yang mengesahkan"
        "data/mini/dokumen.yaml:35:15: kesalahan: pejabat 'kepal' tidak ada di bagian 'pejabat'; maksud Anda 'kepala'?\n"
        "    cara memperbaiki: pakai salah satu kunci: kepala, sekretaris",
        id="approver key misspelt",
    ),
    pytest.param(
        "layanan.yaml",
        "    waktu: 5 menit\n",
        "    waktu: 5\n",
        "data/mini/layanan.yaml:9:12: peringatan: waktu '5' tanpa satuan tidak dapat dijumlahkan; dicetak seperti tertulis dan tidak ikut 'Jumlah waktu'\n"
        "    cara memperbaiki: tulis satuannya, mis. '5 jam' atau '5 hari'",
        id="waktu without its unit",
    ),
    pytest.param(
        "layanan.yaml",
        "  - uraian: Membahas",
        "  - nomor: 2\n    uraian: Membahas",
        # two rows print 2: the message says which one it means
        "data/mini/layanan.yaml:18:5: kesalahan: langkah 2 (baris ke-3) tidak pernah dicapai dari langkah 1\n"
        "    cara memperbaiki: arahkan 'lanjut' atau cabang keputusan sebelumnya ke langkah ini, atau hapus langkahnya\n"
        "data/mini/layanan.yaml:18:12: peringatan: nomor langkah '2' sudah dipakai baris sebelumnya\n"
        "    cara memperbaiki: rujukan ke nomor ini menuju baris pertama yang memakainya; beri nomor lain",
        id="printed number twice",
    ),
]


def diagnose(tmp_path, monkeypatch, file=None, old=None, new=None) -> str:
    shutil.copytree(MINI, tmp_path / "data" / "mini")
    if file:
        path = tmp_path / "data" / "mini" / file
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, diagnostics = read_data(Path("data"))
    # the fixture has no logo on purpose; that lint is tested in tests/render/test_logo.py
    shown = [d for d in diagnostics if not d.message.startswith("instansi.logo tidak diisi")]
    return "\n".join(d.format() for d in sorted(shown))


def test_the_fixture_itself_is_clean(tmp_path, monkeypatch):
    assert diagnose(tmp_path, monkeypatch) == ""


@pytest.mark.parametrize(("file", "old", "new", "expected"), CASES)
def test_rule_message(tmp_path, monkeypatch, file, old, new, expected):
    assert diagnose(tmp_path, monkeypatch, file, old, new) == expected
