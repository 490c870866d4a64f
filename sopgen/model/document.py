"""The typed data model of an SOP document (Permenpan RB 35/2012).

Field names follow the printed form's Indonesian vocabulary so that an officer who
knows the form knows the file. Two kinds of file feed the model:

- ``dokumen.yaml``: one per document folder (the identity page, the officials, the
  Lembar Pengesahan and the list of procedures, in order);
- one file per procedure (its executor columns and steps).

The model is pure data. Cross-object rules (executors exist, targets exist, dates are
consistent, NIP structure) live in ``sopgen.check`` so that they can be reported all
together with their file positions.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from sopgen.model.base import Strict, Tanggal, written_but_blank
from sopgen.model.durations import Duration
from sopgen.model.steps import Langkah

SCHEMA_VERSION = 1

# The table's columns after the executors, as printed by default (dokumen.yaml 'kolom').
DEFAULT_COLUMNS = ("kelengkapan", "waktu", "output", "keterangan")


class Instansi(Strict):
    pemerintah: str = Field(description="Mis. 'PEMERINTAH KABUPATEN TRENGGALEK'.")
    dinas: str = Field(description="Nama SKPD / unit kerja penerbit SOP.")
    unit: str | None = Field(None, description="Bidang/seksi (opsional).")
    tempat: str = Field(description="Nama tempat untuk tanggal pengesahan, mis. 'Trenggalek'.")
    logo: str | None = Field(
        None,
        description="Berkas logo (PNG, JPEG atau SVG) di dalam folder dokumen, relatif "
        "terhadap folder itu. Opsional.",
    )
    alamat: str | None = Field(
        None,
        description="Alamat kantor untuk Halaman Judul (boleh beberapa baris), mis. "
        "'Jl. Dr. Sutomo No. 5 Trenggalek'. Opsional.",
    )


class Pejabat(Strict):
    """An official, written once and referred to by key."""

    jabatan: str = Field(description="Nama jabatan, mis. 'Sekretaris Dinas'.")
    nama: str = Field(
        description="Nama lengkap dengan gelar, mis. 'Drs. ANANG DWI TJAHJONO, M.Si'."
    )
    pangkat: str | None = Field(None, description="Pangkat, mis. 'Pembina'.")
    golongan: str | None = Field(None, description="Golongan ruang, mis. 'IV/a'. Opsional.")
    nip: str | None = Field(
        None,
        description=(
            "NIP 18 angka; spasi boleh: '19610304 198903 1 010'. Boleh tidak diisi bila SOP "
            "aslinya tidak mencetaknya (tidak ada baris NIP)."
        ),
    )
    jenis_nip: Literal["pns", "pppk"] = Field(
        "pns", description="'pns' (NIP) atau 'pppk' (NI PPPK: hanya tanggal lahir yang diperiksa)."
    )

    # Left out: the SOP prints no NIP (check lints it).
    _written_but_blank = written_but_blank("nip")

    @property
    def nip_digits(self) -> str:
        return "".join(ch for ch in self.nip or "" if not ch.isspace())

    @property
    def nip_label(self) -> str:
        """What precedes the number where it is printed: ``NIP.``, or ``NI PPPK.``."""
        return "NI PPPK." if self.jenis_nip == "pppk" else "NIP."

    @property
    def nip_formatted(self) -> str:
        """``NIP. dddddddd dddddd d ddd`` when the NIP has 18 digits, else as written."""
        d = self.nip_digits
        if len(d) == 18 and d.isdigit():
            return f"{d[:8]} {d[8:14]} {d[14]} {d[15:]}"
        return self.nip or ""


class Tambahan(Strict):
    """An extra row of the identity grid, printed after Nama SOP."""

    label: str = Field(description="Label baris, mis. 'Maksud dan Tujuan'.")
    isi: str = Field(description="Isinya seperti tercetak.")


class Identitas(Strict):
    nomor: str = Field(description="Nomor SOP sesuai tata naskah dinas.")
    tanggal_pembuatan: Tanggal = Field(description="Tanggal SOP selesai disusun.")
    tanggal_revisi: Tanggal | None = Field(
        None, description="Tanggal revisi atau rencana tinjau ulang."
    )
    tanggal_efektif: Tanggal = Field(description="Tanggal berlaku = tanggal penandatanganan.")
    disahkan_oleh: str = Field(description="Kunci pejabat (di bagian 'pejabat') yang mengesahkan.")
    nama: str = Field(description="Nama SOP, mis. 'BIDANG SEKRETARIAT'.")
    label_nama: str = Field(
        "Nama SOP",
        description="Label baris nama SOP; seed Trenggalek: 'Standar Operasional Prosedur (SOP)'.",
    )
    tambahan: list[Tambahan] = Field(
        default_factory=list,
        description="Baris tambahan identitas sesudah Nama SOP, mis. Maksud dan Tujuan.",
    )


class IdentitasProsedur(Strict):
    """A procedure's own identity fields; each one left out comes from dokumen.yaml."""

    nomor: str | None = Field(None, description="Nomor SOP ini.")
    tanggal_pembuatan: Tanggal | None = None
    tanggal_revisi: Tanggal | None = None
    tanggal_efektif: Tanggal | None = None
    disahkan_oleh: str | None = Field(
        None, description="Kunci pejabat (di dokumen.yaml atau di 'pejabat' berkas ini)."
    )
    nama: str | None = Field(None, description="Nama SOP; bawaan: judul prosedur ini.")
    label_nama: str | None = None
    tambahan: list[Tambahan] | None = Field(
        None, description="Baris tambahan identitas sesudah Nama SOP; bawaan: dari dokumen.yaml."
    )


