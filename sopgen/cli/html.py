"""sopgen html: the offline handbook (the handbook part of a build)."""

from __future__ import annotations

import click

from sopgen.cli.common import (
    DATA_ARG,
    OUT_ARG,
    Verbosity,
    build_options,
    run_build,
    verbosity_options,
)


@click.command("html")
@DATA_ARG
@OUT_ARG
@click.option("--strict", is_flag=True, help="Anggap peringatan sebagai kesalahan.")
@build_options
@verbosity_options
def html(data, output, strict, jobs, no_cache, quiet, verbose) -> None:
    """Buat buku panduan HTML (statis, luring, dengan PDF-nya) di OUTPUT/html/."""
    run_build(
        data,
        output,
        strict,
        Verbosity(quiet, verbose),
        pdf=False,
        html=True,
        jobs=jobs,
        cache=not no_cache,
    )


command = html
