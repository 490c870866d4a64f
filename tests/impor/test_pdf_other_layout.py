"""An SOP drawn unlike sopgen and unlike the corpus: the reader goes by the pattern.

The PDF is drawn here with reportlab: Times, portrait Letter paper, the Mutu Baku columns
BEFORE the executor columns, other header words (Uraian Kegiatan, Persyaratan, Keluaran,
Pelaksana), other symbol sizes, stroked arrows with open "V" heads on one arrow, a
decision with a loop back, and two rows printed without a ruling between them.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

from sopgen.impor.pdf import read_pdf

W, H = letter
X = [40, 62, 190, 250, 290, 340, 410, 480, 550, 580]  # column boundaries
HEAD_TOP, HEAD_MID, HEAD_BOT = 100, 118, 140
ROWS = [140, 190, 250, 380]  # rows 3 and 4 share the band 250-380 (no ruling between)
EXECS = ["Staf Umum", "Kepala Seksi", "Kepala Kantor"]
TEXTS = [
    ("1", "Menerima surat masuk", "Surat", "5 menit", "Agenda"),
    ("2", "Memeriksa kelengkapan surat", "Agenda", "10 menit", "Surat lengkap"),
    ("3", "Menyetujui surat", "Surat lengkap", "1 hari", "Disposisi"),
    ("4", "Mengarsipkan surat", "Disposisi", "15 menit", "Arsip"),
]


def _y(top: float) -> float:
    return H - top


def _cell_text(c, x, top, text, size=8):
    c.setFont("Times-Roman", size)
    c.drawString(x + 3, _y(top + 12), text)


def _head(c, x0, x1, top, bottom, text):
    c.setFont("Times-Bold", 8)
    c.drawCentredString((x0 + x1) / 2, _y((top + bottom) / 2 + 3), text)


def _arrow(c, pts, open_head=False):
    c.setLineWidth(0.8)
    p = c.beginPath()
    p.moveTo(pts[0][0], _y(pts[0][1]))
    for x, y in pts[1:]:
        p.lineTo(x, _y(y))
    c.drawPath(p, stroke=1, fill=0)
    (ax, ay), (bx, by) = pts[-2], pts[-1]
    dx, dy = bx - ax, by - ay
    n = (dx * dx + dy * dy) ** 0.5
    ux, uy = dx / n, dy / n
    tip = (bx + ux * 6, by + uy * 6)
    left = (bx - uy * 3, by + ux * 3)
    right = (bx + uy * 3, by - ux * 3)
    h = c.beginPath()
    if open_head:
        h.moveTo(left[0], _y(left[1]))
        h.lineTo(tip[0], _y(tip[1]))
        h.lineTo(right[0], _y(right[1]))
        c.drawPath(h, stroke=1, fill=0)
        c.line(bx, _y(by), tip[0], _y(tip[1]))
    else:
        h.moveTo(tip[0], _y(tip[1]))
        h.lineTo(left[0], _y(left[1]))
        h.lineTo(right[0], _y(right[1]))
        h.close()
        c.drawPath(h, stroke=0, fill=1)


def _draw(path, X=X):  # noqa: N803 - the module's column boundaries, or others
    c = canvas.Canvas(str(path), pagesize=letter)
    c.setFont("Times-Bold", 11)
    c.drawString(40, _y(80), "PROSEDUR PENGELOLAAN SURAT MASUK")
    c.setLineWidth(0.6)
    top, bottom = HEAD_TOP, ROWS[-1]
    c.rect(X[0], _y(bottom), X[-1] - X[0], bottom - top)
    for x in X[1:-1]:
        y0 = HEAD_MID if x in (X[3], X[4], X[6], X[7]) else top
        c.line(x, _y(y0), x, _y(bottom))
    c.line(X[2], _y(HEAD_MID), X[5], _y(HEAD_MID))
    c.line(X[5], _y(HEAD_MID), X[8], _y(HEAD_MID))
    for y in ROWS[:-1]:
        c.line(X[0], _y(y), X[-1], _y(y))
    _head(c, X[0], X[1], top, HEAD_BOT, "No")
    _head(c, X[1], X[2], top, HEAD_BOT, "Uraian Kegiatan")
    _head(c, X[2], X[5], top, HEAD_MID, "Mutu Baku")
    _head(c, X[5], X[8], top, HEAD_MID, "Pelaksana")
    _head(c, X[8], X[9], top, HEAD_BOT, "Ket")
    for k, t in enumerate(["Persyaratan", "Waktu", "Keluaran"]):
        _head(c, X[2 + k], X[3 + k], HEAD_MID, HEAD_BOT, t)
    for k, t in enumerate(EXECS):
        _head(c, X[5 + k], X[6 + k], HEAD_MID, HEAD_BOT, t)
    bands = [(140, 190), (190, 250), (250, 300), (300, 380)]
    for (nomor, uraian, syarat, waktu, keluaran), (y0, _y1) in zip(TEXTS, bands, strict=True):
        for x, t in zip(X[:5], (nomor, uraian, syarat, waktu, keluaran), strict=True):
            _cell_text(c, x, y0, t)
    c.setLineWidth(1.2)
    # row 1: terminator in Staf Umum; row 2: decision in Kepala Seksi
    c.roundRect(350, _y(175), 50, 20, 10, stroke=1, fill=0)
    d = c.beginPath()
    cx, cy = 445, 220
    d.moveTo(cx, _y(cy - 18))
    d.lineTo(cx + 26, _y(cy))
    d.lineTo(cx, _y(cy + 18))
    d.lineTo(cx - 26, _y(cy))
    d.close()
    c.drawPath(d, stroke=1, fill=0)
    c.rect(490, _y(285), 50, 22, stroke=1, fill=0)  # row 3: Kepala Kantor
    c.roundRect(350, _y(350), 50, 20, 10, stroke=1, fill=0)  # row 4: Staf Umum, the end
    _arrow(c, [(375, 175), (375, 220), (413, 220)])
    _arrow(c, [(471, 220), (515, 220), (515, 257)])  # Ya
    _arrow(c, [(445, 202), (445, 160), (406, 160)], open_head=True)  # Tidak, back to row 1
    _arrow(c, [(515, 285), (515, 310), (375, 310), (375, 324)])
    c.setFont("Times-Italic", 7)
    c.drawString(480, _y(215), "Ya")
    c.drawString(448, _y(175), "Tidak")
    c.showPage()
    c.save()


def test_other_layout_reads_by_the_pattern(tmp_path):
    path = tmp_path / "sop-lain.pdf"
    _draw(path)
    sop = read_pdf(path)
    assert sop.title == "PROSEDUR PENGELOLAAN SURAT MASUK"
    assert sop.header.executors == tuple(EXECS)
    assert sop.header.labels["kelengkapan"] == "Persyaratan"
    assert sop.header.labels["output"] == "Keluaran"
    assert sop.header.labels["pelaksana"] == "Pelaksana"
    assert [(r.nomor, r.uraian, r.kelengkapan, r.waktu, r.output) for r in sop.rows] == TEXTS
    kinds = [(s.row, s.kind, s.columns) for s in sop.shapes]
    assert kinds == [
        (0, "terminator", (0,)),
        (1, "decision", (1,)),
        (2, "process", (2,)),
        (3, "terminator", (0,)),
    ]
    links = {(lk.source, lk.target, lk.label) for lk in sop.links}
    assert links == {(0, 1, None), (1, 2, "Ya"), (1, 0, "Tidak"), (2, 3, None)}
    # no identity page in this file: said, nothing else is uncertain
    assert [u.field for u in sop.uncertain] == ["identitas"]


def test_a_group_title_centred_on_a_column_line_is_read_whole(tmp_path):
    # "Mutu Baku" centred over its three columns stands on the line between the first
    # two when those are narrow: "Mutu" over Persyaratan, "Baku" over Waktu (BPS SOPs)
    path = tmp_path / "sop-lain.pdf"
    xs = [40, 62, 190, 265, 290, 340, 410, 480, 550, 580]
    _draw(path, xs)
    sop = read_pdf(path)
    assert sop.header.labels["mutu_baku"] == "Mutu Baku"
    assert sop.header.labels["pelaksana"] == "Pelaksana"
