"""SOP PDFs drawn unlike sopgen and unlike the corpus (pdf_draw.py) import whole.

Each variant is a random procedure (fixed seed) drawn in one ``Style``: the imported data
keeps its rows, executors, symbols and arrows, the identity page's fields, and the
written folder passes ``sopgen check`` with the same flow. Set SOPGEN_VARIANT_EXAMPLES
(e.g. 40) to draw that many further random combinations of styles and procedures, and
SOPGEN_VARIANT_SEED to draw other ones.
"""

from __future__ import annotations

import os
import random
from dataclasses import replace

import pytest
import yaml_flow
from pdf_draw import Identity, Step, Style, draw, draw_many, rows_per_page

from sopgen.build import read_data
from sopgen.impor.pdf import read_pdf
from sopgen.impor.to_yaml import write_document

SEED = int(os.environ.get("SOPGEN_VARIANT_SEED", "35"))
EXTRA = int(os.environ.get("SOPGEN_VARIANT_EXAMPLES", "0"))
JOBS = [
    "Staf Umum",
    "Kepala Sub Bagian Tata Usaha",
    "Kepala Bagian",
    "Sekretaris",
    "Bendahara Pengeluaran",
    "PPK",
    "Kepala",
]
VERBS = ["Menerima", "Memeriksa", "Mencatat", "Menyusun", "Mengirim", "Mengarsipkan"]
NOUNS = ["surat masuk", "berkas usulan", "nota dinas", "laporan", "data kegiatan"]


def procedure(rng: random.Random, n_exec: int, n_rows: int, per_page: int, numbering: str):
    """Steps: a start and an end terminator, processes, decisions whose Ya goes on and
    whose Tidak loops back or jumps ahead on the same page (one side track at a time)."""
    steps: list[Step] = []
    busy: list[tuple[int, int]] = []  # row ranges with a side track
    counter, letter = 0, ""
    for i in range(n_rows):
        col = rng.randrange(n_exec)
        kind, to = "process", (i + 1,)
        page = i // per_page
        if i == 0:
            kind = "terminator"
        elif i == n_rows - 1:
            kind, to = "terminator", ()
        elif rng.random() < 0.35 and i + 1 < n_rows:
            back = rng.random() < 0.6 and i - 1 >= max(page * per_page, i - 3)
            j = rng.randint(max(page * per_page, i - 3), i - 1) if back else min(i + 2, n_rows - 1)
            lo, hi = min(i, j), max(i, j)
            same_page = j // per_page == page and (i + 1) // per_page == page
            if j != i + 1 and same_page and not any(a <= hi and lo <= b for a, b in busy):
                kind, to = "decision", (i + 1, j)
                busy.append((lo, hi))
        if numbering == "plain":
            nomor = str(i + 1)
        elif numbering == "none":
            nomor = ""
        else:  # "1, 2, 2a, 2b, 3": a sub-step now and then
            if i > 0 and rng.random() < 0.25:
                letter = chr(ord(letter or "a") + (1 if letter else 0))
                nomor = f"{counter}{letter}"
            else:
                counter, letter = counter + 1, ""
                nomor = str(counter)
        verb, noun = rng.choice(VERBS), rng.choice(NOUNS)
        steps.append(
            Step(
                nomor=nomor,
                uraian=f"{verb} {noun} tahap {i + 1}",
                col=col,
                kind=kind,
                to=to,
                kelengkapan=noun.capitalize(),
                waktu=f"{rng.randint(1, 60)} menit",
                output=f"{noun.capitalize()} {i + 1}",
                keterangan="Lihat pedoman" if rng.random() < 0.2 else "",
            )
        )
    return steps


