"""The pages `sopgen serve` adds to the handbook it serves: the reload script (which
keeps the scroll position), the error page shown while no handbook was built yet, the
banner with the data errors (and their YAML lines) on top of every page of the last
good handbook."""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape
from pathlib import Path

from sopgen.errors import Diagnostic

VERSION_PATH = "/__sopgen/version"
RELOAD_PATH = "/__sopgen/reload.js"

RELOAD_JS = """\
// sopgen serve: memuat ulang halaman setelah data berubah (hanya di pratinjau),
// di posisi gulir yang sama.
(function () {
  var me = document.currentScript;
  var seen = me && me.getAttribute("data-versi");
  var key = "sopgen-gulir:" + location.pathname;
  var saved = null;
  try { saved = sessionStorage.getItem(key); sessionStorage.removeItem(key); } catch (e) {}
  if (saved !== null && !location.hash) {
    var y = Number(saved) || 0;
    var restore = function () { window.scrollTo(0, y); };
    restore();
    if (document.readyState !== "complete") window.addEventListener("load", restore);
  }
  function ask() {
    fetch("__VERSION_PATH__", {cache: "no-store"})
      .then(function (r) { return r.text(); })
      .then(function (now) {
        if (seen !== null && now !== seen) {
          try { sessionStorage.setItem(key, String(window.scrollY)); } catch (e) {}
          location.reload();
          return;
        }
        seen = now;
        setTimeout(ask, 700);
      }, function () { setTimeout(ask, 2000); });
  }
  setTimeout(ask, 700);
})();
""".replace("__VERSION_PATH__", VERSION_PATH)


PAGE_CSS = """
body { font-family: "Liberation Sans", Arial, sans-serif; margin: 0; background: #f4f4f1;
       color: #111; line-height: 1.45; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 2rem 3rem; background: #fff; }
h1 { font-size: 1.4rem; color: #8a1010; }
ol { padding-left: 1.5rem; }
li { margin: .6rem 0; }
code { background: #f0f0ec; padding: 0 .2rem; }
.galat { color: #8a1010; font-weight: bold; }
.peringatan { color: #7a5a00; font-weight: bold; }
.saran { display: block; color: #333; margin-top: .15rem; }
pre { white-space: pre-wrap; background: #f0f0ec; padding: .75rem; }
"""


def _page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{PAGE_CSS}</style>\n</head>\n<body>\n"
        f"<main>\n<h1>{escape(title)}</h1>\n{body}\n</main>\n</body>\n</html>\n"
    )


def _item(d: Diagnostic, word: str, extra: str = "") -> str:
    """One diagnostic as a list item: place, ``word`` (HTML), message, fix, ``extra``."""
    hint = f'<span class="saran">cara memperbaiki: {escape(d.hint)}</span>' if d.hint else ""
    return (
        f"<li><code>{escape(d.file)}:{d.line}:{d.column}</code> "
        f"{word}: {escape(d.message)}{hint}{extra}</li>"
    )


def diagnostics_html(diagnostics: Sequence[Diagnostic]) -> str:
    items = [
        _item(d, f'<span class="{escape(d.severity)}">{escape(d.word)}</span>')
        for d in sorted(diagnostics)
    ]
    body = (
        f"<p>Buku panduan belum dapat dibangun ulang: {len(diagnostics)} kesalahan. "
        "Perbaiki berkas YAML yang disebut di bawah lalu simpan; halaman ini dimuat ulang "
        "sendiri. Buku panduan terakhir yang berhasil dibangun tetap tersimpan.</p>\n"
        f"<ol>\n{chr(10).join(items)}\n</ol>"
    )
    return _page("Data SOP perlu diperbaiki", body)


def message_html(message: str, details: str | None = None) -> str:
    body = f"<pre>{escape(message)}</pre>"
    if details:
        body += f"\n<pre>{escape(details)}</pre>"
    body += (
        "\n<p>Buku panduan terakhir yang berhasil dibangun tetap tersimpan. Halaman ini "
        "dimuat ulang sendiri setelah berkas diperbaiki.</p>"
    )
    return _page("Buku panduan belum dapat dibangun", body)


