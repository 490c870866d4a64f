"""The output folders after an edit: an unchanged procedure's PDF and handbook page are
the last build's files (hard-linked into the staged folder, not read and written again);
a file changed since it was written is written again; a failed build leaves the previous
output as it was, links and all."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from sopgen.build import build, load_data
from sopgen.build.run import Options
from tests.build.test_build import files
from tests.conftest import ROOT, edit

FORMS = ROOT / "tests" / "fixtures" / "forms"
KEPT = ("pdf/pengadaan.pdf", "html/prosedur/pengadaan.html", "html/pelaksana/ppk.html")
REDONE = ("pdf/layanan.pdf", "html/prosedur/layanan.html", "html/pelaksana/petugas.html")


@pytest.fixture
def forms(tmp_path) -> Path:
    try:
        os.link(FORMS / "dokumen.yaml", tmp_path / "probe")
    except OSError:
        pytest.skip("this file system makes no hard links (the build copies there)")
    shutil.copytree(FORMS, tmp_path / "data" / "forms")
    return tmp_path / "data"


def run(data: Path, out: Path, **options):
    return build(load_data(data), out, Options(jobs=1, **options))


def inodes(out: Path) -> dict[str, int]:
    return {name: (out / name).stat().st_ino for name in KEPT + REDONE}


def test_an_edit_writes_only_what_changed_and_a_failed_build_leaves_the_output(
    forms, tmp_path, monkeypatch
):
    import sopgen.render.html.context as context
    import sopgen.render.html.site as site

    out = tmp_path / "out"
    run(forms, out)
    built = files(out)
    with open(out / KEPT[0], "r+b") as stream:  # changed in place since (same file)
        stream.seek(10)
        stream.write(b"XXXX")
    expected, before = files(out), inodes(out)
    edit(forms / "forms" / "layanan.yaml", "Menerima berkas permohonan", "Menerima berkas baru")

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    made: list[str] = []  # the procedures' views made (not read from the cache)
    real = context._procedure_view
    monkeypatch.setattr(context, "_procedure_view", lambda *a: made.append(a[1].id) or real(*a))
    monkeypatch.setattr(site, "search_index_js", broken)  # once every page is placed
    with pytest.raises(RuntimeError):
        run(forms, out)
    assert made == ["layanan"]
    assert files(out) == expected and inodes(out) == before  # the files as they were
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == [".sopgen-cache"]
    monkeypatch.undo()

    run(forms, out)
    after = inodes(out)
    # the unchanged procedure's page and its executor's are the same files; the edited
    # procedure's files, its executor's page and the file changed by hand are new
    assert [name for name in KEPT + REDONE if after[name] == before[name]] == list(KEPT[1:])
    assert files(out)[KEPT[0]] == built[KEPT[0]]


def test_a_cache_entry_changed_within_its_clock_tick_is_not_trusted_by_its_stamp(tmp_path):
    """A stamp taken right after the entry was written (same clock tick) proves nothing:
    an entry changed in place to the same size and time is hashed, and refused."""
    from sopgen.build.cache import Cache

    cache = Cache(tmp_path / "cache")
    cache.put("layout", "k", b"the layout")
    path = cache.path("layout", "k")
    written = os.stat(path).st_mtime_ns
    assert cache.get("layout", "k") == b"the layout"
    data = path.read_bytes()
    path.write_bytes(data.replace(b"the layout", b"THE LAYOUT"))
    os.utime(path, ns=(written, written))  # the same stamp as when it was checked
    assert cache.get("layout", "k") is None
    assert not cache.whole("layout", "k")


def test_a_kept_view_reads_back_as_it_was_made(tmp_path):
    from sopgen.render.fonts import measure
    from sopgen.render.html import kept
    from sopgen.render.html.context import html_context

    shutil.copytree(FORMS, tmp_path / "forms")  # pengadaan is its own SOP document
    for folder in (tmp_path, ROOT / "data"):
        site = html_context(load_data(folder), {}, measure, with_pdf=True, figures=False)
        for view in site.procedures:
            assert repr(kept.loads(kept.dumps(view))) == repr(view)  # Markup stays Markup


def test_a_kept_view_carries_its_entry_key_not_in_the_entry(tmp_path):
    """A procedure page's key reads the view's entry key instead of hashing the view: the
    key is the one the entry is stored under, and is not written into the entry."""
    from sopgen.build.cache import Cache
    from sopgen.render.fonts import measure
    from sopgen.render.html import kept
    from sopgen.render.html.context import html_context

    class Store:
        def __init__(self):
            self.cache = Cache(tmp_path / "cache")

        def get(self, key):
            return self.cache.get("page", key)

        def put(self, key, body):
            self.cache.put("page", key, body)

        def source(self, document, procedure):
            return procedure

    store = Store()
    for _ in range(2):  # made, then read back
        site = html_context(load_data(FORMS), {}, measure, figures=False, views=store)
        keys = [view.key for view in site.procedures]
        assert len(set(keys)) == len(keys) == len(site.procedures)
        for view, key in zip(site.procedures, keys, strict=True):
            entry = store.get(key)
            assert key.encode() not in entry and kept.loads(entry) == kept.whole(view)


def test_a_kept_view_read_back_summarises_what_its_whole_view_says(tmp_path):
    """The pages around the procedures read a kept view's summary (``SummaryView``):
    every field it gives is the whole view's, the whole view is the one made, and an
    entry whose rest is foreign is made again when the whole view is asked for."""
    from sopgen.render.fonts import measure
    from sopgen.render.html import kept
    from sopgen.render.html.context import html_context

    shutil.copytree(FORMS, tmp_path / "forms")  # pengadaan is its own SOP document
    made = html_context(load_data(tmp_path), {}, measure, with_pdf=True, figures=False)
    entries = {view.id: kept.dumps(view) for view in made.procedures}

    read = [
        kept.SummaryView(json.loads(entries[v.id])["ProcedureView"], "k", lambda v=v: v)
        for v in made.procedures
    ]
    summarised = ("id", "judul", "nomor", "url", "document", "executors", "total_text")
    for summary, view in zip(read, made.procedures, strict=True):
        assert isinstance(summary, kept.SummaryView)
        for name in (*summarised, "per_unit_text", "minutes_per_day", "reconstructed"):
            assert getattr(summary, name) == getattr(view, name)
        assert [(s.number, s.anchor, s.uraian_text, s.waktu, s.minutes) for s in summary.steps] == [
            (s.number, s.anchor, s.uraian_text, s.waktu, s.minutes) for s in view.steps
        ]
        assert summary.shares == view.shares  # any other field: the whole view's
        assert repr(kept.whole(summary)) == repr(view)
        assert kept.whole(kept.mark_shared(summary)).reconstructed_shared
    plain = json.loads(entries[made.procedures[0].id])["ProcedureView"]
    plain[-1] = {"Foreign": []}  # decodes as JSON, not as the views' classes
    again = kept.SummaryView(plain, "k", lambda: made.procedures[1])
    assert kept.whole(again) == made.procedures[1]


def test_the_stamps_record_drops_removed_entries_and_is_written_only_when_it_changed(
    tmp_path, monkeypatch
):
    """An entry's stamp is kept while its file is there; the record of a run that found
    every stamp holding and removed nothing is not written again."""
    from sopgen.build import known
    from sopgen.build.cache import Cache

    folder = tmp_path / "cache"
    cache = Cache(folder)
    for key in ("a", "b"):
        cache.put("layout", key, key.encode())
        os.utime(cache.path("layout", key), ns=(10**18, 10**18))  # settled long ago

    def run(*keys):
        monkeypatch.setattr(known.Stamps, "_open", {})  # a new process
        cache = Cache(folder)
        assert [cache.get("layout", key) for key in keys] == [key.encode() for key in keys]
        cache.save_stamps()
        return known.read_record(folder / known.Stamps.FILE).get("entri", {})

    assert sorted(run("a", "b")) == ["layout/a", "layout/b"]
    os.unlink(cache.path("layout", "b"))
    assert sorted(run("a")) == ["layout/a"]  # b is gone: not recorded
    written: list = []
    monkeypatch.setattr(known, "write_record", lambda *args: written.append(args))
    run("a")
    assert written == []  # a still holds: nothing to write
    os.utime(cache.path("layout", "a"), ns=(15 * 10**17, 15 * 10**17))  # a changed
    monkeypatch.setattr(known.Stamps, "_open", {})
    assert Cache(folder).get("layout", "a") == b"a"  # hashed again, and stamped
    known.Stamps.for_folder(folder).save()
    assert len(written) == 1
