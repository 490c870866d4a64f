"""Helpers for the handbook tests: sample projects, a hostile project, an HTML scanner."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from sopgen.build import load_data
from sopgen.model import Dokumen, Procedure, Project, Prosedur
from sopgen.model.durations import parse_duration
from tests.html.fake_layout import fake_layouts

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"

# Text a hostile (or careless) editor could type into any YAML text field.
HOSTILE = (
    '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'
    " [klik](javascript:window.__pwned=3) [data](data:text/html,x) </textarea>"
    "<svg onload=window.__pwned=4>\"'><iframe src=javascript:window.__pwned=5></iframe>"
    " <a href='javascript:void(0)' onclick=x>a</a> \u202eRLO\u202c \x00\x07 \ufeff"
    " \uff1cscript\uff1e <!-- c --> ]]> {{ 7*7 }} {% raw %} &amp; <style>*{}</style>"
    " *tebal* `kode`"
)


def contoh_projects() -> list[Project]:
    return load_data(FIXTURES)


def contoh_layouts(projects):
    return fake_layouts(projects)


def _h(text: str, tag: str) -> str:
    return f"{text} {tag} {HOSTILE}"


def hostile_projects() -> list[Project]:
    """The sample document with HOSTILE in every text field of the model (officials,
    identity, lists, titles, executors, steps), references kept consistent."""
    projects = []
    for project in contoh_projects():
        doc = project.dokumen.model_dump()
        for key in ("pemerintah", "dinas", "unit", "tempat"):
            doc["instansi"][key] = _h(doc["instansi"][key] or "", key)
        for key in ("nomor", "nama", "label_nama"):
            doc["identitas"][key] = _h(doc["identitas"][key], key)
        lists = ("dasar_hukum", "kualifikasi_pelaksana", "peralatan", "peringatan", "pencatatan")
        for key in lists:
            doc[key] = [_h(t, key) for t in doc[key]] + [HOSTILE]
        for k in doc["keterkaitan"]:
            k["teks"] = _h(k["teks"], "keterkaitan")
        for p in doc["pejabat"].values():
            for key in ("jabatan", "nama", "pangkat", "golongan", "nip"):
                p[key] = _h(p[key] or "", key)
        doc["pengesahan"]["tempat"] = _h("Contoh", "tempat")
        doc["revisi"] = [
            {"nomor": 1, "tanggal": "2017-12-01", "perubahan": HOSTILE, "disetujui_oleh": "kadis"}
        ]
        dokumen = Dokumen.model_validate(doc)

        procedures = []
        for proc in project.procedures:
            data = proc.data.model_dump()
            rename = {n: _h(n, "pelaksana") for n in data["pelaksana"]}
            data["judul"] = _h(data["judul"], "judul")
            data["nomor"] = _h("01/SOP", "nomor")
            data["pelaksana"] = [rename[n] for n in data["pelaksana"]]
            for step in data["kegiatan"]:
                ex = step["pelaksana"]
                step["pelaksana"] = [rename[e] for e in ex] if isinstance(ex, list) else rename[ex]
                for key in ("uraian", "kelengkapan", "output", "keterangan"):
                    step[key] = _h(step[key] or "", key)
                # a Waktu that cannot be parsed is shown as written
                step["waktu"] = _h(step["waktu"] or "", "waktu") if step["id"] else step["waktu"]
            data["revisi"] = [
                {"nomor": 1, "tanggal": "2018-01-15", "perubahan": f"Diubah:\n- {HOSTILE}"},
                {
                    "nomor": 2,
                    "tanggal": "2018-02-01",
                    "perubahan": HOSTILE,
                    "disetujui_oleh": "kadis",
                },
            ]
            prosedur = Prosedur.model_validate(data)
            durations = tuple(
                parse_duration(s.waktu) if s.waktu and s.id is None else None
                for s in prosedur.kegiatan
            )
            procedures.append(
                Procedure(id=proc.id, path=proc.path, data=prosedur, durations=durations)
            )
        projects.append(
            Project(
                root=project.root,
                path=project.path,
                dokumen=dokumen,
                procedures=tuple(procedures),
            )
        )
    return projects


class Scanner(HTMLParser):
    """Every start tag with its attributes, and the text, of one HTML document."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def scan(path: Path) -> Scanner:
    scanner = Scanner()
    scanner.feed(path.read_text(encoding="utf-8"))
    scanner.close()
    return scanner


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))
