"""The binder from kept flowchart pages (render.pdf.kept): the bytes are those of drawing
every page, whatever was kept, and an unchanged procedure's layout is not read.

The store below keeps entries as the build's cache does: under the procedure and what
decides its layout, so an edited procedure finds no entry."""

from __future__ import annotations

import json
import re
import shutil
import zlib
from pathlib import Path

import pytest

from sopgen.build import load_project
from sopgen.layout import layout_procedure
from sopgen.render.fonts import measure, register_fonts
from sopgen.render.pdf import binder
from sopgen.render.pdf.kept import decode
from tests.conftest import edit

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data" / "sekretariat"


class Store:
    def __init__(self):
        self.entries: dict[tuple[str, str], bytes] = {}
        self.keys: dict[str, str] = {}

    def get(self, procedure: str) -> bytes | None:
        return self.entries.get((procedure, self.keys[procedure]))

    def put(self, procedure: str, body: bytes) -> None:
        self.entries[(procedure, self.keys[procedure])] = body

    def entry(self, procedure: str) -> bytes:
        return self.entries[(procedure, self.keys[procedure])]


@pytest.fixture
def data(tmp_path) -> Path:
    folder = tmp_path / "sekretariat"
    shutil.copytree(DATA, folder)
    for name in ("lppd", "spm"):  # four procedures are enough
        (folder / f"{name}.yaml").unlink()
    edit(folder / "dokumen.yaml", ", lppd, spm]", "]")
    edit(folder / "dokumen.yaml", "    prosedur: lppd\n", "")
    edit(folder / "dokumen.yaml", "    prosedur: spm\n", "")
    # notes under a table: kept with its page's operators
    with (folder / "renja.yaml").open("a", encoding="utf-8") as f:
        f.write('catatan: "*) Rangkap dua; salinan untuk arsip"\n')
    return folder


_LAID_OUT: dict = {}


def _binder(folder: Path, store: Store | None = None) -> tuple[bytes, list[str]]:
    """The binder's bytes and the procedures whose layout it read."""
    project = load_project(folder)
    style = binder.make_style(project)
    layouts, keys = [], {}
    register_fonts()
    for proc in project.procedures:  # laid out once per content across the tests
        nomor = project.procedure_nomor(proc)
        key = repr((proc.id, proc.data, nomor, style))
        if key not in _LAID_OUT:
            _LAID_OUT[key] = layout_procedure(proc, nomor, style, measure)
        layouts.append((proc, _LAID_OUT[key]))
        keys[proc.id] = key
    read: list[str] = []

    def source(proc, layout):
        def load():
            read.append(proc.id)
            return layout

        return load

    if store is not None:
        store.keys = keys
    pairs = [(proc, source(proc, layout)) for proc, layout in layouts]
    return binder.render_binder(project, pairs, style, kept=store), read


def _pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type /Page(?![s\w])", pdf))


def test_kept_pages_give_the_bytes_of_drawing_without_reading_a_layout(data):
    drawn, read = _binder(data)
    assert read == ["lakip", "renstra", "renja", "rka"]
    store = Store()
    assert _binder(data, store) == (drawn, read)  # drawn, and kept
    assert len(store.entries) == 4
    assert _binder(data, store) == (drawn, [])  # every flowchart page from the store


def test_a_kept_page_s_stream_is_not_compressed_again(data, monkeypatch):
    """Each kept page keeps its whole stream as written, compressed (kept_streams): the
    next binder compresses no flowchart page again, and writes the same bytes."""
    from reportlab.pdfbase import pdfdoc

    compressed: list[bytes] = []
    compress = zlib.compress

    def counting(data, *args):
        compressed.append(bytes(data))
        return compress(data, *args)

    monkeypatch.setattr(pdfdoc.zlib, "compress", counting)
    store = Store()
    drawn, _ = _binder(data, store)
    ops = [p.ops.encode() for body in store.entries.values() for p in decode(body)]
    assert all(p.stream is not None for body in store.entries.values() for p in decode(body))
    assert ops and sum(any(o in c for c in compressed) for o in ops) == len(ops)
    compressed.clear()
    assert _binder(data, store) == (drawn, [])
    assert compressed and not any(o in c for o in ops for c in compressed)


