"""The HTML handbook: a static, offline site built from the same layout as the PDF.

``build_site(projects, out_dir)`` writes ``out_dir/html/``:

- ``index.html``: the agency, its document(s), every procedure with executors and time;
- ``dokumen/<nama>.html``: the identity page and the Lembar Pengesahan;
- ``prosedur/<id>.html``: flowchart (inline SVG), step table, time chart, related SOPs;
- ``pelaksana/index.html`` and ``pelaksana/<jabatan>.html``: who does what;
- ``search-index.js``, ``assets/`` (CSS, JS, Liberation Sans);
- ``pdf/``: the binder and one PDF per procedure (given ``pdfs``, as ``sopgen html`` and
  ``sopgen serve`` build it with ``build.build_handbook``), so the download links work
  wherever the folder goes.

Every link stays inside the folder. Nothing is fetched at run time, so the site works
from file:// and from any static server.
The site is written into a temporary folder next to the target and swapped into place:
a failed build never leaves half a site. A build with a cache keeps the procedure pages
between builds (pages.py).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

import sopgen
from sopgen import files
from sopgen.check.logo import inspect_logo
from sopgen.errors import RenderError
from sopgen.files import staged_folder
from sopgen.layout.geometry import ProcedureLayout
from sopgen.layout.style import PAPER, Style
from sopgen.memo import long_lived
from sopgen.model import Project
from sopgen.render.fonts import FONT_DIR, FONT_LICENSE, FONTS
from sopgen.render.html.context import SiteContext, html_context
from sopgen.render.html.pages import PageStore, ProcedurePages
from sopgen.render.html.search import search_index_js
from sopgen.render.html.views import Link
from sopgen.render.markup import clean_text

FONT_FILES = tuple(filename for _, filename in FONTS.values()) + (FONT_LICENSE,)
STATIC_FILES = (
    "style.css",
    "theme.js",
    "site.js",
    "favicon.svg",
    "search.js",
    "minisearch.js",  # MiniSearch, the version in package.json (a test checks)
    "minisearch-LICENSE.txt",
)

Layouts = Mapping[tuple[str, str], ProcedureLayout]


def templates_dir() -> Path:
    """The top-level ``templates/`` of a source checkout, else the one inside the package."""
    package = Path(sopgen.__file__).resolve().parent
    for candidate in (package.parent / "templates", package / "templates"):
        if (candidate / "base.html").is_file():
            return candidate
    raise RenderError(
        f"templat buku panduan tidak ditemukan (dicari di {package.parent / 'templates'} "
        f"dan {package / 'templates'}); pasang ulang sopgen"
    )


def _finalize(value: object) -> object:
    """Every ``{{ value }}``: None prints nothing, plain strings lose unsafe characters
    (autoescaping then escapes them); Markup was made safe by markup.py."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        return clean_text(value)
    return value


def make_environment(folder: Path | None = None) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(folder or templates_dir())),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals["side_list"] = SideList()
    return env


class SideList:
    """The sidebar's list of a document's procedures (base.html), one line per
    procedure as the template would print it::

              <li><a href="{root}{url}"[ aria-current="page"]>{judul}</a></li>

    Every page shows it, so a document of 1000 procedures printed it a million times
    over; the lines are made once per list and folder depth, and a page only marks its
    own."""

    def __init__(self):
        self._made: dict[tuple[int, str], tuple] = {}

    def __call__(self, procedures, page) -> Markup:
        key = (id(procedures), page.root)
        made = self._made.get(key)
        if made is None or made[0] is not procedures:  # (an id reused: made again)
            root = _text(page.root)
            starts = [f'      <li><a href="{root}{_text(p.url)}"' for p in procedures]
            ends = [f"{_text(p.judul)}</a></li>\n" for p in procedures]
            lines = [f"{a}>{b}" for a, b in zip(starts, ends, strict=True)]
            at: dict[str, list[int]] = {}  # (two entries of one url: both marked)
            for k, p in enumerate(procedures):
                at.setdefault(p.url, []).append(k)
            made = self._made[key] = (procedures, starts, ends, lines, at)
        _, starts, ends, lines, at = made
        marked = at.get(page.path)
        if marked is None:
            return Markup("".join(lines))
        out = list(lines)
        for k in marked:
            out[k] = f'{starts[k]} aria-current="page">{ends[k]}'
        return Markup("".join(out))


def _text(value: object) -> str:
    """``{{ value }}`` as the templates print it (finalized, then escaped)."""
    return str(escape(_finalize(value)))


