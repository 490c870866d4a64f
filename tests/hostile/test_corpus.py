# ruff: noqa: E501  (expected messages are compared whole, as a user reads them)
"""A corpus of broken and hostile data files, one small mutation each of the mini
document: encodings (Latin-1, Windows-1252, UTF-16/32, BOM, CRLF), tabs, huge files and
lines, wrong shapes, blank required texts (spaces, zero-width, direction marks, control
characters from escapes), numbers out of bounds, broken references.

Each case: ``check`` ends with the exact located Indonesian messages and no traceback;
``pdf`` refuses it too and the previous output is left exactly as it was (same bytes,
same times). Cases marked "(accepted)" are data that must pass. Run in-process (fast)."""

from __future__ import annotations

import codecs
import shutil
from pathlib import Path

import pytest

MINI = Path(__file__).resolve().parent.parent / "fixtures" / "mini"
L, D = "layanan.yaml", "dokumen.yaml"

# Whole-file rewrites, for the mutations that are not a replacement (old is None).
WHOLE = {
    "utf-16": lambda raw: raw.decode("utf-8").encode("utf-16"),
    "utf-16-be-bom": lambda raw: codecs.BOM_UTF16_BE + raw.decode("utf-8").encode("utf-16-be"),
    "utf-16-le": lambda raw: raw.decode("utf-8").encode("utf-16-le"),
    "utf-32": lambda raw: raw.decode("utf-8").encode("utf-32"),
    "huge": lambda raw: raw + b"# " + b"x" * (6 * 1024 * 1024) + b"\n",
    "directive": lambda raw: b"%YAML 1.1\n---\n" + raw,
    "crlf": lambda raw: raw.replace(b"\n", b"\r\n"),
    "cr": lambda raw: raw.replace(b"\n", b"\r"),
    "bom": lambda raw: codecs.BOM_UTF8 + raw,
}

