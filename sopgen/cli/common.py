"""What every command shares: --quiet/--verbose, the DATA and OUTPUT arguments, and
loading a data folder with its diagnostics printed."""

from __future__ import annotations

from pathlib import Path

import click

from sopgen.cli import words
from sopgen.errors import InputError

# before any command is declared: click names its parameter types ('directory') then
words.install()

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


def load(data: Path, strict: bool, say: Verbosity, show_lints: bool = True, kept=None):
    """Load and check; print lints; raise InputError (exit 1) on any error.
    ``kept``: parses and check results kept between runs (``build.parsed.KeptLoad``).

    Build commands pass show_lints=False: they count the lints and point at
    'sopgen check' (or --verbose) instead of repeating them on every build."""
    from sopgen.build import read_data

    stores = (kept.parsed, kept.checked) if kept is not None else ()
    projects, diagnostics = read_data(data, *stores)
    errors = [d for d in diagnostics if d.is_error]
    fatal = errors or (strict and diagnostics)
    if fatal:
        # --quiet promises "only errors"; with --strict every lint is an error
        raise InputError(diagnostics, errors_only=say.quiet and not strict, strict=strict)
    if show_lints or say.verbose:
        if not say.quiet:
            # in file order, as errors are; those at one place in the order found
            for diagnostic in sorted(diagnostics, key=lambda d: (d.file, d.line, d.column)):
                click.echo(diagnostic.format(), err=True)
    elif diagnostics:
        say.info(f"{len(diagnostics)} peringatan pada data (lihat dengan 'sopgen check {data}').")
    return projects, diagnostics


def build_options(func):
    """-j/--jobs and --tanpa-cache, for the commands that lay out and render."""
    func = click.option(
        "--tanpa-cache",
        "no_cache",
        is_flag=True,
        help="Bangun semuanya dari awal tanpa memakai atau mengisi OUTPUT/.sopgen-cache/.",
    )(func)
    return jobs_option(func)


def jobs_option(func):
    """-j/--jobs: how many processes lay out (and render) at once."""
    return click.option(
        "-j",
        "--jobs",
        type=click.IntRange(1, None),
        default=None,
        help="Jumlah proses yang bekerja bersamaan (bawaan: jumlah inti prosesor).",
    )(func)


def pdf_options(func):
    """The PDF's overrides of dokumen.yaml 'pengaturan'."""
    for option in reversed(
        [
            click.option(
                "--kertas", type=click.Choice(["A4", "F4"]), help="Ukuran kertas (bawaan: data)."
            ),
            click.option(
                "--jumlah-waktu/--tanpa-jumlah-waktu", default=None, help="Baris 'Jumlah waktu'."
            ),
            click.option(
                "--riwayat/--tanpa-riwayat",
                default=None,
                help="Lampiran 'Riwayat Revisi' di akhir binder.",
            ),
            click.option(
                "--arsip/--tanpa-arsip",
                default=None,
                help="Tulis PDF/A-2b untuk arsip (bawaan: data).",
            ),
        ]
    ):
        func = option(func)
    return func


def build_command(name: str, with_pdf_options: bool = True):
    """The decorators of ``sopgen build``, ``pdf`` and ``html``: DATA, OUTPUT, the PDF's
    options (not for html), --strict, -j / --tanpa-cache, --quiet / --verbose."""

    def declare(func):
        func = verbosity_options(func)
        func = build_options(func)
        func = click.option("--strict", is_flag=True, help="Anggap peringatan sebagai kesalahan.")(
            func
        )
        if with_pdf_options:
            func = pdf_options(func)
        return click.command(name)(DATA_ARG(OUT_ARG(func)))

    return declare


def run_parts(
    data: Path,
    output: Path,
    *,
    pdf: bool,
    html: bool,
    strict: bool,
    jobs: int | None,
    no_cache: bool,
    quiet: bool,
    verbose: bool,
    kertas: str | None = None,
    jumlah_waktu: bool | None = None,
    riwayat: bool | None = None,
    arsip: bool | None = None,
):
    """``sopgen build`` / ``pdf`` / ``html`` with their command-line values: the parts asked
    for, the rest of the options as the user gave them."""
    return run_build(
        data,
        output,
        strict,
        Verbosity(quiet, verbose),
        pdf=pdf,
        html=html,
        paper=kertas,
        show_total=jumlah_waktu,
        riwayat=riwayat,
        arsip=arsip,
        jobs=jobs,
        cache=not no_cache,
    )


def run_build(data: Path, output: Path, strict: bool, say: Verbosity, **options):
    """Load, check and build (``sopgen.build.run``); print what was written; return the
    report. ``options``: the fields of ``build.run.Options``."""
    import sys

    from sopgen.build import build
    from sopgen.build.cache import FOLDER
    from sopgen.build.parsed import KeptLoad
    from sopgen.build.run import Options
    from sopgen.memo import long_lived

    kept = KeptLoad(output / FOLDER) if options.get("cache", True) else None
    with long_lived():  # the catalog lives to the end
        projects, _ = load(data, strict, say, show_lints=False, kept=kept)
    total = sum(len(project.procedures) for project in projects)
    if say.quiet or not sys.stderr.isatty() or total < 2:
        report = build(projects, output, Options(**options))
    else:  # a bar on a terminal: a thousand procedures take a while
        with click.progressbar(
            length=total, label="Membangun", file=sys.stderr, item_show_func=lambda n: n
        ) as bar:

            def done(name: str) -> None:
                bar.update(1, name)

            report = build(projects, output, Options(**options, progress=done))
    if kept is not None:
        kept.save()
    for path in report.binders:
        say.info(f"binder: {path}")
    for path in report.pdfs:
        say.debug(f"ditulis: {path}")
    if report.index is not None:
        say.info(f"buku panduan: {report.index}")
    if options.get("cache", True):
        say.debug(
            f"{report.procedures} prosedur: {len(report.laid_out)} ditata letak ulang, "
            f"{len(report.rendered)} PDF prosedur dibuat ulang, sisanya dari cache."
        )
    return report
