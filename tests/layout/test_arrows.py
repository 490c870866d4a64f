"""Arrows: where they leave and enter, the tracks they run on, the Ya/Tidak labels."""

import pytest

from sopgen.layout import layout_procedure
from sopgen.layout.audit import audit
from sopgen.layout.style import Style
from sopgen.layout.tracks import CLEAR
from sopgen.model import Langkah, Simbol
from tests.layout.builders import fake_measure, procedure, step
from tests.layout.invariants import check_all

STYLE = Style()


def assert_no_crossing_and_no_fault(p) -> None:
    """The procedure's paged layout crosses no line and has no hard audit fault."""
    found = audit(layout_procedure(p, "x", STYLE, fake_measure), STYLE, fake_measure)
    assert found.crossings == 0 and not any(found.hard().values()), found.notes


def page_of(p, style=STYLE):
    layout = layout_procedure(p, "x", style, fake_measure)
    check_all(layout, p, style)
    assert len(layout.pages) == 1
    return layout.pages[0]


def arrow(page, source, target):
    return next(
        a for a in page.arrows if a.source == f"step:{source}" and a.target == f"step:{target}"
    )


def row_bottom(page, step_index):
    return next(c.box.bottom for c in page.cells if c.role == "kegiatan" and c.step == step_index)


def test_next_row_in_the_same_column_is_one_straight_line():
    page = page_of(procedure([step(pelaksana="B"), step(pelaksana="B")]))
    a, b = page.symbols
    assert arrow(page, 0, 1).points == ((a.box.cx, a.box.bottom), (b.box.cx, b.box.y))


def test_next_row_in_another_column_enters_the_side_when_the_gap_is_tight():
    # Rows at their minimum leave 6 pt between a box and the row line: a jog there would
    # run within 3 pt of both and read as part of the ruling. The arrow drops to the
    # next box's middle and enters its side (as hand-drawn SOPs do).
    page = page_of(procedure([step(pelaksana="A"), step(pelaksana="C")]))
    a, b = page.symbols
    assert arrow(page, 0, 1).points == (
        (a.box.cx, a.box.bottom),
        (a.box.cx, b.box.cy),
        (b.box.x, b.box.cy),
    )


def test_a_jog_between_rows_runs_in_the_middle_of_the_free_band():
    # Rows made tall by their text leave room between a box and the row line: the jog
    # runs in the middle of that band, clear of the line and of the box.
    text = " ".join(["memeriksa dokumen laporan kinerja"] * 8)
    page = page_of(procedure([step(text, "A"), step(text, "C")]))
    a, b = page.symbols
    line = row_bottom(page, 0)
    assert arrow(page, 0, 1).points == (
        (a.box.cx, a.box.bottom),
        (a.box.cx, pytest.approx((a.box.bottom + line) / 2)),
        (b.box.cx, pytest.approx((a.box.bottom + line) / 2)),
        (b.box.cx, b.box.y),
    )
    assert line - a.box.bottom >= 2 * CLEAR


def test_tidak_leaves_the_right_vertex_and_loops_back_up_beside_the_symbols():
    # (back to a box in its own lane; one in a lane on the left: below)
    p = procedure([step(pelaksana="B"), step(pelaksana="B", keputusan=(3, 1)), step(pelaksana="B")])
    page = page_of(p)
    first, decision, last = page.symbols
    ya, tidak = arrow(page, 1, 2), arrow(page, 1, 0)
    assert ya.label == "Ya"
    assert ya.points[0] == pytest.approx((decision.box.cx, decision.box.bottom))
    assert ya.points[1][1] > ya.points[0][1]  # Ya continues down
    assert tidak.label == "Tidak"
    assert tidak.points[0] == pytest.approx((decision.box.right, decision.box.cy))
    (x0, y0), (x1, y1) = tidak.points[:2]
    assert y1 == y0 and x1 > x0  # leaves to the right
    pairs = zip(tidak.points, tidak.points[1:], strict=False)
    ups = [(p, q) for p, q in pairs if p[0] == q[0] and q[1] < p[1]]
    assert ups and ups[0][0][0] > decision.box.right  # runs up beside the diamond
    (ex, ey), (tx, ty) = tidak.points[-2:]
    assert ey == ty and tx == pytest.approx(first.box.right)  # enters the target's side
    # the Tidak's first segment leaves its lane a few points from the vertex: its label
    # stays in the lane, over the right vertex's slope (not beside the segment past the
    # lane line); the Ya's beside its first segment, 3.5 pt off the line
    lane = next(c.box for c in page.cells if c.role == "lane" and c.box.x < x0 < c.box.right)
    width = fake_measure("Tidak", "regular", STYLE.label_size)
    assert lane.x <= tidak.label_at[0] and tidak.label_at[0] + width <= lane.right
    assert tidak.label_at[0] + width / 2 > decision.box.cx  # reads as the right exit's
    assert ya.label_at[0] in (
        pytest.approx(decision.box.cx + 3.5),
        pytest.approx(decision.box.cx - 3.5 - 7),
    )


