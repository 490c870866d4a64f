"""`sopgen check DATA OUTPUT` lays every procedure out into OUTPUT/.sopgen-cache/, so the
build that follows (``make`` runs both) lays nothing out again; a failed check leaves no
output folder; ``--tanpa-cache`` keeps nothing."""

from __future__ import annotations

from tests.conftest import edit


def _laid_out(result) -> str:
    """The verbose line that says how many procedures a command laid out."""
    (line,) = [line for line in result.output.splitlines() if "ditata letak" in line]
    return line


def test_a_build_after_check_lays_nothing_out_again(workdir, cli):
    check = cli("check", "data", "output", "-j", "1", "-v")
    assert check.exit_code == 0, check.output
    assert _laid_out(check) == "6 prosedur ditata letak, sisanya dari cache."
    assert len(list((workdir / "output/.sopgen-cache/layout").iterdir())) == 6

    build = cli("pdf", "data", "output", "-j", "1", "-v")
    assert build.exit_code == 0, build.output
    assert _laid_out(build).startswith("6 prosedur: 0 ditata letak ulang, 6 PDF prosedur")

    edit(workdir / "data/sekretariat/lakip.yaml", "- uraian: Menghimpun", "- uraian: Segera")
    again = cli("check", "data", "output", "-j", "1", "-v")
    assert _laid_out(again) == "1 prosedur ditata letak, sisanya dari cache."


def test_a_failed_check_leaves_no_output_folder(workdir, cli):
    long_text = " ".join(["Menghimpun bahan laporan dari setiap bidang"] * 150)
    edit(workdir / "data/sekretariat/lakip.yaml", "- uraian: Menghimpun", f"- uraian: {long_text}")
    result = cli("check", "data", "output", "-j", "1")
    assert result.exit_code == 1
    assert "data/sekretariat/lakip.yaml:" in result.output
    assert "terlalu panjang untuk satu halaman" in result.output
    assert not (workdir / "output").exists()


def test_check_without_cache_keeps_nothing(workdir, cli):
    result = cli("check", "data", "output", "--tanpa-cache", "-v")
    assert result.exit_code == 0, result.output
    assert _laid_out(result) == "6 prosedur ditata letak, sisanya dari cache."
    assert not (workdir / "output").exists()
