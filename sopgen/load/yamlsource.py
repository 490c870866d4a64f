"""YAML text -> plain Python data plus the line/column of every value and key.

PyYAML composes a node tree that knows its marks; we construct the data ourselves so
that each path (('kegiatan', 3, 'pelaksana'), ...) keeps its position, duplicate keys
are reported instead of silently overwritten, and syntax errors (tabs above all) are
located and explained in Indonesian (``yamlguard``: limits and messages).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from sopgen.errors import Diagnostic
from sopgen.load import parsed as kept
from sopgen.load.yamlguard import (
    FastGuardedLoader,
    GuardedLoader,
    control_diagnostics,
    syntax_diagnostic,
    tab_diagnostics,
)

Path_ = tuple[str | int, ...]

# Where libyaml and PyYAML's Python scanner disagree, the text goes to the Python parser
# alone: tabs inside values (libyaml takes some that PyYAML refuses), NEL and the Unicode
# line separators, and '?' where a flow collection ('[', '{') may hold it (PyYAML ends a
# plain value at '?' inside one; libyaml reads on).
_PYTHON_ONLY = re.compile("[\t\x85\u2028\u2029]")


def _fast(text: str) -> bool:
    if FastGuardedLoader is None or _PYTHON_ONLY.search(text):
        return False
    return "?" not in text or ("[" not in text and "{" not in text)


@dataclass
class SourceMap:
    """Positions (1-based line, column) of values and of mapping keys, by data path."""

    file: str
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    # the SHA-256 of the text it maps (``load.parsed.text_digest``), when loaded through
    # kept parses: what kept check results are found by (``check.kept``)
    digest: str | None = field(default=None, compare=False, repr=False)
    # the importer's '# impor: ...' notes still in the text: (line, column, note)
    notes: tuple[tuple[int, int, str], ...] = field(default=(), compare=False, repr=False)

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


def parse_yaml(
    file: str, text: str, store: kept.ParseStore | None = None
) -> tuple[object, SourceMap, list[Diagnostic]]:
    """Parse one YAML document. Returns (data or None, source map, diagnostics).
    ``store``: parses kept between runs (``load.parsed``): a text found there is not
    parsed again, one that parses without a problem is put there."""
    data, source, problems = _parse_kept(file, text, store)
    source.notes = import_notes(text)
    return data, source, problems


# '# impor: ...' on a line of its own, then its wrapped lines '#   ...'
_NOTE = re.compile(r"^([ ]*)# impor: (.*)$((?:\n[ ]*#   .*$)*)", re.MULTILINE)


def import_notes(text: str) -> tuple[tuple[int, int, str], ...]:
    """Where the importer's notes ('# impor: ...', see ``sopgen impor``) stand in a
    text, with each note's words on one line: an officer deletes a note once the place
    was compared with the original document."""
    if "# impor: " not in text:
        return ()
    found = []
    for match in _NOTE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        words = [match.group(2)] + [
            part.strip().removeprefix("#").strip() for part in match.group(3).split("\n")[1:]
        ]
        found.append((line, len(match.group(1)) + 1, " ".join(w for w in words if w)))
    return tuple(found)


def _parse_kept(
    file: str, text: str, store: kept.ParseStore | None
) -> tuple[object, SourceMap, list[Diagnostic]]:
    if store is None:
        return _parse(file, text)
    digest = kept.text_digest(text)
    body = store.get(digest)
    if body is not None and (found := kept.decode(digest, body)) is not None:
        data, values, keys = found
        return data, SourceMap(file, values, keys, digest), []
    data, source, problems = _parse(file, text)
    source.digest = digest
    if data is not None and not problems:
        body = kept.encode(digest, data, source.values, source.keys)
        if body is not None:
            store.put(digest, body)
    return data, source, problems


def _parse(file: str, text: str) -> tuple[object, SourceMap, list[Diagnostic]]:
    source = SourceMap(file)
    refused = control_diagnostics(file, text) or tab_diagnostics(file, text)
    if refused:
        return None, source, refused
    if _fast(text):
        # libyaml first; anything it or the guards object to is parsed again below, so
        # every message comes from the one (Python) parser
        fast = FastGuardedLoader(text)
        try:
            node = fast.get_single_node()
            if node is not None:
                problems: list[Diagnostic] = []
                data = _construct(fast, node, (), source, problems)
                return data, source, problems
        except yaml.YAMLError:
            source = SourceMap(file)
        finally:
            fast.dispose()
    loader = GuardedLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return (
                None,
                source,
                [Diagnostic(file, 1, 1, "berkas kosong", "isi berkas sesuai templat (sopgen new)")],
            )
        problems = []
        data = _construct(loader, node, (), source, problems)
        return data, source, problems
    except yaml.MarkedYAMLError as err:
        return None, source, [syntax_diagnostic(file, text, err)]
    except yaml.YAMLError:  # a reader error: control characters are refused above
        return None, source, [Diagnostic(file, 1, 1, "berkas YAML tidak dapat dibaca", "")]
    finally:
        loader.dispose()


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _at(source: SourceMap, node: yaml.Node, message: str, hint: str) -> Diagnostic:
    """An error in ``source`` at ``node``."""
    return Diagnostic(source.file, *_mark(node), message, hint)


_PLAIN_TAGS = (
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG,
)


def _construct(loader, node, path: Path_, source: SourceMap, problems: list[Diagnostic]):
    source.values[path] = _mark(node)
    if not isinstance(node, yaml.ScalarNode) and node.tag not in _PLAIN_TAGS:
        problems.append(
            _at(
                source,
                node,
                "tag YAML '!...' tidak didukung",
                "hapus tag (kata yang diawali '!') sebelum nilai ini",
            )
        )
        return None
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)  # resolves "<<" merge keys
        result: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(
                    _at(
                        source,
                        key_node,
                        "kunci harus berupa teks, bukan daftar atau bagian",
                        "tulis kuncinya sebagai teks biasa, mis. 'uraian:'",
                    )
                )
                continue
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str | int) or isinstance(key, bool):
                # yes/no/on/off keys become booleans in YAML 1.1
                key = str(key_node.value)
            if key in result:
                problems.append(
                    _at(
                        source,
                        key_node,
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
