"""What the identity page keeps from one PDF to the next in a process never changes a
page: its paragraphs with their wrapped lines (render/pdf/identity_paragraphs.py), the
top block's height per title height (render/pdf/identity.py), and the operators of its
rows and of the Lembar Pengesahan's signatures (render/pdf/drawn.py). A page set after
others is the same bytes as set alone, also when an item is so long that it is split
between its lines across a page, and whatever the length of each procedure's title."""

from __future__ import annotations

from pathlib import Path

from sopgen.build import load_project
from sopgen.layout.style import Style
from sopgen.render.common import make_style
from sopgen.render.fonts import register_fonts
from sopgen.render.pdf import drawn, identity, identity_fit, identity_paragraphs, streams
from sopgen.render.pdf.binder import layout_all, render_binder, render_procedure

ROOT = Path(__file__).resolve().parents[2]


def _identity_only(project, paper="A4") -> bytes:
    dokumen = project.dokumen
    settings = dokumen.pengaturan.model_copy(update={"halaman_judul": False, "daftar_isi": False})
    dokumen = dokumen.model_copy(update={"pengaturan": settings, "pengesahan": None})
    return render_binder(project.model_copy(update={"dokumen": dokumen}), [], Style(paper=paper))


def _forget() -> None:
    identity_paragraphs.SHARED.clear()
    identity_fit.CHOSEN.clear()
    identity.ROW_HEIGHTS.clear()
    identity.TOP_HEIGHTS.clear()
    drawn.DRAWN.clear()
    streams.COMPRESSED.clear()


def _cold(project) -> bytes:
    _forget()
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
    register_fonts()  # the paragraph is wrapped before any PDF of this worker registered them
    style = identity_fit.NORMAL.styles["item"]
    text = " ".join(["panjang"] * 200)
    p = identity_paragraphs.paragraph(text, style, "1.")
    _, h = p.wrap(200, 1e9)
    parts = p.split(200, h / 2)
    assert len(parts) == 2
    assert identity_paragraphs.paragraph(text, style, "1.") is not p


def test_each_procedure_keeps_its_own_title_whatever_the_pdfs_before_it():
    # the top block's height is kept per title height: a short title after a long one
    # (and the other way round) is set as it is set alone; the document's identity page
    # nearly fits one page (20 Peralatan items), so a taller title takes a tighter tier
    project = load_project(ROOT / "tests" / "fixtures" / "real" / "bps-pdrb-triwulanan")
    tools = [f"Perangkat pendukung kegiatan nomor {i} beserta kelengkapannya" for i in range(20)]
    project = _with(project, peralatan=tools)
    style = make_style(project)
    proc, layout = layout_all(project, style)[0]
    titles = [
        "Rapat Koordinasi",
        "Penyusunan " + "Laporan Kinerja Tahunan Dan Rencana Kerja Perangkat Daerah " * 4,
        "Rencana Kerja",
        "Penyusunan " + "Laporan Kinerja Tahunan Dan Rencana Kerja Perangkat Daerah " * 8,
    ]

    def pdf(title: str) -> bytes:
        data = proc.data.model_copy(update={"judul": title})
        return render_procedure(project, proc.model_copy(update={"data": data}), layout, style)

    alone = []
    for title in titles:
        _forget()
        alone.append(pdf(title))
    assert len(set(alone)) == len(alone)
    _forget()
    assert [pdf(t) for t in titles] == alone
    assert [pdf(t) for t in reversed(titles)] == alone[::-1]


def test_the_pdfs_of_a_document_with_a_lembar_pengesahan_are_the_same_made_in_turn():
    # every PDF prints the document's Lembar Pengesahan from the same shared paragraphs
    project = load_project(ROOT / "data" / "sekretariat")
    assert project.dokumen.pengesahan is not None
    style = make_style(project)
    alone = []
    for proc, layout in layout_all(project, style)[:3]:
        _forget()
        alone.append((proc, layout, render_procedure(project, proc, layout, style)))
    _forget()
    for proc, layout, data in alone + alone:
        assert render_procedure(project, proc, layout, style) == data


def test_rows_drawn_before_are_written_again_only_with_the_codes_of_this_pdf():
    # a character other than ASCII gets the next free code of its font in each PDF, in
    # the order first printed: after a title with its own such characters, the rows'
    # characters have other codes than after a plain title, so the rows drawn in the
    # first PDF are not written again as they were into the second
    project = load_project(ROOT / "data" / "sekretariat")
    law = "Peraturan Daerah Nomor 5 Tahun 2016 \u2013 Perubahan Kedua (\u201cPerda\u201d)"
    project = _with(project, dasar_hukum=[law] * 3, peringatan=["Tertib \u2013 rapi"])
    style = make_style(project)
    (first, layout), (second, _) = layout_all(project, style)[:2]

    def pdf(proc, title: str) -> bytes:
        data = proc.data.model_copy(update={"judul": title})
        return render_procedure(project, proc.model_copy(update={"data": data}), layout, style)

    titles = [(first, "Tata Cara \u00bd \u00a9 \u2014 \u201cUji\u201d"), (second, "Rencana Kerja")]
    alone = []
    for proc, title in titles:
        _forget()
        alone.append(pdf(proc, title))
    _forget()
    assert [pdf(proc, title) for proc, title in titles] == alone
    assert [pdf(proc, title) for proc, title in titles[::-1]] == alone[::-1]
    assert drawn.DRAWN  # the rows were kept, and written again where they fit
