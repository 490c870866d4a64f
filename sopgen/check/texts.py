"""Texts that print: a required text holds something visible, and no text holds a
character that cannot be printed.

YAML escapes ("\\0", "\\x07", "\\ud800") and text copied from PDFs or Word bring
characters the file itself may hold but a page cannot: control characters and lone
surrogates. A text made only of spaces, zero-width characters, direction marks or
control characters is blank, whatever its length: a required one (a step's ``uraian``,
the ``judul``, an executor column, an official's ``nama``...) is an error at its place.
"""

from __future__ import annotations

import re
import unicodedata

from pydantic import BaseModel

from sopgen.errors import LINT, Diagnostic
from sopgen.load.paths import DOCUMENT_FILE, source_of
from sopgen.load.yamlsource import SourceMap
from sopgen.model import Procedure, Project
from sopgen.model.identity import effective_identity
from sopgen.model.placeholders import is_placeholder

# categories that draw nothing by themselves: control, format (zero-width, direction
# marks, BOM), separators, combining marks with no base, unassigned
_INVISIBLE = {"Cc", "Cf", "Zs", "Zl", "Zp", "Mn", "Me", "Cn"}
# list fields whose every item is required text (an empty item prints an empty line)
_REQUIRED_ITEMS = {"pelaksana", "mengetahui"}


def blank(text: str) -> bool:
    """True when ``text`` shows nothing on a page."""
    return all(c.isspace() or unicodedata.category(c) in _INVISIBLE for c in text)


# the characters of categories Cc (but for the allowed controls) and Cs: one search
# instead of a category per character (a test compares it with every code point)
_BAD = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def _bad_character(text: str) -> tuple[int, str] | None:
    found = _BAD.search(text)
    if found is None:
        return None
    c = found.group()
    category = unicodedata.category(c)
    name = unicodedata.name(c, "karakter kendali" if category == "Cc" else "surrogate")
    return found.start(), f"U+{ord(c):04X} ({name})"


def check_texts(model: BaseModel, src: SourceMap) -> list[Diagnostic]:
    """Every text of ``model`` (a ``Dokumen`` or ``Prosedur``), at its YAML place."""
    found: list[Diagnostic] = []
    _walk(model, (), src, found)
    return found


def _walk(value: object, path: tuple, src: SourceMap, found: list[Diagnostic]) -> None:
    if isinstance(value, BaseModel):
        for name, field in type(value).model_fields.items():
            item = getattr(value, name)
            if is_placeholder(item):
                found.append(_placeholder(item, (*path, name), src))
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
        if len(value) > MAX_ITEMS and path in _BOUNDED_LISTS:
            found.append(
                src.diagnostic(
                    (*path, MAX_ITEMS),
                    f"{_name(path)} memuat {len(value)} butir; paling banyak {MAX_ITEMS} "
                    "(halaman identitas dan riwayat revisi)",
                    "ringkas daftarnya; butir sebanyak ini tidak lagi terbaca di halaman identitas",
                )
            )
        required = bool(path) and path[-1] in _REQUIRED_ITEMS
        for index, item in enumerate(value):
            if isinstance(item, str):
                _text(item, (*path, index), required, src, found)
            else:
                _walk(item, (*path, index), src, found)


# The front pages (identity page, approval page, revision history) lay these texts out
# in table cells that cannot be split across pages: bounded so that the page can always
# be laid out (measured: every field at its limit still fits an A4 landscape page).
FIELD_LIMIT = 200
ITEM_LIMIT = 1000
_LIST_SECTIONS = {"dasar_hukum", "kualifikasi_pelaksana", "peralatan", "peringatan", "pencatatan"}
_FIELD_SECTIONS = {"instansi", "identitas", "pejabat", "keterkaitan", "pengesahan", "revisi"}
_LONG_FIELDS = {"isi", "perubahan"}
# lists printed on the front pages: thousands of items would take minutes to lay out
MAX_ITEMS = 100
_BOUNDED_LISTS = {(name,) for name in _LIST_SECTIONS} | {("keterkaitan",), ("revisi",)}


