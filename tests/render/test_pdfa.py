"""The archival copy (PDF/A-2b). No PDF/A validator installs from PyPI, Debian or npm
(veraPDF is on none of them), so each property the standard asks of this kind of file
is checked here directly: XMP metadata that repeats the Info dictionary and names
PDF/A-2B, an unfiltered metadata stream, an sRGB output intent whose ICC profile a
colour engine (LittleCMS, through Pillow) accepts, every font embedded, links that
print, an end-of-line before every ``endstream``, no encryption or JavaScript, an ID."""

from __future__ import annotations

import io
import re
import zlib
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from PIL import Image, ImageCms

from sopgen.build import load_project
from sopgen.render.pdf.binder import build_pdfs
from sopgen.render.pdf.pdfa import srgb_profile
from tests.render.pdf_support import pdffonts, pdfinfo

ROOT = Path(__file__).resolve().parents[2]
NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
}
_OBJ = re.compile(rb"(\d+) 0 obj\n(.*?)endobj", re.S)


@pytest.fixture(scope="module")
def archived(tmp_path_factory) -> list[Path]:
    out = tmp_path_factory.mktemp("arsip")
    return build_pdfs(load_project(ROOT / "data" / "sekretariat"), out, arsip=True)


def _objects(data: bytes) -> dict[int, bytes]:
    return {int(m.group(1)): m.group(2) for m in _OBJ.finditer(data)}


def _ref(obj: bytes, key: bytes) -> int:
    return int(re.search(rb"/" + key + rb" (\d+) 0 R", obj).group(1))


def _stream(obj: bytes) -> tuple[bytes, bytes]:
    head, _, rest = obj.partition(b"stream\n")
    length = int(re.search(rb"/Length (\d+)", head).group(1))
    return head, rest[:length]


def _catalog(objs: dict[int, bytes]) -> bytes:
    return next(v for v in objs.values() if b"/Type /Catalog" in v)


def test_xmp_names_pdfa2b_and_repeats_the_info_dictionary(archived):
    for path in archived:
        objs = _objects(path.read_bytes())
        head, body = _stream(objs[_ref(_catalog(objs), b"Metadata")])
        assert b"/Type /Metadata" in head and b"/Subtype /XML" in head
        assert b"/Filter" not in head  # readable without decoding
        root = ET.fromstring(body.split(b"?>", 1)[1].rsplit(b"<?xpacket", 1)[0])
        desc = root.find("rdf:RDF/rdf:Description", NS)

        def text(path: str, desc=desc) -> str:
            return desc.find(path, NS).text

        assert text("pdfaid:part") == "2" and text("pdfaid:conformance") == "B"
        info = pdfinfo(path)
        assert text("dc:title/rdf:Alt/rdf:li") == info["Title"]
        assert text("dc:creator/rdf:Seq/rdf:li") == info["Author"]
        assert text("dc:description/rdf:Alt/rdf:li") == info["Subject"]
        assert text("pdf:Keywords") == info["Keywords"]
        assert text("pdf:Producer") == info["Producer"]
        assert text("xmp:CreatorTool") == info["Creator"] == "sopgen"
        assert text("xmp:CreateDate") == text("xmp:ModifyDate") == "2017-12-08T00:00:00Z"
        raw = path.read_bytes()
        assert b"/CreationDate (D:20171208000000Z)" in raw
        assert b"/ModDate (D:20171208000000Z)" in raw


def test_output_intent_carries_a_working_srgb_profile(archived):
    objs = _objects(archived[0].read_bytes())
    intents = re.search(rb"/OutputIntents \[ (\d+) 0 R \]", _catalog(objs))
    intent = objs[int(intents.group(1))]
    assert b"/S /GTS_PDFA1" in intent and b"/Type /OutputIntent" in intent
    assert b"/OutputConditionIdentifier (sRGB IEC61966-2.1)" in intent
    head, body = _stream(objs[_ref(intent, b"DestOutputProfile")])
    assert b"/N 3" in head
    icc = zlib.decompress(body) if b"/FlateDecode" in head else body
    assert icc == srgb_profile()
    assert icc[12:20] == b"mntrRGB " and icc[8] == 2  # display class, RGB, version 2
    profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
    assert ImageCms.getProfileDescription(profile).strip() == "sRGB IEC61966-2.1"
    # a colour goes through the profile and comes back (almost) as it was
    to_profile = ImageCms.buildTransform(ImageCms.createProfile("sRGB"), profile, "RGB", "RGB")
    out = ImageCms.applyTransform(Image.new("RGB", (1, 1), (200, 30, 90)), to_profile)
    assert all(abs(a - b) <= 3 for a, b in zip(out.getpixel((0, 0)), (200, 30, 90), strict=True))


def test_file_structure_pdfa_asks_for(archived):
    for path in archived:
        data = path.read_bytes()
        first, second = data.split(b"\n")[:2]
        assert re.fullmatch(rb"%PDF-1\.[0-7]", first)
        assert second.startswith(b"%") and sum(b > 127 for b in second[1:5]) == 4
        # every stream: Length exact, an end-of-line before endstream
        for m in re.finditer(rb"/Length (\d+)[^\n]*\n(?:[^\n]*\n)*?stream\n", data):
            end = m.end() + int(m.group(1))
            assert data[end : end + 10] == b"\nendstream", path.name
        assert data.count(b"endstream") == data.count(b"\nendstream")
        for bad in (b"/Encrypt", b"/JavaScript", b"/JS ", b"/Launch", b"/EmbeddedFile"):
            assert bad not in data
        assert re.search(rb"trailer\n<<.*?/ID\s*\n?\[<[0-9a-f]{32}><[0-9a-f]{32}>\]", data, re.S)
        objs = _objects(data)
        for obj in objs.values():
            if b"/Subtype /Link" in obj:
                assert b"/F 4" in obj  # printable
        for font in pdffonts(path):
            assert font["emb"] == "yes", font


def test_archival_bytes_are_reproducible(archived, tmp_path):
    again = build_pdfs(load_project(ROOT / "data" / "sekretariat"), tmp_path, arsip=True)
    for first, second in zip(archived, again, strict=True):
        assert first.read_bytes() == second.read_bytes(), first.name


def test_ordinary_pdfs_carry_no_archival_parts(tmp_path):
    (binder, *_) = build_pdfs(load_project(ROOT / "data" / "sekretariat"), tmp_path)
    data = binder.read_bytes()
    assert b"/OutputIntents" not in data and b"pdfaid" not in data
