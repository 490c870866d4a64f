"""The cache keys of a procedure's layouts, made together, are the ones made alone; they
differ by kind and change with what the procedure prints."""

from __future__ import annotations

from sopgen.build import load_data
from sopgen.build.keys import layout_key, layout_keys
from sopgen.render.common import make_style
from tests.conftest import edit


def test_layout_keys_made_together_are_those_made_alone(workdir):
    project = load_data(workdir / "data")[0]
    style = make_style(project)
    seen = set()
    for proc in project.procedures:
        both = layout_keys(project, proc, style, ("layout", "screen"))
        assert both == (
            layout_key(project, proc, style),
            layout_key(project, proc, style, "screen"),
        )
        seen.update(both)
    assert len(seen) == 2 * len(project.procedures)

    edit(workdir / "data/sekretariat/lakip.yaml", "- uraian: Menghimpun", "- uraian: Segera")
    again = load_data(workdir / "data")[0]
    changed = [
        proc.id
        for proc, old in zip(again.procedures, project.procedures, strict=True)
        if layout_keys(again, proc, style, ("layout",))[0] != layout_key(project, old, style)
    ]
    assert changed == ["lakip"]