def test_a_decision_in_the_last_lane_says_tidak_to_the_left():
    p = procedure([step(pelaksana="A"), step(pelaksana="D", keputusan=(3, 1)), step(pelaksana="D")])
    page = page_of(p)
    decision = page.symbols[1]
    assert arrow(page, 1, 0).points[0] == (decision.box.x, decision.box.cy)


def test_a_tidak_to_the_symbol_straight_below_goes_down_and_ya_leaves_facing_its_target():
    # As agencies draw it (BPS SOP-025, "Tujuan Disposisi"): the branch whose symbol stands
    # straight below takes the bottom vertex, the other the side vertex facing its target,
    # and the two do not cross. By default "Ya" would take the bottom vertex and turn.
    steps = [
        step(pelaksana="B"),
        step(pelaksana="B", keputusan=(3, 4)),
        step(pelaksana="A", lanjut=5),
        step(pelaksana="B"),
        step(pelaksana="B"),
    ]
    p = procedure(steps)
    page = page_of(p)
    decision = page.symbols[1]
    ya, tidak = arrow(page, 1, 2), arrow(page, 1, 3)
    assert ya.label == "Ya" and ya.points[0] == pytest.approx((decision.box.x, decision.box.cy))
    assert tidak.label == "Tidak"
    assert tidak.points[0] == pytest.approx((decision.box.cx, decision.box.bottom))
    assert len(tidak.points) == 2  # straight down
    assert_no_crossing_and_no_fault(p)


def test_exits_to_lanes_on_either_side_leave_by_the_vertices_facing_them():
    # As agencies draw it (BPS SOP-021, -028, -031: "Setuju?"): the "Tidak" back to an
    # earlier step on the left leaves by the left vertex, the "Ya" on to the next
    # executor on the right by the right vertex. By default the "Ya" would go down and
    # turn, the "Tidak" leave by the right vertex and come round over the diamond.
    steps = [step(pelaksana="B"), step(pelaksana="C", keputusan=(3, 1)), step(pelaksana="D")]
    p = procedure(steps)
    page = page_of(p)
    decision = page.symbols[1]
    ya, tidak = arrow(page, 1, 2), arrow(page, 1, 0)
    assert ya.points[0] == pytest.approx((decision.box.right, decision.box.cy))
    assert tidak.points[0] == pytest.approx((decision.box.x, decision.box.cy))
    assert_no_crossing_and_no_fault(p)


def test_a_tidak_back_to_a_lane_on_the_left_leaves_by_the_left_vertex():
    # The "Ya" goes straight down; the "Tidak" back to lane B on the left leaves by the
    # vertex facing it, not by the right one round the diamond.
    steps = [
        step(pelaksana="B"),
        step(pelaksana="C"),
        step(pelaksana="C", keputusan=(4, 1)),
        step(pelaksana="C"),
    ]
    p = procedure(steps)
    page = page_of(p)
    decision = page.symbols[2]
    assert arrow(page, 2, 3).points[0] == pytest.approx((decision.box.cx, decision.box.bottom))
    assert arrow(page, 2, 0).points[0] == pytest.approx((decision.box.x, decision.box.cy))
    assert_no_crossing_and_no_fault(p)


