"""Run a routes scenario for one seed and hand back tidy results."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pandas as pd

from ima.simulate.lever_schedules import build_schedules
from ima.simulate.journeys.kernel import run_kernel
from ima.simulate.scenario.departures import daily_departures, round_cumulative
from ima.simulate.scenario.network import RouteNetwork, build_network
from ima.simulate.scenario.spec import ScenarioSpec


@dataclass(frozen=True)
class RouteRun:
    """One seed's daily results, in agents (multiply by ``scale`` for people)."""

    spec: ScenarioSpec
    network: RouteNetwork
    seed: int
    counts: np.ndarray       # [day, location] at the end of the day
    flows: np.ndarray        # [day, link] arrivals over the link that day
    returned: np.ndarray     # [day, location] returned home from there (interceptions and returns)
    resettled: np.ndarray    # [day, resettlement lever]
    travelling: np.ndarray   # [day] agents on a link at the end of the day
    spawned: np.ndarray      # [day] agents that departed from origins
    created: np.ndarray      # [day] resettled people who were not in the model before

    @property
    def dates(self) -> list[date]:
        """The simulated days."""
        return [self.spec.start + timedelta(days=t) for t in range(self.spec.days)]

    def location_frame(self) -> pd.DataFrame:
        """Tidy daily counts: seed, date, location, kind, country, people."""
        days, n_loc = self.counts.shape
        return pd.DataFrame({
            "seed": self.seed,
            "date": np.repeat(pd.to_datetime(self.dates), n_loc),
            "location": np.tile(np.array(self.network.names, dtype=object), days),
            "kind": np.tile(np.array(self.network.kinds, dtype=object), days),
            "country": np.tile(np.array(self.network.countries, dtype=object), days),
            "people": (self.counts.reshape(-1) * self.spec.scale),
        })

    def link_frame(self) -> pd.DataFrame:
        """Tidy daily flows over links with any traffic: seed, date, source, target, people."""
        names = self.network.link_names
        used = np.flatnonzero(self.flows.sum(axis=0))
        days = self.flows.shape[0]
        return pd.DataFrame({
            "seed": self.seed,
            "date": np.repeat(pd.to_datetime(self.dates), len(used)),
            "source": np.tile(np.array([names[k][0] for k in used], dtype=object), days),
            "target": np.tile(np.array([names[k][1] for k in used], dtype=object), days),
            "people": self.flows[:, used].reshape(-1) * self.spec.scale,
        })

    def entry_arrivals(self) -> pd.DataFrame:
        """Daily arrivals per observed series (entry country), in people: date, series, route, people."""
        rows = {}
        for k, t in enumerate(self.network.link_target):
            series = self.network.series[t]
            if series is not None:
                rows.setdefault((series, self.network.routes[t]), np.zeros(self.flows.shape[0]))
                rows[(series, self.network.routes[t])] += self.flows[:, k]
        dates = pd.to_datetime(self.dates)
        frames = [pd.DataFrame({"date": dates, "series": s, "route": r, "people": v * self.spec.scale})
                  for (s, r), v in sorted(rows.items())]
        if not frames:
            return pd.DataFrame(columns=["date", "series", "route", "people"])
        return pd.concat(frames, ignore_index=True)

    def monthly_arrivals(self) -> pd.DataFrame:
        """Arrivals per month and series: month (YYYY-MM), series, route, people."""
        daily = self.entry_arrivals()
        daily["month"] = daily.date.dt.strftime("%Y-%m")
        return daily.groupby(["month", "series", "route"], as_index=False).people.sum()

    def conserved(self) -> bool:
        """Every day: departed + created = at locations + travelling + returned (cumulative)."""
        left = np.cumsum(self.spawned + self.created)
        right = self.counts.sum(axis=1) + self.travelling + np.cumsum(self.returned.sum(axis=1))
        return bool(np.array_equal(left, right))


def simulate(spec: ScenarioSpec, seed: int) -> RouteRun:
    """Run the scenario once; identical ``seed`` gives identical results."""
    network = build_network(spec)
    sched = build_schedules(spec, network)
    spawn = round_cumulative(daily_departures(spec, network) * sched.spawn_factor / spec.scale)
    capacity = int(2 * spawn.sum() + sched.resettle_quota.sum() + 16)
    rng = np.random.default_rng(seed)
    counts, flows, returned, resettled, travelling, created = run_kernel(
        rng, spawn, network.move_chance, sched.move_factor, network.out_start, network.link_source,
        network.link_target, network.link_days, network.link_weight, sched.link_open, network.is_sink,
        sched.intercept_return, sched.intercept_hold, sched.return_p, sched.right_to_stay, sched.resettle_quota,
        sched.resettle_active, sched.resettle_source, sched.resettle_cdf, sched.resettle_match,
        sched.resettle_cap, capacity)
    return RouteRun(spec=spec, network=network, seed=seed, counts=counts, flows=flows, returned=returned,
                    resettled=resettled, travelling=travelling, spawned=spawn.sum(axis=1), created=created)
