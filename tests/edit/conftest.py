"""Fixtures of the editing commands' tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from sopgen.edit.serve import PreviewServer


@pytest.fixture
def start(workdir):
    servers, said = [], []

    def starter(**options) -> PreviewServer:
        preview = PreviewServer(
            Path("data"),
            Path("output"),
            port=0,
            interval=0.05,
            settle=0.1,
            echo=said.append,
            echo_error=said.append,
            **options,
        )
        preview.start()
        servers.append(preview)
        return preview

    starter.said = said
    yield starter
    for preview in servers:
        preview.stop()
