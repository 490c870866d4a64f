"""One error tree, tied to the CLI (mkdocs/click style).

A mistake a user can make is a ``Diagnostic`` (file:line:column, what is wrong, how to
fix it, in Indonesian). ``InputError`` carries all of them at once; click prints it
without a traceback and exits 1. A bug in sopgen still raises normally.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

import click

Severity = Literal["galat", "peringatan"]
ERROR: Severity = "galat"  # stops the build (the internal value; printed as WORDS[ERROR])
LINT: Severity = "peringatan"  # a warning: shown, exit status stays 0
# The words a user reads for each severity (office staff say "kesalahan", not "galat").
WORDS: dict[str, str] = {ERROR: "kesalahan", LINT: "peringatan"}
ERROR_WORD = WORDS[ERROR]


@dataclass(frozen=True, order=True)
class Diagnostic:
    file: str
    line: int
    column: int
    message: str
    hint: str = ""
    severity: Severity = "galat"

    @property
    def is_error(self) -> bool:
        return self.severity == "galat"

    @property
    def word(self) -> str:
        """The severity as a user reads it: "kesalahan" or "peringatan"."""
        return WORDS.get(self.severity, self.severity)

    def format(self) -> str:
        text = f"{_safe(self.file)}:{self.line}:{self.column}: {self.word}: {_safe(self.message)}"
        if self.hint:
            text += f"\n    cara memperbaiki: {_safe(self.hint)}"
        return text


# Control characters and direction overrides from a file name or a quoted value would
# drive the terminal (colours, a cleared screen) or reorder the line: shown as '?'.
_UNSAFE = dict.fromkeys(
    [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0), *range(0x202A, 0x202F),
     *range(0x2066, 0x206A)],
    "?",
)  # fmt: skip


def _safe(text: str) -> str:
    return text.translate(_UNSAFE)


def did_you_mean(name: str, choices: Iterable[str]) -> str:
    """'; maksud Anda 'X'?' for a near miss, else ''. Case-insensitive."""
    match = closest(name, choices)
    return f"; maksud Anda '{match}'?" if match is not None else ""


def closest(name: str, choices: Iterable[str]) -> str | None:
    """The choice ``name`` is a near miss of (the one ``did_you_mean`` names), or None."""
    lowered = {c.lower(): c for c in choices}
    if name.lower() in lowered:
        return lowered[name.lower()]
    match = difflib.get_close_matches(name.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[match[0]] if match else None


def summary(diagnostics: Iterable[Diagnostic]) -> str:
    diagnostics = list(diagnostics)
    errors = sum(d.is_error for d in diagnostics)
    warnings = len(diagnostics) - errors
    return f"{errors} {ERROR_WORD}, {warnings} peringatan"


class SopgenError(click.ClickException):
    exit_code = 1

    def show(self, file=None) -> None:  # Indonesian label instead of click's "Error:"
        click.echo(f"{ERROR_WORD}: {_safe(self.format_message())}", err=True)


class InputError(SopgenError):
    """Bad data: every problem found, in file order."""

    def __init__(
        self, diagnostics: Iterable[Diagnostic], errors_only: bool = False, strict: bool = False
    ):
        self.diagnostics = sorted(diagnostics)
        self.errors_only = errors_only  # --quiet: list the errors, still count the lints
        self.strict = strict  # --strict: the lints stop the build too
        super().__init__(summary(self.diagnostics))

    def format_message(self) -> str:
        shown = [d for d in self.diagnostics if d.is_error or not self.errors_only]
        lines = [d.format() for d in shown]
        lines.append(f"Ditemukan {summary(self.diagnostics)}. Tidak ada berkas yang ditulis.")
        errors = [d for d in shown if d.is_error]
        if errors and len(errors) < len(shown) and not self.strict:
            # errors among lints: say which ones stop the build
            # one mention per place (a wrong key there may also leave a required one out)
            places = list(dict.fromkeys(f"{_safe(d.file)}:{d.line}:{d.column}" for d in errors))
            more = f" dan {len(places) - 5} lainnya" if len(places) > 5 else ""
            places = places[:5]
            lines.append(
                f"Yang harus diperbaiki: {', '.join(places)}{more}. Peringatan tidak "
                "menghentikan pembuatan; '-q' hanya menampilkan kesalahan."
            )
        return "\n".join(lines)

    def show(self, file=None) -> None:
        click.echo(self.format_message(), err=True)


class RenderError(SopgenError):
    """An output that cannot be written (e.g. a file locked by a PDF viewer)."""
