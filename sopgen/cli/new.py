"""sopgen new: new procedure and document files from commented templates."""

from __future__ import annotations

from pathlib import Path

import click

from sopgen.cli.common import Verbosity, data_option, verbosity_options


@click.group("new")
def new() -> None:
    """Buat berkas SOP baru dari templat berkomentar.

    \b
    Contoh:
      sopgen new prosedur arsip                     data/<dokumen>/arsip.yaml
      sopgen new prosedur arsip --dokumen data/sekretariat
      sopgen new dokumen umum                       data/umum/dokumen.yaml + contoh.yaml
    """


@new.command("prosedur")
@click.argument("proc_id", metavar="ID")
@click.option(
    "--dokumen",
    "dokumen",
    type=click.Path(path_type=Path),
    help="Folder dokumen (mis. data/sekretariat); bawaan: satu-satunya dokumen di data/.",
)
@data_option("Folder data tempat mencari dokumen.")
@verbosity_options
def new_prosedur(proc_id: str, dokumen: Path | None, data: Path, quiet: bool, verbose: bool):
    """Buat prosedur baru ID.yaml dan tambahkan ID ke daftar 'prosedur' di dokumen.yaml."""
    from sopgen.edit.new import find_document_folder, new_procedure

    say = Verbosity(quiet, verbose)
    folder = find_document_folder(dokumen, data)
    created = new_procedure(proc_id, folder)
    for path in created.files:
        say.info(f"dibuat: {path.as_posix()}")
    if created.listed_in is not None:
        say.info(f"'{proc_id}' ditambahkan ke daftar 'prosedur' di {created.listed_in.as_posix()}")
    say.info(
        "Berikutnya: isi kunci yang masih kosong, lalu jalankan 'sopgen check "
        f"{data.as_posix()}' (atau 'make check')."
    )


@new.command("dokumen")
@click.argument("name", metavar="NAMA")
@data_option("Folder data tempat folder dokumen baru dibuat.")
@click.option(
    "--prosedur",
    "first",
    default="contoh",
    show_default=True,
    help="Id (nama berkas) prosedur pertama.",
)
@verbosity_options
def new_dokumen(name: str, data: Path, first: str, quiet: bool, verbose: bool):
    """Buat folder dokumen baru DATA/NAMA: dokumen.yaml dan satu prosedur contoh."""
    from sopgen.edit.new import new_document

    say = Verbosity(quiet, verbose)
    created = new_document(name, data, first)
    for path in created.files:
        say.info(f"dibuat: {path.as_posix()}")
    say.info(
        "Berikutnya: isi kunci yang masih kosong di kedua berkas, lalu jalankan "
        f"'sopgen check {data.as_posix()}' (atau 'make check')."
    )


command = new