def compute_layouts(projects: Sequence[Project], measure) -> Layouts:
    """The flowchart geometry of every procedure, as the PDF lays it out (same style from
    the same settings, same font metrics): printed from the handbook."""
    from sopgen.render.common import layout_project, make_style

    layouts: Layouts = {}
    for project in projects:
        for proc, layout in layout_project(project, make_style(project), measure):
            layouts[(project.name, proc.id)] = layout
    return layouts


@dataclass(frozen=True)
class ScreenStyle(Style):
    """The PDF's style on a page as tall as needed: the same layout engine then draws
    each flowchart as one continuous diagram (no page break, no off-page connector)."""

    height: float = 0.0

    @property
    def page_size(self) -> tuple[float, float]:
        return (PAPER[self.paper][0], self.height)


def screen_style(style: Style, pages: int) -> ScreenStyle:
    """``style`` with a page ``pages`` paper pages tall: room for every row at once (the
    drawing is cropped to what is drawn)."""
    fields = {f.name: getattr(style, f.name) for f in dataclasses.fields(Style)}
    return ScreenStyle(**fields, height=style.page_size[1] * max(pages, 1))


def compute_screen_layouts(projects: Sequence[Project], paged: Layouts, measure) -> Layouts:
    """One continuous layout per procedure, for the screen (see ScreenStyle)."""
    from sopgen.layout import LayoutTooTall, layout_procedure
    from sopgen.render.common import make_style

    screens: Layouts = {}
    for project in projects:
        style = make_style(project)
        for proc in project.procedures:
            pages = paged.get((project.name, proc.id))
            if pages is None:
                continue
            if len(pages.pages) == 1:
                screens[(project.name, proc.id)] = pages  # already one piece
                continue
            tall = screen_style(style, len(pages.pages))
            try:
                layout = layout_procedure(proc, project.procedure_nomor(proc), tall, measure)
            except LayoutTooTall:  # cannot happen (each row fits a paper page); keep pages
                continue
            if len(layout.pages) == 1:
                screens[(project.name, proc.id)] = layout
    return screens


@dataclass(frozen=True)
class PageInfo:
    """Per-page values for the base template: where the site root is, which nav item,
    the breadcrumb (parents, then ``name``), previous/next, the page's document."""

    path: str  # relative to html/, e.g. "prosedur/lakip.html"
    title: str
    nav: str  # "beranda", "dokumen", "prosedur", "pelaksana", "cari", "404"
    name: str = ""  # what the breadcrumb calls this page
    crumbs: tuple[Link, ...] = ()  # the pages above it, from Beranda down
    prev: Link | None = None
    next: Link | None = None
    document: str | None = None  # URL of the document this page belongs to

    @property
    def root(self) -> str:
        return "../" * self.path.count("/")


def _pages(site: SiteContext):
    """(PageInfo, template, extra context) for every page, in a fixed order."""
    home = Link("Beranda", "index.html")
    yield PageInfo("index.html", site.title, "beranda"), "index.html", {}
    yield (
        PageInfo("cari.html", "Hasil pencarian", "cari", "Hasil pencarian", (home,)),
        "cari.html",
        {},
    )
    yield (
        PageInfo("404.html", "Halaman tidak ditemukan", "404", "Halaman tidak ditemukan", (home,)),
        "404.html",
        {},
    )
    # documents and their procedures in one reading order: previous/next follow it
    order: list[tuple[Link, str, str, dict]] = []
    for doc in site.documents:
        order.append((Link(f"Dokumen SOP {doc.nama}", doc.url), "dokumen", doc.url, {"doc": doc}))
        for proc in doc.procedures:
            order.append((Link(proc.judul, proc.url), "prosedur", doc.url, {"proc": proc}))
    for i, (link, kind, doc_url, extra) in enumerate(order):
        prev = order[i - 1][0] if i > 0 else None
        nxt = order[i + 1][0] if i + 1 < len(order) else None
        if kind == "dokumen":
            doc = extra["doc"]
            info = PageInfo(link.url, link.text, "dokumen", doc.nama, (home,), prev, nxt, doc_url)
        else:
            proc = extra["proc"]
            crumbs = (home, Link(proc.document.text, doc_url))
            info = PageInfo(
                link.url, proc.judul, "prosedur", proc.judul, crumbs, prev, nxt, doc_url
            )
        yield info, f"{kind}.html", extra
    who = Link("Siapa mengerjakan apa", "pelaksana/index.html")
    yield (
        PageInfo(who.url, who.text, "pelaksana", who.text, (home,)),
        "pelaksana_index.html",
        {},
    )
    executors = site.executors
    for i, ex in enumerate(executors):
        prev = Link(executors[i - 1].name, executors[i - 1].url) if i > 0 else None
        nxt = Link(executors[i + 1].name, executors[i + 1].url) if i + 1 < len(executors) else None
        yield (
            PageInfo(
                ex.url,
                f"{ex.name}: langkah yang dikerjakan",
                "pelaksana",
                ex.name,
                (home, who),
                prev,
                nxt,
            ),
            "pelaksana.html",
            {"executor": ex},
        )


