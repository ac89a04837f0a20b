"""Country indicators and migration routes: values that carry their year, unit and source."""

from __future__ import annotations

from dataclasses import dataclass

SPARK = "▁▂▃▄▅▆▇█"


@dataclass(frozen=True, slots=True)
class Indicator:
    """One entry of the indicator catalogue."""

    id: str
    label_nl: str
    label_en: str
    unit: str
    source: str
    source_url: str
    notes: str = ""

    def label(self, lang: str = "nl") -> str:
        """The label in Dutch (``nl``) or English (``en``)."""
        return self.label_en if lang == "en" else self.label_nl


@dataclass(frozen=True, slots=True)
class IndicatorValue:
    """One figure for one country and year, with where it comes from."""

    iso3: str
    indicator: str
    year: int
    value: float
    unit: str
    source: str


@dataclass(frozen=True, slots=True)
class Trend:
    """A series summed up: latest value, change against the year before and a few years back."""

    indicator: str
    latest_year: int
    latest: float
    previous: float | None  # the year before the latest, if reported
    change: float | None  # relative change latest vs previous (0.1 = +10%)
    change_5y: float | None  # relative change vs five years before the latest, if reported
    arrow: str  # ↑ ↓ → (a change under 5% either way is flat)
    sparkline: str  # the last (up to) ten years, one block per year, · where missing


def relative_change(new: float, old: float | None) -> float | None:
    """``new / old - 1``, or None when there is nothing to compare with."""
    if old is None or old == 0:
        return None
    return new / old - 1.0


def sparkline(values: list[float | None]) -> str:
    """Blocks scaled from the series' minimum to its maximum (· for a missing year)."""
    present = [v for v in values if v is not None]
    if not present:
        return ""
    low, high = min(present), max(present)
    span = high - low
    return "".join("·" if v is None else SPARK[0 if span == 0 else round((v - low) / span * (len(SPARK) - 1))]
                   for v in values)


def trend_of(indicator: str, series: dict[int, float], *, upto: int | None = None, years: int = 10) -> Trend | None:
    """The trend of a year → value series, considering only years up to ``upto`` (None: all)."""
    known = {y: v for y, v in series.items() if upto is None or y <= upto}
    if not known:
        return None
    last = max(known)
    change = relative_change(known[last], known.get(last - 1))
    arrow = "·" if change is None else "↑" if change > 0.05 else "↓" if change < -0.05 else "→"
    line = sparkline([known.get(y) for y in range(last - years + 1, last + 1)])
    change_5y = relative_change(known[last], known.get(last - 5))
    return Trend(indicator, last, known[last], known.get(last - 1), change, change_5y, arrow, line)


@dataclass(frozen=True, slots=True)
class Route:
    """A Frontex migratory route towards the EU, with the countries on it (curated, sourced)."""

    id: str
    frontex_name: str
    name_nl: str
    name_en: str
    entry_countries: tuple[str, ...]  # EU/Schengen states where the crossing is detected
    departure_countries: tuple[str, ...]  # where the crossing into the EU starts
    transit_countries: tuple[str, ...]  # crossed on the way to the departure countries
    certainty: str
    source: str

    def name(self, lang: str = "nl") -> str:
        """The route's name in Dutch or English."""
        return self.name_en if lang == "en" else self.name_nl

    def role_of(self, iso3: str) -> str | None:
        """``entry``, ``departure`` or ``transit`` when the country is on the route, else None."""
        for role, members in (("entry", self.entry_countries), ("departure", self.departure_countries),
                              ("transit", self.transit_countries)):
            if iso3 in members:
                return role
        return None


@dataclass(frozen=True, slots=True)
class RouteUse:
    """How a country relates to a route over a period: its nationals' detections and its role."""

    route: Route
    role: str | None  # entry / departure / transit, or None when only its nationals use the route
    nationals_detections: int  # detections of its nationals on the route in the period
    share_of_route: float  # of all detections on the route in the period
    share_of_nationals: float  # of all detections of its nationals (all routes) in the period
    uses_route: bool  # nationals pass the threshold (see ima.analysis.indicators.routes)
    first_year: int
    last_year: int
    route_detections: int  # all nationalities, same period
    dead_missing: float | None  # IOM Missing Migrants on the route, same period (Mediterranean/Atlantic only)


@dataclass(frozen=True, slots=True)
class RefugeePair:
    """Refugees and asylum seekers from one country (origin) living in another (host) in a year,
    as UNHCR counts them at the end of the year."""

    origin: str
    host: str
    year: int
    refugees: int
    asylum_seekers: int
    share: float  # of all refugees from the origin that year (or of all hosted by the host, see the query)
    source: str