# (id, file, old bytes or None, new bytes (or a WHOLE key), the error messages expected
# (None: the data is accepted))
# fmt: off
CASES = [
    ('latin-1 byte', L, b'Notula', b'Notula caf\xe9',
     "d/layanan.yaml:22:23: kesalahan: berkas bukan teks UTF-8: bita 0xE9 tidak sah, mungkin 'é' dari pengodean Latin-1/Windows-1252\n    cara memperbaiki: buka berkas di penyunting teks lalu simpan ulang dengan pengodean UTF-8"),
    ('windows-1252 quote', L, b'Notula', b'\x93Notula\x94',
     "d/layanan.yaml:22:13: kesalahan: berkas bukan teks UTF-8: bita 0x93 tidak sah, mungkin '“' dari pengodean Latin-1/Windows-1252\n    cara memperbaiki: buka berkas di penyunting teks lalu simpan ulang dengan pengodean UTF-8"),
    ('broken UTF-8 sequence', L, b'Notula', b'Not\xc3(ula',
     "d/layanan.yaml:22:16: kesalahan: berkas bukan teks UTF-8: bita 0xC3 tidak sah, mungkin 'Ã' dari pengodean Latin-1/Windows-1252\n    cara memperbaiki: buka berkas di penyunting teks lalu simpan ulang dengan pengodean UTF-8"),
    ('UTF-16 LE with BOM', L, None, 'utf-16',
     "d/layanan.yaml:1:1: kesalahan: berkas tersimpan sebagai UTF-16 (mis. 'Unicode' di Notepad), bukan UTF-8\n    cara memperbaiki: buka berkas di penyunting teks lalu simpan ulang dengan pengodean UTF-8 (di Notepad: Simpan Sebagai, Pengodean: UTF-8)"),
    ('UTF-16 BE with BOM', L, None, 'utf-16-be-bom',
     "d/layanan.yaml:1:1: kesalahan: berkas tersimpan sebagai UTF-16 (mis. 'Unicode' di Notepad), bukan UTF-8\n    cara memperbaiki: buka berkas di penyunting teks lalu simpan ulang dengan pengodean UTF-8 (di Notepad: Simpan Sebagai, Pengodean: UTF-8)"),
    ('UTF-16 without BOM', L, None, 'utf-16-le',
     "d/layanan.yaml:1:1: kesalahan: berkas tersimpan sebagai UTF-16 (mis. 'Unicode' di Notepad), bukan UTF-8\n    cara memperbaiki: buka berkas di penyunting teks lalu simpan ulang dengan pengodean UTF-8 (di Notepad: Simpan Sebagai, Pengodean: UTF-8)"),
    ('UTF-32', L, None, 'utf-32',
     'd/layanan.yaml:1:1: kesalahan: berkas tersimpan sebagai UTF-32, bukan UTF-8\n    cara memperbaiki: buka berkas di penyunting teks lalu simpan ulang dengan pengodean UTF-8'),
    ('empty file', L, None, b'',
     'd/layanan.yaml:1:1: kesalahan: berkas kosong\n    cara memperbaiki: isi berkas sesuai templat (sopgen new)'),
    ('only a BOM', L, None, b'\xef\xbb\xbf',
     'd/layanan.yaml:1:1: kesalahan: berkas kosong\n    cara memperbaiki: isi berkas sesuai templat (sopgen new)'),
    ('only spaces and newlines', L, None, b'  \n\n   \n',
     'd/layanan.yaml:1:1: kesalahan: berkas kosong\n    cara memperbaiki: isi berkas sesuai templat (sopgen new)'),
    ('only comments', L, None, b'# kosong\n# juga\n',
     'd/layanan.yaml:1:1: kesalahan: berkas kosong\n    cara memperbaiki: isi berkas sesuai templat (sopgen new)'),
    ('random bytes', L, None, bytes(range(256)),
     "d/layanan.yaml:2:118: kesalahan: berkas bukan teks UTF-8: bita 0x80 tidak sah, mungkin '€' dari pengodean Latin-1/Windows-1252\n    cara memperbaiki: buka berkas di penyunting teks lalu simpan ulang dengan pengodean UTF-8"),
    ('tab indentation', L, b'    pelaksana: Petugas\n', b'\tpelaksana: Petugas\n',
     'd/layanan.yaml:7:1: kesalahan: karakter tab dipakai untuk indentasi; YAML hanya menerima spasi\n    cara memperbaiki: ganti tab dengan spasi (mis. 2 spasi per tingkat)'),
    ('tab after the dash', L, b'  - uraian: Menerima', b'  -\turaian: Menerima',
     'd/layanan.yaml:6:4: kesalahan: karakter tab di sini; YAML hanya menerima spasi untuk indentasi (baris 6: "  -\turaian: Menerima berkas permohonan")\n    cara memperbaiki: ganti tab dengan spasi (mis. 2 spasi per tingkat)'),
    ('huge file', L, None, 'huge',
     "d/layanan.yaml:1:1: kesalahan: berkas 'layanan.yaml' berukuran 6,0 MB, lebih dari 1 MB\n    cara memperbaiki: periksa apakah berkas yang benar yang dipakai; berkas SOP biasanya hanya beberapa KB"),
    ('a very long line', L, b'uraian: Menerima berkas permohonan', b'uraian: ' + b'Menerima berkas ' * 20000,
     'd/layanan.yaml:6:13: kesalahan: langkah 1: teks kegiatan terlalu panjang untuk satu halaman\n    cara memperbaiki: persingkat uraian atau pecah menjadi beberapa langkah'),
    ('kegiatan empty', L, b'kegiatan:\n', b'kegiatan: []\nx:\n',
     "d/layanan.yaml:5:11: kesalahan: 'kegiatan' tidak boleh kosong\n    cara memperbaiki: isi paling sedikit satu butir\nd/layanan.yaml:6:1: kesalahan: kunci 'x' tidak dikenal\n    cara memperbaiki: kunci yang boleh di bagian ini: versi_skema, judul, nomor, pelaksana, pelaksana_direkonstruksi, kegiatan, catatan, revisi, identitas, dasar_hukum, kualifikasi_pelaksana, keterkaitan, peralatan, peringatan, pencatatan, pejabat"),
    ('kegiatan a mapping', L, b'kegiatan:\n', b'kegiatan: {a: 1}\nx:\n',
     "d/layanan.yaml:5:11: kesalahan: 'kegiatan' harus berupa daftar bagian berisi 'kunci: nilai'\n    cara memperbaiki: sekarang berisi bagian 'kunci: nilai' {'a': 1}\nd/layanan.yaml:6:1: kesalahan: kunci 'x' tidak dikenal\n    cara memperbaiki: kunci yang boleh di bagian ini: versi_skema, judul, nomor, pelaksana, pelaksana_direkonstruksi, kegiatan, catatan, revisi, identitas, dasar_hukum, kualifikasi_pelaksana, keterkaitan, peralatan, peringatan, pencatatan, pejabat"),
    ('judul a list', L, b'judul: SOP PELAYANAN', b'judul: [SOP, PELAYANAN]',
     "d/layanan.yaml:2:8: kesalahan: 'judul' harus berupa teks\n    cara memperbaiki: sekarang berisi daftar ['SOP', 'PELAYANAN']"),
    ('judul yes', L, b'judul: SOP PELAYANAN', b'judul: yes',
     "d/layanan.yaml:2:8: kesalahan: 'judul' harus berupa teks\n    cara memperbaiki: YAML membaca yes/no/on/off/true/false tanpa tanda kutip sebagai benar/salah; apit teksnya dengan tanda kutip, mis. 'ya'"),
    ('pelaksana a number', L, b'pelaksana: [Petugas, Kasubag, Kepala Dinas]', b'pelaksana: 5',
     "d/layanan.yaml:4:12: kesalahan: 'pelaksana' harus berupa daftar teks\n    cara memperbaiki: sekarang berisi bilangan bulat 5"),
    ('document a list', D, None, b'- a\n- b\n',
     "d/dokumen.yaml:1:1: kesalahan: isi berkas harus berupa pasangan 'kunci: nilai'"),
    ('document a scalar', D, None, b'halo\n',
     "d/dokumen.yaml:1:1: kesalahan: isi berkas harus berupa pasangan 'kunci: nilai'"),
    ('duplicate key', L, b'judul: SOP PELAYANAN\n', b'judul: SOP PELAYANAN\njudul: LAGI\n',
     "d/layanan.yaml:3:1: kesalahan: kunci 'judul' ditulis dua kali di bagian yang sama\n    cara memperbaiki: hapus salah satunya; hanya satu yang akan dipakai"),
    ('misspelled key', L, b'    kelengkapan: Formulir\n', b'    kelengkapn: Formulir\n',
     "d/layanan.yaml:8:5: kesalahan: kunci 'kelengkapn' tidak dikenal; maksud Anda 'kelengkapan'?\n    cara memperbaiki: kunci yang boleh di bagian ini: id, nomor, uraian, pelaksana, simbol, teks, kelengkapan, waktu, output, keterangan, keputusan, lanjut, selesai"),
    ('missing uraian', L, b'  - uraian: Menerima berkas permohonan\n    pelaksana: Petugas\n', b'  - pelaksana: Petugas\n',
     "d/layanan.yaml:6:5: kesalahan: kunci 'uraian' wajib diisi\n    cara memperbaiki: tambahkan 'uraian: ...' di bagian ini"),
    ('uraian empty', L, b'uraian: Menerima berkas permohonan', b"uraian: ''",
     'd/layanan.yaml:6:13: kesalahan: langkah 1: uraian wajib diisi, tetapi kosong\n    cara memperbaiki: tulis teksnya; spasi, karakter lebar-nol dan tanda arah tidak terhitung'),
    ('uraian blank', L, b'uraian: Menerima berkas permohonan', b"uraian: '    '",
     'd/layanan.yaml:6:13: kesalahan: langkah 1: uraian wajib diisi, tetapi kosong\n    cara memperbaiki: tulis teksnya; spasi, karakter lebar-nol dan tanda arah tidak terhitung'),
    ('uraian NUL escape', L, b'uraian: Menerima berkas permohonan', b'uraian: "\\0"',
     'd/layanan.yaml:6:13: kesalahan: langkah 1: uraian memuat karakter U+0000 (karakter kendali) yang tidak dapat dicetak\n    cara memperbaiki: hapus karakter itu (sering dari escape \\0, \\x.. atau \\u.. di dalam tanda kutip "...", atau terbawa saat menyalin dari PDF atau Word)'),
    ('uraian zero-width only', L, b'uraian: Menerima berkas permohonan', b'uraian: \xe2\x80\x8b\xe2\x80\x8c\xe2\x80\x8d',
     'd/layanan.yaml:6:13: kesalahan: langkah 1: uraian wajib diisi, tetapi hanya berisi spasi atau karakter tak terlihat\n    cara memperbaiki: tulis teksnya; spasi, karakter lebar-nol dan tanda arah tidak terhitung'),
    ('uraian direction marks only', L, b'uraian: Menerima berkas permohonan', b'uraian: \xe2\x80\x8f\xe2\x80\xae\xe2\x81\xa6',
     'd/layanan.yaml:6:13: kesalahan: langkah 1: uraian wajib diisi, tetapi hanya berisi spasi atau karakter tak terlihat\n    cara memperbaiki: tulis teksnya; spasi, karakter lebar-nol dan tanda arah tidak terhitung'),
    ('uraian BOM inside', L, b'uraian: Menerima berkas permohonan', b'uraian: \xef\xbb\xbf',
     'd/layanan.yaml:6:13: kesalahan: langkah 1: uraian wajib diisi, tetapi hanya berisi spasi atau karakter tak terlihat\n    cara memperbaiki: tulis teksnya; spasi, karakter lebar-nol dan tanda arah tidak terhitung'),
    ('uraian combining mark only', L, b'uraian: Menerima berkas permohonan', b'uraian: \xcc\x81',
     'd/layanan.yaml:6:13: kesalahan: langkah 1: uraian wajib diisi, tetapi hanya berisi spasi atau karakter tak terlihat\n    cara memperbaiki: tulis teksnya; spasi, karakter lebar-nol dan tanda arah tidak terhitung'),
    ('uraian ideographic space', L, b'uraian: Menerima berkas permohonan', b"uraian: '\xe3\x80\x80'",
     'd/layanan.yaml:6:13: kesalahan: langkah 1: uraian wajib diisi, tetapi kosong\n    cara memperbaiki: tulis teksnya; spasi, karakter lebar-nol dan tanda arah tidak terhitung'),
    ('judul empty', L, b'judul: SOP PELAYANAN', b"judul: ''",
     'd/layanan.yaml:2:8: kesalahan: judul wajib diisi, tetapi kosong\n    cara memperbaiki: tulis teksnya; spasi, karakter lebar-nol dan tanda arah tidak terhitung'),
    ('executor column empty', L, b'pelaksana: [Petugas, Kasubag, Kepala Dinas]', b"pelaksana: [Petugas, Kasubag, Kepala Dinas, '']",
     'd/layanan.yaml:4:45: kesalahan: pelaksana (butir ke-4) wajib diisi, tetapi kosong\n    cara memperbaiki: tulis teksnya; spasi, karakter lebar-nol dan tanda arah tidak terhitung'),
    ('pejabat nama empty', D, b'nama: Ir. CONTOH, MM', b"nama: ''",
     'd/dokumen.yaml:24:11: kesalahan: pejabat.kepala.nama wajib diisi, tetapi kosong\n    cara memperbaiki: tulis teksnya; spasi, karakter lebar-nol dan tanda arah tidak terhitung'),
    ('instansi dinas empty', D, b'dinas: DINAS CONTOH', b"dinas: ''",
     'd/dokumen.yaml:4:10: kesalahan: instansi.dinas wajib diisi, tetapi kosong\n    cara memperbaiki: tulis teksnya; spasi, karakter lebar-nol dan tanda arah tidak terhitung'),
    ('identitas nomor empty', D, b'nomor: 01/SOP/CTH/XII/2016', b"nomor: ''",
     'd/dokumen.yaml:7:10: kesalahan: identitas.nomor wajib diisi, tetapi kosong\n    cara memperbaiki: tulis teksnya; spasi, karakter lebar-nol dan tanda arah tidak terhitung'),
    ('identitas nomor RTL mark', D, b'nomor: 01/SOP/CTH/XII/2016', b'nomor: \xe2\x80\x8f',
     'd/dokumen.yaml:7:10: kesalahan: identitas.nomor wajib diisi, tetapi hanya berisi spasi atau karakter tak terlihat\n    cara memperbaiki: tulis teksnya; spasi, karakter lebar-nol dan tanda arah tidak terhitung'),
    ('BEL escape in output', L, b'output: Notula', b'output: "Not\\aula"',
     'd/layanan.yaml:22:13: kesalahan: langkah 3: output memuat karakter U+0007 (karakter kendali) yang tidak dapat dicetak\n    cara memperbaiki: hapus karakter itu (sering dari escape \\0, \\x.. atau \\u.. di dalam tanda kutip "...", atau terbawa saat menyalin dari PDF atau Word)'),
    ('ESC escape in output', L, b'output: Notula', b'output: "Not\\x1bula"',
     'd/layanan.yaml:22:13: kesalahan: langkah 3: output memuat karakter U+001B (karakter kendali) yang tidak dapat dicetak\n    cara memperbaiki: hapus karakter itu (sering dari escape \\0, \\x.. atau \\u.. di dalam tanda kutip "...", atau terbawa saat menyalin dari PDF atau Word)'),
    ('lone surrogate escape', L, b'output: Notula', b'output: "Not\\ud800ula"',
     "d/layanan.yaml:22:13: kesalahan: 'output' memuat karakter yang tidak sah (surrogate Unicode)\n    cara memperbaiki: hapus escape \\ud800-\\udfff dari teks bertanda kutip; tulis hurufnya langsung"),
    ('menit_per_hari huge', D, b'  tempat: Contoh\n', b'  tempat: Contoh\npengaturan: {menit_per_hari: ' + b'9' * 400 + b'}\n',
     "d/dokumen.yaml:6:30: kesalahan: 'menit_per_hari' tidak boleh lebih dari 1440\n    cara memperbaiki: perbaiki angkanya"),
    ('hari_per_minggu 8', D, b'  tempat: Contoh\n', b'  tempat: Contoh\npengaturan: {hari_per_minggu: 8}\n',
     "d/dokumen.yaml:6:31: kesalahan: 'hari_per_minggu' tidak boleh lebih dari 7\n    cara memperbaiki: perbaiki angkanya"),
    ('menit_per_hari zero', D, b'  tempat: Contoh\n', b'  tempat: Contoh\npengaturan: {menit_per_hari: 0}\n',
     "d/dokumen.yaml:6:30: kesalahan: 'menit_per_hari' harus lebih dari 0\n    cara memperbaiki: perbaiki angkanya"),
    ('lebar_kolom_pelaksana too narrow', D, b'  tempat: Contoh\n', b'  tempat: Contoh\npengaturan: {lebar_kolom_pelaksana: 15}\n',
     "d/dokumen.yaml:6:37: kesalahan: 'lebar_kolom_pelaksana' tidak boleh kurang dari 16\n    cara memperbaiki: perbaiki angkanya"),
    ('lebar_kolom_pelaksana too wide', D, b'  tempat: Contoh\n', b'  tempat: Contoh\npengaturan: {lebar_kolom_pelaksana: 61}\n',
     "d/dokumen.yaml:6:37: kesalahan: 'lebar_kolom_pelaksana' tidak boleh lebih dari 60\n    cara memperbaiki: perbaiki angkanya"),
    ('revision number negative', D, b'  tempat: Contoh\n', b'  tempat: Contoh\nrevisi:\n  - nomor: -1\n    tanggal: 2018-01-01\n    perubahan: x\n',
     "d/dokumen.yaml:7:12: kesalahan: 'nomor' tidak boleh kurang dari 0\n    cara memperbaiki: perbaiki angkanya"),
    ('step number huge', L, b'  - id: periksa\n', b'  - id: periksa\n    nomor: ' + b'9' * 400 + b'\n',
     "d/layanan.yaml:12:12: kesalahan: nomor langkah 999999999... di luar batas 0 sampai 9999\n    cara memperbaiki: tulis nomor seperti tercetak di kolom No, mis. 10\nd/layanan.yaml:18:21: kesalahan: langkah tujuan '3' tidak ada\n    cara memperbaiki: pakai nomor langkah yang tercetak: 1, 999999999..., 100000000..., 100000000..."),
    ('step number negative', L, b'  - uraian: Menandatangani', b'  - nomor: -4\n    uraian: Menandatangani',
     'd/layanan.yaml:23:12: kesalahan: nomor langkah -4 di luar batas 0 sampai 9999\n    cara memperbaiki: tulis nomor seperti tercetak di kolom No, mis. 10'),
    ('step number text too long', L, b'  - uraian: Menandatangani', b"  - nomor: '4.1.2.3.4'\n    uraian: Menandatangani",
     "d/layanan.yaml:23:12: kesalahan: nomor langkah '4.1.2.3.4' terlalu panjang untuk kolom No (lebih dari 6 karakter)\n    cara memperbaiki: tulis nomor pendek seperti tercetak, mis. '2a'"),
    ('year far away', D, b'  tempat: Contoh\n', b'  tempat: Contoh\ntahun: 99999\n',
     "d/dokumen.yaml:6:8: kesalahan: 'tahun' tidak boleh lebih dari 2200\n    cara memperbaiki: perbaiki angkanya"),
    ('revision number huge', D, b'  tempat: Contoh\n', b'  tempat: Contoh\nrevisi:\n  - nomor: 1000\n    tanggal: 2018-01-01\n    perubahan: x\n',
     "d/dokumen.yaml:7:12: kesalahan: 'nomor' tidak boleh lebih dari 999\n    cara memperbaiki: perbaiki angkanya"),
    ('date that does not exist', D, b'tanggal_pembuatan: 2016-12-01', b'tanggal_pembuatan: 2016-02-30',
     "d/dokumen.yaml:8:22: kesalahan: tanggal '2016-02-30' untuk 'tanggal_pembuatan' tidak valid\n    cara memperbaiki: tulis TAHUN-BULAN-TANGGAL, mis. 2017-12-08, atau '08 Desember 2017'"),
    ('date in words', D, b'tanggal_pembuatan: 2016-12-01', b'tanggal_pembuatan: kemarin',
     "d/dokumen.yaml:8:22: kesalahan: tanggal 'kemarin' untuk 'tanggal_pembuatan' tidak valid\n    cara memperbaiki: tulis TAHUN-BULAN-TANGGAL, mis. 2017-12-08, atau '08 Desember 2017'"),
    ('date written day first', D, b'tanggal_pembuatan: 2016-12-01', b'tanggal_pembuatan: 01-12-2016',
     "d/dokumen.yaml:8:22: kesalahan: tanggal '01-12-2016' untuk 'tanggal_pembuatan' tidak valid\n    cara memperbaiki: tulis TAHUN-BULAN-TANGGAL: 2016-12-01, atau '01 Desember 2016'"),
    ('date written day first with slashes', D, b'tanggal_pembuatan: 2016-12-01', b'tanggal_pembuatan: 1/12/2016',
     "d/dokumen.yaml:8:22: kesalahan: tanggal '1/12/2016' untuk 'tanggal_pembuatan' tidak valid\n    cara memperbaiki: tulis TAHUN-BULAN-TANGGAL: 2016-12-01, atau '01 Desember 2016'"),
    ('lanjut to its own step', L, b'    output: Notula\n', b'    output: Notula\n    lanjut: 3\n',
     "d/layanan.yaml:23:13: kesalahan: langkah 3 menunjuk dirinya sendiri\n    cara memperbaiki: arahkan ke langkah lain, atau hapus 'lanjut' agar alur menuju baris di bawahnya"),
    ('decision branch to its own step', L, b'keputusan: {ya: 3, tidak: 1}', b'keputusan: {ya: 3, tidak: 2}',
     "d/layanan.yaml:17:31: kesalahan: langkah 2 menunjuk dirinya sendiri\n    cara memperbaiki: arahkan cabang ini ke langkah lain"),
    ('decision without tidak', L, b'keputusan: {ya: 3, tidak: 1}', b'keputusan: {ya: 3}',
     "d/layanan.yaml:17:16: kesalahan: keputusan tanpa cabang 'tidak': belah ketupat punya dua jalan\n    cara memperbaiki: tambahkan langkah tujuan 'tidak', mis. keputusan: {ya: 3, tidak: 1} (nomor langkah atau id)"),
    ('no space after a colon', L, b'    waktu: 5 menit', b'    waktu:5 menit',
     'd/layanan.yaml:9:5: kesalahan: tidak ada spasi sesudah \'waktu:\' (baris 9: "    waktu:5 menit")\n    cara memperbaiki: tulis \'waktu: 5 menit\''),
    ('no space after a dash', L, b'  - uraian: Membahas', b'  -uraian: Membahas',
     'd/layanan.yaml:18:3: kesalahan: tidak ada spasi sesudah tanda \'-\' butir daftar (baris 18: "  -uraian: Membahas berkas bersama")\n    cara memperbaiki: tulis \'- uraian: Membahas berkas bersama\''),
    ('procedure listed with .yaml', D, b'prosedur: [layanan]', b'prosedur: [layanan.yaml]',
     "d/dokumen.yaml:36:12: kesalahan: id prosedur 'layanan.yaml' ditulis dengan akhiran '.yaml'\n    cara memperbaiki: tulis 'layanan' (nama berkas tanpa .yaml)"),
    ('NIP without quotes read as a number', D, b'"19581111 199103 1 003"', b'195811111991031003',
     'd/dokumen.yaml:26:10: kesalahan: \'nip\' harus berupa teks\n    cara memperbaiki: apit nilainya dengan tanda kutip agar dibaca sebagai teks, mis. nip: "..." (sekarang dibaca sebagai bilangan)'),
    ('exit to a missing step', L, b'keputusan: {ya: 3, tidak: 1}', b'keputusan: {ya: 9, tidak: 1}',
     "d/layanan.yaml:17:21: kesalahan: langkah tujuan '9' tidak ada\n    cara memperbaiki: pakai nomor langkah 1 sampai 4"),
    ('exit to a missing id', L, b'keputusan: {ya: 3, tidak: 1}', b'keputusan: {ya: tolak, tidak: 1}',
     "d/layanan.yaml:17:21: kesalahan: langkah tujuan 'tolak' tidak ada\n    cara memperbaiki: pakai nomor langkah atau id yang ada"),
    ('duplicate step id', L, b'  - uraian: Membahas', b'  - id: periksa\n    uraian: Membahas',
     "d/layanan.yaml:18:9: kesalahan: id 'periksa' sudah dipakai langkah sebelumnya\n    cara memperbaiki: ganti id ini dengan nama lain"),
    ('unknown executor in a step', L, b'    pelaksana: Petugas\n', b'    pelaksana: Petugass\n',
     "d/layanan.yaml:7:16: kesalahan: pelaksana 'Petugass' tidak ada di kolom pelaksana prosedur ini; maksud Anda 'Petugas'?\n    cara memperbaiki: pakai salah satu: Petugas, Kasubag, Kepala Dinas; atau tambahkan kolomnya di 'pelaksana' pada awal berkas"),
    ('listed procedure missing', D, b'prosedur: [layanan]', b'prosedur: [layanan, hilang]',
     "d/dokumen.yaml:36:21: kesalahan: berkas prosedur 'hilang.yaml' tidak ditemukan di d\n    cara memperbaiki: periksa ejaan id (nama berkas tanpa .yaml), atau buat dengan 'sopgen new prosedur'"),
    ('listed procedure misspelt', D, b'prosedur: [layanan]', b'prosedur: [layanna]',
     "d/dokumen.yaml:36:12: kesalahan: berkas prosedur 'layanna.yaml' tidak ditemukan di d; maksud Anda 'layanan'?\n    cara memperbaiki: ganti 'layanna' menjadi 'layanan' di daftar 'prosedur'"),
    ('YAML directive', L, None, 'directive',
     None),
    ('document end marker then text', L, b'kegiatan:\n', b'...\nkegiatan:\n',
     'd/layanan.yaml:6:1: kesalahan: susunan YAML tidak sesuai di sini (baris 6: "kegiatan:")\n    cara memperbaiki: periksa indentasi, tanda \':\' dan tanda kutip di sekitar baris ini'),
    ('key with a trailing tab', L, b'judul: SOP', b'judul\t: SOP',
     'd/layanan.yaml:2:6: kesalahan: karakter tab di sini; YAML hanya menerima spasi untuk indentasi (baris 2: "judul\t: SOP PELAYANAN")\n    cara memperbaiki: ganti tab dengan spasi (mis. 2 spasi per tingkat)'),
    ('CRLF line endings (accepted)', L, None, 'crlf',
     None),
    ('CR line endings (accepted)', L, None, 'cr',
     None),
    ('UTF-8 BOM (accepted)', L, None, 'bom',
     None),
    ('RTL text (accepted)', L, b'output: Notula', b'output: \xd9\x85\xd8\xad\xd8\xb6\xd8\xb1 Notula',
     None),
    ('zero-width joiner in a word (accepted)', L, b'output: Notula', b'output: No\xe2\x80\x8dtula',
     None),
    ('tab inside a value (accepted)', L, b'output: Notula', b"output: 'Not\tula'",
     None),
    ('identity too long for its page', D, b'  nama: BIDANG CONTOH\n', b'  nama: BIDANG CONTOH\n  tambahan:\n    - {label: Maksud, isi: ' + b'Menjamin pelayanan ' * 40 + b'}\n',
     "d/dokumen.yaml:6:1: kesalahan: identitas SOP terlalu panjang untuk satu halaman identitas (899 karakter pada nomor, nama SOP, pejabat pengesah dan baris tambahan; paling banyak 700)\n    cara memperbaiki: persingkat nama SOP, jabatan atau nama pejabat, atau isi baris 'tambahan'"),
    ('agency name too long', D, b'  dinas: DINAS CONTOH', b'  dinas: ' + b'DINAS ' * 40,
     'd/dokumen.yaml:4:10: kesalahan: instansi.dinas terlalu panjang (239 karakter; paling banyak 200): tidak muat di halaman identitas\n    cara memperbaiki: persingkat teksnya'),
    ('legal basis item too long', D, b'  - Undang-Undang Nomor 23 Tahun 2006', b'  - ' + b'Undang-Undang ' * 80,
     'd/dokumen.yaml:13:5: kesalahan: dasar_hukum (butir ke-1) terlalu panjang (1119 karakter; paling banyak 1000): tidak muat di halaman identitas\n    cara memperbaiki: persingkat teksnya, atau pecah menjadi beberapa butir'),
    ('official name too long', D, b'    nama: Ir. CONTOH, MM', b'    nama: ' + b'CONTOH ' * 35,
     'd/dokumen.yaml:24:11: kesalahan: pejabat.kepala.nama terlalu panjang (244 karakter; paling banyak 200): tidak muat di halaman identitas\n    cara memperbaiki: persingkat teksnya'),

    ('too many legal bases', D, b'dasar_hukum:\n', b'dasar_hukum:\n' + b'  - Peraturan Daerah\n' * 101,
     'd/dokumen.yaml:113:5: kesalahan: dasar_hukum memuat 102 butir; paling banyak 100 (halaman identitas dan riwayat revisi)\n    cara memperbaiki: ringkas daftarnya; butir sebanyak ini tidak lagi terbaca di halaman identitas'),
    ('too many steps', L, b'kegiatan:\n', b'kegiatan:\n' + b'  - {uraian: Mencatat, pelaksana: Petugas}\n' * 501,
     "d/layanan.yaml:506:5: kesalahan: prosedur memuat 505 langkah; paling banyak 500\n    cara memperbaiki: pecah prosedur ini menjadi beberapa SOP yang saling merujuk ('prosedur:')"),
    ('two-way arrow to another row', L, b'    pelaksana: Kepala Dinas\n    kelengkapan: Konsep', b'    simbol:\n      - pelaksana: Kepala Dinas\n        bolak_balik: 1\n    kelengkapan: Konsep',
     "d/layanan.yaml:26:22: kesalahan: panah bolak-balik hanya menghubungkan dua simbol dalam satu baris; '1' adalah langkah 1\n    cara memperbaiki: pindahkan simbol itu ke baris ini, atau tulis dua panah biasa dengan 'lanjut' (pergi dan kembali)"),
    ('two-way arrow to nothing', L, b'    pelaksana: Kepala Dinas\n    kelengkapan: Konsep', b'    simbol:\n      - pelaksana: Kepala Dinas\n        bolak_balik: [tanda-tangan]\n    kelengkapan: Konsep',
     "d/layanan.yaml:26:23: kesalahan: langkah tujuan 'tanda-tangan' tidak ada\n    cara memperbaiki: pakai nomor langkah atau id yang ada"),

]
# fmt: on


