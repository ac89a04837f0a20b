"""Policy levers: small named, time-varying objects that edit a scenario's daily schedules.

Every lever has a window (``start``, ``end``, optional linear ``ramp_days``) and turns into
per-day arrays (``LeverSchedules``) that the routes kernel reads; nothing is looked up per
agent in Python. Parsing checks names, dates and probabilities and says what is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from collections.abc import Mapping
from typing import Any

import numpy as np

OUTCOMES = ("return", "hold")


def parse_date(value: object, where: str) -> date:
    """A date from YAML (already a date, or ISO text); the error names the field."""
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"{where}: {value!r} is not a date (YYYY-MM-DD)") from None


@dataclass(frozen=True)
class Window:
    """When a lever acts: full strength from ``start + ramp_days`` to ``end`` (inclusive)."""

    start: date
    end: date
    ramp_days: int = 0

    def strength(self, first_day: date, days: int) -> np.ndarray:
        """The lever's strength (0–1) on each simulated day."""
        t = np.arange(days, dtype=np.float64)
        s = (self.start - first_day).days
        e = (self.end - first_day).days
        ramp = np.clip((t - s + 1) / self.ramp_days, 0.0, 1.0) if self.ramp_days > 0 else (t >= s).astype(float)
        return np.where((t >= s) & (t <= e), ramp, 0.0)

    def day_range(self, first_day: date, days: int) -> tuple[int, int]:
        """First and last simulated day index inside the window (clipped to the period)."""
        return max(0, (self.start - first_day).days), min(days - 1, (self.end - first_day).days)


@dataclass(frozen=True)
class BorderManagementLever:
    """Daily chance that a person at a transit location is intercepted (returned home, or held)."""

    name: str
    window: Window
    location: str
    probability: float | str
    outcome: str = "return"


@dataclass(frozen=True)
class ClosureLever:
    """A link, or every link into and out of a location, is closed during the window."""

    name: str
    window: Window
    link: tuple[str, str] | None = None
    location: str | None = None


@dataclass(frozen=True)
class OpeningLever:
    """A link that is closed before the window starts and open from then on."""

    name: str
    window: Window
    link: tuple[str, str] = ("", "")


@dataclass(frozen=True)
class ReturnCooperationLever:
    """Share per month of the people from an origin without a right to stay who are returned."""

    name: str
    window: Window
    origin: str
    share_per_month: float | str
    no_right_to_stay: float | str = 0.5
    departure_effect: float | str = 0.0


@dataclass(frozen=True)
class ResettlementLever:
    """A legal route: a quota per year (or one per person returned, EU–Turkey 1:1) to destinations."""

    name: str
    window: Window
    to: dict[str, float]
    source: str | None = None
    quota_per_year: float | None = None
    one_for_one: str | None = None
    cap: float | None = None


@dataclass(frozen=True)
class ReceptionSupportLever:
    """Support for reception in the region: the onward move chance at host locations is multiplied."""

    name: str
    window: Window
    locations: tuple[str, ...]
    move_chance_factor: float | str


@dataclass(frozen=True)
class InformationCampaignLever:
    """Information campaigns: a share of the would-be departures from origins does not leave."""

    name: str
    window: Window
    departure_reduction: float | str
    origins: tuple[str, ...] = ()


LEVER_TYPES: dict[str, type] = {
    "border_management": BorderManagementLever,
    "closure": ClosureLever,
    "opening": OpeningLever,
    "return_cooperation": ReturnCooperationLever,
    "resettlement": ResettlementLever,
    "reception_support": ReceptionSupportLever,
    "information_campaign": InformationCampaignLever,
}
_PROBABILITIES = ("probability", "share_per_month", "no_right_to_stay", "departure_effect",
                  "move_chance_factor", "departure_reduction")


def lever_value(lever: Any, key: str, parameters: Mapping[str, float]) -> float:
    """A lever's strength field as a number: given, or the named scenario parameter (checked 0–1)."""
    value = getattr(lever, key)
    if isinstance(value, str):
        if value not in parameters:
            raise ValueError(f"lever {lever.name}: {key} names unknown parameter {value!r}")
        value = float(parameters[value])
        if not 0.0 <= value <= 1.0:
            raise ValueError(f"lever {lever.name}: {key} (parameter) must be between 0 and 1, got {value}")
    return float(value)


def _strength(value: Any, key: str, where: str, parameters: Mapping[str, float]) -> float | str:
    if isinstance(value, str) and value in parameters:
        return value  # a named parameter: resolved (and range-checked) when the schedules are built
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{where}: {key} must be a number between 0 and 1 or a parameter name, "
                         f"got {value!r}") from None
    if not 0.0 <= number <= 1.0:
        raise ValueError(f"{where}: {key} must be between 0 and 1, got {number}")
    return number


