"""The mutable state of locations and links during a run: types, conflicts, closures, scores.

Follows Flee 3.1: conflict onset from ``conflicts.csv`` (rising from 0), removal only when falling
from exactly 1; closures fire at ``start`` and are undone at ``end``; camps can close into towns.
"""

from __future__ import annotations

import numpy as np

from ima.domain.simulation import CAMP, CONFLICT, FORWARD, IDPCAMP, MARKER, TOWN, Scenario, SimulationSettings


class Geography:
    """Location flags, conflict state and directed links with closure counters."""

    def __init__(self, scenario: Scenario, settings: SimulationSettings) -> None:
        self.scenario, self.settings = scenario, settings
        locs = scenario.locations
        n = len(locs)
        self.names = {loc.name: i for i, loc in enumerate(locs)}
        self.country = np.array([loc.country for loc in locs], dtype=object)
        self.population = np.array([loc.population for loc in locs], dtype=np.float64)
        self.capacity = np.array([loc.capacity for loc in locs], dtype=np.float64)
        self.foreign = np.array([loc.foreign for loc in locs], dtype=bool)
        self.marker = np.array([loc.kind == MARKER for loc in locs], dtype=bool)
        self.camp = np.zeros(n, dtype=bool)
        self.idpcamp = np.zeros(n, dtype=bool)
        self.town = np.zeros(n, dtype=bool)
        self.conflict = np.full(n, -1.0)
        self.time_of_conflict = np.full(n, -1, dtype=np.int64)
        self.movechance = np.ones(n)
        s = settings
        for i, loc in enumerate(locs):
            if loc.kind in (CAMP, IDPCAMP):
                self._make_camp(i, loc.kind == IDPCAMP)
            elif loc.kind == CONFLICT:
                self.movechance[i] = s.conflict_movechance
                self.conflict[i] = loc.conflict_intensity
            elif loc.kind in (FORWARD, MARKER):
                self.movechance[i] = 1.0
            elif loc.kind == TOWN:
                self.town[i] = True
                self.movechance[i] = s.default_movechance
            if self.movechance[i] < 0.005 and not self.camp[i]:
                self.camp[i], self.town[i] = True, False
        self.deactivation = np.array([loc.deactivation_probability for loc in locs])
        src, dst, dist, speed, walk, blocked = [], [], [], [], [], []
        for link in scenario.links:
            for a, b in ((link.a, link.b), (link.b, link.a)):
                blocked.append(link.one_way and a == link.b)
                src.append(a)
                dst.append(b)
                dist.append(link.distance)
                speed.append(link.max_move_speed or s.max_move_speed)
                walk.append(link.walk_probability)
        self.link_src = np.array(src, dtype=np.int32)
        self.link_dst = np.array(dst, dtype=np.int32)
        self.link_dist = np.array(dist, dtype=np.float64)
        self.link_speed = np.array(speed, dtype=np.float64)
        self.link_walk = np.array(walk, dtype=np.float64)
        self.closed = np.zeros(len(src), dtype=np.int32)  # closures in force per directed link
        self.one_way_back = np.array(blocked, dtype=bool)  # never open

    def link_open(self) -> np.ndarray:
        """Directed links usable today by the scenario's own rules (closures, one-way links)."""
        return (self.closed == 0) & ~self.one_way_back

    def _make_camp(self, i: int, idp: bool) -> None:
        self.camp[i], self.idpcamp[i], self.town[i], self.conflict[i] = True, idp, False, -1.0
        self.movechance[i] = self.settings.idpcamp_movechance if idp else self.settings.camp_movechance

    def _make_town(self, i: int) -> None:
        self.camp[i] = self.idpcamp[i] = False
        self.town[i], self.conflict[i] = True, -1.0
        self.movechance[i] = self.settings.default_movechance

    def apply_conflicts(self, t: int) -> None:
        """Conflict onset and end for day t (Flee's ``AddNewConflictZones``)."""
        table = self.scenario.conflicts
        if table is None:
            return
        today = table[t]
        before = table[t - 1] if t > 0 else None
        for i in np.nonzero(today > 1e-6)[0]:
            if before is None or before[i] < 1e-6:
                self.movechance[i] = self.settings.conflict_movechance
                self.conflict[i] = today[i]
                self.town[i] = False
                self.time_of_conflict[i] = t
        if before is not None:
            for i in np.nonzero((today < 1e-6) & (before == 1.0))[0]:
                self._make_town(i)

    def _location(self, name: str) -> int:
        try:
            return self.names[name]
        except KeyError:
            raise ValueError(f"closure names unknown location {name!r}") from None

    def _links(self, kind: str, first: str, second: str) -> np.ndarray:
        if kind == "country":
            c_src, c_dst = self.country[self.link_src], self.country[self.link_dst]
            return np.nonzero(((c_src == first) & (c_dst == second)) | ((c_src == second) & (c_dst == first)))[0]
        if kind == "location":
            i = self._location(first)
            return np.nonzero((self.link_src == i) | (self.link_dst == i))[0]
        a, b = self._location(first), self._location(second)
        return np.nonzero(((self.link_src == a) & (self.link_dst == b)) | ((self.link_src == b) & (self.link_dst == a)))[0]

    def apply_closures(self, t: int) -> None:
        """Closures that start or end on day t (Flee's ``enact_border_closures``)."""
        for c in self.scenario.closures:
            for fire, closing in ((c.start, True), (c.end, False)):
                if t != fire:
                    continue
                if c.kind in ("country", "location", "link"):
                    links = self._links(c.kind, c.name1, c.name2)
                    self.closed[links] += 1 if closing else -1
                    np.maximum(self.closed, 0, out=self.closed)
                elif c.kind in ("camp", "idpcamp"):
                    i = self._location(c.name1)
                    if closing:
                        self._make_town(i)
                    else:
                        self._make_camp(i, c.kind == "idpcamp")
                elif c.kind != "remove_forced_redirection":  # no effect on movement in Flee 3.1
                    raise ValueError(f"unknown closure type {c.kind!r}")

    def decay(self, t: int) -> np.ndarray:
        """Conflict decay factor per location on day t (Flee's index ``int(elapsed / interval)``, capped)."""
        factors = self.settings.conflict_spawn_decay
        if not factors:
            return np.ones(len(self.time_of_conflict))
        elapsed = (t - self.time_of_conflict) / self.settings.conflict_spawn_decay_interval
        index = np.minimum(np.trunc(elapsed).astype(np.int64), len(factors) - 1)
        return np.asarray(factors, dtype=np.float64)[index]

    def scores(self, t: int) -> np.ndarray:
        """Flee's location score: foreign, camp and conflict weights."""
        s = self.settings
        score = np.ones(len(self.camp))
        score[self.foreign] *= s.foreign_weight
        score[self.camp] *= s.camp_weight
        hot = self.conflict > 0.0
        score[hot] *= s.conflict_weight ** (self.decay(t)[hot] * self.conflict[hot])
        return score

    def spawn_weights(self, t: int) -> np.ndarray:
        """Data-driven spawn weights: population × intensity × decay in conflict zones."""
        hot = self.conflict > 0.0
        weights = np.zeros(len(self.camp))
        weights[hot] = self.population[hot] * self.conflict[hot] * self.decay(t)[hot]
        return weights

    def movechances(self) -> np.ndarray:
        """Today's move chance per location, with Flee's population scaling."""
        s = self.settings
        size = np.maximum(self.population, self.capacity)
        return self.movechance * (size / s.movechance_pop_base) ** s.movechance_pop_scale_factor
