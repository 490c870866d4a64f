"""Round trip: every PDF sopgen writes reads back to the data it was made from."""

from __future__ import annotations

from pathlib import Path

import pytest

from sopgen.build import load_data
from sopgen.impor.pdf import read_pdf
from sopgen.model.flow import resolve_flow
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
    """Each row's symbol(s): executors and kind; arrows between rows with their labels."""
    project, sop = built
    for proc, table in zip(project.procedures, _tables(sop), strict=True):
        data = proc.data
        symbols = [s for s in table.shapes if s.kind != "connector"]
        assert [s.row for s in symbols] == list(range(len(data.kegiatan)))
        names = table.header.executors
        assert [tuple(names[c] for c in s.columns) for s in symbols] == [
            k.executors for k in data.kegiatan
        ]
        kinds = ["decision" if k.keputusan else "process" for k in data.kegiatan]
        got = ["process" if s.kind == "terminator" else s.kind for s in symbols]
        assert got == kinds
        row_of = {s.id: s.row for s in table.shapes}
        edges = sorted((row_of[lk.source], row_of[lk.target], lk.label) for lk in table.links)
        assert edges == sorted((e.source, e.target, e.label) for e in resolve_flow(data))


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
