"""The handbook's search index: a JS file that assigns a global, built at build time.

A script file, not fetched JSON: ``fetch()`` of a local file fails when the handbook is
opened straight from disk (file://), a ``<script src>`` does not.

Each entry carries what a result shows (``t`` title, ``m`` meta line, ``u`` URL relative to
the site root) and ``h``, its searchable text already folded by ``fold`` (lower case,
without diacritics, punctuation as spaces). ``assets/search.js`` folds the query the same
way and keeps the entries that contain every query word.
"""

from __future__ import annotations

import json
import unicodedata

from sopgen.render.html.context import SiteContext
from sopgen.render.markup import clean_text

GLOBAL_NAME = "SOPGEN_SEARCH"


def fold(text: str) -> str:
    """Search form of a text; must match ``fold`` in templates/assets/search.js:
    NFKD, drop combining marks, lower case, every run of non-letters/digits -> one space."""
    decomposed = unicodedata.normalize("NFKD", clean_text(text))
    bare = "".join(ch for ch in decomposed if not unicodedata.category(ch).startswith("M"))
    # lower() on the whole text, as JavaScript's toLowerCase (final sigma depends on context)
    out = [ch if unicodedata.category(ch)[0] in "LN" else " " for ch in bare.lower()]
    return " ".join("".join(out).split())


def search_entries(site: SiteContext) -> list[dict[str, str]]:
    entries: list[dict[str, str]] = []
    for proc in site.procedures:
        executors = ", ".join(str(e.text) for e in proc.executors)
        entries.append(
            {
                "k": "prosedur",
                "t": proc.judul,
                "m": f"Prosedur · {len(proc.steps)} langkah · {proc.total_text}",
                "u": proc.url,
                "h": fold(" ".join([proc.judul, proc.nomor, proc.id, executors])),
            }
        )
    for proc in site.procedures:
        for step in proc.steps:
            who = ", ".join(str(e.text) for e in step.executors)
            fields = [
                step.uraian_text,
                who,
                *step.plain,
                step.waktu,
                proc.judul,
                proc.id,
            ]
            meta = f"{proc.judul} · Langkah {step.number} · {who}"
            if step.waktu:
                meta += f" · {step.waktu}"
            entries.append(
                {
                    "k": "langkah",
                    "t": step.uraian_text,
                    "m": meta,
                    "u": f"{proc.url}#{step.anchor}",
                    "h": fold(" ".join(fields)),
                }
            )
    for ex in site.executors:
        entries.append(
            {
                "k": "pelaksana",
                "t": ex.name,
                "m": f"Pelaksana · {ex.step_count} langkah",
                "u": ex.url,
                "h": fold(ex.name),
            }
        )
    return entries


def search_index_js(site: SiteContext) -> str:
    """``window.SOPGEN_SEARCH = [...];`` with every non-ASCII and <, >, & escaped, so no text
    can end the script or change its meaning."""
    payload = json.dumps(search_entries(site), ensure_ascii=True, separators=(",", ":"))
    payload = payload.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return (
        "/* Indeks pencarian buku panduan SOP (dibuat otomatis oleh sopgen). */\n"
        f"window.{GLOBAL_NAME} = {payload};\n"
    )
