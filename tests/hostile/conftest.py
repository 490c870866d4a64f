"""Fixtures shared with the editing commands' tests."""

from tests.edit.conftest import start  # noqa: F401
