"""One-to-one assignment of small sets (printed labels to the exits they name).

``assign`` takes the allowed pairs with their costs and returns the pairs of a matching
that pairs as many as possible and, among those, has the least total cost (the Hungarian
method on a square matrix, a forbidden pair costing more than any sum of allowed ones).
A greedy choice, nearest pair first, can give a label to the wrong exit and leave the
right one without any. Written here rather than taken from SciPy
(``linear_sum_assignment``): a few labels per page do not warrant a dependency of that size.
"""

from __future__ import annotations

import math


def assign(costs: dict[tuple[int, int], float]) -> list[tuple[int, int]]:
    """The chosen (left, right) pairs, sorted, from ``{(left, right): cost}``."""
    if not costs:
        return []
    lefts = sorted({a for a, _b in costs})
    rights = sorted({b for _a, b in costs})
    n = max(len(lefts), len(rights))
    big = (sum(costs.values()) + 1.0) * (n + 1)
    matrix = [
        [
            costs.get((lefts[i], rights[j]), big) if i < len(lefts) and j < len(rights) else big
            for j in range(n)
        ]
        for i in range(n)
    ]
    row_of = _hungarian(matrix)
    out = []
    for j, i in enumerate(row_of):
        if i < len(lefts) and j < len(rights) and (lefts[i], rights[j]) in costs:
            out.append((lefts[i], rights[j]))
    return sorted(out)


def _hungarian(a: list[list[float]]) -> list[int]:
    """For each column of the square cost matrix ``a``, its row in a least-cost perfect
    matching (potentials and augmenting paths, O(n^3))."""
    n = len(a)
    u = [0.0] * (n + 1)
    v = [0.0] * (n + 1)
    p = [0] * (n + 1)  # p[j]: the row (1-based) matched to column j, 0 for none
    way = [0] * (n + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [math.inf] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], math.inf, 0
            for j in range(1, n + 1):
                if used[j]:
                    continue
                cur = a[i0 - 1][j - 1] - u[i0] - v[j]
                if cur < minv[j]:
                    minv[j], way[j] = cur, j0
                if minv[j] < delta:
                    delta, j1 = minv[j], j
            for j in range(n + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    return [p[j] - 1 for j in range(1, n + 1)]
