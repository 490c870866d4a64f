"""YAML that cannot hurt: limits on the text PyYAML reads, and its errors in Indonesian.

- control characters (NUL, BEL, ... anything YAML itself forbids) are refused with the
  line and column of each, before PyYAML sees the text;
- nesting deeper than ``MAX_DEPTH`` stops composing (PyYAML's composer recurses);
- an alias that refers to the collection it sits in (``loop: &r [*r]``) is refused;
- aliases may not blow a document up: the size the document would have with every
  alias written out is counted while composing, and an alias that pushes it past
  ``MAX_NODES`` is refused where it is written (an alias bomb ends at once);
- every error PyYAML words in English is said in Indonesian, on the line a user would
  fix (a missing ':' on its own line, an unclosed quote where it opens), with that
  line quoted.
"""

from __future__ import annotations

import re

import yaml

from sopgen.errors import Diagnostic

MAX_DEPTH = 40  # a real SOP nests about 6 levels
MAX_NODES = 100_000  # values in one file with every alias written out
MAX_ALIASES = 1_000
MAX_SHOWN = 5  # control characters reported per file

# What YAML refuses (PyYAML's reader): C0 except tab/LF/CR, DEL, C1 except NEL, surrogates,
# U+FFFE/U+FFFF.
_FORBIDDEN = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_C0_NAMES = {0: "NUL", 7: "BEL", 8: "BS", 11: "VT", 12: "FF", 27: "ESC", 127: "DEL"}

_TOO_DEEP = (
    f"susunan bertingkat terlalu dalam (lebih dari {MAX_DEPTH} tingkat)",
    "kurangi tingkat indentasi atau tanda kurung '[' '{' yang bersarang",
)


class Refused(yaml.MarkedYAMLError):
    """A limit of ours, raised while composing (carries the Indonesian text)."""

    def __init__(self, mark, message: str, hint: str):
        super().__init__(problem=message, problem_mark=mark)
        self.message = message
        self.hint = hint


class _ComposeGuard:
    """Counts depth and expanded size while composing (PyYAML's Python composer, over
    events from either parser)."""

    def _start_guard(self) -> None:
        self._depth = 0
        self._aliases = 0
        self._expanded = 0
        self._open: set[str] = set()  # anchors of the collections being composed
        # id(node) -> (size, height) of the node with its aliases written out
        self._sizes: dict[int, tuple[int, int]] = {}

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            return self._alias(event)
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise Refused(event.start_mark, *_TOO_DEEP)
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            self._open.add(anchor)
        try:
            node = super().compose_node(parent, index)
        finally:
            self._depth -= 1
            if anchor is not None:
                self._open.discard(anchor)
        children = [self._sizes.get(id(child), (1, 1)) for child in _children(node)]
        size = 1 + sum(s for s, _ in children)
        height = 1 + max((h for _, h in children), default=0)
        self._sizes[id(node)] = (size, height)
        self._expanded += 1
        return node

    def _alias(self, event):
        self._aliases += 1
        if event.anchor in self._open:
            raise Refused(
                event.start_mark,
                f"alias '*{event.anchor}' merujuk ke bagian yang memuat alias itu sendiri",
                "tulis nilainya langsung; alias tidak boleh merujuk ke dirinya sendiri",
            )
        if self._aliases > MAX_ALIASES:
            raise Refused(
                event.start_mark,
                f"terlalu banyak alias (lebih dari {MAX_ALIASES})",
                "tulis nilainya langsung, tanpa '&' dan '*'",
            )
        node = super().compose_node(None, None)  # the anchored node (or undefined alias)
        size, height = self._sizes.get(id(node), (1, 1))
        if self._depth + height > MAX_DEPTH:
            raise Refused(
                event.start_mark,
                f"alias '*{event.anchor}' membuat susunan terlalu dalam "
                f"(lebih dari {MAX_DEPTH} tingkat)",
                "tulis nilainya langsung, tanpa '&' dan '*'",
            )
        self._expanded += size
        if self._expanded > MAX_NODES:
            raise Refused(
                event.start_mark,
                f"alias '*{event.anchor}' membuat berkas terlalu besar "
                f"(lebih dari {MAX_NODES} nilai bila semua alias ditulis lengkap)",
                "tulis nilainya langsung dan hapus alias yang memuat alias lain",
            )
        return node


