"""Dates that agree: the latest revision decides Tanggal Revisi; a revision later than the
Tanggal Efektif or the Lembar Pengesahan date is a located lint with its fix; a revision
signed again carries its own dates, which the identity page and the Lembar Pengesahan print."""

from __future__ import annotations

from pathlib import Path

from sopgen.build import load_project, read_data
from sopgen.render.pdf.binder import build_pdfs
from tests.render.pdf_support import flat, pages_text
from tests.render.revision_support import write_revised_copy


def _messages(folder: Path) -> list[str]:
    _, diagnostics = read_data(folder.parent)
    return [d.format().replace(str(folder.parent) + "/", "") for d in diagnostics]


def _at(folder: Path, needle: str, key: str) -> str:
    """'file:line:col' of ``key: ...`` on the line of lakip.yaml holding ``needle``."""
    lines = (folder / "lakip.yaml").read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines, 1) if needle in line)
    return f"sekretariat/lakip.yaml:{number}:{lines[number - 1].index(key + ':') + len(key) + 3}"


def _date_lints(folder: Path) -> list[str]:
    return [m for m in _messages(folder) if "sesudah Tanggal Efektif" in m or "Lembar Peng" in m]


def test_a_revision_after_the_effective_and_approval_dates_is_a_located_lint(tmp_path):
    folder = write_revised_copy(tmp_path)  # lakip revision 2 of 2019-06-20, nothing re-signed
    at = _at(folder, "tanggal: 2019-06-20", "tanggal")
    assert _date_lints(folder) == [
        f"{at}: peringatan: revisi 2 bertanggal 2019-06-20, sesudah Tanggal "
        "Efektif (2017-12-08): halaman identitas akan mencetak Tanggal Revisi yang lebih baru "
        "daripada Tanggal Efektif\n"
        "    cara memperbaiki: bila revisi 2 sudah berlaku, tulis 'tanggal_efektif: <tanggal "
        "berlaku>' pada revisi itu (pada atau sesudah 2019-06-20); atau perbarui "
        "identitas.tanggal_efektif",
        f"{at}: peringatan: revisi 2 bertanggal 2019-06-20, sesudah tanggal "
        "Lembar Pengesahan (2017-12-08): lembar itu mengesahkan isi sebelum revisi\n"
        "    cara memperbaiki: bila revisi 2 sudah disahkan, tulis 'tanggal_pengesahan: "
        "<tanggal tanda tangan>' pada revisi itu; atau perbarui pengesahan.tanggal",
    ]


def _resign(folder: Path, efektif: str, sah: str) -> None:
    path = folder / "lakip.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "    perubahan: Pelaksana langkah 2 diganti Kasubag Perencanaan\n",
        "    perubahan: Pelaksana langkah 2 diganti Kasubag Perencanaan\n"
        f"    tanggal_efektif: {efektif}\n    tanggal_pengesahan: {sah}\n",
    )
    path.write_text(text, encoding="utf-8")


def test_a_revision_signed_again_prints_its_dates_and_ends_the_lint(tmp_path):
    folder = write_revised_copy(tmp_path)
    _resign(folder, "2019-07-01", "2019-07-01")
    assert _date_lints(folder) == []
    project = load_project(folder)
    out = tmp_path / "out"
    build_pdfs(project, out)
    pages = [flat(p) for p in pages_text(out / "pdf" / "sekretariat.pdf")]
    identity = next(p for p in pages if "TANGGAL EFEKTIF" in p)
    assert "TANGGAL REVISI : 20 Juni 2019" in identity
    assert "TANGGAL EFEKTIF : 01 Juli 2019" in identity
    approval = next(p for p in pages if "LEMBAR PENGESAHAN SOP" in p)
    assert "Trenggalek, 01 Juli 2019" in approval


def test_new_dates_before_their_revision_are_errors(tmp_path):
    folder = write_revised_copy(tmp_path)
    _resign(folder, "2019-06-01", "2019-06-02")
    errors = [m for m in _messages(folder) if ": kesalahan: " in m]
    efektif = _at(folder, "tanggal_efektif: 2019", "tanggal_efektif")
    sah = _at(folder, "tanggal_pengesahan: 2019", "tanggal_pengesahan")
    assert errors == [
        f"{efektif}: kesalahan: Tanggal Efektif revisi 2 (2019-06-01) sebelum "
        "tanggal revisinya (2019-06-20)\n"
        "    cara memperbaiki: revisi berlaku dan disahkan pada atau sesudah tanggal "
        "revisinya: periksa kedua tanggal",
        f"{sah}: kesalahan: tanggal pengesahan revisi 2 (2019-06-02) "
        "sebelum tanggal revisinya (2019-06-20)\n"
        "    cara memperbaiki: revisi berlaku dan disahkan pada atau sesudah tanggal "
        "revisinya: periksa kedua tanggal",
    ]
