"""sopgen impor: existing SOPs (PDF, Excel workbooks) -> document folders of YAML."""

from __future__ import annotations

from pathlib import Path

import click

from sopgen.cli.common import Verbosity, verbosity_options
from sopgen.cli.progress import progress


@click.command("impor")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--ke",
    "target",
    default="data",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder tujuan; tiap berkas menjadi satu folder dokumen di dalamnya.",
)
@click.option("--timpa", is_flag=True, help="Timpa folder dokumen yang sudah ada.")
@verbosity_options
def impor(files: tuple[Path, ...], target: Path, timpa: bool, quiet: bool, verbose: bool) -> None:
    """Impor SOP yang sudah ada (PDF atau Excel .xlsx) menjadi berkas YAML sopgen.

    \b
    Contoh:
      sopgen impor sop-surat-masuk.pdf            -> data/sop-surat-masuk/
      sopgen impor *.pdf *.xlsx --ke data/impor

    Tempat yang perlu diperiksa ditandai '# impor: ...' di YAML dan didaftar di akhir.
    """
    from sopgen.impor.run import import_all

    say = Verbosity(quiet, verbose)

    def each(jobs):
        return progress(jobs, "Mengimpor", say, lambda job: job[0].name)

    outcomes = import_all(list(files), target, timpa, each)
    failed = [o for o in outcomes if o.error]
    places = [p for o in outcomes if o.written for p in o.written.places]
    for o in outcomes:
        if o.written:
            say.info(
                f"{o.source} -> {o.written.folder}/ ({o.procedures} prosedur, "
                f"{o.steps} langkah, {len(o.written.places)} tempat perlu diperiksa; "
                f"{_checked(o.written.folder, say)})"
            )
    if places and not quiet:
        click.echo("\nPerlu diperiksa (catatan '# impor:' di YAML):")
        for place in places:
            click.echo(f"  {place}")
    for o in failed:
        click.echo(f"{o.source}: kesalahan: {o.error}", err=True)
        if o.hint:
            click.echo(f"    cara memperbaiki: {o.hint}", err=True)
    done = len(outcomes) - len(failed)
    if done:
        say.info(
            f"\n{done} dari {len(outcomes)} berkas diimpor; {len(places)} tempat perlu "
            f"diperiksa. Lalu jalankan 'sopgen check {target}'."
        )
    if failed:
        if len(failed) == len(outcomes):
            click.echo("Tidak ada berkas yang ditulis.", err=True)
        raise SystemExit(1)


def _checked(folder: Path, say: Verbosity) -> str:
    """What 'sopgen check' (without the layout) says about a written folder."""
    from sopgen.build import read_data

    _, diagnostics = read_data(folder)
    errors = [d for d in diagnostics if d.is_error]
    for diagnostic in errors:
        say.debug(diagnostic.format())
    if errors:
        return f"{len(errors)} kesalahan pada pemeriksaan, lihat 'sopgen check {folder}'"
    return f"lolos pemeriksaan, {len(diagnostics)} peringatan"


command = impor
