"""The parsed, validated form of a routes scenario YAML (no arrays yet; see ``network.py``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

LOCATION_KINDS = ("origin", "hub", "coast", "entry", "gateway", "destination")
MODES = ("road", "sea", "air")
ROUTES = ("EMR", "CMR", "WMR", "WAR")

# A number, or the name of an entry of the scenario's ``parameters``.
Value = float | str


@dataclass(frozen=True)
class LocationSpec:
    """One place of the route network."""

    name: str
    kind: str
    country: str
    lat: float
    lon: float
    move_chance: Value | None = None
    attractiveness: Value | None = None
    nationalities: tuple[str, ...] = ()
    rest_of: tuple[str, ...] = ()
    series: str | None = None
    route: str | None = None


@dataclass(frozen=True)
class LinkSpec:
    """A one-way link; ``distance`` in km (None: great circle × the mode's factor)."""

    source: str
    target: str
    mode: str = "road"
    distance: float | None = None


@dataclass(frozen=True)
class RouteSettings:
    """Movement settings shared by all agents of a scenario."""

    softening: float = 10.0
    distance_power: float = 1.0
    speed: dict[str, float] = field(default_factory=lambda: {"road": 200.0, "sea": 150.0, "air": 3000.0})
    distance_factor: dict[str, float] = field(default_factory=lambda: {"road": 1.3, "sea": 1.0, "air": 1.0})
    origin_move_chance: float = 1.0


@dataclass(frozen=True)
class DemandHold:
    """Counterfactual demand: from ``start`` on, departures stay at their mean of ``reference``
    (for the listed origins; all origins when none are listed)."""

    start: date
    reference: tuple[date, date]
    origins: tuple[str, ...] = ()


@dataclass(frozen=True)
class ScenarioSpec:
    """A whole scenario: period, data, network, parameters and levers."""

    name: str
    title: str
    start: date
    end: date
    path: Path
    departures: Path | None
    arrivals: Path | None
    destination_shares: Path | None
    scale: float
    settings: RouteSettings
    parameters: dict[str, float]
    locations: tuple[LocationSpec, ...]
    links: tuple[LinkSpec, ...]
    levers: tuple = ()
    fit: tuple[date, date] | None = None
    holdout: tuple[date, date] | None = None
    demand_hold: DemandHold | None = None
    # Explicit departures per origin and day (tests and hand-built scenarios): {origin: [[date, n], ...]}
    spawn: dict[str, tuple[tuple[date, float], ...]] = field(default_factory=dict)

    @property
    def days(self) -> int:
        """Number of simulated days (both ends included)."""
        return (self.end - self.start).days + 1

    def location(self, name: str) -> LocationSpec:
        """The location called ``name``."""
        for loc in self.locations:
            if loc.name == name:
                return loc
        raise ValueError(f"{self.path.name}: unknown location {name!r}")

    def with_parameters(self, overrides: dict[str, float]) -> ScenarioSpec:
        """The same scenario with some named parameters replaced (unknown names are an error)."""
        unknown = sorted(set(overrides) - set(self.parameters))
        if unknown:
            raise ValueError(f"unknown parameter(s) {', '.join(unknown)}; known: {', '.join(sorted(self.parameters))}")
        from dataclasses import replace

        return replace(self, parameters={**self.parameters, **{k: float(v) for k, v in overrides.items()}})
