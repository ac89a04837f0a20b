"""Sensitivity of route outcomes to named parameters: Morris elementary effects or Sobol indices (SALib).

Each sample point is one ensemble member run with the same seeds (common random numbers), so the
indices measure the parameters, not the noise between seeds. Outputs are total arrivals per route
over the scenario period, per entry series.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np
import pandas as pd

from ima.simulate.ensemble import members, run_ensemble
from ima.simulate.scenario import load_scenario, scenario_path

METHODS = ("morris", "sobol")


def parameter_bounds(path: str, names: Sequence[str],
                     given: Mapping[str, tuple[float, float]] | None = None) -> dict[str, tuple[float, float]]:
    """Bounds per parameter: as given, else half to one and a half times the scenario's value (chances ≤ 1)."""
    spec = load_scenario(path)
    out = {}
    for name in names:
        if name not in spec.parameters:
            raise ValueError(f"unknown parameter {name!r}; known: {', '.join(sorted(spec.parameters))}")
        if given and name in given:
            lo, hi = given[name]
        else:
            v = spec.parameters[name]
            lo, hi = 0.5 * v, 1.5 * v
            if _is_chance(spec, name):
                hi = min(hi, 1.0)
        if not lo < hi:
            raise ValueError(f"parameter {name}: lower bound {lo} must be below upper bound {hi}")
        out[name] = (float(lo), float(hi))
    return out


def _is_chance(spec, name: str) -> bool:
    return any(loc.move_chance == name for loc in spec.locations)


def sample(method: str, bounds: dict[str, tuple[float, float]], samples: int, seed: int = 1) -> np.ndarray:
    """SALib sample matrix (rows = parameter sets, columns in ``bounds`` order)."""
    problem = _problem(bounds)
    if method == "morris":
        from SALib.sample import morris

        return morris.sample(problem, samples, num_levels=4, seed=seed)
    if method == "sobol":
        from SALib.sample import sobol

        return sobol.sample(problem, samples, calc_second_order=False, seed=seed)
    raise ValueError(f"unknown method {method!r}; known: {', '.join(METHODS)}")


def _problem(bounds: dict[str, tuple[float, float]]) -> dict:
    return {"num_vars": len(bounds), "names": list(bounds), "bounds": [list(b) for b in bounds.values()]}


def sensitivity(scenario: str, method: str, names: Sequence[str], samples: int, seeds: Sequence[int] = (1,),
                bounds: Mapping[str, tuple[float, float]] | None = None, workers: int | None = None,
                ray_address: str | None = None, on_done: Callable[[int], None] | None = None,
                on_total: Callable[[int], None] | None = None) -> pd.DataFrame:
    """Indices per output (total arrivals per entry series) and parameter, as a tidy table.

    Morris: columns output, parameter, mu_star, mu_star_conf, sigma. Sobol: output, parameter, S1,
    S1_conf, ST, ST_conf.
    """
    if not names:
        raise ValueError("name at least one parameter (--params)")
    path = str(scenario_path(scenario))
    full_bounds = parameter_bounds(path, names, bounds)
    x = sample(method, full_bounds, samples)
    runs = members(seeds, parameter_sets=[dict(zip(full_bounds, row, strict=True)) for row in x])
    if on_total:
        on_total(len(runs))
    rows = run_ensemble(path, runs, workers=workers, ray_address=ray_address, on_done=on_done)
    n_sets = len(x)
    per_run = rows.groupby(["run", "series"]).people.sum().unstack(fill_value=0.0)
    per_run = per_run.reindex(range(len(runs)), fill_value=0.0)
    per_set = per_run.groupby(np.arange(len(runs)) // len(seeds)).mean()
    problem = _problem(full_bounds)
    out = []
    for series in per_set.columns:
        y = per_set[series].to_numpy()[:n_sets]
        out += _analyse(method, problem, x, y, f"arrivals_{series}")
    return pd.DataFrame(out)


def _analyse(method: str, problem: dict, x: np.ndarray, y: np.ndarray, output: str) -> list[dict]:
    if method == "morris":
        from SALib.analyze import morris

        res = morris.analyze(problem, x, y, num_levels=4, seed=1)
        return [{"output": output, "parameter": n, "mu_star": float(res["mu_star"][i]),
                 "mu_star_conf": float(res["mu_star_conf"][i]), "sigma": float(res["sigma"][i])}
                for i, n in enumerate(problem["names"])]
    from SALib.analyze import sobol

    res = sobol.analyze(problem, y, calc_second_order=False, seed=1)
    return [{"output": output, "parameter": n, "S1": float(res["S1"][i]), "S1_conf": float(res["S1_conf"][i]),
             "ST": float(res["ST"][i]), "ST_conf": float(res["ST_conf"][i])}
            for i, n in enumerate(problem["names"])]
