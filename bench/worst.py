"""Hard procedures for the layout's worst-case timing (`make bench`): 60 steps and 12
executors, loops that all go back to step 1, meetings across every column."""

from __future__ import annotations

from sopgen.model import Keputusan, Langkah, Procedure, Prosedur

EXECUTORS = [f"Pejabat {chr(ord('A') + i)}" for i in range(12)]


def _procedure(pid: str, steps: list[Langkah]) -> Procedure:
    data = Prosedur(judul=f"Uji tata letak {pid}", pelaksana=EXECUTORS, kegiatan=steps)
    return Procedure(id=pid, path=f"{pid}.yaml", data=data, durations=(None,) * len(steps))


def loops_to_start(n: int = 60) -> Procedure:
    """Every fifth step is a decision whose "Tidak" goes back to step 1."""
    steps = []
    for i in range(n):
        who = EXECUTORS[(i * 5) % 12]
        if i % 5 == 4 and i < n - 1:
            steps.append(
                Langkah(
                    uraian=f"Memeriksa hasil {i + 1}",
                    pelaksana=who,
                    keputusan=Keputusan(ya=i + 2, tidak=1),
                )
            )
        else:
            steps.append(Langkah(uraian=f"Mengerjakan langkah {i + 1}", pelaksana=who))
    return _procedure("kembali-ke-awal", steps)


def meetings(n: int = 60) -> Procedure:
    """Every fourth step is a meeting of all twelve executors; decisions loop back."""
    steps = []
    for i in range(n):
        if i % 4 == 2:
            steps.append(Langkah(uraian=f"Rapat bersama {i + 1}", pelaksana=list(EXECUTORS)))
        elif i % 6 == 5 and i < n - 1:
            steps.append(
                Langkah(
                    uraian=f"Memutuskan {i + 1}",
                    pelaksana=EXECUTORS[i % 12],
                    keputusan=Keputusan(ya=i + 2, tidak=max(1, i - 8)),
                )
            )
        else:
            steps.append(Langkah(uraian=f"Langkah {i + 1}", pelaksana=EXECUTORS[(i * 7) % 12]))
    return _procedure("rapat-semua", steps)


def both(n: int = 60) -> Procedure:
    """Meetings across every column and loops back to step 1 together."""
    steps = []
    for i in range(n):
        if i % 5 == 2:
            steps.append(Langkah(uraian=f"Rapat {i + 1}", pelaksana=list(EXECUTORS)))
        elif i % 5 == 4 and i < n - 1:
            steps.append(
                Langkah(
                    uraian=f"Keputusan {i + 1}",
                    pelaksana=EXECUTORS[(i * 5) % 12],
                    keputusan=Keputusan(ya=i + 2, tidak=1),
                )
            )
        else:
            steps.append(Langkah(uraian=f"Langkah {i + 1}", pelaksana=EXECUTORS[(i * 5) % 12]))
    return _procedure("rapat-dan-kembali", steps)


WORST = (loops_to_start, meetings, both)