@pytest.mark.parametrize(
    "steps",
    [
        # Ya on to lane C, Tidak back to the box in lane A that sent it (BPS SOP-021, -024)
        [step(pelaksana="A"), step(pelaksana="B", keputusan=(3, 1)), step(pelaksana="C")],
        # Ya straight down, Tidak back to the box in lane A (BPS SOP-023)
        [
            step(pelaksana="A"),
            step(pelaksana="A"),
            step(pelaksana="B", keputusan=(4, 2)),
            step(pelaksana="B"),
        ],
    ],
    ids=["ya-across", "ya-down"],
)
def test_a_tidak_back_to_the_box_that_sent_it_comes_up_into_its_bottom(steps):
    # As agencies draw it: the arrow into the decision leaves the box by its side facing
    # the decision, the Tidak leaves by the vertex facing the box and goes up into its
    # bottom; nothing crosses. Before, the Tidak left by the right vertex and came round
    # over the diamond into the box's side.
    p = procedure(steps)
    page = page_of(p)
    decision = next(s for s in page.symbols if s.kind == "decision")
    box = page.symbols[decision.node - 1]
    into = arrow(page, box.node, decision.node)
    tidak = next(a for a in page.arrows if a.label == "Tidak")
    assert into.points[0] == pytest.approx((box.box.right, box.box.cy))
    assert tidak.points[0] == pytest.approx((decision.box.x, decision.box.cy))
    assert tidak.points[-1] == pytest.approx((box.box.cx, box.box.bottom))
    assert_no_crossing_and_no_fault(p)


def test_a_tidak_back_up_into_a_box_entered_from_its_side_shares_its_bottom():
    # BPS SOP-055 ("Belum benar"): the box in lane C is entered from its left by the
    # arrow from B, so the arrow into the decision leaves its bottom; the Tidak comes up
    # into that bottom beside it, instead of joining the arrow from B across it.
    steps = [
        step(pelaksana="B"),
        step(pelaksana="C"),
        step(pelaksana="B", keputusan=(4, 2)),
        step(pelaksana="A"),
    ]
    p = procedure(steps)
    page = page_of(p)
    box, decision = page.symbols[1], page.symbols[2]
    tidak = arrow(page, 2, 1)
    assert tidak.points[0] == pytest.approx((decision.box.right, decision.box.cy))
    assert tidak.points[-1][1] == pytest.approx(box.box.bottom)
    assert box.box.x < tidak.points[-1][0] < box.box.right
    assert_no_crossing_and_no_fault(p)


def test_a_tidak_back_to_a_decision_whose_exits_leave_sideways_comes_up_into_its_bottom():
    # BPS SOP-022: the first decision says Tidak back to lane A on the left and Ya on to
    # the second decision in lane D on the right, both by the vertices facing them; the
    # second one's Tidak comes back left and up into the first one's free bottom vertex,
    # as the agency draws it. Before, a decision was entered only at its top or a side
    # vertex: the Tidak went round the diamond and joined the arrow into its top.
    steps = [
        step(pelaksana="A"),
        step(pelaksana="B", keputusan=(3, 1)),
        step(pelaksana="D", keputusan=(4, 2)),
        step(pelaksana="B"),
        step(pelaksana="C"),
    ]
    p = procedure(steps)
    page = page_of(p)
    first = page.symbols[1]
    assert arrow(page, 1, 2).points[0] == pytest.approx((first.box.right, first.box.cy))
    assert arrow(page, 1, 0).points[0] == pytest.approx((first.box.x, first.box.cy))
    back = arrow(page, 2, 1)
    assert back.points[-1] == pytest.approx((first.box.cx, first.box.bottom))
    assert back.points[-2][1] > first.box.bottom  # coming up into it
    assert len(back.points) == 3  # out of the second decision, left, up
    assert_no_crossing_and_no_fault(p)


