"""`sopgen new`: templates an officer fills in, and the list in dokumen.yaml kept intact."""

from __future__ import annotations

from pathlib import Path

import pytest

from sopgen.build import read_data
from tests.conftest import edit

DOC = Path("data/sekretariat/dokumen.yaml")

# The blanks of the procedure template, as `sopgen check` reports them: each one by line
# and column, with the loader's usual messages.
ARSIP_BLANKS = """\
data/sekretariat/arsip.yaml:17:7: kesalahan: 'judul' belum diisi
    cara memperbaiki: isi dengan teks
data/sekretariat/arsip.yaml:28:4: kesalahan: butir ke-1 'pelaksana' belum diisi
    cara memperbaiki: isi dengan teks
data/sekretariat/arsip.yaml:29:4: kesalahan: butir ke-2 'pelaksana' belum diisi
    cara memperbaiki: isi dengan teks
data/sekretariat/arsip.yaml:51:12: kesalahan: 'uraian' belum diisi
    cara memperbaiki: isi dengan teks
data/sekretariat/arsip.yaml:52:15: kesalahan: 'pelaksana' belum diisi
    cara memperbaiki: isi dengan teks atau daftar teks
data/sekretariat/arsip.yaml:57:12: kesalahan: 'uraian' belum diisi
    cara memperbaiki: isi dengan teks
data/sekretariat/arsip.yaml:58:15: kesalahan: 'pelaksana' belum diisi
    cara memperbaiki: isi dengan teks atau daftar teks
data/sekretariat/arsip.yaml:63:12: kesalahan: 'uraian' belum diisi
    cara memperbaiki: isi dengan teks
data/sekretariat/arsip.yaml:64:15: kesalahan: 'pelaksana' belum diisi
    cara memperbaiki: isi dengan teks atau daftar teks"""


def errors_by_file(folder="data"):
    _, diagnostics = read_data(Path(folder))
    found: dict[str, list[str]] = {}
    for d in sorted(diagnostics):
        if d.is_error:
            found.setdefault(d.file, []).append(d.format())
    return {name: "\n".join(lines) for name, lines in found.items()}


def fill_procedure(path: Path, judul: str = "SOP PENGARSIPAN") -> None:
    """What an officer does with the template: type after each colon."""
    edit(path, "judul:\n", f"judul: {judul}\n")
    edit(path, "pelaksana:\n  -\n  -\n", "pelaksana:\n  - Staf Arsip\n  - Kasubag Umum\n")
    for number, who in ((1, "Kasubag Umum"), (2, "Staf Arsip"), (3, "Kasubag Umum")):
        edit(
            path,
            "  - uraian:\n    pelaksana:\n",
            f"  - uraian: Kegiatan {number}\n    pelaksana: {who}\n",
        )


def test_new_procedure_fails_only_on_its_blanks(workdir, cli):
    before = DOC.read_text(encoding="utf-8")
    result = cli("new", "prosedur", "arsip")
    assert result.exit_code == 0, result.output
    assert result.output == (
        "dibuat: data/sekretariat/arsip.yaml\n"
        "'arsip' ditambahkan ke daftar 'prosedur' di data/sekretariat/dokumen.yaml\n"
        "Berikutnya: isi kunci yang masih kosong, lalu jalankan 'sopgen check data' "
        "(atau 'make check').\n"
    )
    created = Path("data/sekretariat/arsip.yaml").read_text(encoding="utf-8")
    assert created.splitlines()[0] == (
        "# yaml-language-server: $schema=../../schema/prosedur.schema.json"
    )
    # dokumen.yaml: one line changed, every comment kept
    assert DOC.read_text(encoding="utf-8") == before.replace(
        "prosedur: [lakip, renstra, renja, rka, lppd, spm]\n",
        "prosedur: [lakip, renstra, renja, rka, lppd, spm, arsip]\n",
    )
    assert errors_by_file() == {"data/sekretariat/arsip.yaml": ARSIP_BLANKS}

    check = cli("check", "data")
    assert check.exit_code == 1
    assert "Ditemukan 9 kesalahan, 11 peringatan" in check.output


