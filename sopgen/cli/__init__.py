"""The command line: one module per command over the pipeline (sopgen.build, the
renderers, sopgen.edit). Takes arguments; gives files, messages and the exit status.

The commands import their machinery inside the functions, so that `sopgen check` does
not pay for ReportLab or http.server.
"""

from __future__ import annotations

import click

from sopgen.cli import build, check, diff, html, impor, new, pdf, schema, serve
from sopgen.cli.common import CONTEXT


@click.group(context_settings=CONTEXT)
@click.version_option(package_name="sopgen", message="sopgen %(version)s")
def main() -> None:
    """sopgen: SOP Administrasi Pemerintahan (Permenpan RB 35/2012) dari berkas YAML.

    \b
    Contoh:
      sopgen check data          periksa data dan tampilkan saran
      sopgen build data output   buat binder PDF dan buku panduan HTML sekaligus
      sopgen pdf data output     buat binder PDF di output/pdf/
      sopgen html data output    buat buku panduan HTML di output/html/
    """


for _module in (check, schema, build, pdf, html, new, diff, serve, impor):
    main.add_command(_module.command)

__all__ = ["main"]
