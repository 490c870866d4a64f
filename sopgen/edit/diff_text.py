"""The changes as lines of text for the terminal: changed words as [-lama-]{+baru+},
coloured when the terminal shows colours."""

from __future__ import annotations

from collections.abc import Sequence

import click

from sopgen.edit.changes import Change, word_diff


def _plain(kind: str, text: str) -> str:
    if kind == "delete":
        return click.style(f"[-{text}-]", fg="red")
    if kind == "insert":
        return click.style(f"{{+{text}+}}", fg="green")
    return text


def change_text(change: Change) -> str:
    """One line; changed words as [-lama-]{+baru+} (coloured on a terminal)."""
    if change.words and change.old is not None and change.new is not None:
        body = " ".join(_plain(k, t) for k, t in word_diff(change.old, change.new))
    elif change.old is not None and change.new is not None:
        old = click.style(change.old, fg="red")
        body = f"{old} -> {click.style(change.new, fg='green')}"
    else:
        body = change.new if change.new is not None else change.old
    if change.field and body is not None:
        body = f"{change.field} {body}"
    if change.note:
        body = f"{body} {change.note}"
    sep = " " if change.whole else ": "
    head = f"{change.scope}{sep}{change.head}"
    return f"{head}: {body}" if body is not None else head


def render_text(changes: Sequence[Change]) -> str:
    if not changes:
        return "tidak ada perubahan"
    return "\n".join([change_text(c) for c in changes] + [f"{len(changes)} perubahan."])
