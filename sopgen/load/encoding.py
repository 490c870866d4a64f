"""Bytes of a data file -> text: UTF-8 (a byte-order mark allowed), anything else
refused with the line and column of the first byte that is not UTF-8 and what the file
probably is (UTF-16 from Notepad, Latin-1/Windows-1252 from an old editor)."""

from __future__ import annotations

import codecs

from sopgen.errors import Diagnostic

_RESAVE = "buka berkas di penyunting teks lalu simpan ulang dengan pengodean UTF-8"


def decode_text(shown: str, raw: bytes) -> tuple[str, Diagnostic | None]:
    """(text, None), or ("", a located diagnostic) when ``raw`` is not UTF-8 text."""
    if raw.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "", Diagnostic(shown, 1, 1, "berkas tersimpan sebagai UTF-32, bukan UTF-8", _RESAVE)
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _looks_utf16(raw):
        return "", Diagnostic(
            shown,
            1,
            1,
            "berkas tersimpan sebagai UTF-16 (mis. 'Unicode' di Notepad), bukan UTF-8",
            _RESAVE + " (di Notepad: Simpan Sebagai, Pengodean: UTF-8)",
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        start = raw.rfind(b"\n", 0, err.start) + 1
        column = len(raw[start : err.start].decode("utf-8", errors="replace")) + 1
        byte = raw[err.start]
        guess = ""
        try:
            shown_char = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            shown_char = ""
        if shown_char.isprintable() and shown_char.strip():
            guess = f", mungkin '{shown_char}' dari pengodean Latin-1/Windows-1252"
        return "", Diagnostic(
            shown,
            line,
            column,
            f"berkas bukan teks UTF-8: bita 0x{byte:02X} tidak sah{guess}",
            _RESAVE,
        )
    return text.replace("\r\n", "\n").replace("\r", "\n"), None


def _looks_utf16(raw: bytes) -> bool:
    """UTF-16 without a mark: every other byte of the first ones is NUL."""
    head = raw[:64]
    half = len(head) // 4
    return len(head) >= 4 and (head[1::2].count(0) >= half or head[0::2].count(0) >= half)
