"""A procedure's rows (``kegiatan:``) and their symbols, as written in YAML.

A row holds one symbol (the short form: ``pelaksana``, ``keputusan``, ``lanjut``,
``selesai``, ``simbol: terminator|proses`` on the row itself) or several (the long form:
``simbol:`` as a list of items, each with its own ``pelaksana``; an item's
``bolak_balik`` joins it to another symbol of the row by one line with a head at each
end). How rows and symbols
connect is ``sopgen.model.flow``; which combinations are wrong is ``sopgen.check``.
"""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import BeforeValidator, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

from sopgen.model.base import Strict, written_but_blank

# A step reference: a printed number (as in the "No" column) or an id.
StepRef = Annotated[
    int | str,
    Field(
        description=(
            "Langkah yang dituju: nomornya seperti tercetak (1, 2, '2a') atau id langkah/simbol."
        )
    ),
]


def _no_boolean(value: object) -> object:
    """``ya: true`` is a mistake, not step 1 (YAML reads true/false/yes/no as booleans)."""
    items = value if isinstance(value, list) else [value]
    for item in items:
        if isinstance(item, bool | float):
            shown = str(item).lower() if isinstance(item, bool) else repr(item)
            raise PydanticCustomError(
                "sopgen",
                "{message}",
                {
                    "message": f"tujuan langkah harus nomor langkah atau id, bukan {shown}",
                    "hint": "tulis nomor langkah seperti tercetak (mis. 3) atau id langkah; "
                    "YAML membaca true/false/yes/no tanpa tanda kutip sebagai benar/salah",
                },
            )
    return value


Lanjut = Annotated[
    StepRef | Annotated[list[StepRef], Field(min_length=1)],  # a list: a fork
    BeforeValidator(_no_boolean),
]
JenisSimbol = Literal["terminator", "proses"]
Pelaksana = str | Annotated[list[str], Field(min_length=1)]


class Keputusan(Strict):
    """A decision's two exits and their printed labels."""

    ya: Lanjut = Field(description="Tujuan cabang Ya; daftar bila cabang ini bercabang lagi.")
    tidak: Lanjut = Field(description="Tujuan cabang Tidak; daftar bila cabang ini bercabang lagi.")
    label_ya: str = Field(
        "Ya", description="Label cabang Ya seperti tercetak, mis. 'Lengkap'; '' = tanpa label."
    )
    label_tidak: str = Field(
        "Tidak",
        description="Label cabang Tidak seperti tercetak, mis. 'Tidak lengkap'; '' = tanpa label.",
    )


# Fields a row (short form) and a symbol (long form) both have.
Id = Annotated[
    str | None, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", description="Id opsional untuk dirujuk.")
]
Teks = Annotated[
    str | None, Field(description="Teks pendek di dalam simbol, mis. 'Mulai', 'Lengkap?', 'R/T'.")
]
KeputusanOpt = Annotated[
    Keputusan | None, Field(description="Keputusan: dua cabang, Ya dan Tidak.")
]


def _executors(pelaksana: str | list[str] | None) -> tuple[str, ...]:
    if pelaksana is None:
        return ()
    return (pelaksana,) if isinstance(pelaksana, str) else tuple(pelaksana)


class Simbol(Strict):
    """One symbol of a row that holds several (``simbol:`` as a list)."""

    id: Id = None
    pelaksana: Pelaksana = Field(
        description="Kolom pelaksana simbol ini, atau daftar untuk kegiatan bersama."
    )
    teks: Teks = None
    jenis: JenisSimbol | None = Field(
        None, description="Bentuk simbol bila bukan bawaan: 'terminator' atau 'proses'."
    )
    keputusan: KeputusanOpt = None
    lanjut: Lanjut | None = Field(
        None,
        description="Simbol berikutnya bila bukan simbol sesudahnya; daftar = bercabang.",
    )
    selesai: bool = Field(False, description="true: alur berakhir di simbol ini.")
    bolak_balik: Lanjut | None = Field(
        None,
        description=(
            "Simbol lain di baris ini (id) yang dihubungkan satu garis berkepala dua: "
            "pekerjaan dikirim ke sana lalu kembali ke simbol ini (mis. konsultasi); "
            "daftar = beberapa. Alur simbol ini tetap berlanjut seperti biasa."
        ),
    )

    @property
    def executors(self) -> tuple[str, ...]:
        return _executors(self.pelaksana)


class Langkah(Strict):
    """One step (one table row) and its symbol(s)."""

    model_config = ConfigDict(
        json_schema_extra={"anyOf": [{"required": ["pelaksana"]}, {"required": ["simbol"]}]}
    )
    # Keys of a symbol of the long form written on a row: how to fix (load's message).
    ELSEWHERE: ClassVar[dict[str, str]] = {
        "bolak_balik": "'bolak_balik' menghubungkan dua simbol dalam satu baris: tulis "
        "simbol-simbol baris ini sebagai daftar di bawah 'simbol:' (tiap butir dengan "
        "'pelaksana'), lalu 'bolak_balik: <id simbol tujuan>' pada butir yang mengirim",
    }

    id: Id = None
    nomor: int | str | None = Field(
        None,
        description=(
            "Nomor yang tercetak di kolom No, bila bukan nomor otomatis: 10, '2a', atau '' "
            "(tanpa nomor). Nomor bulat menjadi dasar penomoran berikutnya."
        ),
    )
    uraian: str = Field(description="Kegiatan: kata kerja aktif tanpa subjek.")
    pelaksana: Pelaksana | None = Field(
        None,
        description=(
            "Pelaksana (satu kolom), atau daftar untuk kegiatan bersama (mis. rapat). Wajib, "
            "kecuali baris ini memakai 'simbol:' berupa daftar."
        ),
    )
    simbol: JenisSimbol | Annotated[list[Simbol], Field(min_length=1)] | None = Field(
        None,
        description=(
            "Teks 'terminator' atau 'proses': bentuk simbol bila bukan bawaan. Daftar: "
            "beberapa simbol dalam satu baris, masing-masing dengan pelaksananya."
        ),
    )
    teks: Teks = None
    kelengkapan: str | None = Field(None, description="Mutu Baku: Kelengkapan.")
    waktu: str | None = Field(
        None,
        description="Mutu Baku: Waktu, mis. '5 menit', '1-2 hari', atau teks bebas ('Semesteran').",
    )
    output: str | None = Field(None, description="Mutu Baku: Output.")
    keterangan: str | None = None
    keputusan: KeputusanOpt = None
    lanjut: Lanjut | None = Field(
        None,
        description="Langkah berikutnya bila bukan langkah di bawahnya; daftar = bercabang.",
    )
    selesai: bool = Field(False, description="true: alur berakhir di langkah ini.")

    @field_validator("waktu", "kelengkapan", "output", "keterangan", mode="before")
    @classmethod
    def _numbers_as_text(cls, v: object) -> object:
        # "5" in YAML is an int; a text field should still accept it.
        return str(v) if isinstance(v, int | float) and not isinstance(v, bool) else v

    # Left out is fine with the long form (check says when it is missing).
    _written_but_blank = written_but_blank("pelaksana")

    @property
    def symbol_list(self) -> list[Simbol] | None:
        """The long form's symbols, or None for the short form."""
        return self.simbol if isinstance(self.simbol, list) else None

    @property
    def executors(self) -> tuple[str, ...]:
        """Every executor of the row (of all its symbols, first mention first)."""
        if isinstance(self.simbol, list):
            return tuple(dict.fromkeys(e for s in self.simbol for e in s.executors))
        return _executors(self.pelaksana)
