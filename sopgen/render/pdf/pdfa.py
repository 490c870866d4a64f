"""PDF/A-2b (ISO 19005-2, level B), the form archives ask for.

What ReportLab's output lacks for PDF/A-2b is added to the catalog just before the file
is written: XMP metadata (unfiltered, the same title, author, subject, keywords,
producer, tool and dates as the Info dictionary, plus ``pdfaid:part 2`` and
``pdfaid:conformance B``) and an output intent (``GTS_PDFA1``) carrying an sRGB ICC
profile. The rest of the PDF already conforms: every font is an embedded TrueType subset
(Liberation Sans, one cmap), links carry the Print flag, there is no encryption,
JavaScript or external content, and the trailer has an ID.

The sRGB profile is generated here (ICC v2.1 display profile: D50 white, the sRGB
primaries adapted to D50, the sRGB tone curve as a 1024-entry table), so no third-party
profile file and no licence come with it.
"""

from __future__ import annotations

import math
import struct
from collections.abc import Iterator
from contextlib import contextmanager
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFCatalog,
    PDFDictionary,
    PDFName,
    PDFStream,
    PDFString,
)

SRGB = "sRGB IEC61966-2.1"
_D50 = (0.9642, 1.0, 0.8249)
_PRIMARIES = {  # sRGB red, green, blue in XYZ, Bradford-adapted to D50
    b"rXYZ": (0.436066, 0.222488, 0.013916),
    b"gXYZ": (0.385147, 0.716873, 0.097076),
    b"bXYZ": (0.143066, 0.060608, 0.714096),
}


def _s15(v: float) -> bytes:
    return struct.pack(">i", round(v * 65536))


def _xyz(values) -> bytes:
    return b"XYZ \0\0\0\0" + b"".join(_s15(v) for v in values)


def _text(sig: bytes, text: str) -> bytes:
    ascii_ = text.encode("ascii") + b"\0"
    if sig == b"desc":  # textDescriptionType: ASCII, then empty Unicode and ScriptCode parts
        return b"desc\0\0\0\0" + struct.pack(">I", len(ascii_)) + ascii_ + bytes(4 + 4 + 3 + 67)
    return b"text\0\0\0\0" + ascii_


def _curve() -> bytes:
    def srgb(x: float) -> float:
        return x / 12.92 if x <= 0.04045 else ((x + 0.055) / 1.055) ** 2.4

    n = 1024
    table = [min(65535, math.floor(srgb(i / (n - 1)) * 65535 + 0.5)) for i in range(n)]
    return b"curv\0\0\0\0" + struct.pack(">I", n) + struct.pack(f">{n}H", *table)


def srgb_profile() -> bytes:
    """An ICC v2.1 sRGB display profile (same bytes every time)."""
    curve = _curve()
    tags: list[tuple[bytes, bytes]] = [
        (b"desc", _text(b"desc", SRGB)),
        (b"cprt", _text(b"cprt", "No copyright, use freely")),
        (b"wtpt", _xyz(_D50)),
        *[(sig, _xyz(v)) for sig, v in _PRIMARIES.items()],
        (b"rTRC", curve),
        (b"gTRC", curve),
        (b"bTRC", curve),
    ]
    table, data, offsets = b"", b"", {}
    start = 128 + 4 + 12 * len(tags)
    for sig, body in tags:
        if body not in offsets:  # the three tone curves share one copy
            offsets[body] = start + len(data)
            data += body + bytes(-len(body) % 4)
        table += sig + struct.pack(">II", offsets[body], len(body))
    size = start + len(data)
    header = (
        struct.pack(">I", size)
        + bytes(4)  # preferred CMM
        + struct.pack(">I", 0x02100000)
        + b"mntrRGB XYZ "
        + struct.pack(">6H", 2000, 1, 1, 0, 0, 0)  # a fixed date: same bytes every build
        + b"acsp"
        + bytes(4 + 4 + 4 + 4 + 8)  # platform, flags, manufacturer, model, attributes
        + struct.pack(">I", 0)  # perceptual intent
        + b"".join(_s15(v) for v in _D50)
        + bytes(4 + 16 + 28)  # creator, profile ID, reserved
    )
    assert len(header) == 128
    return header + struct.pack(">I", len(tags)) + table + data


