"""Commands for revising an SOP: new, diff, serve (registered on the main group).

The commands import their machinery inside the functions: ``sopgen.cli`` imports this
module while it is being defined, and a `sopgen check` should not pay for http.server.
"""

from __future__ import annotations

from pathlib import Path

import click


def _verbosity_options(func):
    """-q/--quiet and -v/--verbose, as on every sopgen command (see sopgen.cli)."""
    func = click.option("-q", "--quiet", is_flag=True, help="Hanya tampilkan galat.")(func)
    func = click.option("-v", "--verbose", is_flag=True, help="Tampilkan rincian proses.")(func)
    return func


def _say(quiet: bool, verbose: bool):
    from sopgen.cli import Verbosity

    return Verbosity(quiet, verbose)


# --- sopgen new ---------------------------------------------------------------------------


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
@click.option(
    "--data",
    "data",
    default="data",
    show_default=True,
    type=click.Path(path_type=Path),
    help="Folder data tempat mencari dokumen.",
)
@_verbosity_options
def new_prosedur(proc_id: str, dokumen: Path | None, data: Path, quiet: bool, verbose: bool):
    """Buat prosedur baru ID.yaml dan tambahkan ID ke daftar 'prosedur' di dokumen.yaml."""
    from sopgen.scaffold import find_document_folder, new_procedure

    say = _say(quiet, verbose)
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
@click.option(
    "--data",
    "data",
    default="data",
    show_default=True,
    type=click.Path(path_type=Path),
    help="Folder data tempat folder dokumen baru dibuat.",
)
@click.option(
    "--prosedur",
    "first",
    default="contoh",
    show_default=True,
    help="Id (nama berkas) prosedur pertama.",
)
@_verbosity_options
def new_dokumen(name: str, data: Path, first: str, quiet: bool, verbose: bool):
    """Buat folder dokumen baru DATA/NAMA: dokumen.yaml dan satu prosedur contoh."""
    from sopgen.scaffold import new_document

    say = _say(quiet, verbose)
    created = new_document(name, data, first)
    for path in created.files:
        say.info(f"dibuat: {path.as_posix()}")
    say.info(
        "Berikutnya: isi kunci yang masih kosong di kedua berkas, lalu jalankan "
        f"'sopgen check {data.as_posix()}' (atau 'make check')."
    )


# --- sopgen diff --------------------------------------------------------------------------


@click.command("diff")
@click.argument("old", metavar="LAMA")
@click.argument("new", metavar="BARU")
@click.option(
    "--data",
    "data",
    default="data",
    show_default=True,
    type=click.Path(path_type=Path),
    help="Folder data di repositori, bila LAMA/BARU adalah revisi git.",
)
@click.option(
    "--html",
    "html_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Tulis juga halaman HTML mandiri untuk penanda tangan.",
)
@_verbosity_options
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
    from sopgen.diff import compare, load_both, render_text, sources, titles

    say = _say(quiet, verbose)
    with sources(old, new, data) as (before, after):
        old_projects, new_projects = load_both(before, after)
    for side, projects in ((before, old_projects), (after, new_projects)):
        count = sum(len(p.procedures) for p in projects)
        say.debug(f"{side.label}: {len(projects)} dokumen, {count} prosedur")
    changes = compare(old_projects, new_projects)
    if not quiet:
        click.echo(render_text(changes))
    if html_file is not None:
        from sopgen.diff_html import render_html
        from sopgen.files import write_atomic

        page = render_html(changes, old, new, titles(old_projects, new_projects))
        try:
            write_atomic(html_file, page.encode("utf-8"))
        except OSError as err:
            from sopgen.errors import RenderError

            raise RenderError(
                f"tidak dapat menulis {html_file.as_posix()}: {err.strerror or err}"
            ) from err
        say.info(f"halaman HTML: {html_file.as_posix()}")


# --- sopgen serve -------------------------------------------------------------------------


@click.command("serve")
@click.argument("data", default="data", type=click.Path(file_okay=False, path_type=Path))
@click.argument("output", default="output", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
    help="Port di komputer ini (0 = pilih port yang bebas).",
)  # fmt: skip
@click.option(
    "--host", default="127.0.0.1", show_default=True,
    help="Alamat server; bawaan hanya dapat dibuka dari komputer ini.",
)  # fmt: skip
@click.option("--no-open", is_flag=True, help="Jangan buka peramban secara otomatis.")
@_verbosity_options
def serve(data: Path, output: Path, port: int, host: str, no_open: bool, quiet, verbose):
    """Pratinjau langsung buku panduan selama mengedit YAML.

    Membangun buku panduan ke OUTPUT/html/, menyajikannya di http://127.0.0.1:8000/ dan
    membangunnya ulang setiap kali berkas di DATA disimpan; halaman di peramban dimuat
    ulang sendiri. Galat data tampil di peramban dan di sini. Ctrl+C untuk berhenti.
    """
    import signal
    import time

    from sopgen.serve import PreviewServer

    def terminate(signum, frame):  # `kill` or closing the window: stop as with Ctrl+C
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, terminate)
    except ValueError:  # not the main thread: keep the default
        previous = None

    say = _say(quiet, verbose)
    preview = PreviewServer(
        data, output, host=host, port=port, echo=say.info, echo_detail=say.debug
    )
    say.info(f"Membangun buku panduan dari {data.as_posix()} ...")
    try:
        preview.start()
        say.info(f"Pratinjau: {preview.url}  (Ctrl+C untuk berhenti)")
        say.info(f"Mengawasi perubahan di {data.as_posix()}/")
        if not no_open:
            import webbrowser

            try:
                webbrowser.open(preview.url)
            except Exception:  # no browser: the address is printed above
                pass
        while True:
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        preview.stop()
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    say.info("Pratinjau dihentikan.")


def register(group: click.Group) -> None:
    """Add the editing commands to the main command group."""
    group.add_command(new)
    group.add_command(diff)
    group.add_command(serve)