# A name for each variant, the style, executors, rows and numbering of its procedure.
VARIANTS = {
    "portrait-2-pelaksana-waktu-output": (
        Style(page="A4-portrait", mutu=("Waktu", "Output"), keterangan=False),
        2,
        7,
        "plain",
    ),
    "landscape-7-pelaksana-dua-halaman-header-diulang": (
        Style(page="A4-landscape", rows_per_page=6, repeat_header=True),
        7,
        11,
        "plain",
    ),
    "f4-portrait-5-pelaksana-tanpa-header-lanjutan-konektor-di-luar": (
        Style(page="F4-portrait", rows_per_page=7, repeat_header=False, connectors="outside"),
        5,
        12,
        "plain",
    ),
    "mutu-baku-di-kiri-nomor-2a": (
        Style(
            mutu=("Persyaratan", "Waktu", "Keluaran"),
            mutu_first=True,
            font="Times-Roman",
            open_heads=True,
            header_words={"no": "No.", "kegiatan": "Uraian Kegiatan", "pelaksana": "Pelaksana"},
        ),
        4,
        9,
        "sub",
    ),
    "tanpa-nomor-elips-berwarna-letter": (
        Style(page="Letter-landscape", ellipse_ends=True, keterangan=False, filled=True),
        3,
        6,
        "none",
    ),
    "identitas-singkatan-label-dua-baris": (
        Style(
            identity=Identity(
                nomor_label="No. SOP",
                tanggal_label="Tgl. Pembuatan",
                revisi_label="Tgl. Revisi",
                efektif_label="Tgl. Efektif",
                two_line_labels=True,
                ruled=False,
                nama="Pengelolaan Surat Masuk dan Surat Keluar pada Bagian Umum Sekretariat "
                "Daerah Kabupaten Contoh",
            ),
            rows_per_page=5,
        ),
        3,
        8,
        "plain",
    ),
    "identitas-nama-dua-baris-sel-bergaris": (
        Style(
            identity=Identity(
                nama="Penyusunan Laporan Keuangan Semesteran dan Tahunan Satuan Kerja "
                "Perangkat Daerah",
                colon=False,
            ),
            page="F4-landscape",
        ),
        6,
        7,
        "plain",
    ),
    "tanpa-judul-pelaksana-nomor-kolom-aktivitas": (
        Style(
            group_title=False,
            column_numbers=True,
            header_words={"no": "NO", "kegiatan": "AKTIVITAS", "pelaksana": "PELAKSANA"},
            rows_per_page=6,
        ),
        4,
        9,
        "plain",
    ),
    "identitas-di-atas-tabel-potret": (
        Style(page="F4-portrait", identity_above=True, repeat_header=False),
        3,
        7,
        "plain",
    ),
    "garis-berupa-persegi-terisi": (
        Style(filled_lines=True, rows_per_page=6),
        5,
        9,
        "plain",
    ),
    "judul-pelaksana-tegak": (
        Style(page="A4-portrait", vertical_titles=True, rows_per_page=7),
        7,
        8,
        "plain",
    ),
    "lanskap-disimpan-potret-diputar": (Style(rotated=True, rows_per_page=5), 4, 8, "plain"),
    "baris-tanpa-garis-teks-dalam-simbol": (
        Style(row_rules=False, symbol_text=True, page="A4-portrait", keterangan=False),
        3,
        7,
        "sub",
    ),
}


def _random_variants(n: int) -> dict:
    rng = random.Random(SEED)
    out = {}
    for k in range(n):
        style = Style(
            page=rng.choice(["A4-landscape", "A4-portrait", "F4-portrait", "Letter-landscape"]),
            mutu=rng.choice([("Kelengkapan", "Waktu", "Output"), ("Waktu", "Output")]),
            keterangan=rng.random() < 0.5,
            mutu_first=rng.random() < 0.3,
            rows_per_page=rng.randint(4, 9),
            repeat_header=rng.random() < 0.6,
            connectors=rng.choice(["band", "outside"]),
            open_heads=rng.random() < 0.3,
            ellipse_ends=rng.random() < 0.3,
            group_title=rng.random() < 0.7,
            column_numbers=rng.random() < 0.3,
            symbol_text=rng.random() < 0.3,
            rotated=rng.random() < 0.15,
            identity_above=rng.random() < 0.15,
            filled=rng.random() < 0.3,
            vertical_titles=rng.random() < 0.15,
            filled_lines=rng.random() < 0.2,
            arrows=rng.choice(["path", "segments", "outline"]),
            shape_ctm=rng.random() < 0.3,
            labels=rng.choice(["near", "near", "far"]),
            boxed_labels=rng.random() < 0.3,
            connector_text=rng.choice(["ABCDEFGHIJKLMNOPQRSTUVWXYZ", "1 2 3 4 5 6 7 8 9 10 11"]),
        )
        numbering = rng.choice(["plain", "sub", "none"])
        out[f"acak-{k}"] = (style, rng.randint(2, 7), rng.randint(3, 16), numbering)
    return out


