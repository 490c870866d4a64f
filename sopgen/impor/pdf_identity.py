"""The identity page (stub)."""

from __future__ import annotations

from sopgen.impor import ir


def read_identity(pages, geoms, first_top):
    return ir.Identity(), ()
