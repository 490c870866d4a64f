"""click's usage errors and help read in Indonesian, like every other message of sopgen."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from sopgen.cli import main


def _run(*args: str):
    return CliRunner().invoke(main, list(args), prog_name="sopgen")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("bogus",), "kesalahan: Perintah 'bogus' tidak ada."),
        (
            ("chek", "data"),
            "kesalahan: Perintah 'chek' tidak ada. (Maksud Anda salah satu dari: "
            "'check', 'schema'?)",
        ),
        (("check", "--nope"), "kesalahan: Opsi '--nope' tidak ada."),
        (
            ("pdf", "--kertas", "A5"),
            "kesalahan: Nilai '--kertas' tidak sah: 'A5' bukan salah satu dari 'A4', 'F4'.",
        ),
        (
            ("pdf", "--jobs", "x"),
            "kesalahan: Nilai '-j' / '--jobs' tidak sah: 'x' bukan bilangan yang sah.",
        ),
    ],
)
def test_usage_errors_are_indonesian(args, message):
    result = _run(*args)
    assert result.exit_code == 2
    assert message in result.output
    assert "Lihat bantuannya dengan 'sopgen" in result.output
    assert "Error" not in result.output and "Usage" not in result.output


def test_a_file_given_as_data_folder(tmp_path):
    file = tmp_path / "dokumen.yaml"
    file.write_text("judul: x\n", encoding="utf-8")
    result = _run("check", str(file))
    assert result.exit_code == 2
    assert f"Folder '{file}' adalah berkas, bukan folder." in result.output


def test_help_headings():
    result = _run("check", "--help")
    assert result.exit_code == 0
    assert result.output.startswith("Pemakaian: sopgen check [OPTIONS] [DATA]")
    assert "Opsi:" in result.output and "Tampilkan bantuan ini lalu keluar." in result.output
