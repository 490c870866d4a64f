"""Check results kept per file (OUTPUT/.sopgen-cache/check/): the same diagnostics, in
the same order and words, as a run that checks everything; a procedure's rules run again
exactly when something they read changed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sopgen.build import read_data
from sopgen.build.cache import FOLDER, Cache
from sopgen.build.parsed import KeptChecks, KeptParses
from sopgen.check import document
from sopgen.errors import LINT
from tests.conftest import ROOT, edit

FORMS = ROOT / "tests" / "fixtures" / "forms"  # layanan.yaml has warnings only


@pytest.fixture
def data(tmp_path) -> Path:
    shutil.copytree(FORMS, tmp_path / "data" / "forms")
    return tmp_path / "data"


@pytest.fixture
def ran(monkeypatch) -> list[str]:
    """The procedures whose rules ran, in order."""
    procedures: list[str] = []
    real = document.check_procedure
    monkeypatch.setattr(document, "check_procedure", lambda p: procedures.append(p.id) or real(p))
    return procedures


def kept(data: Path, out: Path):
    """read_data's diagnostics through kept parses and checks, saved as a good build
    saves them."""
    parsed, checked = KeptParses(out / FOLDER), KeptChecks(out / FOLDER)
    found = read_data(data, parsed, checked)[1]
    parsed.save()
    checked.save()
    return found


def fresh(data: Path, ran: list[str]):
    """read_data's diagnostics with nothing kept (the rules it runs not counted)."""
    found = read_data(data)[1]
    ran.clear()
    return found


def test_kept_results_give_the_same_warnings_and_an_edit_checks_only_its_file(data, tmp_path, ran):
    out = tmp_path / "out"
    first = kept(data, out)
    assert ran == ["layanan", "pengadaan"]
    assert first == fresh(data, ran)
    warned = [d.format() for d in first if d.file.endswith("layanan.yaml")]
    assert len(warned) == 4 and all(": peringatan: " in w for w in warned)

    again = kept(data, out)
    assert ran == []  # nothing checked: every procedure's warnings come from its entry
    assert again == first

    nip = '    pangkat: Penata\n    nip: "19700101 199503 1 001"\n'
    edit(data / "forms" / "pengadaan.yaml", "    pangkat: Penata\n", nip)
    edited = kept(data, out)
    assert ran == ["pengadaan"]
    assert edited == fresh(data, ran) != first
    assert len(list((out / FOLDER / "check").iterdir())) == 2  # the old entry removed


def test_an_edit_of_dokumen_yaml_checks_every_procedure_again(data, tmp_path, ran):
    # 'oleh <jabatan>' in an uraian is a warning when an official of dokumen.yaml has
    # that jabatan: the procedure's warnings depend on dokumen.yaml
    out = tmp_path / "out"
    said = "Menerima berkas permohonan oleh Sekretaris Dinas"
    edit(data / "forms" / "layanan.yaml", "Menerima berkas permohonan", said)
    before = kept(data, out)
    assert any("oleh Sekretaris Dinas" in d.message and d.severity == LINT for d in before)
    ran.clear()
    edit(data / "forms" / "dokumen.yaml", "jabatan: Sekretaris Dinas", "jabatan: Kepala Bagian")
    after = kept(data, out)
    assert ran == ["layanan", "pengadaan"]
    assert after == fresh(data, ran)
    assert not any("oleh Sekretaris Dinas" in d.message for d in after)


def test_a_moved_folder_or_another_current_folder_shows_the_files_names_as_they_are_now(
    data, tmp_path, ran, monkeypatch
):
    out = tmp_path / "out"
    monkeypatch.chdir(tmp_path)
    kept(Path("data"), out)  # names shown as data/forms/layanan.yaml
    ran.clear()

    monkeypatch.chdir(data)
    here = kept(Path("forms"), out)  # the same texts, shown as forms/layanan.yaml
    assert ran == ["layanan", "pengadaan"]
    assert here == fresh(Path("forms"), ran)
    assert {d.file for d in here} == {
        f"forms/{n}.yaml" for n in ("dokumen", "layanan", "pengadaan")
    }

    (data / "forms").rename(data / "lain")
    moved = kept(Path("lain"), out)
    assert ran == ["layanan", "pengadaan"]
    assert moved == fresh(Path("lain"), ran)
    assert all(d.file.startswith("lain/") for d in moved)


def test_a_damaged_or_foreign_entry_is_ignored(data, tmp_path, ran):
    out = tmp_path / "out"
    first = kept(data, out)
    ran.clear()
    damaged, foreign = sorted((out / FOLDER / "check").iterdir())
    damaged.write_bytes(damaged.read_bytes()[:-5])
    # a sound entry (its hash holds) that is no list of diagnostics
    Cache(out / FOLDER).put("check", foreign.name, b'[["forms/x.yaml", 1, 1, "x", "y", "z"]]')
    assert kept(data, out) == first
    assert sorted(ran) == ["layanan", "pengadaan"]
