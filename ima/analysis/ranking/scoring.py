"""Normalisation and aggregation: pure numpy on a (countries × criteria) matrix.

Every normalised column is oriented so that higher means more relevant, which is what
both aggregation methods and the dominance guarantee rely on: a country at least as
good on every criterion never scores lower (weighted sum with non-negative weights;
TOPSIS because its distance to the ideal shrinks and to the anti-ideal grows).
"""

from __future__ import annotations

import numpy as np


def transform(column: np.ndarray, how: str) -> np.ndarray:
    """``log``: log(1 + x) for skewed counts (negatives clipped to 0); ``none``: as is."""
    if how == "log":
        return np.log1p(np.clip(column, 0.0, None))
    return column.astype(float)


def average_ranks(x: np.ndarray) -> np.ndarray:
    """0-based ranks, ties sharing their average rank (scipy's ``rankdata`` − 1, without importing scipy)."""
    order = np.argsort(x, kind="stable")
    ordered = x[order]
    bounds = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1], True])
    out = np.empty(x.size)
    out[order] = np.repeat((bounds[:-1] + bounds[1:] - 1) / 2.0, np.diff(bounds))
    return out


def normalise(column: np.ndarray, how: str, direction: str = "benefit") -> np.ndarray:
    """Scale one column of present values. ``minmax`` → [0, 1]; ``rank`` → average rank scaled to
    [0, 1]; ``zscore`` → (x − mean) / sd. A constant column is 0 everywhere (it tells nothing apart).
    ``cost`` criteria are flipped first so that higher is always better."""
    x = -column if direction == "cost" else column.astype(float)
    if x.size == 0:
        return x
    if how == "rank":
        return average_ranks(x) / (x.size - 1) if x.size > 1 else np.zeros_like(x)
    if how == "zscore":
        sd = x.std()
        return (x - x.mean()) / sd if sd > 0 else np.zeros_like(x)
    low, high = x.min(), x.max()
    return (x - low) / (high - low) if high > low else np.zeros_like(x)


def weighted_sum(matrix: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Scores of n countries: ``matrix`` (n × c) times weights (c, or s × c for s weight samples → n × s)."""
    return matrix @ np.asarray(weights).T


def topsis(matrix: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """TOPSIS closeness to the ideal (1 = best on every criterion) on an already normalised, benefit-
    oriented matrix. ``weights`` is (c,) or (s × c) for s samples (→ n × s). Vectorised: with
    w ≥ 0 the weighted ideal is w·max, so squared distances are (x − max)² @ w²."""
    w2 = np.square(np.asarray(weights)).T
    to_best = np.sqrt(np.square(matrix - matrix.max(axis=0)) @ w2)
    to_worst = np.sqrt(np.square(matrix - matrix.min(axis=0)) @ w2)
    total = to_best + to_worst
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(total > 0, to_worst / np.where(total > 0, total, 1.0), 0.0)


def aggregate(matrix: np.ndarray, weights: np.ndarray, method: str) -> np.ndarray:
    """Scores by ``weighted`` sum or ``topsis``."""
    return topsis(matrix, weights) if method == "topsis" else weighted_sum(matrix, weights)


def ranks_of(scores: np.ndarray) -> np.ndarray:
    """Rank 1 = highest score, per column (n × s) or for one vector; ties broken by row order
    (callers sort rows by ISO3 first, so the result does not depend on input order)."""
    order = np.argsort(-scores, axis=0, kind="stable")
    ranks = np.empty_like(order)
    positions = np.arange(1, scores.shape[0] + 1).reshape((-1,) + (1,) * (scores.ndim - 1))
    np.put_along_axis(ranks, order, np.broadcast_to(positions, order.shape), axis=0)
    return ranks


def dirichlet_weights(weights: np.ndarray, concentration: float, samples: int, seed: int) -> np.ndarray:
    """``samples`` weight vectors around ``weights`` (Dirichlet with α = concentration × w; zero
    weights stay zero), one per row."""
    rng = np.random.default_rng(seed)
    out = np.zeros((samples, weights.size))
    live = weights > 0
    out[:, live] = rng.dirichlet(concentration * weights[live] / weights[live].sum(), size=samples)
    return out


def rank_quantile(counts: np.ndarray, q: float) -> np.ndarray:
    """Per row of a (countries × ranks) histogram, the smallest rank r with P(rank ≤ r) ≥ q
    (the nearest-rank quantile: always a rank some sample actually gave)."""
    cdf = np.cumsum(counts, axis=1)
    need = np.ceil(q * cdf[:, -1:] - 1e-9)
    return np.argmax(cdf >= need, axis=1) + 1


def sensitivity(matrix: np.ndarray, weights: np.ndarray, method: str, *, concentration: float, samples: int,
                seed: int, top: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """P(rank ≤ top) and the 5th and 95th percentile rank (nearest rank) of each country over Dirichlet
    weight samples. Scores are laid out samples × countries so each sample's sort runs over contiguous
    memory; exact ties between identical rows are broken by the sort, not by ISO3."""
    n = matrix.shape[0]
    draws = dirichlet_weights(weights, concentration, samples, seed)
    scores = np.ascontiguousarray(aggregate(matrix, draws, method).T)  # samples × countries
    order = np.argsort(-scores, axis=1)  # order[s, k] = the country at rank k + 1 in sample s
    counts = np.bincount((order * n + np.arange(n)).ravel(), minlength=n * n).reshape(n, n)  # country × rank
    p_top = counts[:, :top].sum(axis=1) / samples
    return p_top, rank_quantile(counts, 0.05), rank_quantile(counts, 0.95)
