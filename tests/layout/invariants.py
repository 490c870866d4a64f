"""Checks every layout must pass; shared by the example tests and the property test.

Each check raises AssertionError with a message naming the page, arrow or step."""

from __future__ import annotations

import math
from collections import Counter

from sopgen.layout import resolve_flow
from sopgen.layout.geometry import Box, OffPage, ProcedureLayout, Symbol
from sopgen.model import Procedure

TOL = 0.01


def hard_faults(found) -> dict[str, int]:
    """The audit's hard counts that are not zero (every one must be, labels included)."""
    return {k: v for k, v in found.hard().items() if v}


def check_all(layout: ProcedureLayout, procedure: Procedure, style) -> None:
    check_pages(layout, procedure, style)
    check_texts_fit(layout, style)
    check_symbols(layout, procedure)
    check_header_repeats(layout)
    check_arrows_geometry(layout)
    check_no_overlaps(layout)
    check_offpage_pairs(layout)
    check_edges_drawn(layout, procedure)


# --- pages and rows ---------------------------------------------------------------------


def check_pages(layout: ProcedureLayout, procedure: Procedure, style) -> None:
    n = len(procedure.data.kegiatan)
    seen = [s for page in layout.pages for s in page.steps]
    assert seen == list(range(n)), f"steps over pages {seen} != 0..{n - 1}"
    bottom_limit = style.page_size[1] - style.margin_bottom
    for page in layout.pages:
        assert page.steps, f"page {page.index} has no rows"
        assert (page.width, page.height) == style.page_size
        assert page.table.bottom <= bottom_limit + TOL, (
            f"page {page.index}: table runs into the margin"
        )
        for cell in page.cells:
            b = cell.box
            assert b.y >= page.table.y - TOL and b.bottom <= page.table.bottom + TOL
            if cell.step is not None:
                assert cell.step in page.steps, f"page {page.index}: cell of step {cell.step}"
        for step in page.steps:
            rows = {(c.box.y, c.box.h) for c in page.cells if c.step == step}
            assert len(rows) == 1, f"step {step}: row cells disagree {rows}"
    # every step's row appears on exactly one page, whole
    counts = Counter(c.step for page in layout.pages for c in page.cells if c.role == "kegiatan")
    assert all(counts[i] == 1 for i in range(n)), counts


def check_texts_fit(layout: ProcedureLayout, style) -> None:
    """Every text line lies inside its cell (fake measure), or above the table (title)."""
    from tests.layout.builders import fake_measure

    content_w = style.page_size[0] - style.margin_left - style.margin_right
    for page in layout.pages:
        for t in page.texts:
            w = fake_measure(t.text, t.font, t.size)
            x0 = t.x - w / 2 if t.anchor == "middle" else t.x
            if t.y < page.table.y:
                assert x0 >= style.margin_left - TOL and x0 + w <= style.margin_left + content_w
                continue
            cells = [
                c.box
                for c in page.cells
                if c.box.x <= t.x <= c.box.right and c.box.y <= t.y <= c.box.bottom
            ]
            assert cells, f"page {page.index}: text {t.text!r} outside every cell"
            box = min(cells, key=lambda b: b.w * b.h)
            assert x0 >= box.x + style.cell_pad - TOL, f"{t.text!r} sticks out left"
            assert x0 + w <= box.right - style.cell_pad + TOL, f"{t.text!r} sticks out right"
            assert t.y - 0.8 * t.size >= box.y - TOL and t.y + 0.2 * t.size <= box.bottom + TOL


def expected_kind(index: int, n: int, step) -> str:
    """The short form's default kinds (model.flow decides; a last row with 'lanjut' does
    not end the flow, so it is a process; a step marked 'selesai' ends it)."""
    if step.keputusan is not None:
        return "decision"
    if index == 0 or step.selesai or (index == n - 1 and step.lanjut is None):
        return "terminator"
    return "process"


