"""Read an SOP from a PDF with a text layer into ``ir.ImportedSop``.

    read_pdf(path) -> ImportedSop      raises ir.UnreadableSource, nothing else

Stages (each a module, passing plain data):
    pdf_source    pages: words and drawn paths (pdfminer.six, the parser under pdfplumber)
    pdf_geom      paths as segments, closed outlines and arrowheads
    pdf_table     the flowchart table's grid and header on each page
    pdf_body      rows, symbols and notes of one flowchart table over its pages
    pdf_flow      arrows between symbols, decisions' exits, off-page connectors joined
                  (pdf_labels: which exit each 'Ya'/'Tidak' names; pdf_guess: a marked
                  guess where arrows are pasted as pictures)
    pdf_identity  the identity page (label : value grid, officials; pdf_lists: the lists)
    pdf_furniture page furniture (a footer on every page, an e-signature stamp), taken off
                  the pages first and named in the YAML as left out

A file holding several flowchart tables (numbering starting again at 1 under a new title)
gives the first in the result and the others, in order, in ``ImportedSop.more``.
"""

from __future__ import annotations

from pathlib import Path

from sopgen.impor import ir
from sopgen.impor.pdf_body import Part, read_parts
from sopgen.impor.pdf_flow import read_flow
from sopgen.impor.pdf_furniture import strip_furniture
from sopgen.impor.pdf_geom import page_geometry
from sopgen.impor.pdf_identity import read_identity
from sopgen.impor.pdf_source import read_pages


def read_pdf(path: str | Path) -> ir.ImportedSop:
    """The SOP printed in a PDF; ``UnreadableSource`` when the file cannot be read at all."""
    try:
        return _read(Path(path))
    except ir.UnreadableSource:
        raise
    except Exception as e:  # noqa: BLE001 - a reader bug must not become a traceback
        raise ir.UnreadableSource(
            f"PDF ini tidak dapat dibaca oleh pengimpor ({type(e).__name__}); laporkan "
            "berkasnya kepada pengembang sopgen"
        ) from None


def _read(path: Path) -> ir.ImportedSop:
    pages = read_pages(path)
    geoms = [page_geometry(p) for p in pages]
    pages, left_out = strip_furniture(pages, geoms)
    parts = read_parts(pages, geoms)
    if not parts:
        scanned = [p.number for p in pages if _image_page(p)]
        if scanned:
            raise ir.UnreadableSource(
                f"halaman {', '.join(map(str, scanned))} berupa gambar (hasil pindai) tanpa "
                "lapisan teks; tabel flowchart-nya tidak dapat dibaca tanpa OCR. Jalankan OCR "
                "(mis. ocrmypdf) lalu impor ulang"
            )
        raise ir.UnreadableSource(
            "tabel flowchart SOP tidak ditemukan: tidak ada tabel dengan judul kolom "
            "Kegiatan/Aktivitas/Uraian dan Pelaksana/Mutu Baku"
        )
    identity, id_uncertain = read_identity(pages, geoms, parts[0].first_top)
    sops = [_sop(path.name, identity, parts[0], id_uncertain, left_out)]
    for before, part in zip(parts, parts[1:], strict=False):
        # a binder: each SOP may have its own identity page between the tables
        start = before.pages[-1].index + 1
        own, _ = read_identity(pages, geoms, part.first_top, start)
        sops.append(_sop(path.name, own if own.nomor or own.nama else identity, part, (), left_out))
    first = sops[0]
    if len(sops) > 1:
        from dataclasses import replace

        first = replace(first, more=tuple(sops[1:]))
    return first


def _image_page(page) -> bool:
    """A page that is mostly a picture with hardly any text on it."""
    area = sum((x1 - x0) * (y1 - y0) for x0, y0, x1, y1 in page.images)
    return area >= 0.25 * page.width * page.height and len(page.words) < 80


def _lane_share(part: Part) -> float | None:
    xs, roles = part.xs, part.roles
    if len(xs) != len(roles) + 1:
        return None
    lanes = [xs[i + 1] - xs[i] for i, role in enumerate(roles) if role == "executor"]
    return ir.lane_share(lanes, xs[-1] - xs[0])


def _sop(source: str, identity: ir.Identity, part: Part, extra, left_out) -> ir.ImportedSop:
    shapes, links, uncertain = read_flow(part)
    if part.nomor and not identity.nomor:
        from dataclasses import replace

        identity = replace(identity, nomor=part.nomor)
    return ir.ImportedSop(
        source=source,
        identity=identity,
        header=ir.Header(tuple(part.executors), dict(part.labels), _lane_share(part)),
        rows=tuple(part.rows),
        shapes=tuple(shapes),
        links=tuple(links),
        title=part.title,
        notes=part.notes,
        uncertain=tuple(extra) + tuple(part.uncertain) + tuple(uncertain),
        pages=len(part.pages),
        left_out=left_out,
    )
