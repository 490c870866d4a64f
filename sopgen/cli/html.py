"""sopgen html: the offline handbook (the handbook part of a build)."""

from __future__ import annotations

from sopgen.cli.common import build_command, run_parts


@build_command("html", with_pdf_options=False)
def html(data, output, **options) -> None:
    """Buat buku panduan HTML (statis, luring, dengan PDF-nya) di OUTPUT/html/."""
    run_parts(data, output, pdf=False, html=True, **options)


command = html
