"""Every layout default in one place (like dagre's graphDefaults)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from sopgen.layout.geometry import FontName

MM = 72 / 25.4

COLUMN_TITLE_KEYS = (
    "no", "kegiatan", "pelaksana", "mutu_baku", "kelengkapan", "waktu", "output", "keterangan",
)  # fmt: skip

# (width, height) in points, landscape.
PAPER = {
    "A4": (297 * MM, 210 * MM),
    "F4": (330 * MM, 215 * MM),
}

# measure(text, font, size) -> width in points. The PDF passes reportlab's stringWidth
# on the embedded font; tests may pass a fake.
Measure = Callable[[str, FontName, float], float]


@dataclass(frozen=True)
class Style:
    paper: str = "A4"
    margin_top: float = 15 * MM
    margin_bottom: float = 15 * MM  # includes the footer ("Halaman x dari y")
    margin_left: float = 15 * MM
    margin_right: float = 15 * MM

    # Page header above the table on every page of a procedure: title + Nomor SOP.
    title_size: float = 11.0
    number_size: float = 9.0
    header_gap: float = 6.0  # between the number line and the table

    # Table text.
    font_size: float = 8.0
    leading: float = 9.6
    header_font_size: float = 8.0
    cell_pad: float = 3.0

    # Column widths come from the content (columns.py). Executor lanes: at least room
    # for a symbol and the arrows beside it, at most lane_max (longer words hyphenate),
    # together at most lanes_max of the table.
    lane_min: float = 16 * MM
    lane_max: float = 30 * MM
    lanes_max: float = 0.55
    lanes_hard_max: float = 0.65  # even for names' short words (columns.py)
    col_floor: float = 40.0  # text-free share of a text column (points of "text")
    one_line_max: float = 20 * MM  # a column whose values are all this short keeps them whole

    # Symbols (docs/format.md §1.4: 25x13 mm boxes, 18 mm diamond).
    symbol_w: float = 25 * MM
    symbol_h: float = 13 * MM
    box_ratio: float = 0.4  # a box's height : width (signed SOPs draw them flat: 25 x 10 mm)
    decision: float = 18 * MM  # the diamond's width
    decision_ratio: float = 0.7  # its height : width (signed SOPs draw it flat, not square)
    symbol_fill_of_lane: float = 0.70  # at most this share of a lane's width
    lane_gutter_min: float = 5.0  # free room kept on each side of a symbol for arrows
    row_min_pad: float = 6.0  # free room above and below a symbol for arrows
    row_pad_roomy: float = 8.0  # the same when the arrows find no way (layout_procedure)
    offpage_w: float = 11 * MM * 0.8
    offpage_h: float = 13 * MM * 0.8
    band_h: float = 13 * MM  # connector band at the top/bottom of continuation pages

    # Arrows.
    line_width: float = 1.0
    arrowhead: float = 5.0
    track_gap: float = 4.0  # spacing between parallel arrow tracks
    label_size: float = 7.0

    show_total: bool = False

    # The procedure's notes (catatan, "Ket: *) ...") under the table of its last page.
    notes_size: float = 7.5
    notes_leading: float = 9.0
    notes_gap: float = 4.0  # between the table (or its connectors) and the notes
    notes_share_max: float = 0.5  # longer notes take a page of their own

    # The table's column headings (dokumen.yaml judul_kolom), in COLUMN_TITLE_KEYS order.
    column_titles: tuple[str, ...] = (
        "No", "Kegiatan", "Pelaksana", "Mutu Baku", "Kelengkapan", "Waktu", "Output", "Keterangan",
    )  # fmt: skip

    # The columns printed after the executors, in order (dokumen.yaml kolom); a real SOP
    # may leave one out (a Mutu Baku of Waktu and Output only).
    columns: tuple[str, ...] = ("kelengkapan", "waktu", "output", "keterangan")

    def roomier(self) -> Style:
        """This style with the roomier row padding (a second try for crowded arrows)."""
        return replace(self, row_min_pad=max(self.row_min_pad, self.row_pad_roomy))

    def wider_lanes(self, factor: float) -> Style:
        """This style with executor lanes at least ``factor`` times as wide (a last try
        for loops back that need more tracks beside the symbols than a narrow lane has)."""
        return replace(self, lane_min=min(self.lane_min * factor, self.lane_max))

    def column_title(self, key: str) -> str:
        return self.column_titles[COLUMN_TITLE_KEYS.index(key)]

    @property
    def page_size(self) -> tuple[float, float]:
        return PAPER[self.paper]
