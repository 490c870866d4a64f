"""sopgen html: the offline handbook."""

from __future__ import annotations

import click

from sopgen.cli.common import DATA_ARG, OUT_ARG, Verbosity, load, verbosity_options


@click.command("html")
@DATA_ARG
@OUT_ARG
@click.option("--strict", is_flag=True, help="Anggap peringatan sebagai kesalahan.")
@verbosity_options
def html(data, output, strict, quiet, verbose) -> None:
    """Buat buku panduan HTML (statis, luring, dengan PDF-nya) di OUTPUT/html/."""
    from sopgen.build import build_handbook

    say = Verbosity(quiet, verbose)
    projects, _ = load(data, strict, say, show_lints=False)
    index = build_handbook(projects, output)
    say.info(f"buku panduan: {index}")


command = html