class JudulKolom(Strict):
    """The flowchart table's column headings as the agency prints them."""

    no: str = "No"
    kegiatan: str = "Kegiatan"
    pelaksana: str = "Pelaksana"
    mutu_baku: str = "Mutu Baku"
    kelengkapan: str = Field("Kelengkapan", description="Mis. 'Sumber Data'.")
    waktu: str = Field("Waktu", description="Mis. 'Waktu (hari kerja)'.")
    output: str = "Output"
    keterangan: str = Field("Keterangan", description="Mis. 'Ket'.")


class Keterkaitan(Strict):
    teks: str = Field(description="Nama SOP terkait seperti tercetak.")
    prosedur: str | None = Field(
        None, description="Id prosedur dalam dokumen ini (nama berkasnya tanpa .yaml), jika ada."
    )


class Pengesahan(Strict):
    tempat: str | None = Field(None, description="Tempat; bawaan: instansi.tempat.")
    tanggal: Tanggal = Field(description="Tanggal pengesahan (sama dengan Tanggal Efektif).")
    mengetahui: list[str] = Field(
        default_factory=list, description="Kunci pejabat yang 'Mengetahui', urut kiri ke kanan."
    )
    menyetujui: str = Field(description="Kunci pejabat yang 'Menyetujui'.")


class Pengaturan(Strict):
    """Output settings with their defaults (one place, like dagre's graphDefaults)."""

    kertas: Literal["A4", "F4"] = Field("A4", description="Ukuran kertas: A4 atau F4 (215x330 mm).")
    menit_per_hari: int = Field(
        450,
        gt=0,
        le=1440,  # a day has 1440 minutes; more overflows the totals
        description=(
            "Berapa menit '1 hari' (hari kerja). Bawaan 450 = 7,5 jam: 37,5 jam kerja per "
            "minggu dibagi 5 hari."
        ),
    )
    hari_per_minggu: int = Field(
        5, gt=0, le=7, description="Hari kerja per minggu untuk satuan 'minggu'."
    )
    hari_per_bulan: int = Field(
        22, gt=0, le=31, description="Hari kerja per bulan untuk satuan 'bulan' (bawaan 22)."
    )
    tampilkan_jumlah_waktu: bool = Field(
        False, description="Tambahkan baris 'Jumlah waktu' di kaki tiap tabel flowchart."
    )
    lampiran_riwayat_revisi: bool = Field(
        False,
        description="Tambahkan lampiran 'Riwayat Revisi' di akhir binder PDF (bukan di identitas).",
    )
    garis_bawah_nama: bool = Field(
        True, description="Garis bawahi nama penandatangan pada Lembar Pengesahan."
    )
    halaman_judul: bool = Field(
        True, description="Cetak Halaman Judul (sampul) di awal binder PDF."
    )
    daftar_isi: bool = Field(True, description="Cetak Daftar Isi sesudah Halaman Judul.")
    orientasi_pengesahan: Literal["tegak", "mendatar"] = Field(
        "tegak", description="Arah kertas Lembar Pengesahan: tegak (potret) atau mendatar."
    )
    pdf_arsip: bool = Field(False, description="Tulis binder PDF sebagai PDF/A-2b (format arsip).")
    lebar_kolom_pelaksana: int | None = Field(
        None,
        ge=16,
        le=60,
        description=(
            "Lebar tiap kolom pelaksana pada tabel flowchart, dalam mm (16-60), bila kolom "
            "itu ingin lebih lebar daripada yang diperlukan nama pelaksana dan simbolnya "
            "(mis. selebar kolom pada SOP aslinya). Bila tidak diisi: selebar yang "
            "diperlukan, 16-30 mm."
        ),
    )


