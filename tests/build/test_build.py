"""The build orchestrator: the same bytes whatever the cache and the number of processes,
an edit redoes exactly the procedure it touches, a damaged cache is rebuilt, an error in
one procedure is located even when a worker process found it."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from sopgen.build import build, load_data
from sopgen.build.cache import FOLDER
from sopgen.build.run import Options
from sopgen.errors import InputError
from tests.conftest import ROOT, edit

FORMS = ROOT / "tests" / "fixtures" / "forms"  # two procedures: a pool of two has work


def files(out: Path) -> dict[str, bytes]:
    """Every output file but the cache, by path relative to ``out``."""
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and FOLDER not in p.parts
    }


@pytest.fixture
def forms(tmp_path) -> Path:
    shutil.copytree(FORMS, tmp_path / "data" / "forms")
    return tmp_path / "data"


def run(data: Path, out: Path, **options):
    return build(load_data(data), out, Options(**options))


def test_same_bytes_for_one_or_two_processes_and_with_or_without_the_cache(forms, tmp_path):
    plain = run(forms, tmp_path / "plain", jobs=1, cache=False)
    assert plain.laid_out == ["forms/layanan", "forms/pengadaan"]
    cold = run(forms, tmp_path / "cached", jobs=2)
    warm = run(forms, tmp_path / "cached", jobs=2)
    assert cold.laid_out == plain.laid_out and warm.laid_out == [] and warm.rendered == []
    expected = files(tmp_path / "plain")
    assert {"pdf/forms.pdf", "pdf/layanan.pdf", "html/index.html", "html/pdf/forms.pdf"} <= set(
        expected
    )
    assert files(tmp_path / "cached") == expected
    assert not (tmp_path / "plain" / FOLDER).exists()  # --tanpa-cache writes no cache


def test_an_edit_redoes_exactly_the_procedure_it_touches(forms, tmp_path):
    out = tmp_path / "out"
    run(forms, out, jobs=1)
    edit(forms / "forms" / "layanan.yaml", "Menerima berkas permohonan", "Menerima berkas baru")
    report = run(forms, out, jobs=1)
    assert report.laid_out == ["forms/layanan"]
    assert report.rendered == ["forms/layanan"]
    run(forms, tmp_path / "fresh", jobs=1, cache=False)
    assert files(out) == files(tmp_path / "fresh")


LAYANAN = "html/prosedur/layanan.html"
EDITS = {  # file, old text, new text, (a page that must show it, what it shows)
    # a neighbour's title: the sidebar and the previous/next link of the other page
    "neighbour title": (
        "pengadaan.yaml",
        "judul: SOP PENGADAAN BARANG",
        "judul: SOP BELANJA",
        (LAYANAN, "SOP BELANJA"),
    ),
    "renamed document": (
        "dokumen.yaml",
        "nama: BIDANG CONTOH (SEMUA BENTUK)",
        "nama: BIDANG X",
        (LAYANAN, "BIDANG X"),
    ),
    "column title": (
        "dokumen.yaml",
        "keterangan: Ket",
        "keterangan: Catatan Khusus",
        (LAYANAN, "Catatan Khusus"),
    ),
    "footer": ("dokumen.yaml", "dinas: DINAS CONTOH", "dinas: DINAS LAIN", (LAYANAN, "DINAS LAIN")),
    "executor": (
        "pengadaan.yaml",
        "Pejabat Pengadaan",
        "Pejabat Lelang",
        ("html/index.html", "Pejabat Lelang"),
    ),
    "step text": (  # the page of the step's executor
        "layanan.yaml",
        "Menerima berkas permohonan",
        "Menerima berkas baru",
        ("html/pelaksana/petugas.html", "Menerima berkas baru"),
    ),
    "step time": (
        "layanan.yaml",
        "waktu: 5 menit",
        "waktu: 7 menit",
        ("html/pelaksana/petugas.html", "7 menit"),
    ),
    "total row": (
        "dokumen.yaml",
        "tampilkan_jumlah_waktu: true",
        "tampilkan_jumlah_waktu: false",
        None,
    ),
    "paper": ("dokumen.yaml", "pengaturan:\n", "pengaturan:\n  kertas: F4\n", None),
}


@pytest.mark.parametrize("case", sorted(EDITS))
def test_no_handbook_page_survives_an_edit_to_what_it_shows(forms, tmp_path, case):
    out = tmp_path / "out"
    run(forms, out, jobs=1)
    name, old, new, shown = EDITS[case]
    edit(forms / "forms" / name, old, new, 99)
    run(forms, out, jobs=1)
    run(forms, tmp_path / "fresh", jobs=1, cache=False)
    built = files(out)
    assert built == files(tmp_path / "fresh")
    if shown is not None:
        page, text = shown
        assert text in built[page].decode()


def test_an_edit_renders_again_only_the_pages_it_changes(forms, tmp_path, monkeypatch):
    import jinja2

    out = tmp_path / "out"
    run(forms, out, jobs=1)
    rendered: list[str] = []
    real = jinja2.Template.render

    def render(self, *args, **kwargs):
        if self.name in ("pelaksana.html", "prosedur.html"):
            rendered.append(kwargs.get("page").path)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(jinja2.Template, "render", render)
    edit(forms / "forms" / "layanan.yaml", "Menerima berkas permohonan", "Menerima berkas baru")
    run(forms, out, jobs=1)
    # the procedure and the one executor of the step; Kasubag, PPK... come from the cache
    assert sorted(rendered) == ["pelaksana/petugas.html", "prosedur/layanan.html"]


@pytest.mark.skipif(sys.platform != "linux", reason="the build forks only on Linux")
def test_pages_made_on_other_processes_stay_in_the_cache(forms, tmp_path, monkeypatch):
    import jinja2

    from sopgen.build import jobs

    out = tmp_path / "out"
    # the handbook's procedure pages made by forked processes (as on a shell's machine;
    # a test worker runs threads, where the build does not fork)
    monkeypatch.setattr(jobs, "_context", lambda: jobs.multiprocessing.get_context("fork"))
    run(forms, out, jobs=2)
    monkeypatch.undo()
    rendered: list[str] = []
    real = jinja2.Template.render

    def render(self, *args, **kwargs):
        if self.name == "prosedur.html":
            rendered.append(kwargs.get("page").path)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(jinja2.Template, "render", render)
    run(forms, out, jobs=1)
    assert rendered == []  # every page was kept by the build whose processes made it


def test_a_renamed_document_folder_leaves_no_page_of_the_old_name(forms, tmp_path):
    out = tmp_path / "out"
    run(forms, out, jobs=1)
    (forms / "forms").rename(forms / "formulir")
    run(forms, out, jobs=1)
    built = files(out)
    assert "pdf/formulir.pdf" in built and "pdf/forms.pdf" not in built
    assert "dokumen/formulir.html" in built[LAYANAN].decode()  # its breadcrumb
    run(forms, tmp_path / "fresh", jobs=1, cache=False)
    assert built == files(tmp_path / "fresh")


def test_a_changed_template_renders_every_procedure_page_again(forms, tmp_path, monkeypatch):
    from sopgen.render.html import site

    templates = tmp_path / "templates"
    shutil.copytree(site.templates_dir(), templates)
    monkeypatch.setattr(site, "templates_dir", lambda: templates)
    out = tmp_path / "out"
    run(forms, out, jobs=1)
    edit(templates / "prosedur.html", '<h2 id="langkah">', '<h2 id="langkah">Daftar ')
    run(forms, out, jobs=1)
    for name in ("layanan", "pengadaan"):
        page = (out / "html" / "prosedur" / f"{name}.html").read_text(encoding="utf-8")
        assert "Daftar Langkah-langkah" in page


def test_a_damaged_or_foreign_cache_entry_is_ignored_and_rebuilt(forms, tmp_path):
    out = tmp_path / "out"
    run(forms, out, jobs=1, html=False)
    expected = files(out)
    entries = sorted((out / FOLDER / "layout").iterdir())
    assert len(entries) == 2
    entries[0].write_bytes(entries[0].read_bytes()[:-10])  # torn
    pdfs = sorted((out / FOLDER / "pdf").iterdir())
    pdfs[1].write_bytes(b"sopgen-cache 1 " + b"0" * 64 + b"\n%PDF-1.4 foreign")  # bad hash
    report = run(forms, out, jobs=1, html=False)
    assert len(report.laid_out) == 1 and len(report.rendered) == 1
    assert files(out) == expected
    assert run(forms, out, jobs=1, html=False).laid_out == []  # rebuilt entries are good


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_cached_layout_that_does_not_decode_is_laid_out_again(forms, tmp_path, jobs):
    """An unchanged procedure's layout is only read when the binder draws it (and its
    handbook page is cached): an entry whose hash holds but whose body is foreign is
    laid out again there, to the same bytes."""
    import hashlib

    out = tmp_path / "out"
    run(forms, out, jobs=jobs)
    expected = files(out)
    body = b'{"Popen": [["true"]]}'
    for entry in (out / FOLDER / "layout").iterdir():
        entry.write_bytes(
            b"sopgen-cache 1 " + hashlib.sha256(body).hexdigest().encode() + b"\n" + body
        )
    run(forms, out, jobs=jobs)
    assert files(out) == expected


def test_an_error_found_by_a_worker_process_is_located(forms, tmp_path):
    long_text = " ".join(["Menerima berkas permohonan dari pemohon layanan"] * 150)
    edit(forms / "forms" / "pengadaan.yaml", "uraian: ", f"uraian: {long_text} ", count=1)
    with pytest.raises(InputError) as caught:
        run(forms, tmp_path / "out", jobs=2)
    (problem,) = caught.value.diagnostics
    assert problem.file.endswith("pengadaan.yaml") and problem.line > 1
    assert "terlalu panjang untuk satu halaman" in problem.message
    assert not (tmp_path / "out").exists()  # a failed first build leaves nothing


def test_a_cache_entry_makes_only_layout_objects():
    from sopgen.build import codec

    for foreign in (
        b'{"@": "Popen", "args": ["true"]}',
        b'{"Popen": [["true"]]}',
        b'{"Box": [1, 2, 3, 4], "Popen": []}',
        b'{"Box": {"x": 1}}',
        b'{"Box": [1, 2, 3, 4]}',  # not a layout
    ):
        with pytest.raises(ValueError):
            codec.loads(foreign)
    with pytest.raises(TypeError):  # caught as ValueError is (jobs.decode)
        codec.loads(b'{"Box": [1, 2, 3, 4, 5, 6]}')


def test_a_cache_entry_gives_back_every_value_as_it_was():
    """Decoded values are shared between layouts, by their literal: -0.0 stays -0.0,
    1.0 stays a float, 1 an int."""
    from sopgen.build import codec
    from sopgen.layout.geometry import Box, Page, ProcedureLayout

    def layout(x: float, index: int) -> ProcedureLayout:
        box = Box(x, 1.0, -0.0, 1)
        return ProcedureLayout("p", (Page(0.0, 1, index, (1,), (), (), (), (), (), box),))

    for made in (layout(1.0, 1), layout(1, 1), layout(-0.0, 0), layout(0.0, 0)):
        again = codec.loads(codec.dumps(made))
        box = again.pages[0].table
        assert repr(again) == repr(made) and codec.dumps(again) == codec.dumps(made)
        assert [type(v) for v in (box.x, box.y, box.w, box.h)] == [
            type(made.pages[0].table.x),
            float,
            float,
            int,
        ]


def test_a_save_in_the_preview_redoes_only_the_procedure_it_changed(forms, tmp_path):
    from sopgen.edit.serve import PreviewServer

    preview = PreviewServer(forms, tmp_path / "out")
    cache = tmp_path / "out" / FOLDER

    def entries() -> set[str]:
        return {p.relative_to(cache).as_posix() for p in cache.rglob("*") if p.is_file()}

    assert preview.build()
    before = entries()
    edit(forms / "forms" / "layanan.yaml", "Menerima berkas permohonan", "Menerima berkas baru")
    assert preview.build()
    after = entries()
    changed = {name.split("/")[0] for name in before ^ after}
    # one old and one new entry of each: its layouts (paged, screen), PDF, handbook page,
    # view, share of the search index and the page of the step's executor (all "page"),
    # the file's kept parse and diagnostics, and its flowchart pages as the binder drew
    # them ("drawn")
    kinds = {"layout", "screen", "pdf", "page", "yaml", "check", "drawn"}
    assert changed == kinds and len(before ^ after) == 20
    assert (tmp_path / "out" / "html" / "prosedur" / "layanan.html").is_file()


def test_a_new_logo_renders_the_pdfs_again_without_laying_out(tmp_path):
    from PIL import Image

    data = tmp_path / "data"
    shutil.copytree(ROOT / "tests" / "fixtures" / "mini", data / "mini")
    edit(
        data / "mini" / "dokumen.yaml", "  tempat: Contoh\n", "  tempat: Contoh\n  logo: logo.png\n"
    )
    Image.new("RGB", (40, 40), "red").save(data / "mini" / "logo.png")
    run(data, tmp_path / "out", jobs=1, html=False)
    Image.new("RGB", (40, 40), "blue").save(data / "mini" / "logo.png")
    report = run(data, tmp_path / "out", jobs=1, html=False)
    assert report.laid_out == [] and report.rendered == ["mini/layanan"]


def test_spawned_workers_give_the_same_bytes(forms, tmp_path, monkeypatch):
    """Windows and macOS start workers with spawn (state pickled, modules imported anew)."""
    import multiprocessing

    from sopgen.build import jobs

    run(forms, tmp_path / "forked", jobs=2, cache=False)
    monkeypatch.setattr(jobs, "_context", lambda: multiprocessing.get_context("spawn"))
    report = run(forms, tmp_path / "spawned", jobs=2, cache=False)
    assert report.laid_out == ["forms/layanan", "forms/pengadaan"]
    assert files(tmp_path / "spawned") == files(tmp_path / "forked")


def _refuse(task):
    from sopgen.files import OutsideError

    raise OutsideError("berkas 'x' berada di luar folder data", "letakkan di dalamnya")


def _die(task):
    import os

    os._exit(3)


@pytest.mark.parametrize(
    ("work", "said"),
    [(_refuse, "cara memperbaiki: letakkan di dalamnya"), (_die, "berhenti tiba-tiba")],
)
def test_a_worker_failure_is_a_message_and_writes_nothing(forms, tmp_path, monkeypatch, work, said):
    from sopgen.build import jobs
    from sopgen.errors import SopgenError

    monkeypatch.setattr(jobs, "_run", work)  # the forked workers inherit it
    monkeypatch.setattr(jobs, "_context", lambda: __import__("multiprocessing").get_context("fork"))
    with pytest.raises(SopgenError) as caught:
        run(forms, tmp_path / "out", jobs=2, cache=False)
    assert said in caught.value.format_message()
    assert not (tmp_path / "out").exists()


def test_an_output_folder_that_cannot_be_written_is_a_message(forms, tmp_path):
    from sopgen.errors import RenderError

    (tmp_path / "berkas").write_text("bukan folder")
    with pytest.raises(RenderError, match="tidak dapat menulis ke .*berkas"):
        run(forms, tmp_path / "berkas" / "out", jobs=1)


@pytest.mark.parametrize("where", ["procedure", "binder"])
def test_a_front_page_reportlab_cannot_place_is_a_message(forms, tmp_path, monkeypatch, where):
    from reportlab.platypus.doctemplate import LayoutError

    from sopgen.errors import RenderError
    from sopgen.render.pdf import binder

    def refuse(*args, **kwargs):
        raise LayoutError("Splitting error(n==2) on page 2 in <TwoColumnSection>")

    monkeypatch.setattr(binder, f"render_{where}", refuse)
    with pytest.raises(RenderError, match="halaman depan dokumen 'forms'") as caught:
        run(forms, tmp_path / "out", jobs=1, cache=False)
    assert "Splitting" not in caught.value.format_message()
    assert not (tmp_path / "out").exists()


def test_a_kept_binder_page_made_for_another_key_is_drawn(forms, tmp_path):
    """The binder's flowchart pages kept as drawn (render.pdf.kept): an entry whose hash
    holds but that names another key is not reused; the page is drawn and kept anew.
    (Entries that fail their hash or do not decode: tests/render/test_binder_kept.py.)"""
    import dataclasses

    from sopgen.build.cache import Cache
    from sopgen.build.keys import drawn_key, layout_keys
    from sopgen.render.common import make_style
    from sopgen.render.pdf.kept import decode, encode

    out = tmp_path / "out"
    run(forms, out, jobs=1, html=False)
    expected = files(out)
    # layanan's (pengadaan's flowchart starts under its identity block in the binder)
    (project,) = load_data(forms)
    (proc,) = [p for p in project.procedures if p.id == "layanan"]
    entry = (
        out
        / FOLDER
        / "drawn"
        / drawn_key(layout_keys(project, proc, make_style(project), ("layout",))[0])
    )
    good = entry.read_bytes()
    key, _, body = Cache(out / FOLDER).get("drawn", entry.name).partition(b"\n")
    assert key == entry.name.encode()
    other = encode([dataclasses.replace(p, ops="0 0 m 500 500 l S") for p in decode(body)])
    Cache(out / FOLDER).put("drawn", entry.name, b"0" * 64 + b"\n" + other)
    run(forms, out, jobs=2, html=False)
    assert files(out) == expected
    assert entry.read_bytes() == good  # drawn, and kept anew
