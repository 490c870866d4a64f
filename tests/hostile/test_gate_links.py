"""The path gate's short way (names below the root checked one by one, without resolving
the whole path) refuses what the full resolution refuses: a symbolic link planted in the
build's cache leading out, and a '..' after a name that does not exist yet, which the
short way cannot follow but a folder made later would."""

from __future__ import annotations

from pathlib import Path

import pytest

from sopgen import files
from sopgen.build.cache import Cache


def test_an_entry_behind_a_link_planted_in_the_cache_is_not_read(tmp_path):
    cache = Cache(tmp_path / "out" / ".sopgen-cache")
    cache.put("layout", "a" * 64, b"RAHASIA")
    assert cache.get("layout", "a" * 64) == b"RAHASIA"
    elsewhere = tmp_path / "elsewhere"
    (cache.folder / "layout").rename(elsewhere)  # a whole, valid entry, outside
    (cache.folder / "layout").symlink_to(elsewhere)
    assert Cache(cache.folder).get("layout", "a" * 64) is None
    (cache.folder / "layout").unlink()
    (cache.folder / "layout").mkdir()
    (cache.folder / "layout" / ("a" * 64)).symlink_to(elsewhere / ("a" * 64))
    assert Cache(cache.folder).get("layout", "a" * 64) is None


def test_a_dotdot_after_a_missing_name_through_a_link_out_is_refused(tmp_path):
    root = tmp_path / "out"
    root.mkdir()
    (tmp_path / "elsewhere").mkdir()
    (root / "jalan").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(files.OutsideError) as caught:
        files.confined(root, root / "belum-ada" / ".." / "jalan" / "x.pdf")
    assert caught.value.outside
    with pytest.raises(files.OutsideError):
        files.write_new(root / "belum-ada" / ".." / "jalan" / "x.pdf", b"x", root)
    assert list((tmp_path / "elsewhere").iterdir()) == []


def test_names_below_the_root_are_accepted_links_inside_too(tmp_path):
    root = tmp_path / "d"
    (root / "a").mkdir(parents=True)
    (root / "a" / "x.yaml").write_text("x", encoding="utf-8")
    (root / "b").symlink_to("a")
    for name in ("a/x.yaml", "b/x.yaml", "a/./x.yaml", "a/../b/x.yaml", "baru/y.yaml"):
        assert files.confined(root, root / name) == root / name
    assert files.confined(Path("."), Path("x.yaml")) == Path("x.yaml")
