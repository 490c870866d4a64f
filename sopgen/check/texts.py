"""Texts that print: a required text holds something visible, and no text holds a
character that cannot be printed.

YAML escapes ("\\0", "\\x07", "\\ud800") and text copied from PDFs or Word bring
characters the file itself may hold but a page cannot: control characters and lone
surrogates. A text made only of spaces, zero-width characters, direction marks or
control characters is blank, whatever its length: a required one (a step's ``uraian``,
the ``judul``, an executor column, an official's ``nama``...) is an error at its place.
"""

from __future__ import annotations

import unicodedata

from pydantic import BaseModel

from sopgen.errors import Diagnostic
from sopgen.load.yamlsource import SourceMap

# categories that draw nothing by themselves: control, format (zero-width, direction
# marks, BOM), separators, combining marks with no base, unassigned
_INVISIBLE = {"Cc", "Cf", "Zs", "Zl", "Zp", "Mn", "Me", "Cn"}
_ALLOWED_CONTROLS = {"\n", "\t"}
# list fields whose every item is required text (an empty item prints an empty line)
_REQUIRED_ITEMS = {"pelaksana", "mengetahui"}


def blank(text: str) -> bool:
    """True when ``text`` shows nothing on a page."""
    return all(c.isspace() or unicodedata.category(c) in _INVISIBLE for c in text)


def _bad_character(text: str) -> tuple[int, str] | None:
    for index, c in enumerate(text):
        category = unicodedata.category(c)
        if (category == "Cc" and c not in _ALLOWED_CONTROLS) or category == "Cs":
            name = unicodedata.name(c, "karakter kendali" if category == "Cc" else "surrogate")
            return index, f"U+{ord(c):04X} ({name})"
    return None


def check_texts(model: BaseModel, src: SourceMap) -> list[Diagnostic]:
    """Every text of ``model`` (a ``Dokumen`` or ``Prosedur``), at its YAML place."""
    found: list[Diagnostic] = []
    _walk(model, (), src, found)
    return found


def _walk(value: object, path: tuple, src: SourceMap, found: list[Diagnostic]) -> None:
    if isinstance(value, BaseModel):
        for name, field in type(value).model_fields.items():
            item = getattr(value, name)
            if isinstance(item, str):
                _text(item, (*path, name), field.is_required(), src, found)
            else:
                _walk(item, (*path, name), src, found)
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, str):
                _text(item, (*path, key), False, src, found)
            else:
                _walk(item, (*path, key), src, found)
    elif isinstance(value, list | tuple):
        required = bool(path) and path[-1] in _REQUIRED_ITEMS
        for index, item in enumerate(value):
            if isinstance(item, str):
                _text(item, (*path, index), required, src, found)
            else:
                _walk(item, (*path, index), src, found)


def _text(text: str, path: tuple, required: bool, src: SourceMap, found: list) -> None:
    shown = _name(path)
    bad = _bad_character(text)
    if bad is not None:
        found.append(
            src.diagnostic(
                path,
                f"{shown} memuat karakter {bad[1]} yang tidak dapat dicetak",
                "hapus karakter itu (sering dari escape \\0, \\x.. atau \\u.. di dalam tanda "
                'kutip "...", atau terbawa saat menyalin dari PDF atau Word)',
            )
        )
    elif required and blank(text):
        what = "kosong" if not text else "hanya berisi spasi atau karakter tak terlihat"
        found.append(
            src.diagnostic(
                path,
                f"{shown} wajib diisi, tetapi {what}",
                "tulis teksnya; spasi, karakter lebar-nol dan tanda arah tidak terhitung",
            )
        )


def _name(path: tuple) -> str:
    """A text's place in words: 'langkah 2: uraian', 'pelaksana (butir ke-4)'."""
    head = ""
    if len(path) >= 2 and path[0] == "kegiatan" and isinstance(path[1], int):
        head, path = f"langkah {path[1] + 1}: ", path[2:]
    item = f" (butir ke-{path[-1] + 1})" if path and isinstance(path[-1], int) else ""
    return head + (".".join(str(p) for p in path if not isinstance(p, int)) or "teks") + item