class Revisi(Strict):
    nomor: int = Field(ge=0, le=999, description="Nomor revisi (0 = terbitan pertama).")
    tanggal: Tanggal
    perubahan: str = Field(description="Apa yang diubah.")
    disetujui_oleh: str | None = Field(None, description="Kunci pejabat yang menyetujui.")
    tanggal_efektif: Tanggal | None = Field(
        None, description="Tanggal Efektif baru sejak revisi ini (bila revisi disahkan ulang)."
    )
    tanggal_pengesahan: Tanggal | None = Field(
        None, description="Tanggal baru pada Lembar Pengesahan sejak revisi ini."
    )


class Dokumen(Strict):
    """``dokumen.yaml``: the identity page, officials, approval page, procedure order."""

    versi_skema: Literal[1] = Field(1, description="Versi skema berkas ini.")
    instansi: Instansi
    identitas: Identitas
    dasar_hukum: list[str] = Field(default_factory=list)
    kualifikasi_pelaksana: list[str] = Field(default_factory=list)
    keterkaitan: list[Keterkaitan] = Field(default_factory=list)
    peralatan: list[str] = Field(default_factory=list, description="Peralatan/Perlengkapan.")
    peringatan: list[str] = Field(default_factory=list)
    pencatatan: list[str] = Field(default_factory=list, description="Pencatatan dan Pendataan.")
    pejabat: dict[str, Pejabat] = Field(
        description="Pejabat, ditulis sekali dan dirujuk dengan kuncinya."
    )
    pengesahan: Pengesahan | None = Field(
        None, description="Lembar Pengesahan; tanpa bagian ini tidak dicetak."
    )
    prosedur: list[str] = Field(
        description="Id prosedur (nama berkas tanpa .yaml) dalam urutan binder."
    )
    revisi: list[Revisi] = Field(default_factory=list, description="Riwayat revisi dokumen.")
    tahun: int | None = Field(
        None,
        ge=1900,
        le=2200,
        description="Tahun pada Halaman Judul; bawaan: tahun Tanggal Efektif.",
    )
    pengaturan: Pengaturan = Field(default_factory=Pengaturan)
    kolom: list[Literal["kelengkapan", "waktu", "output", "keterangan"]] = Field(
        default_factory=lambda: list(DEFAULT_COLUMNS),
        description=(
            "Kolom sesudah kolom pelaksana yang dicetak, berurutan; bawaan: kelengkapan, "
            "waktu, output, keterangan (mis. [waktu, output, keterangan])."
        ),
    )
    judul_kolom: JudulKolom = Field(
        default_factory=JudulKolom, description="Judul kolom tabel flowchart bila bukan bawaan."
    )