class GuardedLoader(_ComposeGuard, yaml.SafeLoader):
    """SafeLoader (pure Python) with the composing guards and limits while scanning."""

    def __init__(self, stream):
        super().__init__(stream)
        self._start_guard()

    def fetch_flow_collection_start(self, TokenClass):
        # Refused while scanning: the scanner itself slows down with each open '['.
        super().fetch_flow_collection_start(TokenClass)
        if self.flow_level > MAX_DEPTH:
            raise Refused(self.get_mark(), *_TOO_DEEP)

    def add_indent(self, column):
        added = super().add_indent(column)
        if len(self.indents) > MAX_DEPTH:
            raise Refused(self.get_mark(), *_TOO_DEEP)
        return added


try:  # libyaml, when PyYAML was built with it
    from yaml._yaml import CParser
except ImportError:  # pragma: no cover - a PyYAML without libyaml
    CParser = None

if CParser is not None:

    class FastGuardedLoader(
        _ComposeGuard,
        yaml.composer.Composer,
        CParser,
        yaml.constructor.SafeConstructor,
        yaml.resolver.Resolver,
    ):
        """libyaml's scanner and parser (C, several times faster than PyYAML's Python
        ones) under the same Python composer and guards: the nodes, their marks and the
        limits are those of GuardedLoader. ``Composer`` comes before ``CParser`` so that
        composing (and so the guards) stays in Python; only events come from C. Used
        as a fast first try: any error, ours or libyaml's, is reported by parsing again
        with GuardedLoader, so the messages stay the same (yamlsource.parse_yaml)."""

        def __init__(self, stream):
            CParser.__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)
            self._start_guard()

else:  # pragma: no cover
    FastGuardedLoader = None


def _children(node):
    if isinstance(node, yaml.SequenceNode):
        return node.value
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return ()


def _quote(text: str, line: int) -> str:
    """' (baris N: "...")' with the line as written, shortened."""
    lines = text.splitlines()
    if not 1 <= line <= len(lines):
        return ""
    shown = _FORBIDDEN.sub("?", lines[line - 1].rstrip())
    if len(shown) > 70:
        shown = shown[:67] + "..."
    return f' (baris {line}: "{shown}")' if shown.strip() else ""


def control_diagnostics(file: str, text: str) -> list[Diagnostic]:
    """Each character YAML forbids (NUL, BEL, ...), at most MAX_SHOWN, located."""
    found = []
    for match in _FORBIDDEN.finditer(text):
        pos = match.start()
        line = text.count("\n", 0, pos) + 1
        column = pos - (text.rfind("\n", 0, pos) + 1) + 1
        code = ord(match.group())
        name = _C0_NAMES.get(code, "karakter kendali" if code < 0x100 else "karakter tak sah")
        found.append(
            Diagnostic(
                file,
                line,
                column,
                f"karakter U+{code:04X} ({name}) tidak boleh ada di berkas YAML"
                + _quote(text, line),
                "hapus karakter ini (sering terbawa saat menyalin dari PDF atau Word)",
            )
        )
        if len(found) == MAX_SHOWN:
            break
    return found


