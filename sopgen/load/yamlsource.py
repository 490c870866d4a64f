"""YAML text -> plain Python data plus the line/column of every value and key.

PyYAML composes a node tree that knows its marks; we construct the data ourselves so
that each path (('kegiatan', 3, 'pelaksana'), ...) keeps its position, duplicate keys
are reported instead of silently overwritten, and syntax errors (tabs above all) are
located and explained in Indonesian.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from sopgen.errors import Diagnostic

Path_ = tuple[str | int, ...]


@dataclass
class SourceMap:
    """Positions (1-based line, column) of values and of mapping keys, by data path."""

    file: str
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def position(self, path: Path_, prefer_key: bool = False) -> tuple[int, int]:
        """The position of ``path``, or of its nearest ancestor that has one."""
        path = tuple(path)
        while True:
            if prefer_key and path in self.keys:
                return self.keys[path]
            if path in self.values:
                return self.values[path]
            if path in self.keys:
                return self.keys[path]
            if not path:
                return (1, 1)
            path = path[:-1]

    def diagnostic(
        self, path: Path_, message: str, hint: str = "", severity="galat", prefer_key=False
    ) -> Diagnostic:
        line, column = self.position(path, prefer_key)
        return Diagnostic(self.file, line, column, message, hint, severity)


# PyYAML problem text -> (Indonesian message, hint)
_SYNTAX_MESSAGES = [
    (
        "found character '\\t' that cannot start any token",
        "karakter tab di sini; YAML hanya menerima spasi untuk indentasi",
        "ganti tab dengan spasi (mis. 2 spasi per tingkat)",
    ),
    (
        "mapping values are not allowed here",
        "tanda ':' tidak diharapkan di sini",
        "apit teks yang memuat ': ' dengan tanda kutip \"...\", atau periksa indentasi baris ini",
    ),
    (
        "could not find expected ':'",
        "tanda ':' tidak ditemukan",
        "setiap kunci diikuti ':' (mis. 'waktu: 5 menit'); periksa juga tanda kutip yang "
        "belum ditutup",
    ),
    (
        "did not find expected key",
        "indentasi tidak sesuai: kunci tidak ditemukan di tempat yang diharapkan",
        "samakan indentasi baris ini dengan kunci lain di bagian yang sama",
    ),
    (
        "did not find expected '-' indicator",
        "indentasi daftar tidak sesuai",
        "setiap butir daftar diawali '- ' dengan indentasi yang sama",
    ),
    (
        "found unexpected end of stream",
        "berkas berakhir sebelum tanda kutip ditutup",
        "tutup tanda kutip yang dibuka",
    ),
    (
        "found undefined alias",
        "alias '*...' belum didefinisikan",
        "definisikan jangkar '&nama' sebelum memakainya, atau tulis nilainya langsung",
    ),
    (
        "found unknown escape character",
        "karakter escape tidak dikenal dalam teks berkutip ganda",
        "pakai kutip tunggal '...' atau tulis '\\\\' untuk garis miring terbalik",
    ),
]


def _tab_diagnostics(file: str, text: str) -> list[Diagnostic]:
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


def _syntax_diagnostic(file: str, err: yaml.MarkedYAMLError) -> Diagnostic:
    mark = err.problem_mark or err.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = err.problem or str(err)
    for needle, message, hint in _SYNTAX_MESSAGES:
        if needle in problem:
            return Diagnostic(file, line, column, message, hint)
    return Diagnostic(
        file,
        line,
        column,
        f"YAML tidak valid: {problem}",
        "periksa indentasi, tanda ':' dan tanda kutip di sekitar baris ini",
    )


def parse_yaml(file: str, text: str) -> tuple[object, SourceMap, list[Diagnostic]]:
    """Parse one YAML document. Returns (data or None, source map, diagnostics)."""
    source = SourceMap(file)
    tabs = _tab_diagnostics(file, text)
    if tabs:
        return None, source, tabs
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return (
                None,
                source,
                [Diagnostic(file, 1, 1, "berkas kosong", "isi berkas sesuai templat (sopgen new)")],
            )
        problems: list[Diagnostic] = []
        data = _construct(loader, node, (), source, problems)
        return data, source, problems
    except yaml.MarkedYAMLError as err:
        return None, source, [_syntax_diagnostic(file, err)]
    except yaml.YAMLError as err:  # e.g. a reader error on a control character
        return None, source, [Diagnostic(file, 1, 1, f"YAML tidak valid: {err}", "")]
    finally:
        loader.dispose()


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _construct(loader, node, path: Path_, source: SourceMap, problems: list[Diagnostic]):
    source.values[path] = _mark(node)
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)  # resolves "<<" merge keys
        result: dict = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str | int) or isinstance(key, bool):
                # yes/no/on/off keys become booleans in YAML 1.1
                key = str(key_node.value)
            if key in result:
                line, column = _mark(key_node)
                problems.append(
                    Diagnostic(
                        source.file,
                        line,
                        column,
                        f"kunci '{key}' ditulis dua kali di bagian yang sama",
                        "hapus salah satunya; hanya satu yang akan dipakai",
                    )
                )
                continue
            source.keys[path + (key,)] = _mark(key_node)
            result[key] = _construct(loader, value_node, path + (key,), source, problems)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _construct(loader, item, path + (index,), source, problems)
            for index, item in enumerate(node.value)
        ]
    try:
        return loader.construct_object(node, deep=True)
    except ValueError:  # e.g. 2016-13-01 looks like a date but is none: keep the text
        return node.value
