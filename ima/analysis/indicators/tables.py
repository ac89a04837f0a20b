"""The vendored indicator tables, read once per process (plain csv: no pandas import on the CLI path)."""

from __future__ import annotations

import csv
import gzip
from collections import defaultdict
from functools import lru_cache
from importlib import resources

from ima.domain.indicators import Indicator, Route

CURATED_FIRST_YEAR = 2000
CURATED_LAST_YEAR = 2024  # the derived tables end in 2024 too
CURATED_INDICATORS = ("nl_embassy", "readmission_arrangement")


def lookup(table: dict, key: str, what: str):
    """``table[key]``, or a ValueError naming the known keys."""
    try:
        return table[key]
    except KeyError:
        raise ValueError(f"unknown {what} {key!r}; known: {', '.join(table)}") from None


def _data(*parts: str):
    return resources.files("ima").joinpath("data", *parts)


def _rows(*parts: str) -> list[dict[str, str]]:
    path = _data(*parts)
    raw = path.read_bytes()
    if parts[-1].endswith(".gz"):
        raw = gzip.decompress(raw)
    return list(csv.DictReader(raw.decode("utf-8").splitlines()))


@lru_cache(maxsize=1)
def catalogue_table() -> dict[str, Indicator]:
    """Indicator id → catalogue entry, in catalogue order."""
    return {r["id"]: Indicator(r["id"], r["label_nl"], r["label_en"], r["unit"], r["source"], r["source_url"],
                               r["notes"] or "") for r in _rows("indicators", "catalogue.csv")}


@lru_cache(maxsize=1)
def bilateral_rows() -> tuple[dict[str, str], ...]:
    """The curated bilateral table (embassies, readmission agreements), each row with its source."""
    return tuple(_rows("ranking", "bilateral.csv"))


@lru_cache(maxsize=1)
def value_table() -> dict[str, dict[str, dict[int, float]]]:
    """indicator → ISO3 → year → value: the derived tables plus the curated bilateral facts spread over
    the years they hold (a missing bilateral row means 0 for the countries the table covers)."""
    table: dict[str, dict[str, dict[int, float]]] = defaultdict(lambda: defaultdict(dict))
    with gzip.open(_data("indicators", "values.csv.gz").open("rb"), "rt", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        next(reader)
        for iso3, year, indicator, value in reader:
            table[indicator][iso3][int(year)] = float(value)
    covered = {r["iso3"] for r in bilateral_rows()}
    for indicator in CURATED_INDICATORS:
        for iso3 in covered:
            for year in range(CURATED_FIRST_YEAR, CURATED_LAST_YEAR + 1):
                table[indicator][iso3][year] = 0.0
    for r in bilateral_rows():
        first = int(r["from_year"]) if r["from_year"] else CURATED_FIRST_YEAR
        last = int(r["to_year"]) if r["to_year"] else CURATED_LAST_YEAR
        for year in range(max(first, CURATED_FIRST_YEAR), min(last, CURATED_LAST_YEAR) + 1):
            table[r["indicator"]][r["iso3"]][year] = float(r["value"])
    return {k: {iso: dict(years) for iso, years in v.items()} for k, v in table.items()}


@lru_cache(maxsize=1)
def route_table() -> dict[str, Route]:
    """Route id → curated route."""
    def codes(text: str) -> tuple[str, ...]:
        return tuple(c for c in (text or "").split(";") if c)

    return {r["route_id"]: Route(r["route_id"], r["frontex_name"], r["name_nl"], r["name_en"],
                                 codes(r["entry_countries"]), codes(r["departure_countries"]),
                                 codes(r["transit_countries"]), r["certainty"], r["source"])
            for r in _rows("routes", "routes.csv")}


@lru_cache(maxsize=1)
def detections_table() -> dict[str, dict[str, dict[int, int]]]:
    """route → ISO3 (nationality) → year → Frontex detections."""
    table: dict[str, dict[str, dict[int, int]]] = defaultdict(lambda: defaultdict(dict))
    for r in _rows("routes", "detections.csv.gz"):
        table[r["route"]][r["iso3"]][int(r["year"])] = int(r["detections"])
    return {k: dict(v) for k, v in table.items()}


@lru_cache(maxsize=1)
def deaths_table() -> dict[str, dict[int, float]]:
    """route → year → dead and missing (IOM Missing Migrants)."""
    table: dict[str, dict[int, float]] = defaultdict(dict)
    for r in _rows("routes", "deaths.csv"):
        table[r["route"]][int(r["year"])] = float(r["dead_missing"])
    return dict(table)


@lru_cache(maxsize=1)
def monthly_table() -> dict[str, dict[str, int]]:
    """route → month (``YYYY-MM``) → Frontex detections, all nationalities (2009-01 to 2025-04)."""
    table: dict[str, dict[str, int]] = defaultdict(dict)
    for r in _rows("routes", "monthly.csv"):
        table[r["route"]][r["month"]] = int(r["detections"])
    return dict(table)
