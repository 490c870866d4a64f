"""Writing YAML text line by line, with comments where they belong.

The importer writes its YAML itself (PyYAML drops comments): keys in the order a reader
expects, every scalar quoted by PyYAML's own emitter (so it loads back to the same
string), and ``# impor: ...`` comments recorded with their line numbers for the summary.
"""

from __future__ import annotations

import datetime as dt
import textwrap

import yaml

WIDTH = 100


def scalar(value: object) -> str:
    """One YAML scalar (single line) that loads back to ``value``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    value = str(value)
    text = yaml.safe_dump(value, allow_unicode=True, width=10**9).strip()
    text = text.removesuffix("...").strip()
    if "\n" in text or not _loads_back(text, value):
        # a folded scalar, or characters YAML reads as line breaks (NEL, U+2028): quoted
        # with escapes, on one line
        text = yaml.safe_dump(value, allow_unicode=False, width=10**9, default_style='"')
        text = text.strip()
    return text


def _loads_back(text: str, value: str) -> bool:
    try:
        return yaml.safe_load(f"k: {text}") == {"k": value}
    except yaml.YAMLError:
        return False


def flow_list(values: list) -> str:
    return "[" + ", ".join(scalar(v) for v in values) + "]"


class Text:
    """Lines of one YAML file; ``places`` = (line number, message) of each # impor."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.places: list[tuple[int, str]] = []

    def add(self, line: str) -> None:
        self.lines.append(line.rstrip())

    def blank(self) -> None:
        if self.lines and self.lines[-1] != "":
            self.lines.append("")

    def comment(self, text: str, indent: int = 0, hang: str = "") -> None:
        """A comment wrapped at WIDTH; ``hang`` starts its continuation lines."""
        pad = " " * indent
        for line in textwrap.wrap(text, WIDTH - indent - 2, subsequent_indent=hang) or [""]:
            self.add(f"{pad}# {line}")

    def impor(self, message: str, indent: int = 0) -> None:
        """A '# impor: ...' note (wrapped; the summary points at its first line)."""
        pad = " " * indent
        wrapped = textwrap.wrap(f"impor: {message}", WIDTH - indent - 2)
        self.places.append((len(self.lines) + 1, message))
        for i, line in enumerate(wrapped):
            self.add(f"{pad}# {line}" if i == 0 else f"{pad}#   {line}")

    def key(
        self,
        key: str,
        value: object | None = None,
        indent: int = 0,
        note: str | None = None,
        dash: bool = False,
    ) -> None:
        """``key: value`` (or ``- key: value`` with dash); value None writes ``key:``."""
        pad = " " * indent + ("- " if dash else "")
        head = f"{pad}{key}:"
        if value is not None:
            head += " " + (flow_list(value) if isinstance(value, list) else scalar(value))
        if note:
            head += f"  # {note}"
        self.add(head)

    def item(self, value: object, indent: int = 0) -> None:
        self.add(f"{' ' * indent}- {scalar(value)}")

    def render(self) -> str:
        while self.lines and self.lines[-1] == "":
            self.lines.pop()
        return "\n".join(self.lines) + "\n"