ALL = {**VARIANTS, **_random_variants(EXTRA)}


def _expected_links(steps: list[Step]) -> set[tuple[int, int, str | None]]:
    out = set()
    for i, s in enumerate(steps):
        for k, t in enumerate(s.to):
            label = ("Ya" if k == 0 else "Tidak") if s.kind == "decision" else None
            out.add((i, t, label))
    return out


def assert_flow_read(sop, steps: list[Step], places: bool = True) -> None:
    """The symbols read (each in its step's row and column, of its kind, when ``places``)
    and the arrows between them, as drawn."""
    shapes = [s for s in sop.shapes if s.kind != "connector"]
    if places:
        assert sorted((s.row, s.columns, s.kind) for s in shapes) == [
            (i, (s.col,), s.kind) for i, s in enumerate(steps)
        ]
    row_of = {s.id: s.row for s in shapes}
    links = {(row_of[lk.source], row_of[lk.target], lk.label) for lk in sop.links}
    assert links == _expected_links(steps)


@pytest.mark.parametrize("name", sorted(ALL))
def test_variant_imports_whole(tmp_path, name):
    style, n_exec, n_rows, numbering = ALL[name]
    rng = random.Random(f"{SEED}-{name}")
    style = replace(style, executors=tuple(JOBS[:n_exec]))
    steps = procedure(rng, n_exec, n_rows, rows_per_page(style), numbering)
    path = tmp_path / f"{name}.pdf"
    draw(path, steps, style)
    sop = read_pdf(path)

    assert sop.header.executors == style.executors
    assert [(r.nomor, r.uraian) for r in sop.rows] == [(s.nomor, s.uraian) for s in steps]
    for key in ("kelengkapan", "waktu", "output"):
        printed = any(t.lower().startswith(key[:5]) for t in style.mutu) or (
            key == "kelengkapan" and "Persyaratan" in style.mutu
        )
        if key == "output" and "Keluaran" in style.mutu:
            printed = True
        want = [getattr(s, key) if printed else "" for s in steps]
        assert [getattr(r, key) for r in sop.rows] == want, key
    if style.keterangan:
        assert [r.keterangan for r in sop.rows] == [s.keterangan for s in steps]
    assert_flow_read(sop, steps)
    if style.identity is not None:
        _identity_matches(sop.identity, style.identity)

    written = write_document([sop], tmp_path / "hasil")
    _, diagnostics = read_data(written.folder)
    assert [d.format() for d in diagnostics if d.is_error] == []
    (proc,) = [p for p in written.files if p.name != "dokumen.yaml"]
    edges = yaml_flow.edges(proc.read_text("utf-8"))
    assert {(a[0], b[0], lab) for a, b, lab in edges} == _expected_links(steps)


def _identity_matches(got, want: Identity) -> None:
    assert got.nomor == want.nomor
    assert got.tanggal_pembuatan == want.tanggal
    assert got.tanggal_efektif == want.tanggal
    assert got.nama == want.nama
    assert got.disahkan is not None
    assert got.disahkan.nama == want.pejabat[1]
    assert got.disahkan.nip == want.pejabat[2]
    assert got.lists.get("dasar_hukum") == want.lists["Dasar Hukum"]
    assert got.lists.get("peralatan") == want.lists["Peralatan/Perlengkapan"]


