"""sopgen schema: the JSON Schemas of the two YAML files (editor completion)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from sopgen.cli.common import Verbosity, verbosity_options
from sopgen.files import write_atomic


@click.command("schema")
@click.option(
    "-o",
    "--output",
    "folder",
    default="schema",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder tujuan (bawaan: schema/).",
)
@verbosity_options
def schema(folder: Path, quiet: bool, verbose: bool) -> None:
    """Tulis JSON Schema berkas dokumen dan prosedur (untuk pelengkapan di editor)."""
    from sopgen.model import Dokumen, Prosedur

    say = Verbosity(quiet, verbose)
    folder.mkdir(parents=True, exist_ok=True)
    for name, model in (("dokumen", Dokumen), ("prosedur", Prosedur)):
        target = folder / f"{name}.schema.json"
        write_atomic(target, json_schema(model, name).encode("utf-8"), root=folder)
        say.info(f"ditulis: {target}")


def json_schema(model, name: str) -> str:
    schema = model.model_json_schema()
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://sopgen.invalid/schema/{name}.schema.json",
        **schema,
    }
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


command = schema
