"""Class statistics over plain numbers: mean, Pearson's r, Cronbach's alpha, score histogram.

Plain floats (no numpy, no statistics.pvariance: exact fractions are slow on a big class); the
definitions are in quizgame.results.reports' docstring.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from quizgame.results.report_rows import HistogramBin

MIN_PLAYERS_FOR_DISCRIMINATION = 3
HISTOGRAM_BINS = 10


def mean_of(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def pearson_r(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    n = len(xs)
    if n < MIN_PLAYERS_FOR_DISCRIMINATION:
        return None
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx <= 1e-12 or syy <= 1e-12:
        return None
    return sxy / math.sqrt(sxx * syy)


def pvariance(values: Sequence[float]) -> float:
    """Population variance in plain floats (statistics.pvariance is exact, and slow)."""
    mean = sum(values) / len(values)
    return sum((v - mean) ** 2 for v in values) / len(values)


def cronbach_alpha(matrix: Sequence[Sequence[float]]) -> float | None:
    """Cronbach's alpha of a players × questions score matrix (KR-20 for 0/1 scores)."""
    n = len(matrix)
    k = len(matrix[0]) if matrix else 0
    if n < MIN_PLAYERS_FOR_DISCRIMINATION or k < 2:
        return None
    item_var = sum(pvariance([row[j] for row in matrix]) for j in range(k))
    total_var = pvariance([sum(row) for row in matrix])
    if total_var <= 1e-12:
        return None
    return (k / (k - 1)) * (1 - item_var / total_var)


def histogram(percents: Iterable[float], bins: int = HISTOGRAM_BINS) -> tuple[HistogramBin, ...]:
    """Counts of scores in equal percentage bins; 100 % falls in the last bin."""
    width = 100 // bins
    counts = [0] * bins
    for p in percents:
        i = min(max(int(p // width), 0), bins - 1)
        counts[i] += 1
    return tuple(
        HistogramBin(i * width, 100 if i == bins - 1 else (i + 1) * width, c)
        for i, c in enumerate(counts)
    )