def mutate(path: Path, old: bytes | None, new: bytes | str) -> None:
    raw = path.read_bytes()
    if old is not None:
        assert old in raw, old
        path.write_bytes(raw.replace(old, new, 1))
    else:
        path.write_bytes(WHOLE[new](raw) if isinstance(new, str) else new)


def _tree(folder: Path) -> list[tuple[str, int, bytes]]:
    return sorted(
        (str(p.relative_to(folder)), p.stat().st_mtime_ns, p.read_bytes())
        for p in folder.rglob("*")
        if p.is_file()
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The mini document's PDFs, built once: the output each case must leave alone."""
    from click.testing import CliRunner

    from sopgen.cli import main

    place = tmp_path_factory.mktemp("built")
    shutil.copytree(MINI, place / "d")
    result = CliRunner().invoke(main, ["pdf", str(place / "d"), str(place / "out"), "-q"])
    assert result.exit_code == 0, result.output
    return place / "out"


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"), [pytest.param(*c[1:], id=c[0]) for c in CASES]
)
def test_each_bad_file_is_located_and_leaves_the_output(
    tmp_path, monkeypatch, cli, built, file, old, new, expected
):
    shutil.copytree(MINI, tmp_path / "d")
    shutil.copytree(built, tmp_path / "out")
    monkeypatch.chdir(tmp_path)
    mutate(tmp_path / "d" / file, old, new)
    before = _tree(tmp_path / "out")
    result = cli("check", "d")
    assert "Traceback" not in result.output
    if expected is None:
        assert result.exit_code == 0, result.output
        return
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if ": kesalahan: " in line]
    assert expected in result.output, result.output
    assert len(errors) == expected.count(": kesalahan: "), result.output
    result = cli("pdf", "d", "out")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert expected in result.output
    assert _tree(tmp_path / "out") == before


