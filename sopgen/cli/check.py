"""sopgen check: validate the data, show errors and lints, lay every procedure out."""

from __future__ import annotations

from pathlib import Path

import click

from sopgen.cli.common import DATA_ARG, Verbosity, load, verbosity_options
from sopgen.errors import summary


@click.command("check")
@DATA_ARG
@click.option("--strict", is_flag=True, help="Anggap peringatan sebagai kesalahan.")
@verbosity_options
def check(data: Path, strict: bool, quiet: bool, verbose: bool) -> None:
    """Periksa data YAML: kesalahan (exit 1) dan peringatan (exit 0)."""
    say = Verbosity(quiet, verbose)
    projects, diagnostics = load(data, strict, say)
    _check_layout(projects)
    steps = sum(len(p.data.kegiatan) for project in projects for p in project.procedures)
    procedures = sum(len(project.procedures) for project in projects)
    say.info(
        f"{len(projects)} dokumen, {procedures} prosedur, {steps} langkah diperiksa: "
        f"{summary(diagnostics)}."
    )


def _check_layout(projects) -> None:
    """Lay every procedure out as the PDF would, so 'check' also finds a row too tall
    for a page (raises InputError with its position)."""
    from sopgen.build.layouts import layout_project
    from sopgen.render.common import make_style
    from sopgen.render.fonts import measure, register_fonts

    register_fonts()
    for project in projects:
        layout_project(project, make_style(project), measure)


command = check
