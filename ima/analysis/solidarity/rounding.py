"""Whole numbers that add up: the largest-remainder (Hamilton) rule."""

from __future__ import annotations

import numpy as np


def largest_remainder(values: np.ndarray, total: int) -> np.ndarray:
    """Round non-negative ``values`` to integers that sum to ``total``.

    Every value is first rounded down; the units still missing go, one each, to the values
    with the largest fractional parts (ties to the lower index, so the result is
    deterministic). ``total`` must lie between the sum of the floors and that sum plus the
    number of values — true whenever ``values`` sums to ``total``.
    """
    values = np.asarray(values, dtype=float)
    floors = np.floor(values + 1e-9)
    missing = int(total - floors.sum())
    if missing < 0 or missing > len(values):
        raise ValueError(f"cannot round {values.sum():.3f} to a total of {total}")
    if missing:
        remainders = values - floors
        order = np.argsort(-remainders, kind="stable")
        floors[order[:missing]] += 1
    return floors.astype(np.int64)


def largest_remainder_rows(values: np.ndarray, totals: np.ndarray) -> np.ndarray:
    """Row-wise :func:`largest_remainder` for a (periods × states) matrix."""
    values = np.asarray(values, dtype=float)
    floors = np.floor(values + 1e-9)
    missing = (np.asarray(totals) - floors.sum(axis=1)).round().astype(np.int64)
    if (missing < 0).any() or (missing > values.shape[1]).any():
        raise ValueError("row totals cannot be reached by rounding")
    order = np.argsort(-(values - floors), axis=1, kind="stable")
    ranks = np.empty_like(order)
    np.put_along_axis(ranks, order, np.arange(values.shape[1])[None, :].repeat(len(values), 0), axis=1)
    return (floors + (ranks < missing[:, None])).astype(np.int64)
