"""Ensembles: seeds × parameter sets of a routes scenario, on a local process pool or on Ray.

Every run is a pure function of (scenario file, parameters, seed), so the pool and a Ray cluster
return the same rows for the same seeds; rows are sorted by run before they are handed back.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

from ima.simulate.journeys import RouteRun, simulate
from ima.simulate.scenario import ScenarioSpec, load_scenario

REPORTERS = ("arrivals", "destinations", "locations", "links")


@dataclass(frozen=True)
class EnsembleRun:
    """One member of an ensemble."""

    run: int
    seed: int
    parameters: Mapping[str, float] = field(default_factory=dict)


@lru_cache(maxsize=8)
def _spec(path: str) -> ScenarioSpec:
    return load_scenario(path)


def report(result: RouteRun, reporter: str) -> pd.DataFrame:
    """The tidy rows a reporter takes from one run (people, not agents)."""
    if reporter == "arrivals":
        return result.monthly_arrivals()
    if reporter == "destinations":
        frame = result.location_frame()
        frame = frame[frame.kind == "destination"]
        last = frame[frame.date == frame.date.max()]
        return last[["location", "country", "people"]].reset_index(drop=True)
    if reporter == "locations":
        return result.location_frame().drop(columns="seed")
    if reporter == "links":
        return result.link_frame().drop(columns="seed")
    raise ValueError(f"unknown reporter {reporter!r}; known: {', '.join(REPORTERS)}")


def run_member(path: str, member: EnsembleRun, reporter: str | tuple[str, ...] = "arrivals"):
    """Run one ensemble member; its rows (one frame per reporter) labelled with run, seed and parameters."""
    spec = _spec(path)
    if member.parameters:
        spec = spec.with_parameters(dict(member.parameters))
    result = simulate(spec, member.seed)
    labels = {"run": member.run, "seed": member.seed, **{f"param_{k}": v for k, v in member.parameters.items()}}
    frames = {}
    for name in (reporter,) if isinstance(reporter, str) else reporter:
        rows = report(result, name)
        frames[name] = rows.assign(**labels)[[*labels, *rows.columns]]
    return frames[reporter] if isinstance(reporter, str) else frames


def members(seeds: Iterable[int], grid: Mapping[str, Iterable[float]] | None = None,
            parameter_sets: Iterable[Mapping[str, float]] | None = None) -> list[EnsembleRun]:
    """Every seed with every parameter set (the product of ``grid``, or the listed sets)."""
    if parameter_sets is None:
        grid = grid or {}
        names = sorted(grid)
        parameter_sets = [dict(zip(names, values, strict=True))
                          for values in itertools.product(*(list(grid[n]) for n in names))]
    out: list[EnsembleRun] = []
    for params in parameter_sets:
        for seed in seeds:
            out.append(EnsembleRun(len(out), int(seed), dict(params)))
    return out


def run_ensemble(path: str, runs: list[EnsembleRun], reporter: str | tuple[str, ...] = "arrivals",
                 workers: int | None = None, ray_address: str | None = None,
                 on_done: Callable[[int], None] | None = None):
    """All runs' rows in run order: one frame, or a dict of frames when ``reporter`` is a tuple.

    ``ray_address``: 'local' starts a local Ray instance, anything else goes to ``ray.init(address=...)``.
    """
    path = str(path)
    _spec(path)  # fail early, in this process, on a bad scenario
    for name in (reporter,) if isinstance(reporter, str) else reporter:
        if name not in REPORTERS:
            raise ValueError(f"unknown reporter {name!r}; known: {', '.join(REPORTERS)}")
    if ray_address is not None:
        frames = _run_on_ray(path, runs, reporter, ray_address, on_done)
    elif workers == 1 or len(runs) == 1:
        frames = []
        for member in runs:
            frames.append(run_member(path, member, reporter))
            if on_done:
                on_done(1)
    else:
        frames = _run_on_pool(path, runs, reporter, workers or os.cpu_count() or 1, on_done)
    if isinstance(reporter, str):
        return _in_run_order(frames)
    return {name: _in_run_order([f[name] for f in frames]) for name in reporter}


def _in_run_order(frames: list[pd.DataFrame]) -> pd.DataFrame:
    if not frames:
        return pd.DataFrame()
    return pd.concat(frames, ignore_index=True).sort_values("run", kind="stable").reset_index(drop=True)


def _run_on_pool(path, runs, reporter, workers, on_done) -> list[pd.DataFrame]:
    frames = []
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(run_member, path, member, reporter) for member in runs]
        try:
            for future in as_completed(futures):
                frames.append(future.result())
                if on_done:
                    on_done(1)
        except BaseException:
            for future in futures:
                future.cancel()
            raise
    return frames


def _run_on_ray(path, runs, reporter, address, on_done) -> list[pd.DataFrame]:
    import ray

    if not ray.is_initialized():
        if address == "local":
            ray.init(include_dashboard=False, log_to_driver=False)
        else:
            ray.init(address=address, log_to_driver=False)
    remote = ray.remote(run_member)
    pending = [remote.remote(path, member, reporter) for member in runs]
    frames = []
    try:
        while pending:
            done, pending = ray.wait(pending, num_returns=1)
            frames.extend(ray.get(done))
            if on_done:
                on_done(len(done))
    except BaseException:
        for ref in pending:
            ray.cancel(ref)
        raise
    return frames
