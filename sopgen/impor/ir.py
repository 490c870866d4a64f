"""What a reader found in one source SOP, before it is written as YAML.

Plain frozen data shared by every reader (PDF, workbook) and the one YAML writer. Texts are
kept as printed (joined lines, single spaces); nothing here is validated against the model:
the writer decides how each part maps onto sopgen's YAML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from sopgen.model.identity import LIST_FIELDS

ShapeKind = Literal["terminator", "process", "decision", "connector"]

# Keys of Identity.lists, in the order of the printed identity page.
LIST_KEYS = LIST_FIELDS


@dataclass(frozen=True)
class Official:
    jabatan: str | None = None
    nama: str | None = None
    pangkat: str | None = None
    nip: str | None = None  # digits and spaces as printed


@dataclass(frozen=True)
class Identity:
    instansi_lines: tuple[str, ...] = ()  # the left block under the logo, top to bottom
    nomor: str | None = None
    tanggal_pembuatan: str | None = None  # as printed, e.g. "2 Juni 2025"
    tanggal_revisi: str | None = None
    tanggal_efektif: str | None = None
    disahkan: Official | None = None
    nama: str | None = None  # Nama SOP
    lists: dict[str, tuple[str, ...]] = field(default_factory=dict)  # LIST_KEYS -> items


@dataclass(frozen=True)
class Header:
    executors: tuple[str, ...]  # executor column titles, left to right
    # Printed titles of the other columns, keyed like the YAML's judul_kolom:
    # no, kegiatan, pelaksana, mutu_baku, kelengkapan, waktu, output, keterangan.
    labels: dict[str, str] = field(default_factory=dict)
    # The executor columns' median width over the table's width, as the source draws
    # them (None when unknown): the imported document keeps lanes as wide
    lane_share: float | None = None


def lane_share(lane_widths: list[float], table_width: float) -> float | None:
    """The median of ``lane_widths`` over ``table_width`` (Header.lane_share)."""
    if not lane_widths or table_width <= 0:
        return None
    ws = sorted(lane_widths)
    mid = len(ws) // 2
    median = ws[mid] if len(ws) % 2 else (ws[mid - 1] + ws[mid]) / 2
    return median / table_width


@dataclass(frozen=True)
class Row:
    """One activity row of the flowchart table (header rows and repeated headers excluded)."""

    nomor: str  # as printed; "" when the row has no number
    uraian: str
    kelengkapan: str = ""
    waktu: str = ""
    output: str = ""
    keterangan: str = ""
    page: int = 1  # 1-based page (or sheet) where the row is


@dataclass(frozen=True)
class Shape:
    """A drawn flowchart symbol."""

    id: int
    row: int  # 0-based index into ImportedSop.rows
    kind: ShapeKind
    columns: tuple[int, ...]  # 0-based executor columns it covers
    text: str = ""  # text inside the symbol (a connector's letter), if any
    page: int = 1
    x: float = 0.0  # horizontal centre on its page, to order shapes within a row


@dataclass(frozen=True)
class Link:
    """An arrow between two symbols; arrows through off-page connectors are already joined,
    so source and target are never connectors."""

    source: int  # Shape.id
    target: int  # Shape.id
    label: str | None = None  # printed label next to the exit ("Ya", "Tidak", "Lengkap")
    # one line with a head at each end between two symbols of one row: the flow goes to
    # target and back (YAML: bolak_balik on source, the left one)
    both: bool = False


@dataclass(frozen=True)
class Uncertainty:
    """Something the reader could not read with confidence: written as '# impor: ...'."""

    message: str  # Indonesian: what was uncertain and what to check
    row: int | None = None  # 0-based row it concerns, None for the identity page / whole file
    field: str | None = None  # e.g. "uraian", "keputusan", "identitas.nomor"


@dataclass(frozen=True)
class ImportedSop:
    source: str  # file name of the source, for messages and comments
    identity: Identity
    header: Header
    rows: tuple[Row, ...]
    shapes: tuple[Shape, ...]  # connectors included (kind "connector"), for counting
    links: tuple[Link, ...]
    title: str | None = None  # title printed above the flowchart table, if any
    notes: str | None = None  # notes printed under the table ("Ket: *) ...")
    uncertain: tuple[Uncertainty, ...] = ()
    pages: int = 1  # pages (or sheets) of the flowchart table in the source
    # Page furniture the reader left out (a footer on every page, an e-signature stamp),
    # each line as printed, to say so in the YAML.
    left_out: tuple[str, ...] = ()
    # Further flowchart tables of the same source, in order (a PDF or binder holding several
    # procedures); each is a whole ImportedSop with the same identity unless its own differs.
    more: tuple[ImportedSop, ...] = ()


class UnreadableSource(Exception):
    """A source that cannot be imported at all (a scan without text, not a PDF/workbook).

    The message is Indonesian and user-facing; the CLI prints it with the file name."""
