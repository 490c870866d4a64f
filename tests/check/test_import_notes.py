"""A '# impor: ...' note the importer left in a file is a warning at its line until an
officer deletes it, also when the file's parse and checks come from the cache."""

from __future__ import annotations

from tests.conftest import edit

NOTE = (
    "  # impor: label keluar keputusan 'Teknis' dan 'Administratif': mana yang Ya tidak\n"
    "  #   pasti: periksa ya/tidak\n"
)
HINT = (
    "    cara memperbaiki: bandingkan tempat ini dengan dokumen aslinya, betulkan isinya bila "
    "perlu, lalu hapus catatan '# impor:' itu"
)


def _notes(output: str) -> list[str]:
    lines = output.splitlines()
    return [line + "\n" + lines[i + 1] for i, line in enumerate(lines) if "catatan impor" in line]


def test_notes_left_by_the_importer_are_warnings_at_their_lines(workdir, cli):
    lakip = workdir / "data/sekretariat/lakip.yaml"
    line = lakip.read_text(encoding="utf-8").splitlines().index("kegiatan:") + 2
    edit(lakip, "kegiatan:\n", "kegiatan:\n" + NOTE)
    dokumen = workdir / "data/sekretariat/dokumen.yaml"
    at = dokumen.read_text(encoding="utf-8").splitlines().index("instansi:") + 2
    edit(dokumen, "instansi:\n", "instansi:\n  # impor: ditebak\n")
    expected = [
        f"data/sekretariat/dokumen.yaml:{at}:3: peringatan: catatan impor belum ditinjau: ditebak\n"
        + HINT,
        f"data/sekretariat/lakip.yaml:{line}:3: peringatan: catatan impor belum ditinjau: "
        "label keluar keputusan 'Teknis' dan 'Administratif': mana yang Ya tidak pasti: "
        "periksa ya/tidak\n" + HINT,
    ]
    for _ in range(2):  # the second time from the kept parses and checks
        result = cli("check", "data", "output", "-j", "1")
        assert result.exit_code == 0, result.output
        assert _notes(result.output) == expected

    edit(lakip, NOTE, "")
    result = cli("check", "data", "output", "-j", "1")
    assert _notes(result.output) == expected[:1]
