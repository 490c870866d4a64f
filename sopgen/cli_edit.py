"""Commands for revising an SOP: new, serve, diff (registered on the main group)."""

from __future__ import annotations

import click


def register(group: click.Group) -> None:
    """Add the editing commands to the main command group."""
