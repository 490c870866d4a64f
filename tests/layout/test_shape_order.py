"""The shapes of an arrow are made and priced lazily (shapes.Shapes._priced): a pair of
ends, then a group of its shapes, only once a bound under their estimates comes first.
That order must be the full sort of every shape by (estimate, order made): a bound
above one of its shapes would route that arrow differently. Checked on every arrow of
procedures with decisions looping back, joint steps and full-width boxes (walls)."""

import pytest

from sopgen.layout import layout_procedure
from sopgen.layout import shapes as shapes_module
from sopgen.layout.tracks import vertical
from tests.layout.builders import fake_measure
from tests.layout.test_regressions import HERE, load

EXAMPLES = ["one_lane_four_loops", "decision_on_a_split_meeting"]


def every_shape_sorted(shapes, pairs, joined):
    """Every shape of every pair priced, then sorted: what the lazy order must give."""
    g = shapes.g
    out = []
    for p, (_, _, s_nodes, sp, t_nodes, tp) in enumerate(pairs):
        base = shapes.lengths(s_nodes) + sp.cost + shapes.lengths(t_nodes) + tp.cost
        if t_nodes[0] in joined:
            base -= g.costs.cross
        groups = shapes._groups(s_nodes[-1], sp.dir, t_nodes[0], tp.dir)
        for k, (_, corners) in enumerate(groups):
            made = corners() if callable(corners) else corners
            for m, c in enumerate(made):
                est, fixed = shapes._estimate(c, vertical(sp.dir), vertical(tp.dir), base)
                out.append(((est, p, k, m), c, fixed, sp, tp))
    out.sort(key=lambda shape: shape[0])
    return [(key[0], c, fixed, sp, tp) for key, c, fixed, sp, tp in out]


@pytest.mark.parametrize("name", EXAMPLES)
def test_lazy_order_is_the_full_sort(name, monkeypatch):
    lazy = shapes_module.Shapes._priced
    compared = []

    def checked(self, pairs, joined):
        got = [(e[0], e[2], e[3], e[5], e[7]) for e in lazy(self, pairs, joined)]
        assert got == every_shape_sorted(self, pairs, joined)
        compared.append(len(got))
        yield from lazy(self, pairs, joined)

    monkeypatch.setattr(shapes_module.Shapes, "_priced", checked)
    proc, style = load(HERE / f"{name}.json")
    layout_procedure(proc, "x", style, fake_measure)
    assert len(compared) > 10 and sum(compared) > 1000
