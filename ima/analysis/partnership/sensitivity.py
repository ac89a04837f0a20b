"""How the package ranking moves when the effect judgements move within their judged ranges.

Each draw puts every usable instrument's effect anywhere in its [low, high] range (uniformly:
the ranges are ordinal judgements, no distribution is known), re-scores every allowed package
and ranks them. Reported per shown package: how often it comes first, how often it stays in the
top N, and the range of ranks it takes (5th–95th percentile). One numpy matrix product per run.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ima.analysis.partnership.packages import (
    SCORE_DECIMALS,
    PackageResult,
    check_weights,
    cost_vector,
    enumerate_packages,
    incidence,
)

DEFAULT_DRAWS = 500


@dataclass(frozen=True, slots=True)
class RankStability:
    """One package's ranks over the draws."""

    instruments: tuple[str, ...]
    rank: int  # with the expected (middle) judgements
    share_first: float  # share of draws in which it ranks first
    share_top: float  # share of draws in which it stays within the top N
    rank_low: int  # 5th percentile of its rank (best typical)
    rank_high: int  # 95th percentile of its rank (worst typical)


@dataclass(frozen=True, slots=True)
class SensitivityResult:
    """The sweep: draws, seed and the stability of each shown package."""

    draws: int
    seed: int
    top: int
    stable_first: float  # share of draws in which the first package stays first
    packages: tuple[RankStability, ...]


def sweep_effects(result: PackageResult, *, draws: int = DEFAULT_DRAWS, seed: int = 0) -> SensitivityResult:
    """Perturb the effect judgements within their ranges; report how stable the shown ranking is."""
    if draws < 1:
        raise ValueError(f"draws must be at least 1, not {draws}")
    usable, settings = result.usable, result.settings
    top = len(result.packages)
    if not result.packages:
        return SensitivityResult(draws, seed, settings.top, 0.0, ())
    weights = check_weights(settings.weights)
    combos = enumerate_packages(usable, settings.mode, settings.max_size)
    position = {tuple(usable[i].id for i in c): n for n, c in enumerate(combos)}
    matrix = incidence(combos, len(usable))
    low = np.array([result.judgements[i.id].low for i in usable], dtype=float)
    high = np.array([result.judgements[i.id].high for i in usable], dtype=float)
    rng = np.random.default_rng(seed)
    effects = low + (high - low) * rng.random((draws, len(usable)))
    # ties go to the smaller package, then to the enumeration order (ids), as in the ranking itself
    sizes = matrix.sum(axis=1)
    scores = weights["effect"] * effects @ matrix.T - (matrix @ cost_vector(usable, weights))[None, :]
    scores = np.round(scores, SCORE_DECIMALS) - 1e-9 * sizes[None, :]
    order = np.argsort(-scores, axis=1, kind="stable")
    ranks = np.empty_like(order)
    rows = np.arange(draws)[:, None]
    ranks[rows, order] = np.arange(1, len(combos) + 1)[None, :]
    shown = []
    for package in result.packages:
        column = ranks[:, position[package.instruments]]
        shown.append(RankStability(package.instruments, package.rank, float(np.mean(column == 1)),
                                   float(np.mean(column <= top)), int(np.percentile(column, 5)),
                                   int(np.percentile(column, 95))))
    return SensitivityResult(draws, seed, top, shown[0].share_first, tuple(shown))
