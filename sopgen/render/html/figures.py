"""The handbook's drawings of a procedure: its flowchart (the PDF's pages, for print,
and one continuous diagram, for the screen) and the time chart. Inline SVG strings made
safe by svg.py (every text escaped), wrapped as Markup."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from markupsafe import Markup

from sopgen.layout.geometry import ProcedureLayout
from sopgen.model import Project
from sopgen.model.durations import format_minutes
from sopgen.render.html.svg import Bar, render_bar_chart, render_svg
from sopgen.render.html.views import Share, StepView

Measure = Callable[[str, str, float], float]


def time_chart(
    proc_id: str, shares: Sequence[Share], total: float, mpd: int, measure: Measure
) -> Markup:
    """Each executor's share of the procedure's total time, as bars ('' without time)."""
    if total <= 0:
        return Markup("")
    bars = [Bar(str(sh.executor.text), sh.minutes, f"{sh.text} ({sh.percent}%)") for sh in shares]
    desc = "; ".join(
        f"{sh.executor.text}: {sh.text}, {sh.percent}% dari jumlah waktu, {sh.steps} langkah"
        for sh in shares
    )
    return Markup(
        render_bar_chart(
            bars,
            scale_max=total,
            title=f"Bagian waktu tiap pelaksana dari jumlah waktu {format_minutes(total, mpd)}",
            desc=desc + ".",
            measure=measure,
            id_prefix=f"grafik-{proc_id}",
        )
    )


def _tips(step_views: Sequence[StepView]) -> dict[int, str]:
    return {
        i: f"{name}: {sv.uraian_text} ({', '.join(str(e.text) for e in sv.executors)})"
        for i, sv in enumerate(step_views)
        for name in (f"Langkah {sv.number}" if sv.number else f"Baris ke-{i + 1}",)
    }


def flowcharts(
    project: Project,
    judul: str,
    step_views: Sequence[StepView],
    layout: ProcedureLayout | None,
    screen: ProcedureLayout | None,
) -> tuple[tuple[Markup, ...], Markup | None]:
    """(the paged flowchart, one SVG per PDF page; the continuous one or None)."""
    from sopgen.render.common import make_style

    style = make_style(project)  # line and arrowhead sizes exactly as in the PDF
    tips = _tips(step_views)
    pages = []
    if layout is not None:
        n_pages = len(layout.pages)
        for k, page in enumerate(layout.pages):
            first, last = (min(page.steps) + 1, max(page.steps) + 1) if page.steps else (0, 0)
            svg = render_svg(
                page,
                title=f"Diagram alir {judul}, halaman {k + 1} dari {n_pages}",
                desc=(
                    f"Langkah {first} sampai {last}: simbol tiap langkah berada di kolom "
                    "pelaksananya. Uraian lengkap ada di tabel langkah."
                ),
                step_titles=tips,
                id_prefix=f"diagram-{k + 1}",
                style=style,
            )
            pages.append(Markup(svg))
    whole = None
    if screen is not None and len(screen.pages) == 1:
        svg = render_svg(
            screen.pages[0],
            title=f"Diagram alir {judul}",
            desc=(
                "Simbol tiap langkah berada di kolom pelaksananya. Pilih simbol untuk "
                "membuka baris langkahnya di tabel."
            ),
            step_titles=tips,
            id_prefix="diagram-layar",
            style=style,
        )
        # its symbols are links (site.js): a group of them, not one image
        whole = Markup(svg.replace(' role="img"', ' role="group"', 1))
    return tuple(pages), whole
