"""Use cases of route scenarios: run one over seeds, compare two, write tidy tables and plots."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ima.simulate.calibration import observed_arrivals
from ima.simulate.ensemble import members, run_ensemble
from ima.simulate.scenario import load_scenario, scenario_path


@dataclass(frozen=True)
class RunOutcome:
    """What ``ima simulate run`` produced: per-series and per-destination summaries and the files."""

    scenario: str
    title: str
    seeds: list[int]
    series: list[dict]
    destinations: list[dict]
    files: list[Path] = field(default_factory=list)


@dataclass(frozen=True)
class CompareOutcome:
    """What ``ima simulate compare`` produced: the difference per series with its confidence band."""

    a: str
    b: str
    seeds: list[int]
    rows: list[dict]
    files: list[Path] = field(default_factory=list)


def band(values: pd.DataFrame, keys: list[str], column: str = "people", level: float = 0.95) -> pd.DataFrame:
    """Mean and a ``level`` confidence band (Student t over seeds) of ``column`` per ``keys``."""
    from scipy import stats

    g = values.groupby(keys)[column]
    out = g.agg(mean="mean", sd="std", n="count").reset_index()
    half = stats.t.ppf(0.5 + level / 2, np.maximum(out.n - 1, 1)) * out.sd.fillna(0.0) / np.sqrt(out.n)
    return out.assign(low=out["mean"] - half, high=out["mean"] + half).drop(columns=["sd"])


def _country(series: str) -> str:
    return series.split("-")[0]


def _write_tables(frames: dict[str, pd.DataFrame], out: Path) -> list[Path]:
    files = []
    for name, frame in frames.items():
        frame.to_parquet(out / f"{name}.parquet", index=False)
        frame.to_csv(out / f"{name}.csv.gz", index=False)
        files += [out / f"{name}.parquet", out / f"{name}.csv.gz"]
    return files


def _publish(tmp: Path, out: Path, names: list[Path]) -> list[Path]:
    """Move finished files into ``out`` only at the end, so an interrupted run leaves no half tables."""
    out.mkdir(parents=True, exist_ok=True)
    moved = []
    for f in names:
        target = out / f.name
        shutil.move(str(f), target)
        moved.append(target)
    return moved


def run_scenario(scenario: str, seeds: int, out: Path | None = None, workers: int | None = None,
                 ray_address: str | None = None, first_seed: int = 1, lang: str = "nl",
                 on_done: Callable[[int], None] | None = None) -> RunOutcome:
    """Run a scenario for ``seeds`` seeds; write daily location counts, link flows, monthly arrivals, a plot."""
    if seeds < 1:
        raise ValueError("--seeds must be at least 1")
    path = str(scenario_path(scenario))
    spec = load_scenario(path)
    seed_list = list(range(first_seed, first_seed + seeds))
    frames = run_ensemble(path, members(seed_list), reporter=("arrivals", "locations", "links"),
                          workers=workers, ray_address=ray_address, on_done=on_done)
    arrivals = frames["arrivals"]
    totals = arrivals.groupby(["seed", "series", "route"], as_index=False).people.sum()
    per_series = band(totals, ["series", "route"])
    observed = _observed_or_none(spec)
    series_rows = []
    for r in per_series.itertuples():
        obs = None
        if observed is not None:
            months = set(arrivals.month)
            sel = observed[(observed.series == r.series) & observed.month.isin(months)]
            obs = float(sel.observed.sum()) if len(sel) else None
        series_rows.append({"series": r.series, "country": _country(r.series), "route": r.route,
                            "simulated": round(float(r.mean), 1), "low": round(float(r.low), 1),
                            "high": round(float(r.high), 1), "observed": obs})
    locs = frames["locations"]
    last = locs[(locs.kind == "destination") & (locs.date == locs.date.max())]
    dest = band(last, ["location", "country"]).sort_values("mean", ascending=False)
    dest_rows = [{"destination": r.location, "country": r.country, "people": round(float(r.mean), 1),
                  "low": round(float(r.low), 1), "high": round(float(r.high), 1)} for r in dest.itertuples()]
    files: list[Path] = []
    if out is not None:
        from ima.report.route_charts import arrivals_chart, save_chart

        with tempfile.TemporaryDirectory(prefix="ima-run-") as tmp_name:
            tmp = Path(tmp_name)
            written = _write_tables({"locations": locs, "links": frames["links"], "arrivals_monthly": arrivals}, tmp)
            bands = band(arrivals, ["month", "series"])
            bands["low"] = bands["low"].clip(lower=0.0)  # a count's band does not go below zero
            obs = observed[observed.month.isin(set(arrivals.month))] if observed is not None else None
            written += save_chart(arrivals_chart(bands, obs, lang), tmp / "arrivals")
            files = _publish(tmp, out, written)
    return RunOutcome(spec.name, spec.title, seed_list, series_rows, dest_rows, files)


def _observed_or_none(spec) -> pd.DataFrame | None:
    return observed_arrivals(spec) if spec.arrivals is not None else None


def compare_scenarios(a: str, b: str, seeds: int, out: Path | None = None, workers: int | None = None,
                      ray_address: str | None = None, first_seed: int = 1, lang: str = "nl",
                      on_done: Callable[[int], None] | None = None) -> CompareOutcome:
    """Run A and B on the same seeds and report B − A per entry series, with a 95% band across seeds."""
    if seeds < 1:
        raise ValueError("--seeds must be at least 1")
    paths = [str(scenario_path(x)) for x in (a, b)]
    specs = [load_scenario(p) for p in paths]
    if (specs[0].start, specs[0].end) != (specs[1].start, specs[1].end):
        raise ValueError(f"the scenarios cover different periods ({specs[0].start}..{specs[0].end} and "
                         f"{specs[1].start}..{specs[1].end}); compare scenarios over the same period")
    seed_list = list(range(first_seed, first_seed + seeds))
    runs = [run_ensemble(p, members(seed_list), workers=workers, ray_address=ray_address, on_done=on_done)
            for p in paths]
    keys = ["seed", "month", "series", "route"]
    both = runs[0].merge(runs[1], on=keys, how="outer", suffixes=("_a", "_b")).fillna({"people_a": 0, "people_b": 0})
    both["people"] = both.people_b - both.people_a
    totals = both.groupby(["seed", "series", "route"], as_index=False)[["people_a", "people_b", "people"]].sum()
    diff = band(totals, ["series", "route"])
    means = totals.groupby(["series", "route"])[["people_a", "people_b"]].mean()
    rows = []
    for r in diff.itertuples():
        ma, mb = means.loc[(r.series, r.route)]
        rows.append({"series": r.series, "country": _country(r.series), "route": r.route,
                     "a": round(float(ma), 1), "b": round(float(mb), 1), "difference": round(float(r.mean), 1),
                     "low": round(float(r.low), 1), "high": round(float(r.high), 1),
                     "relative": round(float(r.mean / ma), 4) if ma else None})
    files: list[Path] = []
    if out is not None:
        from ima.report.route_charts import difference_chart, save_chart

        with tempfile.TemporaryDirectory(prefix="ima-compare-") as tmp_name:
            tmp = Path(tmp_name)
            monthly = band(both, ["month", "series"])
            written = _write_tables({"comparison_monthly": both}, tmp)
            pd.DataFrame(rows).to_csv(tmp / "comparison.csv", index=False)
            written.append(tmp / "comparison.csv")
            written += save_chart(difference_chart(monthly, lang), tmp / "difference")
            files = _publish(tmp, out, written)
    return CompareOutcome(specs[0].name, specs[1].name, seed_list, rows, files)


def run_grid(scenario: str, seeds: int, grid: dict[str, list[float]], reporter: str, out: Path | None = None,
             workers: int | None = None, ray_address: str | None = None, first_seed: int = 1,
             on_done: Callable[[int], None] | None = None) -> tuple[pd.DataFrame, list[Path]]:
    """Seeds × parameter grid: the tidy rows, written as Parquet and CSV when ``out`` is given."""
    if seeds < 1:
        raise ValueError("--seeds must be at least 1")
    path = str(scenario_path(scenario))
    load_scenario(path).with_parameters({k: v[0] for k, v in grid.items()})  # unknown names fail here
    rows = run_ensemble(path, members(range(first_seed, first_seed + seeds), grid=grid), reporter=reporter,
                        workers=workers, ray_address=ray_address, on_done=on_done)
    files: list[Path] = []
    if out is not None:
        with tempfile.TemporaryDirectory(prefix="ima-ensemble-") as tmp_name:
            files = _publish(Path(tmp_name), out, _write_tables({"ensemble": rows}, Path(tmp_name)))
    return rows, files
