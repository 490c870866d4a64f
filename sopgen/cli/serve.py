"""sopgen serve: live preview of the handbook while editing the YAML."""

from __future__ import annotations

from pathlib import Path

import click

from sopgen.cli.common import Verbosity, verbosity_options


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
@verbosity_options
def serve(data: Path, output: Path, port: int, host: str, no_open: bool, quiet, verbose):
    """Pratinjau langsung buku panduan selama mengedit YAML.

    Membangun buku panduan ke OUTPUT/html/, menyajikannya di http://127.0.0.1:8000/ dan
    membangunnya ulang setiap kali berkas di DATA disimpan; halaman di peramban dimuat
    ulang sendiri. Galat data tampil di peramban dan di sini. Ctrl+C untuk berhenti.
    """
    import signal
    import time

    from sopgen.edit.serve import PreviewServer

    def terminate(signum, frame):  # `kill` or closing the window: stop as with Ctrl+C
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, terminate)
    except ValueError:  # not the main thread: keep the default
        previous = None

    say = Verbosity(quiet, verbose)
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


command = serve
