"""``check`` is the gate: whatever passes it builds (binder, per-procedure PDFs and the
handbook), and whatever it refuses is refused with located messages.

A property test: hypothesis generates valid-looking procedures (hostile texts among
ordinary ones: markup, scripts, right-to-left and zero-width text, long words, odd
durations, decisions pointing anywhere) and asserts check-passes implies ``sopgen build``
succeeds, and check-fails implies every error is located (file:line:col) with no
traceback. Fixed seed and few examples by default (cheap); to explore more, set
SOPGEN_PROPERTY_EXAMPLES (e.g. 500) and SOPGEN_PROPERTY_RANDOM=1 (new examples each run).
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from sopgen.cli import main

MINI = Path(__file__).resolve().parent.parent / "fixtures" / "mini"
EXAMPLES = int(os.environ.get("SOPGEN_PROPERTY_EXAMPLES", "20"))
RANDOM = os.environ.get("SOPGEN_PROPERTY_RANDOM") == "1"
LOCATED = re.compile(r"^\S+:\d+:\d+: kesalahan: .+$")

FRAGMENTS = [
    "*a **b* c**",
    "<script>alert(1)</script>",
    "<b>tebal</b> & <i>miring",
    "[tautan](javascript:alert(1))",
    "# bukan judul",
    "1. satu\n2. dua",
    "baris satu\nbaris dua",
    "محضر الاجتماع",
    "מסמך",
    "a\u200bb\u200dc",
    "\u202etulisan terbalik",
    "📄 berkas ✅",
    "漢字かな",
    "{{ x }} {% y %} ${z}",
    "100% & 50 < 60 > 40",
    "\\ \\\\ '",
    "-",
]
LONG = ["Menyusun " + "laporan " * 60, "Penandatanganan" * 12, "x" * 300]
WAKTU = ["5 menit", "1 jam", "2 hari", "1-2 hari", "Semesteran", "", "9" * 40 + " menit",
         "0 menit", "-1 jam", "1,5 jam", "3 minggu", "setiap saat"]  # fmt: skip
words = st.text(
    alphabet=st.characters(categories=["L", "N", "P", "Zs", "S"], codec="utf-8"),
    min_size=1,
    max_size=40,
)
short = st.one_of(st.sampled_from(FRAGMENTS), words)
texts = st.one_of(short, short, short, st.sampled_from(LONG))  # a long text one time in 4


@st.composite
def procedures(draw):
    columns = draw(
        st.lists(texts, min_size=1, max_size=7, unique_by=lambda s: s.strip().casefold())
    )
    count = draw(st.integers(1, 8))
    steps = []
    for row in range(count):
        step = {"uraian": draw(texts)}
        if len(columns) > 1 and draw(st.integers(0, 4)) == 0:
            step["pelaksana"] = draw(
                st.lists(st.sampled_from(columns), min_size=2, max_size=2, unique=True)
            )
        else:
            step["pelaksana"] = draw(st.sampled_from(columns))
        for key in ("kelengkapan", "output"):
            if draw(st.booleans()):
                step[key] = draw(texts)
        if draw(st.booleans()):
            step["waktu"] = draw(st.sampled_from(WAKTU))
        if draw(st.integers(0, 5)) == 0:
            step["keterangan"] = draw(texts)
        if draw(st.integers(0, 5)) == 0:
            step["teks"] = draw(texts)
        if draw(st.integers(0, 6)) == 0:
            step["nomor"] = draw(st.sampled_from([str(row + 1) + "a", "", 99, "-"]))
        if 0 < row < count - 1 and draw(st.integers(0, 3)) == 0:
            # on to the next step, or back to an earlier one: every step stays reachable;
            # now and then anywhere (check must then refuse or the build succeed)
            anywhere = draw(st.integers(0, 5)) == 0
            step["keputusan"] = {
                "ya": draw(st.integers(1, count + 1)) if anywhere else row + 2,
                "tidak": draw(st.integers(1, row)),
            }
        steps.append(step)
    procedure = {
        "judul": draw(texts),
        "nomor": draw(st.sampled_from(["01/SOP/2024", "", "x" * 80])),
        "pelaksana": columns,
        "kegiatan": steps,
    }
    if draw(st.integers(0, 3)) == 0:
        procedure["catatan"] = draw(texts)
    if draw(st.integers(0, 4)) == 0:
        procedure["dasar_hukum"] = draw(st.lists(texts, min_size=1, max_size=6))
    return procedure


@st.composite
def documents(draw):
    doc = yaml.safe_load((MINI / "dokumen.yaml").read_text(encoding="utf-8"))
    doc["identitas"]["nama"] = draw(short)
    doc["instansi"]["dinas"] = draw(short)
    doc["dasar_hukum"] = draw(st.lists(texts, min_size=1, max_size=8))
    doc["peringatan"] = draw(st.lists(texts, min_size=1, max_size=4))
    doc["pejabat"]["kepala"]["nama"] = draw(short)
    doc["keterkaitan"] = []
    return doc


def _write(folder: Path, document: dict, procedure: dict) -> None:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for name, data in (("dokumen.yaml", document), ("layanan.yaml", procedure)):
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
        (folder / name).write_text(text, encoding="utf-8")


@settings(
    max_examples=EXAMPLES,
    derandomize=not RANDOM,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(document=documents(), procedure=procedures())
def test_what_passes_check_builds(tmp_path_factory, document, procedure):
    place = tmp_path_factory.mktemp("gate")
    _write(place / "d", document, procedure)
    runner = CliRunner()
    checked = runner.invoke(main, ["check", str(place / "d")], catch_exceptions=True)
    assert checked.exception is None or isinstance(checked.exception, SystemExit), checked.output
    assert "Traceback" not in checked.output
    if checked.exit_code != 0:
        errors = [line for line in checked.output.splitlines() if ": kesalahan: " in line]
        event("check refuses: " + (errors[0].split(": kesalahan: ", 1)[1][:40] if errors else "?"))
        assert errors, checked.output
        assert all(LOCATED.match(line) for line in errors), checked.output
        return
    event("check passes: built")
    built = runner.invoke(
        main,
        ["build", str(place / "d"), str(place / "out"), "-j", "1", "--tanpa-cache", "-q"],
        catch_exceptions=True,
    )
    assert built.exit_code == 0 and built.exception is None, (built.output, built.exception)
    assert (place / "out" / "html" / "index.html").is_file()
    assert (place / "out" / "pdf" / "layanan.pdf").is_file()
