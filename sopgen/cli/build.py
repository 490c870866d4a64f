"""sopgen build: the binder, the per-procedure PDFs and the handbook in one run."""

from __future__ import annotations

from sopgen.cli.common import build_command, run_parts


@build_command("build")
def build(data, output, **options) -> None:
    """Buat semuanya sekaligus: binder PDF dan PDF per prosedur di OUTPUT/pdf/, buku
    panduan HTML di OUTPUT/html/.

    Tiap prosedur ditata letak sekali untuk keduanya, dikerjakan bersamaan di beberapa
    proses (-j), dan disimpan di OUTPUT/.sopgen-cache/: pembangunan berikutnya hanya
    mengulang prosedur yang berubah. Hasilnya sama persis dengan atau tanpa cache.
    """
    run_parts(data, output, pdf=True, html=True, **options)


command = build
