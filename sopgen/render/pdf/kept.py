"""A flowchart page's PDF operators kept between builds, and when they may be reused.

Drawing a page from its geometry (draw.py) is most of the binder's time, and a page
draws the same operators whenever its procedure is unchanged, with two exceptions that
come from the document drawn before it: ReportLab names a font (``/F1``, ``/F2``) when
the document first uses it, and a TrueType subset gives a character other than ASCII
the next free code when the document first prints it (``ttfonts.TTFont.splitString``).
So a kept page carries, beside its operators, the fonts it used with the names they had
and every character it printed with the code it had, in the order it first used them,
and the canvas's graphics state it began in. It is reused (``fits``) only where the
document being drawn gives the same names, codes and state; where a character or font
is new to the document, it is given its code or name exactly as drawing the page would
have (same characters, same order), and the page is reused only if the result is the
recorded one, else the document is put back as it was and the page is drawn. The bytes
are therefore those of drawing the page, whatever was kept.

``Capture`` records a page while it is drawn; a page whose drawing did anything but
write operators and use the fonts' names and codes (a link, an image, a form, a base-14
font) is not kept.
"""

from __future__ import annotations

import copy
import json
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

FORMAT = f"sopgen-kept-pages 2 zlib {zlib.ZLIB_RUNTIME_VERSION}"
_STATE = [name for name in Canvas.STATE_ATTRIBUTES if name != "_extgstate"]


@dataclass(frozen=True)
class KeptPage:
    """One flowchart page as drawn: its size, where its procedure's notes go under the
    table (notes_room), whether ``ops`` drew them, the state it began in, the fonts and
    characters it used (in order of first use) and its operators."""

    width: float
    height: float
    notes_top: float
    notes_free: float
    notes: bool
    entry: str
    names: tuple[tuple[str, str], ...]  # (face, internal name as drawn)
    chars: tuple[tuple[str, str, tuple[int, ...]], ...]  # (face, characters, codes)
    ops: str
    # per face: the codes as a mapping (code point -> code), and the characters the
    # face has no glyph for (code -1: never given a code)
    wanted: tuple[tuple[str, dict, tuple[int, ...]], ...] = field(
        init=False, repr=False, compare=False
    )
    # the page's whole content stream as the binder last wrote it: its digest and its
    # compressed bytes (kept_streams), or None
    stream: tuple[bytes, bytes] | None = field(default=None, repr=False, compare=False)

    def __post_init__(self):
        wanted = []
        for face, text, codes in self.chars:
            if len(text) != len(codes):
                raise ValueError("codes do not match the characters")
            points = list(map(ord, text.replace("\xa0", " ")))  # as _code
            given = dict(zip(points, codes, strict=True))
            missing: tuple[int, ...] = ()
            if len(given) < len(points) or -1 in given.values():
                given = {p: c for p, c in zip(points, codes, strict=True) if c != -1}
                missing = tuple(p for p, c in zip(points, codes, strict=True) if c == -1)
            wanted.append((face, given, missing))
        object.__setattr__(self, "wanted", tuple(wanted))


def entry_state(canv: Canvas) -> str:
    """The canvas's graphics state (font, colours, line settings, matrix...)."""
    d = canv.__dict__
    return repr([d[name] for name in _STATE] + [sorted(canv._extgstate._d.items())])


def _fonts() -> list:
    """Every TrueType font registered (sopgen's faces; any other would be recorded too)."""
    return [f for f in pdfmetrics._fonts.values() if getattr(f, "_dynamicFont", False)]


