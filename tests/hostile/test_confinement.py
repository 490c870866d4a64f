# ruff: noqa: E501  (expected messages are compared whole, as a user reads them)
"""Nothing is read outside the data folder, nothing written outside the output folder.

Each case plants a hostile name (a symlink out, an absolute path, '..', a FIFO, a
symlink loop, a folder where a file belongs, an SVG with a script) beside a bait file
outside the data folder; ``check``, ``pdf`` and ``html`` each end with the exact located
message, no traceback, no output folder, nothing changed outside, and the bait's text
never shows up anywhere."""

from __future__ import annotations

import os
import shutil
import struct
import zlib
from pathlib import Path

import pytest

MINI = Path(__file__).resolve().parent.parent / "fixtures" / "mini"
BAIT = "RAHASIA-JANGAN-DIBACA"
SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">{}</svg>'


def _logo(d: Path, name: str) -> None:
    path = d / "dokumen.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("  tempat: Contoh\n", f"  tempat: Contoh\n  logo: {name}\n"), encoding="utf-8"
    )


def _svg(d: Path, body: str, attributes: str = "") -> None:
    (d / "logo.svg").write_text(
        SVG.format(body).replace("<svg ", f"<svg {attributes} "), encoding="utf-8"
    )
    _logo(d, "logo.svg")


