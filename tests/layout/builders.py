"""Small builders for model objects and the fake text measure used by layout tests."""

from __future__ import annotations

from sopgen.model import Keputusan, Langkah, Procedure, Prosedur
from sopgen.model.durations import DurationError, parse_duration


def fake_measure(text: str, font: str, size: float) -> float:
    """Every character is half the font size wide (bold too)."""
    return len(text) * size * 0.5


def step(uraian="Memeriksa berkas", pelaksana="A", **kw) -> Langkah:
    if "keputusan" in kw and isinstance(kw["keputusan"], tuple):
        ya, tidak = kw["keputusan"]
        kw["keputusan"] = Keputusan(ya=ya, tidak=tidak)
    return Langkah(uraian=uraian, pelaksana=pelaksana, **kw)


def procedure(
    steps, pelaksana=("A", "B", "C", "D"), judul="Penyusunan Laporan", pid="uji"
) -> Procedure:
    data = Prosedur(judul=judul, pelaksana=list(pelaksana), kegiatan=list(steps))
    durations = []
    for s in data.kegiatan:
        try:
            durations.append(parse_duration(s.waktu) if s.waktu else None)
        except DurationError:
            durations.append(None)
    return Procedure(id=pid, path=f"data/{pid}.yaml", data=data, durations=tuple(durations))
