"""Calibrate the routes-to-Europe scenario on 2015–2019 and evaluate it on 2020–2024 (no refit).

Prints the fitted parameters and the averaged relative difference (ARD) per route for both
periods, next to the uncalibrated start values and a naive peer (each month's arrivals equal to
the same month of the previous year, per series); writes ``bench/results/routes_calibration.json``.

    .venv/bin/python bench/routes_calibration.py [--evaluations 150] [--seeds 2]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import pandas as pd

from ima.simulate.calibration import ard_by_route, calibrate, mean_monthly_arrivals, observed_arrivals
from ima.simulate.scenario import load_scenario

BOUNDS = {"pull_CMR": (0.01, 20.0), "pull_WMR": (0.01, 20.0), "pull_WAR": (0.0005, 20.0),
          "pull_land": (0.01, 20.0), "pull_CYP": (0.0005, 5.0), "pull_MLT": (0.0005, 5.0),
          "cross_CMR": (0.005, 0.5)}
OUT = Path(__file__).resolve().parent / "results" / "routes_calibration.json"


def naive_previous_year(observed: pd.DataFrame) -> pd.DataFrame:
    """The peer: arrivals this month = arrivals in the same month a year earlier."""
    prev = observed.copy()
    prev["month"] = (pd.to_datetime(prev.month) + pd.DateOffset(years=1)).dt.strftime("%Y-%m")
    return prev.rename(columns={"observed": "people"})[["month", "series", "route", "people"]]


def source_agreement(spec) -> None:
    """How far the two observation sources (UNHCR against IOM DTM, 2014–2019) differ, as an ARD per series."""
    raw = pd.read_csv(spec.arrivals, dtype={"month": str}).dropna(subset=["iom_dtm", "unhcr"])
    raw = raw[(raw.month >= "2015-01") & (raw.month <= "2019-11")]
    for series, g in raw.groupby("entry"):
        ard = ((g.unhcr - g.iom_dtm).abs() / g.iom_dtm.clip(lower=1)).mean()
        print(f"UNHCR vs IOM DTM, {series}: ARD {ard:.3f} over {len(g)} months "
              f"(totals {g.unhcr.sum():,.0f} vs {g.iom_dtm.sum():,.0f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--evaluations", type=int, default=150)
    parser.add_argument("--seeds", type=int, default=2)
    parser.add_argument("--sources-only", action="store_true", help="only compare UNHCR with IOM DTM")
    args = parser.parse_args()
    spec = load_scenario("routes_to_europe")
    source_agreement(spec)
    if args.sources_only:
        return
    seeds = list(range(1, args.seeds + 1))
    started = time.perf_counter()
    result = calibrate(spec, BOUNDS, seeds=seeds, max_evaluations=args.evaluations,
                       on_evaluation=lambda n, v: print(f"  evaluation {n}: objective {v:.4f}", flush=True))
    seconds = time.perf_counter() - started
    observed = observed_arrivals(spec)
    naive = naive_previous_year(observed)
    check_seeds = list(range(101, 111))
    final = mean_monthly_arrivals(spec.with_parameters(result.parameters), check_seeds)
    table = {
        "fitted_parameters": result.parameters,
        "evaluations": result.evaluations, "seconds": round(seconds, 1), "fit_seeds": seeds,
        "ard_uncalibrated_fit": result.start_error,
        "ard_fit_2015_2019": ard_by_route(final, observed, *spec.fit),
        "ard_holdout_2020_2024": ard_by_route(final, observed, *spec.holdout),
        "ard_naive_fit_2015_2019": ard_by_route(naive, observed, *spec.fit),
        "ard_naive_holdout_2020_2024": ard_by_route(naive, observed, *spec.holdout),
        "check_seeds": check_seeds,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(table, indent=2), encoding="utf-8")
    print(f"fitted in {seconds:.0f} s ({result.evaluations} evaluations × {len(seeds)} seeds)")
    print("parameters:", {k: round(v, 4) for k, v in result.parameters.items()})
    print(f"{'route':6} {'start':>8} {'fit 15-19':>10} {'hold-out 20-24':>15} {'naive fit':>10} {'naive hold-out':>15}")
    for route in sorted(table["ard_fit_2015_2019"]):
        print(f"{route:6} {result.start_error.get(route, float('nan')):8.3f} {table['ard_fit_2015_2019'][route]:10.3f} "
              f"{table['ard_holdout_2020_2024'][route]:15.3f} {table['ard_naive_fit_2015_2019'][route]:10.3f} "
              f"{table['ard_naive_holdout_2020_2024'][route]:15.3f}")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
