"""The command line: thin click commands over load -> check -> layout -> render."""

from __future__ import annotations

import json
from pathlib import Path

import click

from sopgen.errors import InputError, summary
from sopgen.files import write_atomic

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


def _verbosity_options(func):
    func = click.option("-q", "--quiet", is_flag=True, help="Hanya tampilkan galat.")(func)
    func = click.option("-v", "--verbose", is_flag=True, help="Tampilkan rincian proses.")(func)
    return func


@click.group(context_settings=CONTEXT)
@click.version_option(package_name="sopgen", message="sopgen %(version)s")
def main() -> None:
    """sopgen: SOP Administrasi Pemerintahan (Permenpan RB 35/2012) dari berkas YAML.

    \b
    Contoh:
      sopgen check data          periksa data dan tampilkan saran
      sopgen pdf data output     buat binder PDF di output/pdf/
      sopgen html data output    buat buku panduan HTML di output/html/
    """


DATA_ARG = click.argument("data", default="data", type=click.Path(file_okay=False, path_type=Path))
OUT_ARG = click.argument(
    "output", default="output", type=click.Path(file_okay=False, path_type=Path)
)


def _load(data: Path, strict: bool, say: Verbosity, show_lints: bool = True):
    """Load and check; print lints; raise InputError (exit 1) on any error.

    Build commands pass show_lints=False: they count the lints and point at
    'sopgen check' (or --verbose) instead of repeating them on every build."""
    from sopgen.load import read_data

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


@main.command()
@DATA_ARG
@click.option("--strict", is_flag=True, help="Anggap peringatan sebagai galat.")
@_verbosity_options
def check(data: Path, strict: bool, quiet: bool, verbose: bool) -> None:
    """Periksa data YAML: galat (exit 1) dan peringatan (exit 0)."""
    say = Verbosity(quiet, verbose)
    projects, diagnostics = _load(data, strict, say)
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
    from sopgen.render.common import layout_project, make_style
    from sopgen.render.fonts import measure, register_fonts

    register_fonts()
    for project in projects:
        layout_project(project, make_style(project), measure)


@main.command()
@click.option(
    "-o",
    "--output",
    "folder",
    default="schema",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder tujuan (bawaan: schema/).",
)
@_verbosity_options
def schema(folder: Path, quiet: bool, verbose: bool) -> None:
    """Tulis JSON Schema berkas dokumen dan prosedur (untuk pelengkapan di editor)."""
    from sopgen.model import Dokumen, Prosedur

    say = Verbosity(quiet, verbose)
    folder.mkdir(parents=True, exist_ok=True)
    for name, model in (("dokumen", Dokumen), ("prosedur", Prosedur)):
        target = folder / f"{name}.schema.json"
        write_atomic(target, json_schema(model, name).encode("utf-8"))
        say.info(f"ditulis: {target}")


def json_schema(model, name: str) -> str:
    schema = model.model_json_schema()
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://sopgen.invalid/schema/{name}.schema.json",
        **schema,
    }
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


@main.command()
@DATA_ARG
@OUT_ARG
@click.option("--kertas", type=click.Choice(["A4", "F4"]), help="Ukuran kertas (bawaan: data).")
@click.option("--jumlah-waktu/--tanpa-jumlah-waktu", default=None, help="Baris 'Jumlah waktu'.")
@click.option(
    "--riwayat/--tanpa-riwayat", default=None, help="Lampiran 'Riwayat Revisi' di akhir binder."
)
@click.option("--strict", is_flag=True, help="Anggap peringatan sebagai galat.")
@_verbosity_options
def pdf(data, output, kertas, jumlah_waktu, riwayat, strict, quiet, verbose) -> None:
    """Buat binder PDF resmi dan satu PDF per prosedur di OUTPUT/pdf/."""
    from sopgen.progress import progress
    from sopgen.render.pdf import build_pdfs

    say = Verbosity(quiet, verbose)
    projects, _ = _load(data, strict, say, show_lints=False)
    for project in progress(projects, "Membuat PDF", say):
        for path in build_pdfs(
            project, output, paper=kertas, show_total=jumlah_waktu, riwayat=riwayat
        ):
            say.debug(f"ditulis: {path}")
        say.info(f"binder: {Path(output) / 'pdf' / (project.name + '.pdf')}")


@main.command()
@DATA_ARG
@OUT_ARG
@click.option("--strict", is_flag=True, help="Anggap peringatan sebagai galat.")
@_verbosity_options
def html(data, output, strict, quiet, verbose) -> None:
    """Buat buku panduan HTML (statis, luring) di OUTPUT/html/."""
    from sopgen.render.html import build_site

    say = Verbosity(quiet, verbose)
    projects, _ = _load(data, strict, say, show_lints=False)
    index = build_site(projects, output)
    say.info(f"buku panduan: {index}")


def _register_editing_commands() -> None:
    from sopgen.cli_edit import register

    register(main)


_register_editing_commands()


if __name__ == "__main__":  # pragma: no cover
    main()
