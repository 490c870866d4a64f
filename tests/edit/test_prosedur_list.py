"""Appending a procedure id to `prosedur:` edits the text, keeping comments and style."""

from __future__ import annotations

from pathlib import Path

import pytest

from sopgen.edit.new import ScaffoldError, add_to_list

DOC = Path("data/x/dokumen.yaml")
HEAD = "# kepala\npejabat: {}\n"


@pytest.mark.parametrize(
    "before, after",
    [
        pytest.param(
            "prosedur: [lakip, renstra]  # urutan binder\npengaturan: {}\n",
            "prosedur: [lakip, renstra, arsip]  # urutan binder\npengaturan: {}\n",
            id="flow",
        ),
        pytest.param(
            "prosedur: [\n  lakip,\n  renstra,  # akhir\n]\n",
            "prosedur: [\n  lakip,\n  renstra, arsip,  # akhir\n]\n",
            id="flow over lines",
        ),
        pytest.param("prosedur: []\n", "prosedur: [arsip]\n", id="empty flow"),
        pytest.param(
            "prosedur:\n  - lakip   # pertama\n  # renstra dihapus sementara\n  - spm\n\n"
            "# RIWAYAT\nrevisi: []\n",
            "prosedur:\n  - lakip   # pertama\n  # renstra dihapus sementara\n  - spm\n"
            "  - arsip\n\n"
            "# RIWAYAT\nrevisi: []\n",
            id="block",
        ),
        pytest.param(
            "prosedur:\n    - lakip\n    - spm",
            "prosedur:\n    - lakip\n    - spm\n    - arsip",
            id="block, deeper, no final newline",
        ),
        pytest.param(
            "prosedur:\n- lakip\n- spm\n",
            "prosedur:\n- lakip\n- spm\n- arsip\n",
            id="block at column 1",
        ),
        pytest.param("prosedur:\nrevisi: []\n", "prosedur: [arsip]\nrevisi: []\n", id="empty"),
        pytest.param("prosedur: ~  # nanti\n", "prosedur: [arsip]  # nanti\n", id="null"),
        pytest.param("pejabat: {}\n", "pejabat: {}\nprosedur: [arsip]\n", id="no key yet"),
        pytest.param(
            "prosedur:\r\n  - lakip\r\n  - spm\r\nrevisi: []\r\n",
            "prosedur:\r\n  - lakip\r\n  - spm\r\n  - arsip\r\nrevisi: []\r\n",
            id="windows line ends",
        ),
        pytest.param(
            "prosedur: [lakip, arsip]\n", "prosedur: [lakip, arsip]\n", id="already listed"
        ),
    ],
)
def test_add_to_list(before, after):
    assert add_to_list(HEAD + before, "arsip", DOC) == HEAD + after


def test_ids_that_yaml_would_misread_are_quoted():
    assert add_to_list("prosedur: [a]\n", "2024", DOC) == "prosedur: [a, '2024']\n"
    assert add_to_list("prosedur:\n  - a\n", "no", DOC) == "prosedur:\n  - a\n  - 'no'\n"


@pytest.mark.parametrize(
    "text, message",
    [
        (
            "prosedur: lakip\n",
            "'prosedur' di data/x/dokumen.yaml bukan daftar; tambahkan 'arsip' ke daftar "
            "'prosedur' di data/x/dokumen.yaml secara manual",
        ),
        (
            "prosedur: [lakip\n",
            "data/x/dokumen.yaml bukan YAML yang sah, perbaiki dulu (tambahkan 'arsip' ke "
            "daftar 'prosedur' di data/x/dokumen.yaml secara manual)",
        ),
    ],
)
def test_refuses_what_it_cannot_edit_safely(text, message):
    with pytest.raises(ScaffoldError) as caught:
        add_to_list(text, "arsip", DOC)
    assert caught.value.format_message() == message


def test_block_style_in_a_real_document(workdir, cli):
    doc = Path("data/sekretariat/dokumen.yaml")
    text = doc.read_text(encoding="utf-8")
    block = "prosedur:\n  - lakip\n  - renstra\n  - renja   # RENJA\n  - rka\n  - lppd\n  - spm\n"
    text = text.replace("prosedur: [lakip, renstra, renja, rka, lppd, spm]\n", block)
    doc.write_text(text, encoding="utf-8")
    assert cli("new", "prosedur", "arsip", "-q").exit_code == 0
    assert doc.read_text(encoding="utf-8") == text.replace(block, block + "  - arsip\n")
