"""Which printed exit label of a decision is its negative ('Tidak') one."""

from __future__ import annotations

import pytest

from sopgen.impor.values import is_negative


@pytest.mark.parametrize(
    "label",
    [
        "Tidak",
        "tdk",
        "Belum lengkap",
        "Ditolak",
        "T",
        "N",
        "Revisi",
        "Perbaikan",
        "Dikembalikan",
        "Kembali",
        "Koreksi",
        "Tidak valid",
        "Salah",
    ],
)
def test_negative_exit_labels(label):
    assert is_negative(label)


@pytest.mark.parametrize(
    "label", ["Ya", "Y", "Lengkap", "Sudah benar", "Setuju", "Disetujui", "OK", "Valid", "Sesuai"]
)
def test_positive_exit_labels(label):
    assert not is_negative(label)
