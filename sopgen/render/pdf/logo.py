"""The agency logo as a flowable: PNG and JPEG as images (transparency kept), SVG as
vector drawing (svglib), always scaled into a box with its proportions kept."""

from __future__ import annotations

import io

from reportlab.graphics import renderPDF
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable

from sopgen.check.logo import LogoInfo, LogoProblem, inspect_logo, logo_path
from sopgen.errors import RenderError
from sopgen.model import Project


class Logo(Flowable):
    """The logo, as large as fits ``box_w`` x ``box_h`` points, centred by hAlign."""

    def __init__(self, info: LogoInfo, box_w: float, box_h: float):
        super().__init__()
        self.info = info
        self.scale = min(box_w / info.width, box_h / info.height)
        self.width, self.height = info.width * self.scale, info.height * self.scale
        self.hAlign = "CENTER"

    def wrap(self, availWidth, availHeight):
        return self.width, self.height

    def draw(self):
        data = self.info.data
        if self.info.kind == "svg":
            from svglib.svglib import svg2rlg

            drawing = svg2rlg(io.BytesIO(data))
            if drawing is None or not drawing.width or not drawing.height:
                raise RenderError(f"logo SVG '{self.info.path.name}' tidak dapat digambar")
            sx, sy = self.width / drawing.width, self.height / drawing.height
            drawing.scale(sx, sy)
            drawing.width, drawing.height = self.width, self.height
            renderPDF.draw(drawing, self.canv, 0, 0)
        else:
            self.canv.drawImage(
                ImageReader(io.BytesIO(data)), 0, 0, self.width, self.height, mask="auto"
            )


def logo(project: Project, box_w: float, box_h: float) -> Logo | None:
    """The document's logo fitted into the box, or None when it has none."""
    path = logo_path(project)
    if path is None:
        return None
    try:
        info = inspect_logo(path)
    except LogoProblem as problem:
        raise RenderError(f"instansi.logo: {problem.message}; {problem.hint}") from None
    return Logo(info, box_w, box_h)
