"""The EU–Turkey Statement worked example against the observed drop in arrivals to Greece.

Runs ``eu_turkey_baseline`` (no Statement, departures held at their Dec 2015 – Feb 2016 mean)
and ``eu_turkey_statement`` over seeds, for a few daily interception probabilities of the
Turkish coast guard / border levers, and prints arrivals to Greece per month in
April–December 2016 next to the observed ones (IOM DTM). The observed drop is
after (Apr–Dec 2016) / before (Dec 2015 – Feb 2016, the counterfactual's reference window).

    .venv/bin/python bench/eu_turkey.py [--seeds 10]
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from ima.simulate.calibration import observed_arrivals
from ima.simulate.journeys import simulate
from ima.simulate.scenario import load_scenario

BEFORE = ("2015-12", "2016-02")
AFTER = ("2016-04", "2016-12")


def greece_per_month(spec, seeds, window) -> float:
    values = []
    for seed in seeds:
        m = simulate(spec, seed).monthly_arrivals()
        g = m[(m.series == "GRC") & (m.month >= window[0]) & (m.month <= window[1])]
        values.append(g.people.sum() / g.month.nunique())
    return float(np.mean(values))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, default=10)
    args = parser.parse_args()
    seeds = range(1, args.seeds + 1)
    base, deal = load_scenario("eu_turkey_baseline"), load_scenario("eu_turkey_statement")
    obs = observed_arrivals(base)
    g = obs[obs.series == "GRC"].set_index("month").observed
    obs_before = g[BEFORE[0]:BEFORE[1]].mean()
    obs_after = g[AFTER[0]:AFTER[1]].mean()
    started = time.perf_counter()
    sim_before = greece_per_month(base, seeds, BEFORE)
    sim_base_after = greece_per_month(base, seeds, AFTER)
    print(f"observed arrivals to Greece per month: {obs_before:,.0f} (Dec 2015-Feb 2016) -> {obs_after:,.0f} "
          f"(Apr-Dec 2016): {obs_after / obs_before:.3f} of before ({100 * (1 - obs_after / obs_before):.1f}% drop)")
    print(f"simulated without the Statement: {sim_before:,.0f} -> {sim_base_after:,.0f} per month")
    print(f"{'daily interception p':>22} {'with Statement Apr-Dec':>24} {'vs no Statement':>16}")
    for p in (0.05, 0.1, 0.2, 0.5, 0.8):
        after = greece_per_month(deal.with_parameters({"turkey_intercept": p}), seeds, AFTER)
        print(f"{p:22.2f} {after:24,.0f} {after / sim_base_after:16.3f}")
    print(f"shipped YAML (turkey_intercept {deal.parameters['turkey_intercept']}): "
          f"{greece_per_month(deal, seeds, AFTER):,.0f} per month; "
          f"{len(list(seeds))} seeds; {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
