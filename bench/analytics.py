"""Benchmarks of the country analytics (issue 5), one section per procedure.

Run all sections: ``.venv/bin/python bench/analytics.py``; one: ``.venv/bin/python bench/analytics.py dublin``
(sections: dublin, ranking, real).
Each section prints its figures and a ratio against a peer implementation run in the same process.
Add a section with ``@section("name")`` (the Dublin replay below is one).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SECTIONS: dict[str, Callable[[], None]] = {}


def section(name: str) -> Callable[[Callable[[], None]], Callable[[], None]]:
    """Register a benchmark section under ``name``."""
    def register(func: Callable[[], None]) -> Callable[[], None]:
        SECTIONS[name] = func
        return func
    return register


def best_of(func: Callable[[], object], repeat: int = 5) -> tuple[float, object]:
    """The fastest of ``repeat`` runs in seconds (the machine is shared: the minimum is the least noisy)."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        best = min(best, time.perf_counter() - start)
    return best, result


# --- Dublin IV replay (COM(2016) 270) ------------------------------------------------------------

def naive_replay(received: list[list[int]], key: list[list[float]], trigger: float = 1.5) -> list[list[int]]:
    """The peer: the same mechanism as ``replay_allocation`` (no opt-outs) in plain Python loops,
    one period and one state at a time. Returns the allocations per period and state."""
    out_rows = []
    for row, shares in zip(received, key):
        n, total = len(row), sum(row)
        ref = [shares[i] * total for i in range(n)]
        demand = sum(int(row[i] - trigger * ref[i] + 1e-9) if ref[i] > 0 and row[i] > trigger * ref[i] else 0
                     for i in range(n))
        room = [ref[i] - row[i] if row[i] < ref[i] else 0.0 for i in range(n)]
        alloc, active, remaining = [0.0] * n, [r > 0 for r in room], float(demand)
        while remaining > 1e-9 and any(active):
            weight = sum(shares[i] for i in range(n) if active[i])
            capped = [i for i in range(n) if active[i] and remaining * shares[i] / weight > room[i] - alloc[i] + 1e-9]
            if not capped:
                for i in range(n):
                    if active[i]:
                        alloc[i] += remaining * shares[i] / weight
                remaining = 0.0
                break
            for i in capped:
                remaining -= room[i] - alloc[i]
                alloc[i], active[i] = room[i], False
        whole = [int(a + 1e-9) for a in alloc]
        missing = demand - sum(whole)
        for i in sorted(range(n), key=lambda i: -(alloc[i] - int(alloc[i] + 1e-9)))[:missing]:
            whole[i] += 1
        out_rows.append(whole)
    return out_rows


def monthly_applications(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, tuple[str, ...], tuple[str, ...]]:
    """14 years × 12 months × 27 states: the real yearly figures 2011–2024 split over months with seeded
    noise (no monthly figures per Member State are shipped), and each year's real key."""
    from ima.analysis.solidarity.data import key_for_year, yearly_applicants
    from ima.analysis.solidarity.key import EU27

    years = range(2011, 2025)
    yearly = yearly_applicants()
    rows, keys, months = [], [], []
    for year in years:
        weights = rng.dirichlet(np.full(12, 8.0), size=len(EU27)).T  # month × state, each state's year sums to 1
        totals = np.array([yearly.get((s, year), 0) for s in EU27])
        rows.append(np.floor(weights * totals).astype(np.int64))
        keys.append(np.repeat(key_for_year(year, EU27).vector(EU27)[None, :], 12, axis=0))
        months += [f"{year}-{m:02d}" for m in range(1, 13)]
    return np.vstack(rows), np.vstack(keys), EU27, tuple(months)


@section("dublin")
def bench_dublin() -> None:
    """The replay over 14 years of monthly data for 27 states, numpy against the plain-Python peer."""
    from ima.analysis.solidarity.dublin import replay_allocation
    from ima.analysis.solidarity.history import replay_years

    received, key, states, months = monthly_applications(np.random.default_rng(2016))
    fast, result = best_of(lambda: replay_allocation(received, key, states, months), repeat=20)
    slow, peer = best_of(lambda: naive_replay(received.tolist(), key.tolist()), repeat=10)
    same = np.array_equal(np.array(peer), result.allocated_in)
    yearly, _ = best_of(lambda: replay_years(2011, 2024))
    print(f"dublin replay, {len(months)} months x {len(states)} states (real yearly 2011-2024 split by month, seed 2016)")
    print(f"  numpy replay_allocation: {fast * 1000:.2f} ms (best of 20)")
    print(f"  plain-Python peer:       {slow * 1000:.2f} ms (best of 10); same allocations: {same}")
    print(f"  ratio peer / numpy:      {slow / fast:.1f}x")
    print(f"  relocated in total:      {int(result.relocated_out.sum()):,}; months with a trigger: "
          f"{int(result.triggered.any(axis=1).sum())}")
    print(f"  yearly replay 2011-2024 on the vendored data, key per year included: {yearly * 1000:.2f} ms")


# --- Focus-country ranking sensitivity (Monte Carlo over Dirichlet weights) ----------------------

