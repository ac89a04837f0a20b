"""The simulation engine: a scenario, settings, a seed and levers in; one :class:`DayResult` per day out.

Order of a day follows Flee 3.1's ``run.py``: conflicts, closures, levers, spawning, then the agents
move (pass 1 departures, pass 2 travel), then removals. One ``numpy.random.Generator`` drives the run;
it supplies the spawn draws and a per-day key for the kernels' counter-based random numbers.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numba
import numpy as np

from ima.domain.simulation import Scenario, SimulationSettings
from ima.simulate import kernel
from ima.simulate.agents import Agents
from ima.simulate.controls import DayControls, Lever
from ima.simulate.geography import Geography
from ima.simulate.rng import day_key
from ima.simulate.route_table import enumerate_routes, routes_open

PARALLEL_MIN_AGENTS = 50_000


@dataclass(frozen=True)
class DayResult:
    """The state after one day: counts per location and link, and the bookkeeping of people."""

    day: int
    at_location: np.ndarray   # settled agents per location
    on_link: np.ndarray       # agents travelling per directed link
    link_entries: np.ndarray  # agents that set off on each directed link today
    link_arrivals: np.ndarray  # agents that arrived over each directed link today (flows)
    removed_at: np.ndarray    # agents removed today per location
    spawned: int              # agents created so far (including day-0 camp fill)
    removed: int              # agents removed so far
    refugee_debt: int
    raw_total: int            # the spawn series' value today (Flee's refugees_raw)

    @property
    def travelling(self) -> int:
        """Agents on links."""
        return int(self.on_link.sum())


def _haversine(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6373.0 * 2 * math.atan2(math.sqrt(a), math.sqrt(1 - a))


class Simulation:
    """One run. ``step()`` advances a day; ``run()`` yields every day up to ``scenario.days``.

    ``threads`` sets numba's thread count for the process (a global setting); the results do not
    depend on it. ``levers`` are applied every day in order (see :mod:`ima.simulate.controls`).
    """

    def __init__(self, scenario: Scenario, settings: SimulationSettings, seed: int | None = None,
                 rng: np.random.Generator | None = None, levers: Sequence[Lever] = (),
                 threads: int | None = None) -> None:
        self.scenario, self.settings = scenario, settings
        self.rng = rng if rng is not None else np.random.default_rng(seed)
        self.levers = tuple(levers)
        if threads is not None:
            numba.set_num_threads(max(1, min(threads, numba.config.NUMBA_NUM_THREADS)))
        self.geo = Geography(scenario, settings)
        g = self.geo
        self.routes = enumerate_routes(len(scenario.locations), g.link_src, g.link_dst, g.link_dist,
                                       g.marker, settings.awareness_level)
        self.route_factor = self._route_factors()
        self.equal_weights = settings.awareness_level == 0
        expected = int(scenario.daily_totals.max()) if scenario.daily_totals is not None else 0
        if scenario.spawn_schedule is not None:
            expected += int(scenario.spawn_schedule[:scenario.days].sum())
        self.agents = Agents(capacity=int(expected * 1.1) + sum(scenario.initial_camp_agents.values()))
        self.day = 0
        self.debt = 0
        self.removed = 0
        self.at_location = np.zeros(len(scenario.locations), dtype=np.int64)
        self.on_link = np.zeros(len(g.link_src), dtype=np.int64)
        for name, count in scenario.initial_camp_agents.items():
            self._add(np.full(int(count), scenario.index(name), dtype=np.int32))

    def _route_factors(self) -> np.ndarray:
        """Per-route factor on the endpoint score: stay-close-to-home and population weighting."""
        s, r, locs = self.settings, self.routes, self.scenario.locations
        factor = np.ones(len(r.end))
        for k in range(len(r.end)):
            end, origin = locs[r.end[k]], locs[r.origin[k]]
            if s.stay_close_to_home:
                km = _haversine(end.lat, end.lon, origin.lat, origin.lon)
                factor[k] /= max(1.0, km) ** s.home_distance_power
            if s.use_pop_for_loc_weight and not self.geo.camp[r.end[k]]:
                pop = min(1.0, end.population) if s.flee_pop_weight_min_bug else max(1.0, end.population)
                factor[k] *= pop ** s.pop_power_for_loc_weight
        return factor

    def _add(self, locations: np.ndarray) -> None:
        self.agents.add(locations)
        self.at_location += np.bincount(locations, minlength=len(self.at_location))

    def census(self) -> tuple[np.ndarray, np.ndarray]:
        """Count agents per location and per link from the agent arrays (a check on the tallies)."""
        a = self.agents
        return kernel.census(a.n, a.loc, a.link, a.flags, len(self.at_location), len(self.on_link))

    def _spawn(self, t: int, controls: DayControls) -> int:
        """Create today's agents; returns Flee's ``refugees_raw`` for the day."""
        sc = self.scenario
        per_location = self._displaced(t, controls.spawn_multiplier)
        if sc.spawn_schedule is not None:
            per_location = per_location + np.asarray(sc.spawn_schedule[t], dtype=np.int64)
        factor = np.clip(np.asarray(controls.spawn_factor, dtype=np.float64), 0.0, 1.0)
        if (factor < 1.0).any():
            per_location = self.rng.binomial(per_location, factor)
        per_location = per_location + np.asarray(controls.inject, dtype=np.int64)
        if per_location.any():
            self._add(np.repeat(np.arange(len(per_location), dtype=np.int32), per_location))
        return int(sc.daily_totals[t]) if sc.daily_totals is not None and not self.settings.conflict_driven_spawning \
            else 0

    def _displaced(self, t: int, multiplier: float) -> np.ndarray:
        """People newly displaced today per location (conflict-driven or data-driven with debt)."""
        sc, s, g = self.scenario, self.settings, self.geo
        counts = np.zeros(len(g.camp), dtype=np.int64)
        if s.conflict_driven_spawning:
            hot = np.nonzero(g.conflict > 0.0)[0]
            mode = s.conflict_spawn_mode.lower()
            rate = s.displaced_per_conflict_day * multiplier
            if mode == "constant":
                counts[hot] = (rate * g.conflict[hot]).astype(np.int64)
            elif mode == "pop_ratio":
                counts[hot] = (rate * g.population[hot] * g.conflict[hot]).astype(np.int64)
            else:
                counts[hot] = self.rng.poisson(rate * g.conflict[hot])
            return counts
        if sc.daily_totals is None:
            return counts
        diff = int(sc.daily_totals[t]) - (int(sc.daily_totals[t - 1]) if t > 0 else 0)
        new = diff - self.debt
        if t == 0 and s.insert_day0:
            new = 0
        if new < 0:
            self.debt = -new
            return counts
        self.debt = 0
        new = int(round(new * multiplier)) if multiplier != 1.0 else new
        if new <= 0:
            return counts
        weights = g.spawn_weights(t)
        total = weights.sum()
        if total <= 0:
            raise ValueError(f"day {t}: {new} people to spawn but no conflict zone with population")
        return self.rng.multinomial(new, weights / total).astype(np.int64)

    def _controls(self, t: int) -> DayControls:
        g = self.geo
        removal = g.deactivation * g.camp if self.settings.camps_are_sinks else np.zeros(len(g.camp))
        n = len(g.camp)
        return DayControls(day=t, scenario=self.scenario, movechance=g.movechances(), link_open=g.link_open(),
                           removal_probability=removal, attraction=np.ones(n), spawn_factor=np.ones(n),
                           inject=np.zeros(n, dtype=np.int64))

    def step(self) -> DayResult:
        """Simulate one day and return its counts."""
        t, g, s, a, r = self.day, self.geo, self.settings, self.agents, self.routes
        if t >= self.scenario.days:
            raise ValueError(f"the scenario has {self.scenario.days} days")
        g.apply_conflicts(t)
        g.apply_closures(t)  # spawning does not read links, so closing first changes nothing of Flee's order
        controls = self._controls(t)
        for lever in self.levers:
            lever.apply(t, controls)
        raw = self._spawn(t, controls)
        link_open = np.asarray(controls.link_open, dtype=np.bool_)
        score = g.scores(t) * controls.attraction
        route_ok = routes_open(r, link_open)
        movechance = np.asarray(controls.movechance, dtype=np.float64)
        removal = np.asarray(controls.removal_probability, dtype=np.float64)
        key = day_key(self.rng)
        n_blocks = max(1, (a.n + kernel.BLOCK - 1) // kernel.BLOCK)
        n_loc, n_link = len(g.camp), len(g.link_src)
        left, arrived, removed_at = (np.zeros((n_blocks, n_loc), dtype=np.int64) for _ in range(3))
        entries, arrivals, sent_back = (np.zeros((n_blocks, n_link), dtype=np.int64) for _ in range(3))
        factor = np.zeros_like(self.route_factor) if self.equal_weights else self.route_factor
        cdf = kernel.route_cdf(self.at_location.astype(np.float64), score, r.start, r.end, r.distance, factor,
                               route_ok, g.capacity, s.capacity_buffer, s.weight_softening, s.softening,
                               s.distance_power, s.weight_power)
        step = kernel.step_agents_parallel if self._parallel(a.n) else kernel.step_agents_serial
        step(key, a.n, a.loc, a.link, a.route, a.hop, a.on_link, a.recent, a.flags, movechance, g.town,
             self.at_location, r.start, cdf, route_ok, r.links, r.length, r.end, g.link_src, g.link_dst,
             g.link_dist, g.link_speed, g.link_walk, link_open, g.camp, g.capacity, s.capacity_buffer,
             float(s.max_move_speed), float(s.max_walk_speed), s.start_on_foot, s.avoid_short_stints,
             bool(removal.any()), removal,
             left, arrived, removed_at, entries, arrivals, sent_back)
        removed_today = removed_at.sum(axis=0)
        entered = entries.sum(axis=0)
        self.at_location += arrived.sum(axis=0) - left.sum(axis=0) - removed_today
        arrived_over = arrivals.sum(axis=0)
        self.on_link += entered - arrived_over - sent_back.sum(axis=0)
        self.removed += int(removed_today.sum())
        self.day += 1
        return DayResult(day=t, at_location=self.at_location.copy(), on_link=self.on_link.copy(),
                         link_entries=entered, link_arrivals=arrived_over, removed_at=removed_today, spawned=a.n,
                         removed=self.removed, refugee_debt=self.debt, raw_total=raw)

    def _parallel(self, n: int) -> bool:
        """Threads only for large populations; the result is the same either way."""
        return n >= PARALLEL_MIN_AGENTS and numba.get_num_threads() > 1

    def run(self, days: int | None = None) -> Iterator[DayResult]:
        """Yield the result of every remaining day (up to ``days`` of them)."""
        end = self.scenario.days if days is None else min(self.scenario.days, self.day + days)
        while self.day < end:
            yield self.step()