def _iso(pdf_date: str) -> str:
    """'D:20171208000000Z' -> '2017-12-08T00:00:00Z'."""
    d = pdf_date[2:]
    return f"{d[0:4]}-{d[4:6]}-{d[6:8]}T{d[8:10]}:{d[10:12]}:{d[12:14]}Z"


def xmp(info, lang: str) -> bytes:
    """The XMP packet that repeats the Info dictionary (ReportLab's PDFInfo ``info``)."""
    date = _iso(info._dateFormatter())

    def alt(value: str) -> str:
        return f'<rdf:Alt><rdf:li xml:lang="x-default">{escape(value)}</rdf:li></rdf:Alt>'

    body = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
 xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
<pdfaid:part>2</pdfaid:part>
<pdfaid:conformance>B</pdfaid:conformance>
<dc:format>application/pdf</dc:format>
<dc:title>{alt(info.title)}</dc:title>
<dc:creator><rdf:Seq><rdf:li>{escape(info.author)}</rdf:li></rdf:Seq></dc:creator>
<dc:description>{alt(info.subject)}</dc:description>
<dc:language><rdf:Bag><rdf:li>{escape(lang)}</rdf:li></rdf:Bag></dc:language>
<pdf:Producer>{escape(info.producer)}</pdf:Producer>
<pdf:Keywords>{escape(info.keywords)}</pdf:Keywords>
<pdf:Trapped>False</pdf:Trapped>
<xmp:CreatorTool>{escape(info.creator)}</xmp:CreatorTool>
<xmp:CreateDate>{date}</xmp:CreateDate>
<xmp:ModifyDate>{date}</xmp:ModifyDate>
<xmp:MetadataDate>{date}</xmp:MetadataDate>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
    return body.encode("utf-8")


class _PlainStream(PDFStream):
    """A stream written as is: no Filter key at all (PDF/A wants the XMP readable)."""

    def format(self, document):
        d = PDFDictionary(dict(self.dictionary.dict, Length=len(self.content)))
        return pdfdoc.format(d, document) + b"\nstream\n" + self.content + b"\nendstream\n"


@contextmanager
def eol_before_endstream() -> Iterator[None]:
    """PDF/A: an end-of-line before every ``endstream`` (not counted in Length), which
    ReportLab does not write. Patched for the duration of one build only."""
    original = PDFStream.format

    def format(self, document):
        out = original(self, document)
        return out[: -len(b"endstream\n")] + b"\nendstream\n"

    PDFStream.format = format
    try:
        yield
    finally:
        PDFStream.format = original


def make_archival(canvas, lang: str = "id-ID") -> None:
    """Add the XMP metadata and the sRGB output intent to ``canvas``'s catalog (call
    before ``Canvas.save``)."""
    doc = canvas._doc
    metadata = _PlainStream(
        PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}),
        xmp(doc.info, lang),
    )
    catalog = doc.Catalog
    catalog.Metadata = doc.Reference(metadata)
    profile = PDFStream(PDFDictionary({"N": 3}), srgb_profile())
    intent = PDFDictionary(
        {
            "Type": PDFName("OutputIntent"),
            "S": PDFName("GTS_PDFA1"),
            "OutputConditionIdentifier": PDFString(SRGB),
            "Info": PDFString(SRGB),
            "RegistryName": PDFString("http://www.color.org"),
            "DestOutputProfile": doc.Reference(profile),
        }
    )
    catalog.OutputIntents = PDFArray([doc.Reference(intent)])
    # ReportLab writes only the catalog keys it knows; name this one too (instance only)
    catalog.__NoDefault__ = [*PDFCatalog.__NoDefault__, "OutputIntents"]