def test_filled_template_passes_check(workdir, cli):
    assert cli("new", "prosedur", "arsip", "-q").output == ""
    fill_procedure(Path("data/sekretariat/arsip.yaml"))
    assert errors_by_file() == {}
    result = cli("check", "data")
    assert result.exit_code == 0, result.output
    assert "1 dokumen, 7 prosedur, 81 langkah diperiksa: 0 kesalahan" in result.output
    # the only remarks on the new file are the Mutu Baku still to fill (lints)
    remarks = [line for line in result.output.splitlines() if "arsip.yaml" in line]
    assert remarks == [
        f"data/sekretariat/arsip.yaml:{line}:5: peringatan: langkah {n} tanpa {label} (Mutu Baku)"
        for n, line in ((1, 51), (2, 57), (3, 63))
        for label in ("Kelengkapan", "Waktu", "Output")
    ]


def test_refuses_to_overwrite(workdir, cli):
    lakip = Path("data/sekretariat/lakip.yaml")
    before, doc_before = lakip.read_bytes(), DOC.read_bytes()
    result = cli("new", "prosedur", "lakip")
    assert result.exit_code == 1
    assert result.output == (
        "kesalahan: berkas data/sekretariat/lakip.yaml sudah ada; tidak ditimpa. Pilih id "
        "lain, atau sunting berkas itu langsung\n"  # says what to do instead
    )
    assert lakip.read_bytes() == before and DOC.read_bytes() == doc_before


@pytest.mark.parametrize(
    "bad", ["Arsip", "arsip.yaml", "_x", "surat masuk", "../luar", "dokumen", "sekretariat"]
)
def test_bad_ids_are_usage_errors(workdir, cli, bad):
    result = cli("new", "prosedur", bad)
    assert result.exit_code == 2, result.output
    assert result.output.startswith("kesalahan: ")
    assert not Path(f"data/sekretariat/{bad}.yaml").exists() or bad == "dokumen"
    assert "Traceback" not in result.output


def test_which_document(workdir, cli):
    assert cli("new", "dokumen", "umum", "-q").exit_code == 0
    result = cli("new", "prosedur", "arsip")
    assert result.exit_code == 2
    assert result.output == (
        "kesalahan: ada beberapa dokumen (data/sekretariat, data/umum); pilih salah satu dengan "
        "--dokumen, mis. --dokumen data/sekretariat\n"
    )
    # a name under data/ or a folder path
    assert cli("new", "prosedur", "arsip", "--dokumen", "umum", "-q").exit_code == 0
    assert Path("data/umum/arsip.yaml").is_file()
    assert cli("new", "prosedur", "arsip", "--dokumen", "data/sekretariat", "-q").exit_code == 0
    assert Path("data/sekretariat/arsip.yaml").is_file()
    missing = cli("new", "prosedur", "x", "--dokumen", "tidak-ada")
    assert missing.exit_code == 1
    assert missing.output == (
        "kesalahan: 'tidak-ada' bukan folder dokumen: tidak ada dokumen.yaml di dalamnya; "
        "buat dokumen baru dengan 'sopgen new dokumen NAMA'\n"
    )


def test_no_document_yet(tmp_path, monkeypatch, cli):
    monkeypatch.chdir(tmp_path)
    result = cli("new", "prosedur", "arsip")
    assert result.exit_code == 1
    assert result.output == (
        "kesalahan: tidak ada dokumen (dokumen.yaml) di folder 'data'; buat dulu dengan "
        "'sopgen new dokumen NAMA', atau tunjukkan foldernya dengan --dokumen FOLDER\n"
    )


UMUM_BLANKS = """\
data/umum/dokumen.yaml:23:14: kesalahan: 'pemerintah' belum diisi
data/umum/dokumen.yaml:24:9: kesalahan: 'dinas' belum diisi
data/umum/dokumen.yaml:25:10: kesalahan: 'tempat' belum diisi
data/umum/dokumen.yaml:31:9: kesalahan: 'nomor' belum diisi
data/umum/dokumen.yaml:32:22: kesalahan: 'tanggal_pembuatan' belum diisi
data/umum/dokumen.yaml:34:20: kesalahan: 'tanggal_efektif' belum diisi
data/umum/dokumen.yaml:36:8: kesalahan: 'nama' belum diisi
data/umum/dokumen.yaml:40:4: kesalahan: butir ke-1 'dasar_hukum' belum diisi
data/umum/dokumen.yaml:44:4: kesalahan: butir ke-1 'kualifikasi_pelaksana' belum diisi
data/umum/dokumen.yaml:53:4: kesalahan: butir ke-1 'peralatan' belum diisi
data/umum/dokumen.yaml:57:4: kesalahan: butir ke-1 'peringatan' belum diisi
data/umum/dokumen.yaml:61:4: kesalahan: butir ke-1 'pencatatan' belum diisi
data/umum/dokumen.yaml:68:13: kesalahan: 'jabatan' belum diisi
data/umum/dokumen.yaml:69:10: kesalahan: 'nama' belum diisi
data/umum/dokumen.yaml:71:9: kesalahan: 'nip' belum diisi
data/umum/dokumen.yaml:75:12: kesalahan: 'tanggal' belum diisi"""