class Capture:
    """Records a page drawn inside ``with``: ``page(...)`` then gives it as kept, or
    None when the drawing did more than operators and the fonts' names and codes."""

    def __init__(self, canv: Canvas):
        self.canv = canv
        self.chars: dict[str, dict[str, None]] = {}
        self.names: dict[str, None] = {}
        self.foreign = False

    def _accumulated(self):
        c = self.canv
        return (
            len(c._annotationrefs),
            len(c._formsinuse),
            len(c._colorsUsed),
            len(c._shadingUsed),
            len(c._psCommandsBeforePage),
            len(c._psCommandsAfterPage),
            c._doc.objectcounter,
            sorted(c._extgstate._c.items()),
        )

    def __enter__(self) -> Capture:
        self.start = len(self.canv._code)
        self.entry = entry_state(self.canv)
        self.before = self._accumulated()
        self.fonts = _fonts()
        doc = self.canv._doc
        # the fonts are the process's: another page being recorded at the same time (in
        # another thread) would mix its characters in, so then this page is not kept
        self.patched = [f for f in self.fonts if "splitString" not in f.__dict__]
        self.foreign = len(self.patched) < len(self.fonts)
        for font in self.patched:
            font.splitString = self._split(font)
            font.getSubsetInternalName = self._name(font)
        doc.getInternalFontName = self._other(doc.getInternalFontName)
        return self

    def __exit__(self, *exc) -> None:
        for font in self.patched:
            del font.splitString
            del font.getSubsetInternalName
        del self.canv._doc.getInternalFontName
        self.after = self._accumulated()

    def _split(self, font):
        split, seen = type(font).splitString.__get__(font), self.chars
        used = seen.setdefault(font.fontName, {})

        def record(text, doc, encoding="utf-8"):
            if doc is self.canv._doc:  # not another document drawn meanwhile
                used.update(dict.fromkeys(text.decode() if isinstance(text, bytes) else text))
            return split(text, doc, encoding)

        return record

    def _name(self, font):
        name = type(font).getSubsetInternalName.__get__(font)

        def record(subset, doc):
            if doc is self.canv._doc:
                self.names.setdefault(font.fontName)
            return name(subset, doc)

        return record

    def _other(self, name):
        def record(*args, **kwargs):
            self.foreign = True
            return name(*args, **kwargs)

        return record

    def page(self, width, height, notes_top, notes_free, notes: bool) -> KeptPage | None:
        if self.foreign or self.after != self.before:
            return None
        doc = self.canv._doc
        by_name = {f.fontName: f for f in self.fonts}
        chars = []
        for face, used in self.chars.items():
            if not used:
                continue
            text = "".join(used)
            state = by_name[face].state[doc]
            codes = tuple(state.assignments.get(_code(ch), -1) for ch in text)
            chars.append((face, text, codes))
        names = tuple((face, by_name[face].state[doc].internalName) for face in self.names)
        ops = "\n".join(self.canv._code[self.start :])
        return KeptPage(
            width, height, notes_top, notes_free, notes, self.entry, names, tuple(chars), ops
        )


def _code(ch: str) -> int:
    code = ord(ch)
    return 32 if code == 0xA0 else code  # as splitString maps a no-break space


def fits(canv: Canvas, page: KeptPage) -> bool:
    """Whether ``page.ops`` are what drawing the page on ``canv`` now would write; the
    fonts' names and codes new to the document are given as drawing would give them
    (and taken back when the page does not fit)."""
    if page.entry != entry_state(canv):
        return False
    doc = canv._doc
    fonts = {f.fontName: f for f in _fonts()}
    if any(face not in fonts for face, _ in page.names) or any(
        face not in fonts for face, _, _ in page.chars
    ):
        return False
    if _matches(doc, fonts, page):
        return True
    saved = _save(doc, fonts)
    for face, text, _ in page.chars:
        fonts[face].splitString(text, doc)
    for face, _ in page.names:
        fonts[face].getSubsetInternalName(0, doc)
    if _matches(doc, fonts, page):
        return True
    _restore(doc, fonts, saved)
    return False


def _matches(doc, fonts, page: KeptPage) -> bool:
    for face, name in page.names:
        state = fonts[face].state.get(doc)
        if state is None or state.internalName != name:
            return False
    for face, given, missing in page.wanted:
        state = fonts[face].state.get(doc)
        if state is None:
            return False
        got = state.assignments
        if not given.items() <= got.items() or any(p in got for p in missing):
            return False
    return True


