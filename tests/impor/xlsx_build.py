"""Hand-made SOP workbooks for the tests: cells written with openpyxl, then the drawing part
(DrawingML shapes and connectors anchored to cells) injected into the zip, as Excel
stores it. Positions are computed on the same grid Excel uses (column widths in
characters, row heights in points), so the test says where a shape is by its cell."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
from openpyxl.utils import get_column_letter

EMU_PX = 9525
EMU_PT = 12700
COL_CHARS = 20.0  # every column of the flowchart sheet
ROW_PT = 60.0  # every row of the flowchart sheet
XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def col_emu() -> int:
    return int(((256 * COL_CHARS + int(128 / 7)) / 256) * 7) * EMU_PX


def row_emu() -> int:
    return int(ROW_PT * EMU_PT)


@dataclass
class Box:
    id: int
    prst: str
    col: int  # 1-based sheet column (D = 4)
    row: int  # 1-based sheet row
    text: str = ""
    width: int = 600_000
    height: int = 250_000
    textbox: bool = False
    dx: int = 0  # shift from the cell centre, EMU
    dy: int = 0

    def rect(self) -> tuple[float, float, float, float]:
        cx = (self.col - 1) * col_emu() + col_emu() / 2 + self.dx
        cy = (self.row - 1) * row_emu() + row_emu() / 2 + self.dy
        return (
            cx - self.width / 2,
            cy - self.height / 2,
            cx + self.width / 2,
            cy + self.height / 2,
        )


@dataclass
class Arrow:
    id: int
    source: int
    target: int
    glued: bool | str = True  # True, False, or only one end: "start" / "end"
    arrow: str = "tail"  # "tail": drawn source -> target; "head": drawn the other way;
    # "both": a head at each end
    prst: str = "straightConnector1"
    two_lines: bool = False  # drawn as two plain lines meeting at a corner (no glue)
    freeform: bool = False  # drawn with the pen: an open custom path, arrowhead at its end
    side: bool = False  # from the source's right side to the target's right side (a loop)


@dataclass
class Drawing:
    boxes: list[Box] = field(default_factory=list)
    arrows: list[Arrow] = field(default_factory=list)
    group: list[int] = field(default_factory=list)  # ids of boxes drawn as one group


def _marker(tag: str, x: float, y: float) -> str:
    c, co = int(x // col_emu()), int(x % col_emu())
    r, ro = int(y // row_emu()), int(y % row_emu())
    return (
        f"<xdr:{tag}><xdr:col>{c}</xdr:col><xdr:colOff>{co}</xdr:colOff>"
        f"<xdr:row>{r}</xdr:row><xdr:rowOff>{ro}</xdr:rowOff></xdr:{tag}>"
    )


def _anchor(x0, y0, x1, y1, body: str) -> str:
    return (
        f"<xdr:twoCellAnchor>{_marker('from', x0, y0)}{_marker('to', x1, y1)}{body}"
        "<xdr:clientData/></xdr:twoCellAnchor>"
    )


def _shape_xml(b: Box) -> str:
    x0, y0, x1, y1 = b.rect()
    tx = ' txBox="1"' if b.textbox else ""
    line = "<a:ln><a:noFill/></a:ln>" if b.textbox else '<a:ln w="9525"/>'
    text = (
        (
            f"<xdr:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>{b.text}</a:t></a:r></a:p>"
            "</xdr:txBody>"
        )
        if b.text
        else ""
    )
    body = (
        f'<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="{b.id}" '
        f'name="Shape {b.id}"/><xdr:cNvSpPr{tx}/></xdr:nvSpPr><xdr:spPr><a:xfrm>'
        f'<a:off x="{int(x0)}" y="{int(y0)}"/><a:ext cx="{b.width}" cy="{b.height}"/>'
        f'</a:xfrm><a:prstGeom prst="{b.prst}"><a:avLst/></a:prstGeom>{line}</xdr:spPr>'
        f"{text}</xdr:sp>"
    )
    return _anchor(x0, y0, x1, y1, body)


def _ends(src: Box, dst: Box):
    s, d = src.rect(), dst.rect()
    if abs((s[1] + s[3]) - (d[1] + d[3])) < 1:  # same row: side to side
        if d[0] > s[2]:
            return (s[2], (s[1] + s[3]) / 2), (d[0], (d[1] + d[3]) / 2)
        return (s[0], (s[1] + s[3]) / 2), (d[2], (d[1] + d[3]) / 2)
    if d[1] > s[3]:  # down: bottom to top
        return ((s[0] + s[2]) / 2, s[3]), ((d[0] + d[2]) / 2, d[1])
    return ((s[0] + s[2]) / 2, s[1]), ((d[0] + d[2]) / 2, d[3])  # up


def _line_xml(sid: int, start, end, glue: str, mark: str, prst: str) -> str:
    flips = (' flipH="1"' if end[0] < start[0] else "") + (
        ' flipV="1"' if end[1] < start[1] else ""
    )
    x0, x1 = sorted((start[0], end[0]))
    y0, y1 = sorted((start[1], end[1]))
    body = (
        f'<xdr:cxnSp macro=""><xdr:nvCxnSpPr><xdr:cNvPr id="{sid}" name="Connector '
        f'{sid}"/><xdr:cNvCxnSpPr>{glue}</xdr:cNvCxnSpPr></xdr:nvCxnSpPr><xdr:spPr>'
        f'<a:xfrm{flips}><a:off x="{int(x0)}" y="{int(y0)}"/><a:ext cx="{int(x1 - x0)}" '
        f'cy="{int(y1 - y0)}"/></a:xfrm><a:prstGeom prst="{prst}"><a:avLst/>'
        f'</a:prstGeom><a:ln w="12700">{mark}</a:ln></xdr:spPr></xdr:cxnSp>'
    )
    return _anchor(x0, y0, x1, y1, body)


def _arrow_xml(a: Arrow, boxes: dict[int, Box]) -> str:
    start, end = _ends(boxes[a.source], boxes[a.target])
    if a.side:
        s, d = boxes[a.source].rect(), boxes[a.target].rect()
        start, end = (s[2], (s[1] + s[3]) / 2), (d[2], (d[1] + d[3]) / 2)
    if a.freeform:  # an open path: down, then across, in its own box's coordinates
        x0, x1 = sorted((start[0], end[0]))
        y0, y1 = sorted((start[1], end[1]))
        w, h = max(int(x1 - x0), 1), max(int(y1 - y0), 1)

        def local(p):
            return int(p[0] - x0), int(p[1] - y0)

        (sx, sy), (ex, ey) = local(start), local(end)
        body = (
            f'<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="{a.id}" name="Freeform '
            f'{a.id}"/><xdr:cNvSpPr/></xdr:nvSpPr><xdr:spPr><a:xfrm><a:off x="{int(x0)}" '
            f'y="{int(y0)}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm><a:custGeom><a:avLst/>'
            f'<a:pathLst><a:path w="{w}" h="{h}"><a:moveTo><a:pt x="{sx}" y="{sy}"/></a:moveTo>'
            f'<a:lnTo><a:pt x="{sx}" y="{ey}"/></a:lnTo><a:lnTo><a:pt x="{ex}" y="{ey}"/>'
            f"</a:lnTo></a:path></a:pathLst></a:custGeom>"
            f'<a:ln w="12700"><a:tailEnd type="triangle"/></a:ln></xdr:spPr></xdr:sp>'
        )
        return _anchor(x0, y0, x1, y1, body)
    if a.two_lines:  # down (or up) first, then across, arrowhead on the second line only
        corner = (start[0], end[1])
        return _line_xml(a.id, start, corner, "", "", "line") + _line_xml(
            a.id + 500, corner, end, "", '<a:tailEnd type="triangle"/>', "line"
        )
    glue = ""
    if a.arrow == "head":  # drawn from the target back to the source, head at its start
        start, end = end, start
        if a.glued:
            glue = f'<a:stCxn id="{a.target}" idx="0"/><a:endCxn id="{a.source}" idx="2"/>'
        mark = '<a:headEnd type="triangle"/>'
    else:
        if a.glued == "start":  # only the start glued: the end merely placed on the box
            glue = f'<a:stCxn id="{a.source}" idx="2"/>'
        elif a.glued == "end":
            glue = f'<a:endCxn id="{a.target}" idx="0"/>'
        elif a.glued:
            glue = f'<a:stCxn id="{a.source}" idx="2"/><a:endCxn id="{a.target}" idx="0"/>'
        mark = {
            "tail": '<a:tailEnd type="triangle"/>',
            "both": '<a:headEnd type="triangle"/><a:tailEnd type="triangle"/>',
        }.get(a.arrow, "")
    return _line_xml(a.id, start, end, glue, mark, a.prst)


def _group_xml(members: list[Box]) -> str:
    """Boxes as one group; the children's coordinates are in a space twice as large as
    the group's own (chExt = 2 x ext), as Excel writes after a group is resized."""
    rects = [b.rect() for b in members]
    x0, y0 = min(r[0] for r in rects), min(r[1] for r in rects)
    x1, y1 = max(r[2] for r in rects), max(r[3] for r in rects)
    children = []
    for b in members:
        bx0, by0, _, _ = b.rect()
        cx, cy = int((bx0 - x0) * 2), int((by0 - y0) * 2)
        text = (
            f"<xdr:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>{b.text}</a:t></a:r></a:p>"
            "</xdr:txBody>"
            if b.text
            else ""
        )
        children.append(
            f'<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="{b.id}" '
            f'name="Shape {b.id}"/><xdr:cNvSpPr/></xdr:nvSpPr><xdr:spPr><a:xfrm>'
            f'<a:off x="{cx}" y="{cy}"/><a:ext cx="{b.width * 2}" cy="{b.height * 2}"/>'
            f'</a:xfrm><a:prstGeom prst="{b.prst}"><a:avLst/></a:prstGeom></xdr:spPr>'
            f"{text}</xdr:sp>"
        )
    w, h = int(x1 - x0), int(y1 - y0)
    body = (
        '<xdr:grpSp><xdr:nvGrpSpPr><xdr:cNvPr id="900" name="Group 900"/><xdr:cNvGrpSpPr/>'
        f'</xdr:nvGrpSpPr><xdr:grpSpPr><a:xfrm><a:off x="{int(x0)}" y="{int(y0)}"/>'
        f'<a:ext cx="{w}" cy="{h}"/><a:chOff x="0" y="0"/><a:chExt cx="{w * 2}" '
        f'cy="{h * 2}"/></a:xfrm></xdr:grpSpPr>{"".join(children)}</xdr:grpSp>'
    )
    return _anchor(x0, y0, x1, y1, body)


