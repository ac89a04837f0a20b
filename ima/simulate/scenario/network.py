"""The route network as arrays: locations, one-way links sorted by source, route weights."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from ima.simulate.scenario.spec import LOCATION_KINDS, ScenarioSpec, Value

DEFAULT_MOVE_CHANCE = {"hub": 0.3, "coast": 0.3, "entry": 0.3, "gateway": 1.0, "destination": 0.0}
EARTH_RADIUS_KM = 6371.0


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, a)))


@dataclass(frozen=True)
class RouteNetwork:
    """Locations (index = position) and links sorted by source (``out_start`` is the CSR offset)."""

    names: tuple[str, ...]
    kinds: tuple[str, ...]
    countries: tuple[str, ...]
    series: tuple[str | None, ...]
    routes: tuple[str | None, ...]
    move_chance: np.ndarray
    attractiveness: np.ndarray
    is_sink: np.ndarray
    link_source: np.ndarray
    link_target: np.ndarray
    link_distance: np.ndarray
    link_days: np.ndarray
    link_weight: np.ndarray
    out_start: np.ndarray

    def index(self, name: str) -> int:
        """Position of the location called ``name``."""
        try:
            return self.names.index(name)
        except ValueError:
            raise ValueError(f"unknown location {name!r}") from None

    def link_index(self, source: str, target: str) -> int:
        """Position of the link source → target."""
        s, t = self.index(source), self.index(target)
        for k in range(self.out_start[s], self.out_start[s + 1]):
            if self.link_target[k] == t:
                return k
        raise ValueError(f"no link {source} -> {target}")

    def indices_of_kind(self, kind: str) -> np.ndarray:
        """Positions of all locations of one kind."""
        return np.array([i for i, k in enumerate(self.kinds) if k == kind], dtype=np.int64)

    @property
    def link_names(self) -> list[tuple[str, str]]:
        """(source, target) names of every link, in link order."""
        return [(self.names[s], self.names[t]) for s, t in zip(self.link_source, self.link_target, strict=True)]


def resolve(value: Value | None, parameters: dict[str, float], default: float, where: str) -> float:
    """A number, or the named parameter's value."""
    if value is None:
        return default
    if isinstance(value, str):
        if value not in parameters:
            raise ValueError(f"{where}: unknown parameter {value!r}; known: {', '.join(sorted(parameters))}")
        return float(parameters[value])
    return float(value)


@lru_cache(maxsize=8)
def _shares(path: Path) -> dict[str, float]:
    frame = pd.read_csv(path)
    return dict(zip(frame.destination, frame.share.astype(float), strict=True))


def build_network(spec: ScenarioSpec) -> RouteNetwork:
    """Arrays of the scenario's network, with its named parameters filled in."""
    locs = spec.locations
    names = tuple(loc.name for loc in locs)
    shares = _shares(spec.destination_shares) if spec.destination_shares else {}
    move = np.empty(len(locs))
    attract = np.empty(len(locs))
    for i, loc in enumerate(locs):
        where = f"location {loc.name}"
        default_move = spec.settings.origin_move_chance if loc.kind == "origin" else DEFAULT_MOVE_CHANCE[loc.kind]
        move[i] = 0.0 if loc.kind == "destination" else resolve(loc.move_chance, spec.parameters, default_move, where)
        default_attract = shares.get(loc.name, 1.0) if loc.kind == "destination" else 1.0
        attract[i] = resolve(loc.attractiveness, spec.parameters, default_attract, where)
        if not 0.0 <= move[i] <= 1.0:
            raise ValueError(f"{where}: move chance must be between 0 and 1, got {move[i]}")
        if attract[i] < 0:
            raise ValueError(f"{where}: attractiveness must be 0 or more, got {attract[i]}")
    index = {n: i for i, n in enumerate(names)}
    rows = []
    for link in spec.links:
        s, t = index[link.source], index[link.target]
        a, b = locs[s], locs[t]
        dist = link.distance if link.distance is not None else (
            great_circle_km(a.lat, a.lon, b.lat, b.lon) * spec.settings.distance_factor[link.mode])
        days = max(1, math.ceil(dist / spec.settings.speed[link.mode]))
        weight = attract[t] / (spec.settings.softening + dist) ** spec.settings.distance_power
        rows.append((s, t, dist, days, weight))
    rows.sort(key=lambda r: r[0])  # stable: links keep their YAML order within a source
    src = np.array([r[0] for r in rows], dtype=np.int32)
    out_start = np.searchsorted(src, np.arange(len(locs) + 1)).astype(np.int32)
    return RouteNetwork(
        names=names, kinds=tuple(loc.kind for loc in locs), countries=tuple(loc.country for loc in locs),
        series=tuple(loc.series for loc in locs), routes=tuple(loc.route for loc in locs),
        move_chance=move, attractiveness=attract,
        is_sink=np.array([loc.kind == "destination" for loc in locs], dtype=np.uint8),
        link_source=src, link_target=np.array([r[1] for r in rows], dtype=np.int32),
        link_distance=np.array([r[2] for r in rows]), link_days=np.array([r[3] for r in rows], dtype=np.int32),
        link_weight=np.array([r[4] for r in rows]), out_start=out_start,
    )


assert set(DEFAULT_MOVE_CHANCE) | {"origin"} == set(LOCATION_KINDS)
