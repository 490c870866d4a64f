"""A procedure's effective identity: its own fields over its document's.

One SOP may be its own document (its own Nomor, dates, Nama SOP, Dasar Hukum, ...,
signer). A procedure file may carry any of ``identitas:`` (partly), the six lists and
``pejabat:``; whatever it leaves out comes from ``dokumen.yaml``. A procedure that
carries any of them gets its own identity page.

    from sopgen.model.identity import effective_identity
    ident = effective_identity(project, procedure)   # or (project) for the document
    ident.own, ident.nomor, ident.nama, ident.signer, ident.dasar_hukum
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sopgen.model.document import Keterkaitan, Pejabat, Procedure, Project, Tambahan

LIST_FIELDS = (
    "dasar_hukum",
    "kualifikasi_pelaksana",
    "keterkaitan",
    "peralatan",
    "peringatan",
    "pencatatan",
)


@dataclass(frozen=True)
class Identity:
    """What an identity page prints (the document's, or one procedure's)."""

    own: bool  # a procedure with identity fields of its own (False for the document)
    nomor: str
    tanggal_pembuatan: dt.date
    tanggal_revisi: dt.date | None  # as written; the printed date also reads revisions
    tanggal_efektif: dt.date
    disahkan_oleh: str  # key into ``pejabat``
    nama: str
    label_nama: str
    dasar_hukum: tuple[str, ...]
    kualifikasi_pelaksana: tuple[str, ...]
    keterkaitan: tuple[Keterkaitan, ...]
    peralatan: tuple[str, ...]
    peringatan: tuple[str, ...]
    pencatatan: tuple[str, ...]
    pejabat: dict[str, Pejabat]  # the document's officials, the procedure's over them
    tambahan: tuple[Tambahan, ...] = ()  # extra rows of the grid, after Nama SOP

    @property
    def signer(self) -> Pejabat | None:
        return self.pejabat.get(self.disahkan_oleh)


def has_own_identity(procedure: Procedure) -> bool:
    """True when the procedure file carries identity fields of its own (``nomor:``
    alone does not count: it only numbers the procedure's flowchart pages)."""
    data = procedure.data
    return (
        data.identitas is not None
        or data.pejabat is not None
        or any(getattr(data, name) is not None for name in LIST_FIELDS)
    )


def effective_identity(project: Project, procedure: Procedure | None = None) -> Identity:
    """The identity of the document (``procedure`` None) or of one procedure."""
    doc = project.dokumen
    base = doc.identitas
    lists = {name: tuple(getattr(doc, name)) for name in LIST_FIELDS}
    pejabat = dict(doc.pejabat)
    if procedure is None:
        return Identity(
            False,
            base.nomor,
            base.tanggal_pembuatan,
            base.tanggal_revisi,
            base.tanggal_efektif,
            base.disahkan_oleh,
            base.nama,
            base.label_nama,
            **lists,
            pejabat=pejabat,
            tambahan=tuple(base.tambahan),
        )
    data = procedure.data
    own = data.identitas
    for name in LIST_FIELDS:
        if getattr(data, name) is not None:
            lists[name] = tuple(getattr(data, name))
    pejabat.update(data.pejabat or {})

    def pick(name: str, inherited):
        value = getattr(own, name) if own is not None else None
        return inherited if value is None else value

    is_own = has_own_identity(procedure)
    return Identity(
        is_own,
        pick("nomor", data.nomor or base.nomor),
        pick("tanggal_pembuatan", base.tanggal_pembuatan),
        pick("tanggal_revisi", base.tanggal_revisi),
        pick("tanggal_efektif", base.tanggal_efektif),
        pick("disahkan_oleh", base.disahkan_oleh),
        # one SOP's own page names that SOP: its title, unless written
        pick("nama", data.judul if is_own else base.nama),
        pick("label_nama", base.label_nama),
        **lists,
        pejabat=pejabat,
        tambahan=tuple(pick("tambahan", base.tambahan)),
    )
