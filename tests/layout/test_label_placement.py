"""Ya/Tidak labels stay readable: off the table's lane and row lines, off every arrow."""

from sopgen.layout import layout_procedure
from sopgen.layout.labels import label_box
from sopgen.layout.style import Style
from tests.layout.builders import fake_measure, procedure, step

EXECUTORS = ("Pemohon", "Petugas", "Operator", "Kasi", "Kabid", "Kepala")


def permohonan():
    return procedure(
        [
            step("Mengajukan permohonan", "Pemohon"),
            step("Memeriksa kelengkapan", "Petugas", id="periksa", keputusan=("entri", 1)),
            step("Memasukkan data", "Operator", id="entri"),
            step("Memverifikasi data", "Kasi", id="verifikasi", keputusan=(5, "entri")),
            step("Membahas bersama", ["Kasi", "Kabid"]),
            step("Menandatangani akta", "Kepala", keputusan=(8, 7)),
            step("Memperbaiki akta", "Operator", lanjut=6),
            step("Menyerahkan akta", "Petugas"),
        ],
        pelaksana=EXECUTORS,
    )


def test_labels_cross_no_table_line_and_no_arrow():
    style = Style()
    page = layout_procedure(permohonan(), "02/SOP", style, fake_measure).pages[0]
    lanes = [c for c in page.cells if c.role == "lane"]
    borders = {c.box.x for c in lanes} | {c.box.right for c in lanes}
    rows = {c.box.y for c in lanes} | {c.box.bottom for c in lanes}
    labelled = [a for a in page.arrows if a.label]
    assert len(labelled) == 6  # three decisions, two exits each
    for arrow in labelled:
        x0, y0, x1, y1 = label_box(arrow.label_at, arrow.label, style, fake_measure)
        assert not any(x0 <= x <= x1 for x in borders), (arrow.label, arrow.source)
        assert not any(y0 <= y <= y1 for y in rows), (arrow.label, arrow.source)
        for other in page.arrows:
            segments = list(zip(other.points, other.points[1:], strict=False))
            for k, ((px, py), (qx, qy)) in enumerate(segments):
                if other is arrow and k == 0:
                    continue  # a label sits beside its own first segment
                crosses = (
                    min(px, qx) <= x1
                    and max(px, qx) >= x0
                    and min(py, qy) <= y1
                    and max(py, qy) >= y0
                )
                assert not crosses, (arrow.label, arrow.source, other.source, other.target)


def test_tidak_fits_a_gutter_only_two_points_wider_than_itself():
    # An arrow down the middle of a 41.6 pt lane (property seed 4: an off-page
    # connector's line): 'Tidak' (17.5 pt) fits beside it only 2 to 2.3 pt off the line.
    # It used to take the least bad place, on the lane line.
    from sopgen.layout.geometry import Arrow
    from sopgen.layout.labels import Scene, choose_label, label_free

    style = Style()
    half = 20.8
    grid = ((-half - 1, -100, -half + 1, 200), (half - 1, -100, half + 1, 200))
    scene = Scene(shapes=(), area=(-200, -100, 200, 200), grid=grid)
    arrow = Arrow(((0.0, 0.0), (0.0, 120.0)), "offpage:F", "step:20", label="Tidak")
    at = choose_label(arrow, [arrow], [], scene, style, fake_measure, anywhere=False)
    x0, y0, x1, y1 = label_box(at, "Tidak", style, fake_measure)
    assert label_free((x0, y0, x1, y1), arrow, [arrow], [], scene)
    assert -half + 1 <= x0 and x1 <= half - 1  # off both lane lines
    assert 2 <= min(abs(x0), abs(x1)) <= 9  # beside its line, not across it
    assert y0 < 40  # near the connector it leaves


def test_a_label_beside_an_arrowhead_is_not_free():
    # An arrow down into a box at y 175; a label 1.5 pt right of its line is clear of
    # the line but not of the head (2.25 pt wide on each side): the placer moves on.
    from sopgen.layout.geometry import Arrow
    from sopgen.layout.labels import Scene, label_free

    style = Style()
    scene = Scene(shapes=(), area=(0, 0, 400, 400))
    into = Arrow(((150, 100), (150, 175)), "step:0", "step:1")
    own = Arrow(((140, 165), (145, 165)), "offpage:A", "step:2", "Tidak")
    beside_head = label_box((151.5, 174), "Tidak", style, fake_measure)
    assert not label_free(beside_head, own, [into, own], [], scene)
    beside_line = label_box((151.5, 150), "Tidak", style, fake_measure)
    assert label_free(beside_line, own, [into, own], [], scene)
