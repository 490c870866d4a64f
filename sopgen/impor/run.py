"""Import many source files: dispatch each by its content, write its document folder,
collect what the command reports. No click here (the command is a thin layer over it)."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sopgen.impor import ir
from sopgen.impor.to_yaml import FolderExists, Written, slug, write_document

HINT_FORMAT = (
    "simpan ulang dokumen sebagai PDF (dengan lapisan teks) atau sebagai buku "
    "kerja Excel .xlsx, lalu impor lagi"
)


@dataclass(frozen=True)
class Outcome:
    source: Path
    written: Written | None = None
    error: str | None = None  # Indonesian: why nothing was written
    hint: str = ""
    procedures: int = 0
    steps: int = 0


def kind_of(path: Path) -> str:
    """'pdf', 'xlsx', or raise UnreadableSource (by content, not by the file name)."""
    try:
        with open(path, "rb") as f:
            head = f.read(8)
    except FileNotFoundError:
        raise ir.UnreadableSource("berkas tidak ditemukan") from None
    except IsADirectoryError:
        raise ir.UnreadableSource("ini sebuah folder, bukan berkas") from None
    except OSError as exc:
        raise ir.UnreadableSource(f"berkas tidak dapat dibuka ({exc.strerror})") from None
    if not head:
        raise ir.UnreadableSource("berkas kosong (0 bita)")
    if head.startswith(b"%PDF-") or b"%PDF-" in _first_kb(path):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as z:
                names = set(z.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            raise ir.UnreadableSource("berkas zip rusak (bukan .xlsx yang utuh)") from None
        if "xl/workbook.xml" in names:
            return "xlsx"
        if "word/document.xml" in names:
            raise ir.UnreadableSource("berkas Word (.docx) belum dapat diimpor")
        raise ir.UnreadableSource("berkas zip ini bukan buku kerja Excel (.xlsx)")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise ir.UnreadableSource(
            "format Excel/Word lama (.xls/.doc) atau berkas terkunci kata sandi tidak dapat "
            "dibaca; "
            "simpan ulang sebagai .xlsx atau PDF"
        )
    raise ir.UnreadableSource("bukan berkas PDF atau buku kerja Excel (.xlsx)")


def _first_kb(path: Path) -> bytes:
    with open(path, "rb") as f:
        return f.read(1024)


def read_source(path: Path) -> tuple[ir.ImportedSop, ...]:
    kind = kind_of(path)
    if kind == "xlsx":
        from sopgen.impor.xlsx import read_xlsx_all

        return read_xlsx_all(path)
    try:  # the PDF reader is a separate module, loaded only when a PDF comes
        from sopgen.impor.pdf import read_pdf
    except ImportError:
        raise ir.UnreadableSource("pembaca PDF belum tersedia di versi sopgen ini") from None
    first = read_pdf(path)
    return (first, *getattr(first, "more", ()))


def _hint(message: str) -> str:
    if message == "berkas tidak ditemukan":
        return "periksa nama dan letak berkasnya"
    if message.startswith("ini sebuah folder"):
        return "sebut berkas-berkasnya, mis. 'sopgen impor folder/*.pdf folder/*.xlsx'"
    if "OCR" in message:
        return "jalankan OCR pada PDF itu (mis. 'ocrmypdf asli.pdf hasil.pdf'), lalu impor hasilnya"
    if "tabel flowchart" in message:
        return (
            "pastikan berkas ini SOP dengan tabel flowchart (kolom No, Kegiatan, Pelaksana, "
            "Mutu Baku); di PDF tabel itu harus bergaris. Bila tidak, ketik SOP itu dengan "
            "'sopgen new'"
        )
    if message.startswith("berkas kosong"):
        return "berkasnya kosong; ambil lagi salinan yang utuh dari sumbernya"
    if "laporkan" in message:
        return "kirim berkasnya kepada pengembang sopgen; sementara itu ketik ulang SOP-nya"
    return HINT_FORMAT


def import_one(path: Path, folder: Path, overwrite: bool) -> Outcome:
    try:
        sops = read_source(path)
    except ir.UnreadableSource as exc:
        return Outcome(path, error=str(exc), hint=_hint(str(exc)))
    except RecursionError:
        return Outcome(
            path, error="struktur berkas terlalu dalam (berkas rusak?)", hint=HINT_FORMAT
        )
    except MemoryError:
        return Outcome(path, error="berkas terlalu besar untuk dibaca", hint=HINT_FORMAT)
    try:
        written = write_document(sops, folder, overwrite=overwrite)
    except FolderExists as exc:
        return Outcome(
            path, error=str(exc), hint="pakai --timpa untuk menimpanya, atau --ke FOLDER lain"
        )
    except OSError as exc:
        return Outcome(
            path,
            error=f"folder {folder} tidak dapat ditulis ({exc.strerror})",
            hint="periksa izin tulis folder tujuan",
        )
    return Outcome(path, written, procedures=len(sops), steps=sum(len(s.rows) for s in sops))


def import_all(
    paths: list[Path], target: Path, overwrite: bool, each: Callable = lambda items: items
) -> list[Outcome]:
    """Each source into its own folder under ``target`` (named after the file)."""
    names: set[str] = set()
    jobs = []
    for path in paths:
        name, k = slug(path.stem, 60), 2
        base = name
        while name in names:
            name, k = f"{base}-{k}", k + 1
        names.add(name)
        jobs.append((path, target / name))
    return [import_one(path, folder, overwrite) for path, folder in each(jobs)]
