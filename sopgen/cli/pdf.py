"""sopgen pdf: the official binder and one PDF per procedure (the PDF part of a build)."""

from __future__ import annotations

import click

from sopgen.cli.common import (
    DATA_ARG,
    OUT_ARG,
    build_options,
    pdf_options,
    run_parts,
    verbosity_options,
)


@click.command("pdf")
@DATA_ARG
@OUT_ARG
@pdf_options
@click.option("--strict", is_flag=True, help="Anggap peringatan sebagai kesalahan.")
@build_options
@verbosity_options
def pdf(data, output, **options) -> None:
    """Buat binder PDF resmi dan satu PDF per prosedur di OUTPUT/pdf/."""
    run_parts(data, output, pdf=True, html=False, **options)


command = pdf
