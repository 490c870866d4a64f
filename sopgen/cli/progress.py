"""Progress for long commands: a bar on a terminal, plain lines in logs, nothing if quiet.

    for procedure in progress(project.procedures, "Membuat PDF", say):
        ...

On a terminal (stderr is a tty) a click progress bar shows the item being worked on; in a
log, a CI job or a pipe, one line per item ("[3/6] lakip") so the output stays readable;
with --quiet nothing. Everything goes to stderr: stdout stays for results.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

import click

T = TypeVar("T")


def item_name(item: object) -> str:
    """A procedure's id, a project's name, else the item as text."""
    for attribute in ("id", "name"):
        value = getattr(item, attribute, None)
        if isinstance(value, str):
            return value
    return str(item)


def progress(
    items: Iterable[T],
    label: str,
    verbosity: object | None,
    name: Callable[[T], str] = item_name,
) -> Iterator[T]:
    """Yield ``items`` while showing progress on stderr (see module doc).

    ``verbosity`` is a ``sopgen.cli.Verbosity`` (anything with a ``quiet`` attribute);
    None or quiet shows nothing."""
    items = list(items)
    if verbosity is None or getattr(verbosity, "quiet", False) or not items:
        yield from items
        return
    stream = sys.stderr
    if stream.isatty():
        with click.progressbar(
            items,
            label=label,
            file=stream,
            item_show_func=lambda item: name(item) if item is not None else None,
        ) as bar:
            yield from bar
        return
    total = len(items)
    for number, item in enumerate(items, start=1):
        click.echo(f"[{number}/{total}] {name(item)}", file=stream)
        yield item
