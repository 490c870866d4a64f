"""The agency logo (``instansi.logo``): a PNG, JPEG or SVG file inside the data folder.

``inspect_logo`` reads the file once and says what it is (kind, size in pixels or SVG
units) or why it cannot be printed; ``check_logo`` turns that into located diagnostics for
``sopgen check``, so that ``sopgen pdf`` never meets a broken logo. The PDF renderer and
the handbook use the same file: same picture, same proportions.
"""

from __future__ import annotations

import io
import os
import re
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree as ET

from sopgen import files
from sopgen.errors import LINT, Diagnostic, did_you_mean
from sopgen.load.paths import source_of
from sopgen.model import Project

MAX_BYTES = 5 * 1024 * 1024  # larger: refused (the binder would carry it on every page)
SMALL_PX = 150  # longest side below this prints blurred at the logo's 2.4 cm
LARGE_PX = 6000
MAX_PIXELS = 40_000_000  # decoded at 4 bytes a pixel: 160 MB; a pixel bomb is refused unread
SUFFIXES = (".png", ".jpg", ".jpeg", ".svg")
_DTD = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)
_LENGTH = re.compile(r"^\s*([0-9]*\.?[0-9]+)\s*(px|pt|mm|cm|in)?\s*$")
_UNIT = {None: 1.0, "px": 1.0, "pt": 4 / 3, "mm": 96 / 25.4, "cm": 96 / 2.54, "in": 96.0}


class LogoProblem(Exception):
    """Why a logo cannot be printed: ``message`` and ``hint`` in Indonesian."""

    def __init__(self, message: str, hint: str):
        super().__init__(message)
        self.message, self.hint = message, hint


@dataclass(frozen=True)
class LogoInfo:
    path: Path
    kind: str  # "png" | "jpeg" | "svg"
    width: float  # pixels (SVG: user units)
    height: float
    data: bytes


def logo_path(project: Project) -> Path | None:
    """Where ``instansi.logo`` points (relative to the document folder), or None."""
    logo = project.dokumen.instansi.logo
    if not logo:
        return None
    folder = Path(project.path)
    folder = folder if folder.is_dir() or not folder.suffix else folder.parent
    return folder / logo


def _svg_size(data: bytes) -> tuple[float, float]:
    if _DTD.search(data):
        raise LogoProblem(
            "berkas SVG logo memuat DOCTYPE/ENTITY, yang tidak diterima demi keamanan",
            "simpan ulang logo sebagai 'Plain SVG' (mis. dari Inkscape) tanpa DOCTYPE",
        )
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise LogoProblem(
            f"berkas logo bukan SVG yang utuh ({exc})",
            "buka dan simpan ulang logo di penyunting gambar, atau pakai PNG",
        ) from None
    if root.tag.rsplit("}", 1)[-1] != "svg":
        raise LogoProblem(
            "berkas logo berisi XML tetapi bukan gambar SVG", "pakai berkas PNG, JPEG atau SVG"
        )
    _refuse_active_svg(root)
    box = (root.get("viewBox") or "").replace(",", " ").split()
    if len(box) == 4:
        try:
            w, h = float(box[2]), float(box[3])
        except ValueError:
            w = h = 0.0
        if w > 0 and h > 0:
            return w, h
    sizes = []
    for key in ("width", "height"):
        m = _LENGTH.match(root.get(key) or "")
        sizes.append(float(m.group(1)) * _UNIT[m.group(2)] if m else 0.0)
    if sizes[0] <= 0 or sizes[1] <= 0:
        raise LogoProblem(
            "SVG logo tidak menyebut ukurannya (viewBox atau width/height)",
            'tambahkan atribut viewBox pada elemen <svg>, mis. viewBox="0 0 200 240"',
        )
    return sizes[0], sizes[1]


_ACTIVE_TAGS = {"script", "foreignobject", "iframe", "embed", "object", "handler", "listener"}


def _refuse_active_svg(root: ET.Element) -> None:
    """An SVG logo is published as it is in the handbook: no script, no event handler,
    no reference to another file or site (only '#id' inside the file, or a data: image)."""
    for element in root.iter():
        tag = str(element.tag).rsplit("}", 1)[-1].lower()
        if tag in _ACTIVE_TAGS:
            raise LogoProblem(
                f"SVG logo memuat elemen <{tag}>, yang tidak diterima demi keamanan",
                "simpan ulang logo sebagai 'Plain SVG' tanpa skrip, atau pakai PNG",
            )
        for key, value in element.attrib.items():
            name = key.rsplit("}", 1)[-1].lower()
            if name.startswith("on"):
                raise LogoProblem(
                    f"SVG logo memuat atribut '{name}' (skrip), yang tidak diterima demi keamanan",
                    "simpan ulang logo sebagai 'Plain SVG' tanpa skrip, atau pakai PNG",
                )
            if name == "href" and not value.strip().startswith(("#", "data:image/")):
                raise LogoProblem(
                    f"SVG logo merujuk ke berkas atau situs lain ('{value[:60]}')",
                    "sertakan gambarnya di dalam SVG, atau pakai logo PNG",
                )
        if tag == "style" or "style" in element.attrib:
            css = (element.text or "") + element.attrib.get("style", "")
            if "@import" in css or _EXTERNAL_URL.search(css):
                raise LogoProblem(
                    "SVG logo memuat gaya yang merujuk ke berkas atau situs lain",
                    "hapus @import/url(...) dari gaya SVG, atau pakai logo PNG",
                )


_EXTERNAL_URL = re.compile(r"url\(\s*['\"]?\s*(?!#|data:image/)", re.IGNORECASE)


