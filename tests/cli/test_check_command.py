"""`sopgen check` as an officer runs it: lints on the seed, errors with exit 1, no traceback."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.conftest import edit

MINI = Path(__file__).parent.parent / "fixtures" / "mini"


def test_seed_passes_with_its_lints(workdir, cli):
    result = cli("check", "data")
    assert result.exit_code == 0, result.output
    assert "1 dokumen, 6 prosedur, 78 langkah diperiksa: 0 kesalahan" in result.output
    # the seed's known weaknesses (docs/format.md §7) are flagged, not fatal
    assert "peringatan: Pencatatan dan Pendataan kosong" in result.output
    assert "dipakai bersama oleh 6 prosedur" in result.output
    assert "peringatan: uraian menyebut pelaksananya ('oleh Kepala Dinas')" in result.output
    assert "data/sekretariat/renstra.yaml" in result.output
    assert "langkah 1 tanpa Kelengkapan" in result.output


def test_strict_makes_lints_fatal(workdir, cli):
    result = cli("check", "--strict", "data")
    assert result.exit_code == 1
    assert "Ditemukan 0 kesalahan" in result.output


def test_errors_from_several_files_in_one_run(workdir, cli):
    lakip = workdir / "data/sekretariat/lakip.yaml"
    edit(lakip, "    pelaksana: Kepala Dinas\n", "    pelaksana: Kepala Dinsa\n")
    edit(workdir / "data/sekretariat/dokumen.yaml", "menyetujui: kepala_dinas", "menyetujui: kadis")
    spm = workdir / "data/sekretariat/spm.yaml"
    edit(spm, "  - uraian:", "\t- uraian:")
    result = cli("check", "data")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    out = result.output
    assert "data/sekretariat/lakip.yaml:" in out
    assert "pelaksana 'Kepala Dinsa' tidak ada di kolom pelaksana prosedur ini; maksud Anda" in out
    assert "pejabat 'kadis' tidak ada di bagian 'pejabat'" in out
    assert "data/sekretariat/spm.yaml:" in out and "karakter tab" in out
    assert "Ditemukan 3 kesalahan" in out


def test_missing_folder_is_a_message(workdir, cli):
    result = cli("check", "tidak-ada")
    assert result.exit_code == 1
    assert "tidak-ada:1:1: kesalahan: folder data tidak ditemukan" in result.output


def test_schema_matches_the_committed_one(tmp_path, cli):
    """The schema the data files point at is the one the model produces."""
    from tests.conftest import ROOT

    result = cli("schema", "--output", str(tmp_path))
    assert result.exit_code == 0
    for name in ("dokumen", "prosedur"):
        fresh = json.loads((tmp_path / f"{name}.schema.json").read_text(encoding="utf-8"))
        committed = json.loads((ROOT / "schema" / f"{name}.schema.json").read_text("utf-8"))
        assert fresh == committed, f"run 'make schema' to refresh schema/{name}.schema.json"
        assert fresh["additionalProperties"] is False  # typos in keys are flagged by editors


def test_data_files_point_at_the_schema():
    from tests.conftest import DATA

    for path in sorted(DATA.glob("*/*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        kind = "dokumen" if path.name == "dokumen.yaml" else "prosedur"
        assert first == f"# yaml-language-server: $schema=../../schema/{kind}.schema.json", path


def test_two_documents_whose_pdfs_would_overwrite_each_other(workdir, cli):
    # all documents of a data folder write into one output/pdf/: a copy of the seed under
    # another name repeats its six procedure ids, and a document may not be named like one
    shutil.copytree(workdir / "data/sekretariat", workdir / "data/umum")
    shutil.copytree(MINI, workdir / "data/spm")
    result = cli("check", "data")
    assert result.exit_code == 1
    out = result.output
    assert "Traceback" not in out
    assert (
        "data/umum/dokumen.yaml:131:12: kesalahan: id prosedur 'lakip' sama dengan "
        "id prosedur di dokumen 'sekretariat'; PDF dan halaman buku panduan keduanya akan "
        "saling menimpa\n"
        "    cara memperbaiki: ganti nama berkas lakip.yaml (dan namanya di daftar 'prosedur') "
        "dengan id yang belum dipakai di folder data ini"
    ) in out
    assert (
        "data/spm/dokumen.yaml:2:1: kesalahan: nama folder dokumen 'spm' sama dengan "
        "id prosedur di dokumen 'sekretariat'; PDF keduanya akan saling menimpa di folder "
        "keluaran pdf/\n    cara memperbaiki: ganti nama folder dokumen ini"
    ) in out
    assert "Ditemukan 7 kesalahan" in out  # six ids of 'umum', the folder 'spm'


def test_placeholders_left_by_impor_are_flagged(tmp_path, monkeypatch, cli):
    """'sopgen impor' writes 'ISI ...' and 1900-01-01 where the source is silent: a
    binder printed before they are replaced would carry them to the signer."""
    shutil.copytree(MINI, tmp_path / "d")
    document = tmp_path / "d" / "dokumen.yaml"
    edit(document, "nomor: 01/SOP/CTH/XII/2016", "nomor: ISI NOMOR SOP")
    edit(document, "tanggal_pembuatan: 2016-12-01", "tanggal_pembuatan: 1900-01-01")
    monkeypatch.chdir(tmp_path)
    result = cli("check", "d")
    assert result.exit_code == 0, result.output
    hint = (
        "\n    cara memperbaiki: ganti dengan isi dari SOP aslinya, lalu hapus catatan "
        "'# impor:' di atasnya"
    )
    assert (
        "d/dokumen.yaml:7:10: peringatan: identitas.nomor masih berisi isian sementara dari "
        "'sopgen impor' ('ISI NOMOR SOP'), yang akan tercetak apa adanya" + hint
    ) in result.output
    assert (
        "d/dokumen.yaml:8:22: peringatan: identitas.tanggal_pembuatan masih berisi isian "
        "sementara dari 'sopgen impor' ('1900-01-01'), yang akan tercetak apa adanya" + hint
    ) in result.output
    assert result.output.count("isian sementara") == 2


def test_lints_are_listed_in_file_order(workdir, cli):
    """As errors are: a reader goes down each file once (the seed's dokumen.yaml lints
    came 94, 24, 24, 17)."""
    result = cli("check", "data")
    places = []
    for line in result.output.splitlines():
        if line.startswith("data/"):
            file, number, column = line.split(":")[:3]
            places.append((file, int(number), int(column)))
    assert len(places) == 11
    assert places == sorted(places)


def test_quiet_lists_only_the_errors(workdir, cli):
    # '-q' is documented as "Hanya tampilkan kesalahan": with one error among the seed's
    # lints, the error alone is listed (the lints are still counted)
    lakip = workdir / "data/sekretariat/lakip.yaml"
    edit(lakip, "    pelaksana: Kepala Dinas\n", "    pelaksana: Kepala Dinsa\n")
    result = cli("check", "-q", "data")
    assert result.exit_code == 1
    assert "pelaksana 'Kepala Dinsa' tidak ada" in result.output
    assert "peringatan:" not in result.output
    assert "Ditemukan 1 kesalahan, 11 peringatan" in result.output
    # --strict makes the lints errors: then they are listed even with -q
    assert "peringatan: Pencatatan" in cli("check", "-q", "--strict", "data").output


def test_a_mistyped_key_does_not_hide_the_other_errors_of_its_file(workdir):
    # one run shows every error: a key typo in lakip.yaml used to stop the checks of
    # that file, so its wrong pelaksana only appeared after the typo was fixed
    from sopgen.build import read_data

    lakip = workdir / "data/sekretariat/lakip.yaml"
    edit(lakip, "    output: Disposisi Surat\n", "    ouptut: Disposisi Surat\n")
    edit(lakip, "    pelaksana: Kepala Dinas\n", "    pelaksana: Kepala Dinsa\n")
    projects, diagnostics = read_data(Path("data"))
    errors = [d.format() for d in diagnostics if d.is_error]
    assert projects == []  # nothing to build while an error remains
    assert len(errors) == 2, errors
    assert "kunci 'ouptut' tidak dikenal; maksud Anda 'output'?" in errors[0]
    assert "pelaksana 'Kepala Dinsa' tidak ada" in errors[1]


def test_errors_among_lints_are_named_after_the_summary():
    # the seed alone has 11 lints: one error among them, in file order, was easy to miss
    from sopgen.errors import LINT, Diagnostic, InputError

    lints = [Diagnostic("data/a.yaml", n, 1, "x", "y", LINT) for n in range(1, 12)]
    error = Diagnostic("data/b.yaml", 40, 5, "kunci 'ouptut' tidak dikenal", "z")
    # a second error at the same place (a misspelt key also leaves a required one out)
    twin = Diagnostic("data/b.yaml", 40, 5, "kunci 'output' wajib diisi", "z")
    last = InputError([*lints, error, twin]).format_message().splitlines()[-1]
    assert last.startswith("Yang harus diperbaiki: data/b.yaml:40:5.")
    # with --strict every line listed is to be fixed: nothing more to say
    strict = InputError([*lints, error], strict=True).format_message().splitlines()[-1]
    assert strict.startswith("Ditemukan 1 kesalahan, 11 peringatan.")
