"""The handbook's search index: a JS file that assigns a global, built at build time.

A script file, not fetched JSON: ``fetch()`` of a local file fails when the handbook is
opened straight from disk (file://), a ``<script src>`` does not. The pages load it on
first use of the search box (and on cari.html), so no page waits for it.

``window.SOPGEN_SEARCH = {docs, words, roots, affixes}``:

- ``docs``: one entry per thing a reader can land on (procedure, step, item of the
  document's lists, the document's identity, executor), each with what a result shows
  (``k`` kind, ``t`` title, ``m`` meta line, ``x`` excerpt, ``u`` URL relative to the
  site root) and four searchable fields of word roots, by weight: ``j`` titles, ``l``
  step texts and list items, ``c`` the other cells (executors, Kelengkapan, Output,
  Waktu, the procedure), ``n`` notes (Keterangan, Catatan);
- ``words``: every word of the handbook whose root differs from it (for highlighting the
  words a result matched, and for exact query words);
- ``roots``: every root the index holds; ``affixes``: how the browser brings an unknown
  query word to one of them (stem.py).

The browser (templates/assets/search.js) indexes ``docs`` with MiniSearch (vendored,
templates/assets/minisearch.js): ranked, prefix and one-typo matching, every word required.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable

from markupsafe import Markup

from sopgen.render.html.context import SiteContext
from sopgen.render.html.kept import whole
from sopgen.render.html.stem import AFFIXES, stem
from sopgen.render.html.views import ProcedureView
from sopgen.render.markup import clean_text

GLOBAL_NAME = "SOPGEN_SEARCH"
FIELDS = ("j", "l", "c", "n")
EXCERPT_MAX = 240
_NOT_ALNUM_ASCII = re.compile("[^a-z0-9]")


def fold(text: str) -> str:
    """Search form of a text; must match ``fold`` in templates/assets/search.js:
    NFKD, drop combining marks, lower case, every run of non-letters/digits -> one space."""
    text = clean_text(text)
    if text.isascii():  # the common case, the same result without a look per character
        return " ".join(_NOT_ALNUM_ASCII.sub(" ", text.lower()).split())
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.category(ch).startswith("M"))
    # lower() on the whole text, as JavaScript's toLowerCase (final sigma depends on context)
    out = [ch if unicodedata.category(ch)[0] in "LN" else " " for ch in bare.lower()]
    return " ".join("".join(out).split())


def _plain(value: object) -> str:
    if isinstance(value, Markup):
        return clean_text(value.striptags())
    return clean_text(str(value or ""))


def _excerpt(parts: Iterable[str]) -> str:
    text = " · ".join(p for p in (" ".join(_plain(x).split()) for x in parts) if p)
    if len(text) > EXCERPT_MAX:
        text = text[:EXCERPT_MAX].rsplit(" ", 1)[0] + " …"
    return text


class _Builder:
    def __init__(self, first: int = 0) -> None:
        self.docs: list[dict[str, object]] = []
        self.words: dict[str, str] = {}
        self.first = first  # the place ``i`` of the first entry added

    def roots(self, *texts: object) -> str:
        out = []
        for text in texts:
            for word in fold(_plain(text)).split():
                root = stem(word)
                if root != word:
                    self.words[word] = root
                out.append(root)
        return " ".join(out)

    def add(self, kind: str, title: str, meta: str, url: str, excerpt: str = "", **fields):
        doc: dict[str, object] = {
            "i": self.first + len(self.docs),
            "k": kind,
            "t": _plain(title),
            "m": meta,
        }
        doc["x"] = excerpt
        doc["u"] = url
        for name in FIELDS:
            doc[name] = self.roots(*fields.get(name, ()))
        self.docs.append(doc)


def procedure_entries(proc: ProcedureView) -> dict[str, object]:
    """A procedure's share of the index: ``p`` its own entry, ``s`` one per step (without
    their place ``i``), ``w`` the words of them whose root differs. Plain JSON data, so
    that a build can keep it with the procedure's page."""
    proc = whole(proc)  # a kept view's summary holds too little of its steps
    b = _Builder()
    executors = [str(e.text) for e in proc.executors]
    b.add(
        "prosedur",
        proc.judul,
        f"Prosedur · {len(proc.steps)} langkah · {proc.total_text}",
        proc.url,
        _excerpt(["Pelaksana: " + ", ".join(executors)]),
        j=[proc.judul, proc.nomor, proc.id],
        c=[*executors, proc.document.text],
    )
    for step in proc.steps:
        who = ", ".join(str(e.text) for e in step.executors)
        kelengkapan, output, keterangan = step.plain
        meta = f"{proc.judul} · Langkah {step.number} · {who}"
        if step.waktu:
            meta += f" · {step.waktu}"
        b.add(
            "langkah",
            step.uraian_text,
            meta,
            f"{proc.url}#{step.anchor}",
            _excerpt(
                [
                    f"Kelengkapan: {kelengkapan}" if kelengkapan else "",
                    f"Output: {output}" if output else "",
                    f"Keterangan: {keterangan}" if keterangan else "",
                ]
            ),
            l=[step.uraian_text],
            c=[who, kelengkapan, output, step.waktu, proc.judul, proc.id],
            n=[keterangan],
        )
    for doc in b.docs:
        del doc["i"]
    return {"p": b.docs[0], "s": b.docs[1:], "w": b.words}


def _roots(docs: Iterable[dict]) -> set[str]:
    return {r for d in docs for f in FIELDS for r in str(d[f]).split()}