def _limit(path: tuple) -> int | None:
    names = [p for p in path if isinstance(p, str)]
    if not names:
        return None
    if names[0] in _LIST_SECTIONS:
        return ITEM_LIMIT
    if names[0] in _FIELD_SECTIONS:
        return ITEM_LIMIT if names[-1] in _LONG_FIELDS else FIELD_LIMIT
    if names == ["nomor"]:  # a procedure's own number, printed in its identity
        return FIELD_LIMIT
    return None


def _placeholder(value: object, path: tuple, src: SourceMap) -> Diagnostic:
    return src.diagnostic(
        path,
        f"{_name(path)} masih berisi isian sementara dari 'sopgen impor' ('{value}'), "
        "yang akan tercetak apa adanya",
        "ganti dengan isi dari SOP aslinya, lalu hapus catatan '# impor:' di atasnya",
        LINT,
    )


def _text(text: str, path: tuple, required: bool, src: SourceMap, found: list) -> None:
    bad = _bad_character(text)
    limit = _limit(path)
    if (limit is None or len(text) <= limit) and bad is None and not required:
        return
    shown = _name(path)
    if limit is not None and len(text) > limit:
        found.append(
            src.diagnostic(
                path,
                f"{shown} terlalu panjang ({len(text)} karakter; paling banyak {limit}): "
                "tidak muat di halaman identitas",
                "persingkat teksnya"
                + (
                    ", atau pecah menjadi beberapa butir"
                    if path and isinstance(path[-1], int)
                    else ""
                ),
            )
        )
    elif bad is not None:
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


# The identity page's top block (the LABEL : value grid beside the agency) is one table
# row that cannot split across pages: its texts together must fit one page. Measured
# with the widest letters (W, M) on A4 landscape: 700 characters take at most 430 of
# the page's 510 points; a 'tambahan' row costs 50 more for its label and rules.
IDENTITY_BUDGET = 700
ROW_COST = 50


def check_identity_size(project: Project, procedure: Procedure | None = None) -> list[Diagnostic]:
    """The document's identity page (or a procedure's own one) fits its page."""
    ident = effective_identity(project, procedure)
    nama = ident.nama if procedure is None or ident.own else procedure.data.judul
    signer = ident.signer or ident.pejabat.get(ident.disahkan_oleh)
    texts = [ident.nomor or "", nama, ident.label_nama]
    if signer is not None:
        texts += [signer.jabatan, signer.nama, signer.pangkat or ""]
    size = sum(len(t) for t in texts) + sum(
        len(extra.label) + len(extra.isi) + ROW_COST for extra in ident.tambahan
    )
    if size <= IDENTITY_BUDGET:
        return []
    src = source_of(procedure if procedure is not None else project)
    if procedure is not None and procedure.data.identitas is None:
        # the document's identity with this procedure's title as Nama SOP
        if len(nama) * 2 < size:  # the document's part is the bulk: say so, at the title
            return [
                src.diagnostic(
                    ("judul",),
                    f"identitas SOP prosedur ini terlalu panjang untuk halaman identitasnya "
                    f"({size} karakter: judul sebagai Nama SOP, dengan nomor, pejabat pengesah "
                    f"dan baris tambahan dari {DOCUMENT_FILE}; paling banyak {IDENTITY_BUDGET})",
                    f"persingkat judul, atau pejabat pengesah dan baris 'tambahan' di "
                    f"{DOCUMENT_FILE}",
                )
            ]
        return [
            src.diagnostic(
                ("judul",),
                f"judul SOP terlalu panjang untuk halaman identitasnya ({size} karakter "
                f"bersama nomor dan pejabat pengesah; paling banyak {IDENTITY_BUDGET})",
                "persingkat judul",
            )
        ]
    where = ("identitas",)
    return [
        src.diagnostic(
            where,
            f"identitas SOP terlalu panjang untuk satu halaman identitas ({size} karakter "
            f"pada nomor, nama SOP, pejabat pengesah dan baris tambahan; paling banyak "
            f"{IDENTITY_BUDGET})",
            "persingkat nama SOP, jabatan atau nama pejabat, atau isi baris 'tambahan'",
            prefer_key=True,
        )
    ]
