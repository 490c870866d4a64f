"""click's own messages (usage errors, help headings) in Indonesian, as every other message
of sopgen.

click words its messages through gettext (each of its modules does
``from gettext import gettext as _``). Shipping a compiled catalog would also need a
locale switch on the user's machine (Windows has none by default), so the table below is
given to those modules' ``_`` and ``ngettext`` instead. A message missing from the table
stays as click writes it.
"""

from __future__ import annotations

import click.core
import click.decorators
import click.exceptions
import click.formatting
import click.parser
import click.types

WORDS = {
    "Usage:": "Pemakaian:",
    "Options": "Opsi",
    "Commands": "Perintah",
    "Positional arguments": "Argumen",
    "Show this message and exit.": "Tampilkan bantuan ini lalu keluar.",
    "Show the version and exit.": "Tampilkan versi sopgen lalu keluar.",
    "%(prog)s, version %(version)s": "%(prog)s, versi %(version)s",
    "default: {default}": "bawaan: {default}",
    "Error: {message}": "kesalahan: {message}",
    "Try '{command} {option}' for help.": "Lihat bantuannya dengan '{command} {option}'.",
    "Aborted!": "Dibatalkan.",
    "unknown error": "kesalahan yang tidak dikenal",
    "Missing command.": "Perintahnya belum ditulis.",
    "Missing argument": "Argumen belum ditulis",
    "Missing option": "Opsi belum ditulis",
    "Missing parameter": "Parameter belum ditulis",
    "Missing parameter: {param_name}": "Parameter belum ditulis: {param_name}",
    "Missing {param_type}": "{param_type} belum ditulis",
    "No such command {name!r}.": "Perintah {name!r} tidak ada.",
    "No such option {name!r}.": "Opsi {name!r} tidak ada.",
    "Did you mean {possibility}?": "Maksud Anda {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Maksud Anda salah satu dari: {possibilities}?)",
    "Option {name!r} does not take a value.": "Opsi {name!r} tidak memakai nilai.",
    "Option {name!r} requires an argument.": "Opsi {name!r} memerlukan nilai.",
    "Option {name!r} requires {nargs} arguments.": "Opsi {name!r} memerlukan {nargs} nilai.",
    "Got unexpected extra argument ({args})": "Ada argumen berlebih ({args})",
    "Got unexpected extra arguments ({args})": "Ada argumen berlebih ({args})",
    "Invalid value for {param_hint}: {message}": "Nilai {param_hint} tidak sah: {message}",
    "Invalid value: {message}": "Nilai tidak sah: {message}",
    "Could not open file {filename!r}: {message}": (
        "Berkas {filename!r} tidak dapat dibuka: {message}"
    ),
    "file": "berkas",
    "directory": "folder",
    "path": "jalur",
    "{name} {filename!r} does not exist.": "{name} {filename!r} tidak ada.",
    "{name} {filename!r} is a file.": "{name} {filename!r} adalah berkas, bukan folder.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} adalah folder, bukan berkas.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} tidak dapat dibaca.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} tidak dapat ditulisi.",
    "{value!r} is not a valid {number_type}.": "{value!r} bukan bilangan yang sah.",
    "{value} is not in the range {range}.": "{value} di luar rentang {range}.",
    "{value!r} is not {choice}.": "{value!r} bukan {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} bukan salah satu dari {choices}.",
    "Choose from:\n\t{choices}": "Pilih dari:\n\t{choices}",
}


def indonesian(message: str) -> str:
    return WORDS.get(message, message)


def indonesian_plural(singular: str, plural: str, n: int) -> str:
    return indonesian(singular if n == 1 else plural)


def install() -> None:
    """Give click's modules the table (idempotent; sopgen's CLI calls it on import)."""
    for module in (
        click.core,
        click.decorators,
        click.exceptions,
        click.formatting,
        click.parser,
        click.types,
    ):
        if hasattr(module, "_"):
            module._ = indonesian
        if hasattr(module, "ngettext"):
            module.ngettext = indonesian_plural