def _json(value: object) -> str:
    """JSON that cannot end a script: every non-ASCII and <, >, & escaped."""
    text = json.dumps(value, ensure_ascii=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def procedure_share(proc: ProcedureView) -> dict[str, object]:
    """``procedure_entries`` as ready text for ``search_index_js``: ``d`` each entry's
    JSON (``_json``) without its opening brace and place (the procedure's own entry
    first, then its steps), ``w`` its words whose root differs, ``r`` the roots its
    fields hold. Plain JSON data, so that a build can keep it with the page."""
    entries = procedure_entries(proc)
    docs = [entries["p"], *entries["s"]]  # type: ignore[misc]
    return {
        "d": [_json(doc)[1:] for doc in docs],
        "w": entries["w"],
        "r": sorted(_roots(docs)),
    }


def search_index(
    site: SiteContext, entries: Callable[[ProcedureView], dict] = procedure_entries
) -> dict[str, object]:
    """The index of ``site``; ``entries`` gives each procedure's share (``procedure_entries``)."""
    b = _Builder()
    shares = [entries(proc) for proc in site.procedures]
    for share in shares:
        b.docs.append({"i": len(b.docs), **share["p"]})  # type: ignore[dict-item]
        b.words.update(share["w"])  # type: ignore[arg-type]
    for share in shares:
        for step in share["s"]:  # type: ignore[attr-defined]
            b.docs.append({"i": len(b.docs), **step})
    _site_entries(b, site)
    return {
        "docs": b.docs,
        "words": dict(sorted(b.words.items())),
        "roots": sorted(_roots(b.docs)),
        "affixes": AFFIXES,
    }


def _site_entries(b: _Builder, site: SiteContext) -> None:
    """The entries of the documents, their lists and revisions, and the executors."""
    for doc in site.documents:
        where = f"Dokumen SOP {doc.nama}"
        officials = [o for o in (doc.disahkan, *doc.mengetahui, doc.menyetujui) if o]
        b.add(
            "dokumen",
            f"{doc.label_nama}: {doc.nama}",
            f"Identitas SOP · Nomor {doc.nomor}",
            doc.url,
            _excerpt([doc.pemerintah, doc.dinas, doc.unit or "", f"Nomor SOP {doc.nomor}"]),
            j=[doc.nama, doc.label_nama],
            c=[
                doc.nomor,
                doc.pemerintah,
                doc.dinas,
                doc.unit or "",
                *(f"{o.jabatan} {o.nama}" for o in officials),
            ],
        )
        sections = (
            ("Dasar Hukum", "dasar-hukum", doc.dasar_hukum),
            ("Kualifikasi Pelaksana", "kualifikasi", doc.kualifikasi),
            ("Keterkaitan", "keterkaitan", tuple(k.text for k in doc.keterkaitan)),
            ("Peralatan/Perlengkapan", "peralatan", doc.peralatan),
            ("Peringatan", "peringatan", doc.peringatan),
            ("Pencatatan dan Pendataan", "pencatatan", doc.pencatatan),
        )
        for label, anchor, items in sections:
            for n, item in enumerate(items, 1):
                b.add(
                    "dokumen",
                    _plain(item),
                    f"{label} {n} · {where}",
                    f"{doc.url}#{anchor}",
                    l=[item],
                    c=[label],
                )
        for rev in doc.revisi:
            b.add(
                "revisi",
                f"Revisi {rev.nomor} ({rev.tanggal}): {_plain(rev.bagian.text)}",
                f"Riwayat revisi · {where}",
                f"{doc.url}#riwayat",
                _excerpt([rev.perubahan]),
                c=[rev.bagian.text],
                n=[rev.perubahan],
            )
    for ex in site.executors:
        b.add(
            "pelaksana",
            ex.name,
            f"Pelaksana · {ex.step_count} langkah",
            ex.url,
            j=[ex.name],
        )


def search_index_js(
    site: SiteContext, shares: Callable[[ProcedureView], dict] = procedure_share
) -> str:
    """``window.SOPGEN_SEARCH = {...};`` (``search_index``) with every non-ASCII and <,
    >, & escaped, so no text can end the script or change its meaning. The procedures'
    entries are put together from their ready text (``procedure_share``, maybe kept by
    the build): the same text as ``search_index`` written out whole."""
    kept = [shares(proc) for proc in site.procedures]
    parts: list[str] = []
    words: dict[str, str] = {}
    roots: set[str] = set()
    for share in kept:
        parts.append(share["d"][0])  # type: ignore[index]
        words.update(share["w"])  # type: ignore[arg-type]
        roots.update(share["r"])  # type: ignore[arg-type]
    for share in kept:
        parts.extend(share["d"][1:])  # type: ignore[index]
    docs = [f'{{"i":{i},{part}' for i, part in enumerate(parts)]
    b = _Builder(first=len(docs))
    _site_entries(b, site)
    docs += [_json(doc) for doc in b.docs]
    words.update(b.words)
    roots |= _roots(b.docs)
    payload = (
        f'{{"docs":[{",".join(docs)}],"words":{_json(dict(sorted(words.items())))},'
        f'"roots":{_json(sorted(roots))},"affixes":{_json(AFFIXES)}}}'
    )
    return (
        "/* Indeks pencarian buku panduan SOP (dibuat otomatis oleh sopgen). */\n"
        f"window.{GLOBAL_NAME} = {payload};\n"
    )
