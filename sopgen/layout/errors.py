"""Layout errors a user can cause (the message is Indonesian and names the step)."""

from __future__ import annotations


class LayoutTooTall(ValueError):
    """A single row does not fit on one page; rows are never split."""

    def __init__(self, step: int, column: str = "kegiatan"):
        self.step = step  # 0-based index of the step
        self.column = column  # the column whose text makes the row too tall, or "judul"
        if column == "judul":
            super().__init__(
                "judul SOP terlalu panjang: judul dan nomornya saja hampir memenuhi halaman; "
                "persingkat judul"
            )
            return
        if column == "kegiatan":
            advice = "persingkat uraian atau pecah menjadi beberapa langkah"
        else:
            advice = f"persingkat teks {column} atau pecah langkah ini menjadi beberapa langkah"
        super().__init__(
            f"langkah {step + 1}: teks {column} terlalu panjang untuk satu halaman; {advice}"
        )


class LayoutUnroutable(LayoutTooTall):
    """The arrows around a step cannot be drawn without crossing a symbol, even on a page
    holding that step's row alone (a LayoutTooTall, so every caller reports it)."""

    def __init__(self, step: int):
        self.step = step
        self.column = "pelaksana"  # the YAML key of the step the message points at
        ValueError.__init__(
            self,
            f"langkah {step + 1}: panah alur di sekitar langkah ini tidak dapat digambar "
            "tanpa menabrak simbol; kurangi langkah bersama (rapat) yang melintasi banyak "
            "pelaksana di sekitar langkah ini, atau pecah prosedur menjadi beberapa SOP",
        )