def parse_lever(raw: Any, index: int, period: tuple[date, date], location_names: set[str],
                parameters: Mapping[str, float] | None = None) -> Any:
    """One lever from its YAML mapping, checked against the scenario's period and locations.

    Strength fields (probabilities, shares, factors) may name one of the scenario's ``parameters``,
    so ensembles, sensitivity runs and the calibration can vary a lever's strength.
    """
    where = f"levers[{index}]"
    if not isinstance(raw, dict):
        raise ValueError(f"{where}: a lever is a mapping with a type, got {raw!r}")
    raw = dict(raw)
    kind = raw.pop("type", None)
    if kind not in LEVER_TYPES:
        raise ValueError(f"{where}: unknown lever type {kind!r}; known: {', '.join(LEVER_TYPES)}")
    cls = LEVER_TYPES[kind]
    name = str(raw.pop("name", f"{kind}_{index}"))
    where = f"{where} ({name})"
    start = parse_date(raw.pop("start", period[0]), where)
    end = parse_date(raw.pop("end", period[1]), where)
    ramp = int(raw.pop("ramp_days", 0))
    if start > end:
        raise ValueError(f"{where}: start {start} is after end {end}")
    # a lever may run on past the period's end (it is cut there), but it must start inside it
    if not period[0] <= start <= period[1]:
        raise ValueError(f"{where}: dates {start}..{end} are outside the scenario period {period[0]}..{period[1]}")
    if ramp < 0:
        raise ValueError(f"{where}: ramp_days must be 0 or more")
    allowed = {f.name for f in fields(cls)} - {"name", "window"}
    unknown = sorted(set(raw) - allowed)
    if unknown:
        raise ValueError(f"{where}: unknown field(s) {', '.join(unknown)} for a {kind} lever; "
                         f"allowed: {', '.join(sorted(allowed | {'start', 'end', 'ramp_days'}))}")
    for key in _PROBABILITIES:
        if key in raw:
            raw[key] = _strength(raw[key], key, where, parameters or {})
    for key in ("link",):
        if key in raw:
            if not (isinstance(raw[key], list | tuple) and len(raw[key]) == 2):
                raise ValueError(f"{where}: link must be [from, to]")
            raw[key] = tuple(str(x) for x in raw[key])
    for key in ("locations", "origins"):
        if key in raw:
            raw[key] = tuple(str(x) for x in (raw[key] if isinstance(raw[key], list) else [raw[key]]))
    if kind == "resettlement":
        to = raw.get("to")
        raw["to"] = {str(to): 1.0} if isinstance(to, str) else {str(k): float(v) for k, v in (to or {}).items()}
        if not raw["to"] or any(v < 0 for v in raw["to"].values()) or sum(raw["to"].values()) <= 0:
            raise ValueError(f"{where}: `to` must name a destination or give destination weights")
        if (raw.get("quota_per_year") is None) == (raw.get("one_for_one") is None):
            raise ValueError(f"{where}: give exactly one of quota_per_year and one_for_one")
        if raw.get("quota_per_year") is not None and float(raw["quota_per_year"]) < 0:
            raise ValueError(f"{where}: quota_per_year must be 0 or more")
    if kind == "border_management" and raw.get("outcome", "return") not in OUTCOMES:
        raise ValueError(f"{where}: outcome must be one of {', '.join(OUTCOMES)}")
    try:
        lever = cls(name=name, window=Window(start, end, ramp), **raw)
    except TypeError as exc:
        raise ValueError(f"{where}: {exc}") from None
    missing = sorted(n for n in _named_locations(lever) if n not in location_names)
    if missing:
        raise ValueError(f"{where}: unknown location(s) {', '.join(missing)}")
    return lever


def _named_locations(lever: Any) -> list[str]:
    names: list[str] = []
    for key in ("location", "origin", "source"):
        value = getattr(lever, key, None)
        if value:
            names.append(value)
    for key in ("locations", "origins", "link"):
        names.extend(getattr(lever, key, None) or ())
    names.extend(getattr(lever, "to", None) or ())
    return names


def check_lever_references(levers: tuple) -> None:
    """Lever names are unique and a 1:1 resettlement points at a border-management lever."""
    names = [lv.name for lv in levers]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise ValueError(f"lever name(s) used twice: {', '.join(dupes)}")
    border = {lv.name for lv in levers if isinstance(lv, BorderManagementLever)}
    for lv in levers:
        if isinstance(lv, ResettlementLever) and lv.one_for_one and lv.one_for_one not in border:
            raise ValueError(f"lever {lv.name}: one_for_one must name a border_management lever, "
                             f"got {lv.one_for_one!r}")


@dataclass
class LeverSchedules:
    """Per-day arrays the kernel reads ([day, location], [day, link], [day, resettlement])."""

    move_factor: np.ndarray
    link_open: np.ndarray
    intercept_return: np.ndarray
    intercept_hold: np.ndarray
    return_p: np.ndarray
    spawn_factor: np.ndarray
    right_to_stay: np.ndarray
    resettle_quota: np.ndarray
    resettle_active: np.ndarray
    resettle_source: np.ndarray
    resettle_cdf: np.ndarray
    resettle_match: np.ndarray
    resettle_cap: np.ndarray
    resettle_names: tuple[str, ...] = field(default_factory=tuple)
