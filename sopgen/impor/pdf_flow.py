"""Symbols and arrows of a flowchart table (stub)."""

from __future__ import annotations


def read_flow(part):
    return [], [], []