# A document folder whose dokumen.yaml is missing or misnamed (Notepad's hidden '.txt',
# '.yml', another case), beside a good one: its procedures would be left out of the
# binder without a word. (id, new name of dokumen.yaml or None to delete it, message)
# fmt: off
UNREAD_FOLDERS = [
    ('dokumen.yaml deleted', None,
     "data/kedua:1:1: kesalahan: folder data/kedua berisi berkas YAML tetapi tidak ada 'dokumen.yaml'; folder ini tidak dibaca\n    cara memperbaiki: buat 'dokumen.yaml' di folder itu (mis. salin dari dokumen lain lalu sesuaikan), atau pindahkan berkas prosedurnya ke folder dokumen yang ada"),
    ('saved by Notepad as .txt', 'dokumen.yaml.txt',
     "data/kedua/dokumen.yaml.txt:1:1: kesalahan: berkas dokumen harus bernama 'dokumen.yaml'; folder data/kedua tidak dibaca\n    cara memperbaiki: ganti nama berkas ini menjadi 'dokumen.yaml' (Notepad menambahkan '.txt'; di Windows Explorer centang Tampilan > Ekstensi nama file agar akhiran itu terlihat)"),
    ('.yml', 'dokumen.yml',
     "data/kedua/dokumen.yml:1:1: kesalahan: berkas dokumen harus bernama 'dokumen.yaml'; folder data/kedua tidak dibaca\n    cara memperbaiki: ganti nama berkas ini menjadi 'dokumen.yaml'"),
    ('capital letter', 'Dokumen.yaml',
     "data/kedua/Dokumen.yaml:1:1: kesalahan: berkas dokumen harus bernama 'dokumen.yaml'; folder data/kedua tidak dibaca\n    cara memperbaiki: ganti nama berkas ini menjadi 'dokumen.yaml'"),
]
# fmt: on


