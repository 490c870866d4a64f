"""`sopgen diff --html`: the changes as one standalone page for the signer.

Inline CSS, no script, no external file: the page can be mailed, opened offline or printed.
Every text from the data is escaped; removed text is in <del>, added text in <ins>.

Written for the official who signs the change: each part is named as the SOP prints it
(the procedure's title, the document's name, not file names), the versions by their
Tanggal Revisi, never by a folder of the machine that made the page; it carries the date
it was made and a place to sign (the document's approving official, from the new side).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from sopgen.edit.changes import Change, word_diff

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
.dibuat { color: #333; margin: 0 0 1rem; }
.tanda-tangan { display: flex; flex-wrap: wrap; gap: 2rem 4rem; justify-content: flex-end;
                margin-top: 3rem; break-inside: avoid; }
.ttd { min-width: 16rem; text-align: center; }
.ttd p { margin: .15rem 0; }
.ruang { height: 4.5rem; }
.nama { font-weight: bold; text-decoration: underline; }
.isian { display: inline-block; min-width: 12rem; border-bottom: 1px dotted #333; }
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


@dataclass(frozen=True)
class Signer:
    """Who signs the change, as the SOP prints them (the Lembar Pengesahan's approver)."""

    jabatan: str
    nama: str
    nip: str = ""
    nip_label: str = "NIP."
    tempat: str = ""  # where this official signs (their document's); else the page's place


def _date(day: dt.date) -> str:
    from sopgen.model.dates import format_date

    return format_date(day)


def safe_label(label: str) -> str:
    """A version as the user named it, without the machine's folders: a git revision
    ("HEAD~1", "v2017") as it is, a folder by its last name only ("data-lama")."""
    text = label.strip().rstrip("/\\")
    if re.search(r"[/\\]", text) or re.match(r"^[A-Za-z]:", text):
        text = re.split(r"[/\\]", text)[-1]
    return text or "data"


def render_html(
    changes: Sequence[Change],
    old_label: str,
    new_label: str,
    titles: dict[str, str] | None = None,
    *,
    made: dt.date | None = None,
    versions: tuple[str, str] | None = None,
    signers: Sequence[Signer] = (),
    place: str = "",
) -> str:
    """The page. ``titles`` (scope -> title, see ``sopgen.edit.diff.titles``) name each
    part; ``versions`` describe the two sides as a reader knows them (e.g. "Tanggal
    Revisi 01 Desember 2017"), else the labels are shown without any folder path;
    ``made``: the date printed on the page (today by default); ``signers``: a place to
    sign for each, under ``place``."""
    titles = titles or {}
    made = made or dt.date.today()
    groups: dict[str, list[Change]] = {}
    for change in changes:
        groups.setdefault(change.scope, []).append(change)
    old_name, new_name = versions or (safe_label(old_label), safe_label(new_label))
    title = "Perubahan SOP"
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
        f'<p class="versi">Dari <b>{escape(old_name)}</b> ke <b>{escape(new_name)}</b>: '
        f'<span class="jumlah">{len(changes)} perubahan</span></p>',
        f'<p class="dibuat">Dibuat pada <time datetime="{made.isoformat()}">'
        f"{_date(made)}</time>.</p>",
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
        kind = "Dokumen" if scope.startswith("dokumen ") else "Prosedur"
        name = titles.get(scope) or scope.split(" ", 1)[-1]
        out.append(f'<h2><span class="judul-jenis">{kind}:</span> {escape(name)}</h2>')
        out.append("<ul>")
        out += [change_html(c) for c in items]
        out.append("</ul>")
        out.append("</section>")
    out.append('<section class="tanda-tangan" aria-label="Tanda tangan">')
    for signer in signers or (Signer("", ""),):
        nip = f"<p>{escape(signer.nip_label)} {escape(signer.nip)}</p>" if signer.nip else ""
        where = signer.tempat or place
        out.append(
            '<div class="ttd">'
            f'<p>{escape(where) + ", " if where else ""}<span class="isian">&nbsp;</span></p>'
            "<p>Menyetujui perubahan ini,</p>"
            f"<p>{escape(signer.jabatan) or '&nbsp;'}</p>"
            '<p class="ruang"></p>'
            f'<p class="nama">{escape(signer.nama) or "&nbsp;" * 40}</p>'
            f"{nip}</div>"
        )
    out.append("</section>")
    out += ["</main>", "</body>", "</html>", ""]
    return "\n".join(out)


def signers_of(projects, changes: Sequence[Change] = ()) -> tuple[list[Signer], str]:
    """The approving official of each document the ``changes`` touch (all documents when
    none is named) -- its Lembar Pengesahan's 'Menyetujui', else who signs the identity
    page -- as printed, each with the document's place of signing; and the first place."""
    touched = [p for p in projects if any(_touches(c, p.name) for c in changes)]
    signers, place = [], ""
    for project in touched or projects:
        doc = project.dokumen
        pengesahan = getattr(doc, "pengesahan", None)
        tempat = getattr(pengesahan, "tempat", None) or doc.instansi.tempat or ""
        key = getattr(pengesahan, "menyetujui", None) or doc.identitas.disahkan_oleh
        person = project.official(key) if key else None
        if person is not None:
            label = "NI PPPK." if getattr(person, "jenis_nip", "") == "pppk" else "NIP."
            nip = person.nip_formatted if getattr(person, "nip", None) else ""
            signer = Signer(person.jabatan, person.nama, nip, label, tempat)
            if signer not in signers:
                signers.append(signer)
        place = place or tempat
    return signers, place


def _touches(change: Change, name: str) -> bool:
    """Whether ``change`` is in the document folder ``name``: its scope is 'dokumen NAME'
    or 'prosedur NAME/ID' ('prosedur ID' when there is one document: it is in that one)."""
    kind, _, rest = change.scope.partition(" ")
    if kind == "dokumen":
        return rest == name
    return "/" not in rest or rest.split("/", 1)[0] == name


def version_name(label: str, projects) -> str:
    """'data-lama (Tanggal Revisi 01 Desember 2017)': the label without folders, and the
    Tanggal Revisi the SOP prints (one document: its own)."""
    from sopgen.model.dates import format_date
    from sopgen.model.revisions import effective_revision_date

    name = safe_label(label)
    if len(projects) == 1:
        day = effective_revision_date(projects[0])
        if day is not None:
            return f"{name} (Tanggal Revisi {format_date(day)})"
    return name
