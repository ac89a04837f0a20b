"""The country dossier: key indicators with trends, the route picture, the focus rank and what the
record says (``ima country``; the web app renders the same object)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ima.analysis import indicators as ind
from ima.domain.indicators import Indicator, IndicatorValue, RefugeePair, RouteUse, Trend
from ima.domain.ranking import CountryScore
from ima.services.knowledge import DocumentAbout, Place, country_dossier
from ima.store import Store


@dataclass(frozen=True, slots=True)
class IndicatorLine:
    """One indicator of the dossier: its latest value (up to the dossier's year) and its trend."""

    indicator: Indicator
    value: IndicatorValue
    trend: Trend | None


@dataclass
class CountryProfile:
    """Everything ima knows about a country: figures with sources, routes, rank, passages."""

    place: Place
    year: int | None  # figures up to this year (None: the latest)
    indicators: list[IndicatorLine] = field(default_factory=list)
    routes: list[RouteUse] = field(default_factory=list)
    refugee_hosts: list[RefugeePair] = field(default_factory=list)  # where its refugees live
    refugee_origins: list[RefugeePair] = field(default_factory=list)  # whom it hosts
    rank: CountryScore | None = None  # in the default focus ranking of the year
    ranked_of: int | None = None
    rank_year: int | None = None  # the ranking year (the latest when ``year`` is None)
    documents: list[DocumentAbout] = field(default_factory=list)


STALE_AFTER = 10  # years: older figures say little about the country today and are left out


def indicator_lines(iso3: str, year: int | None = None) -> list[IndicatorLine]:
    """Every indicator reported for the country (latest value up to ``year``, at most STALE_AFTER years
    older than the newest figure shown), in catalogue order."""
    values = ind.indicators_for(iso3, year)
    newest = max((v.year for v in values), default=0)
    return [IndicatorLine(ind.indicator(v.indicator), v, ind.trend(iso3, v.indicator, year))
            for v in values if v.year >= newest - STALE_AFTER]


def focus_rank(iso3: str, year: int | None = None) -> tuple[CountryScore | None, int | None, int | None]:
    """The country's place in the default focus ranking of the year (no sensitivity run), if ranked:
    (score, number ranked, ranking year)."""
    from ima.services.ranking import rank_countries

    try:
        result = rank_countries(year=year, samples=0)
    except ValueError:
        return None, None, None
    found = next((c for c in result.countries if c.iso3 == iso3), None)
    return found, len(result.countries), result.year


def country_profile(store: Store, query: str, year: int | None = None, *, with_rank: bool = True) -> CountryProfile:
    """The dossier of a country or region (ISO code or name): indicators with trends up to ``year``,
    the routes it is on or its nationals use, its focus rank, and the record's passages about it."""
    if year is not None and not 1990 <= year <= 2100:
        raise ValueError(f"--year must be a year such as 2019, not {year}")
    place, documents = country_dossier(store, query)
    profile = CountryProfile(place, year, documents=documents)
    if place.kind != "country":
        return profile
    profile.indicators = indicator_lines(place.code, year)
    profile.routes = ind.routes_for(place.code, year)
    profile.refugee_hosts = ind.refugee_hosts(place.code, year)
    profile.refugee_origins = ind.refugee_origins(place.code, year)
    if with_rank:
        profile.rank, profile.ranked_of, profile.rank_year = focus_rank(place.code, year)
    return profile
