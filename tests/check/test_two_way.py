# ruff: noqa: E501  (expected messages are compared whole, as a user reads them)
"""The two-way arrow (``bolak_balik`` on an item of a row's ``simbol:`` list): its flow
(one edge, both directions reachable, the defaults it replaces) and each misuse's whole
located message."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sopgen.build import read_data
from sopgen.model.flow import Edge, directed, resolve_flow, symbols

FORMS = Path(__file__).resolve().parent.parent / "fixtures" / "forms"
SERUTI = FORMS.parent / "real" / "bps-diseminasi-seruti"
F = "data/forms/layanan.yaml"
KASUBAG = "      - pelaksana: Kasubag\n"
KEPALA_OUT = "        lanjut: [4, arsip]\n"
TWO_WAY = KASUBAG + "        bolak_balik: ttd-kepala\n"


def _diagnose(tmp_path, monkeypatch, *changes: tuple[str, str]):
    shutil.copytree(FORMS, tmp_path / "data" / "forms")
    path = tmp_path / "data" / "forms" / "layanan.yaml"
    text = path.read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    projects, diagnostics = read_data(Path("data"))
    return projects, "\n".join(d.format() for d in sorted(diagnostics) if d.is_error)


def test_two_way_arrow_is_one_edge_that_goes_both_ways(tmp_path, monkeypatch):
    """Kasubag sends to Kepala Dinas and gets it back: one edge with both heads; then its
    flow goes on by default to the next symbol that is not Kepala Dinas (step 4), and
    Kepala Dinas keeps its own lanjut."""
    projects, errors = _diagnose(tmp_path, monkeypatch, (KASUBAG, TWO_WAY))
    assert errors == ""
    data = projects[0].procedures[0].data
    syms = symbols(data)
    kasubag, kepala = (s.node for s in syms if s.row == 3)
    edges = resolve_flow(data)
    assert Edge(kasubag, kepala, None, None, True) in edges
    assert [e.target for e in edges if e.source == kasubag] == [kepala + 1, kepala]
    assert [e.target for e in edges if e.source == kepala] == [kepala + 1, len(syms) - 1]
    assert (kepala, kasubag) in directed(edges)
    assert not syms[kepala].is_end and syms[kepala].kind == "process"


def test_two_way_then_the_end(tmp_path, monkeypatch):
    """'selesai: true' with 'bolak_balik': the exchange is the last thing the flow does."""
    projects, errors = _diagnose(
        tmp_path,
        monkeypatch,
        (KASUBAG, TWO_WAY + "        selesai: true\n"),
    )
    assert errors == ""
    data = projects[0].procedures[0].data
    kasubag = next(s for s in symbols(data) if s.row == 3)
    assert kasubag.is_end
    assert [e.both for e in resolve_flow(data) if e.source == kasubag.node] == [True]


def test_far_end_gets_no_default_arrow_and_is_no_end():
    """SOP-078's row 3 as its fixture writes it: Ketua Tim Statistik Sosial sends to
    Anggota Tim (the end) and exchanges with Ketua Tim Neraca Wilayah, who exchanges with
    BPS RI. The far ends get no arrow to the next symbol (their way out is the way back),
    and BPS RI, the last symbol, is a box, not an end."""
    projects, diagnostics = read_data(SERUTI)
    assert not [d for d in diagnostics if d.is_error]
    data = projects[0].procedures[0].data
    syms = symbols(data)
    ketua, anggota, neraca, bps = (s.node for s in syms if s.row == 2)
    row3 = [e for e in resolve_flow(data) if syms[e.source].row == 2]
    assert row3 == [
        Edge(ketua, anggota, None, None, False),
        Edge(ketua, neraca, None, None, True),
        Edge(neraca, bps, None, None, True),
    ]
    assert [s.is_end for s in syms[ketua:]] == [False, True, False, False]
    assert syms[bps].kind == "process"


# (id, changes, the whole message)
# fmt: off
MISUSES = [
    ("unknown target", [(KASUBAG, KASUBAG + "        bolak_balik: ttd-kepla\n")],
     f"{F}:30:22: kesalahan: langkah tujuan 'ttd-kepla' tidak ada\n    cara memperbaiki: pakai nomor langkah atau id yang ada; maksud Anda 'ttd-kepala'?"),
    ("itself", [(KEPALA_OUT, KEPALA_OUT + "        bolak_balik: ttd-kepala\n")],
     f"{F}:33:22: kesalahan: simbol ke-2 (Kepala Dinas) pada langkah 3 menunjuk dirinya sendiri\n    cara memperbaiki: arahkan 'bolak_balik' ke simbol lain di baris yang sama"),
    ("another row", [(KASUBAG, KASUBAG + "        bolak_balik: periksa\n")],
     f"{F}:30:22: kesalahan: panah bolak-balik hanya menghubungkan dua simbol dalam satu baris; 'periksa' adalah langkah 2\n    cara memperbaiki: pindahkan simbol itu ke baris ini, atau tulis dua panah biasa dengan 'lanjut' (pergi dan kembali)"),
    ("to a decision", [(KASUBAG, TWO_WAY), (KEPALA_OUT, "        keputusan: {ya: 4, tidak: arsip}\n")],
     f"{F}:30:22: kesalahan: panah bolak-balik tidak dapat menuju keputusan (simbol ke-2 (Kepala Dinas) pada langkah 3): keputusan hanya keluar lewat cabang Ya dan Tidak\n    cara memperbaiki: arahkan 'bolak_balik' ke simbol proses, atau pakai cabang keputusan untuk kembali"),
    ("from a decision", [(KASUBAG, "      - id: kasubag\n        pelaksana: Kasubag\n"), (KEPALA_OUT, "        keputusan: {ya: 4, tidak: arsip}\n        bolak_balik: kasubag\n")],
     f"{F}:34:9: kesalahan: keputusan tidak memakai 'bolak_balik'; keputusan hanya keluar lewat cabang Ya dan Tidak\n    cara memperbaiki: pindahkan 'bolak_balik' ke simbol proses di baris ini, atau hapus"),
    ("to a symbol marked selesai", [(KASUBAG, TWO_WAY), (KEPALA_OUT, "        selesai: true\n")],
     f"{F}:30:22: kesalahan: simbol ke-2 (Kepala Dinas) pada langkah 3 ditandai 'selesai: true', padahal panah bolak-balik kembali darinya\n    cara memperbaiki: hapus 'selesai: true' dari simbol itu, atau pakai 'lanjut' (panah satu arah) bila alur memang berakhir di sana"),
    ("written on both symbols", [(KASUBAG, "      - id: ttd-kasubag\n        pelaksana: Kasubag\n        bolak_balik: ttd-kepala\n"), (KEPALA_OUT, KEPALA_OUT + "        bolak_balik: ttd-kasubag\n")],
     f"{F}:35:22: kesalahan: simbol ke-2 (Kepala Dinas) dan simbol ke-1 (Kasubag) pada langkah 3 sudah dihubungkan panah bolak-balik\n    cara memperbaiki: tulis 'bolak_balik' hanya pada salah satu dari kedua simbol (yang mengirim pekerjaan)"),
    ("also a one-way arrow", [(KASUBAG, KASUBAG + "        lanjut: ttd-kepala\n        bolak_balik: [ttd-kepala]\n")],
     f"{F}:31:23: kesalahan: simbol ke-1 (Kasubag) dan simbol ke-2 (Kepala Dinas) pada langkah 3 juga dihubungkan panah biasa ('lanjut' atau cabang keputusan); panah bolak-balik sudah menggambar kedua arahnya\n    cara memperbaiki: hapus tujuan itu dari 'lanjut', atau hapus 'bolak_balik' bila alurnya hanya satu arah"),
    ("on a row of one symbol", [("    pelaksana: Petugas\n    waktu: 30 menit", "    pelaksana: Petugas\n    bolak_balik: 3\n    waktu: 30 menit")],
     f"{F}:38:5: kesalahan: kunci 'bolak_balik' tidak berlaku di sini\n    cara memperbaiki: 'bolak_balik' menghubungkan dua simbol dalam satu baris: tulis simbol-simbol baris ini sebagai daftar di bawah 'simbol:' (tiap butir dengan 'pelaksana'), lalu 'bolak_balik: <id simbol tujuan>' pada butir yang mengirim"),
]
# fmt: on


@pytest.mark.parametrize(
    ("changes", "expected"), [m[1:] for m in MISUSES], ids=[m[0] for m in MISUSES]
)
def test_misuse_message(tmp_path, monkeypatch, changes, expected):
    _, errors = _diagnose(tmp_path, monkeypatch, *changes)
    assert errors == expected