def test_exits_facing_their_targets_are_not_kept_when_they_cross_more():
    # The "Tidak" back to lane A, left, would cross the arrow from A into C's row above
    # the decision: the usual exits, which cross nothing, are kept.
    steps = [
        step(pelaksana="A"),
        step(pelaksana="C"),
        step(pelaksana="C", keputusan=(4, 1)),
        step(pelaksana="D"),
    ]
    p = procedure(steps)
    page = page_of(p)
    decision = page.symbols[2]
    assert arrow(page, 2, 3).points[0] == pytest.approx((decision.box.cx, decision.box.bottom))
    found = audit(layout_procedure(p, "x", STYLE, fake_measure), STYLE, fake_measure)
    assert found.crossings == 0


def test_a_ya_facing_a_side_vertex_another_arrow_enters_keeps_the_bottom_vertex():
    # The Ya would face right, where the arrow from the row's other symbol enters: the
    # page is routed with the usual exits instead (never a page that fails for it).
    steps = [
        step(pelaksana="B"),
        Langkah(
            uraian="Memeriksa berkas",
            simbol=[
                Simbol(pelaksana="C", lanjut="cek"),
                Simbol(pelaksana="B", id="cek", keputusan={"ya": 3, "tidak": 4}),
            ],
        ),
        step(pelaksana="C", lanjut=5),
        step(pelaksana="B"),
        step(pelaksana="B"),
    ]
    layout = layout_procedure(procedure(steps), "x", STYLE, fake_measure)
    (page,) = layout.pages
    decision = next(s for s in page.symbols if s.kind == "decision")
    ya = next(a for a in page.arrows if a.label == "Ya")
    assert ya.points[0] == pytest.approx((decision.box.cx, decision.box.bottom))
    found = audit(layout, STYLE, fake_measure)
    assert not any(found.hard().values()), found.notes


def test_arrows_into_one_symbol_get_their_own_anchors():
    steps = [
        step(pelaksana="A", lanjut=4),
        step(pelaksana="B", lanjut=4),
        step(pelaksana="D"),
        step(pelaksana="C"),
    ]
    page = page_of(procedure(steps))
    ends = [a.points[-1] for a in page.arrows if a.target == "step:3"]
    assert len(ends) == 3 and len(set(ends)) == 3


def test_a_jump_over_rows_in_the_same_column_goes_around_them():
    steps = [
        step(pelaksana="B", lanjut=4),
        step(pelaksana="B"),
        step(pelaksana="B"),
        step(pelaksana="B"),
    ]
    page = page_of(procedure(steps))
    jump = arrow(page, 0, 3)
    assert len(jump.points) > 2  # not the straight line through steps 2 and 3
    assert arrow(page, 1, 2).points[0][0] == arrow(page, 1, 2).points[1][0]  # still straight


def test_a_self_loop_is_drawn():
    page = page_of(procedure([step(), step(keputusan=(3, 2)), step()]))
    loop = arrow(page, 1, 1)
    assert loop.label == "Tidak" and len(loop.points) >= 4


def test_a_decision_exit_that_forks_leaves_once_and_branches():
    p = procedure(
        [
            step(pelaksana="A"),
            step(pelaksana="B", keputusan=([3, 4], 1)),  # Ya to rows 3 and 4
            step(pelaksana="A"),
            step(pelaksana="C"),
            step(pelaksana="C"),
        ]
    )
    page = page_of(p)
    ya = [a for a in page.arrows if a.source == "step:1" and a.label == "Ya"]
    assert sorted(a.target for a in ya) == ["step:2", "step:3"]
    trunk, branch = sorted(ya, key=lambda a: a.tail, reverse=True)
    assert trunk.tail and not branch.tail  # one leaves the diamond, one branches off it
    decision = page.symbols[1]
    assert trunk.points[0] == (decision.box.cx, decision.box.bottom)
    assert trunk.label_at is not None and branch.label_at is None  # one "Ya" printed


def test_a_step_with_two_next_steps_forks():
    p = procedure([step(pelaksana="A", lanjut=[2, 3]), step(pelaksana="B"), step(pelaksana="C")])
    page = page_of(p)
    out = [a for a in page.arrows if a.source == "step:0"]
    assert sorted(a.target for a in out) == ["step:1", "step:2"]


