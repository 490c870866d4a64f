"""`sopgen new`: new procedure and document files from commented templates.

The templates (``sopgen/edit/scaffold/*.yaml``) are valid YAML whose fields still to be
filled are left empty (or hold the placeholder ``TAHUN-BULAN-TANGGAL`` for dates), so
``sopgen check`` points at each of them with the loader's usual messages ("'judul' harus
berupa teks ... kosong tidak diizinkan di sini") and nothing half-filled can be printed.

Adding the new id to ``prosedur:`` in ``dokumen.yaml`` edits the text in place, in the
style already used there (flow ``[a, b]`` or block ``- a``), so the officer's comments
and layout survive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

from sopgen.errors import SopgenError
from sopgen.load.paths import DOCUMENT_FILE, find_documents, schema_dir

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


class ScaffoldError(SopgenError):
    """A `sopgen new` request that cannot be done (exit 1, Indonesian message)."""


class ScaffoldUsageError(ScaffoldError):
    """A `sopgen new` request written wrongly (exit 2, like click's usage errors)."""

    exit_code = 2


@dataclass(frozen=True)
class Created:
    """What `new` did: files created and the document whose list was extended."""

    files: tuple[Path, ...]
    listed_in: Path | None = None


def template(name: str) -> str:
    return resources.files("sopgen.edit").joinpath("scaffold", name).read_text(encoding="utf-8")


def check_id(value: str, what: str = "id prosedur") -> None:
    if not ID_PATTERN.match(value):
        message = (
            f"{what} '{value}' tidak sah: pakai huruf kecil, angka, '-' dan '_', diawali "
            "huruf atau angka (mis. 'lakip' atau 'surat-masuk'); nama ini menjadi nama berkas"
        )
        # an officer types the title ("Pengelolaan Arsip"): offer it as a name
        name = re.sub(r"[^a-z0-9_]+", "-", value.lower()).strip("-_")
        if name:
            message += (
                f"\n    cara memperbaiki: tulis '{name}' (judul lengkapnya diisi di dalam berkas)"
            )
        raise ScaffoldUsageError(message)


def render(template_name: str, **values: str) -> str:
    text = template(template_name)
    for key, value in values.items():
        text = text.replace("{{" + key + "}}", value)
    return text


def procedure_text(proc_id: str, folder: Path) -> str:
    return render("prosedur.yaml", id=proc_id, schema=schema_dir(folder))


def document_text(name: str, folder: Path, first_procedure: str) -> str:
    return render(
        "dokumen.yaml",
        name=name,
        folder=Path(folder).as_posix(),
        prosedur=yaml_scalar(first_procedure),
        schema=schema_dir(folder),
    )


def find_document_folder(dokumen: Path | None, data: Path = Path("data")) -> Path:
    """The document folder for `new prosedur`: --dokumen (a folder, or a name under DATA),
    else the only document under DATA."""
    if dokumen is not None:
        for candidate in (Path(dokumen), Path(data) / dokumen):
            if (candidate / DOCUMENT_FILE).is_file():
                return candidate
        raise ScaffoldError(
            f"'{dokumen}' bukan folder dokumen: tidak ada {DOCUMENT_FILE} di dalamnya; "
            "buat dokumen baru dengan 'sopgen new dokumen NAMA'"
        )
    data = Path(data)
    found = find_documents(data)
    if len(found) == 1:
        return found[0]
    if not found:
        raise ScaffoldError(
            f"tidak ada dokumen ({DOCUMENT_FILE}) di folder '{data}'; buat dulu dengan "
            "'sopgen new dokumen NAMA', atau tunjukkan foldernya dengan --dokumen FOLDER"
        )
    names = ", ".join(p.as_posix() for p in found)
    raise ScaffoldUsageError(
        f"ada beberapa dokumen ({names}); pilih salah satu dengan --dokumen, "
        f"mis. --dokumen {found[0].as_posix()}"
    )


def new_procedure(proc_id: str, folder: Path) -> Created:
    """Create FOLDER/ID.yaml from the template and list ID in FOLDER/dokumen.yaml."""
    check_id(proc_id)
    folder = Path(folder)
    target = folder / f"{proc_id}.yaml"
    if proc_id == DOCUMENT_FILE.removesuffix(".yaml"):
        raise ScaffoldUsageError(f"'{proc_id}' adalah nama berkas dokumen; pilih id lain")
    if proc_id == folder.resolve().name:
        raise ScaffoldUsageError(
            f"id '{proc_id}' sama dengan nama folder dokumen; PDF prosedurnya akan menimpa "
            "binder. Pilih id lain"
        )
    if target.exists():
        raise ScaffoldError(
            f"berkas {target.as_posix()} sudah ada; tidak ditimpa. Pilih id lain, atau "
            "sunting berkas itu langsung"
        )
    document = folder / DOCUMENT_FILE
    from sopgen import files

    try:
        raw = files.read_bytes(document, folder)
    except files.OutsideError as err:
        raise ScaffoldError(f"{document.as_posix()}: {err.message}") from None
    bom = raw.startswith(b"\xef\xbb\xbf")
    try:
        old_text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ScaffoldError(f"{document.as_posix()} bukan teks UTF-8") from err
    new_text = add_to_list(old_text, proc_id, document)
    write_new(target, procedure_text(proc_id, folder))
    if new_text != old_text:
        data = (b"\xef\xbb\xbf" if bom else b"") + new_text.encode("utf-8")
        files.write_atomic(document, data, root=folder)
        return Created((target,), document)
    return Created((target,))


def new_document(name: str, data: Path, first_procedure: str = "contoh") -> Created:
    """Create DATA/NAME/dokumen.yaml and one procedure file, both from templates."""
    check_id(name, "nama dokumen")
    check_id(first_procedure)
    if first_procedure == name:
        raise ScaffoldUsageError(
            f"prosedur pertama tidak boleh bernama sama dengan dokumennya ('{name}'); "
            "pilih nama lain dengan --prosedur"
        )
    folder = Path(data) / name
    document = folder / DOCUMENT_FILE
    procedure = folder / f"{first_procedure}.yaml"
    for path in (document, procedure):
        if path.exists():
            raise ScaffoldError(f"berkas {path.as_posix()} sudah ada; tidak ditimpa")
    if folder.exists() and not folder.is_dir():
        raise ScaffoldError(f"{folder.as_posix()} sudah ada dan bukan folder")
    folder.mkdir(parents=True, exist_ok=True)
    write_new(document, document_text(name, folder, first_procedure))
    write_new(procedure, procedure_text(first_procedure, folder))
    return Created((document, procedure))


def write_new(target: Path, text: str) -> None:
    """Create a file that must not exist yet (exclusive create: no race, no overwrite),
    in its own folder only (the file gate: not through a symlink pointing elsewhere)."""
    from sopgen import files

    try:
        files.confined(target.parent, target)
    except files.OutsideError as err:
        raise ScaffoldError(f"{target.as_posix()}: {err.message}") from None
    try:
        with open(target, "x", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
    except FileExistsError as err:
        raise ScaffoldError(f"berkas {target.as_posix()} sudah ada; tidak ditimpa") from err
    except OSError as err:
        raise ScaffoldError(f"tidak dapat menulis {target.as_posix()}: {err.strerror}") from err


# --- editing the `prosedur:` list in place ------------------------------------------------


def yaml_scalar(value: str) -> str:
    """``value`` as a YAML scalar: plain when it reads back as the same text, else quoted
    ('2024', 'no' and 'null' would read back as a number, a boolean, nothing)."""
    try:
        if yaml.safe_load(value) == value:
            return value
    except yaml.YAMLError:
        pass
    return "'" + value.replace("'", "''") + "'"


def add_to_list(text: str, proc_id: str, document: Path) -> str:
    """``text`` of dokumen.yaml with ``proc_id`` appended to ``prosedur:``.

    Unchanged when the id is already listed. Raises ScaffoldError when the list cannot be
    found or edited safely (the officer then adds it by hand)."""
    where = document.as_posix()
    manual = f"tambahkan '{proc_id}' ke daftar 'prosedur' di {where} secara manual"
    try:
        root = yaml.compose(text)
        current = yaml.safe_load(text)
    except yaml.YAMLError as err:
        raise ScaffoldError(f"{where} bukan YAML yang sah, perbaiki dulu ({manual})") from err
    if not isinstance(root, yaml.MappingNode) or not isinstance(current, dict):
        raise ScaffoldError(f"{where} tidak berisi pasangan 'kunci: nilai'; {manual}")
    listed = current.get("prosedur")
    if isinstance(listed, list) and proc_id in listed:
        return text
    newline = "\r\n" if "\r\n" in text else "\n"
    item = yaml_scalar(proc_id)
    value = next((v for k, v in root.value if k.value == "prosedur"), None)
    if value is None:
        new_text = text
        if new_text and not new_text.endswith("\n"):
            new_text += newline
        new_text += f"prosedur: [{item}]{newline}"
    elif isinstance(value, yaml.SequenceNode) and value.flow_style:
        if value.value:
            at = value.value[-1].end_mark.index
            new_text = text[:at] + f", {item}" + text[at:]
        else:
            at = value.end_mark.index - 1
            if text[at] != "]":
                raise ScaffoldError(f"daftar 'prosedur' di {where} tidak dikenali; {manual}")
            new_text = text[:at] + item + text[at:]
    elif isinstance(value, yaml.SequenceNode):
        if not value.value:
            raise ScaffoldError(f"daftar 'prosedur' di {where} tidak dikenali; {manual}")
        indent = " " * value.start_mark.column
        end = value.value[-1].end_mark.index
        line_end = text.find("\n", end)
        if line_end == -1:
            new_text = text + f"{newline}{indent}- {item}"
        else:
            if line_end > 0 and text[line_end - 1] == "\r":
                line_end -= 1
            new_text = text[:line_end] + f"{newline}{indent}- {item}" + text[line_end:]
    elif isinstance(value, yaml.ScalarNode) and current.get("prosedur") is None:
        start, end = value.start_mark.index, value.end_mark.index
        space = " " if start > 0 and text[start - 1] == ":" else ""
        new_text = text[:start] + f"{space}[{item}]" + text[end:]
    else:
        raise ScaffoldError(f"'prosedur' di {where} bukan daftar; {manual}")
    try:
        check = yaml.safe_load(new_text)
    except yaml.YAMLError:
        check = None
    expected = list(listed or []) + [proc_id]
    if not isinstance(check, dict) or check.get("prosedur") != expected:
        raise ScaffoldError(f"daftar 'prosedur' di {where} tidak dapat diubah otomatis; {manual}")
    return new_text
