"""Opening a workbook that may be hostile: size limits and XML without DTDs.

A workbook is a zip of XML parts. Before openpyxl or our drawing reader touches it, every
part is checked: the declared sizes stay within limits (a zip bomb is refused before it is
inflated; zipfile never reads past a member's declared size), no part carries a DTD (so no
entity expansion, no external entities: what defusedxml refuses), and merged ranges stay
small enough that openpyxl's per-cell bookkeeping cannot blow memory.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from xml.etree import ElementTree as ET

from sopgen.impor.ir import UnreadableSource

MAX_MEMBER = 64 * 1024 * 1024  # bytes of one part, inflated
MAX_TOTAL = 256 * 1024 * 1024  # bytes of all parts, inflated
MAX_RATIO = 200  # inflated / compressed, for parts larger than 1 MB
MAX_MEMBERS = 5000
MAX_MERGED_CELLS = 2_000_000  # cells covered by all merged ranges of one sheet

_DTD = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s[^>]*ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"')


def _unreadable(why: str) -> UnreadableSource:
    return UnreadableSource(f"berkas Excel tidak dapat dibaca: {why}")


def col_number(letters: bytes | str) -> int:
    """'A' -> 1, 'AB' -> 28."""
    if isinstance(letters, bytes):
        letters = letters.decode("ascii")
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


class SafeWorkbook:
    """The zip of a workbook with its parts checked; parts are read through ``read``."""

    def __init__(self, path: str):
        try:
            self.zip = zipfile.ZipFile(path)
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
            raise _unreadable(f"bukan berkas zip .xlsx yang utuh ({exc})") from None
        if len(infos) > MAX_MEMBERS:
            raise _unreadable("terlalu banyak bagian di dalam berkas")
        total = 0
        for info in infos:
            if info.file_size > MAX_MEMBER:
                raise _unreadable(f"bagian {info.filename} terlalu besar")
            if info.file_size > 1_000_000 and info.file_size > MAX_RATIO * max(
                info.compress_size, 1
            ):
                raise _unreadable(f"bagian {info.filename} mencurigakan (rasio kompresi)")
            total += info.file_size
        if total > MAX_TOTAL:
            raise _unreadable("isi berkas terlalu besar")
        self.names = {info.filename for info in infos}
        if "xl/workbook.xml" not in self.names:
            raise _unreadable("tidak ada xl/workbook.xml (bukan buku kerja Excel)")
        for name in sorted(self.names):
            if name.endswith((".xml", ".rels", ".vml")):
                data = self.read(name)
                if "/worksheets/" in name:
                    self._check_merges(name, data)

    def read(self, name: str) -> bytes:
        try:
            data = self.zip.read(name)
        except (
            KeyError,
            zipfile.BadZipFile,
            OSError,
            ValueError,
            EOFError,
            zlib.error,
            NotImplementedError,
            RuntimeError,
        ) as exc:
            raise _unreadable(f"bagian {name} rusak ({exc})") from None
        if _DTD.search(data[:4096]) or _DTD.search(data):
            raise _unreadable(f"bagian {name} memuat DTD/entitas XML (ditolak demi keamanan)")
        return data

    def xml(self, name: str) -> ET.Element:
        """Parse one part (already checked: no DTD, so no entity can expand)."""
        data = self.read(name)
        try:
            return ET.fromstring(data)
        except (ET.ParseError, LookupError, ValueError) as exc:
            raise _unreadable(f"XML {name} rusak ({exc})") from None

    def xml_head(self, name: str, max_children: int) -> ET.Element:
        """Parse a part only as far as its first ``max_children`` top-level elements (a
        drawing part with a hundred thousand shapes is not read to its end)."""
        data = self.read(name)
        parser = ET.XMLPullParser(events=("start", "end"))
        root, depth, count, whole = None, 0, 0, True
        try:
            for i in range(0, len(data), 1 << 16):
                parser.feed(data[i : i + (1 << 16)])
                for event, element in parser.read_events():
                    if event == "start":
                        root = element if root is None else root
                        depth += 1
                    else:
                        depth -= 1
                        count += depth == 1
                if count > max_children:
                    whole = False
                    break
            if whole:
                parser.close()
        except (ET.ParseError, LookupError, ValueError) as exc:
            raise _unreadable(f"XML {name} rusak ({exc})") from None
        if root is None:
            raise _unreadable(f"XML {name} kosong")
        return root

    def _check_merges(self, name: str, data: bytes) -> None:
        covered = 0
        for m in _MERGE.finditer(data):
            c1, r1, c2, r2 = m.group(1), int(m.group(2)), m.group(3), m.group(4)
            if c2 is None:
                continue
            width = abs(col_number(c2) - col_number(c1)) + 1
            covered += width * (abs(int(r2) - r1) + 1)
            if covered > MAX_MERGED_CELLS:
                raise _unreadable(f"sel gabungan di {name} terlalu luas")

    def close(self) -> None:
        self.zip.close()
