"""The route picture: every route with its countries and the nationalities that use it."""

from __future__ import annotations

from ima.analysis import indicators as ind


def route_overview(year: int | None = None, lang: str = "nl") -> list[dict]:
    """One row per route over the 3 years up to ``year``: countries on it, detections, dead and missing,
    and the nationalities above the usage threshold (with their share of the route)."""
    period = ind.period_of(year)
    rows = []
    for r in ind.routes():
        detections = ind.route_detections(r.id)
        deaths = ind.route_deaths(r.id)
        rows.append({
            "route": r.id, "name": r.name(lang), "frontex_name": r.frontex_name,
            "entry_countries": list(r.entry_countries), "departure_countries": list(r.departure_countries),
            "transit_countries": list(r.transit_countries), "first_year": period.start, "last_year": period.stop - 1,
            "detections": sum(v for ys in detections.values() for y, v in ys.items() if y in period),
            "dead_missing": sum(v for y, v in deaths.items() if y in period) if deaths else None,
            "nationalities": [{"iso3": iso3, "detections": n, "share": round(share, 4),
                               "share_of_nationals": round(nat_share, 4)}
                              for iso3, n, share, nat_share in ind.route_users(r.id, year)],
            "certainty": r.certainty, "source": r.source})
    return rows
