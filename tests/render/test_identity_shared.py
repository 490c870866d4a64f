"""The identity page's paragraphs are made once per process and kept with their wrapped
lines (render/pdf/identity_paragraphs.py): a page set after others, in one process, is
the same bytes as set alone, also when an item is so long that it is split between its
lines across a page."""

from __future__ import annotations

from pathlib import Path

from sopgen.build import load_project
from sopgen.layout.style import Style
from sopgen.render.pdf import identity, identity_fit, identity_paragraphs
from sopgen.render.pdf.binder import render_binder

ROOT = Path(__file__).resolve().parents[2]


def _identity_only(project, paper="A4") -> bytes:
    dokumen = project.dokumen
    settings = dokumen.pengaturan.model_copy(update={"halaman_judul": False, "daftar_isi": False})
    dokumen = dokumen.model_copy(update={"pengaturan": settings, "pengesahan": None})
    return render_binder(project.model_copy(update={"dokumen": dokumen}), [], Style(paper=paper))


def _cold(project) -> bytes:
    identity_paragraphs.SHARED.clear()
    identity_fit.CHOSEN.clear()
    identity.ROW_HEIGHTS.clear()
    return _identity_only(project)


def _with(project, **fields):
    return project.model_copy(update={"dokumen": project.dokumen.model_copy(update=fields)})


def test_a_page_set_after_others_is_the_same_bytes_as_set_alone():
    project = load_project(ROOT / "data" / "sekretariat")
    words = " ".join(f"ketentuan{i}" for i in range(400))
    pages = [
        project,
        # one Dasar Hukum item taller than a page's room: split between its lines
        _with(project, dasar_hukum=["Peraturan pendek", f"Peraturan panjang {words}"]),
        _with(project, peringatan=["Awas " + " ".join(["panjang"] * 40)] * 12),
    ]
    alone = [_cold(p) for p in pages]
    assert len(set(alone)) == len(alone)
    _cold(pages[0])
    for _ in range(2):
        assert [_identity_only(p) for p in pages] == alone
    assert identity_paragraphs.SHARED


def test_a_split_paragraph_leaves_the_cache():
    # ReportLab's split may change the fragments of the paragraph it splits
    style = identity_fit.NORMAL.styles["item"]
    text = " ".join(["panjang"] * 200)
    p = identity_paragraphs.paragraph(text, style, "1.")
    _, h = p.wrap(200, 1e9)
    parts = p.split(200, h / 2)
    assert len(parts) == 2
    assert identity_paragraphs.paragraph(text, style, "1.") is not p