def drawing_xml(d: Drawing) -> str:
    boxes = {b.id: b for b in d.boxes}
    parts = [_shape_xml(b) for b in d.boxes if b.id not in d.group]
    if d.group:
        parts.append(_group_xml([boxes[i] for i in d.group]))
    parts += [_arrow_xml(a, boxes) for a in d.arrows]
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<xdr:wsDr xmlns:xdr="{XDR}" xmlns:a="{A}">{"".join(parts)}</xdr:wsDr>'
    )


def inject(data: bytes, drawings: dict[int, str]) -> bytes:
    """Add drawing parts to sheets (1-based sheet number -> drawing XML) of a workbook."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            m = re.fullmatch(r"xl/worksheets/sheet(\d+)\.xml", info.filename)
            if m and int(m[1]) in drawings:
                body = body.replace(
                    b"</worksheet>", f'<drawing xmlns:r="{R}" r:id="rIdD1"/></worksheet>'.encode()
                )
            if info.filename == "[Content_Types].xml":
                extra = "".join(
                    f'<Override PartName="/xl/drawings/drawing{n}.xml" ContentType="application/'
                    'vnd.openxmlformats-officedocument.drawing+xml"/>'
                    for n in drawings
                )
                body = body.replace(b"</Types>", extra.encode() + b"</Types>")
            dst.writestr(info, body)
        for n, xml in drawings.items():
            dst.writestr(f"xl/drawings/drawing{n}.xml", xml)
            dst.writestr(
                f"xl/worksheets/_rels/sheet{n}.xml.rels",
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships '
                'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                f'<Relationship Id="rIdD1" Type="{R}/drawing" '
                f'Target="../drawings/drawing{n}.xml"/></Relationships>',
            )
    return out.getvalue()


LABELS = ("Nomor SOP", "Tanggal Pembuatan", "Tanggal Revisi", "Tanggal Efektif")
LABELS += ("Disahkan Oleh", "Nama SOP")


def identity_sheet(ws, labels: tuple[str, ...] = LABELS) -> None:
    """An identity page: agency lines on the left, the label/value grid, the lists."""
    ws["A1"], ws["A2"], ws["A3"] = "KEMENTERIAN CONTOH", "SEKRETARIAT JENDERAL", "BIRO UMUM"
    values = (
        "001/SOP/BU/2025",
        "2 Juni 2025",
        "-",
        dt.datetime(2025, 6, 10),
        "Kepala Biro Umum\n\n\nBUDI SANTOSO, S.H.\nNIP. 19700101 199501 1 001",
        "Pengelolaan Surat Masuk",
    )
    grid = list(zip(labels, values, strict=True))
    for i, (label, value) in enumerate(grid, start=1):
        ws.cell(i, 3, label)
        ws.cell(i, 4, ":")
        ws.cell(i, 5, value)
    ws["A10"], ws["C10"] = "Dasar Hukum:", "Kualifikasi Pelaksana:"
    ws.merge_cells("A10:B10")
    ws.merge_cells("C10:E10")
    ws["A11"], ws["A12"] = "1. Undang-Undang Nomor 1 Tahun 2000", "2. Peraturan Nomor 2"
    ws["C11"] = "1. Memahami tata naskah dinas"
    ws["A14"], ws["C14"] = "Keterkaitan:", "Peralatan/Perlengkapan:"
    ws["A15"], ws["C15"], ws["C16"] = "SOP Pengarsipan", "1. Komputer", "2. Printer"
    ws["A18"], ws["C18"] = "Peringatan:", "Pencatatan dan Pendataan:"
    ws["A19"], ws["C19"] = "Surat terlambat diproses", "Buku agenda"


def flowchart_sheet(
    ws,
    rows: list[tuple],
    executors=("Pengadministrasi", "Kasubbag", "Kabag"),
    header_row: int = 4,
    group_title: bool = True,
    mutu: tuple[str, ...] = ("Persyaratan", "Waktu", "Output"),
    ket: bool = True,
    span: int = 1,
    lane: int = 1,
) -> None:
    """Header: No | Uraian Kegiatan | Pelaksana (executors) | Mutu Baku (``mutu``) | Ket.
    ``rows``: (nomor, uraian, persyaratan, waktu, output, ket); ``span``: sheet rows each
    step takes (its No, Uraian and Mutu Baku cells merged over them); ``lane``: sheet
    columns each executor takes (its title merged over them)."""
    n = len(executors)
    last_exec = 3 + n * lane - 1
    nm = len(mutu)
    ket_col = last_exec + nm + 1
    ws.cell(header_row - 2, 1, "SOP PENGELOLAAN SURAT MASUK")
    h, h2 = header_row, header_row + 1
    ws.cell(h, 1, "No.")
    ws.cell(h, 2, "Uraian Kegiatan")
    if group_title:
        ws.cell(h, 3, "Pelaksana")
        ws.merge_cells(start_row=h, start_column=3, end_row=h, end_column=last_exec)
    ws.cell(h, last_exec + 1, "Mutu Baku")
    ws.merge_cells(start_row=h, start_column=last_exec + 1, end_row=h, end_column=last_exec + nm)
    if ket:
        ws.cell(h, ket_col, "Ket.")
        ws.merge_cells(start_row=h, start_column=ket_col, end_row=h2, end_column=ket_col)
    ws.merge_cells(start_row=h, start_column=1, end_row=h2, end_column=1)
    ws.merge_cells(start_row=h, start_column=2, end_row=h2, end_column=2)
    for i, name in enumerate(executors):
        c = 3 + i * lane
        if group_title:
            ws.cell(h2, c, name)
            if lane > 1:
                ws.merge_cells(start_row=h2, start_column=c, end_row=h2, end_column=c + lane - 1)
        else:  # the executor titles fill both header rows
            ws.cell(h, c, name)
            ws.merge_cells(start_row=h, start_column=c, end_row=h2, end_column=c + lane - 1)
    for i, name in enumerate(mutu):
        ws.cell(h2, last_exec + 1 + i, name)
    keys = {"persyaratan": 2, "kelengkapan": 2, "waktu": 3, "output": 4, "keluaran": 4}
    r = h2 + 1
    for values in rows:
        if values == "HEADER":  # the header again, as on a printed continuation page
            ws.cell(r, 1, "No.")
            ws.cell(r, 2, "Uraian Kegiatan")
            ws.cell(r, 3, "Pelaksana")
            ws.cell(r, last_exec + 1, "Mutu Baku")
            if ket:
                ws.cell(r, ket_col, "Ket.")
            r += 1
            continue
        if values == "NAMES":
            for i, name in enumerate(executors):
                ws.cell(r, 3 + i, name)
            for i, name in enumerate(mutu):
                ws.cell(r, last_exec + 1 + i, name)
            r += 1
            continue
        ws.cell(r, 1, values[0])
        ws.cell(r, 2, values[1])
        texts = [(last_exec + 1 + i, values[keys[m.lower()]]) for i, m in enumerate(mutu)]
        if ket:
            texts.append((ket_col, values[5]))
        for c, v in texts:
            if v:
                ws.cell(r, c, v)
        if span > 1:
            for c in [1, 2] + [c for c, _ in texts]:
                ws.merge_cells(start_row=r, start_column=c, end_row=r + span - 1, end_column=c)
        r += span
    for c in range(1, ket_col + 2):
        ws.column_dimensions[get_column_letter(c)].width = COL_CHARS
    for k in range(1, r + 3):
        ws.row_dimensions[k].height = ROW_PT


def build(
    path: Path,
    rows,
    drawing: Drawing,
    identity: bool | str = True,
    names: tuple[str, str] = ("Identitas", "Flowchart"),
    flow_first: bool = False,
    labels: tuple[str, ...] = LABELS,
    **kw,
) -> Path:
    """``identity``: True = an identity sheet (first, or second with ``flow_first``);
    "above" = the identity grid above the flowchart table on the same sheet (pass
    header_row=22); False = none. ``names``: the identity and flowchart sheets' names."""
    wb = openpyxl.Workbook()
    first = wb.active
    if identity == "above":
        first.title = "SOP"
        identity_sheet(first, labels)
        flow = first
        sheet_number = 1
    elif identity and flow_first:
        first.title = names[1]
        flow = first
        identity_sheet(wb.create_sheet(names[0]), labels)
        sheet_number = 1
    elif identity:
        first.title = names[0]
        identity_sheet(first, labels)
        flow = wb.create_sheet(names[1])
        sheet_number = 2
    else:
        first.title = names[1]
        flow = first
        sheet_number = 1
    extra = kw.pop("cells", {})
    flowchart_sheet(flow, rows, **kw)
    for (r, c), text in extra.items():  # e.g. a decision label typed into a cell
        flow.cell(r, c, text)
    buf = io.BytesIO()
    wb.save(buf)
    path.write_bytes(inject(buf.getvalue(), {sheet_number: drawing_xml(drawing)}))
    return path
