"""sopgen diff: what changed in the SOPs between two data folders or git revisions."""

from __future__ import annotations

from pathlib import Path

import click

from sopgen.cli.common import Verbosity, data_option, verbosity_options


@click.command("diff")
@click.argument("old", metavar="LAMA")
@click.argument("new", metavar="BARU")
@data_option("Folder data di repositori, bila LAMA/BARU adalah revisi git.")
@click.option(
    "--html",
    "html_file",
    type=click.Path(path_type=Path),  # a folder is refused in Indonesian below
    help="Tulis juga halaman HTML mandiri untuk penanda tangan.",
)
@verbosity_options
def diff(old: str, new: str, data: Path, html_file: Path | None, quiet: bool, verbose: bool):
    """Tampilkan perubahan SOP dari LAMA ke BARU.

    LAMA dan BARU adalah dua folder data, atau dua revisi git (mis. HEAD~1 HEAD) dari
    folder --data; keduanya boleh dicampur (mis. HEAD data: perubahan yang belum disimpan
    di git).

    \b
    Contoh:
      sopgen diff data-lama data
      sopgen diff HEAD~1 HEAD
      sopgen diff v2017 HEAD --html perubahan.html
    """
    from sopgen.edit.diff import compare, titles
    from sopgen.edit.diff_sources import load_both, sources
    from sopgen.edit.diff_text import render_text

    say = Verbosity(quiet, verbose)
    if html_file is not None:
        _check_html_target(html_file)
    with sources(old, new, data) as (before, after):
        old_projects, new_projects = load_both(before, after)
    for side, projects in ((before, old_projects), (after, new_projects)):
        count = sum(len(p.procedures) for p in projects)
        say.debug(f"{side.label}: {len(projects)} dokumen, {count} prosedur")
    changes = compare(old_projects, new_projects)
    if not quiet:
        click.echo(render_text(changes))
    if html_file is not None:
        from sopgen.edit.diff_html import render_html, signers_of, version_name
        from sopgen.files import write_atomic

        signers, place = signers_of(new_projects, changes)
        page = render_html(
            changes,
            old,
            new,
            titles(old_projects, new_projects),
            versions=(version_name(old, old_projects), version_name(new, new_projects)),
            signers=signers,
            place=place,
        )
        try:
            # only the file asked for: never a folder that was not there
            write_atomic(html_file, page.encode("utf-8"), make_folders=False)
        except OSError as err:
            from sopgen.errors import RenderError

            raise RenderError(
                f"tidak dapat menulis {html_file.as_posix()}: {err.strerror or err}"
            ) from err
        say.info(f"halaman HTML: {html_file.as_posix()}")


def _check_html_target(html_file: Path) -> None:
    """Before any work: the folder of --html must exist (it is never created) and the
    name must not be a folder."""
    from sopgen.errors import SopgenError

    folder = html_file.parent
    if not folder.exists():
        raise SopgenError(
            f"--html {html_file.as_posix()}: folder '{folder.as_posix()}' tidak ada; "
            "buat foldernya dulu atau tulis halaman di folder yang ada (mis. --html "
            f"{html_file.name})"
        )
    if html_file.is_dir():
        raise SopgenError(
            f"--html {html_file.as_posix()}: itu folder; tulis nama berkas, mis. "
            f"--html {(html_file / 'perubahan.html').as_posix()}"
        )


command = diff
