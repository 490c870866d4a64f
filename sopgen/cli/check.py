"""sopgen check: validate the data, show errors and lints, lay every procedure out."""

from __future__ import annotations

import shutil
from pathlib import Path

import click

from sopgen.cli.common import DATA_ARG, OUT_ARG, Verbosity, jobs_option, load, verbosity_options
from sopgen.errors import summary


@click.command("check")
@DATA_ARG
@OUT_ARG
@click.option("--strict", is_flag=True, help="Anggap peringatan sebagai kesalahan.")
@jobs_option
@click.option(
    "--tanpa-cache",
    "no_cache",
    is_flag=True,
    help="Jangan memakai atau mengisi OUTPUT/.sopgen-cache/.",
)
@verbosity_options
def check(
    data: Path,
    output: Path,
    strict: bool,
    jobs: int | None,
    no_cache: bool,
    quiet: bool,
    verbose: bool,
) -> None:
    """Periksa data YAML: kesalahan (harus diperbaiki) dan peringatan (saran perbaikan).

    Kesalahan menghentikan pembuatan PDF dan buku panduan; peringatan tidak (kecuali
    dengan --strict).

    Setiap prosedur juga ditata letak seperti di binder (baris yang terlalu tinggi untuk
    satu halaman dilaporkan). Tata letak itu disimpan di OUTPUT/.sopgen-cache/, sehingga
    'sopgen build' sesudahnya tidak menata letak ulang.
    """
    from sopgen.build.cache import FOLDER
    from sopgen.build.parsed import KeptLoad

    say = Verbosity(quiet, verbose)
    created = not output.exists()  # a failed check leaves no output folder behind
    kept = None if no_cache else KeptLoad(output / FOLDER)
    try:
        projects, diagnostics = load(data, strict, say, kept=kept)
        laid_out = _check_layout(projects, None if no_cache else output / FOLDER, jobs)
        if kept is not None:
            kept.save()
    except BaseException:
        if created:
            shutil.rmtree(output, ignore_errors=True)
        raise
    steps = sum(len(p.data.kegiatan) for project in projects for p in project.procedures)
    procedures = sum(len(project.procedures) for project in projects)
    say.debug(f"{laid_out} prosedur ditata letak, sisanya dari cache.")
    say.info(
        f"{len(projects)} dokumen, {procedures} prosedur, {steps} langkah diperiksa: "
        f"{summary(diagnostics)}."
    )


def _check_layout(projects, cache_folder: Path | None, jobs: int | None) -> int:
    """Lay every procedure out as the PDF would, so 'check' also finds a row too tall
    for a page (raises InputError with its position); the layouts are kept for the
    build. Returns how many had to be laid out."""
    from sopgen.build.lay_out import lay_out
    from sopgen.build.run import default_jobs

    return lay_out(projects, cache_folder, jobs or default_jobs())


command = check
