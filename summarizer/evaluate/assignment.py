"""The one-to-one pairing of predicted and gold records: an optimal assignment
(``scipy.optimize.linear_sum_assignment`` when scipy is installed, otherwise an exact Hungarian
algorithm), never greedy; and the counts that come of it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

__all__ = ["Counts", "Matching", "optimal_assignment"]


def _hungarian(cost: list[list[float]]) -> list[tuple[int, int]]:
    """Minimum-cost assignment of every row to a distinct column (rows <= columns)."""
    n, m = len(cost), len(cost[0])
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    p = [0] * (m + 1)
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0 = p[j0]
            delta = inf
            j1 = 0
            for j in range(1, m + 1):
                if used[j]:
                    continue
                cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                if cur < minv[j]:
                    minv[j] = cur
                    way[j] = j0
                if minv[j] < delta:
                    delta = minv[j]
                    j1 = j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    return sorted((p[j] - 1, j - 1) for j in range(1, m + 1) if p[j])


def optimal_assignment(weights: Sequence[Sequence[float]], *, use_scipy: bool = True) -> list[tuple[int, int]]:
    """Maximum-weight one-to-one pairing of rows and columns; pairs of weight <= 0 are never made.

    Uses ``scipy.optimize.linear_sum_assignment`` when scipy is importable (and ``use_scipy``),
    otherwise an exact Hungarian algorithm. Returns ``(row, column)`` pairs sorted by row.
    """
    n = len(weights)
    m = len(weights[0]) if n else 0
    if n == 0 or m == 0:
        return []
    pairs: list[tuple[int, int]]
    solved = False
    if use_scipy:
        try:
            from scipy.optimize import linear_sum_assignment
        except ImportError:
            pass
        else:
            rows, cols = linear_sum_assignment([list(row) for row in weights], maximize=True)
            pairs = [(int(r), int(c)) for r, c in zip(rows, cols, strict=True)]
            solved = True
    if not solved:
        # Weights are non-negative after clipping, so a full assignment of the smaller side
        # that maximises the total, minus its zero-weight pairs, is a maximum-weight matching.
        clipped = [[max(0.0, float(w)) for w in row] for row in weights]
        top = max(max(row) for row in clipped)
        if n <= m:
            pairs = _hungarian([[top - w for w in row] for row in clipped])
        else:
            transposed = [[top - clipped[i][j] for i in range(n)] for j in range(m)]
            pairs = sorted((i, j) for j, i in _hungarian(transposed))
    return sorted((r, c) for r, c in pairs if weights[r][c] > 0)


@dataclass
class Counts:
    """True positives, false positives and false negatives, with the derived metrics.

    Conventions for empty denominators: with nothing to find and nothing predicted,
    precision, recall and F1 are 1.0; otherwise an empty denominator gives 0.0.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        if self.tp + self.fp == 0:
            return 1.0 if self.fn == 0 else 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        if self.tp + self.fn == 0:
            return 1.0 if self.fp == 0 else 0.0
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r > 0 else 0.0


@dataclass
class Matching:
    """The outcome of matching one record type in one article."""

    pairs: list[tuple[int, int]] = field(default_factory=list)
    """(predicted index, gold index) for required gold records: the true positives."""
    optional_pairs: list[tuple[int, int]] = field(default_factory=list)
    """(predicted index, gold index) for optional gold records: neither rewarded nor penalised."""
    unmatched_predicted: list[int] = field(default_factory=list)
    """Predicted indices left unpaired: the false positives."""
    unmatched_gold: list[int] = field(default_factory=list)
    """Required gold indices left unpaired: the false negatives."""

    @property
    def counts(self) -> Counts:
        return Counts(tp=len(self.pairs), fp=len(self.unmatched_predicted), fn=len(self.unmatched_gold))

    @property
    def all_pairs(self) -> list[tuple[int, int]]:
        return sorted(self.pairs + self.optional_pairs)
