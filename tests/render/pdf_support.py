"""Helpers for the PDF tests: poppler wrappers and an outline reader."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path


def pdftotext(path: Path, *args: str) -> str:
    return subprocess.run(
        ["pdftotext", *args, str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def pages_text(path: Path, *args: str) -> list[str]:
    """Text of every page in drawing order (-raw); pages are separated by form feeds."""
    pages = pdftotext(path, "-raw", *args).split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def flat(text: str) -> str:
    """Whitespace collapsed, so wrapped lines compare as one string."""
    return " ".join(text.split())


def pdfinfo(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True)
    info = {}
    for line in out.stdout.splitlines():
        key, _, value = line.partition(":")
        info[key.strip()] = value.strip()
    return info


def pdffonts(path: Path) -> list[dict[str, str]]:
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True)
    lines = out.stdout.splitlines()[2:]
    rows = []
    for line in lines:
        parts = line.split()
        # name type(1-2 words) encoding emb sub uni objnum gen: read from the right
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return rows


_OBJ = re.compile(rb"(\d+) 0 obj\s*(.*?)\s*endobj", re.S)


def _pdf_string(raw: bytes) -> str:
    out, i = bytearray(), 0
    while i < len(raw):
        ch = raw[i : i + 1]
        if ch == b"\\":
            nxt = raw[i + 1 : i + 2]
            out += {b"n": b"\n", b"r": b"\r", b"t": b"\t"}.get(nxt, nxt)
            i += 2
        else:
            out += ch
            i += 1
    data = bytes(out)
    if data.startswith(b"\xfe\xff"):
        return data[2:].decode("utf-16-be")
    return data.decode("latin-1")


def outline(path: Path) -> list[tuple[str, int]]:
    """Top-level outline entries as (title, 0-based page index), in order.

    Enough of a PDF reader for ReportLab's output (uncompressed object dictionaries)."""
    data = path.read_bytes()
    objs = {int(m.group(1)): m.group(2) for m in _OBJ.finditer(data)}
    catalog = next(v for v in objs.values() if b"/Type /Catalog" in v)
    pages_ref = int(re.search(rb"/Pages (\d+) 0 R", catalog).group(1))
    kids = [int(k) for k in re.findall(rb"(\d+) 0 R", objs[pages_ref].split(b"/Kids")[1])]
    m = re.search(rb"/Outlines (\d+) 0 R", catalog)
    if not m:
        return []
    node = re.search(rb"/First (\d+) 0 R", objs[int(m.group(1))])
    entries = []
    while node:
        obj = objs[int(node.group(1))]
        title = re.search(rb"/Title \(((?:\\.|[^\\)])*)\)", obj, re.S).group(1)
        dest = int(re.search(rb"/Dest \[ (\d+) 0 R", obj).group(1))
        entries.append((_pdf_string(title), kids.index(dest)))
        node = re.search(rb"/Next (\d+) 0 R", obj)
    return entries


def _page_refs(data: bytes) -> tuple[dict[int, bytes], list[int]]:
    objs = {int(m.group(1)): m.group(2) for m in _OBJ.finditer(data)}
    catalog = next(v for v in objs.values() if b"/Type /Catalog" in v)
    pages_ref = int(re.search(rb"/Pages (\d+) 0 R", catalog).group(1))
    kids = [int(k) for k in re.findall(rb"(\d+) 0 R", objs[pages_ref].split(b"/Kids")[1])]
    return objs, kids


def links(path: Path) -> list[list[int]]:
    """For every page, the 0-based target page of each internal link, in drawing order."""
    objs, kids = _page_refs(path.read_bytes())
    out = []
    for kid in kids:
        m = re.search(rb"/Annots \[([^\]]*)\]", objs[kid])
        targets = []
        for ref in re.findall(rb"(\d+) 0 R", m.group(1) if m else b""):
            dest = re.search(rb"/Dest \[ (\d+) 0 R", objs[int(ref)])
            if dest:
                targets.append(kids.index(int(dest.group(1))))
        out.append(targets)
    return out


def page_sizes(path: Path) -> list[tuple[int, int]]:
    """(width, height) of every page, rounded to points."""
    out = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "9999", str(path)], check=True, capture_output=True, text=True
    ).stdout
    return [
        (round(float(w)), round(float(h)))
        for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", out)
    ]
