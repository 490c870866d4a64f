"""SOP workbooks made other ways than the corpus's import whole.

A random procedure (fixed seed; the same generator as the PDF variants) is written as a
workbook (xlsx_build.py) in one of several ways offices make them: the identity sheet
first, second or absent, sheets named otherwise; symbols as flowChart* presets or as plain
rect/ellipse/diamond/roundRect/parallelogram shapes; arrows as straight or bent
connectors, glued to their symbols (stCxn/endCxn), glued at one end only, or only placed
on them; each step over one sheet row or over two merged ones; Mutu Baku of two or three
columns, with or without Keterangan; 2-7 executors, each over one sheet column or several
merged ones. The imported data keeps rows, executors, symbols and arrows, and the written
folder passes ``sopgen check`` with the same flow. SOPGEN_VARIANT_EXAMPLES (e.g. 40) draws
that many further random combinations; SOPGEN_VARIANT_SEED other ones.
"""

from __future__ import annotations

import os
import random

import pytest
import yaml_flow
from test_pdf_variants import EXTRA, JOBS, SEED, _expected_links, assert_flow_read, procedure
from xlsx_build import Arrow, Box, Drawing, build, col_emu, row_emu

from sopgen.build import read_data
from sopgen.impor.run import import_one
from sopgen.impor.to_yaml import write_document
from sopgen.impor.xlsx import read_xlsx_all

PRESETS = {
    "flowchart": {
        "terminator": "flowChartTerminator",
        "process": "flowChartProcess",
        "decision": "flowChartDecision",
    },
    "polos": {"terminator": "ellipse", "process": "rect", "decision": "diamond"},
    "bulat": {"terminator": "roundRect", "process": "rect", "decision": "diamond"},
    "data": {"terminator": "ellipse", "process": "parallelogram", "decision": "diamond"},
    "dokumen": {
        "terminator": "flowChartTerminator",
        "process": "flowChartDocument",
        "decision": "flowChartDecision",
    },
}


# name: (executors, rows, presets, connector, glued, span, mutu, ket, sheets)
VARIANTS = {
    "flowchart-lurus-terlekat": (3, 7, "flowchart", "straightConnector1", True, 1, 3, True, "id"),
    "polos-siku-lepas-alur-dulu": (5, 9, "polos", "bentConnector3", False, 1, 2, False, "flow"),
    "bulat-siku-terlekat-sel-gabung": (2, 6, "bulat", "bentConnector3", True, 2, 3, True, "id"),
    "jajar-genjang-siku2-alur-dulu": (4, 7, "data", "bentConnector2", False, 1, 3, True, "flow"),
    "dokumen-lurus-sel-gabung-tanpa-ket": (
        3,
        8,
        "dokumen",
        "straightConnector1",
        True,
        2,
        2,
        False,
        "id",
    ),
    "separuh-terlekat-awal": (4, 8, "polos", "bentConnector3", "start", 1, 3, True, "id"),
    "separuh-terlekat-akhir": (3, 7, "flowchart", "straightConnector1", "end", 1, 2, True, "flow"),
    "lajur-dua-kolom-digabung": (4, 7, "flowchart", "bentConnector3", True, 1, 3, True, "id"),
    "lajur-tiga-kolom-digabung": (3, 6, "polos", "straightConnector1", False, 2, 2, False, "id"),
    "tujuh-pelaksana-tanpa-identitas": (
        7,
        8,
        "flowchart",
        "straightConnector1",
        False,
        1,
        3,
        True,
        "none",
    ),
}


def _random(n: int) -> dict:
    rng = random.Random(SEED)
    out = {}
    for k in range(n):
        out[f"acak-{k}"] = (
            rng.randint(2, 7),
            rng.randint(3, 14),
            rng.choice(sorted(PRESETS)),
            rng.choice(["straightConnector1", "bentConnector3", "bentConnector2"]),
            rng.choice([True, False, "start", "end"]),
            rng.choice([1, 1, 2]),
            rng.choice([2, 3]),
            rng.random() < 0.5,
            rng.choice(["id", "flow", "none"]),
        )
    return out


