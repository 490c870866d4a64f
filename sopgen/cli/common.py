"""What every command shares: --quiet/--verbose, the DATA and OUTPUT arguments, and
loading a data folder with its diagnostics printed."""

from __future__ import annotations

from pathlib import Path

import click

from sopgen.errors import InputError

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class Verbosity:
    """--quiet / --verbose, shared by every command."""

    def __init__(self, quiet: bool = False, verbose: bool = False):
        self.quiet, self.verbose = quiet, verbose

    def info(self, message: str) -> None:
        if not self.quiet:
            click.echo(message)

    def debug(self, message: str) -> None:
        if self.verbose and not self.quiet:
            click.echo(message)


def verbosity_options(func):
    func = click.option("-q", "--quiet", is_flag=True, help="Hanya tampilkan kesalahan.")(func)
    func = click.option("-v", "--verbose", is_flag=True, help="Tampilkan rincian proses.")(func)
    return func


def data_option(help: str):
    """--data FOLDER (default data/), for the commands whose arguments are something else."""
    return click.option(
        "--data",
        "data",
        default="data",
        show_default=True,
        type=click.Path(path_type=Path),
        help=help,
    )


DATA_ARG = click.argument("data", default="data", type=click.Path(file_okay=False, path_type=Path))
OUT_ARG = click.argument(
    "output", default="output", type=click.Path(file_okay=False, path_type=Path)
)


def load(data: Path, strict: bool, say: Verbosity, show_lints: bool = True):
    """Load and check; print lints; raise InputError (exit 1) on any error.

    Build commands pass show_lints=False: they count the lints and point at
    'sopgen check' (or --verbose) instead of repeating them on every build."""
    from sopgen.build import read_data

    projects, diagnostics = read_data(data)
    errors = [d for d in diagnostics if d.is_error]
    fatal = errors or (strict and diagnostics)
    if fatal:
        raise InputError(diagnostics)
    if show_lints or say.verbose:
        if not say.quiet:
            for diagnostic in diagnostics:
                click.echo(diagnostic.format(), err=True)
    elif diagnostics:
        say.info(f"{len(diagnostics)} peringatan pada data (lihat dengan 'sopgen check {data}').")
    return projects, diagnostics