def _save(doc, fonts):
    states = {}
    for face, font in fonts.items():
        state = font.state.get(doc)
        if state is not None:
            states[face] = copy.copy(state), dict(state.assignments), copy.deepcopy(state.subsets)
    return states, dict(doc.fontMapping), list(doc.delayedFonts)


def _restore(doc, fonts, saved) -> None:
    states, mapping, delayed = saved
    for face, font in fonts.items():
        if face not in states:
            font.state.pop(doc, None)
            continue
        state, assignments, subsets = states[face]
        state.assignments, state.subsets = assignments, subsets
        font.state[doc] = state
    doc.fontMapping.clear()
    doc.fontMapping.update(mapping)
    doc.delayedFonts[:] = delayed


# --- an entry: a procedure's kept pages ---------------------------------------------


def encode(pages: Sequence[KeptPage]) -> bytes:
    """The entry: the length of the fields' part, the fields (JSON, compressed), then
    the pages' compressed streams one after another."""
    data = [FORMAT, [_fields(p) for p in pages]]
    head = zlib.compress(json.dumps(data, ensure_ascii=False).encode(), 1)
    streams = [p.stream[1] for p in pages if p.stream is not None]
    return b"".join([len(head).to_bytes(4, "big"), head, *streams])


def _fields(p: KeptPage) -> list:
    return [
        p.width,
        p.height,
        p.notes_top,
        p.notes_free,
        p.notes,
        p.entry,
        [list(n) for n in p.names],
        [[face, text, list(codes)] for face, text, codes in p.chars],
        p.ops,
        [p.stream[0].hex(), len(p.stream[1])] if p.stream is not None else None,
    ]


def decode(body: bytes | None) -> tuple[KeptPage, ...] | None:
    """The pages of an entry; None for anything that is not a whole entry of this
    format (then the procedure is drawn)."""
    if body is None:
        return None
    try:
        size = int.from_bytes(body[:4], "big")
        head, pages = json.loads(zlib.decompress(body[4 : 4 + size]))
        if head != FORMAT or not isinstance(pages, list) or not pages:
            return None
        streams = memoryview(body)[4 + size :]
        out = []
        for p in pages:
            page, streams = _page(p, streams)
            out.append(page)
        return tuple(out) if not streams else None
    except (ValueError, TypeError, zlib.error, RecursionError):
        return None


def _number(x) -> float:
    if type(x) not in (int, float):
        raise TypeError("not a number")
    return float(x)


def _text(x) -> str:
    if type(x) is not str:
        raise TypeError("not a text")
    return x


_INT = {int}


def _page(p, streams: memoryview) -> tuple[KeptPage, memoryview]:
    """The page, its stream taken from the start of ``streams``; and the rest of them."""
    width, height, top, free, notes, entry, names, chars, ops, stream = p
    if type(notes) is not bool:
        raise TypeError("not a flag")
    kept_names = tuple((_text(face), _text(name)) for face, name in names)
    kept_chars = []
    for face, text, codes in chars:
        codes = tuple(codes)
        if not set(map(type, codes)) <= _INT or min(codes, default=0) < -1:
            raise ValueError("not a code")
        if len(codes) != len(_text(text)):
            raise ValueError("codes do not match the characters")
        kept_chars.append((_text(face), text, codes))
    kept_stream = None
    if stream is not None:
        hexdigest, length = stream
        digest = bytes.fromhex(_text(hexdigest))
        if len(digest) != 32 or type(length) is not int or not 0 < length <= len(streams):
            raise ValueError("not a stream")
        kept_stream = (digest, bytes(streams[:length]))
        streams = streams[length:]
    page = KeptPage(
        _number(width),
        _number(height),
        _number(top),
        _number(free),
        notes,
        _text(entry),
        kept_names,
        tuple(kept_chars),
        _text(ops),
        kept_stream,
    )
    return page, streams
