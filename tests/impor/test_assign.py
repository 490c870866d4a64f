"""Labels to exits: as many pairs as can be, then the least total distance."""

from __future__ import annotations

from sopgen.impor.assign import assign


def test_nearest_first_would_leave_an_exit_without_its_label():
    # label 0 is nearest exit 1, but exit 0 has no other label near it: 0-0 and 1-1
    costs = {(0, 0): 13.0, (0, 1): 7.5, (1, 1): 10.1}
    assert assign(costs) == [(0, 0), (1, 1)]


def test_least_total_cost_among_full_matchings():
    costs = {(0, 0): 1.0, (0, 1): 2.0, (1, 0): 2.0, (1, 1): 5.0, (2, 1): 1.0}
    assert assign(costs) == [(0, 0), (2, 1)]


def test_nothing_allowed_nothing_chosen():
    assert assign({}) == []
    assert assign({(3, 9): 4.0}) == [(3, 9)]