def check_symbols(layout: ProcedureLayout, procedure: Procedure) -> None:
    steps = procedure.data.kegiatan
    pelaksana = procedure.data.pelaksana
    symbols = [s for page in layout.pages for s in page.symbols if not s.part]
    assert sorted(s.step for s in symbols) == list(range(len(steps))), "one symbol per step"
    for page in layout.pages:
        lanes = sorted(
            (c for c in page.cells if c.role == "lane" and c.step == page.steps[0]),
            key=lambda c: c.box.x,
        )
        for sym in page.symbols:
            assert sym.step in page.steps
            if sym.part:  # a further box of a joint step over lanes that are not neighbours
                lane = lanes[sym.columns[0]].box
                assert lane.x < sym.box.x and sym.box.right < lane.right and sym.link
                continue
            step = steps[sym.step]
            assert sym.kind == expected_kind(sym.step, len(steps), step), sym
            cols = tuple(
                sorted({pelaksana.index(e) for e in step.executors if e in pelaksana})
            ) or (0,)
            assert sym.columns == cols, (sym, cols)
            row = next(c.box for c in page.cells if c.step == sym.step and c.role == "kegiatan")
            assert sym.box.y > row.y and sym.box.bottom < row.bottom, (
                f"step {sym.step} leaves its row"
            )
            above = [c.box for c in page.offpage if c.box.y >= row.y and c.box.bottom <= row.bottom]
            if above:  # the page's incoming connectors stand in the row's upper part
                assert sym.box.y > max(b.bottom for b in above), (
                    f"step {sym.step} not below the connectors in its row"
                )
            else:
                assert abs(sym.box.cy - row.cy) < TOL, f"step {sym.step} not centred in its row"
            split = cols[-1] - cols[0] != len(cols) - 1  # one box per lane, joined
            left, right = lanes[cols[0]].box, lanes[cols[0 if split else -1]].box
            assert sym.box.x > left.x and sym.box.right < right.right, (
                f"step {sym.step} outside its lanes"
            )


def check_header_repeats(layout: ProcedureLayout) -> None:
    """Title, Nomor SOP and the two-row table header are the same on every page."""
    first = layout.pages[0]
    head_cells = [c for c in first.cells if c.role == "header"]
    assert head_cells, "no table header"
    head_bottom = max(c.box.bottom for c in head_cells)
    head_texts = [t for t in first.texts if t.y < head_bottom]
    assert any(t.text.startswith("Nomor SOP") for t in head_texts)
    for page in layout.pages[1:]:
        assert [c for c in page.cells if c.role == "header"] == head_cells, (
            f"page {page.index}: header differs"
        )
        assert [t for t in page.texts if t.y < head_bottom] == head_texts, (
            f"page {page.index}: header texts"
        )


# --- arrows -------------------------------------------------------------------------------


def segments(points):
    return list(zip(points, points[1:], strict=False))


def inside_shape(kind: str, b: Box, x: float, y: float, tol: float = TOL) -> bool:
    """Strictly inside the symbol's outline (by more than tol)."""
    if not (b.x + tol < x < b.right - tol and b.y + tol < y < b.bottom - tol):
        return False
    if kind == "decision":
        return abs(x - b.cx) / (b.w / 2) + abs(y - b.cy) / (b.h / 2) < 1 - tol / min(b.w, b.h) * 2
    if kind == "terminator":
        r = min(b.w, b.h) / 2
        if b.x + r <= x <= b.right - r:
            return True
        cx = b.x + r if x < b.x + r else b.right - r
        return math.hypot(x - cx, y - b.cy) < r - tol
    return True


def on_outline(kind: str, b: Box, x: float, y: float) -> bool:
    near_box = b.x - TOL <= x <= b.right + TOL and b.y - TOL <= y <= b.bottom + TOL
    if not near_box:
        return False
    if kind == "decision":
        return abs(abs(x - b.cx) / (b.w / 2) + abs(y - b.cy) / (b.h / 2) - 1) < 0.002
    if kind == "terminator":
        r = min(b.w, b.h) / 2
        if b.x + r <= x <= b.right - r:
            return abs(y - b.y) < TOL or abs(y - b.bottom) < TOL
        cx = b.x + r if x < b.x + r else b.right - r
        return abs(math.hypot(x - cx, y - b.cy) - r) < 0.02
    return (
        abs(x - b.x) < TOL
        or abs(x - b.right) < TOL
        or abs(y - b.y) < TOL
        or abs(y - b.bottom) < TOL
    )


