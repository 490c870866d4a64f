"""Opening a PDF and reading each page's characters and drawn paths.

pdfminer.six (the parser under pdfplumber) is driven directly with a small device that keeps
only what the importer uses: it is three times faster than building pdfplumber's page objects
and a two-page SOP is read in a fraction of a second. A closed shape hidden under an opaque box
drawn after it (a cell filled white over a symbol left in it) is not kept: it is not seen.
Every failure of the parser becomes ``UnreadableSource`` with an Indonesian message; nothing
else leaves this module.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from sopgen.impor.ir import UnreadableSource
from sopgen.impor.pdf_text import Word

logging.getLogger("pdfminer").setLevel(logging.ERROR)


class _Quiet:
    """Stands in for pdfminer's module loggers while parsing: their debug() calls on every
    token cost a tenth of the parse time even when nothing is logged."""

    def debug(self, *args, **kwargs) -> None:
        pass

    info = warning = debug

    def __getattr__(self, name):
        return getattr(logging.getLogger("pdfminer"), name)


def _quiet_pdfminer() -> None:
    import pdfminer.pdfinterp
    import pdfminer.pdfpage
    import pdfminer.psparser

    for mod in (pdfminer.psparser, pdfminer.pdfinterp, pdfminer.pdfpage):
        if isinstance(getattr(mod, "log", None), logging.Logger):
            mod.log = _Quiet()


@dataclass
class RawPage:
    number: int  # 1-based
    width: float
    height: float
    words: list[Word]
    lines: list[dict]  # pdfplumber-like dicts: pts (top-based), linewidth, stroke, fill
    rects: list[dict]  # x0, top, x1, bottom, stroke, fill, linewidth
    curves: list[dict]  # pts, path (ops), stroke, fill, linewidth
    chars: int
    images: list[tuple[float, float, float, float]]  # x0, top, x1, bottom


def _words(chars: list[tuple[str, float, float, float, float, float]]) -> list[Word]:
    """Characters (text, x0, top, x1, bottom, size) into words, line by line."""
    seen = set()
    uniq = []
    for c in chars:
        key = (c[0], round(c[1], 0), round(c[2], 0))
        if key in seen:  # bold faked by printing twice
            continue
        seen.add(key)
        uniq.append(c)
    uniq.sort(key=lambda c: (c[2], c[1]))
    lines: list[list] = []
    for c in uniq:
        mid = (c[2] + c[4]) / 2
        for line in reversed(lines[-6:]):
            top, bottom = line[0]
            size = line[1][0][5]
            # text of another size printed over this line (a footer) is a line of its own,
            # and so is a line printed a point or two lower over it (its baseline differs)
            if (
                top - 0.5 <= mid <= bottom + 0.5
                and abs(c[5] - size) <= 0.2 * max(size, 1)
                and (c[0].isspace() or abs(c[4] - bottom) <= max(0.6, 0.12 * size))
            ):
                line[1].append(c)
                break
        else:
            lines.append([(c[2], c[4]), [c]])
    words: list[Word] = []
    for _, cs in lines:
        cs.sort(key=lambda c: c[1])
        cur: list = []
        for c in cs:
            if c[0].isspace():
                # a space drawn over the glyph before it (a stray space of another font
                # size in "M emiliki") separates nothing
                if cur and c[1] < cur[-1][3] - 0.25 * max(cur[-1][5], 1.0):
                    continue
                if cur:
                    words.append(_word(cur))
                cur = []
                continue
            if cur:
                gap = c[1] - cur[-1][3]
                if gap > max(1.0, 0.22 * max(c[5], 1.0)) or gap < -max(c[5], 1.0):
                    words.append(_word(cur))
                    cur = []
            cur.append(c)
        if cur:
            words.append(_word(cur))
    return words


def _turned_words(chars: list[tuple[str, float, float, float, float, bool]]) -> list[Word]:
    """Text turned by 90 degrees (an executor title written upwards in a narrow column):
    characters in one column of print, in reading order, as one word per printed line
    (spaces kept), so the line reads as it is printed."""
    columns: list[list] = []
    for c in sorted(chars, key=lambda c: ((c[1] + c[3]) / 2, c[2])):
        cx, size = (c[1] + c[3]) / 2, max(c[3] - c[1], 1.0)
        for col in columns:
            ref = col[0]
            if ref[5] == c[5] and abs((ref[1] + ref[3]) / 2 - cx) <= 0.3 * size:
                col.append(c)
                break
        else:
            columns.append([c])
    out: list[Word] = []
    for col in columns:
        up = col[0][5]
        col.sort(key=lambda c: -c[4] if up else c[2])  # reading order along the column
        size = max(c[3] - c[1] for c in col)
        run: list = []
        text = ""
        for c in col:
            if run:
                last = run[-1]
                gap = (last[2] - c[4]) if up else (c[2] - last[4])
                if gap > 2.0 * size:  # another text further along the same column
                    out.append(_turned_word(text, run, size))
                    run, text = [], ""
                elif gap > 0.22 * size and not text.endswith(" "):
                    text += " "
            run.append(c)
            text += c[0]
        if run:
            out.append(_turned_word(text, run, size))
    return [w for w in out if w.text]


def _turned_word(text: str, cs, size: float) -> Word:
    return Word(
        " ".join(text.replace("\u00a0", " ").split()),
        min(c[1] for c in cs),
        min(c[2] for c in cs),
        max(c[3] for c in cs),
        max(c[4] for c in cs),
        size,
    )


def _word(cs) -> Word:
    return Word(
        "".join(c[0] for c in cs).replace("\u00a0", " ").strip(),
        min(c[1] for c in cs),
        min(c[2] for c in cs),
        max(c[3] for c in cs),
        max(c[4] for c in cs),
        max(c[5] for c in cs),
    )


def read_pages(path: str | Path) -> list[RawPage]:
    """All pages of a PDF, or UnreadableSource."""
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        raise UnreadableSource(f"berkas tidak dapat dibuka: {e.strerror or e}") from None
    if not data.lstrip()[:1024].find(b"%PDF") >= 0:
        raise UnreadableSource("bukan berkas PDF (tidak diawali tanda %PDF)")
    try:
        return _parse(data)
    except UnreadableSource:
        raise
    except Exception as e:  # noqa: BLE001 - any parser failure is a broken file
        name = type(e).__name__
        if "Password" in name or "Encrypt" in name:
            raise UnreadableSource(
                "PDF ini terkunci (terenkripsi dengan kata sandi); buka kuncinya lalu impor ulang"
            ) from None
        raise UnreadableSource(
            f"PDF rusak atau tidak lengkap, tidak dapat dibaca ({name}); coba simpan ulang "
            "dari aplikasi pembuatnya"
        ) from None


def _parse(data: bytes) -> list[RawPage]:
    import io

    from pdfminer.converter import PDFLayoutAnalyzer
    from pdfminer.layout import LTChar, LTCurve, LTFigure, LTImage, LTLine, LTPage, LTRect
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    class Device(PDFLayoutAnalyzer):
        def __init__(self, rsrc):
            super().__init__(rsrc, pageno=1, laparams=None)
            self.result: LTPage | None = None

        def receive_layout(self, ltpage: LTPage) -> None:
            self.result = ltpage

    _quiet_pdfminer()
    parser = PDFParser(io.BytesIO(data))
    doc = PDFDocument(parser)
    if not doc.is_extractable:
        raise UnreadableSource(
            "PDF ini melarang penyalinan teks (terkunci); buka kuncinya lalu impor ulang"
        )
    rsrc = PDFResourceManager(caching=True)
    device = Device(rsrc)
    interp = PDFPageInterpreter(rsrc, device)
    pages: list[RawPage] = []
    for n, page in enumerate(PDFPage.create_pages(doc), start=1):
        interp.process_page(page)
        lt = device.result
        if lt is None:
            continue
        h = lt.y1
        chars, lines, rects, curves, images, turned = [], [], [], [], [], []

        def walk(
            obj,
            chars=chars,
            lines=lines,
            rects=rects,
            curves=curves,
            h=h,
            images=images,
            turned=turned,
        ):
            for o in obj:
                if isinstance(o, LTImage):
                    images.append((o.x0, h - o.y1, o.x1, h - o.y0))
                elif isinstance(o, LTChar):
                    # turned, not just skewed or rounded off (pdfminer's 'upright' is
                    # False for a matrix with 1e-8 of noise)
                    if abs(o.matrix[1]) <= abs(o.matrix[0]):
                        chars.append((o.get_text(), o.x0, h - o.y1, o.x1, h - o.y0, o.size))
                    else:  # turned text (a title written upwards); which way it reads
                        up = o.matrix[1] > 0
                        turned.append((o.get_text(), o.x0, h - o.y1, o.x1, h - o.y0, up))
                elif isinstance(o, LTFigure):
                    walk(o)
                elif isinstance(o, LTCurve):
                    d = {
                        "pts": [(x, h - y) for x, y in o.pts],
                        "linewidth": o.linewidth,
                        "stroke": bool(o.stroke),
                        "fill": bool(o.fill),
                        "seq": len(lines) + len(rects) + len(curves),  # drawing order
                    }
                    if isinstance(o, LTRect):
                        d.update(x0=o.x0, top=h - o.y1, x1=o.x1, bottom=h - o.y0)
                        rects.append(d)
                    elif isinstance(o, LTLine):
                        lines.append(d)
                    else:
                        d["path"] = [(s[0],) for s in (o.original_path or [])]
                        curves.append(d)

        walk(lt)
        both = rects + curves
        rects[:], curves[:] = _visible(rects, both), _visible(curves, both)
        pages.append(
            RawPage(
                n,
                lt.x1 - lt.x0,
                h - lt.y0,
                _words(chars) + _turned_words(turned),
                lines,
                rects,
                curves,
                len(chars) + len(turned),
                images,
            )
        )
    if not pages:
        raise UnreadableSource("PDF tidak berisi halaman")
    if not any(p.words for p in pages):
        raise UnreadableSource(
            "PDF ini berupa gambar (hasil pindai) tanpa lapisan teks; sopgen tidak dapat "
            "membacanya tanpa OCR. Jalankan OCR (mis. ocrmypdf) lalu impor ulang, atau "
            "ketik SOP-nya dengan 'sopgen new'"
        )
    return pages


def _box(d: dict) -> tuple[float, float, float, float] | None:
    """The box of a filled rectangle (a rect, or a closed path of four straight sides)."""
    if "x0" in d:
        return d["x0"], d["top"], d["x1"], d["bottom"]
    ops = "".join(op[0] for op in d.get("path", ()))
    pts = d["pts"]
    if ops not in ("mlllh", "mllllh", "mllll") or len(pts) < 4:
        return None
    xs = sorted({round(x, 1) for x, _y in pts})
    ys = sorted({round(y, 1) for _x, y in pts})
    if len(xs) != 2 or len(ys) != 2:
        return None
    return xs[0], ys[0], xs[1], ys[1]


def _visible(shapes: list[dict], over: list[dict]) -> list[dict]:
    """Closed shapes not hidden under an opaque box drawn after them (a table cell filled
    white over a symbol left behind in it: nothing of it is seen on the page)."""
    covers = [(d["seq"], _box(d)) for d in over if d["fill"]]
    covers = [(n, b) for n, b in covers if b is not None]
    if not covers:
        return shapes
    out = []
    for d in shapes:
        if "x0" in d:
            x0, y0, x1, y1 = d["x0"], d["top"], d["x1"], d["bottom"]
        else:
            if not d.get("path") or d["path"][-1][0] != "h":
                out.append(d)  # an open path (a line)
                continue
            x0, y0 = min(x for x, _ in d["pts"]), min(y for _, y in d["pts"])
            x1, y1 = max(x for x, _ in d["pts"]), max(y for _, y in d["pts"])
        hidden = any(
            n > d["seq"]
            and b[0] < x0 - 0.5
            and b[1] < y0 - 0.5
            and x1 + 0.5 < b[2]
            and y1 + 0.5 < b[3]
            for n, b in covers
        )
        if not hidden:
            out.append(d)
    return out
