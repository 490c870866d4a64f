"""to_yaml on sources read incompletely: rows without a symbol, arrows not read, loops
with no way out, terminators in the middle. The written flow is whole (so it passes
check) and every arrow added is marked '# impor:'."""

from __future__ import annotations

from pathlib import Path

import yaml
from test_to_yaml import _row, _shape, _sop
from yaml_flow import edges

from sopgen.impor import ir
from sopgen.impor.to_yaml import render_document


def test_rows_without_symbols_keep_the_chain():
    """A source whose symbols were not read: every row gets a marked stand-in symbol and
    the flow runs top to bottom, with sopgen's default kinds (nothing overridden)."""
    rows = [_row("1", "Menerima"), _row("2", "Mencatat"), _row("3", "Mengarsipkan")]
    sop = _sop(rows, [], [])
    proc = render_document([sop], Path("d"))["pelayanan-izin.yaml"]
    text = proc.render()
    assert edges(text) == {((0, 0), (1, 0), None), ((1, 0), (2, 0), None)}
    steps = yaml.safe_load(text)["kegiatan"]
    assert not any("simbol" in s or "selesai" in s or "lanjut" in s for s in steps)
    assert sum("tanpa simbol" in m for _, m in proc.places) == 3


def test_row_without_symbol_between_arrows():
    """Row 2 has no symbol; the arrow from row 1 jumps to row 3: the stand-in takes it."""
    rows = [_row("1", "Menerima"), _row("2", "Mencatat"), _row("3", "Mengarsipkan")]
    shapes = [_shape(0, 0, "terminator", 0), _shape(1, 2, "terminator", 1)]
    text = render_document([_sop(rows, shapes, [ir.Link(0, 1)])], Path("d"))[
        "pelayanan-izin.yaml"
    ].render()
    assert edges(text) == {((0, 0), (1, 0), None), ((1, 0), (2, 0), None)}


def test_decision_exit_that_forks_and_a_missed_arrow():
    """3 is a decision whose 'Sesuai' exit forks to 4 and 5 and whose 'T' exit goes back
    to 2; row 1's box has no arrow out and row 2's none in (an arrow not read): joined."""
    rows = [_row(str(i), f"Langkah {i}") for i in range(1, 6)]
    shapes = [
        _shape(0, 0, "terminator", 0),
        _shape(1, 1, "process", 1),
        _shape(2, 2, "decision", 1),
        _shape(3, 3, "process", 0),
        _shape(4, 4, "terminator", 2),
    ]
    links = [
        ir.Link(1, 2),
        ir.Link(2, 3, "Sesuai"),
        ir.Link(2, 4, "Sesuai"),
        ir.Link(2, 1, "T"),
        ir.Link(3, 4),
    ]
    proc = render_document([_sop(rows, shapes, links)], Path("d"))["pelayanan-izin.yaml"]
    steps = yaml.safe_load(proc.render())["kegiatan"]
    assert steps[2]["keputusan"] == {
        "ya": [4, 5],
        "tidak": 2,
        "label_ya": "Sesuai",
        "label_tidak": "T",
    }
    assert ((0, 0), (1, 0), None) in edges(proc.render())
    assert any("tidak terbaca" in m and "berikutnya" in m for _, m in proc.places)


def _whole(text: str) -> bool:
    """Every symbol reached from the first; from every symbol an end can be reached."""
    steps = yaml.safe_load(text)["kegiatan"]
    from yaml_flow import symbols

    nodes = [(i, k) for i, k, _ in symbols(steps)]
    out = {n: [b for a, b, _ in edges(text) if a == n] for n in nodes}
    seen, todo = {nodes[0]}, [nodes[0]]
    while todo:
        for t in out[todo.pop()]:
            if t not in seen:
                seen.add(t)
                todo.append(t)
    ends = {n for n in nodes if not out[n]}
    good, changed = set(ends), True
    while changed:
        changed = False
        for n in nodes:
            if n not in good and any(t in good for t in out[n]):
                good.add(n)
                changed = True
    return seen == set(nodes) and good == set(nodes)


def test_missed_decision_exit_is_repaired_and_marked():
    """As read from a real PDF: decision 3 has only its 'Tidak' arrow back to 2 (its 'Ya'
    exit was not read), so 4-5 are unreached and 2-3 loop forever. The written flow gets
    the smallest likely fix: 3 -> 4 as its other exit, marked '# impor:'."""
    rows = [_row(str(i), f"Langkah {i}") for i in range(1, 6)]
    shapes = [
        _shape(0, 0, "terminator", 0),
        _shape(1, 1, "process", 1),
        _shape(2, 2, "decision", 1),
        _shape(3, 3, "process", 2),
        _shape(4, 4, "terminator", 2),
    ]
    links = [ir.Link(0, 1), ir.Link(1, 2), ir.Link(2, 1, "Tidak"), ir.Link(3, 4)]
    proc = render_document([_sop(rows, shapes, links)], Path("d"))["pelayanan-izin.yaml"]
    text = proc.render()
    assert _whole(text)
    steps = yaml.safe_load(text)["kegiatan"]
    assert steps[2]["keputusan"] == {"ya": 4, "tidak": 2}
    assert any("panah ke langkah 4 tidak terbaca" in m for _, m in proc.places)


def test_loop_without_exit_and_terminator_in_the_middle():
    """3 loops back to 2 and nothing reaches 4: one arrow 3 -> 4 fixes both (a fork,
    marked); a terminator in row 2 has arrows in and out: written as a process box."""
    rows = [_row(str(i), f"Langkah {i}") for i in range(1, 5)]
    shapes = [
        _shape(0, 0, "terminator", 0),
        _shape(1, 1, "terminator", 1),
        _shape(2, 2, "process", 1),
        _shape(3, 3, "terminator", 2),
    ]
    links = [ir.Link(0, 1), ir.Link(1, 2), ir.Link(2, 1)]
    proc = render_document([_sop(rows, shapes, links)], Path("d"))["pelayanan-izin.yaml"]
    text = proc.render()
    assert _whole(text)
    messages = " | ".join(m for _, m in proc.places)
    assert "terminator di tengah alur" in messages
    assert "panah ke langkah 4 tidak terbaca" in messages
    assert yaml.safe_load(text)["kegiatan"][2]["lanjut"] == [2, 4]