def on_connector(c: OffPage, x: float, y: float) -> bool:
    b = c.box
    top = abs(y - b.y) < TOL and b.x - TOL <= x <= b.right + TOL
    tip = abs(x - b.cx) < TOL and abs(y - b.bottom) < TOL
    return top or tip


def segment_hits_box(p, r, b: Box, tol: float = TOL) -> bool:
    """Does the axis-parallel segment p-r meet the open box (shrunk by tol)?"""
    (x0, y0), (x1, y1) = p, r
    lo_x, hi_x = min(x0, x1), max(x0, x1)
    lo_y, hi_y = min(y0, y1), max(y0, y1)
    return lo_x < b.right - tol and hi_x > b.x + tol and lo_y < b.bottom - tol and hi_y > b.y + tol


def segment_hits_shape(p, r, sym: Symbol) -> bool:
    (x0, y0), (x1, y1) = p, r
    length = abs(x1 - x0) + abs(y1 - y0)
    steps = max(2, int(length / 0.2))
    for k in range(steps + 1):
        t = k / steps
        if inside_shape(sym.kind, sym.box, x0 + (x1 - x0) * t, y0 + (y1 - y0) * t):
            return True
    return False


def check_arrows_geometry(layout: ProcedureLayout) -> None:
    for page in layout.pages:
        syms = {f"step:{s.key}": s for s in page.symbols if not s.part}
        conns = {f"offpage:{c.label}": c for c in page.offpage}
        for a in page.arrows:
            name = f"page {page.index} arrow {a.source}->{a.target}"
            assert len(a.points) >= 2, name
            for p, r in segments(a.points):
                assert (p[0] == r[0]) != (p[1] == r[1]), f"{name}: segment {p}-{r} not orthogonal"
            for end, point in ((a.source, a.points[0]), (a.target, a.points[-1])):
                if end == a.source and not a.tail:
                    assert forks_from_arrow(page, a), f"{name}: fork {point} on no arrow"
                elif end == a.target and not a.head:
                    assert joins_an_arrow(page, a), f"{name}: join {point} on no arrow into {end}"
                elif end in syms:
                    s = syms[end]
                    assert on_outline(s.kind, s.box, *point), (
                        f"{name}: {point} not on {end}'s outline"
                    )
                else:
                    assert end in conns, f"{name}: unknown end {end}"
                    assert on_connector(conns[end], *point), f"{name}: {point} not on connector"
            ends = {a.source, a.target}
            parts = [(f"{s.key}#{s.part}", s) for s in page.symbols if s.part]
            for seg in segments(a.points):
                for key, s in [*syms.items(), *parts]:
                    if key in ends:
                        assert not segment_hits_shape(*seg, s), (
                            f"{name}: {seg} enters its own end {key}"
                        )
                    else:
                        assert not segment_hits_box(*seg, s.box), (
                            f"{name}: {seg} crosses symbol {key}"
                        )
                for key, c in conns.items():
                    assert not segment_hits_box(*seg, c.box), (
                        f"{name}: {seg} crosses connector {key}"
                    )
            # a branch of a fork shares its trunk's label; the arrows an "in" connector
            # forks into carry each its own label after the fork (check_fork_labels)
            forked = any(b.source == a.source and not b.tail for b in page.arrows)
            if a.label is not None and a.tail and not (a.source in conns and forked):
                check_label(a, name)


def on_segment(p, r, x: float, y: float) -> bool:
    return min(p[0], r[0]) - TOL <= x <= max(p[0], r[0]) + TOL and (
        min(p[1], r[1]) - TOL <= y <= max(p[1], r[1]) + TOL
    )


def joins_an_arrow(page, a) -> bool:
    """A join ends inside a segment of another arrow into the same target, arriving
    across it."""
    x, y = a.points[-1]
    last = a.points[-2]
    for other in page.arrows:
        if other is a or other.target != a.target:
            continue
        for p, r in segments(other.points):
            if on_segment(p, r, x, y) and ((p[0] == r[0]) != (last[0] == x)):
                return True
    return False