ALL = {**VARIANTS, **_random(EXTRA)}
# executors whose lane is several sheet columns merged under their title
LANES = {"lajur-dua-kolom-digabung": 2, "lajur-tiga-kolom-digabung": 3}
LANES.update({k: random.Random(f"{SEED}-{k}").choice([1, 1, 2]) for k in ALL if "acak" in k})
FIRST_ROW = 6  # the header takes rows 4 and 5


def _workbook(
    path, steps, n_exec, presets, prst, glued, span, mutu, ket, sheets, lose=0.0, rng=None, lane=1
):
    half = (span - 1) * row_emu() // 2  # a symbol in the middle of its merged rows
    mid = (lane - 1) * col_emu() // 2  # ... and of its merged columns
    boxes, arrows = [], []
    for i, s in enumerate(steps):
        kind = PRESETS[presets][s.kind]
        text = ""
        if s.kind == "terminator" and presets == "bulat":
            text = "Mulai" if i == 0 else "Selesai"
        col = 3 + s.col * lane
        boxes.append(Box(10 + i, kind, col, FIRST_ROW + i * span, text, dx=mid, dy=half))
    n = 0
    for i, s in enumerate(steps):
        for k, t in enumerate(s.to):
            back = s.kind == "decision" and k == 1
            arrows.append(
                Arrow(100 + n, 10 + i, 10 + t, glued=glued, prst=prst, side=back and t < i)
            )
            n += 1
            if s.kind == "decision":  # the exit's label, a text box beside where it leaves
                label, dx, dy = ("Ya", 150_000, 230_000) if k == 0 else ("Tidak", 420_000, -90_000)
                boxes.append(
                    Box(
                        300 + n,
                        "rect",
                        3 + s.col * lane,
                        FIRST_ROW + i * span,
                        label,
                        width=260_000,
                        height=140_000,
                        textbox=True,
                        dx=dx + mid,
                        dy=dy + half,
                    )
                )
    if lose:  # a share of the shapes lost
        boxes = [b for b in boxes if rng.random() > lose]
        kept = {b.id for b in boxes}
        arrows = [
            a for a in arrows if a.source in kept and a.target in kept and rng.random() > lose
        ]
    rows = [(s.nomor, s.uraian, s.kelengkapan, s.waktu, s.output, s.keterangan) for s in steps]
    names = ("Identitas SOP", "Alur") if sheets == "flow" else ("Identitas", "Flowchart")
    return build(
        path,
        rows,
        Drawing(boxes=boxes, arrows=arrows),
        identity=sheets != "none",
        names=names,
        flow_first=sheets == "flow",
        executors=tuple(JOBS[:n_exec]),
        lane=lane,
        mutu=("Persyaratan", "Waktu", "Output") if mutu == 3 else ("Waktu", "Output"),
        ket=ket,
        span=span,
    )


