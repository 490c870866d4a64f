"""Parses kept between runs (``load.parsed``): a text read back from its entry gives the
same data, positions and messages as parsing it; what cannot be kept is parsed again;
an entry that is damaged or was made for another text is ignored."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest

from sopgen.build import read_data
from sopgen.load import parsed, yamlsource

ROOT = Path(__file__).resolve().parents[2]


class Store:
    def __init__(self):
        self.entries: dict[str, bytes] = {}
        self.asked: list[str] = []

    def get(self, digest: str) -> bytes | None:
        self.asked.append(digest)
        return self.entries.get(digest)

    def put(self, digest: str, body: bytes) -> None:
        self.entries[digest] = body


def _texts() -> list[Path]:
    return sorted((ROOT / "data").rglob("*.yaml")) + sorted(
        (ROOT / "tests/fixtures/real").rglob("*.yaml")
    )


def _parse(text: str, store=None) -> tuple:
    data, source, found = yamlsource.parse_yaml("f.yaml", text, store)
    return repr(data), source.values, source.keys, found


@pytest.mark.parametrize("path", _texts(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_a_kept_parse_gives_what_the_parser_gives(path, monkeypatch):
    text = path.read_text(encoding="utf-8")
    store = Store()
    first = _parse(text, store)
    assert first == _parse(text)
    assert len(store.entries) == 1
    parses = []
    real = yamlsource._parse
    monkeypatch.setattr(yamlsource, "_parse", lambda *a: parses.append(a) or real(*a))
    assert _parse(text, store) == first
    assert parses == []  # read from the entry


def test_dates_numbers_and_number_keys_come_back_as_they_were():
    text = (
        "tanggal: 2024-03-05\n"
        "waktu: 2024-03-05 10:20:30+07:00\n"
        "angka: [1, 2.5, -0.0, .inf, true, null, '7']\n"
        "nomor:\n  1: satu\n  dua: 2\n"
    )
    store = Store()
    first = _parse(text, store)
    again = _parse(text, store)
    assert again == first
    data, _, _ = yamlsource.parse_yaml("f.yaml", text, store)
    assert data["tanggal"] == datetime.date(2024, 3, 5)
    assert data["waktu"].utcoffset() == datetime.timedelta(hours=7)
    assert list(data["nomor"]) == [1, "dua"]


@pytest.mark.parametrize(
    "text",
    [
        "a: b\na: c\n",  # a message: every message comes from the parser
        "a: !!binary aGFsbw==\n",  # bytes: not kept
        'a:\n  "\\0": b\n',  # the codec's own tag as a key
    ],
)
def test_what_cannot_be_kept_is_parsed_again(text):
    store = Store()
    first = _parse(text, store)
    assert store.entries == {}
    assert _parse(text, store) == first


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"{",
        b'{"text": "x", "data": {}, "values": [], "keys": []}',  # made for another text
        b'{"data": 1}',
        b'{"text": "@", "data": {"\\u0000": "keys", "v": [[[1], 2]]}, "values": [], "keys": []}',
        b'{"text": "@", "data": {}, "values": [[1]], "keys": []}',
        b'{"text": "@", "data": {"\\u0000": "date", "v": "2024-13-40"}, "values": [], "keys": []}',
    ],
)
def test_an_entry_that_does_not_decode_for_this_text_is_ignored(body):
    text = "judul: Surat\nkegiatan: [a, b]\n"
    digest = parsed.text_digest(text)
    store = Store()
    store.entries[digest] = body.replace(b"@", digest.encode())
    assert _parse(text, store) == _parse(text)


def test_a_data_folder_loads_the_same_from_kept_parses(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    store = Store()
    plain = read_data(data)
    assert repr(read_data(data, store)) == repr(plain)
    assert len(store.entries) == len(list(data.rglob("*.yaml")))
    edited = data / "sekretariat" / "lakip.yaml"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n# catatan\n", encoding="utf-8")
    store.asked.clear()
    projects, diagnostics = read_data(data, store)
    assert repr((projects, diagnostics)) == repr(read_data(data))
    # the edited file missed and was parsed, then kept: one new entry
    assert len(store.entries) == len(list(data.rglob("*.yaml"))) + 1
