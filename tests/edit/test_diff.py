"""`sopgen diff`: what a revision changes, in the terminal and as a page for the signer."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import DATA, edit

MINI = Path(__file__).resolve().parent.parent / "fixtures" / "mini"


@pytest.fixture
def pair(tmp_path, monkeypatch):
    """lama/ and baru/: two copies of the Trenggalek data, the current directory above."""
    for name in ("lama", "baru"):
        shutil.copytree(DATA, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    return Path("lama/sekretariat"), Path("baru/sekretariat")


@pytest.fixture
def mini_pair(tmp_path, monkeypatch):
    for name in ("lama", "baru"):
        shutil.copytree(MINI, tmp_path / name / "mini")
    monkeypatch.chdir(tmp_path)
    return Path("lama/mini"), Path("baru/mini")


def test_a_small_revision(pair, cli):
    _, new = pair
    lakip, doc = new / "lakip.yaml", new / "dokumen.yaml"
    edit(
        lakip,
        "    kelengkapan: Dokumen LAKIP\n    waktu: 2 jam",
        "    kelengkapan: Dokumen LAKIP\n    waktu: 3 jam",
    )
    edit(lakip, "Menyampaikan format pengumpulan data", "Mengirimkan formulir pengumpulan data")
    edit(
        lakip,
        "  # Langkah 11\n  - uraian: Menggandakan Dokumen LAKIP\n"
        "    pelaksana: Staf Perencanaan & Pelaporan\n    kelengkapan: Dokumen LAKIP\n"
        "    waktu: 30 Menit\n    output: Dokumen LAKIP\n",
        "",
    )
    edit(doc, "tanggal_efektif: 2017-12-08", "tanggal_efektif: 2018-01-10")
    edit(doc, "  tanggal: 2017-12-08", "  tanggal: 2018-01-10")
    edit(doc, "nama: SRI WIDAYATI, SE", "nama: SRI WIDAYATI, SE, MM")
    edit(doc, "  - Telepon\n", "  - Telepon\n  - Mesin fotokopi\n")
    edit(doc, "# PERALATAN/PERLENGKAPAN", "# PERALATAN DAN PERLENGKAPAN (komentar tidak dihitung)")

    result = cli("diff", "lama", "baru")
    assert result.exit_code == 0, result.output
    assert result.output == (
        "dokumen sekretariat: identitas diubah: tanggal efektif 08 Desember 2017 -> "
        "10 Januari 2018\n"
        "dokumen sekretariat: peralatan butir 3 ditambah: Mesin fotokopi\n"
        "dokumen sekretariat: pejabat Kasubag Perencanaan diubah: nama SRI WIDAYATI, SE -> "
        "SRI WIDAYATI, SE, MM\n"
        "dokumen sekretariat: pengesahan diubah: tanggal 08 Desember 2017 -> 10 Januari 2018\n"
        "prosedur lakip: langkah 3 diubah: uraian [-Menyampaikan format-] "
        "{+Mengirimkan formulir+} pengumpulan data dan informasi kinerja kepada masing-masing "
        "bidang dan sekretariat\n"
        "prosedur lakip: langkah 7 diubah: waktu 2 jam -> 3 jam\n"
        "prosedur lakip: langkah 11 dihapus: Menggandakan Dokumen LAKIP "
        "(Staf Perencanaan & Pelaporan; 30 Menit)\n"
        "prosedur lakip: jumlah waktu diubah: 1 Hari 2 Jam 5 Menit -> 1 Hari 2 Jam 35 Menit "
        "(+30 Menit)\n"
        "8 perubahan.\n"
    )


def test_no_change(pair, cli):
    _, new = pair
    # comments and layout are not changes
    edit(new / "lakip.yaml", "  # Langkah 1\n", "  # Langkah pertama\n\n")
    edit(new / "dokumen.yaml", "prosedur: [lakip, renstra, renja, rka, lppd, spm]",
         "prosedur:\n  - lakip\n  - renstra\n  - renja\n  - rka\n  - lppd\n  - spm")  # fmt: skip
    result = cli("diff", "lama", "baru")
    assert result.exit_code == 0
    assert result.output == "tidak ada perubahan\n"


def test_document_level_changes(pair, cli):
    _, new = pair
    doc = new / "dokumen.yaml"
    edit(doc, "nomor: 01/SOP/DKPS/SKRT/X/2016", "nomor: 01/SOP/DKPS/SKRT/I/2018")
    edit(doc, "disahkan_oleh: kepala_dinas", "disahkan_oleh: plt_kepala")
    edit(doc, "menyetujui: kepala_dinas", "menyetujui: plt_kepala")
    edit(doc, "    - kasubag_umum_kepegawaian\n", "")
    edit(
        doc,
        "  - Undang-Undang Nomor 24 Tahun 2013 Tentang Perubahan Undang-Undang Republik "
        "Indonesia Nomor 23 Tahun 2006 Tentang Administrasi Kependudukan;\n",
        "",
    )
    edit(doc, "Nomor 88 Tahun 2004", "Nomor 88 Tahun 2014")
    edit(
        doc,
        "Administrasi Kependudukan Di Kabupaten Trenggalek\n",
        "Administrasi Kependudukan Di Kabupaten Trenggalek\n"
        "  - Peraturan Bupati Trenggalek Nomor 1 Tahun 2018\n",
    )
    edit(doc, 'nip: "19610304 198903 1 010"', 'nip: "19610304 198903 1 011"')
    edit(
        doc,
        "pejabat:\n",
        "pejabat:\n  plt_kepala:\n    jabatan: Plt. Kepala Dinas\n    nama: Drs. BUDI SANTOSO\n"
        '    pangkat: Pembina\n    golongan: IV/a\n    nip: "19700101 199503 1 002"\n',
    )
    edit(
        doc,
        "prosedur: [lakip, renstra, renja, rka, lppd, spm]",
        "prosedur: [lakip, renja, renstra, rka, lppd, arsip]",
    )
    edit(
        doc,
        "  - teks: SOP PENYUSUNAN LAPORAN STANDAR PELAYANAN MINIMAL (SPM)\n    prosedur: spm\n",
        "",
    )
    (new / "spm.yaml").unlink()
    shutil.copy(new / "lakip.yaml", new / "arsip.yaml")
    edit(new / "arsip.yaml", "judul: SOP PENYUSUNAN LAPORAN AKUNTABILITAS KINERJA INSTANSI "
         "PEMERINTAHAN (LAKIP)", "judul: SOP PENGARSIPAN")  # fmt: skip
    edit(new / "renstra.yaml", "  - Kabid\n", "  - Kabid\n  - Staf Umum\n")

    result = cli("diff", "lama", "baru")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "dokumen sekretariat: identitas diubah: nomor SOP 01/SOP/DKPS/SKRT/X/2016 -> "
        "01/SOP/DKPS/SKRT/I/2018",
        "dokumen sekretariat: identitas diubah: disahkan oleh kepala_dinas "
        "(Ir. EKANTO MALIPURBOWO, MM) -> plt_kepala (Drs. BUDI SANTOSO)",
        "dokumen sekretariat: dasar hukum butir 2 dihapus: Undang-Undang Nomor 24 Tahun 2013 "
        "Tentang Perubahan Undang-Undang Republik Indonesia Nomor 23 Tahun 2006 Tentang "
        "Administrasi Kependudukan;",
        "dokumen sekretariat: dasar hukum butir 5 (sebelumnya 6) diubah: Keputusan Presiden "
        "Republik Indonesia Nomor 88 Tahun [-2004-] {+2014+} Tentang Pengelolaan Informasi "
        "Administrasi Kependudukan;",
        "dokumen sekretariat: dasar hukum butir 21 ditambah: Peraturan Bupati Trenggalek "
        "Nomor 1 Tahun 2018",
        "dokumen sekretariat: keterkaitan butir 6 dihapus: SOP PENYUSUNAN LAPORAN STANDAR "
        "PELAYANAN MINIMAL (SPM) [spm]",
        "dokumen sekretariat: pejabat Plt. Kepala Dinas ditambah: Drs. BUDI SANTOSO, Plt. Kepala "
        "Dinas, Pembina, IV/a, NIP 19700101 199503 1 002",
        "dokumen sekretariat: pejabat Sekretaris Dinas diubah: NIP 19610304 198903 1 010 -> "
        "19610304 198903 1 011",
        "dokumen sekretariat: yang mengetahui dihapus: kasubag_umum_kepegawaian "
        "(RINA TAKARINA, S.Sos)",
        "dokumen sekretariat: pengesahan diubah: menyetujui kepala_dinas "
        "(Ir. EKANTO MALIPURBOWO, MM) -> plt_kepala (Drs. BUDI SANTOSO)",
        "dokumen sekretariat: urutan prosedur diubah: lakip, renstra, renja, rka, lppd, spm -> "
        "lakip, renja, renstra, rka, lppd, arsip",
        "prosedur renstra: kolom pelaksana ditambah: Staf Umum",
        "prosedur arsip ditambah: SOP PENGARSIPAN (12 langkah)",
        "prosedur spm dihapus: SOP PENYUSUNAN LAPORAN STANDAR PELAYANAN MINIMAL (SPM) (12 langkah)",
        "14 perubahan.",
    ]


def test_steps_inserted_and_renumbered(mini_pair, cli):
    _, new = mini_pair
    layanan = new / "layanan.yaml"
    edit(layanan, "    kelengkapan: Formulir\n", "    kelengkapan: Formulir permohonan\n")
    edit(layanan, "    output: Berkas\n", "    output: Berkas permohonan\n")
    # a step inserted before step 2: the decision now says 4 for the same step (no change)
    edit(layanan, "{ya: 3, tidak: 1}", "{ya: 4, tidak: 1}")
    edit(
        layanan,
        "  - id: periksa\n",
        "  - uraian: Mencatat berkas di buku agenda\n    pelaksana: Petugas\n"
        "    kelengkapan: Berkas\n    waktu: 5 menit\n    output: Buku agenda\n"
        "  - id: periksa\n",
    )
    edit(layanan, "    pelaksana: Kepala Dinas\n    kelengkapan: Konsep surat",
         "    pelaksana: Kasubag\n    kelengkapan: Konsep surat")  # fmt: skip
    result = cli("diff", "lama", "baru")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "prosedur layanan: langkah 1 diubah: kelengkapan Formulir -> Formulir permohonan",
        "prosedur layanan: langkah 1 diubah: output Berkas -> Berkas permohonan",
        "prosedur layanan: langkah 2 ditambah: Mencatat berkas di buku agenda (Petugas; 5 menit)",
        "prosedur layanan: langkah 5 (sebelumnya 4) diubah: pelaksana Kepala Dinas -> Kasubag",
        "prosedur layanan: jumlah waktu diubah: 1 Hari 1 Jam 15 Menit -> 1 Hari 1 Jam 20 Menit "
        "(+5 Menit)",
        "5 perubahan.",
    ]


def test_decisions_moves_and_joint_steps(mini_pair, cli):
    _, new = mini_pair
    layanan = new / "layanan.yaml"
    edit(layanan, "{ya: 3, tidak: 1}", "{ya: 3, tidak: 4}")
    edit(layanan, "pelaksana: [Kasubag, Kepala Dinas]", "pelaksana: [Petugas, Kasubag]")
    edit(layanan, "Memeriksa kelengkapan berkas", "Memeriksa kelengkapan dan keabsahan berkas")
    result = cli("diff", "lama", "baru")
    assert result.output.splitlines() == [
        "prosedur layanan: langkah 2 diubah: uraian Memeriksa kelengkapan {+dan keabsahan+} berkas",
        "prosedur layanan: langkah 2 diubah: cabang Tidak ke langkah 1 (Menerima berkas "
        "permohonan) -> langkah 4 (Menandatangani surat)",
        "prosedur layanan: langkah 3 diubah: pelaksana Kasubag, Kepala Dinas -> Petugas, Kasubag",
        "3 perubahan.",
    ]


def test_moved_step(pair, cli):
    _, new = pair
    lakip = new / "lakip.yaml"
    text = lakip.read_text(encoding="utf-8")
    step10 = text[text.index("  # Langkah 10\n") : text.index("  # Langkah 11\n")]
    step11 = text[text.index("  # Langkah 11\n") : text.index("  # Langkah 12\n")]
    lakip.write_text(text.replace(step10 + step11, step11 + step10), encoding="utf-8")
    result = cli("diff", "lama", "baru")
    assert result.output.splitlines() == [
        "prosedur lakip: langkah 11 dipindah menjadi langkah 10: Menggandakan Dokumen LAKIP",
        "1 perubahan.",
    ]


def test_a_data_error_on_either_side(pair, cli):
    old, new = pair
    edit(new / "spm.yaml", "  - uraian:", "\t- uraian:")
    edit(old / "dokumen.yaml", "menyetujui: kepala_dinas", "menyetujui: kadis")
    result = cli("diff", "lama", "baru")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert result.output == (
        "baru/sekretariat/spm.yaml:30:1: kesalahan: karakter tab dipakai untuk indentasi; YAML "
        "hanya menerima spasi\n"
        "    cara memperbaiki: ganti tab dengan spasi (mis. 2 spasi per tingkat)\n"
        "lama/sekretariat/dokumen.yaml:128:15: kesalahan: pejabat 'kadis' tidak ada di bagian "
        "'pejabat'\n"
        "    cara memperbaiki: pakai salah satu kunci: kepala_dinas, sekretaris_dinas, "
        "kasubag_umum_kepegawaian, kasubag_perencanaan\n"
        "Ditemukan 2 kesalahan, 0 peringatan. Tidak ada berkas yang ditulis.\n"
    )


def test_not_a_folder_nor_a_revision(tmp_path, monkeypatch, cli):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "baru").mkdir()
    result = cli("diff", "tidak-ada", "baru")
    assert result.exit_code == 1
    assert result.output == (
        "kesalahan: 'tidak-ada' bukan folder, dan folder ini bukan repositori git sehingga revisi "
        "tidak dapat dibaca; periksa nama folder, atau jalankan dari folder proyek\n"
    )


# --- the page for the signer ------------------------------------------------------------------


def test_html_page_marks_and_escapes(pair, cli):
    _, new = pair
    lakip = new / "lakip.yaml"
    edit(
        lakip, "Membuat dokumen LAKIP", 'Membuat dokumen LAKIP <script>alert("x")</script> & arsip'
    )
    edit(lakip, "    waktu: 2 jam", "    waktu: 3 jam")
    result = cli("diff", "lama", "baru", "--html", "perubahan.html")
    assert result.exit_code == 0, result.output
    assert result.output.endswith("3 perubahan.\nhalaman HTML: perubahan.html\n")
    page = Path("perubahan.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page and "<link" not in page  # standalone, no script
    assert (
        '<li><span class="apa">langkah 6 diubah</span>: <span class="kolom">uraian</span> '
        "Membuat dokumen LAKIP <ins>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; "
        "arsip</ins></li>"
    ) in page
    assert (
        '<li><span class="apa">langkah 7 diubah</span>: <span class="kolom">waktu</span> '
        '<del>2 jam</del><span class="panah">&rarr;</span><ins>3 jam</ins></li>'
    ) in page
    # parts named as the SOP prints them, not by file
    assert (
        '<h2><span class="judul-jenis">Prosedur:</span> SOP PENYUSUNAN LAPORAN AKUNTABILITAS '
        "KINERJA INSTANSI PEMERINTAHAN (LAKIP)</h2>"
    ) in page
    assert "lakip.yaml" not in page and "prosedur lakip" not in page
    assert (
        "Dari <b>lama (Tanggal Revisi 01 Desember 2017)</b> ke "
        "<b>baru (Tanggal Revisi 01 Desember 2017)</b>"
    ) in page
    # the date it was made, and a place to sign for the approving official
    assert re.search(r'<p class="dibuat">Dibuat pada <time datetime="\d{4}-\d\d-\d\d">', page)
    assert (
        '<p>Trenggalek, <span class="isian">&nbsp;</span></p><p>Menyetujui perubahan ini,</p>'
        "<p>Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Trenggalek</p>"
        '<p class="ruang"></p><p class="nama">Ir. EKANTO MALIPURBOWO, MM</p>'
        "<p>NIP. 19581111 199103 1 003</p>"
    ) in page


def test_html_page_shows_no_path_of_the_machine(pair, cli, tmp_path):
    from sopgen.edit.diff_html import safe_label

    _, new = pair
    edit(new / "lakip.yaml", "    waktu: 2 jam", "    waktu: 3 jam")
    result = cli("diff", str(tmp_path / "lama"), str(tmp_path / "baru"), "--html", "p.html")
    assert result.exit_code == 0, result.output
    page = Path("p.html").read_text(encoding="utf-8")
    assert str(tmp_path) not in page and "/tmp" not in page
    assert "Dari <b>lama (Tanggal Revisi" in page
    assert safe_label("C:\\Users\\ani\\data-lama") == "data-lama"
    assert safe_label("HEAD~1") == "HEAD~1"


def test_html_quiet_and_without_changes(pair, cli):
    Path("out").mkdir()
    result = cli("diff", "lama", "baru", "--html", "out/p.html", "-q")
    assert result.exit_code == 0 and result.output == ""
    page = Path("out/p.html").read_text(encoding="utf-8")
    assert '<p class="kosong">Tidak ada perubahan.</p>' in page
    assert "0 perubahan" in page


def test_html_into_a_missing_folder_creates_no_folder(pair, cli):
    for target, said in (
        ("no/such/dir/p.html", "folder 'no/such/dir' tidak ada"),
        ("lama", "itu folder; tulis nama berkas"),
    ):
        before = sorted(Path().rglob("*"))
        result = cli("diff", "lama", "baru", "--html", target, "-q")
        assert result.exit_code == 1
        assert f"kesalahan: --html {target}: {said}" in result.output
        assert "Traceback" not in result.output
        assert sorted(Path().rglob("*")) == before


# --- git revisions ----------------------------------------------------------------------------


def git(*args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Uji", "-c", "user.email=uji@contoh.invalid", *args],
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path, monkeypatch):
    if shutil.which("git") is None:
        pytest.skip("git tidak terpasang")
    shutil.copytree(DATA, tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    git("init", "-q")
    git("add", "data")
    git("commit", "-q", "-m", "seed")
    edit(Path("data/sekretariat/lakip.yaml"), "    waktu: 2 jam", "    waktu: 3 jam")
    git("commit", "-q", "-a", "-m", "lakip: 3 jam")
    edit(Path("data/sekretariat/rka.yaml"), "judul: SOP", "judul: SOP REVISI")
    return tmp_path


def test_git_revisions(repo, cli):
    result = cli("diff", "HEAD~1", "HEAD")
    assert result.exit_code == 0, result.output
    assert result.output == (
        "prosedur lakip: langkah 7 diubah: waktu 2 jam -> 3 jam\n"
        "prosedur lakip: jumlah waktu diubah: 1 Hari 2 Jam 5 Menit -> 1 Hari 3 Jam 5 Menit "
        "(+1 Jam)\n"
        "2 perubahan.\n"
    )
    # the document folder itself as --data
    assert cli("diff", "HEAD~1", "HEAD", "--data", "data/sekretariat").output == result.output
    # a revision against the working folder: what is not committed yet
    working = cli("diff", "HEAD", "data")
    assert working.output == (
        "prosedur rka: judul diubah: SOP {+REVISI+} PENYUSUNAN RENCANA KERJA ANGGARAN (RKA)\n"
        "1 perubahan.\n"
    )


def test_git_errors(repo, cli):
    bad = cli("diff", "v9", "HEAD")
    assert bad.exit_code == 1
    assert bad.output == (
        "kesalahan: 'v9' bukan folder dan bukan revisi git yang dikenal; contoh revisi: HEAD "
        "(versi terakhir yang disimpan), HEAD~1 (sebelumnya), nama tag atau cabang; lihat "
        "daftarnya dengan 'git log --oneline'\n"
    )
    option = cli("diff", "--output=x", "HEAD")
    assert option.exit_code == 2  # click: no such option
    missing = cli("diff", "HEAD~1", "HEAD", "--data", "tidak-ada")
    assert missing.exit_code == 1
    assert missing.output == "kesalahan: folder 'tidak-ada' tidak ada pada revisi HEAD~1\n"


def test_broken_revision_names_its_files(repo, cli):
    edit(Path("data/sekretariat/spm.yaml"), "  - uraian:", "\t- uraian:")
    git("commit", "-q", "-a", "-m", "rusak")
    result = cli("diff", "HEAD~1", "HEAD")
    assert result.exit_code == 1
    assert result.output.startswith("HEAD:data/sekretariat/spm.yaml:")
    assert "karakter tab" in result.output


def test_without_git(repo, cli, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    result = cli("diff", "HEAD~1", "HEAD")
    assert result.exit_code == 1
    assert result.output == (
        "kesalahan: git tidak ditemukan, jadi revisi tidak dapat dibaca; pasang Git "
        "(https://git-scm.com), atau bandingkan dua folder: sopgen diff FOLDER_LAMA "
        "FOLDER_BARU\n"
    )


def test_html_file_that_cannot_be_written(pair, cli):
    Path("berkas").write_text("bukan folder", encoding="utf-8")
    result = cli("diff", "lama", "baru", "--html", "berkas/p.html", "-q")
    assert result.exit_code == 1
    assert result.output.startswith("kesalahan: tidak dapat menulis berkas/p.html: ")


def test_a_two_way_arrow_added_is_named_by_who_it_joins(mini_pair, cli):
    """bolak_balik: the diff says which executors now exchange in the row, not ids."""
    _, new = mini_pair
    edit(
        new / "layanan.yaml",
        "    pelaksana: Kepala Dinas\n    kelengkapan: Konsep",
        "    simbol:\n      - pelaksana: Kasubag\n        bolak_balik: ttd\n"
        "      - id: ttd\n        pelaksana: Kepala Dinas\n    kelengkapan: Konsep",
    )
    result = cli("diff", "lama", "baru")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "prosedur layanan: langkah 4 diubah: pelaksana Kepala Dinas -> Kasubag, Kepala Dinas",
        "prosedur layanan: langkah 4 diubah: bolak-balik (kosong) -> Kasubag dan Kepala Dinas",
        "2 perubahan.",
    ]


APPROVAL = "pengesahan:\n  tanggal: 2017-12-08\n  mengetahui: [sekretaris]\n  menyetujui: kepala\n"


@pytest.fixture
def two_documents(tmp_path, monkeypatch):
    """lama/ and baru/: the Trenggalek document and the mini one without a Lembar
    Pengesahan (as imported SOPs often are)."""
    for name in ("lama", "baru"):
        shutil.copytree(DATA / "sekretariat", tmp_path / name / "sekretariat")
        shutil.copytree(MINI, tmp_path / name / "mini")
        edit(tmp_path / name / "mini" / "dokumen.yaml", APPROVAL, "")
    monkeypatch.chdir(tmp_path)
    return Path("lama"), Path("baru")


def test_only_the_changed_document_signs_at_its_own_place(two_documents, cli):
    _, new = two_documents
    edit(new / "mini" / "layanan.yaml", "    waktu: 1 jam\n", "    waktu: 2 jam\n")
    result = cli("diff", "lama", "baru", "--html", "perubahan.html")
    assert result.exit_code == 0, result.output
    assert "prosedur mini/layanan: langkah 3 diubah: waktu 1 jam -> 2 jam" in result.output
    page = Path("perubahan.html").read_text(encoding="utf-8")
    # the mini document's approver, at its place; not Trenggalek's, whose SOPs did not change
    assert page.count('<div class="ttd">') == 1, page
    assert '<div class="ttd"><p>Contoh, <span class="isian">' in page
    assert "Trenggalek" not in page


def test_a_lembar_pengesahan_added(two_documents, cli):
    _, new = two_documents
    edit(new / "mini" / "dokumen.yaml", "prosedur: [layanan]\n", APPROVAL + "prosedur: [layanan]\n")
    result = cli("diff", "lama", "baru")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "dokumen mini: Lembar Pengesahan ditambah",
        "1 perubahan.",
    ]
