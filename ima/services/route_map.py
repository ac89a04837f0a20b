"""The route picture of a country on a map: where people died on the routes it is on, and the countries
of those routes (IOM Missing Migrants incidents, ``ima/data/maps/``, see its SOURCE.md)."""

from __future__ import annotations

import csv
import gzip
from functools import lru_cache
from importlib import resources

from ima.domain.indicators import RouteUse

# The desert crossing feeds these sea routes; it is drawn with them.
SAHARA_FEEDS = {"central_mediterranean", "western_mediterranean", "western_african"}
SAHARA_NAME = {"nl": "Doorsteek van de Sahara", "en": "Sahara Desert crossing"}


def _data(name: str):
    return resources.files("ima") / "data" / "maps" / name


@lru_cache(maxsize=1)
def _incidents() -> dict[str, list[tuple[float, float, int]]]:
    cells: dict[tuple[str, float, float], int] = {}
    with gzip.open(_data("incidents.csv.gz").open("rb"), "rt", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            key = (row["route"], float(row["lat"]), float(row["lon"]))
            cells[key] = cells.get(key, 0) + int(row["dead_missing"])
    out: dict[str, list[tuple[float, float, int]]] = {}
    for (route, lat, lon), dead in sorted(cells.items()):
        out.setdefault(route, []).append((lat, lon, dead))
    return out


@lru_cache(maxsize=1)
def country_points() -> dict[str, tuple[float, float]]:
    """A representative point per country (median of its incidents' coordinates)."""
    with _data("countries.csv").open("r", encoding="utf-8") as handle:
        return {row["iso3"]: (float(row["lat"]), float(row["lon"])) for row in csv.DictReader(handle)}


def route_map(iso3: str, uses: list[RouteUse], lang: str = "nl") -> dict:
    """Map data for the routes a country is on or its nationals use: incident cells per route
    (``[lat, lon, dead_missing]``, all years summed) and the route countries with their role."""
    chosen = [u.route for u in uses if u.role or u.uses_route]
    ids = [r.id for r in chosen]
    if SAHARA_FEEDS & set(ids):
        ids.append("sahara")
    incidents = _incidents()
    points = country_points()
    roles: dict[str, str] = {}
    for route in chosen:
        for role, members in (("entry", route.entry_countries), ("departure", route.departure_countries),
                              ("transit", route.transit_countries)):
            for code in members:
                roles.setdefault(code, role)
    roles[iso3] = "self"
    return {"routes": [{"id": rid, "name": next((r.name(lang) for r in chosen if r.id == rid), SAHARA_NAME.get(lang, rid)),
                        "incidents": [list(cell) for cell in incidents.get(rid, [])]} for rid in ids],
            "countries": [{"iso3": code, "role": role, "lat": points[code][0], "lon": points[code][1]}
                          for code, role in roles.items() if code in points]}
