"""Never a traceback: a hand-made workbook damaged in many ways (numbers replaced by
garbage, bytes flipped, pieces cut out of its XML parts) is either read or refused with
an Indonesian message (ir.UnreadableSource), and what is read can be written as YAML.

Fixed seed; explore more with SOPGEN_FUZZ_RUNS=2000 (and SOPGEN_FUZZ_SEED=n)."""

from __future__ import annotations

import io
import os
import random
import re
import zipfile
from pathlib import Path

from xlsx_build import Arrow, Box, Drawing, build

from sopgen.impor.ir import UnreadableSource
from sopgen.impor.to_yaml import render_document
from sopgen.impor.xlsx import read_xlsx_all

RUNS = int(os.environ.get("SOPGEN_FUZZ_RUNS", "25"))
SEED = int(os.environ.get("SOPGEN_FUZZ_SEED", "9"))


def _mutate(rng: random.Random, data: bytes) -> bytes:
    mode = rng.random()
    if mode < 0.4:
        text = data.decode("utf-8", "replace")
        choices = ["-5", "99999999999", "x", "", "1e9", "0", "17"]
        text = re.sub(r">(\d+)<", lambda m: ">" + rng.choice([m[1], *choices]) + "<", text)
        text = re.sub(r'="(\d+)"', lambda m: '="' + rng.choice([m[1], *choices]) + '"', text)
        return text.encode()
    out = bytearray(data)
    if mode < 0.7:
        for _ in range(rng.randint(1, 12)):
            out[rng.randrange(len(out))] = rng.randrange(256)
        return bytes(out)
    i = rng.randrange(len(out))
    del out[i : i + rng.randint(1, 400)]
    return bytes(out)


def test_damaged_workbooks_never_raise_anything_else(tmp_path):
    drawing = Drawing(
        boxes=[
            Box(1, "flowChartTerminator", 3, 6, "Mulai"),
            Box(2, "flowChartDecision", 4, 7),
            Box(3, "flowChartTerminator", 5, 8, "Selesai"),
        ],
        arrows=[Arrow(4, 1, 2), Arrow(5, 2, 3), Arrow(6, 2, 1, glued=False)],
    )
    rows = [(str(i), f"Langkah {i}", "A", "5 menit", "B", "") for i in (1, 2, 3)]
    source = zipfile.ZipFile(build(tmp_path / "asli.xlsx", rows, drawing))
    parts = {name: source.read(name) for name in source.namelist()}
    targets = sorted(n for n in parts if n.endswith(".xml") and n.startswith("xl/"))
    rng = random.Random(SEED)
    for run in range(RUNS):
        damaged = dict(parts)
        name = rng.choice(targets)
        damaged[name] = _mutate(rng, damaged[name])
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            for part, data in damaged.items():
                z.writestr(part, data)
        path = tmp_path / f"rusak-{run}.xlsx"
        path.write_bytes(buf.getvalue())
        try:
            sops = read_xlsx_all(path)
        except UnreadableSource as exc:
            assert str(exc).startswith("berkas Excel tidak dapat dibaca") or "tabel" in str(exc)
            continue
        render_document(sops, Path("data") / "x")


def test_a_sheet_drowned_in_strokes_is_read_up_to_a_limit(tmp_path):
    """Thousands of loose strokes (not a flowchart): the symbols are read, the strokes are
    reported instead of being joined one by one."""
    from xlsx_build import _line_xml, drawing_xml

    rows = [(str(i), f"Langkah {i}", "", "", "", "") for i in (1, 2)]
    path = build(tmp_path / "coretan.xlsx", rows, Drawing(), identity=False)
    strokes = "".join(
        _line_xml(
            5000 + i, (1e6 + i * 37 % 3e6, 4e6 + i * 53 % 2e6), (1.2e6, 4.5e6), "", "", "line"
        )
        for i in range(3000)
    )
    xml = drawing_xml(Drawing(boxes=[Box(1, "flowChartTerminator", 3, 6, "Mulai")]))
    source = zipfile.ZipFile(path)
    parts = {name: source.read(name) for name in source.namelist()}
    parts["xl/drawings/drawing1.xml"] = xml.replace("</xdr:wsDr>", strokes + "</xdr:wsDr>").encode()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    path.write_bytes(buf.getvalue())
    (sop,) = read_xlsx_all(path)
    assert [s.kind for s in sop.shapes] == ["terminator"]
    messages = " | ".join(u.message for u in sop.uncertain)
    assert "lebih dari 2000 gambar" in messages
    assert "garis lepas" in messages