def _write_text(path: Path, text: str, target: Path) -> None:
    files.write_new(path, text.encode("utf-8"), target)


def write_site(
    site: SiteContext,
    target: Path,
    env: jinja2.Environment,
    procedures: ProcedurePages,
    spread=None,
) -> None:
    """Write every page and asset of ``site`` into the (empty) folder ``target``; the
    procedure pages (with their drawings) and the executors' pages come from
    ``procedures``, maybe from a cache; ``spread``: see ``ProcedurePages.write``."""
    pages = list(_pages(site))
    own = [(page, extra["proc"]) for page, _, extra in pages if "proc" in extra]
    procedures.write(own, target, spread)
    for page, template, extra in pages:
        if "proc" in extra:
            continue
        if "executor" in extra:
            procedures.write_executor(page, extra["executor"], target)
            continue
        html = env.get_template(template).render(site=site, page=page, **extra)
        _write_text(target / page.path, html, target)
    _write_text(target / "search-index.js", search_index_js(site, procedures.search), target)

    assets = target / "assets"
    source = Path(env.loader.searchpath[0]) / "assets"  # type: ignore[union-attr]
    for name in STATIC_FILES:
        files.write_new(assets / name, (source / name).read_bytes(), target)
    for name in FONT_FILES:
        files.write_new(assets / "fonts" / name, (FONT_DIR / name).read_bytes(), target)
    for asset, logo in sorted(site.logos.items()):
        # read through the file gate and the logo's checks: what check accepted, no other
        files.write_new(assets / asset, inspect_logo(Path(logo)).data, target)


def build_site(
    projects: Project | Sequence[Project],
    out_dir: Path,
    *,
    layouts: Layouts | None = None,
    measure=None,
    pdfs: Callable[[Project, Path], object] | None = None,
    screen_layouts: Layouts | None = None,
    store: PageStore | None = None,
    spread=None,
) -> Path:
    """Build the handbook into ``out_dir/html/``; returns the path of its index.html.

    ``layouts`` maps (project name, procedure id) to the procedure's geometry; by default
    it is computed with the same layout and font metrics as the PDF (printed from the
    page), and ``screen_layouts`` with a page tall enough for all rows (shown on screen;
    without it the screen shows the paged flowchart). ``measure`` defaults
    to ``sopgen.render.fonts.measure`` (Liberation Sans, as the PDF). ``pdfs(project,
    folder)``: writes a project's PDFs into ``folder/pdf/`` (``render.pdf.binder.build_pdfs``,
    passed in by ``sopgen.build``: the handbook does not import the PDF renderer); the
    pages then link them. Without it the pages carry no PDF link. ``store``: keeps the
    procedure pages between builds (``PageStore``); a layout is then read only for a
    page not found in it. ``spread``: renders the procedure pages on other processes
    (``ProcedurePages.write``).
    """
    if isinstance(projects, Project):
        projects = [projects]
    projects = list(projects)
    out_dir = Path(out_dir)
    if measure is None:
        from sopgen.render.fonts import measure
    if layouts is None:
        layouts = compute_layouts(projects, measure)
        if screen_layouts is None:
            screen_layouts = compute_screen_layouts(projects, layouts, measure)
    with_pdf = pdfs is not None
    with long_lived():  # the views of every procedure live until the site is written
        site = html_context(projects, {}, measure, with_pdf=with_pdf, figures=False, views=store)
        env = make_environment()
        procedures = ProcedurePages(
            projects, site, env, layouts, screen_layouts or {}, measure, store
        )

    final = out_dir / "html"
    # the whole handbook appears at once, or the old one stays (files.staged_folder)
    with staged_folder(final, root=out_dir) as built, long_lived():
        write_site(site, built, env, procedures, spread)
        if pdfs is not None:
            for project in projects:
                pdfs(project, built)  # -> built/pdf/*.pdf
    return final / "index.html"