def forks_from_arrow(page, a) -> bool:
    """A fork starts inside a segment of another arrow of the same exit (same source and
    label; after an "in" connector, any label), leaving it across."""
    x, y = a.points[0]
    nxt = a.points[1]
    for other in page.arrows:
        if other is a or other.source != a.source:
            continue
        if other.label != a.label and not a.source.startswith("offpage:"):
            continue
        for p, r in segments(other.points):
            if on_segment(p, r, x, y) and ((p[0] == r[0]) != (nxt[0] == x)):
                return True
    return False


def check_label(a, name: str, size: float = 7.0) -> None:
    """Ya/Tidak: a label box beside the first segment (or, when that has no free place,
    the second), 2-6 pt off its line (up to 9 pt where a symbol's slope leaves no nearer
    place), near its start (label size 7 pt, fake measure: 3.5 pt per character)."""
    assert a.label_at is not None, f"{name}: label without position"
    lx, ly = a.label_at
    bx0, by0 = lx, ly - 0.8 * size
    bx1, by1 = lx + len(a.label) * size * 0.5, ly + 0.2 * size
    found = []
    for (x0, y0), (x1, _) in list(zip(a.points, a.points[1:], strict=False))[:2]:
        if x0 == x1:  # vertical segment: the label is left or right of it
            off = bx0 - x0 if bx0 > x0 else x0 - bx1
            along = min(abs(by0 - y0), abs(by1 - y0))
        else:
            off = by0 - y0 if by0 > y0 else y0 - by1
            along = min(abs(bx0 - x0), abs(bx1 - x0))
        found.append((off, along))
        if 2 <= off <= 9 and along <= 40:
            return
    off, along = found[0]
    assert 2 <= off <= 9, f"{name}: label {off:.1f} pt off its line"
    assert along <= 40, f"{name}: label not beside the start of its first segment"


def overlap_1d(a0, a1, b0, b1) -> float:
    return min(max(a0, a1), max(b0, b1)) - max(min(a0, a1), min(b0, b1))


def collinear_overlap(s, t) -> bool:
    (p0, p1), (q0, q1) = s, t
    if p0[0] == p1[0] and q0[0] == q1[0] and abs(p0[0] - q0[0]) < TOL:
        return overlap_1d(p0[1], p1[1], q0[1], q1[1]) > TOL
    if p0[1] == p1[1] and q0[1] == q1[1] and abs(p0[1] - q0[1]) < TOL:
        return overlap_1d(p0[0], p1[0], q0[0], q1[0]) > TOL
    return False


def check_no_overlaps(layout: ProcedureLayout) -> None:
    for page in layout.pages:
        segs = [
            (i, k, seg)
            for i, a in enumerate(page.arrows)
            for k, seg in enumerate(segments(a.points))
        ]
        for n, (i, k, s) in enumerate(segs):
            for j, m, t in segs[n + 1 :]:
                if i == j and abs(k - m) == 1:
                    continue
                a, b = page.arrows[i], page.arrows[j]
                assert not collinear_overlap(s, t), (
                    f"page {page.index}: arrows {a.source}->{a.target} and "
                    f"{b.source}->{b.target} overlap: {s} / {t}"
                )


