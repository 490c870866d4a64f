"""The handbook's view objects: what the templates read, nothing else.

Frozen plain data, built once by ``context.html_context``. Texts are either
``Markup`` (rendered by markup.py, already safe) or ``str`` (escaped by Jinja); URLs are
relative to the site root (templates prefix ``page.root``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup


@dataclass(frozen=True)
class Link:
    text: str | Markup
    url: str | None = None  # relative to the site root; None: plain text


@dataclass(frozen=True)
class OfficialView:
    jabatan: str
    nama: str
    pangkat: str | None
    golongan: str | None
    nip: str
    nip_label: str  # "NIP." or "NI PPPK."
    underline: bool


@dataclass(frozen=True)
class FlowNote:
    label: str  # "Ya", "Tidak", "Lanjut", or the decision's printed label ("Lengkap")
    number: str  # the target's printed number
    anchor: str
    kind: str = "lanjut"  # "ya", "tidak" (a decision's exit), "lanjut" or "bolak-balik"
    # a two-way arrow within the row: the two executors it joins, in place of a jump
    between: str = ""


@dataclass(frozen=True)
class StepView:
    number: str  # as printed in the "No" column: "3", "2a", "" (anchors stay by row)
    anchor: str  # "langkah-3"
    kind: str
    kind_label: str
    uraian: Markup
    uraian_text: str
    executors: tuple[Link, ...]
    kelengkapan: Markup
    waktu: str
    minutes: float | None
    output: Markup
    keterangan: Markup
    plain: tuple[str, str, str]  # kelengkapan, output, keterangan without markup (search)
    flow: tuple[FlowNote, ...]  # decisions and jumps, as text for readers of the table


@dataclass(frozen=True)
class Share:
    executor: Link
    minutes: float
    text: str  # "1 Jam 5 Menit"
    percent: int
    steps: int


@dataclass(frozen=True)
class RevisionView:
    """One row of a revision history (revisions.history)."""

    nomor: int
    tanggal: str  # "08 Desember 2017"
    tanggal_iso: str  # "2017-12-08", for <time datetime>
    bagian: Link  # the document, or the procedure (linked to its page)
    perubahan: Markup
    oleh: OfficialView | None  # who approved it, when named and known


@dataclass(frozen=True)
class IdentityFields:
    """What an identity page shows, the document's or a procedure's own."""

    nomor: str
    tanggal_pembuatan: str
    tanggal_revisi: str
    tanggal_efektif: str
    disahkan: OfficialView | None
    nama: str
    label_nama: str
    dasar_hukum: tuple[Markup, ...]
    kualifikasi: tuple[Markup, ...]
    keterkaitan: tuple[Link, ...]
    peralatan: tuple[Markup, ...]
    peringatan: tuple[Markup, ...]
    pencatatan: tuple[Markup, ...]


@dataclass(frozen=True)
class IdentityView(IdentityFields):
    """A procedure's own identity (model.identity), as its page shows it."""

    tambahan: tuple = ()  # extra grid rows after Nama SOP: objects with .label, .isi


@dataclass(frozen=True)
class ColumnTitles:
    """The flowchart table's headings (dokumen.yaml judul_kolom)."""

    no: str = "No"
    kegiatan: str = "Kegiatan"
    pelaksana: str = "Pelaksana"
    mutu_baku: str = "Mutu Baku"
    kelengkapan: str = "Kelengkapan"
    waktu: str = "Waktu"
    output: str = "Output"
    keterangan: str = "Keterangan"


@dataclass(frozen=True)
class ProcedureView:
    id: str
    judul: str
    nomor: str
    url: str
    pdf_url: str | None  # "pdf/<id>.pdf" inside the handbook; None: built without PDFs
    document: Link
    executors: tuple[Link, ...]
    steps: tuple[StepView, ...]
    total_minutes: float
    total_text: str
    per_unit_text: str
    untimed_steps: int
    minutes_per_day: int
    shares: tuple[Share, ...]
    chart: Markup
    flow_pages: tuple[Markup, ...]
    flow_screen: Markup | None  # the whole flowchart in one piece (screen); None: use pages
    related: tuple[Link, ...]
    reconstructed: bool
    revisi: tuple[RevisionView, ...] = ()  # this procedure's own revisions, oldest first
    # every procedure of the document is reconstructed: the note is shown once, on the
    # document's pages, not repeated here
    reconstructed_shared: bool = False
    titles: ColumnTitles = ColumnTitles()
    identity: IdentityView | None = None  # only for a procedure that is its own SOP document
    catatan: Markup = Markup("")  # the notes under the flowchart table
    # the hash its kept entry is found by (``kept.KeptViews``), which decides every field
    # above but ``reconstructed_shared`` (set after); "" when not kept. Not compared,
    # not shown by repr, not kept.
    key: str = field(default="", compare=False, repr=False)


@dataclass(frozen=True)
class ExecutorEntry:
    procedure: Link
    number: str
    url: str  # prosedur/<id>.html#langkah-N
    uraian: str  # plain text: it is the text of a link
    waktu: str
    with_others: tuple[str, ...]  # the other executors of a joint step


@dataclass(frozen=True)
class ExecutorGroup:
    procedure: Link
    entries: tuple[ExecutorEntry, ...]


@dataclass(frozen=True)
class ExecutorView:
    name: str
    slug: str
    url: str
    groups: tuple[ExecutorGroup, ...]
    step_count: int
    total_text: str


@dataclass(frozen=True)
class DocumentView(IdentityFields):
    name: str
    url: str
    pdf_url: str | None  # the binder, inside the handbook; None: built without PDFs
    pemerintah: str
    dinas: str
    unit: str | None
    logo_url: str | None
    tempat_tanggal: str
    mengetahui: tuple[OfficialView, ...]
    menyetujui: OfficialView | None
    revisi: tuple[RevisionView, ...]  # the whole history: document and procedures
    procedures: tuple[ProcedureView, ...]
    total_steps: int
    reconstructed: bool = False  # every procedure's executors were reconstructed (one note)


@dataclass(frozen=True)
class SiteContext:
    title: str
    documents: tuple[DocumentView, ...]
    procedures: tuple[ProcedureView, ...]
    executors: tuple[ExecutorView, ...]
    logos: dict[str, str] = field(default_factory=dict)  # asset name -> source file