@pytest.mark.parametrize("name", sorted(ALL))
def test_workbook_variant_imports_whole(tmp_path, name):
    n_exec, n_rows, presets, prst, glued, span, mutu, ket, sheets = ALL[name]
    rng = random.Random(f"{SEED}-xlsx-{name}")
    # loops back only: a jump ahead would leave a decision by its bottom twice
    steps = [
        s
        if s.kind != "decision" or s.to[1] < s.to[0]
        else s.__class__(**{**s.__dict__, "kind": "process", "to": (s.to[0],)})
        for s in procedure(rng, n_exec, n_rows, n_rows, "plain")
    ]
    path = _workbook(
        tmp_path / f"{name}.xlsx",
        steps,
        n_exec,
        presets,
        prst,
        glued,
        span,
        mutu,
        ket,
        sheets,
        lane=LANES.get(name, 1),
    )
    (sop,) = read_xlsx_all(path)

    assert sop.header.executors == tuple(JOBS[:n_exec])
    assert [(r.nomor, r.uraian) for r in sop.rows] == [(s.nomor, s.uraian) for s in steps]
    assert [r.waktu for r in sop.rows] == [s.waktu for s in steps]
    assert [r.kelengkapan for r in sop.rows] == [s.kelengkapan if mutu == 3 else "" for s in steps]
    if ket:
        assert [r.keterangan for r in sop.rows] == [s.keterangan for s in steps]
    assert_flow_read(sop, steps)
    if sheets != "none":
        assert sop.identity.nomor == "001/SOP/BU/2025"

    written = write_document([sop], tmp_path / "hasil")
    _, diagnostics = read_data(written.folder)
    assert [d.format() for d in diagnostics if d.is_error] == []
    (proc,) = [p for p in written.files if p.name != "dokumen.yaml"]
    edges = yaml_flow.edges(proc.read_text("utf-8"))
    assert {(a[0], b[0], lab) for a, b, lab in edges} == _expected_links(steps)


DAMAGE = int(os.environ.get("SOPGEN_DAMAGE_EXAMPLES", "6"))


@pytest.mark.parametrize("seed", range(DAMAGE))
def test_workbook_with_shapes_lost_is_reported_or_imported_whole(tmp_path, seed):
    """Symbols, arrows and labels deleted at random (a shape lost when a sheet was copied):
    the import either says why it cannot read the workbook or writes a folder that passes
    ``sopgen check``. SOPGEN_DAMAGE_EXAMPLES explores more."""
    rng = random.Random(seed)
    n_exec = rng.randint(2, 6)
    steps = procedure(rng, n_exec, rng.randint(3, 10), 99, "plain")
    path = _workbook(
        tmp_path / "rusak.xlsx",
        steps,
        n_exec,
        rng.choice(sorted(PRESETS)),
        rng.choice(["straightConnector1", "bentConnector3"]),
        rng.random() < 0.5,
        1,
        3,
        True,
        "id",
        lose=rng.choice([0.1, 0.3, 0.6]),
        rng=rng,
    )
    outcome = import_one(path, tmp_path / "hasil", overwrite=False)
    if outcome.error is not None:
        assert "laporkan" not in outcome.error, outcome.error
        assert not (tmp_path / "hasil").exists()
        return
    _, diagnostics = read_data(outcome.written.folder)
    assert [d.format() for d in diagnostics if d.is_error] == []


@pytest.mark.parametrize(
    "labels",
    [
        ("No. SOP", "Tgl. Pembuatan", "Tgl. Revisi", "Tgl. Efektif", "Ditetapkan oleh", "Nama SOP"),
        (
            "Nomor",
            "Tanggal\nDibuat",
            "Tanggal\nRevisi",
            "Tanggal\nDitetapkan",
            "Disahkan",
            "Judul SOP",
        ),
    ],
)
def test_identity_labels_in_other_words(tmp_path, labels):
    """An identity sheet whose labels are abbreviated, other words, or over two lines."""
    steps = procedure(random.Random(3), 2, 3, 99, "plain")
    path = tmp_path / "label.xlsx"
    rows = [(s.nomor, s.uraian, s.kelengkapan, s.waktu, s.output, s.keterangan) for s in steps]
    build(path, rows, Drawing(), labels=labels, executors=tuple(JOBS[:2]))
    (sop,) = read_xlsx_all(path)
    ident = sop.identity
    assert ident.nomor == "001/SOP/BU/2025"
    assert ident.tanggal_pembuatan == "2 Juni 2025"
    assert ident.tanggal_efektif and "2025" in ident.tanggal_efektif
    assert ident.nama == "Pengelolaan Surat Masuk"
    assert ident.disahkan is not None and ident.disahkan.nama == "BUDI SANTOSO, S.H."
