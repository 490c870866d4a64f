"""`sopgen diff --html`: the changes as one standalone page for the signer.

Inline CSS, no script, no external file: the page can be mailed, opened offline or printed.
Every text from the data is escaped; removed text is in <del>, added text in <ins>.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from sopgen.edit.diff import Change, word_diff

CSS = """
body { font-family: "Liberation Sans", Arial, sans-serif; color: #111; margin: 0;
       background: #f4f4f1; line-height: 1.45; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 2rem 3rem; background: #fff; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.05rem; margin: 1.75rem 0 .5rem; padding-bottom: .2rem;
     border-bottom: 2px solid #333; }
.judul { font-weight: normal; color: #333; padding-left: .5rem; }
.versi { margin: 0 0 .5rem; color: #333; }
.jumlah { font-weight: bold; }
.tanda { font-size: .9rem; color: #444; }
ul { list-style: none; padding: 0; margin: 0; }
li { padding: .45rem .6rem; border-bottom: 1px solid #ddd; }
li:nth-child(odd) { background: #fafaf8; }
.apa { font-weight: bold; }
.kolom { font-style: italic; color: #333; }
del { background: #fde2e1; color: #8a1010; text-decoration: line-through; }
ins { background: #ddf4dd; color: #0b5a0b; text-decoration: underline; }
.panah { color: #555; padding: 0 .25rem; }
.catatan { color: #333; }
.kosong { font-size: 1.1rem; margin-top: 2rem; }
@media print {
  body { background: #fff; }
  main { padding: 0; max-width: none; }
  del, ins { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { break-after: avoid; }
  li { break-inside: avoid; }
}
"""


def _words(old: str, new: str) -> str:
    parts = []
    for kind, text in word_diff(old, new):
        if kind == "delete":
            parts.append(f"<del>{escape(text)}</del>")
        elif kind == "insert":
            parts.append(f"<ins>{escape(text)}</ins>")
        else:
            parts.append(escape(text))
    return " ".join(parts)


def change_html(change: Change) -> str:
    head = f'<span class="apa">{escape(change.head)}</span>'
    if change.words and change.old is not None and change.new is not None:
        body = _words(change.old, change.new)
    elif change.old is not None and change.new is not None:
        body = (
            f'<del>{escape(change.old)}</del><span class="panah">&rarr;</span>'
            f"<ins>{escape(change.new)}</ins>"
        )
    elif change.new is not None:
        body = f"<ins>{escape(change.new)}</ins>"
    elif change.old is not None:
        body = f"<del>{escape(change.old)}</del>"
    else:
        body = ""
    if change.field and body:
        body = f'<span class="kolom">{escape(change.field)}</span> {body}'
    if change.note:
        body += f' <span class="catatan">{escape(change.note)}</span>'
    return f"<li>{head}: {body}</li>" if body else f"<li>{head}</li>"


def render_html(
    changes: Sequence[Change],
    old_label: str,
    new_label: str,
    titles: dict[str, str] | None = None,
) -> str:
    """The page; ``titles`` (scope -> title, see ``sopgen.diff.titles``) name each part."""
    titles = titles or {}
    groups: dict[str, list[Change]] = {}
    for change in changes:
        groups.setdefault(change.scope, []).append(change)
    title = f"Perubahan SOP: {old_label} \u2192 {new_label}"
    out = [
        "<!DOCTYPE html>",
        '<html lang="id">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        "<main>",
        "<h1>Perubahan SOP</h1>",
        f'<p class="versi">Dari <b>{escape(old_label)}</b> ke <b>{escape(new_label)}</b>: '
        f'<span class="jumlah">{len(changes)} perubahan</span></p>',
    ]
    if not changes:
        out.append('<p class="kosong">Tidak ada perubahan.</p>')
    else:
        out.append(
            '<p class="tanda">Teks yang <del>dihapus</del> dicoret, teks yang '
            "<ins>ditambahkan</ins> digarisbawahi.</p>"
        )
    for scope, items in groups.items():
        out.append("<section>")
        title = titles.get(scope)
        sub = f' <span class="judul">{escape(title)}</span>' if title else ""
        out.append(f"<h2>{escape(scope)}{sub}</h2>")
        out.append("<ul>")
        out += [change_html(c) for c in items]
        out.append("</ul>")
        out.append("</section>")
    out += ["</main>", "</body>", "</html>", ""]
    return "\n".join(out)
