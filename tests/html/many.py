"""A handbook of many procedures (copies of the sample's), to check it stays usable."""

from __future__ import annotations

from sopgen.model import Dokumen, Procedure, Project
from tests.html.support import contoh_projects

TOPICS = (
    "Pelayanan Akta Kelahiran",
    "Pengelolaan Surat Masuk",
    "Penyusunan Laporan Keuangan",
    "Pengadaan Barang",
    "Verifikasi Data Penduduk",
)


def many_projects(documents: int = 10, per_document: int = 100) -> list[Project]:
    """``documents`` documents of ``per_document`` procedures each, every procedure a copy
    of the sample's with its own id and title."""
    base = contoh_projects()[0]
    template = next(p for p in base.procedures if p.id == "lakip")
    short = template.data.model_copy(update={"kegiatan": template.data.kegiatan[:2]})
    projects = []
    for d in range(documents):
        procedures = []
        for n in range(per_document):
            pid = f"d{d + 1:02d}-p{n + 1:03d}"
            topic = TOPICS[n % len(TOPICS)]
            data = short.model_copy(update={"judul": f"SOP {topic.upper()} {d + 1}.{n + 1}"})
            procedures.append(
                Procedure(id=pid, path=template.path, data=data, durations=template.durations[:2])
            )
        doc = base.dokumen.model_dump()
        doc["identitas"]["nama"] = f"BIDANG {d + 1}"
        doc["prosedur"] = [p.id for p in procedures]
        doc["keterkaitan"] = []
        projects.append(
            Project(
                root=base.root,
                path=f"{base.path}-{d + 1}",
                dokumen=Dokumen.model_validate(doc),
                procedures=tuple(procedures),
            )
        )
    return projects


PAGES = ("index.html", "prosedur/d05-p050.html", "dokumen/contoh-5.html")


def render_many(out, pages=PAGES):
    """Some pages of a 1000-procedure handbook (10 documents of 100), rendered as
    build_site renders them, with the assets, into ``out``; returns the site context.
    (Writing all 1000 pages would only make the tests slower.)"""
    import shutil

    from sopgen.render.fonts import measure
    from sopgen.render.html.context import html_context
    from sopgen.render.html.site import STATIC_FILES, _pages, make_environment, templates_dir

    site = html_context(many_projects(10, 100), {}, measure)
    env = make_environment()
    for page, template, extra in _pages(site):
        if page.path in pages:
            target = out / page.path
            target.parent.mkdir(parents=True, exist_ok=True)
            html = env.get_template(template).render(site=site, page=page, **extra)
            target.write_text(html, encoding="utf-8")
    (out / "assets").mkdir(parents=True, exist_ok=True)
    for name in STATIC_FILES:
        shutil.copyfile(templates_dir() / "assets" / name, out / "assets" / name)
    return site
