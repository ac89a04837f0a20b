"""Routes as data: the curated route table and which nationalities use which route.

A nationality *uses* a route over a period when its nationals make up at least
ROUTE_SHARE_THRESHOLD of the route's detections, or at least NATIONAL_SHARE_THRESHOLD of
that nationality's detections are on the route — and in both cases at least
MIN_DETECTIONS detections (Frontex IBC detections; the thresholds are stated in the
README and in ``ima/data/routes/SOURCE.md``).
"""

from __future__ import annotations

from ima.analysis.indicators.tables import deaths_table, detections_table, lookup, monthly_table, route_table
from ima.domain.indicators import Route, RouteUse

ROUTE_SHARE_THRESHOLD = 0.02
NATIONAL_SHARE_THRESHOLD = 0.20
MIN_DETECTIONS = 100
PERIOD_YEARS = 3


def routes() -> list[Route]:
    """Every curated route, in table order."""
    return list(route_table().values())


def route(route_id: str) -> Route:
    """One route by id (ValueError naming the known ones if unknown)."""
    return lookup(route_table(), route_id, "route")


def route_detections(route_id: str) -> dict[str, dict[int, int]]:
    """Nationality (ISO3) → year → Frontex detections on the route."""
    route(route_id)
    return detections_table().get(route_id, {})


def route_monthly(route_id: str) -> dict[str, int]:
    """Month (``YYYY-MM``) → Frontex detections on the route, all nationalities (months without
    detections are absent; the latest months run past the last full year)."""
    route(route_id)
    return monthly_table().get(route_id, {})


def route_deaths(route_id: str) -> dict[int, float]:
    """Year → dead and missing on the route (IOM Missing Migrants; Mediterranean and Atlantic routes)."""
    route(route_id)
    return deaths_table().get(route_id, {})


def _latest_year() -> int:
    return max(y for by_nat in detections_table().values() for years in by_nat.values() for y in years)


def period_of(year: int | None, years: int = PERIOD_YEARS) -> range:
    """The ``years`` years up to ``year`` (default: the last year of the detections, a full year)."""
    last = year if year is not None else _latest_year()
    return range(last - years + 1, last + 1)


def _national_totals(period: range) -> dict[str, int]:
    totals: dict[str, int] = {}
    for by_nat in detections_table().values():
        for iso3, years_ in by_nat.items():
            totals[iso3] = totals.get(iso3, 0) + sum(v for y, v in years_.items() if y in period)
    return totals


def _uses(mine: int, share_route: float, share_nat: float) -> bool:
    return mine >= MIN_DETECTIONS and (share_route >= ROUTE_SHARE_THRESHOLD or share_nat >= NATIONAL_SHARE_THRESHOLD)


def route_users(route_id: str, year: int | None = None, *,
                years: int = PERIOD_YEARS) -> list[tuple[str, int, float, float]]:
    """The nationalities that use the route over the period: (ISO3, detections, share of the route,
    share of that nationality's detections), busiest first."""
    period = period_of(year, years)
    by_nat = route_detections(route_id)
    per_nat = {iso3: sum(v for y, v in ys.items() if y in period) for iso3, ys in by_nat.items()}
    total = sum(per_nat.values())
    totals = _national_totals(period)
    out = [(iso3, n, n / total, n / totals[iso3]) for iso3, n in per_nat.items() if n and total]
    return sorted((u for u in out if _uses(u[1], u[2], u[3])), key=lambda u: (-u[1], u[0]))


def routes_for(iso3: str, year: int | None = None, *, years: int = PERIOD_YEARS) -> list[RouteUse]:
    """The routes a country is on (entry, departure, transit) or whose users include its nationals,
    over the ``years`` years up to ``year`` (default: the last full year of data), busiest first."""
    code = iso3.upper()
    period = period_of(year, years)
    table = detections_table()
    national_total = _national_totals(period).get(code, 0)
    out = []
    for r in route_table().values():
        by_nat = table.get(r.id, {})
        route_total = sum(v for years_ in by_nat.values() for y, v in years_.items() if y in period)
        mine = sum(v for y, v in by_nat.get(code, {}).items() if y in period)
        share_route = mine / route_total if route_total else 0.0
        share_nat = mine / national_total if national_total else 0.0
        uses = _uses(mine, share_route, share_nat)
        role = r.role_of(code)
        if not uses and role is None:
            continue
        deaths = route_deaths(r.id)
        dead = sum(v for y, v in deaths.items() if y in period) if deaths else None
        out.append(RouteUse(r, role, mine, share_route, share_nat, uses, period.start, period.stop - 1, route_total,
                            dead))
    return sorted(out, key=lambda u: (-u.nationals_detections, -u.route_detections, u.route.id))
