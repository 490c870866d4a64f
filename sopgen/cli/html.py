"""sopgen html: the offline handbook (the handbook part of a build)."""

from __future__ import annotations

import click

from sopgen.cli.common import (
    DATA_ARG,
    OUT_ARG,
    build_options,
    run_parts,
    verbosity_options,
)


@click.command("html")
@DATA_ARG
@OUT_ARG
@click.option("--strict", is_flag=True, help="Anggap peringatan sebagai kesalahan.")
@build_options
@verbosity_options
def html(data, output, **options) -> None:
    """Buat buku panduan HTML (statis, luring, dengan PDF-nya) di OUTPUT/html/."""
    run_parts(data, output, pdf=False, html=True, **options)


command = html