BANNER_CSS = """
.sopgen-banner { background: #fff4f4; color: #3a0a0a; border-bottom: 4px solid #b00020;
  padding: .75rem 1rem; font: 15px/1.45 "Liberation Sans", Arial, sans-serif; }
.sopgen-banner h2 { font-size: 1.05rem; margin: 0 0 .4rem; color: #8a1010; border: 0; }
.sopgen-banner ol { margin: .2rem 0; padding-left: 1.4rem; }
.sopgen-banner li { margin: .4rem 0; }
.sopgen-banner code { font-family: "Liberation Mono", monospace; }
.sopgen-banner .saran { display: block; }
.sopgen-banner pre { margin: .3rem 0 0; padding: .4rem .5rem; background: #fff; color: #222;
  border: 1px solid #e3b5b5; overflow-x: auto; font-size: 13px; line-height: 1.35; }
.sopgen-banner .baris-salah { background: #ffe0e0; font-weight: bold; }
.sopgen-banner .penanda { color: #b00020; }
.sopgen-banner p { margin: .3rem 0 0; }
"""
EXCERPT_LINES = 2  # lines shown before the offending one (and one after)


def yaml_excerpt(file: str, line: int, column: int) -> str:
    """The offending YAML line with the lines around it, numbered, a caret under the
    column; "" when the file cannot be read."""
    from sopgen import files

    path = Path(file)
    try:  # through the file gate: a FIFO or a huge file named in a message is not read
        raw = files.read_bytes(path, path.parent)
        lines = raw.decode("utf-8-sig").splitlines()
    except (files.OutsideError, OSError, ValueError):
        return ""
    if not 1 <= line <= len(lines):
        return ""
    first, last = max(1, line - EXCERPT_LINES), min(len(lines), line + 1)
    width = len(str(last))
    rows = []
    for n in range(first, last + 1):
        text = escape(lines[n - 1].replace("\t", "    "))
        if n == line:
            rows.append(f'<span class="baris-salah">{n:>{width}} | {text}</span>')
            caret = " " * (width + 3 + max(column - 1, 0)) + "^"
            rows.append(f'<span class="penanda">{caret}</span>')
        else:
            rows.append(f"{n:>{width}} | {text}")
    return "<pre><code>" + "\n".join(rows) + "</code></pre>"


def _banner(title: str, body: str) -> str:
    return (
        f'<style>{BANNER_CSS}</style><div class="sopgen-banner" role="alert">'
        f"<h2>{escape(title)}</h2>{body}<p>Yang tampil di bawah ini adalah buku panduan "
        "terakhir yang berhasil dibangun. Perbaiki berkasnya lalu simpan: halaman ini "
        "dimuat ulang sendiri, di posisi yang sama.</p></div>"
    )


def diagnostics_banner(diagnostics: Sequence[Diagnostic]) -> str:
    """The data errors on top of every page of the last good handbook: each with its
    place, message, how to fix it and the YAML lines it is about."""
    items = [
        _item(d, f"<strong>{escape(d.word)}</strong>", yaml_excerpt(d.file, d.line, d.column))
        for d in sorted(diagnostics)
    ]
    return _banner(
        f"Data SOP perlu diperbaiki: {len(diagnostics)} kesalahan",
        f"<ol>{''.join(items)}</ol>",
    )


def message_banner(message: str) -> str:
    return _banner("Buku panduan belum dapat dibangun ulang", f"<pre>{escape(message)}</pre>")


def inject(html: bytes, version: int, banner: str | None = None) -> bytes:
    """The reload script before the last </body> (or at the end); ``banner`` right after
    the <body> tag."""
    tag = f'<script src="{RELOAD_PATH}" data-versi="{version}"></script>'.encode()
    at = html.lower().rfind(b"</body>")
    html = html + tag if at == -1 else html[:at] + tag + html[at:]
    if banner:
        body = re.search(rb"<body[^>]*>", html, re.I)
        at = body.end() if body else 0
        html = html[:at] + banner.encode() + html[at:]
    return html
