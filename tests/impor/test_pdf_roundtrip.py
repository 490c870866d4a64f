"""Round trip: every PDF sopgen writes reads back to the data it was made from."""

from __future__ import annotations

from pathlib import Path

import pytest

from sopgen.build import load_data
from sopgen.impor.pdf import read_pdf
from sopgen.model.flow import resolve_flow, symbols
from sopgen.render.pdf.binder import build_pdfs

ROOT = Path(__file__).resolve().parents[2]
FOLDERS = {"data": ROOT / "data", "mini": ROOT / "tests" / "fixtures" / "mini"}


@pytest.fixture(scope="module", params=sorted(FOLDERS))
def built(request, tmp_path_factory):
    """(project, binder ImportedSop) for one data folder built with sopgen pdf."""
    out = tmp_path_factory.mktemp(request.param)
    (project,) = load_data(FOLDERS[request.param])
    build_pdfs(project, out)
    binder = out / "pdf" / f"{project.name}.pdf"
    return project, read_pdf(binder)


def _tables(sop):
    return (sop,) + tuple(sop.more)


def _plain(text) -> str:
    return " ".join(str(text or "").split())


def test_every_procedure_comes_back_in_order(built):
    project, sop = built
    tables = _tables(sop)
    assert [t.title for t in tables] == [p.data.judul for p in project.procedures]


def test_rows_texts_and_executors(built):
    project, sop = built
    for proc, table in zip(project.procedures, _tables(sop), strict=True):
        data = proc.data
        assert table.header.executors == tuple(data.pelaksana)
        assert [r.nomor for r in table.rows] == [str(i + 1) for i in range(len(data.kegiatan))]
        assert [r.uraian for r in table.rows] == [_plain(k.uraian) for k in data.kegiatan]
        assert [r.kelengkapan for r in table.rows] == [_plain(k.kelengkapan) for k in data.kegiatan]
        assert [r.output for r in table.rows] == [_plain(k.output) for k in data.kegiatan]
        assert all(r.waktu for r in table.rows)


def test_flow_comes_back(built):
    """Each symbol (row, executors, decision or not) and every arrow with its label."""
    project, sop = built
    for proc, table in zip(project.procedures, _tables(sop), strict=True):
        got, want = _flow_of(table, proc.data)
        assert got == want, proc.id


def test_identity_page_comes_back(built):
    """Nomor, Nama SOP, the signing official and the numbered lists of the identity page."""
    project, sop = built
    doc = project.dokumen
    ident = sop.identity
    assert ident.nomor == doc.identitas.nomor
    assert ident.nama == doc.identitas.nama
    assert ident.tanggal_pembuatan and ident.tanggal_efektif
    signer = doc.pejabat[doc.identitas.disahkan_oleh]
    assert ident.disahkan.nama == signer.nama
    assert ident.disahkan.nip == signer.nip_formatted
    assert _plain(ident.disahkan.jabatan) == _plain(signer.jabatan)
    for key in ("dasar_hukum", "kualifikasi_pelaksana", "peralatan", "peringatan"):
        assert ident.lists.get(key, ()) == tuple(_plain(x) for x in getattr(doc, key)), key


def _flow_of(sop, data):
    """(symbols, edges) read from the PDF and expected from the data, comparable:
    symbols as (row, executors, is decision); edges between model nodes with labels."""
    names = sop.header.executors
    read = [s for s in sop.shapes if s.kind != "connector"]
    model = symbols(data)
    key = {(m.row, m.executors): m.node for m in model}
    got_symbols = sorted(
        (s.row, tuple(names[c] for c in s.columns), s.kind == "decision") for s in read
    )
    want_symbols = sorted((m.row, m.executors, m.kind == "decision") for m in model)
    node = {s.id: key.get((s.row, tuple(names[c] for c in s.columns)), -1) for s in read}
    got_edges = sorted(
        (node.get(lk.source, -1), node.get(lk.target, -1), lk.label) for lk in sop.links
    )
    want_edges = sorted((e.source, e.target, e.label) for e in resolve_flow(data))
    return (got_symbols, got_edges), (want_symbols, want_edges)
