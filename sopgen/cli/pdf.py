"""sopgen pdf: the official binder and one PDF per procedure."""

from __future__ import annotations

from pathlib import Path

import click

from sopgen.cli.common import DATA_ARG, OUT_ARG, Verbosity, load, verbosity_options


@click.command("pdf")
@DATA_ARG
@OUT_ARG
@click.option("--kertas", type=click.Choice(["A4", "F4"]), help="Ukuran kertas (bawaan: data).")
@click.option("--jumlah-waktu/--tanpa-jumlah-waktu", default=None, help="Baris 'Jumlah waktu'.")
@click.option(
    "--riwayat/--tanpa-riwayat", default=None, help="Lampiran 'Riwayat Revisi' di akhir binder."
)
@click.option(
    "--arsip/--tanpa-arsip", default=None, help="Tulis PDF/A-2b untuk arsip (bawaan: data)."
)
@click.option("--strict", is_flag=True, help="Anggap peringatan sebagai kesalahan.")
@verbosity_options
def pdf(data, output, kertas, jumlah_waktu, riwayat, arsip, strict, quiet, verbose) -> None:
    """Buat binder PDF resmi dan satu PDF per prosedur di OUTPUT/pdf/."""
    from sopgen.cli.progress import progress
    from sopgen.files import staged_folder
    from sopgen.render.pdf.binder import build_pdfs

    say = Verbosity(quiet, verbose)
    projects, _ = load(data, strict, say, show_lints=False)
    final = Path(output) / "pdf"
    # all PDFs of the run appear at once, or none: an interrupted run leaves the old ones
    with staged_folder(final, root=Path(output)) as folder:
        for project in progress(projects, "Membuat PDF", say):
            for path in build_pdfs(
                project,
                output,
                paper=kertas,
                show_total=jumlah_waktu,
                riwayat=riwayat,
                arsip=arsip,
                into=folder,
            ):
                say.debug(f"ditulis: {final / path.name}")
            say.info(f"binder: {final / (project.name + '.pdf')}")


command = pdf
