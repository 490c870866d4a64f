"""sopgen pdf: the official binder and one PDF per procedure (the PDF part of a build)."""

from __future__ import annotations

from sopgen.cli.common import build_command, run_parts


@build_command("pdf")
def pdf(data, output, **options) -> None:
    """Buat binder PDF resmi dan satu PDF per prosedur di OUTPUT/pdf/."""
    run_parts(data, output, pdf=True, html=False, **options)


command = pdf
