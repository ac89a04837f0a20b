"""Calibration of a routes scenario on observed monthly arrivals, and its error per route.

The error is Flee's averaged relative difference (ARD) applied per route: for each month,
the summed absolute difference between simulated and observed arrivals over the route's entry
series, divided by the observed total (at least 1); then the mean over the months. Months in
which a series was not reported are left out of that series' sum.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from ima.simulate.journeys import simulate
from ima.simulate.scenario import ScenarioSpec


def observed_arrivals(spec: ScenarioSpec) -> pd.DataFrame:
    """Observed arrivals per month and series (IOM DTM): month, series, route, observed."""
    if spec.arrivals is None:
        raise ValueError(f"scenario {spec.name} has no observed arrivals (data.arrivals)")
    raw = pd.read_csv(spec.arrivals, dtype={"month": str})
    out = raw.rename(columns={"entry": "series", "iom_dtm": "observed"})[["month", "series", "route", "observed"]]
    return out.dropna(subset=["observed"])


def mean_monthly_arrivals(spec: ScenarioSpec, seeds: Sequence[int]) -> pd.DataFrame:
    """Simulated arrivals per month and series, averaged over seeds."""
    frames = [simulate(spec, s).monthly_arrivals() for s in seeds]
    return pd.concat(frames).groupby(["month", "series", "route"], as_index=False).people.mean()


def ard_by_route(simulated: pd.DataFrame, observed: pd.DataFrame, first: date, last: date) -> dict[str, float]:
    """ARD per route over the months from ``first`` to ``last`` (both included)."""
    lo, hi = first.strftime("%Y-%m"), last.strftime("%Y-%m")
    both = observed.merge(simulated, on=["month", "series", "route"], how="left").fillna({"people": 0.0})
    both = both[(both.month >= lo) & (both.month <= hi)]
    both["diff"] = (both.people - both.observed).abs()
    per_month = both.groupby(["route", "month"]).agg(diff=("diff", "sum"), observed=("observed", "sum"))
    per_month["ard"] = per_month["diff"] / per_month.observed.clip(lower=1.0)
    return {route: float(v) for route, v in per_month.groupby(level="route").ard.mean().items()}


@dataclass(frozen=True)
class CalibrationResult:
    """Fitted parameters and the error per route in the fit and hold-out periods."""

    parameters: dict[str, float]
    fit_error: dict[str, float]
    holdout_error: dict[str, float]
    start_error: dict[str, float]
    evaluations: int


def _bounded(x: float, lo: float, hi: float) -> float:
    return lo + (hi - lo) / (1.0 + math.exp(-x))


def _unbounded(v: float, lo: float, hi: float) -> float:
    p = min(max((v - lo) / (hi - lo), 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def calibrate(spec: ScenarioSpec, bounds: dict[str, tuple[float, float]], seeds: Sequence[int] = (1,),
              max_evaluations: int = 120, on_evaluation: Callable[[int, float], None] | None = None
              ) -> CalibrationResult:
    """Fit the named parameters (Nelder–Mead within ``bounds``) on the fit period; score both periods."""
    from scipy.optimize import minimize

    if spec.fit is None or spec.holdout is None:
        raise ValueError(f"scenario {spec.name} has no calibration periods (calibration.fit / holdout)")
    observed = observed_arrivals(spec)
    names = sorted(bounds)
    count = 0

    def params_of(x: np.ndarray) -> dict[str, float]:
        return {n: _bounded(v, *bounds[n]) for n, v in zip(names, x, strict=True)}

    def objective(x: np.ndarray) -> float:
        nonlocal count
        count += 1
        errors = ard_by_route(mean_monthly_arrivals(spec.with_parameters(params_of(x)), seeds), observed, *spec.fit)
        # log1p: a small route with a huge relative error must not drown the others
        value = float(np.mean(np.log1p(list(errors.values()))))
        if on_evaluation:
            on_evaluation(count, value)
        return value

    x0 = np.array([_unbounded(spec.parameters[n], *bounds[n]) for n in names])
    start = ard_by_route(mean_monthly_arrivals(spec, seeds), observed, *spec.fit)
    # a wide first simplex (±1.5 on the logit scale): the pulls are uncertain by factors, not percent
    simplex = np.vstack([x0] + [x0 + 1.5 * np.eye(len(names))[i] * (-1 if x0[i] > 0 else 1) for i in range(len(names))])
    best = minimize(objective, x0, method="Nelder-Mead",
                    options={"maxfev": max_evaluations, "xatol": 1e-2, "fatol": 1e-3, "initial_simplex": simplex})
    fitted = params_of(best.x)
    final = mean_monthly_arrivals(spec.with_parameters(fitted), seeds)
    return CalibrationResult(parameters=fitted, fit_error=ard_by_route(final, observed, *spec.fit),
                             holdout_error=ard_by_route(final, observed, *spec.holdout), start_error=start,
                             evaluations=count)
