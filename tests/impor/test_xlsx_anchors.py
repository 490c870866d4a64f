"""Workbooks whose shapes are placed other ways than from cell to cell.

Excel anchors a shape to the cells under its corners (twoCellAnchor); a shape set not to
move with its cells is stored with one cell and its size (oneCellAnchor) or with page
coordinates only (absoluteAnchor), as other programs write them too; symbols in one group
with connectors glued to them. Several flowchart sheets of one workbook, each its own SOP,
come back one each.
"""

from __future__ import annotations

import io
import random
import re
import zipfile

import openpyxl
import pytest
from test_pdf_variants import JOBS, assert_flow_read, procedure
from test_xlsx_reader import ROWS
from test_xlsx_variants import _workbook
from xlsx_build import Arrow, Box, Drawing, build, col_emu, flowchart_sheet, inject, row_emu

from sopgen.impor.run import import_one
from sopgen.impor.xlsx import read_xlsx_all

MARKER = re.compile(
    r"<xdr:(from|to)><xdr:col>(\d+)</xdr:col><xdr:colOff>(\d+)</xdr:colOff>"
    r"<xdr:row>(\d+)</xdr:row><xdr:rowOff>(\d+)</xdr:rowOff></xdr:\1>"
)


def _reanchor(xml: str, kind: str) -> str:
    """Every twoCellAnchor of a drawing rewritten as a oneCellAnchor or absoluteAnchor."""

    def one(m: re.Match) -> str:
        body = m[1]
        (f, t) = MARKER.findall(body)[:2]
        x0, y0 = int(f[1]) * col_emu() + int(f[2]), int(f[3]) * row_emu() + int(f[4])
        x1, y1 = int(t[1]) * col_emu() + int(t[2]), int(t[3]) * row_emu() + int(t[4])
        ext = f'<xdr:ext cx="{x1 - x0}" cy="{y1 - y0}"/>'
        rest = MARKER.sub("", body)
        if kind == "oneCellAnchor":
            start = MARKER.search(body)[0]
            return f"<xdr:oneCellAnchor>{start}{ext}{rest}</xdr:oneCellAnchor>"
        pos = f'<xdr:pos x="{x0}" y="{y0}"/>'
        return f"<xdr:absoluteAnchor>{pos}{ext}{rest}</xdr:absoluteAnchor>"

    return re.sub(r"<xdr:twoCellAnchor>(.*?)</xdr:twoCellAnchor>", one, xml)


def _rewrite(path, kind: str) -> None:
    src = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename.startswith("xl/drawings/drawing"):
                body = _reanchor(body.decode("utf-8"), kind).encode("utf-8")
            dst.writestr(info, body)
    path.write_bytes(out.getvalue())


def _steps(seed: int, n_exec: int, n_rows: int):
    # loops back only, as the workbook variants draw them
    return [
        s
        if s.kind != "decision" or s.to[1] < s.to[0]
        else s.__class__(**{**s.__dict__, "kind": "process", "to": (s.to[0],)})
        for s in procedure(random.Random(seed), n_exec, n_rows, n_rows, "plain")
    ]


@pytest.mark.parametrize("kind", ["oneCellAnchor", "absoluteAnchor"])
@pytest.mark.parametrize("seed", [1, 2])
def test_shapes_anchored_by_one_cell_or_by_position(tmp_path, kind, seed):
    steps = _steps(seed, 3, 8)
    path = tmp_path / "sop.xlsx"
    _workbook(path, steps, 3, "flowchart", "bentConnector3", seed == 1, 1, 3, True, "id")
    _rewrite(path, kind)
    assert kind.encode() in zipfile.ZipFile(path).read("xl/drawings/drawing2.xml")
    (sop,) = read_xlsx_all(path)
    assert [r.uraian for r in sop.rows] == [s.uraian for s in steps]
    assert_flow_read(sop, steps)


def test_two_flowchart_sheets_are_two_sops(tmp_path):
    """A workbook with an SOP on each of two sheets (own titles, own executors)."""
    procs = [_steps(5, 2, 4), _steps(6, 3, 5)]
    wb = openpyxl.Workbook()
    sheets = [wb.active, wb.create_sheet("SOP 2")]
    for k, (ws, steps) in enumerate(zip(sheets, procs, strict=True)):
        rows = [(s.nomor, s.uraian, s.kelengkapan, s.waktu, s.output, "") for s in steps]
        flowchart_sheet(ws, rows, executors=tuple(JOBS[k : k + 2 + k]))
        ws.cell(2, 1, f"SOP NOMOR {k + 1}: {'PENERIMAAN' if k == 0 else 'PENGIRIMAN'} SURAT")
    buf = io.BytesIO()
    wb.save(buf)
    path = tmp_path / "dua.xlsx"
    path.write_bytes(inject(buf.getvalue(), {}))
    sops = read_xlsx_all(path)
    assert [[r.uraian for r in s.rows] for s in sops] == [[s.uraian for s in p] for p in procs]
    assert [s.header.executors for s in sops] == [tuple(JOBS[0:2]), tuple(JOBS[1:4])]
    outcome = import_one(path, tmp_path / "hasil", overwrite=False)
    assert outcome.error is None
    assert len([p for p in outcome.written.files if p.name != "dokumen.yaml"]) == 2


@pytest.mark.parametrize("prst", ["straightConnector1", "bentConnector3"])
def test_connectors_glued_to_symbols_inside_a_group(tmp_path, prst):
    """Every symbol in one group (child coordinates scaled), the connectors glued to them
    by id (stCxn/endCxn), a loop back from the decision's side."""
    d = Drawing(
        boxes=[
            Box(1, "flowChartTerminator", 3, 6, "Mulai"),
            Box(2, "flowChartProcess", 4, 7),
            Box(3, "flowChartDecision", 4, 8, width=500_000, height=400_000),
            Box(4, "flowChartTerminator", 5, 9, "Selesai"),
        ],
        arrows=[
            Arrow(10, 1, 2, prst=prst),
            Arrow(11, 2, 3, prst=prst),
            Arrow(12, 3, 4, prst=prst),
            Arrow(13, 3, 2, prst=prst, side=True),
        ],
        group=[1, 2, 3, 4],
    )
    (sop,) = read_xlsx_all(build(tmp_path / "grup.xlsx", ROWS[:4], d, identity=False))
    assert [(s.row, s.kind, s.columns) for s in sop.shapes] == [
        (0, "terminator", (0,)),
        (1, "process", (1,)),
        (2, "decision", (1,)),
        (3, "terminator", (2,)),
    ]
    assert {(lk.source, lk.target) for lk in sop.links} == {(0, 1), (1, 2), (2, 3), (2, 1)}
