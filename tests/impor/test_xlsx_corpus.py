"""The Basarnas workbook of the development corpus imports with what a reader sees in it.

Source: ../shared/corpus/basarnas/penanganan-informasi-potensi-bencana-bcc.xlsx (Basarnas,
public repository kawasdal4/sop-katalog-basarnas). The expected figures below were read by
eye from the workbook: the cells of each sheet and the shapes of xl/drawings/drawing1.xml
(sheet 1) and drawing2.xml (sheet 2), shape by shape.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from sopgen.impor.xlsx import read_xlsx, read_xlsx_all

ROOT = Path(__file__).resolve().parents[2]
WORKBOOK = (
    ROOT.parent
    / "shared"
    / "corpus"
    / "basarnas"
    / ("penanganan-informasi-potensi-bencana-bcc.xlsx")
)


@pytest.fixture(scope="module")
def sops():
    if not WORKBOOK.exists():
        pytest.skip("korpus ../shared/corpus tidak ada (bukan bagian proyek); uji dilewati")
    return read_xlsx_all(WORKBOOK)


def _kinds(sop) -> Counter:
    return Counter(s.kind for s in sop.shapes)


def test_two_flowchart_sheets_no_identity_page(sops):
    # Sheet 1 'SOP INFORMASI POTENSI BENCANA' and sheet 2 'SOP LENGKAP' are both flowchart
    # tables; the workbook has no identity page, which the import says.
    assert len(sops) == 2
    assert read_xlsx(WORKBOOK).title == sops[0].title
    for sop in sops:
        assert any(u.field == "identitas" for u in sop.uncertain)


def test_sheet1_as_drawn(sops):
    sop = sops[0]
    assert sop.title == (
        "SOP PENANGANAN INFORMASI POTENSI BENCANA/KECELAKAAN DI BASARNAS COMMAND CENTER (BCC)"
    )
    assert [r.nomor for r in sop.rows] == ["1", "2", "3", "4", "5", "6"]
    assert sop.header.executors == (
        "Instansi lain/ Sosial Media",
        "Petugas Komunikasi",
        "Kagahar",
        "Asisten Kagahar",
        "Kakansar",
        "BSG",
        "Pengawas",
        "Direktur Kesiapsiagaan",
        "Direktur Operasi",
        "Deops",
        "Kabasarnas",
    )
    # Mulai + Selesai, 10 process boxes (3 of them pictures of a box), no decision,
    # no off-page connector
    assert _kinds(sop) == Counter(terminator=2, process=10)
    # 12 connectors are drawn; one (Connector: Elbow 7, not glued) lies on top of the
    # glued arrow from step 2 to step 3, so 11 arrows remain
    assert len(sop.links) == 11
    by_row = Counter(s.row for s in sop.shapes)
    assert by_row == Counter({0: 1, 1: 2, 2: 1, 3: 3, 4: 1, 5: 4})
    assert sop.header.labels["pelaksana"] == "Pelaksanaan"


def test_sheet2_as_drawn(sops):
    sop = sops[1]
    # the printed numbers skip 7
    assert [r.nomor for r in sop.rows] == [
        "1",
        "2",
        "3",
        "4",
        "5",
        "6",
        "8",
        "9",
        "10",
        "11",
        "12",
        "13",
        "14",
    ]
    assert len(sop.header.executors) == 15
    assert _kinds(sop) == Counter(terminator=2, process=17)
    assert not any(s.kind in ("decision", "connector") for s in sop.shapes)
    assert len(sop.links) == 18
    end = next(s for s in sop.shapes if s.text == "Selesai")
    assert sop.rows[end.row].nomor == "14"
    assert sop.header.executors[end.columns[0]] == "Direktur Operasi"
    # Kabasarnas (step 6, 'Graphic 15' in column R) fans out to the steps 8, 10, 11, 12,
    # 13 and the end
    deops = next(
        s for s in sop.shapes if s.row == 5 and sop.header.executors[s.columns[0]] == "Kabasarnas"
    )
    targets = sorted(
        sop.rows[sop.shapes[link.target].row].nomor for link in sop.links if link.source == deops.id
    )
    assert targets == sorted(["8", "10", "11", "12", "13", "14"])
    # Keterangan V14:V17 is one merged cell over steps 10-13
    assert sop.rows[8].keterangan == "Dilaksanakan secara simultan"
    assert any(u.row == 8 and u.field == "keterangan" for u in sop.uncertain)


def _flow(text: str) -> list[tuple]:
    """The flow by the step syntax's rules: (printed No, symbol in row) pairs, labels."""
    import yaml
    from yaml_flow import edges, printed_numbers

    numbers = printed_numbers(yaml.safe_load(text)["kegiatan"])
    return sorted(
        ((numbers[a[0]], a[1]), (numbers[b[0]], b[1]), label) for a, b, label in edges(text)
    )


def test_written_yaml_has_the_flow_of_the_hand_made_fixture(sops, tmp_path):
    """The YAML written from the workbook loads, and has exactly the flow of the fixtures
    written by hand from the same workbook (tests/fixtures/real/basarnas-*)."""
    from sopgen.build import load_project
    from sopgen.impor.to_yaml import write_document

    written = write_document(sops, tmp_path / "basarnas")
    assert len(load_project(written.folder).procedures) == 2
    fixtures = ROOT / "tests" / "fixtures" / "real"
    procedures = [f for f in written.files if f.name != "dokumen.yaml"]
    for path, name in zip(procedures, ("informasi-potensi", "laporan-bencana"), strict=True):
        hand = fixtures / f"basarnas-{name}" / f"{name}.yaml"
        if not hand.exists():
            pytest.skip(f"fixture {hand.name} tidak ada")
        assert _flow(path.read_text(encoding="utf-8")) == _flow(hand.read_text(encoding="utf-8"))