def tab_diagnostics(file: str, text: str) -> list[Diagnostic]:
    """Every line whose indentation holds a tab (PyYAML would stop at the first)."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent and line.strip() and not line.lstrip().startswith("#"):
            found.append(
                Diagnostic(
                    file,
                    number,
                    indent.index("\t") + 1,
                    "karakter tab dipakai untuk indentasi; YAML hanya menerima spasi",
                    "ganti tab dengan spasi (mis. 2 spasi per tingkat)",
                )
            )
    return found


_INDENT_HINT = "samakan indentasi baris ini dengan kunci lain di bagian yang sama (pakai spasi)"
# (PyYAML problem text, Indonesian message, hint, located where the context starts)
_SYNTAX_MESSAGES = [
    (
        "found character '\\t' that cannot start any token",
        "karakter tab di sini; YAML hanya menerima spasi untuk indentasi",
        "ganti tab dengan spasi (mis. 2 spasi per tingkat)",
        False,
    ),
    (
        "that cannot start any token",
        "karakter ini tidak boleh mengawali nilai",
        'apit nilainya dengan tanda kutip "..."',
        False,
    ),
    (
        "mapping values are not allowed here",
        "tanda ':' tidak diharapkan di sini",
        "apit teks yang memuat ': ' dengan tanda kutip \"...\", atau periksa indentasi baris ini",
        False,
    ),
    (
        "could not find expected ':'",
        "tanda ':' tidak ditemukan setelah kunci",
        "setiap kunci diikuti ':' (mis. 'waktu: 5 menit'); periksa juga tanda kutip yang "
        "belum ditutup",
        True,
    ),
    ("did not find expected key", "indentasi tidak sesuai", _INDENT_HINT, False),
    (
        "did not find expected '-' indicator",
        "indentasi daftar tidak sesuai",
        "setiap butir daftar diawali '- ' dengan indentasi yang sama",
        False,
    ),
    (
        "expected <block end>, but found '-'",
        "butir daftar '- ' tidak sejajar dengan bagian di atasnya",
        "samakan indentasi '- ' dengan butir lain, atau tulis 'kunci:' di atas daftar ini",
        False,
    ),
    (
        "expected <block end>, but found",
        "indentasi tidak sesuai: baris ini tidak sejajar dengan baris sebelumnya",
        _INDENT_HINT,
        False,
    ),
    (
        "expected ',' or ']'",
        "daftar '[' tidak ditutup dengan ']'",
        "tutup daftar dengan ']' di baris yang sama, atau tulis butirnya dengan '- '",
        True,
    ),
    (
        "expected ',' or '}'",
        "bagian '{' tidak ditutup dengan '}'",
        "tutup dengan '}' di baris yang sama, atau tulis kuncinya satu per baris",
        True,
    ),
    (
        "found unexpected end of stream",
        "tanda kutip dibuka di sini tetapi tidak ditutup",
        "tutup tanda kutip di akhir teksnya",
        True,
    ),
    (
        "found unexpected document separator",
        "tanda kutip dibuka di sini tetapi tidak ditutup sebelum '---'",
        "tutup tanda kutip di akhir teksnya",
        True,
    ),
    (
        "found undefined alias",
        "alias '*...' belum didefinisikan",
        "definisikan jangkar '&nama' sebelum memakainya, atau apit teks yang diawali '*' "
        "dengan tanda kutip",
        False,
    ),
    (
        "expected alphabetic or numeric character",
        "nama jangkar '&' atau alias '*' tidak valid",
        "apit teks yang diawali '&' atau '*' dengan tanda kutip \"...\"",
        False,
    ),
    (
        "found unknown escape character",
        "karakter escape tidak dikenal dalam teks berkutip ganda",
        "pakai kutip tunggal '...' atau tulis '\\\\' untuk garis miring terbalik",
        False,
    ),
    (
        "could not determine a constructor for the tag",
        "tag YAML '!...' tidak didukung",
        "hapus tag (kata yang diawali '!') sebelum nilai ini",
        False,
    ),
    (
        "but found another document",
        "berkas memuat lebih dari satu dokumen YAML ('---')",
        "satu berkas hanya memuat satu dokumen; hapus '---' kedua dan seterusnya",
        False,
    ),
    (
        "expected the node content",
        "nilai tidak ditemukan di sini",
        "periksa tanda '[', ']', '{', '}' dan ',' di baris ini",
        False,
    ),
]


def syntax_diagnostic(file: str, text: str, err: yaml.MarkedYAMLError) -> Diagnostic:
    """PyYAML's (English) error as a located Indonesian diagnostic."""
    problem = err.problem or str(err)
    message, hint, at_context = (
        "susunan YAML tidak sesuai di sini",
        "periksa indentasi, tanda ':' dan tanda kutip di sekitar baris ini",
        False,
    )
    if isinstance(err, Refused):
        message, hint = err.message, err.hint
    else:
        for needle, said, fix, context in _SYNTAX_MESSAGES:
            if needle in problem:
                message, hint, at_context = said, fix, context
                break
    mark = (err.context_mark if at_context else None) or err.problem_mark or err.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    if not isinstance(err, Refused):
        message, hint = _missing_space(text, line) or (message, hint)
    return Diagnostic(file, line, column, message + _quote(text, line), hint)


# "waktu:1 jam" and "-uraian: ..." are the usual slips; PyYAML reads them as plain text
# and stops later with a message about ':' or indentation
_KEY_NO_SPACE = re.compile(r"(\s*(?:- +)?)([A-Za-z_]+):(?![\s/])(.+)")
_DASH_NO_SPACE = re.compile(r"(\s*)-([A-Za-z_].*)")


def _missing_space(text: str, line: int) -> tuple[str, str] | None:
    lines = text.splitlines()
    written = lines[line - 1] if 0 < line <= len(lines) else ""
    found = _KEY_NO_SPACE.fullmatch(written)
    if found:
        key, rest = found.group(2), found.group(3).strip()
        return f"tidak ada spasi sesudah '{key}:'", f"tulis '{key}: {rest}'"
    found = _DASH_NO_SPACE.fullmatch(written)
    if found:
        return (
            "tidak ada spasi sesudah tanda '-' butir daftar",
            f"tulis '- {found.group(2).strip()}'",
        )
    return None
