"""`sopgen pdf` / `sopgen html` on data that cannot be built: a message, nothing written."""

from __future__ import annotations

from tests.conftest import edit


def test_too_long_activity_is_a_located_message(workdir, cli):
    lakip = workdir / "data/sekretariat/lakip.yaml"
    long_text = " ".join(["Menghimpun format data dan informasi kinerja"] * 150)
    edit(lakip, "- uraian: Menghimpun format data", f"- uraian: {long_text} data")
    for command in ("check", "pdf", "html"):
        result = cli(command, "data", "output") if command != "check" else cli("check", "data")
        assert result.exit_code == 1, result.output
        assert "Traceback" not in result.output
        assert (
            "data/sekretariat/lakip.yaml:48:13: kesalahan: langkah 4: teks kegiatan terlalu "
            "panjang untuk satu halaman\n"
            "    cara memperbaiki: persingkat uraian atau pecah menjadi beberapa langkah"
        ) in result.output
        assert not (workdir / "output").exists()


def test_bad_data_writes_nothing_and_keeps_the_last_good_binder(workdir, cli):
    assert cli("pdf", "data", "output").exit_code == 0
    binder = workdir / "output/pdf/sekretariat.pdf"
    before = binder.read_bytes()
    edit(
        workdir / "data/sekretariat/spm.yaml",
        "    pelaksana: Kepala Dinas\n",
        "    pelaksana: Kadis\n",
    )
    result = cli("pdf", "data", "output")
    assert result.exit_code == 1
    assert "pelaksana 'Kadis' tidak ada di kolom pelaksana prosedur ini" in result.output
    assert binder.read_bytes() == before
    assert sorted(p.name for p in (workdir / "output/pdf").iterdir()) == [
        "lakip.pdf",
        "lppd.pdf",
        "renja.pdf",
        "renstra.pdf",
        "rka.pdf",
        "sekretariat.pdf",
        "spm.pdf",
    ]


def test_a_title_filling_the_page_is_blamed_on_the_title(workdir, cli):
    lakip = workdir / "data/sekretariat/lakip.yaml"
    title = "SOP PENYUSUNAN LAPORAN AKUNTABILITAS KINERJA INSTANSI PEMERINTAHAN (LAKIP)"
    edit(lakip, f"judul: {title}", "judul: " + " ".join([title] * 60))
    result = cli("check", "data")
    assert result.exit_code == 1
    assert (
        "data/sekretariat/lakip.yaml:14:8: kesalahan: judul SOP terlalu panjang untuk halaman "
        "identitasnya (4667 karakter bersama nomor dan pejabat pengesah; paling banyak 700)\n"
        "    cara memperbaiki: persingkat judul"
    ) in result.output
