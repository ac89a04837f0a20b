"""Departures per origin and day: from the vendored Frontex table, or listed in the scenario."""

from __future__ import annotations

import calendar
from datetime import date
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from ima.simulate.scenario.network import RouteNetwork
from ima.simulate.scenario.spec import ScenarioSpec


@lru_cache(maxsize=4)
def _table(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype={"month": str, "route": str, "nat": str, "n": np.int64})


def origin_of_nationality(spec: ScenarioSpec) -> tuple[dict[str, str], dict[str, str]]:
    """Which origin takes a nationality, and which takes the rest of a route."""
    by_nat: dict[str, str] = {}
    by_route: dict[str, str] = {}
    for loc in spec.locations:
        for nat in loc.nationalities:
            by_nat[nat] = loc.name
        for route in loc.rest_of:
            by_route[route] = loc.name
    return by_nat, by_route


def daily_departures(spec: ScenarioSpec, network: RouteNetwork) -> np.ndarray:
    """Persons departing per day ([day, location]; non-zero only at origins), before levers and scale."""
    out = np.zeros((spec.days, len(network.names)))
    if spec.departures is not None:
        _add_table(out, spec, network)
    for origin, points in spec.spawn.items():
        col = network.index(origin)
        for when, n in points:
            t = (when - spec.start).days
            if 0 <= t < spec.days:
                out[t, col] += n
    if spec.demand_hold is not None:
        _hold_demand(out, spec, network)
    return out


def _add_table(out: np.ndarray, spec: ScenarioSpec, network: RouteNetwork) -> None:
    table = _table(spec.departures)
    first, last = spec.start.strftime("%Y-%m"), spec.end.strftime("%Y-%m")
    table = table[(table.month >= first) & (table.month <= last)]
    by_nat, by_route = origin_of_nationality(spec)
    origin = table.nat.map(by_nat).fillna(table.route.map(by_route))
    monthly = table.assign(origin=origin).dropna(subset=["origin"]).groupby(["month", "origin"]).n.sum()
    for (month, name), n in monthly.items():
        year, mon = int(month[:4]), int(month[5:7])
        length = calendar.monthrange(year, mon)[1]
        a = max(0, (date(year, mon, 1) - spec.start).days)
        b = min(spec.days, (date(year, mon, length) - spec.start).days + 1)
        if b > a:
            out[a:b, network.index(name)] += n / length


def _hold_demand(out: np.ndarray, spec: ScenarioSpec, network: RouteNetwork) -> None:
    hold = spec.demand_hold
    a = max(0, (hold.reference[0] - spec.start).days)
    b = min(spec.days, (hold.reference[1] - spec.start).days + 1)
    s = max(0, (hold.start - spec.start).days)
    if b <= a:
        raise ValueError(f"demand reference {hold.reference[0]}..{hold.reference[1]} is outside the period")
    cols = [network.index(o) for o in hold.origins] or list(range(out.shape[1]))
    out[s:, cols] = out[a:b, cols].mean(axis=0)


def round_cumulative(expected: np.ndarray) -> np.ndarray:
    """Whole agents per day whose running total never drifts more than one from the expected total."""
    cum = np.floor(np.cumsum(expected, axis=0) + 1e-9)
    counts = np.diff(cum, axis=0, prepend=np.zeros((1,) + expected.shape[1:]))
    return counts.astype(np.int32)
