"""The simulation's domain: settings, the location graph, closures and the spawn schedule.

Plain frozen dataclasses without I/O. ``ima.simulate`` reads Flee scenarios into these and runs them;
policy scenarios build them directly. Defaults are Flee 3.1's (``SimulationSettings.ReadFromYML``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields

import numpy as np

# Location kinds, in the order Flee matches them as substrings of ``location_type``.
CAMP, IDPCAMP, CONFLICT, FORWARD, MARKER, TOWN = "camp", "idpcamp", "conflict", "forward", "marker", "town"
LOCATION_KINDS = (CAMP, IDPCAMP, CONFLICT, FORWARD, MARKER, TOWN)


@dataclass(frozen=True)
class SimulationSettings:
    """Every rule parameter of a run (Flee 3.1 names in comments where they differ)."""

    # move_rules
    max_move_speed: float = 360.0
    max_walk_speed: float = 35.0
    foreign_weight: float = 1.0
    camp_weight: float = 1.0
    conflict_weight: float = 1.0 / math.sqrt(10.0)
    conflict_movechance: float = 1.0
    camp_movechance: float = 0.001
    idpcamp_movechance: float = 0.1
    default_movechance: float = 0.3
    awareness_level: int = 1
    capacity_buffer: float = 0.9
    avoid_short_stints: bool = False
    start_on_foot: bool = False
    softening: float = 10.0
    weight_softening: float = 0.0
    weight_power: float = 1.0
    distance_power: float = 1.0
    stay_close_to_home: bool = False
    home_distance_power: float = 0.5
    use_pop_for_loc_weight: bool = False
    pop_power_for_loc_weight: float = 0.1
    movechance_pop_base: float = 10000.0
    movechance_pop_scale_factor: float = 0.0
    # spawn_rules
    insert_day0: bool = True
    conflict_zone_spawning_only: bool = True
    conflict_spawn_decay: tuple[float, ...] | None = None
    conflict_spawn_decay_interval: int = 30
    conflict_driven_spawning: bool = False
    conflict_spawn_mode: str = "constant"
    displaced_per_conflict_day: float = 500.0
    camps_are_sinks: bool = False
    # optimisations
    hasten: int = 1
    # Flee 3.1 defects, reproduced only when asked (see docs/simulation.md)
    flee_duplicate_forced_links: bool = False
    flee_pop_weight_min_bug: bool = False

    def __post_init__(self) -> None:
        if self.awareness_level < 0:
            raise ValueError("awareness_level must be >= 0")
        if not 0.0 <= self.capacity_buffer < 1.0:
            raise ValueError("capacity_buffer must be in [0, 1)")
        if self.hasten < 1:
            raise ValueError("hasten must be >= 1")
        if self.max_move_speed <= 0 or self.max_walk_speed <= 0:
            raise ValueError("move speeds must be positive")
        if self.conflict_spawn_mode.lower() not in ("constant", "pop_ratio", "poisson"):
            raise ValueError(f"unknown conflict_spawn_mode {self.conflict_spawn_mode!r}")

    def conflict_decay(self, days_since_conflict: int) -> float:
        """The spawn (and score) decay factor ``days_since_conflict`` days after a conflict began."""
        decay = self.conflict_spawn_decay
        if not decay:
            return 1.0
        index = min(int(days_since_conflict / self.conflict_spawn_decay_interval), len(decay) - 1)
        return float(decay[index])

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        """The names of all settings (what a YAML or a lever may set)."""
        return tuple(f.name for f in fields(cls))


@dataclass(frozen=True)
class LocationSpec:
    """One node: ``population`` for towns and conflict zones, ``capacity`` for camps (< 1: unlimited)."""

    name: str
    country: str
    kind: str
    region: str = ""
    lat: float = 0.0
    lon: float = 0.0
    population: int = 0
    capacity: int = -1
    conflict_intensity: float = 1.0
    deactivation_probability: float = 0.0
    foreign: bool = False

    def __post_init__(self) -> None:
        if self.kind not in LOCATION_KINDS:
            raise ValueError(f"location {self.name!r}: unknown kind {self.kind!r}")


@dataclass(frozen=True)
class LinkSpec:
    """An undirected route between two locations (indices into the scenario's locations)."""

    a: int
    b: int
    distance: float
    max_move_speed: float | None = None
    walk_probability: float = 0.0
    one_way: bool = False  # only a→b can be travelled

    def __post_init__(self) -> None:
        if self.distance < 0 or not math.isfinite(self.distance):
            raise ValueError(f"link {self.a}-{self.b}: distance must be a finite number >= 0")


@dataclass(frozen=True)
class Closure:
    """A time-bounded edit of the graph: ``kind`` country|location|link|camp|idpcamp.

    Takes effect at the start of day ``start`` and is undone at the start of day ``end``
    (``end`` < 0 or beyond the run: never undone), as in Flee's ``closures.csv``.
    """

    kind: str
    name1: str
    name2: str
    start: int
    end: int


@dataclass(frozen=True)
class Scenario:
    """Everything a run needs besides the settings and the seed.

    ``conflicts`` is a (days × locations) intensity matrix (Flee's ``conflicts.csv``) or None;
    ``daily_totals`` the cumulative number displaced by each day (Flee's data-driven spawning, with
    refugee debt, origins drawn by conflict weights); ``spawn_schedule`` an optional (days ×
    locations) integer matrix of people created at each location each day (e.g. departures per
    origin), used in addition; ``initial_camp_agents`` people placed at locations before day 0.
    """

    name: str
    start_date: str
    days: int
    locations: tuple[LocationSpec, ...]
    links: tuple[LinkSpec, ...]
    closures: tuple[Closure, ...] = ()
    conflicts: np.ndarray | None = field(default=None, compare=False)
    daily_totals: np.ndarray | None = field(default=None, compare=False)
    initial_camp_agents: dict[str, int] = field(default_factory=dict)
    spawn_schedule: np.ndarray | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        count = len(self.locations)
        for link in self.links:
            if not (0 <= link.a < count and 0 <= link.b < count):
                raise ValueError(f"link {link.a}-{link.b} refers to a location that does not exist")
        if self.spawn_schedule is not None and (self.spawn_schedule.ndim != 2 or self.spawn_schedule.shape[1] != count
                                                or self.spawn_schedule.shape[0] < self.days):
            raise ValueError("spawn_schedule must be an int matrix of (at least days) × locations")
        names = [loc.name for loc in self.locations]
        if len(set(names)) != len(names):
            raise ValueError("location names must be unique")

    def index(self, name: str) -> int:
        """The index of a location by name (ValueError if it is not in the scenario)."""
        for i, loc in enumerate(self.locations):
            if loc.name == name:
                return i
        raise ValueError(f"no location named {name!r} in scenario {self.name!r}")

    @property
    def camp_names(self) -> list[str]:
        """The camps in file order (Flee's output columns)."""
        return [loc.name for loc in self.locations if loc.kind in (CAMP, IDPCAMP)]
