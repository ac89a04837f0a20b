"""Derive the route map of the web app from IOM Missing Migrants incidents (``../shared/data``).

Writes ``ima/data/maps/incidents.csv.gz`` (route id, year, latitude and longitude rounded to 0.1°,
dead and missing summed per cell) and ``ima/data/maps/countries.csv`` (a point per country of
incident: the median of its incidents' coordinates, for countries with at least 5 incidents).
Route ids are those of ``ima/data/routes/routes.csv``; ``sahara`` is the desert crossing that
feeds the Mediterranean and Atlantic routes.

    .venv/bin/python scripts/data/build_route_map.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pycountry

ROOT = Path(__file__).resolve().parents[2]
SOURCE = (ROOT.parent / "shared" / "data" / "iom_missing_migrants" / "original_iom_export_2024_11"
          / "Missing_Migrants_Global_Figures_allData.csv")
TARGET = ROOT / "ima" / "data" / "maps"
ROUTES = {
    "Central Mediterranean": "central_mediterranean",
    "Western Mediterranean": "western_mediterranean",
    "Eastern Mediterranean": "eastern_mediterranean",
    "Türkiye-Europe land route": "eastern_mediterranean",
    "Western Africa / Atlantic route to the Canary Islands": "western_african",
    "Western Balkans": "western_balkan",
    "Belarus-EU border": "eastern_borders",
    "Ukraine to Europe": "eastern_borders",
    "Sahara Desert crossing": "sahara",
}
NAMES = {"Türkiye": "TUR", "Iran (Islamic Republic of)": "IRN", "Syrian Arab Republic": "SYR",
         "Libya": "LBY", "Democratic Republic of the Congo": "COD", "United Republic of Tanzania": "TZA",
         "Bolivia (Plurinational State of)": "BOL", "Venezuela (Bolivarian Republic of)": "VEN",
         "Republic of Moldova": "MDA", "Russian Federation": "RUS", "Côte d'Ivoire": "CIV",
         "United Kingdom of Great Britain and Northern Ireland": "GBR", "Kosovo": "XKX",
         "State of Palestine": "PSE", "Occupied Palestinian Territory": "PSE"}
MIN_INCIDENTS = 5


def iso3(name: str) -> str | None:
    """ISO 3166 alpha-3 of an IOM country name (None when it is not one country)."""
    if not isinstance(name, str) or "," in name:
        return None
    if name in NAMES:
        return NAMES[name]
    try:
        return pycountry.countries.lookup(name).alpha_3
    except LookupError:
        return None


def main() -> None:
    if not SOURCE.exists():
        sys.exit(f"source not found: {SOURCE}")
    data = pd.read_csv(SOURCE, usecols=["Incident Year", "Total Number of Dead and Missing", "Country of Incident",
                                        "Migration Route", "Coordinates"])
    coords = data["Coordinates"].str.split(",", expand=True)
    data["lat"] = pd.to_numeric(coords[0], errors="coerce")
    data["lon"] = pd.to_numeric(coords[1], errors="coerce")
    data = data.dropna(subset=["lat", "lon"])
    data = data[data["lat"].between(-90, 90) & data["lon"].between(-180, 180)]
    routes = data[data["Migration Route"].isin(ROUTES)].assign(route=lambda d: d["Migration Route"].map(ROUTES))
    cells = (routes.assign(lat=routes["lat"].round(1), lon=routes["lon"].round(1), year=routes["Incident Year"])
             .groupby(["route", "year", "lat", "lon"], as_index=False)["Total Number of Dead and Missing"].sum()
             .rename(columns={"Total Number of Dead and Missing": "dead_missing"}))
    cells["dead_missing"] = cells["dead_missing"].fillna(0).astype(int)
    TARGET.mkdir(parents=True, exist_ok=True)
    cells.sort_values(["route", "year", "lat", "lon"]).to_csv(TARGET / "incidents.csv.gz", index=False,
                                                             compression={"method": "gzip", "mtime": 0})
    data["iso3"] = data["Country of Incident"].map(iso3)
    grouped = data.dropna(subset=["iso3"]).groupby("iso3")
    points = grouped.agg(lat=("lat", "median"), lon=("lon", "median"), incidents=("lat", "size")).reset_index()
    points = points[points["incidents"] >= MIN_INCIDENTS].round({"lat": 2, "lon": 2})
    points.to_csv(TARGET / "countries.csv", index=False)
    print(f"{len(cells)} incident cells, {len(points)} country points -> {TARGET}")


if __name__ == "__main__":
    main()
