# ruff: noqa: E501  (expected messages are compared whole, as a user reads them)
"""Hostile and broken input through ``sopgen check``: each case ends at once with its
exact located Indonesian message (file:line:column, what is wrong, how to fix it), no
traceback, and nothing written. Ids that would name files outside the document folder
are refused before any file is opened for them, by ``check``, ``pdf`` and ``html``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

MINI = Path(__file__).resolve().parent.parent / "fixtures" / "mini"

BOMB = "".join(
    f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}" if i else "ha"] * 10) + "]\n" for i in range(10)
)
L = "layanan.yaml"
D = "dokumen.yaml"
FIRST = "  - uraian: Menerima berkas permohonan\n"
# (id, file, old text, new text, the message expected)
# fmt: off
RAW = [
    ('alias bomb', L, "kegiatan:\n", BOMB + "kegiatan:\n",
     'd/layanan.yaml:9:45: kesalahan: alias \'*l3\' membuat berkas terlalu besar (lebih dari 100000 nilai bila semua alias ditulis lengkap) (baris 9: "l4: &l4 [*l3, *l3, *l3, *l3, *l3, *l3, *l3, *l3, *l3, *l3]")\n    cara memperbaiki: tulis nilainya langsung dan hapus alias yang memuat alias lain'),
    ('recursive alias', L, "kegiatan:\n", "loop: &r [*r]\nkegiatan:\n",
     'd/layanan.yaml:5:11: kesalahan: alias \'*r\' merujuk ke bagian yang memuat alias itu sendiri (baris 5: "loop: &r [*r]")\n    cara memperbaiki: tulis nilainya langsung; alias tidak boleh merujuk ke dirinya sendiri'),
    ('recursive alias in a mapping', L, "kegiatan:\n", "loop: &r {a: *r}\nkegiatan:\n",
     'd/layanan.yaml:5:14: kesalahan: alias \'*r\' merujuk ke bagian yang memuat alias itu sendiri (baris 5: "loop: &r {a: *r}")\n    cara memperbaiki: tulis nilainya langsung; alias tidak boleh merujuk ke dirinya sendiri'),
    ('recursive merge key', L, "kegiatan:\n", "loop: &r {<<: *r}\nkegiatan:\n",
     'd/layanan.yaml:5:15: kesalahan: alias \'*r\' merujuk ke bagian yang memuat alias itu sendiri (baris 5: "loop: &r {<<: *r}")\n    cara memperbaiki: tulis nilainya langsung; alias tidak boleh merujuk ke dirinya sendiri'),
    ('deep flow nesting', L, "kegiatan:\n", "x: " + "[" * 10000 + "]" * 10000 + "\nkegiatan:\n",
     'd/layanan.yaml:5:45: kesalahan: susunan bertingkat terlalu dalam (lebih dari 40 tingkat) (baris 5: "x: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[...")\n    cara memperbaiki: kurangi tingkat indentasi atau tanda kurung \'[\' \'{\' yang bersarang'),
    ('deep block nesting', L, "kegiatan:\n", "".join("  " * i + f"k{i}:\n" for i in range(60)) + "kegiatan:\n",
     'd/layanan.yaml:44:79: kesalahan: susunan bertingkat terlalu dalam (lebih dari 40 tingkat) (baris 44: "                                                                   ...")\n    cara memperbaiki: kurangi tingkat indentasi atau tanda kurung \'[\' \'{\' yang bersarang'),
    ('deep dashes', L, "kegiatan:\n", "x:\n" + "- " * 5000 + "a\nkegiatan:\n",
     'd/layanan.yaml:6:79: kesalahan: susunan bertingkat terlalu dalam (lebih dari 40 tingkat) (baris 6: "- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -...")\n    cara memperbaiki: kurangi tingkat indentasi atau tanda kurung \'[\' \'{\' yang bersarang'),
    ('alias made too deep', L, "kegiatan:\n", "a: &a " + "[" * 30 + "]" * 30 + "\nb: " + "[" * 20 + "*a" + "]" * 20 + "\nkegiatan:\n",
     'd/layanan.yaml:6:24: kesalahan: alias \'*a\' membuat susunan terlalu dalam (lebih dari 40 tingkat) (baris 6: "b: [[[[[[[[[[[[[[[[[[[[*a]]]]]]]]]]]]]]]]]]]]")\n    cara memperbaiki: tulis nilainya langsung, tanpa \'&\' dan \'*\''),
    ('too many aliases', L, "kegiatan:\n", "a: &a x\nb: [" + ", ".join(["*a"] * 1200) + "]\nkegiatan:\n",
     'd/layanan.yaml:6:4005: kesalahan: terlalu banyak alias (lebih dari 1000) (baris 6: "b: [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a,...")\n    cara memperbaiki: tulis nilainya langsung, tanpa \'&\' dan \'*\''),
    ('NUL byte', L, "Menerima berkas", "Menerima\x00berkas",
     'd/layanan.yaml:6:21: kesalahan: karakter U+0000 (NUL) tidak boleh ada di berkas YAML (baris 6: "  - uraian: Menerima?berkas permohonan")\n    cara memperbaiki: hapus karakter ini (sering terbawa saat menyalin dari PDF atau Word)'),
    ('BEL byte', L, "Memeriksa kelengkapan", "Memeriksa\x07kelengkapan",
     'd/layanan.yaml:12:22: kesalahan: karakter U+0007 (BEL) tidak boleh ada di berkas YAML (baris 12: "    uraian: Memeriksa?kelengkapan berkas")\n    cara memperbaiki: hapus karakter ini (sering terbawa saat menyalin dari PDF atau Word)'),
    ('ESC byte', D, "DINAS CONTOH", "DINAS\x1bCONTOH",
     'd/dokumen.yaml:4:15: kesalahan: karakter U+001B (ESC) tidak boleh ada di berkas YAML (baris 4: "  dinas: DINAS?CONTOH")\n    cara memperbaiki: hapus karakter ini (sering terbawa saat menyalin dari PDF atau Word)'),
    ('DEL byte', L, "Notula", "Not\x7fula",
     'd/layanan.yaml:22:16: kesalahan: karakter U+007F (DEL) tidak boleh ada di berkas YAML (baris 22: "    output: Not?ula")\n    cara memperbaiki: hapus karakter ini (sering terbawa saat menyalin dari PDF atau Word)'),
    ('C1 control', L, "Surat\n", "Surat\x90\n",
     'd/layanan.yaml:27:18: kesalahan: karakter U+0090 (karakter kendali) tidak boleh ada di berkas YAML (baris 27: "    output: Surat?")\n    cara memperbaiki: hapus karakter ini (sering terbawa saat menyalin dari PDF atau Word)'),
    ('missing colon', L, "    waktu: 10 menit\n", "    waktu 10 menit\n",
     'd/layanan.yaml:15:5: kesalahan: tanda \':\' tidak ditemukan setelah kunci (baris 15: "    waktu 10 menit")\n    cara memperbaiki: setiap kunci diikuti \':\' (mis. \'waktu: 5 menit\'); periksa juga tanda kutip yang belum ditutup'),
    ('unclosed double quote', L, "    output: Notula\n", '    output: "Notula\n',
     'd/layanan.yaml:22:13: kesalahan: tanda kutip dibuka di sini tetapi tidak ditutup (baris 22: "    output: "Notula")\n    cara memperbaiki: tutup tanda kutip di akhir teksnya'),
    ('unclosed single quote', D, "  dinas: DINAS CONTOH\n", "  dinas: 'DINAS CONTOH\n",
     'd/dokumen.yaml:4:10: kesalahan: tanda kutip dibuka di sini tetapi tidak ditutup (baris 4: "  dinas: \'DINAS CONTOH")\n    cara memperbaiki: tutup tanda kutip di akhir teksnya'),
    ('key indented too far', L, "    kelengkapan: Formulir\n", "     kelengkapan: Formulir\n",
     'd/layanan.yaml:8:17: kesalahan: tanda \':\' tidak diharapkan di sini (baris 8: "     kelengkapan: Formulir")\n    cara memperbaiki: apit teks yang memuat \': \' dengan tanda kutip "...", atau periksa indentasi baris ini'),
    ('list item misaligned', D, "dasar_hukum:\n  - Undang", "dasar_hukum:\n    a: b\n  - Undang",
     'd/dokumen.yaml:14:3: kesalahan: indentasi tidak sesuai: baris ini tidak sejajar dengan baris sebelumnya (baris 14: "  - Undang-Undang Nomor 23 Tahun 2006")\n    cara memperbaiki: samakan indentasi baris ini dengan kunci lain di bagian yang sama (pakai spasi)'),
    ('colon inside a value', L, FIRST, "  - uraian: Menerima: berkas permohonan\n",
     'd/layanan.yaml:6:21: kesalahan: tanda \':\' tidak diharapkan di sini (baris 6: "  - uraian: Menerima: berkas permohonan")\n    cara memperbaiki: apit teks yang memuat \': \' dengan tanda kutip "...", atau periksa indentasi baris ini'),
    ('unclosed flow list', L, "pelaksana: [Petugas, Kasubag, Kepala Dinas]", "pelaksana: [Petugas, Kasubag, Kepala Dinas",
     'd/layanan.yaml:4:12: kesalahan: daftar \'[\' tidak ditutup dengan \']\' (baris 4: "pelaksana: [Petugas, Kasubag, Kepala Dinas")\n    cara memperbaiki: tutup daftar dengan \']\' di baris yang sama, atau tulis butirnya dengan \'- \''),
    ('unclosed flow mapping', L, "keputusan: {ya: 3, tidak: 1}", "keputusan: {ya: 3, tidak: 1",
     'd/layanan.yaml:17:16: kesalahan: bagian \'{\' tidak ditutup dengan \'}\' (baris 17: "    keputusan: {ya: 3, tidak: 1")\n    cara memperbaiki: tutup dengan \'}\' di baris yang sama, atau tulis kuncinya satu per baris'),
    ('python tag', L, "    output: Surat\n", "    output: !!python/object/apply:os.system [ls]\n",
     "d/layanan.yaml:27:13: kesalahan: tag YAML '!...' tidak didukung\n    cara memperbaiki: hapus tag (kata yang diawali '!') sebelum nilai ini"),
    ('two documents', L, "kegiatan:\n", "---\nkegiatan:\n",
     'd/layanan.yaml:5:1: kesalahan: berkas memuat lebih dari satu dokumen YAML (\'---\') (baris 5: "---")\n    cara memperbaiki: satu berkas hanya memuat satu dokumen; hapus \'---\' kedua dan seterusnya'),
    ('undefined alias', L, "    output: Notula\n", "    output: *notula\n",
     'd/layanan.yaml:22:13: kesalahan: alias \'*...\' belum didefinisikan (baris 22: "    output: *notula")\n    cara memperbaiki: definisikan jangkar \'&nama\' sebelum memakainya, atau apit teks yang diawali \'*\' dengan tanda kutip'),
    ('text starting with *', L, "    output: Notula\n", "    output: *Notula* rapat\n",
     'd/layanan.yaml:22:20: kesalahan: nama jangkar \'&\' atau alias \'*\' tidak valid (baris 22: "    output: *Notula* rapat")\n    cara memperbaiki: apit teks yang diawali \'&\' atau \'*\' dengan tanda kutip "..."'),
    ('text starting with @', L, "    output: Notula\n", "    output: @Notula\n",
     'd/layanan.yaml:22:13: kesalahan: karakter ini tidak boleh mengawali nilai (baris 22: "    output: @Notula")\n    cara memperbaiki: apit nilainya dengan tanda kutip "..."'),
    ('list as a key', L, "kegiatan:\n", "? [a, b]\n: c\nkegiatan:\n",
     "d/layanan.yaml:5:3: kesalahan: kunci harus berupa teks, bukan daftar atau bagian\n    cara memperbaiki: tulis kuncinya sebagai teks biasa, mis. 'uraian:'"),
    ('absolute procedure id', D, "prosedur: [layanan]", "prosedur: [layanan, /tmp/evil]",
     "d/dokumen.yaml:36:21: kesalahan: id prosedur '/tmp/evil' menunjuk ke luar folder dokumen atau ke subfolder\n    cara memperbaiki: pakai nama sederhana: huruf, angka, '-' dan '_' (mis. 'pelayanan-izin')"),
    ('procedure id going up', D, "prosedur: [layanan]", "prosedur: [layanan, ../../x]",
     "d/dokumen.yaml:36:21: kesalahan: id prosedur '../../x' menunjuk ke luar folder dokumen atau ke subfolder\n    cara memperbaiki: pakai nama sederhana: huruf, angka, '-' dan '_' (mis. 'pelayanan-izin')"),
    ('procedure id in a subfolder', D, "prosedur: [layanan]", "prosedur: [layanan, sub/x]",
     "d/dokumen.yaml:36:21: kesalahan: id prosedur 'sub/x' menunjuk ke luar folder dokumen atau ke subfolder\n    cara memperbaiki: pakai nama sederhana: huruf, angka, '-' dan '_' (mis. 'pelayanan-izin')"),
    ('procedure id with a backslash', D, "prosedur: [layanan]", "prosedur: [layanan, '..\\x']",
     "d/dokumen.yaml:36:21: kesalahan: id prosedur '..\\x' menunjuk ke luar folder dokumen atau ke subfolder\n    cara memperbaiki: pakai nama sederhana: huruf, angka, '-' dan '_' (mis. 'pelayanan-izin')"),
    ('hidden procedure id', D, "prosedur: [layanan]", "prosedur: [layanan, .x]",
     "d/dokumen.yaml:36:21: kesalahan: id prosedur '.x' menunjuk ke luar folder dokumen atau ke subfolder\n    cara memperbaiki: pakai nama sederhana: huruf, angka, '-' dan '_' (mis. 'pelayanan-izin')"),
    ('procedure id with a space', D, "prosedur: [layanan]", "prosedur: [layanan, 'a b']",
     "d/dokumen.yaml:36:21: kesalahan: id prosedur 'a b' memuat karakter selain huruf, angka, '-' dan '_'\n    cara memperbaiki: pakai nama sederhana: huruf, angka, '-' dan '_' (mis. 'pelayanan-izin')"),
    ('device name CON', D, "prosedur: [layanan]", "prosedur: [layanan, CON]",
     "d/dokumen.yaml:36:21: kesalahan: id prosedur 'CON' adalah nama perangkat Windows dan tidak dapat menjadi nama berkas\n    cara memperbaiki: pakai nama lain, mis. 'con-sop'"),
    ('device name nul', D, "prosedur: [layanan]", "prosedur: [layanan, nul]",
     "d/dokumen.yaml:36:21: kesalahan: id prosedur 'nul' adalah nama perangkat Windows dan tidak dapat menjadi nama berkas\n    cara memperbaiki: pakai nama lain, mis. 'nul-sop'"),
    ('device name com1', D, "prosedur: [layanan]", "prosedur: [layanan, com1]",
     "d/dokumen.yaml:36:21: kesalahan: id prosedur 'com1' adalah nama perangkat Windows dan tidak dapat menjadi nama berkas\n    cara memperbaiki: pakai nama lain, mis. 'com1-sop'"),
    ('device name LPT9', D, "prosedur: [layanan]", "prosedur: [layanan, LPT9]",
     "d/dokumen.yaml:36:21: kesalahan: id prosedur 'LPT9' adalah nama perangkat Windows dan tidak dapat menjadi nama berkas\n    cara memperbaiki: pakai nama lain, mis. 'lpt9-sop'"),
    ('id of the document file', D, "prosedur: [layanan]", "prosedur: [layanan, Dokumen]",
     "d/dokumen.yaml:36:21: kesalahan: id prosedur 'Dokumen' adalah nama berkas dokumen (dokumen.yaml)\n    cara memperbaiki: pakai id lain, mis. 'dokumen-masuk'"),
    ('same id ignoring case', D, "prosedur: [layanan]", "prosedur: [layanan, LAYANAN]",
     "d/dokumen.yaml:36:21: kesalahan: id prosedur 'LAYANAN' sama dengan 'layanan' bila huruf besar/kecil diabaikan (satu berkas di Windows)\n    cara memperbaiki: pakai id yang berbeda, atau samakan penulisannya dan hapus salah satunya"),
    ('decision exit true', L, "keputusan: {ya: 3, tidak: 1}", "keputusan: {ya: true, tidak: 1}",
     'd/layanan.yaml:17:21: kesalahan: tujuan langkah harus nomor langkah atau id, bukan true\n    cara memperbaiki: tulis nomor langkah seperti tercetak (mis. 3) atau id langkah; YAML membaca true/false/yes/no tanpa tanda kutip sebagai benar/salah'),
    ('decision exit no', L, "keputusan: {ya: 3, tidak: 1}", "keputusan: {ya: 3, tidak: no}",
     'd/layanan.yaml:17:31: kesalahan: tujuan langkah harus nomor langkah atau id, bukan false\n    cara memperbaiki: tulis nomor langkah seperti tercetak (mis. 3) atau id langkah; YAML membaca true/false/yes/no tanpa tanda kutip sebagai benar/salah'),
    ('decision exit in a list', L, "keputusan: {ya: 3, tidak: 1}", "keputusan: {ya: [4, yes], tidak: 1}",
     'd/layanan.yaml:17:21: kesalahan: tujuan langkah harus nomor langkah atau id, bukan true\n    cara memperbaiki: tulis nomor langkah seperti tercetak (mis. 3) atau id langkah; YAML membaca true/false/yes/no tanpa tanda kutip sebagai benar/salah'),
    ('decision exit a fraction', L, "keputusan: {ya: 3, tidak: 1}", "keputusan: {ya: 2.5, tidak: 1}",
     'd/layanan.yaml:17:21: kesalahan: tujuan langkah harus nomor langkah atau id, bukan 2.5\n    cara memperbaiki: tulis nomor langkah seperti tercetak (mis. 3) atau id langkah; YAML membaca true/false/yes/no tanpa tanda kutip sebagai benar/salah'),
    ('lanjut false', L, "    output: Berkas\n", "    output: Berkas\n    lanjut: false\n",
     'd/layanan.yaml:11:13: kesalahan: tujuan langkah harus nomor langkah atau id, bukan false\n    cara memperbaiki: tulis nomor langkah seperti tercetak (mis. 3) atau id langkah; YAML membaca true/false/yes/no tanpa tanda kutip sebagai benar/salah'),
]
# fmt: on
CASES = [pytest.param(*case[1:], id=case[0]) for case in RAW]


def _tree(folder: Path) -> list[tuple[str, int, int]]:
    return sorted(
        (str(p.relative_to(folder)), p.stat().st_size, p.stat().st_mtime_ns)
        for p in folder.rglob("*")
    )


@pytest.fixture
def doc(tmp_path, monkeypatch):
    shutil.copytree(MINI, tmp_path / "d")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "d"


@pytest.mark.parametrize(("file", "old", "new", "expected"), CASES)
def test_bad_input_is_one_located_message(doc, cli, file, old, new, expected):
    path = doc / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    before = _tree(doc.parent)
    result = cli("check", "d")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert expected in result.output
    assert "Ditemukan 1 kesalahan" in result.output
    assert _tree(doc.parent) == before  # nothing written


@pytest.mark.parametrize("name", ["sub/x", "../x", "/ABSOLUTE/x", "CON", "Layanan"])
def test_a_refused_id_opens_and_writes_nothing(doc, cli, name):
    """Bait files hold a NUL byte: had one been read, its own error would show."""
    bait = doc.parent / "x.yaml"
    (doc / "sub").mkdir()
    for path in (doc / "sub" / "x.yaml", bait, doc / "CON.yaml"):
        path.write_bytes(b"judul: \x00\n")
    name = name.replace("/ABSOLUTE", str(doc.parent))
    listed = f"prosedur: [layanan, '{name}']"
    (doc / "dokumen.yaml").write_text(
        (doc / "dokumen.yaml").read_text(encoding="utf-8").replace("prosedur: [layanan]", listed),
        encoding="utf-8",
    )
    before = _tree(doc.parent)
    for command in (("check", "d"), ("pdf", "d", "keluaran"), ("html", "d", "keluaran")):
        result = cli(*command)
        assert result.exit_code == 1, result.output
        assert f"d/dokumen.yaml:36:21: kesalahan: id prosedur '{name[:50]}" in result.output
        assert "Ditemukan 1 kesalahan" in result.output, result.output
        assert "U+0000" not in result.output
    assert _tree(doc.parent) == before


def test_a_waktu_of_400_digits_is_a_lint_and_builds(doc, cli):
    """Read as infinity it once overflowed the totals; now it is text, printed as written."""
    digits = "9" * 400
    path = doc / "layanan.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("waktu: 5 menit", f"waktu: {digits} menit"),
        encoding="utf-8",
    )
    result = cli("check", "d")
    assert result.exit_code == 0, result.output
    assert (
        "d/layanan.yaml:9:12: peringatan: waktu '9999999999999999999999999999999999999...' "
        "tidak dapat dijumlahkan; dicetak seperti tertulis dan tidak ikut 'Jumlah waktu'"
    ) in result.output
    result = cli("html", "d", "keluaran")
    assert result.exit_code == 0, result.output
    page = doc.parent / "keluaran" / "html" / "prosedur" / "layanan.html"
    text = page.read_text(encoding="utf-8")
    assert f"{digits} menit" in text
    assert "inf Menit" not in text and "inf Jam" not in text


def test_a_procedure_named_like_its_folder_would_replace_the_binder(doc, cli):
    folder = doc.rename(doc.parent / "layanan")
    before = _tree(folder.parent)
    result = cli("pdf", "layanan", "keluaran")
    assert result.exit_code == 1
    assert (
        "layanan/dokumen.yaml:36:12: kesalahan: id prosedur 'layanan' sama dengan nama folder "
        "dokumen; PDF prosedurnya akan menimpa binder\n"
        "    cara memperbaiki: pakai id lain untuk prosedur ini"
    ) in result.output
    assert _tree(folder.parent) == before