def _row(uraian, *items):
    return Langkah(uraian=uraian, simbol=list(items))


def test_converging_arrows_the_one_straight_above_goes_first_the_other_joins_it_clear():
    # Two symbols of one row flow into the symbol under the first: its arrow is one
    # straight line, the other meets it in a run that keeps CLEAR from the row line
    # (not a jog beside the ruling with a second step into the junction).
    p = procedure(
        [
            step("Mulai", "A"),
            _row("Menginput", Simbol(pelaksana="A", lanjut=3), Simbol(pelaksana="C", lanjut=3)),
            step("Memeriksa", "A", keputusan=(1, 4)),
            step("Selesai", "B"),
        ]
    )
    layout = layout_procedure(p, "x", STYLE, fake_measure)
    (page,) = layout.pages
    straight, joining = arrow(page, 1, 3), arrow(page, 2, 3)
    assert len(straight.points) == 2 and straight.head
    assert not joining.head
    (_, y), _ = joining.points[-2:]
    assert y - row_bottom(page, 1) >= CLEAR


def test_a_fork_to_two_symbols_branches_the_nearer_off_the_farther():
    # "Tidak" (from the last lane: the left vertex) goes to two boxes of the next row:
    # one arrow to the farther box, the nearer one branching straight down from it.
    p = procedure(
        [
            step("Mulai", "C"),
            _row("Memeriksa", Simbol(pelaksana="C", keputusan={"ya": 4, "tidak": ["x", "y"]})),
            _row(
                "Mengunggah",
                Simbol(id="x", pelaksana="B", lanjut=4),
                Simbol(id="y", pelaksana="A", lanjut=4),
            ),
            step("Selesai", "C"),
        ]
    )
    layout = layout_procedure(p, "x", STYLE, fake_measure)
    (page,) = layout.pages
    farther, nearer = arrow(page, 1, 3), arrow(page, 1, 2)
    assert farther.tail and not nearer.tail
    assert len(nearer.points) == 2  # straight down off the farther one's run


def test_a_straight_drop_into_a_free_top_is_not_bent_to_join_an_arrow_from_the_side():
    # (BPS SOP-078, issue 8.) The start goes to the box right under it, two rows down;
    # an arrow routed before it enters that box from its right side. The drop takes
    # the free top in one straight line rather than bending over to join that arrow.
    p = procedure(
        [
            _row("Mulai", Simbol(pelaksana="A", lanjut=["b", "x"]), Simbol(id="b", pelaksana="B")),
            step("Menganalisis", "B", lanjut="y"),
            _row(
                "Mengirim",
                Simbol(id="x", pelaksana="A", lanjut=["y", "z"]),
                Simbol(id="y", pelaksana="B", selesai=True),
                Simbol(id="z", pelaksana="C", lanjut=["w", "x"]),
                Simbol(id="w", pelaksana="D", lanjut="z"),
            ),
        ]
    )
    layout = layout_procedure(p, "x", STYLE, fake_measure)
    assert not any(audit(layout, STYLE, fake_measure).hard().values())
    (page,) = layout.pages
    start, box = (next(s for s in page.symbols if s.key == k) for k in (0, 3))
    side = arrow(page, 5, 3)
    assert side.head and side.points[-1][0] == box.box.right  # enters the right side
    drop = arrow(page, 0, 3)
    assert drop.head  # its own arrowhead, not a junction on the other arrow
    assert drop.points == ((box.box.cx, start.box.bottom), (box.box.cx, box.box.y))