def _raster_size(data: bytes, kind: str) -> tuple[float, float]:
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size  # from the header: nothing decoded yet
            if width * height > MAX_PIXELS:
                raise LogoProblem(
                    f"logo {width}x{height} piksel terlalu besar untuk dibuka "
                    f"(lebih dari {MAX_PIXELS // 1_000_000} juta piksel)",
                    "perkecil gambar menjadi sekitar 1000 piksel pada sisi terpanjang",
                )
            image.verify()
        with Image.open(io.BytesIO(data)) as image:
            image.load()  # verify() does not decode the pixels; a truncated file fails here
            return float(image.width), float(image.height)
    except LogoProblem:
        raise
    except Image.DecompressionBombError:  # Pillow's own guard, at open
        raise LogoProblem(
            f"logo terlalu besar untuk dibuka (lebih dari {MAX_PIXELS // 1_000_000} juta piksel)",
            "perkecil gambar menjadi sekitar 1000 piksel pada sisi terpanjang",
        ) from None
    except Exception as exc:  # Pillow raises many kinds for a broken file (English text)
        raise LogoProblem(
            f"berkas logo tampak {kind.upper()} tetapi rusak atau terpotong ({type(exc).__name__})",
            "ekspor ulang logo dari berkas aslinya",
        ) from None


def inspect_logo(path: Path, root: Path | None = None) -> LogoInfo:
    """What the logo file is; raises LogoProblem when it cannot be printed. Read through
    the file gate: inside ``root`` (the data folder; by default wherever the path leads,
    as ``check_logo`` has confined it already), a regular file of at most MAX_BYTES."""
    if not path.exists() and not path.is_symlink():
        images = sorted(p.name for p in path.parent.glob("*") if p.suffix.lower() in SUFFIXES)
        hint = "letakkan berkas logo di folder dokumen, atau hapus baris 'logo'"
        if images:
            hint = "berkas gambar di folder itu: " + ", ".join(images)
        raise LogoProblem(
            f"berkas logo '{path.name}' tidak ditemukan" + did_you_mean(path.name, images), hint
        )
    if path.is_dir():
        raise LogoProblem(
            f"'{path.name}' adalah folder, bukan berkas gambar", "tulis nama berkas logonya"
        )
    try:
        size = path.stat().st_size
    except (OSError, RuntimeError):
        size = 0  # the gate below says why
    if size > MAX_BYTES:
        raise LogoProblem(
            f"berkas logo {size / 1024 / 1024:.1f} MB, lebih dari ".replace(".", ",")
            + f"{MAX_BYTES // 1024 // 1024} MB",
            "perkecil gambar (lebar sekitar 600-1000 piksel sudah tajam saat dicetak)",
        )
    read = path
    if root is None:  # confined by check_logo already: only the gate's file checks here
        read = Path(os.path.realpath(path))
        root = read.parent
    try:
        data = files.read_bytes(read, root, limit=MAX_BYTES)
    except files.OutsideError as problem:
        raise LogoProblem(f"berkas logo: {problem.message}", problem.hint) from None
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        kind = "png"
    elif data.startswith(b"\xff\xd8\xff"):
        kind = "jpeg"
    elif b"<svg" in data[:4096]:
        kind = "svg"
    else:
        raise LogoProblem(
            "berkas logo bukan gambar PNG, JPEG atau SVG",
            "simpan logo sebagai PNG (disarankan, latar transparan), JPEG atau SVG",
        )
    w, h = _svg_size(data) if kind == "svg" else _raster_size(data, kind)
    return LogoInfo(path, kind, w, h, data)


def check_logo(project: Project) -> list[Diagnostic]:
    """One lint when there is no logo; located errors when it cannot be printed; lints
    when it would print blurred or is needlessly large."""
    src = source_of(project)
    path = logo_path(project)
    if path is None:
        return [
            src.diagnostic(
                ("instansi",),
                "instansi.logo tidak diisi: Halaman Judul dan halaman identitas dicetak tanpa logo",
                "tambahkan 'logo: logo.png' di bagian instansi (berkas PNG, JPEG atau SVG di "
                "folder dokumen)",
                LINT,
                prefer_key=True,
            )
        ]
    where = ("instansi", "logo")
    root = Path(project.root)
    try:
        files.confined(root, path)
    except files.OutsideError as err:
        if not err.outside:
            return [src.diagnostic(where, f"berkas logo: {err.message}", err.hint)]
        return [
            src.diagnostic(
                where,
                f"berkas logo '{project.dokumen.instansi.logo}' berada di luar folder data "
                f"({root.resolve().name})",
                "salin logo ke folder dokumen dan tulis namanya saja, mis. 'logo: logo.png'",
            )
        ]
    try:
        info = inspect_logo(path, root)
    except LogoProblem as problem:
        return [src.diagnostic(where, problem.message, problem.hint)]
    if info.kind == "svg":
        return []
    longest = max(info.width, info.height)
    if longest < SMALL_PX:
        return [
            src.diagnostic(
                where,
                f"logo hanya {info.width:.0f}x{info.height:.0f} piksel: akan tampak kabur "
                "saat dicetak",
                f"pakai gambar paling sedikit {SMALL_PX} piksel pada sisi terpanjang, atau SVG",
                LINT,
            )
        ]
    if longest > LARGE_PX:
        return [
            src.diagnostic(
                where,
                f"logo {info.width:.0f}x{info.height:.0f} piksel, jauh lebih besar dari "
                "yang perlu dicetak",
                "perkecil gambar menjadi sekitar 1000 piksel agar PDF tetap ringan",
                LINT,
            )
        ]
    return []