class Prosedur(Strict):
    """One procedure file: a flowchart table."""

    versi_skema: Literal[1] = Field(1, description="Versi skema berkas ini.")
    judul: str = Field(description="Judul SOP seperti tercetak di atas tabel.")
    nomor: str | None = Field(None, description="Nomor SOP; bawaan: nomor dokumen.")
    pelaksana: list[str] = Field(
        min_length=1, description="Kolom pelaksana (jabatan), urut kiri ke kanan."
    )
    pelaksana_direkonstruksi: bool = Field(
        False,
        description="True bila pelaksana tiap langkah direkonstruksi (sumber tidak memuatnya).",
    )
    kegiatan: list[Langkah] = Field(min_length=1)
    catatan: str | None = Field(
        None, description="Catatan di bawah tabel flowchart, mis. 'Ket: *) ...'."
    )
    revisi: list[Revisi] = Field(default_factory=list)
    # One SOP = one document: identity fields of its own (the rest from dokumen.yaml).
    identitas: IdentitasProsedur | None = Field(
        None, description="Identitas SOP ini bila berbeda dari dokumen.yaml (sebagian boleh)."
    )
    dasar_hukum: list[str] | None = Field(None, description="Bawaan: dari dokumen.yaml.")
    kualifikasi_pelaksana: list[str] | None = Field(None, description="Bawaan: dari dokumen.yaml.")
    keterkaitan: list[Keterkaitan] | None = Field(None, description="Bawaan: dari dokumen.yaml.")
    peralatan: list[str] | None = Field(None, description="Bawaan: dari dokumen.yaml.")
    peringatan: list[str] | None = Field(None, description="Bawaan: dari dokumen.yaml.")
    pencatatan: list[str] | None = Field(None, description="Bawaan: dari dokumen.yaml.")
    pejabat: dict[str, Pejabat] | None = Field(
        None, description="Pejabat tambahan (atau pengganti) untuk SOP ini."
    )


# ----------------------------------------------------------------------------------------
# The loaded project: plain containers the later stages read.


class Procedure(BaseModel):
    """A procedure with its id (file stem), its source file and parsed durations."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    id: str
    path: str
    data: Prosedur
    durations: tuple[Duration | None, ...]
    source: object = None  # yamlsource.SourceMap of the file, when loaded from disk

    @property
    def nomor(self) -> str | None:
        """The procedure's own Nomor SOP (``nomor:`` or ``identitas.nomor``), if any."""
        own = self.data.identitas.nomor if self.data.identitas is not None else None
        return self.data.nomor or own

    @property
    def flow(self):
        """Its symbols, arrows and printed numbers (``model.flow.Flow``), computed on
        first use and kept with it: check, layout and the handbook all ask. A copy with
        other data (``model_copy``) computes its own."""
        kept = self.__dict__.get("_flow")  # not a field: equality, dumps and repr skip it
        if kept is None or kept[0] is not self.data:
            from sopgen.model.flow import flow_of

            kept = self.__dict__["_flow"] = (self.data, flow_of(self.data))
        return kept[1]

    @property
    def symbols(self):
        """Its symbols in row order (``model.flow.SymbolRef``)."""
        return self.flow.symbols

    @property
    def edges(self):
        """Its arrows, symbol to symbol (``model.flow.Edge``)."""
        return self.flow.edges

    @property
    def numbers(self) -> tuple[str, ...]:
        """The printed "No" of each row ("" for a row printed without one)."""
        return self.flow.numbers

    def waktu_text(self, row: int) -> str:
        """The printed Waktu of a row, exactly as written ("1 hari kerja", "1-2 hari",
        "Semesteran"): an official compares the print with the original word for word.
        Parsing (``durations``) only serves totals and lints."""
        if row >= len(self.data.kegiatan):
            return ""
        return self.data.kegiatan[row].waktu or ""

    @property
    def waktu_not_added(self) -> int:
        """How many rows have a Waktu that could not be added up (free text)."""
        return sum(
            1
            for row, step in enumerate(self.data.kegiatan)
            if step.waktu and (row >= len(self.durations) or self.durations[row] is None)
        )


class Project(BaseModel):
    """Everything loaded from one document folder."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    root: str
    path: str
    dokumen: Dokumen
    procedures: tuple[Procedure, ...]
    source: object = None  # yamlsource.SourceMap of dokumen.yaml

    @property
    def name(self) -> str:
        """The document's folder name, e.g. 'sekretariat' (names the binder file)."""
        from pathlib import Path

        return Path(self.path).name

    def procedure_nomor(self, proc: Procedure) -> str:
        return proc.nomor or self.dokumen.identitas.nomor

    @property
    def columns(self) -> tuple[str, ...]:
        """The printed columns after the executors, in order (``kolom``): a subset of
        kelengkapan, waktu, output, keterangan; Mutu Baku spans those of the first three."""
        return tuple(self.dokumen.kolom)

    @property
    def column_titles(self) -> JudulKolom:
        """The flowchart table's column headings (``judul_kolom``, defaults filled in)."""
        return self.dokumen.judul_kolom

    def official(self, key: str) -> Pejabat | None:
        return self.dokumen.pejabat.get(key)