def test_a_two_way_arrow_between_neighbours_is_one_straight_line_with_two_heads():
    # bolak_balik between symbols side by side: one horizontal line, a head at each end
    p = procedure(
        [
            step("Mulai", "A"),
            _row(
                "Berkonsultasi",
                Simbol(pelaksana="A", bolak_balik="b"),
                Simbol(id="b", pelaksana="B"),
            ),
            step("Selesai", "A"),
        ]
    )
    layout = layout_procedure(p, "x", STYLE, fake_measure)
    (page,) = layout.pages
    found = audit(layout, STYLE, fake_measure)
    assert found.hard() == dict.fromkeys(found.HARD, 0), found.notes
    (two_way,) = [a for a in page.arrows if a.both]
    a, b = (s for s in page.symbols if s.step == 1)
    assert (two_way.source, two_way.target) == ("step:1", "step:2")
    assert two_way.points == ((a.box.right, a.box.cy), (b.box.x, b.box.cy))
    assert two_way.tips == ((b.box.x, b.box.cy), (a.box.right, a.box.cy))
    # the flow goes on from A (the next symbol after B), not from B
    assert {(x.source, x.target) for x in page.arrows if not x.both} == {
        ("step:0", "step:1"),
        ("step:1", "step:3"),
    }


def test_a_two_way_arrow_past_a_symbol_goes_round_it():
    # A <-> C with B between them in the row (SOP-078 row 3): a routed line, two heads,
    # through no symbol
    p = procedure(
        [
            _row(
                "Sinkronisasi",
                Simbol(pelaksana="A", lanjut="b", bolak_balik="c"),
                Simbol(id="b", pelaksana="B"),
                Simbol(id="c", pelaksana="C"),
            ),
        ]
    )
    layout = layout_procedure(p, "x", STYLE, fake_measure)
    (page,) = layout.pages
    (two_way,) = [a for a in page.arrows if a.both]
    assert len(two_way.points) > 2 and len(two_way.tips) == 2
    found = audit(layout, STYLE, fake_measure)
    assert found.hard() == dict.fromkeys(found.HARD, 0), found.notes


def test_the_audit_counts_both_heads_of_a_two_way_arrow():
    import dataclasses

    p = procedure(
        [
            step("Mulai", "A"),
            _row(
                "Berkonsultasi",
                Simbol(pelaksana="A", bolak_balik="b"),
                Simbol(id="b", pelaksana="B"),
            ),
            step("Selesai", "A"),
        ]
    )
    layout = layout_procedure(p, "x", STYLE, fake_measure)
    (page,) = layout.pages
    (two_way,) = [a for a in page.arrows if a.both]
    # another arrow whose head touches the two-way arrow's first point
    (x, y) = two_way.points[0]
    other = dataclasses.replace(two_way, points=((x, y + 30), (x, y + 1)), both=False)
    crowded = dataclasses.replace(page, arrows=(*page.arrows, other))
    found = audit(dataclasses.replace(layout, pages=(crowded,)), STYLE, fake_measure)
    assert found.overlapping_heads == 1


@pytest.mark.parametrize(
    "items",
    [
        # stacked in one lane: a vertical line with two heads
        [("A", "b", None), ("A", None, "b")],
        # one symbol exchanging with both neighbours
        [("A", None, "a"), ("B", ["a", "c"], None), ("C", None, "c")],
        # right to left: the symbol writing it stands right of the other
        [("A", None, "a"), ("C", "a", None)],
        # a chain: 1 <-> 3 past 2, 3 <-> 4 (SOP-076 row 3)
        [("A", "c", None), ("B", None, "b"), ("C", "d", "c"), ("D", None, "d")],
    ],
    ids=["stacked", "both-neighbours", "right-to-left", "chain"],
)
def test_two_way_arrows_pass_the_audit(items):
    simbol = []
    for lane, two_way, ident in items:
        simbol.append(Simbol(pelaksana=lane, bolak_balik=two_way, id=ident))
    p = procedure([step("Mulai", "A"), _row("Bertukar", *simbol), step("Selesai", "B")])
    layout = layout_procedure(p, "x", STYLE, fake_measure)
    found = audit(layout, STYLE, fake_measure)
    assert found.hard() == dict.fromkeys(found.HARD, 0), found.notes
    arrows = [a for page in layout.pages for a in page.arrows if a.both]
    wanted = sum(len(t) if isinstance(t, list) else 1 for _, t, _ in items if t)
    assert len(arrows) == wanted and all(len(a.tips) == 2 for a in arrows)