def test_arrows_pasted_as_pictures_give_a_marked_guess(tmp_path):
    """Arrows that are pictures cannot be read: each symbol goes on to the next, a
    decision's Tidak back to the symbol before it, with its printed labels; every guessed
    arrow is marked for the officer."""
    steps = [
        Step("1", "Menerima laporan", 0, "terminator", (1,)),
        Step("2", "Memeriksa laporan", 1, "process", (2,)),
        Step("3", "Laporan sudah benar?", 1, "decision", (3, 1)),
        Step("4", "Mengarsipkan laporan", 0, "terminator", ()),
    ]
    style = Style(executors=("Staf", "Kepala"), pictures=True, identity=None)
    draw(tmp_path / "gambar.pdf", steps, style)
    sop = read_pdf(tmp_path / "gambar.pdf")
    row_of = {s.id: s.row for s in sop.shapes}
    links = {(row_of[lk.source], row_of[lk.target], lk.label) for lk in sop.links}
    assert links == _expected_links(steps)
    guessed = [u for u in sop.uncertain if "alurnya ditebak" in u.message]
    assert sorted(u.row for u in guessed) == [0, 1, 2, 2]  # one mark per guessed arrow
    written = write_document([sop], tmp_path / "hasil")
    _, diagnostics = read_data(written.folder)
    assert [d.format() for d in diagnostics if d.is_error] == []
    text = next(p for p in written.files if p.name != "dokumen.yaml").read_text("utf-8")
    assert text.count("alurnya ditebak") == 4


def test_several_sops_in_one_file_come_back_each_whole(tmp_path):
    """A binder of another office: SOPs one after the other, each with its identity page
    and its table (numbering from 1 again, another title)."""
    rng = random.Random(SEED)
    sops = []
    for k, (title, n_exec, n_rows) in enumerate(
        [("SOP PENERIMAAN TAMU", 3, 6), ("SOP PEMINJAMAN RUANG RAPAT", 4, 9), ("SOP CUTI", 2, 5)]
    ):
        style = Style(
            title=title,
            executors=tuple(JOBS[:n_exec]),
            rows_per_page=6,
            identity=Identity(nomor=f"B-{k + 1}/UM/SOP/2025", nama=title.title()),
        )
        sops.append((procedure(rng, n_exec, n_rows, 6, "plain"), style))
    draw_many(tmp_path / "buku.pdf", sops)
    first = read_pdf(tmp_path / "buku.pdf")
    tables = (first, *first.more)
    assert [t.title for t in tables] == [style.title for _, style in sops]
    for sop, (steps, style) in zip(tables, sops, strict=True):
        assert sop.identity.nomor == style.identity.nomor  # each its own identity page
        assert sop.identity.nama == style.identity.nama
        assert sop.header.executors == style.executors
        assert [r.uraian for r in sop.rows] == [s.uraian for s in steps]
        assert_flow_read(sop, steps, places=False)
    written = write_document(list(tables), tmp_path / "hasil")
    _, diagnostics = read_data(written.folder)
    assert [d.format() for d in diagnostics if d.is_error] == []


def test_cramped_lines_and_stray_spaces_read_as_printed(tmp_path):
    """Two lines printed a point apart (a cramped cell) stay two lines, never interleaved
    letter by letter; a space glyph drawn over a letter splits no word."""
    from reportlab.pdfgen import canvas

    from sopgen.impor.pdf_source import read_pages

    path = tmp_path / "rapat.pdf"
    c = canvas.Canvas(str(path))
    c.setFont("Helvetica", 6)
    c.drawString(100, 700, "Statistik Kabupaten/Kota;")
    c.drawString(100, 698.7, "10.Peraturan Kepala Badan")  # 1.3 pt lower, over it
    c.drawString(100, 650, "1.Memiliki kemampuan")
    c.setFont("Helvetica", 5.4)
    c.drawString(105.03, 650, " ")  # a space of another size over the M
    c.save()
    words = read_pages(path)[0].words
    texts = {w.text for w in words}
    assert {"Statistik", "Kabupaten/Kota;", "10.Peraturan", "Kepala", "Badan"} <= texts
    assert "1.Memiliki" in texts
    from sopgen.impor.pdf_text import line_text, lines_of

    lines = [line_text(line) for line in lines_of(words)]
    assert "Statistik Kabupaten/Kota;" in lines
    assert "10.Peraturan Kepala Badan" in lines


