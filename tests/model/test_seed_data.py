"""The Trenggalek YAML (data/sekretariat) against the seed binder text it was transcribed from.

The seed (tests/fixtures/seed_trenggalek.txt) is parsed here, independently of the YAML and
of sopgen, and every printed text is compared with what the real loader reads. The only
allowed differences are the typing slips listed in the FIX tables below; each must still be
in the seed and must be documented in the YAML with a ``# diperbaiki dari seed: "..."``
comment. The executors of the steps are not in the seed (the symbols were lost in
extraction), so for them the test checks structure, not names.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "fixtures" / "seed_trenggalek.txt"
DATA = ROOT / "data" / "sekretariat"
IDS = ["lakip", "renstra", "renja", "rka", "lppd", "spm"]  # seed order

# Typing slips fixed in the YAML: (procedure id, step number) -> (as in the seed, as in YAML).
STEP_FIXES = {
    ("renja", 9): ("Mengoreks ikonsep", "Mengoreksi konsep"),
    ("renja", 13): ("Mengandakan", "Menggandakan"),
    ("rka", 13): ("BAPPEDA , BAKEUDA", "BAPPEDA, BAKEUDA"),  # space before a comma
}
# Peralatan item number -> (as in the seed, as in YAML).
PERALATAN_FIXES = {
    1: ("Komputer & Printer , ATK", "Komputer & Printer, ATK"),  # space before a comma
}

MONTHS = {
    m: i
    for i, m in enumerate(
        "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November "
        "Desember".split(),
        start=1,
    )
}


# --- the seed, parsed on its own -------------------------------------------------------


@dataclass(frozen=True)
class SeedRow:
    no: int
    kegiatan: str
    kelengkapan: str
    waktu: str
    output: str
    shifted: bool  # mutu baku one cell to the right: a meeting box spanning columns


@dataclass(frozen=True)
class SeedTable:
    title: str
    nomor: str
    columns: tuple[str, ...]
    rows: tuple[SeedRow, ...]


@dataclass(frozen=True)
class SeedOfficial:
    jabatan: str
    nama: str
    pangkat: str
    nip: str


def seed_lines() -> list[str]:
    return SEED.read_text(encoding="utf-8").splitlines()


def indonesian_date(text: str) -> dt.date:
    day, month, year = text.split()
    return dt.date(int(year), MONTHS[month], int(day))


def strip_number(item: str) -> str:
    """'1 Undang-Undang ...' / '1. Komputer ...' -> the text without its number."""
    match = re.fullmatch(r"(\d+)\.? (.*)", item.strip())
    assert match, f"numbered item expected: {item!r}"
    return match.group(2)


@cache
def seed_tables() -> tuple[SeedTable, ...]:
    lines = seed_lines()
    tables = []
    for i, line in enumerate(lines):
        if not line.startswith("No.\tKegiatan\tPelaksana"):
            continue
        above = [x.strip() for x in lines[:i] if x.strip()]
        nomor, title = above[-1], above[-2]
        header = lines[i + 1].split("\t")
        assert header[:2] == ["", ""]
        end = header.index("Kelengkapan")
        assert header[end : end + 3] == ["Kelengkapan", "Waktu", "Output"]
        columns = tuple(header[2:end])
        assert all(columns), f"empty executor column in {title}"
        n = len(columns)
        rows = []
        for row_line in lines[i + 2 :]:
            if not re.match(r"\d+\t", row_line):
                break
            cells = row_line.split("\t")
            # the executor cells are empty in the extraction (symbols lost)
            assert not any(cells[2 : 2 + n]), row_line
            rest = cells[2 + n :]
            while rest and not rest[-1]:
                rest.pop()
            shifted = len(rest) > 3
            if shifted:  # leading extra cells must be empty; no Keterangan anywhere
                assert len(rest) == 4 and rest[0] == "", row_line
            assert len(rest) >= 2, row_line
            kelengkapan, waktu, output = ([""] * 3 + rest)[-3:]
            rows.append(SeedRow(int(cells[0]), cells[1], kelengkapan, waktu, output, shifted))
        tables.append(SeedTable(title, nomor, columns, tuple(rows)))
    return tuple(tables)


@cache
def seed_identity() -> dict:
    lines = seed_lines()
    fields = {}
    for line in lines:
        parts = line.split("\t")
        if len(parts) == 3 and parts[1] == ":":
            fields[parts[0]] = parts[2]
    non_blank = [x.strip() for x in lines if x.strip()]
    disahkan = lines.index(next(x for x in lines if x.startswith("Disahkan oleh\t")))
    nama_line = next(x for x in lines if x.startswith("<b>Standar Operasional"))
    label, nama = (re.sub(r"</?b>", "", cell).strip() for cell in nama_line.split("\t\t"))
    ol_line = next(x for x in lines if x.startswith("<ol"))
    dasar_html, kual_html = ol_line.split("\t")

    def items(html: str) -> list[str]:
        return [strip_number(x) for x in re.findall(r"<li>(.*?)</li>", html)]

    ket_start = lines.index("KETERKAITAN SOP\tPERALATAN/PERLENGKAPAN")
    per_start = lines.index("PERINGATAN\tPENCATATAN & PENDATAAN")
    keterkaitan, peralatan = [], []
    for row in lines[ket_start + 1 : per_start]:
        left, right = row.split("\t")
        keterkaitan.append(strip_number(left))
        if right:
            peralatan.append(strip_number(right))
    peringatan, pencatatan = lines[per_start + 1].split("\t")
    return {
        "pemerintah": non_blank[0],
        "dinas": non_blank[1],
        "nomor": fields["Nomor SOP"],
        "tanggal_pembuatan": indonesian_date(fields["Tanggal Pembuatan"]),
        "tanggal_revisi": indonesian_date(fields["Tanggal Revisi"]),
        "tanggal_efektif": indonesian_date(fields["Tanggal Efektif"]),
        "disahkan_jabatan": fields["Disahkan oleh"],
        "disahkan_signature": lines[disahkan + 1].strip(),
        "label_nama": label.rstrip(" :"),
        "nama": nama,
        "dasar_hukum": items(dasar_html),
        "kualifikasi": items(kual_html),
        "keterkaitan": keterkaitan,
        "peralatan": peralatan,
        "peringatan": [strip_number(peringatan)],
        "pencatatan_raw": pencatatan,
    }


@cache
def seed_approval() -> dict:
    """The Lembar Pengesahan: place, date, the 'Mengetahui' officials, the approver."""
    lines = [x.strip() for x in seed_lines()]
    start = lines.index("## LEMBAR PENGESAHAN SOP")
    end = next(i for i in range(start, len(lines)) if lines[i].startswith("SOP PENYUSUNAN"))
    block = [x for x in lines[start + 1 : end] if x]
    assert block[0] == "Mengetahui"
    place, date = block[1].rstrip(","), indonesian_date(block[2])
    menyetujui = block.index("Menyetujui")

    def officials(part: list[str], joined: bool) -> list[SeedOfficial]:
        first_name = next(i for i, x in enumerate(part) if x.startswith("**"))
        titles, rest = part[:first_name], part[first_name:]
        if joined:  # one jabatan printed on several lines
            titles = [" ".join(titles)]
        assert len(rest) == 3 * len(titles), rest
        result = []
        for k, jabatan in enumerate(titles):
            name, pangkat, nip = rest[3 * k : 3 * k + 3]
            assert name.startswith("**") and name.endswith("**") and nip.startswith("NIP. ")
            result.append(SeedOfficial(jabatan, name.strip("*"), pangkat, nip[len("NIP. ") :]))
        return result

    return {
        "tempat": place,
        "tanggal": date,
        "mengetahui": officials(block[3:menyetujui], joined=False),
        "menyetujui": officials(block[menyetujui + 1 :], joined=True)[0],
    }


# --- the YAML, through the real loader --------------------------------------------------


@pytest.fixture(scope="module")
def project():
    from sopgen.build import load_project

    return load_project(DATA)


@pytest.fixture(scope="module")
def procedures(project):
    return {proc.id: proc for proc in project.procedures}


def seed_table(pid: str) -> SeedTable:
    return seed_tables()[IDS.index(pid)]


# --- the seed parser itself (so a broken parser cannot make the comparisons vacuous) ----


def test_seed_parser_finds_the_six_tables_and_all_rows():
    tables = seed_tables()
    assert [len(t.rows) for t in tables] == [12, 15, 14, 13, 12, 12]
    assert [len(t.columns) for t in tables] == [4, 5, 5, 5, 4, 4]
    for table in tables:
        assert [r.no for r in table.rows] == list(range(1, len(table.rows) + 1))
    shifted = {
        (t.title.split("(")[-1].rstrip(")"), r.no) for t in tables for r in t.rows if r.shifted
    }
    assert shifted == {("RENSTRA", 6), ("RENJA", 5), ("RKA", 5)}
    assert len(seed_identity()["dasar_hukum"]) == 21


# --- procedures -------------------------------------------------------------------------


def test_procedure_order_and_titles(project):
    assert list(project.dokumen.prosedur) == IDS
    assert [p.id for p in project.procedures] == IDS
    assert [p.data.judul for p in project.procedures] == [t.title for t in seed_tables()]


@pytest.mark.parametrize("pid", IDS)
def test_procedure_nomor(project, procedures, pid):
    assert project.procedure_nomor(procedures[pid]) == seed_table(pid).nomor


@pytest.mark.parametrize("pid", IDS)
def test_executor_columns(procedures, pid):
    assert tuple(procedures[pid].data.pelaksana) == seed_table(pid).columns


@pytest.mark.parametrize("pid", IDS)
def test_steps_match_the_seed(procedures, pid):
    table = seed_table(pid)
    steps = procedures[pid].data.kegiatan
    assert len(steps) == len(table.rows)
    for row, step in zip(table.rows, steps, strict=True):
        expected = row.kegiatan
        fix = STEP_FIXES.get((pid, row.no))
        if fix is not None:
            assert fix[0] in expected, f"{pid} {row.no}: the listed slip is not in the seed"
            expected = expected.replace(*fix)
        where = f"{pid} langkah {row.no}"
        assert step.uraian == expected, where
        assert (step.kelengkapan or "") == row.kelengkapan, where
        assert step.waktu == row.waktu, where
        assert step.output == row.output, where
        assert step.keterangan is None, where
        assert step.keputusan is None and step.lanjut is None, where  # no decisions in the seed


@pytest.mark.parametrize("pid", IDS)
def test_waktu_is_readable(procedures, pid):
    proc = procedures[pid]
    assert len(proc.durations) == len(proc.data.kegiatan)
    assert all(d is not None and d.minutes > 0 for d in proc.durations)


def test_every_fix_is_documented_in_the_yaml():
    comments = {
        pid: (DATA / f"{pid}.yaml").read_text(encoding="utf-8") for pid in IDS + ["dokumen"]
    }
    for (pid, no), (wrong, _right) in STEP_FIXES.items():
        original = seed_table(pid).rows[no - 1].kegiatan
        assert wrong in original
        assert f'# diperbaiki dari seed: "{original}"' in comments[pid], (pid, no)
    for no, (wrong, _right) in PERALATAN_FIXES.items():
        assert seed_identity()["peralatan"][no - 1] == wrong
        assert f'# diperbaiki dari seed: "{wrong}"' in comments["dokumen"]
    # no fix in the data that the lists above do not know about
    documented = sum(text.count("diperbaiki dari seed") for text in comments.values())
    assert documented == len(STEP_FIXES) + len(PERALATAN_FIXES)


# --- executors (reconstructed: structure, not names) -------------------------------------


@pytest.mark.parametrize("pid", IDS)
def test_step_executors_are_columns_and_meetings_are_joint(procedures, pid):
    data = procedures[pid].data
    assert data.pelaksana_direkonstruksi is True
    columns = list(data.pelaksana)
    used = set()
    for row, step in zip(seed_table(pid).rows, data.kegiatan, strict=True):
        executors = step.executors
        assert executors and all(e in columns for e in executors), (pid, row.no, executors)
        used.update(executors)
        if row.shifted:  # the meeting rows: one box over adjacent columns, in column order
            assert row.kegiatan.startswith("Melaksanakan Rapat")
            positions = [columns.index(e) for e in executors]
            assert len(positions) >= 2, (pid, row.no)
            assert positions == list(range(positions[0], positions[0] + len(positions)))
        else:
            assert len(executors) == 1, (pid, row.no)
    assert used == set(columns), f"{pid}: a column without any step"


@pytest.mark.parametrize("pid", IDS)
def test_reconstruction_follows_the_activity(procedures, pid):
    """Who signs and who corrects is read from the verb, the same way in every table."""
    for row, step in zip(seed_table(pid).rows, procedures[pid].data.kegiatan, strict=True):
        if row.kegiatan.startswith("Menandatangani"):
            assert step.executors == ("Kepala Dinas",), (pid, row.no)
        if row.kegiatan.startswith("Mengoreks"):
            assert step.executors == ("Kasubag Perencanaan",), (pid, row.no)
        if row.kegiatan.startswith(("Membuat", "Menggandakan", "Mengandakan", "Mengirimkan")):
            assert step.executors == ("Staf Perencanaan & Pelaporan",), (pid, row.no)


# --- identity page -----------------------------------------------------------------------


def test_instansi_and_identity(project):
    seed = seed_identity()
    dok = project.dokumen
    assert dok.instansi.pemerintah == seed["pemerintah"]
    assert dok.instansi.dinas == seed["dinas"]
    assert dok.instansi.logo is None
    ident = dok.identitas
    assert ident.nomor == seed["nomor"]
    assert ident.tanggal_pembuatan == seed["tanggal_pembuatan"] == dt.date(2016, 12, 1)
    assert ident.tanggal_revisi == seed["tanggal_revisi"]
    assert ident.tanggal_efektif == seed["tanggal_efektif"]
    assert ident.nama == seed["nama"]
    assert ident.label_nama == seed["label_nama"]


def test_disahkan_oleh(project):
    seed = seed_identity()
    official = project.official(project.dokumen.identitas.disahkan_oleh)
    assert official is not None
    assert official.jabatan == seed["disahkan_jabatan"]
    assert seed["disahkan_signature"] == f"{official.nama} {official.pangkat} NIP. {official.nip}"


def test_dasar_hukum_all_21_in_order(project):
    assert project.dokumen.dasar_hukum == seed_identity()["dasar_hukum"]


def test_kualifikasi_peringatan_pencatatan(project):
    seed = seed_identity()
    assert project.dokumen.kualifikasi_pelaksana == seed["kualifikasi"]
    assert project.dokumen.peringatan == seed["peringatan"]
    assert seed["pencatatan_raw"] == "1."  # empty in the seed
    assert project.dokumen.pencatatan == []


def test_peralatan(project):
    expected = list(seed_identity()["peralatan"])
    for no, (wrong, right) in PERALATAN_FIXES.items():
        expected[no - 1] = expected[no - 1].replace(wrong, right)
    assert project.dokumen.peralatan == expected


def test_keterkaitan_points_at_the_procedures(project, procedures):
    entries = project.dokumen.keterkaitan
    assert [k.teks for k in entries] == seed_identity()["keterkaitan"]
    assert [k.prosedur for k in entries] == IDS
    for entry in entries:  # each printed name is the title of the procedure it points at
        assert procedures[entry.prosedur].data.judul == entry.teks


# --- Lembar Pengesahan ---------------------------------------------------------------------


def test_pengesahan_place_date_and_officials(project):
    seed = seed_approval()
    pengesahan = project.dokumen.pengesahan
    assert pengesahan.tempat == seed["tempat"] == project.dokumen.instansi.tempat
    assert pengesahan.tanggal == seed["tanggal"] == project.dokumen.identitas.tanggal_efektif
    signers = [project.official(k) for k in pengesahan.mengetahui]
    assert [
        SeedOfficial(o.jabatan, o.nama, o.pangkat, o.nip) for o in signers if o is not None
    ] == seed["mengetahui"]
    approver = project.official(pengesahan.menyetujui)
    assert approver is not None
    assert (
        SeedOfficial(approver.jabatan, approver.nama, approver.pangkat, approver.nip)
        == (seed["menyetujui"])
    )
    assert pengesahan.menyetujui == project.dokumen.identitas.disahkan_oleh
    assert len(project.dokumen.pejabat) == 4