def _png(d: Path, width: int, height: int) -> None:
    """A PNG whose header claims ``width`` x ``height`` pixels over a few bytes of data."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    (d / "logo.png").write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 100))
        + chunk(b"IEND", b"")
    )
    _logo(d, "logo.png")


def _replace(d: Path, name: str, make) -> None:
    (d / name).unlink()
    make(d / name)


LOGO_OUT = "    cara memperbaiki: salin logo ke folder dokumen dan tulis namanya saja, mis. 'logo: logo.png'"
SVG_HINT = "    cara memperbaiki: simpan ulang logo sebagai 'Plain SVG' tanpa skrip, atau pakai PNG"
# (id, how to break the copy of the document folder d/, the message expected)
CASES = [
    (
        "logo going up",
        lambda d: _logo(d, "../secret.png"),
        "d/dokumen.yaml:6:9: kesalahan: berkas logo '../secret.png' berada di luar folder data (d)\n"
        + LOGO_OUT,
    ),
    (
        "logo going up twice",
        lambda d: _logo(d, "../../secret.png"),
        "d/dokumen.yaml:6:9: kesalahan: berkas logo '../../secret.png' berada di luar folder data (d)\n"
        + LOGO_OUT,
    ),
    (
        "absolute logo",
        lambda d: _logo(d, str(d.parent / "secret.png")),
        "kesalahan: berkas logo '{tmp}/secret.png' berada di luar folder data (d)\n" + LOGO_OUT,
    ),
    (
        "logo symlink out",
        lambda d: ((d / "logo.png").symlink_to("../secret.png"), _logo(d, "logo.png")),
        "d/dokumen.yaml:6:9: kesalahan: berkas logo 'logo.png' berada di luar folder data (d)\n"
        + LOGO_OUT,
    ),
    (
        "logo symlink loop",
        lambda d: (
            (d / "logo.png").symlink_to("loop.png"),
            (d / "loop.png").symlink_to("logo.png"),
            _logo(d, "logo.png"),
        ),
        "d/dokumen.yaml:6:9: kesalahan: berkas logo: berkas 'logo.png' tidak dapat dibuka (tautan simbolik yang berputar)\n    cara memperbaiki: ganti tautan simbolik itu dengan berkas biasa",
    ),
    (
        "logo is a FIFO",
        lambda d: (os.mkfifo(d / "logo.png"), _logo(d, "logo.png")),
        "d/dokumen.yaml:6:9: kesalahan: berkas logo: 'logo.png' bukan berkas biasa (pipa, soket atau perangkat)\n    cara memperbaiki: ganti dengan berkas teks atau gambar biasa",
    ),
    (
        "logo is a folder",
        lambda d: ((d / "logo.png").mkdir(), _logo(d, "logo.png")),
        "d/dokumen.yaml:6:9: kesalahan: 'logo.png' adalah folder, bukan berkas gambar\n    cara memperbaiki: tulis nama berkas logonya",
    ),
    (
        "logo with a NUL in its name",
        lambda d: _logo(d, '"logo\\0.png"'),
        "d/dokumen.yaml:6:9: kesalahan: berkas logo: nama berkas memuat karakter NUL (\\0)\n    cara memperbaiki: tulis nama berkas dengan huruf dan angka saja",
    ),
    (
        "SVG logo with a script",
        lambda d: _svg(d, "<script>alert(1)</script>"),
        "d/dokumen.yaml:6:9: kesalahan: SVG logo memuat elemen <script>, yang tidak diterima demi keamanan\n"
        + SVG_HINT,
    ),
    (
        "SVG logo with foreignObject",
        lambda d: _svg(d, "<foreignObject><p>x</p></foreignObject>"),
        "d/dokumen.yaml:6:9: kesalahan: SVG logo memuat elemen <foreignobject>, yang tidak diterima demi keamanan\n"
        + SVG_HINT,
    ),
    (
        "SVG logo with onload",
        lambda d: _svg(d, "", 'onload="alert(1)"'),
        "d/dokumen.yaml:6:9: kesalahan: SVG logo memuat atribut 'onload' (skrip), yang tidak diterima demi keamanan\n"
        + SVG_HINT,
    ),
    (
        "SVG logo with an external image",
        lambda d: _svg(d, '<image xlink:href="https://contoh.invalid/x.png"/>'),
        "d/dokumen.yaml:6:9: kesalahan: SVG logo merujuk ke berkas atau situs lain ('https://contoh.invalid/x.png')\n    cara memperbaiki: sertakan gambarnya di dalam SVG, atau pakai logo PNG",
    ),
    (
        "SVG logo reading a local file",
        lambda d: _svg(d, '<image href="../secret.png"/>'),
        "d/dokumen.yaml:6:9: kesalahan: SVG logo merujuk ke berkas atau situs lain ('../secret.png')\n    cara memperbaiki: sertakan gambarnya di dalam SVG, atau pakai logo PNG",
    ),
    (
        "SVG logo with an imported style",
        lambda d: _svg(d, "<style>@import url(https://contoh.invalid/a.css);</style>"),
        "d/dokumen.yaml:6:9: kesalahan: SVG logo memuat gaya yang merujuk ke berkas atau situs lain\n    cara memperbaiki: hapus @import/url(...) dari gaya SVG, atau pakai logo PNG",
    ),
    (
        "SVG logo with an entity",
        lambda d: (
            (d / "logo.svg").write_text(
                '<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1">&x;</svg>',
                encoding="utf-8",
            ),
            _logo(d, "logo.svg"),
        ),
        "d/dokumen.yaml:6:9: kesalahan: berkas SVG logo memuat DOCTYPE/ENTITY, yang tidak diterima demi keamanan",
    ),
    (
        "logo pixel bomb",
        lambda d: _png(d, 8000, 8000),
        "d/dokumen.yaml:6:9: kesalahan: logo 8000x8000 piksel terlalu besar untuk dibuka (lebih dari 40 juta piksel)\n    cara memperbaiki: perkecil gambar menjadi sekitar 1000 piksel pada sisi terpanjang",
    ),
    (
        "logo decompression bomb",
        lambda d: _png(d, 100000, 100000),
        "d/dokumen.yaml:6:9: kesalahan: logo terlalu besar untuk dibuka (lebih dari 40 juta piksel)\n    cara memperbaiki: perkecil gambar menjadi sekitar 1000 piksel pada sisi terpanjang",
    ),
    (
        "logo truncated PNG",
        lambda d: _png(d, 300, 300),
        "d/dokumen.yaml:6:9: kesalahan: berkas logo tampak PNG tetapi rusak atau terpotong (",
    ),
    (
        "logo that is text",
        lambda d: (
            (d / "logo.png").write_text("bukan gambar", encoding="utf-8"),
            _logo(d, "logo.png"),
        ),
        "d/dokumen.yaml:6:9: kesalahan: berkas logo bukan gambar PNG, JPEG atau SVG",
    ),
    (
        "procedure file symlink out",
        lambda d: _replace(d, "layanan.yaml", lambda p: p.symlink_to("../bait.yaml")),
        "d/layanan.yaml:1:1: kesalahan: 'layanan.yaml' adalah tautan simbolik ke luar folder d\n    cara memperbaiki: salin berkasnya ke dalam folder itu, jangan ditautkan",
    ),
    (
        "procedure file dangling symlink out",
        lambda d: _replace(d, "layanan.yaml", lambda p: p.symlink_to("/nonexistent/x.yaml")),
        "d/layanan.yaml:1:1: kesalahan: 'layanan.yaml' adalah tautan simbolik ke luar folder d\n    cara memperbaiki: salin berkasnya ke dalam folder itu, jangan ditautkan",
    ),
    (
        "procedure file symlink loop",
        lambda d: _replace(d, "layanan.yaml", lambda p: p.symlink_to("layanan.yaml")),
        "d/layanan.yaml:1:1: kesalahan: berkas 'layanan.yaml' tidak dapat dibuka (tautan simbolik yang berputar)\n    cara memperbaiki: ganti tautan simbolik itu dengan berkas biasa",
    ),
    (
        "procedure file is a FIFO",
        lambda d: _replace(d, "layanan.yaml", os.mkfifo),
        "d/layanan.yaml:1:1: kesalahan: 'layanan.yaml' bukan berkas biasa (pipa, soket atau perangkat)\n    cara memperbaiki: ganti dengan berkas teks atau gambar biasa",
    ),
    (
        "procedure file is a folder",
        lambda d: _replace(d, "layanan.yaml", Path.mkdir),
        "d/layanan.yaml:1:1: kesalahan: 'layanan.yaml' adalah folder, bukan berkas\n    cara memperbaiki: ganti folder itu dengan berkasnya",
    ),
    (
        "document file symlink out",
        lambda d: _replace(d, "dokumen.yaml", lambda p: p.symlink_to("../bait.yaml")),
        "d/dokumen.yaml:1:1: kesalahan: 'dokumen.yaml' adalah tautan simbolik ke luar folder d\n    cara memperbaiki: salin berkasnya ke dalam folder itu, jangan ditautkan",
    ),
    (
        "document file is a folder",
        lambda d: _replace(d, "dokumen.yaml", Path.mkdir),
        "d/dokumen.yaml:1:1: kesalahan: 'dokumen.yaml' adalah folder, bukan berkas\n    cara memperbaiki: ganti folder itu dengan berkasnya",
    ),
    (
        "document file is a FIFO",
        lambda d: _replace(d, "dokumen.yaml", os.mkfifo),
        "d/dokumen.yaml:1:1: kesalahan: 'dokumen.yaml' bukan berkas biasa (pipa, soket atau perangkat)\n    cara memperbaiki: ganti dengan berkas teks atau gambar biasa",
    ),
]


def _outside(root: Path) -> list[tuple[str, int, bytes]]:
    """Everything under ``root`` but the build cache (FIFOs and links by name only)."""
    found = []
    for path in sorted(root.rglob("*")):
        if ".sopgen-cache" in path.parts:  # the build's cache, inside the output folder
            continue
        if path.is_file() and not path.is_symlink():
            found.append((str(path.relative_to(root)), path.stat().st_mtime_ns, path.read_bytes()))
        else:
            found.append((str(path.relative_to(root)), 0, b""))
    return found


@pytest.fixture
def place(tmp_path, monkeypatch):
    shutil.copytree(MINI, tmp_path / "d")
    (tmp_path / "secret.png").write_bytes(b"\x89PNG\r\n\x1a\n" + BAIT.encode())
    (tmp_path / "bait.yaml").write_text(f"judul: {BAIT}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="symlinks and FIFOs as on POSIX")
@pytest.mark.parametrize(("make", "expected"), [pytest.param(*c[1:], id=c[0]) for c in CASES])
def test_nothing_is_read_or_written_outside(place, cli, make, expected):
    make(place / "d")
    expected = expected.replace("{tmp}", str(place))
    before = _outside(place)
    for command in (("check", "d"), ("pdf", "d", "out"), ("html", "d", "out")):
        result = cli(*command)
        assert result.exit_code == 1, (command, result.output)
        assert "Traceback" not in result.output
        assert expected in result.output, result.output
        assert BAIT not in result.output
        assert not (place / "out").exists()
    assert _outside(place) == before


@pytest.mark.parametrize("command", ["pdf", "html"])
def test_an_output_subfolder_linked_outside_is_refused(place, cli, command):
    elsewhere = place / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.pdf").write_bytes(b"keep")
    (place / "out").mkdir()
    (place / "out" / command).symlink_to(elsewhere)
    before = _outside(place)
    result = cli(command, "d", "out", "-q")
    assert result.exit_code == 1
    assert result.output == (
        f"kesalahan: '{command}' adalah tautan simbolik ke luar folder out\n"
        "    cara memperbaiki: salin berkasnya ke dalam folder itu, jangan ditautkan\n"
    )
    assert _outside(place) == before


def test_a_good_logo_linked_inside_the_data_folder_is_published(place, cli):
    """The gate follows a symlink that stays inside: the same logo for several documents."""
    (place / "d" / "gambar").mkdir()
    (place / "d" / "gambar" / "logo.svg").write_text(
        SVG.format('<rect width="10" height="10"/>'), encoding="utf-8"
    )
    (place / "d" / "logo.svg").symlink_to("gambar/logo.svg")
    _logo(place / "d", "logo.svg")
    result = cli("html", "d", "out", "-q")
    assert result.exit_code == 0, result.output
    published = place / "out" / "html" / "assets" / "logo-d.svg"
    assert published.read_bytes() == (place / "d" / "gambar" / "logo.svg").read_bytes()


def test_a_folder_name_cannot_drive_the_terminal(tmp_path, monkeypatch, cli):
    """Control characters and direction overrides in a name are shown as '?'."""
    name = "a\x1b[2J\u202eb"
    shutil.copytree(MINI, tmp_path / "data" / name)
    (tmp_path / "data" / name / "layanan.yaml").write_text("judul: [\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = cli("check", "data")
    assert result.exit_code == 1
    assert "data/a?[2J?b/layanan.yaml:2:1: kesalahan: " in result.output
    assert "\x1b" not in result.output and "\u202e" not in result.output


@pytest.mark.parametrize("command", ["pdf", "html", "build"])
def test_an_output_that_would_replace_the_data_is_refused(tmp_path, monkeypatch, cli, command):
    """`sopgen pdf pdf .`: the data folder is the output's pdf/; swapping it in would
    delete the data. Any folder holding YAML is data: never replaced."""
    name = "html" if command == "html" else "pdf"
    shutil.copytree(MINI, tmp_path / name / "d")
    monkeypatch.chdir(tmp_path)
    before = _outside(tmp_path)
    result = cli(command, name, ".", "-q")
    assert result.exit_code == 1
    assert (
        f"kesalahan: folder '{name}' berisi berkas data 'd/dokumen.yaml'; keluaran tidak akan "
        "menimpanya\n"
        "    cara memperbaiki: pilih folder keluaran lain (mis. 'output') yang tidak memuat "
        "data SOP\n"
    ) in result.output
    assert _outside(tmp_path) == before
