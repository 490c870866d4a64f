"""The Halaman Judul (cover, docs/format.md §5): logo, "STANDAR OPERASIONAL PROSEDUR", the
document's title, then at the foot the agency and unit, the address and the year.

One flowable fills the upright frame: the title block hangs from the top, the agency
block stands on the bottom, so the page looks the same with a long or a short title, and
holds its shape without a logo.
"""

from __future__ import annotations

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Paragraph

from sopgen.model import Project
from sopgen.model.revisions import in_force
from sopgen.render.fonts import BOLD, REGULAR
from sopgen.render.pdf.front import LINE, balanced, plain
from sopgen.render.pdf.logo import logo as project_logo

LOGO_BOX = 4.2 * cm
HEADING = "STANDAR OPERASIONAL PROSEDUR"


def _style(name: str, size: float, bold: bool = True, after: float = 0) -> ParagraphStyle:
    return ParagraphStyle(
        name,
        fontName=BOLD if bold else REGULAR,
        fontSize=size,
        leading=size * 1.25,
        alignment=TA_CENTER,
        spaceAfter=after,
    )


STYLES = {
    "heading": _style("cover-heading", 20, after=6),
    "title": _style("cover-title", 16),
    "agency": _style("cover-agency", 13),
    "unit": _style("cover-unit", 12),
    "address": _style("cover-address", 10, bold=False),
    "year": _style("cover-year", 14),
}


def cover_year(project: Project) -> int:
    """``tahun`` in dokumen.yaml, else the year of the Tanggal Efektif in force."""
    return project.dokumen.tahun or in_force(project).tanggal_efektif.year


class Cover(Flowable):
    def __init__(self, project: Project):
        super().__init__()
        self.project = project

    def wrap(self, availWidth, availHeight):
        self.width, self.height = availWidth, availHeight
        return availWidth, availHeight

    def _para(self, text: str, style: str, balance: bool = True) -> Paragraph:
        s = STYLES[style]
        return Paragraph(balanced(text, s, self.width * 0.8) if balance else text, s)

    def draw(self):
        c, w = self.canv, self.width
        d = self.project.dokumen
        ins = d.instansi
        y = self.height - 1.5 * cm
        logo = project_logo(self.project, LOGO_BOX, LOGO_BOX)
        if logo is not None:
            logo.canv = c
            logo.drawOn(c, (w - logo.width) / 2, y - logo.height)
        y -= LOGO_BOX + 1.6 * cm  # the same place for the heading with or without a logo
        y = self._stack(y, [self._para(HEADING, "heading")])
        c.setLineWidth(LINE * 2)
        c.line(w * 0.2, y, w * 0.8, y)
        y -= 0.9 * cm
        self._stack(y, [self._para(d.identitas.nama.upper(), "title")])

        bottom = [self._para(ins.pemerintah.upper(), "agency")]
        bottom.append(self._para(ins.dinas.upper(), "agency"))
        if ins.unit:
            bottom.append(self._para(ins.unit.upper(), "unit"))
        if ins.alamat:
            lines = [plain(line) for line in ins.alamat.strip().splitlines() if line.strip()]
            bottom.append(self._para("<br/>".join(lines), "address", balance=False))
        bottom.append(self._para(f"TAHUN {cover_year(self.project)}", "year"))
        heights = [p.wrap(w, self.height)[1] for p in bottom]
        gaps = [0.25 * cm] * (len(bottom) - 1)
        if ins.alamat:
            gaps[-2] = 0.35 * cm  # after the agency lines
        gaps[-1] = 0.6 * cm  # before the year
        self._stack(sum(heights) + sum(gaps) + 0.5 * cm, bottom, gaps)

    def _stack(self, top: float, paragraphs: list, gaps: list[float] | None = None) -> float:
        """Draw paragraphs downwards from ``top``; return the y under the last one."""
        y = top
        for i, para in enumerate(paragraphs):
            _, h = para.wrap(self.width, self.height)
            para.drawOn(self.canv, 0, y - h)
            y -= h + (gaps[i] if gaps and i < len(gaps) else para.style.spaceAfter)
        return y


def cover_story(project: Project) -> list:
    return [Cover(project)]
