"""Package builder and sensitivity sweep: how long they take, against a plain-Python sweep.

Run: .venv/bin/python bench/partnership.py
"""

from __future__ import annotations

import time

from ima.analysis.partnership.catalogue import catalogue
from ima.analysis.partnership.dossiers import country_profile
from ima.analysis.partnership.packages import (
    PackageSettings,
    build_packages,
    check_weights,
    enumerate_packages,
    rank_order,
)
from ima.analysis.partnership.sensitivity import sweep_effects


def best_of(repeat: int, func):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        out = func()
        times.append(time.perf_counter() - start)
    return min(times), out


def python_sweep(result, draws: int, seed: int = 0) -> float:
    """The same sweep, one draw at a time in plain Python (the peer); returns the top-1 share."""
    import random

    rng = random.Random(seed)
    usable, settings = result.usable, result.settings
    weights = check_weights(settings.weights)
    combos = enumerate_packages(usable, settings.mode, settings.max_size)
    ids = [i.id for i in usable]
    cost = [sum(weights[k] * v for k, v in i.costs.items()) for i in usable]
    first = tuple(usable.index(next(u for u in usable if u.id == x)) for x in result.packages[0].instruments)
    hits = 0
    for _ in range(draws):
        effect = [rng.uniform(result.judgements[i].low, result.judgements[i].high) for i in ids]
        scores = [weights["effect"] * sum(effect[i] for i in c) - sum(cost[i] for i in c) for c in combos]
        hits += combos[rank_order(scores, combos, ids)[0]] == first
    return hits / draws


def main() -> None:
    instruments, profile = catalogue(), country_profile("MAR")
    print("package builder (MAR, objective return, less-for-less, instruments in use included; best of 5)")
    for size in (2, 3, 4, 5):
        settings = PackageSettings("return", "less-for-less", max_size=size, top=10, include_in_use=True)
        seconds, result = best_of(5, lambda s=settings: build_packages(instruments, profile, s))
        print(f"  size ≤ {size}: {result.candidates:5d} allowed packages from {len(result.usable)} usable "
              f"instruments in {seconds * 1000:7.1f} ms")
    settings = PackageSettings("return", "less-for-less", max_size=4, top=5, include_in_use=True)
    result = build_packages(instruments, profile, settings)
    draws = 1000
    fast, sweep = best_of(3, lambda: sweep_effects(result, draws=draws, seed=0))
    slow, share = best_of(1, lambda: python_sweep(result, draws))
    print(f"sensitivity sweep, {result.candidates} packages × {draws} draws:")
    print(f"  numpy (ima):   {fast * 1000:8.1f} ms  top-1 stable in {sweep.stable_first:.1%}")
    print(f"  plain Python:  {slow * 1000:8.1f} ms  top-1 stable in {share:.1%}")
    print(f"  ratio: {slow / fast:.0f}x")


if __name__ == "__main__":
    main()