def test_a_character_first_printed_earlier_after_an_edit(data):
    """'é' is first printed by rka, so its code is given there; an edit of lakip prints
    '–' and 'é' first: rka's kept page would print the old code. It is drawn again (and
    kept anew); every other procedure's pages are reused."""
    edit(data / "rka.yaml", "- uraian: ", "- uraian: Rapat café ")
    store = Store()
    _binder(data, store)
    edit(data / "lakip.yaml", "- uraian: ", "- uraian: Tahap – ekspos é ")
    expected, _ = _binder(data)
    assert _binder(data, store) == (expected, ["lakip", "rka"])
    assert _binder(data, store) == (expected, [])


def test_an_edit_that_adds_pages_moves_every_later_page_number(data):
    store = Store()
    before, _ = _binder(data, store)
    steps = "".join(
        f"  - uraian: Memeriksa kelengkapan berkas tahap {i}\n"
        "    pelaksana: Sekretaris Dinas\n    waktu: 1 hari\n"
        for i in range(12)
    )
    edit(data / "renstra.yaml", "kegiatan:\n", "kegiatan:\n" + steps)
    expected, _ = _binder(data)
    assert _pages(expected) > _pages(before)
    assert _binder(data, store) == (expected, ["renstra"])


def _open(entry: bytes) -> tuple[str, list, bytes]:
    """An entry's format, its pages' fields and its pages' compressed streams."""
    size = int.from_bytes(entry[:4], "big")
    head, fields = json.loads(zlib.decompress(entry[4 : 4 + size]))
    return head, fields, entry[4 + size :]


def _close(head: str, fields: list, streams: bytes) -> bytes:
    part = zlib.compress(json.dumps([head, fields]).encode())
    return len(part).to_bytes(4, "big") + part + streams


def _damage(entry: bytes, how: str) -> bytes:
    if how == "torn":
        return entry[:-7]
    if how == "not an entry":
        return zlib.compress(b'["sopgen-kept-pages 1", [[1, 2]]]')
    pages = list(decode(entry))
    head, fields, streams = _open(entry)
    page = fields[0]
    page[8] = "0 0 m 900 900 l S"  # operators that draw something else...
    if how == "another state":  # ...kept where the canvas began in another state
        page[5] = page[5].replace("0.0", "0.5", 1)
    elif how == "other codes":  # ...or where a character had another code
        face, text, codes = page[7][0]
        page[7][0] = [face, text, [c + 1 for c in codes]]
    elif how == "a character new to the document":  # given, then taken back
        face, text, codes = page[7][0]
        page[7][0] = [face, text + "ß", [*codes, 5]]
    elif how == "other font names":
        page[6] = [[face, name + "9"] for face, name in page[6]]
    assert len(pages) == len(fields)
    return _close(head, fields, streams)


def test_an_entry_that_does_not_fit_is_drawn(data):
    store = Store()
    expected, _ = _binder(data, store)
    kept = store.entry("renja")
    damages = ["torn", "not an entry", "another state", "other codes", "other font names"]
    for how in [*damages, "a character new to the document"]:
        store.put("renja", _damage(kept, how))
        assert _binder(data, store) == (expected, ["renja"]), how
        assert decode(store.entry("renja")) is not None, how  # kept anew, as drawn


def test_an_entry_whose_codes_are_not_codes_is_not_read(data):
    store = Store()
    _binder(data, store)
    head, fields, streams = _open(store.entry("renja"))
    assert decode(_close(head, fields, streams)) is not None
    face, text, codes = fields[0][7][0]
    for bad in (["1", *codes[1:]], [-2, *codes[1:]], [True, *codes[1:]], codes[1:]):
        fields[0][7][0] = [face, text, bad]
        assert decode(_close(head, fields, streams)) is None, bad
