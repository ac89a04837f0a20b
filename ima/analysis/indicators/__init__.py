"""The country indicator store: sourced figures per country and year, and the migration routes.

Everything reads the vendored tables in ``ima/data/indicators``, ``ima/data/routes`` and
``ima/data/ranking/bilateral.csv`` once per process (see ``tables.py``).
"""

from __future__ import annotations

from ima.analysis.indicators.hosts import refugee_hosts, refugee_origins
from ima.analysis.indicators.routes import ROUTE_SHARE_THRESHOLD, NATIONAL_SHARE_THRESHOLD, MIN_DETECTIONS, \
    period_of, route, route_deaths, route_detections, route_monthly, route_users, routes, routes_for
from ima.analysis.indicators.tables import catalogue_table, lookup, value_table
from ima.domain.indicators import Indicator, IndicatorValue, Trend, trend_of

__all__ = ["ROUTE_SHARE_THRESHOLD", "NATIONAL_SHARE_THRESHOLD", "MIN_DETECTIONS", "catalogue", "indicator",
           "indicator_series", "indicator_table", "indicator_value", "indicators_for", "countries_with",
           "refugee_hosts", "refugee_origins",
           "trend", "period_of", "route", "route_deaths", "route_detections", "route_monthly", "route_users", "routes",
           "routes_for"]


def catalogue() -> list[Indicator]:
    """Every indicator the store knows, with labels, unit and source."""
    return list(catalogue_table().values())


def indicator(indicator_id: str) -> Indicator:
    """The catalogue entry of one indicator (ValueError naming the known ones if unknown)."""
    return lookup(catalogue_table(), indicator_id, "indicator")


def indicator_table(indicator_id: str) -> dict[str, dict[int, float]]:
    """ISO3 → year → value for one indicator (the shared cached mapping: do not modify it)."""
    indicator(indicator_id)
    return value_table().get(indicator_id, {})


def _value(iso3: str, meta: Indicator, year: int, value: float) -> IndicatorValue:
    return IndicatorValue(iso3, meta.id, year, value, meta.unit, meta.source)


def indicator_series(iso3: str, indicator_id: str) -> list[IndicatorValue]:
    """All years of one indicator for one country, oldest first (empty if none)."""
    meta = indicator(indicator_id)
    series = value_table().get(indicator_id, {}).get(iso3.upper(), {})
    return [_value(iso3.upper(), meta, y, series[y]) for y in sorted(series)]


def indicator_value(iso3: str, indicator_id: str, year: int | None = None, *, window: int = 0) -> IndicatorValue | None:
    """The value for ``year`` or, failing that, the latest earlier year at most ``window`` years back;
    with ``year=None`` the latest value. None when there is none."""
    meta = indicator(indicator_id)
    series = value_table().get(indicator_id, {}).get(iso3.upper(), {})
    years = [y for y in series if year is None or year - window <= y <= year]
    if not years:
        return None
    best = max(years)
    return _value(iso3.upper(), meta, best, series[best])


def indicators_for(iso3: str, year: int | None = None) -> list[IndicatorValue]:
    """The latest value (up to ``year`` if given) of every indicator reported for the country, in
    catalogue order."""
    out = []
    for indicator_id in catalogue_table():
        found = indicator_value(iso3, indicator_id, year, window=10_000)
        if found is not None:
            out.append(found)
    return out


def trend(iso3: str, indicator_id: str, year: int | None = None) -> Trend | None:
    """Latest value, change and sparkline of one indicator for one country (up to ``year``)."""
    indicator(indicator_id)
    return trend_of(indicator_id, value_table().get(indicator_id, {}).get(iso3.upper(), {}), upto=year)


def countries_with(indicator_id: str | None = None) -> set[str]:
    """ISO3 codes with at least one value of the indicator (of any indicator if None)."""
    table = value_table()
    ids = [indicator_id] if indicator_id else list(table)
    return {iso3 for i in ids for iso3 in table.get(i, {})}
