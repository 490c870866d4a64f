"""Lists printed in a table cell (Kelengkapan, Output, an activity with its items).

Two or more lines of a cell that start with a number ("1." "2)" "a.") or a bullet are a
list: the text keeps one line per item, bullets written "- ", which is the Markdown of
sopgen's text fields (a list after a line of text included). Word's Symbol and Wingdings
bullets come out of a PDF as private-use characters, or as an unmapped glyph "(cid:N)".
Any other cell is joined into one line as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable

ITEM = re.compile(
    r"^(?:(\d{1,2}[.)]|[a-z][.)])|[-\u2013\u2022\u25cf\u25aa\u25a0\u25e6\u2023\u2219*"
    r"\uf0b7\uf0a7\uf0d8\uf076\uf0fc]|\(cid:\d+\))\s*(?=\S)"
)


def with_lists(texts: list[str], join: Callable[[list[str]], str]) -> str:
    """``texts`` (a cell's lines) as one text: ``join`` of them all, or, for a list, of
    the lines before it and of each item's lines, one per line."""
    marks = [i for i, t in enumerate(texts) if ITEM.match(t.strip())]
    if len(marks) < 2:
        return join(texts)
    groups = [texts[: marks[0]]] if marks[0] else []
    groups += [texts[a:b] for a, b in zip(marks, marks[1:] + [len(texts)], strict=True)]
    out = []
    for g in groups:
        t = join([x.strip() for x in g])
        m = ITEM.match(t)
        if m:
            t = f"{m.group(1) or '-'} {t[m.end() :]}"
        out.append(t)
    return "\n".join(t for t in out if t)