def naive_sensitivity(matrix: np.ndarray, samples: np.ndarray, top: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The peer: one weight sample at a time (score, sort, rank per sample in a Python loop)."""
    n = matrix.shape[0]
    ranks = np.empty((n, samples.shape[0]), dtype=np.int64)
    for s, weights in enumerate(samples):
        scores = matrix @ weights
        order = sorted(range(n), key=lambda i: -scores[i])  # stable: ties keep row order
        for position, i in enumerate(order, start=1):
            ranks[i, s] = position
    ordered = np.sort(ranks, axis=1)  # nearest-rank quantiles, as the library reports them
    low = ordered[:, int(np.ceil(0.05 * samples.shape[0])) - 1]
    high = ordered[:, int(np.ceil(0.95 * samples.shape[0])) - 1]
    return (ranks <= top).mean(axis=1), low, high


@section("ranking")
def bench_ranking() -> None:
    """200 countries × 30 criteria × 10,000 Dirichlet weight samples: vectorised against a per-sample loop."""
    from ima.analysis.ranking.scoring import dirichlet_weights, normalise, sensitivity

    rng = np.random.default_rng(2019)
    raw = rng.lognormal(mean=5.0, sigma=2.0, size=(200, 30))  # skewed like counts
    matrix = np.column_stack([normalise(np.log1p(raw[:, j]), "minmax") for j in range(30)])
    weights = rng.dirichlet(np.ones(30))
    conc, n_samples, top = 50.0, 10_000, 10
    fast, (p_top, low, high) = best_of(lambda: sensitivity(matrix, weights, "weighted", concentration=conc,
                                                          samples=n_samples, seed=7, top=top), repeat=5)
    topsis, _ = best_of(lambda: sensitivity(matrix, weights, "topsis", concentration=conc, samples=n_samples,
                                            seed=7, top=top), repeat=3)
    draws = dirichlet_weights(weights, conc, n_samples, 7)
    slow, (p_peer, low_peer, high_peer) = best_of(lambda: naive_sensitivity(matrix, draws, top), repeat=1)
    same = np.allclose(p_top, p_peer) and np.array_equal(low, low_peer) and np.array_equal(high, high_peer)
    print(f"ranking sensitivity, 200 countries x 30 criteria x {n_samples:,} Dirichlet samples (seed 2019/7)")
    print(f"  numpy, weighted sum: {fast * 1000:.1f} ms (best of 5)")
    print(f"  numpy, TOPSIS:       {topsis * 1000:.1f} ms (best of 3)")
    print(f"  per-sample loop:     {slow * 1000:.1f} ms (1 run); same P(top {top}) and rank intervals: {same}")
    print(f"  ratio loop / numpy:  {slow / fast:.1f}x")


# --- The same procedures on the real, vendored data ---------------------------------------------

NAMED = ("MAR", "DZA", "TUN", "LBY", "EGY", "TUR", "NER", "MLI", "NGA", "ETH", "SDN", "SOM", "AFG", "IRQ", "JOR",
         "LBN", "SYR", "ERI", "UGA")


@section("real")
def bench_real() -> None:
    """The default focus ranking and the dossier figures on the vendored tables (first call includes
    reading them); peer: the same ranking without the sensitivity run."""
    from ima.analysis import indicators as ind
    from ima.services.country_profile import indicator_lines
    from ima.services.ranking import rank_countries

    start = time.perf_counter()
    first = rank_countries(year=2019, samples=10_000)
    cold = time.perf_counter() - start
    warm, result = best_of(lambda: rank_countries(year=2019, samples=10_000), repeat=3)
    bare, _ = best_of(lambda: rank_countries(year=2019, samples=0), repeat=5)
    topsis, _ = best_of(lambda: rank_countries(year=2024, samples=10_000, method="topsis"), repeat=3)

    def dossiers() -> int:
        return sum(len(indicator_lines(c)) + len(ind.routes_for(c)) + len(ind.refugee_hosts(c)) for c in NAMED)

    figures, lines = best_of(dossiers, repeat=3)
    print(f"real data: default ranking 2019, {len(result.countries)} candidates x "
          f"{len(result.settings.criteria)} criteria, 10,000 samples")
    print(f"  first call (reads the tables): {cold * 1000:.0f} ms; then {warm * 1000:.0f} ms (best of 3)")
    print(f"  without sensitivity:           {bare * 1000:.1f} ms; sensitivity costs {warm / bare:.1f}x the ranking")
    print(f"  TOPSIS 2024, 10,000 samples:   {topsis * 1000:.0f} ms (best of 3)")
    print(f"  dossier figures of the {len(NAMED)} named countries (indicators, trends, routes, hosts): "
          f"{figures * 1000:.0f} ms for {lines} lines; top 2019: {', '.join(c.iso3 for c in first.countries[:5])}")


if __name__ == "__main__":
    wanted = sys.argv[1:] or list(SECTIONS)
    unknown = [w for w in wanted if w not in SECTIONS]
    if unknown:
        sys.exit(f"unknown section(s) {', '.join(unknown)}; known: {', '.join(SECTIONS)}")
    for name in wanted:
        SECTIONS[name]()
