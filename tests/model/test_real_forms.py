"""The YAML forms of real SOPs (issue 8): each loads, draws what it says, and each mistake
in them gives one exact located message. The fixture tests/fixtures/forms uses every form
(printed numbers, several symbols in a row, a fork, ends, decision labels, Waktu as written,
column titles, a procedure with its own identity page, catatan)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from sopgen.build import read_data
from sopgen.model.flow import printed_numbers, resolve_flow, symbols
from sopgen.model.identity import effective_identity

FORMS = Path(__file__).resolve().parent.parent / "fixtures" / "forms"


def diagnose(tmp_path, monkeypatch, file=None, old=None, new=None) -> str:
    shutil.copytree(FORMS, tmp_path / "data" / "forms")
    if file:
        path = tmp_path / "data" / "forms" / file
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, diagnostics = read_data(Path("data"))
    return "\n".join(d.format() for d in sorted(diagnostics) if d.is_error)


def load_forms():
    projects, diagnostics = read_data(FORMS)
    assert not [d for d in diagnostics if d.is_error]
    (project,) = projects
    return project


def test_every_form_loads_with_only_gentle_lints(tmp_path, monkeypatch):
    assert diagnose(tmp_path, monkeypatch) == ""
    _, diagnostics = read_data(FORMS)
    assert any("tidak dapat dijumlahkan" in d.message for d in diagnostics)


def test_the_flow_of_the_forms_fixture():
    project = load_forms()
    proc = project.procedures[0]
    assert printed_numbers(proc.data.kegiatan) == ("1", "2", "2a", "3", "4", "")
    syms = symbols(proc.data)
    assert [(s.row, s.index_in_row, s.kind, s.is_end) for s in syms] == [
        (0, 0, "process", False),  # simbol: proses on the start
        (1, 0, "decision", False),
        (2, 0, "terminator", True),  # selesai: true
        (3, 0, "process", False),  # row 3 holds two symbols
        (3, 1, "process", False),
        (4, 0, "terminator", True),
        (5, 0, "terminator", True),
    ]
    assert [(e.source, e.target, e.label) for e in resolve_flow(proc.data)] == [
        (0, 1, None),
        (1, 3, "Lengkap"),
        (1, 2, "Tidak lengkap"),
        (3, 4, None),  # Kasubag, then Kepala Dinas in the same row
        (4, 5, None),  # a fork: to row 4 and to the row with id 'arsip'
        (4, 6, None),
    ]
    assert proc.waktu_text(0) == "5 menit"  # printed exactly as written
    assert proc.waktu_text(3) == "1-2 hari"  # a range as written
    assert proc.waktu_text(5) == "Semesteran"


def test_a_procedure_with_its_own_identity_inherits_the_rest():
    project = load_forms()
    layanan, pengadaan = project.procedures
    assert not effective_identity(project, layanan).own  # 'nomor:' alone is no identity page
    ident = effective_identity(project, pengadaan)
    assert ident.own
    assert ident.nomor == "03/SOP/CTH/XII/2016"
    assert ident.nama == "SOP PENGADAAN BARANG"  # its title, not the binder's name
    assert ident.signer.nama == "CONTOH TIGA, S.E."
    assert ident.dasar_hukum == ("Undang-Undang Nomor 23 Tahun 2006",)  # from dokumen.yaml
    assert ident.peralatan == ("Komputer",)
    assert project.procedure_nomor(pengadaan) == "03/SOP/CTH/XII/2016"
    assert project.column_titles.keterangan == "Ket"


F = "data/forms/layanan.yaml"
LOOP = "\n".join(
    f"{F}:{line}: kesalahan: dari {name} alur tidak pernah sampai ke akhir alur (berputar tanpa "
    "jalan keluar)\n    cara memperbaiki: pastikan salah satu cabang mengarah ke langkah "
    "sesudahnya, atau akhiri alur dengan 'selesai: true'"
    for line, name in (
        ("29:9", "simbol ke-1 (Kasubag) pada langkah 3"),
        ("30:9", "simbol ke-2 (Kepala Dinas) pada langkah 3"),
        ("36:5", "langkah 4"),
        ("40:5", "baris ke-6"),
    )
)
G = "data/forms/pengadaan.yaml"

CASES = [
    pytest.param(
        "layanan.yaml",
        "      - pelaksana: Kasubag\n",
        "      - pelaksana: Kasubag\n        selesai: true\n        lanjut: 4\n",
        f"{F}:30:9: kesalahan: 'selesai: true' (alur berakhir di sini) tidak boleh digabung "
        "dengan 'lanjut'\n    cara memperbaiki: hapus 'lanjut' bila alur memang berakhir di "
        "sini, atau hapus 'selesai: true'",
        id="selesai with lanjut",
    ),
    pytest.param(
        "layanan.yaml",
        "    keputusan: {ya: 3",
        "    selesai: true\n    keputusan: {ya: 3",
        f"{F}:20:5: kesalahan: keputusan tidak dapat menjadi akhir alur: 'selesai' tidak boleh "
        "digabung dengan 'keputusan'\n    cara memperbaiki: hapus 'selesai: true'; bila salah "
        "satu cabang mengakhiri alur, arahkan cabang itu ke langkah yang diberi 'selesai: true'",
        id="selesai on a decision",
    ),
    pytest.param(
        "layanan.yaml",
        "    kelengkapan: Konsep surat\n",
        "    kelengkapan: Konsep surat\n    pelaksana: Kasubag\n",
        f"{F}:34:5: kesalahan: 'pelaksana' tidak boleh ditulis pada baris yang memakai "
        "'simbol:' berupa daftar\n    cara memperbaiki: pindahkan 'pelaksana' ke butir simbol "
        "yang dimaksud di bawah 'simbol:', atau tulis baris ini tanpa daftar 'simbol:'",
        id="short and long form together",
    ),
    pytest.param(
        "layanan.yaml",
        "    uraian: Mengarsipkan salinan surat\n    pelaksana: Kasubag\n",
        "    uraian: Mengarsipkan salinan surat\n",
        f"{F}:41:5: kesalahan: kunci 'pelaksana' wajib diisi\n    cara memperbaiki: tambahkan "
        "'pelaksana: ...' di bagian ini, atau tulis simbol-simbol baris ini di bawah 'simbol:'",
        id="no executor",
    ),
    pytest.param(
        "layanan.yaml",
        "lanjut: [4, arsip]",
        "lanjut: [4, arsp]",
        f"{F}:32:21: kesalahan: langkah tujuan 'arsp' tidak ada\n    cara memperbaiki: pakai "
        "nomor langkah atau id yang ada; maksud Anda 'arsip'?",
        id="fork target typo",
    ),
    pytest.param(
        "layanan.yaml",
        "tidak: 2a,",
        "tidak: 9,",
        f"{F}:20:31: kesalahan: langkah tujuan '9' tidak ada\n    cara memperbaiki: pakai nomor "
        "langkah yang tercetak: 1, 2, 2a, 3, 4",
        id="unknown printed number",
    ),
    pytest.param(
        "layanan.yaml",
        "tidak: 2a,",
        "tidak: 3,",
        f"{F}:20:16: kesalahan: cabang Ya dan Tidak menuju langkah yang sama\n    cara "
        "memperbaiki: keputusan harus punya dua jalan berbeda; atau jadikan langkah biasa",
        id="decision with one target twice",
    ),
    pytest.param(
        "layanan.yaml",
        "lanjut: [4, arsip]",
        "lanjut: 4",
        f"{F}:41:5: kesalahan: baris ke-6 tidak pernah dicapai dari langkah 1\n    cara "
        "memperbaiki: arahkan 'lanjut' atau cabang keputusan sebelumnya ke langkah ini, atau "
        "hapus langkahnya",
        id="unreachable unnumbered row",
    ),
    pytest.param(
        "layanan.yaml",
        "    output: Tanda terima\n    selesai: true\n",
        "    output: Tanda terima\n",
        "LOOP",
        id="loop with no way out",
    ),
    pytest.param(
        "layanan.yaml",
        "    output: Tanda terima\n    selesai: true\n",
        "    output: Tanda terima\n    simbol: terminator\n",
        f"{F}:36:5: kesalahan: langkah 4 bersimbol terminator (mulai/selesai) tetapi ada panah "
        "masuk dan panah keluar\n    cara memperbaiki: akhir alur ditulis 'selesai: true'; bila "
        "simbol ini bukan awal atau akhir, hapus 'terminator'",
        id="terminator in the middle",
    ),
    pytest.param(
        "pengadaan.yaml",
        "  disahkan_oleh: ppk\n",
        "  disahkan_oleh: ppk2\n",
        f"{G}:7:18: kesalahan: pejabat 'ppk2' tidak ada di bagian 'pejabat' (berkas ini maupun "
        "dokumen.yaml); maksud Anda 'ppk'?\n    cara memperbaiki: pakai salah satu kunci: "
        "kepala, sekretaris, ppk; atau tambahkan pejabatnya di bagian 'pejabat' berkas ini",
        id="procedure signer unknown",
    ),
    pytest.param(
        "pengadaan.yaml",
        "judul: SOP PENGADAAN BARANG\n",
        "judul: SOP PENGADAAN BARANG\nnomor: 04/SOP/CTH/XII/2016\n",
        f"{G}:7:10: kesalahan: nomor SOP ditulis dua kali dan berbeda ('04/SOP/CTH/XII/2016' "
        "dan '03/SOP/CTH/XII/2016')\n    cara memperbaiki: tulis nomornya sekali saja: "
        "'nomor:' di awal berkas atau 'identitas.nomor'",
        id="two procedure numbers",
    ),
]


CASES += [
    pytest.param(
        "layanan.yaml",
        "    simbol: proses\n",
        "    simbol: prosess\n",
        f"{F}:9:13: kesalahan: nilai 'prosess' untuk 'simbol' tidak diizinkan\n"
        "    cara memperbaiki: pilih salah satu: 'terminator' atau 'proses'",
        id="unknown symbol kind",
    ),
    pytest.param(
        "layanan.yaml",
        "      - pelaksana: Kasubag\n",
        "      - pelaksana: Kasubag\n        tekss: X\n",
        f"{F}:30:9: kesalahan: kunci 'tekss' tidak dikenal; maksud Anda 'teks'?\n"
        "    cara memperbaiki: kunci yang boleh di bagian ini: id, pelaksana, teks, jenis, "
        "keputusan, lanjut, selesai, bolak_balik",
        id="typo inside the symbol list says only that",
    ),
    pytest.param(
        "layanan.yaml",
        "tidak: 2a,",
        "tidak: [3],",
        f"{F}:20:16: kesalahan: cabang Ya dan Tidak menuju langkah yang sama\n    cara "
        "memperbaiki: keputusan harus punya dua jalan berbeda; atau jadikan langkah biasa",
        id="decision whose forked exits are the same",
    ),
]


@pytest.mark.parametrize(("file", "old", "new", "expected"), CASES)
def test_rule_message(tmp_path, monkeypatch, file, old, new, expected):
    if expected == "LOOP":  # two changes: row 4 no longer ends, the last row goes back to 3
        shutil.copytree(FORMS, tmp_path / "src")
        path = tmp_path / "src" / file
        text = path.read_text(encoding="utf-8").replace(old, new, 1)
        path.write_text(text.replace("    output: Arsip\n", "    output: Arsip\n    lanjut: 3\n"))
        monkeypatch.setattr(sys.modules[__name__], "FORMS", tmp_path / "src")
        assert diagnose(tmp_path, monkeypatch) == LOOP
        return
    assert diagnose(tmp_path, monkeypatch, file, old, new) == expected


def test_symbol_text_columns_extra_identity_rows_and_no_nip():
    project = load_forms()
    layanan, pengadaan = project.procedures
    assert [s.teks for s in pengadaan.symbols] == [None, None, "Selesai"]
    assert project.columns == ("kelengkapan", "waktu", "output", "keterangan")  # default
    ident = effective_identity(project, pengadaan)
    assert [(t.label, t.isi) for t in ident.tambahan] == [
        ("Maksud dan Tujuan", "Pengadaan barang tepat waktu dan tepat mutu")
    ]
    assert ident.signer.nip is None
    _, diagnostics = read_data(FORMS)
    assert [d.format().split("/")[-1] for d in diagnostics if "NIP" in d.message] == [
        "pengadaan.yaml:13:5: peringatan: NIP Pejabat Pembuat Komitmen (CONTOH "
        "TIGA, S.E.) tidak diisi; baris NIP tidak dicetak\n    cara memperbaiki: isi 'nip:' "
        "bila SOP aslinya mencantumkan NIP penandatangan"
    ]


def test_kolom_and_no_pengesahan(tmp_path, monkeypatch):
    assert (
        diagnose(
            tmp_path,
            monkeypatch,
            "dokumen.yaml",
            "pengesahan:\n  tanggal: 2017-12-08\n  mengetahui: [sekretaris]\n"
            "  menyetujui: kepala\n",
            "kolom: [waktu, output, keterangan]\n",
        )
        == ""
    )
    (project,), _ = read_data(Path("data"))
    assert project.dokumen.pengesahan is None
    assert project.columns == ("waktu", "output", "keterangan")


def test_a_column_written_twice(tmp_path, monkeypatch):
    assert diagnose(
        tmp_path, monkeypatch, "dokumen.yaml", "judul_kolom:", "kolom: [waktu, waktu]\njudul_kolom:"
    ) == (
        "data/forms/dokumen.yaml:37:16: kesalahan: kolom 'waktu' ditulis dua kali\n"
        "    cara memperbaiki: hapus salah satunya"
    )
