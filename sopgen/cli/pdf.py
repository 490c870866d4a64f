"""sopgen pdf: the official binder and one PDF per procedure (the PDF part of a build)."""

from __future__ import annotations

import click

from sopgen.cli.common import (
    DATA_ARG,
    OUT_ARG,
    Verbosity,
    build_options,
    pdf_options,
    run_build,
    verbosity_options,
)


@click.command("pdf")
@DATA_ARG
@OUT_ARG
@pdf_options
@click.option("--strict", is_flag=True, help="Anggap peringatan sebagai kesalahan.")
@build_options
@verbosity_options
def pdf(
    data, output, kertas, jumlah_waktu, riwayat, arsip, strict, jobs, no_cache, quiet, verbose
) -> None:
    """Buat binder PDF resmi dan satu PDF per prosedur di OUTPUT/pdf/."""
    run_build(
        data,
        output,
        strict,
        Verbosity(quiet, verbose),
        pdf=True,
        html=False,
        paper=kertas,
        show_total=jumlah_waktu,
        riwayat=riwayat,
        arsip=arsip,
        jobs=jobs,
        cache=not no_cache,
    )


command = pdf