def check_offpage_pairs(layout: ProcedureLayout) -> None:
    """A letter names one pair: one "in" connector and one or more "out" ones (arrows into
    one step from several pages share it), never on the in one's page; an "out" one
    takes one or more arrows from steps of its page (they join), an "in" one gives one
    arrow; back pairs (to an earlier page) point up on both halves."""
    where: dict[str, list[tuple[str, int, OffPage]]] = {}
    for page in layout.pages:
        for c in page.offpage:
            where.setdefault(c.label, []).append((c.direction, page.index, c))
            ref = f"offpage:{c.label}"
            into = [a for a in page.arrows if a.target == ref]
            out_of = [a for a in page.arrows if a.source == ref]
            if c.direction == "out":
                assert into and not out_of, f"page {page.index}: connector {c.label} arrows"
                assert sum(a.head for a in into) == 1, f"page {page.index}: {c.label} heads"
                assert all(a.source.startswith("step:") for a in into)
                assert all(int(a.source[5:]) in page.steps for a in into)
            else:  # one arrow, or one that the others fork from
                assert out_of and not into, f"page {page.index}: {c.label} arrows"
                assert sum(a.tail for a in out_of) == 1, f"page {page.index}: {c.label} tails"
                assert f"step:{c.step}" in {a.target for a in out_of}
                assert all(int(a.target[5:]) in page.steps for a in out_of)
            assert c.step in page.steps
    for page in layout.pages:
        boxes = sorted((c.box for c in page.offpage), key=lambda b: (b.y, b.x))
        for a, b in zip(boxes, boxes[1:], strict=False):
            if abs(a.y - b.y) < TOL:
                assert a.right < b.x, f"page {page.index}: connectors overlap"
        lanes = [c.box for c in page.cells if c.role == "lane"]
        left, right = min(b.x for b in lanes), max(b.right for b in lanes)
        assert all(left < b.x and b.right < right for b in boxes), "connector outside the lanes"
    for label, items in where.items():
        ins = [(p, c) for d, p, c in items if d == "in"]
        outs = [(p, c) for d, p, c in items if d == "out"]
        # one "in" half; or one "out" half whose targets lie on several pages, each
        # with its "in" half (a fan-out pair)
        assert ins and outs and (len(ins) == 1 or len(outs) == 1), f"connector {label}: {items}"
        assert len({p for p, _ in ins}) == len(ins), f"connector {label}: two ins on a page"
        for p_in, c_in in ins:
            assert all(p != p_in for p, _ in outs), f"connector {label} pair on one page"
            back = {c.back for _, c in outs} | {c_in.back}
            assert back == {all(p > p_in for p, _ in outs)}, f"connector {label}: direction"
        assert len({p for p, _ in outs}) == len(outs), f"connector {label}: two outs on a page"
    # letters in order of appearance: A, B, C ...
    order = []
    for page in layout.pages:
        for c in sorted(page.offpage, key=lambda c: (c.box.y, c.box.x)):
            if c.label not in order:
                order.append(c.label)
    from sopgen.layout.connectors import letter

    assert order == [letter(k) for k in range(len(order))], order


def check_edges_drawn(layout: ProcedureLayout, procedure: Procedure) -> None:
    """Each flow edge is one arrow on one page, or an arrow into an "out" connector whose
    letter's "in" connector leads to the edge's target. A pair joins arrows from several
    steps into one target, or forks from one step into several targets: the edge's
    label is on the arrow after the "in" half when there is one, else before the "out"."""
    page_of = {s: p.index for p in layout.pages for s in p.steps}
    drawn = Counter()
    ins: dict[str, list[tuple[int, str | None, int]]] = {}
    outs: dict[str, list[tuple[int, str | None, int]]] = {}
    for page in layout.pages:
        for a in page.arrows:
            if a.source.startswith("step:") and a.target.startswith("step:"):
                drawn[(int(a.source[5:]), int(a.target[5:]), a.label)] += 1
            elif a.target.startswith("offpage:"):
                outs.setdefault(a.target, []).append((int(a.source[5:]), a.label, page.index))
            else:
                ins.setdefault(a.source, []).append((int(a.target[5:]), a.label, page.index))
    for key, sources in outs.items():
        assert key in ins, f"connector {key} leads nowhere"
        targets = ins[key]
        assert len(sources) == 1 or len(targets) == 1, f"connector {key}: {sources} {targets}"
        for src, s_label, page in sources:
            assert page_of[src] == page
            for tgt, t_label, tpage in targets:
                assert page_of[tgt] == tpage and page != tpage
                drawn[(src, tgt, t_label if t_label is not None else s_label)] += 1
    assert set(ins) <= set(outs), f"connectors {set(ins) - set(outs)} come from nowhere"
    expected = Counter((e.source, e.target, e.label) for e in resolve_flow(procedure.data))
    assert drawn == expected, f"drawn {drawn} != flow {expected}"