def test_new_document(workdir, cli):
    result = cli("new", "dokumen", "umum")
    assert result.exit_code == 0, result.output
    assert result.output == (
        "dibuat: data/umum/dokumen.yaml\n"
        "dibuat: data/umum/contoh.yaml\n"
        "Berikutnya: isi kunci yang masih kosong di kedua berkas, lalu jalankan "
        "'sopgen check data' (atau 'make check').\n"
    )
    first = Path("data/umum/dokumen.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../schema/dokumen.schema.json"
    found = errors_by_file()
    assert set(found) == {"data/umum/dokumen.yaml", "data/umum/contoh.yaml"}
    messages = "\n".join(
        line for line in found["data/umum/dokumen.yaml"].splitlines() if not line.startswith("    ")
    )
    assert messages == UMUM_BLANKS
    assert found["data/umum/contoh.yaml"] == ARSIP_BLANKS.replace(
        "sekretariat/arsip", "umum/contoh"
    )

    again = cli("new", "dokumen", "umum")
    assert again.exit_code == 1
    assert again.output == "kesalahan: berkas data/umum/dokumen.yaml sudah ada; tidak ditimpa\n"


def test_filled_document_passes_check(workdir, cli):
    assert cli("new", "dokumen", "umum", "--prosedur", "arsip", "-q").exit_code == 0
    doc = Path("data/umum/dokumen.yaml")
    for old, new in [
        ("  pemerintah:  ", "  pemerintah: PEMERINTAH KABUPATEN CONTOH"),
        ("  dinas:  ", "  dinas: DINAS CONTOH"),
        ("  tempat:  ", "  tempat: Contoh"),
        ("  nomor:  ", "  nomor: 01/SOP/CTH/I/2018"),
        ("tanggal_pembuatan: TAHUN-BULAN-TANGGAL", "tanggal_pembuatan: 2018-01-02"),
        ("tanggal_efektif: TAHUN-BULAN-TANGGAL", "tanggal_efektif: 2018-01-10"),
        ("  nama:  ", "  nama: BIDANG UMUM"),
        ("dasar_hukum:\n  -\n", "dasar_hukum:\n  - Undang-Undang Nomor 23 Tahun 2006\n"),
        ("kualifikasi_pelaksana:\n  -\n", "kualifikasi_pelaksana:\n  - Memahami komputer\n"),
        ("peralatan:\n  -\n", "peralatan:\n  - Komputer\n"),
        ("peringatan:\n  -\n", "peringatan:\n  - Apabila terlambat maka ada pengaduan\n"),
        ("pencatatan:\n  -\n", "pencatatan:\n  - Buku agenda\n"),
        ("    jabatan:  ", "    jabatan: Kepala Dinas"),
        ("    nama:  ", "    nama: Ir. CONTOH, MM"),
        ("    nip:  ", '    nip: "19581111 199103 1 003"'),
        ("tanggal: TAHUN-BULAN-TANGGAL", "tanggal: 2018-01-10"),
    ]:
        edit(doc, old, new)
    fill_procedure(Path("data/umum/arsip.yaml"))
    assert errors_by_file() == {}
    result = cli("check", "data")
    assert result.exit_code == 0, result.output
    assert "2 dokumen, 7 prosedur, 81 langkah diperiksa: 0 kesalahan" in result.output


def test_new_document_usage(workdir, cli):
    result = cli("new", "dokumen", "Umum Baru")
    assert result.exit_code == 2
    assert result.output == (
        "kesalahan: nama dokumen 'Umum Baru' tidak sah: pakai huruf kecil, angka, '-' dan '_', "
        "diawali huruf atau angka (mis. 'lakip' atau 'surat-masuk'); nama ini menjadi nama "
        "berkas\n    cara memperbaiki: tulis 'umum-baru' (judul lengkapnya diisi di dalam berkas)\n"
    )
    title = cli("new", "prosedur", "Surat Keluar (Dinas)")
    assert title.exit_code == 2
    assert "cara memperbaiki: tulis 'surat-keluar-dinas' (judul" in title.output
    same = cli("new", "dokumen", "umum", "--prosedur", "umum")
    assert same.exit_code == 2
    assert not Path("data/umum").exists()