@pytest.mark.parametrize(
    ("new_name", "expected"), [pytest.param(*c[1:], id=c[0]) for c in UNREAD_FOLDERS]
)
def test_a_document_folder_without_dokumen_yaml_is_an_error(
    tmp_path, monkeypatch, cli, new_name, expected
):
    shutil.copytree(MINI, tmp_path / "data" / "pertama")
    shutil.copytree(MINI, tmp_path / "data" / "kedua")
    document = tmp_path / "data" / "kedua" / D
    if new_name is None:
        document.unlink()
    elif new_name.lower() == D:  # a rename that only changes case needs a step between
        document.rename(document.with_name("tmp"))
        (document.parent / "tmp").rename(document.with_name(new_name))
    else:
        document.rename(document.with_name(new_name))
    monkeypatch.chdir(tmp_path)
    result = cli("check", "data")
    assert result.exit_code == 1, result.output
    assert expected in result.output, result.output
    assert result.output.count(": kesalahan: ") == 1, result.output
    result = cli("build", "data", "out", "-j", "1")
    assert result.exit_code == 1
    assert expected in result.output
    assert not (tmp_path / "out").exists()


def test_a_folder_of_procedures_alone_says_which_file_is_missing(tmp_path, monkeypatch, cli):
    shutil.copytree(MINI, tmp_path / "d")
    (tmp_path / "d" / D).unlink()
    monkeypatch.chdir(tmp_path)
    result = cli("check", "d")
    assert result.exit_code == 1
    assert (
        "d:1:1: kesalahan: folder d berisi berkas YAML tetapi tidak ada 'dokumen.yaml'; folder ini tidak dibaca\n"
        "    cara memperbaiki: buat 'dokumen.yaml' di folder itu"
    ) in result.output, result.output