def test_a_number_centred_on_its_items_lines_numbers_them():
    """A list printed as a table, a row per item: the number is centred on its item's
    lines, so it may stand alone between them; the lines after the previous item's closing
    ';' belong to the numbered item."""
    from sopgen.impor.pdf_lists import items as _items

    texts = [
        "1. Undang-Undang Nomor 16 Tahun 1997;",
        "2. Peraturan Pemerintah Nomor 51 Tahun 1999;",
        "Peraturan Pemerintah Nomor 28 Tahun 2012 tentang Pelaksanaan",
        "3.",
        "Undang-Undang Nomor 43 Tahun 2009;",
        "4. Peraturan Presiden Nomor 86 Tahun 2007;",
    ]
    assert _items(texts, [None] * len(texts), 500.0) == [
        "Undang-Undang Nomor 16 Tahun 1997;",
        "Peraturan Pemerintah Nomor 51 Tahun 1999;",
        "Peraturan Pemerintah Nomor 28 Tahun 2012 tentang Pelaksanaan Undang-Undang Nomor 43 "
        "Tahun 2009;",
        "Peraturan Presiden Nomor 86 Tahun 2007;",
    ]


def test_list_headings_cut_short_or_in_other_words(tmp_path):
    """Headings as offices print them, cut off when the cell is too narrow ('PERALATAN/',
    'PENCATATAN DAN') or in other words ('KUALIFIKASI PELAKSANAAN'): each list under its
    own heading, none swallowed by the list before it."""
    lists = {
        "DASAR HUKUM": ("Undang-Undang Nomor 1 Tahun 2020",),
        "KUALIFIKASI PELAKSANAAN": ("Memahami tata naskah dinas", "Teliti"),
        "KETERKAITAN": ("SOP Pengarsipan",),
        "PERALATAN/": ("Komputer", "Printer"),
        "PERINGATAN": ("Surat terlambat diproses",),
        "PENCATATAN DAN": ("Buku agenda",),
    }
    style = Style(executors=("Staf", "Kepala"), identity=Identity(lists=lists))
    steps = procedure(random.Random(1), 2, 3, 8, "plain")
    draw(tmp_path / "judul.pdf", steps, style)
    got = read_pdf(tmp_path / "judul.pdf").identity.lists
    assert got == {
        "dasar_hukum": lists["DASAR HUKUM"],
        "kualifikasi_pelaksana": lists["KUALIFIKASI PELAKSANAAN"],
        "keterkaitan": lists["KETERKAITAN"],
        "peralatan": lists["PERALATAN/"],
        "peringatan": lists["PERINGATAN"],
        "pencatatan": lists["PENCATATAN DAN"],
    }


def test_a_mutu_baku_cell_merged_over_two_rows_goes_to_the_first_with_a_note(tmp_path):
    """Word's merged cell: "3 menit" printed once in the middle of the Waktu cell of rows 2
    and 3 (no ruling across that column between them). The reader cannot tell which step it
    belongs to: it goes to the first, with a note asking to check the other, as the workbook
    reader does; nothing moves when the column is ruled."""
    steps = [
        Step("1", "Menerima surat", 0, "terminator", (1,), waktu="5 menit"),
        Step("2", "Mencatat surat", 1, "process", (2,), waktu="3 menit"),
        Step("3", "Menginput agenda", 1, "process", (3,)),
        Step("4", "Mengarsipkan surat", 2, "terminator", (), waktu="10 menit"),
    ]
    path = tmp_path / "gabung.pdf"
    draw(path, steps, Style(merged=(("Waktu", 1, 2),), identity=None))
    sop = read_pdf(path)
    assert [r.waktu for r in sop.rows] == ["5 menit", "3 menit", "", "10 menit"]
    (note,) = [u for u in sop.uncertain if u.field == "waktu"]
    assert (note.row, note.message) == (
        1,
        "sel 'waktu' di sumber digabung untuk beberapa langkah (langkah 2-3); teksnya "
        "ditulis di langkah pertama saja: periksa langkah lainnya",
    )
    draw(path, steps, Style(identity=None))
    sop = read_pdf(path)
    assert [r.waktu for r in sop.rows] == ["5 menit", "3 menit", "", "10 menit"]
    assert not [u for u in sop.uncertain if u.field == "waktu"]
