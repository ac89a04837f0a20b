"""Re-derive ``ima/data/indicators/`` and ``ima/data/routes/`` tables from ``../shared/data``.

Usage: ``.venv/bin/python scripts/data/build_indicators.py [SHARED_DATA_DIR]``

Writes (all tidy, long, gzip where large):

- ``ima/data/indicators/values.csv.gz``: ``iso3, year, indicator, value`` (catalogue in
  ``ima/data/indicators/catalogue.csv`` gives each indicator's unit and source);
- ``ima/data/routes/detections.csv.gz``: Frontex IBC detections ``route, iso3, year, detections``;
- ``ima/data/routes/deaths.csv``: IOM Missing Migrants dead and missing ``route, year, dead_missing``;
- ``ima/data/routes/monthly.csv``: Frontex detections per route and month, all nationalities.

Country names are reconciled with country_converter (its own table, read so that Namibia's
``NA`` stays a code); non-ISO codes of the sources (XKX Kosovo, OOO unknown, …) pass through.
The transit indicator needs the curated routes table (``ima/data/routes/routes.csv``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pandas as pd
import pycountry

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "ima" / "data" / "indicators"
ROUTES = ROOT / "ima" / "data" / "routes"
FIRST_YEAR = 2000
MIN_HOST_PAIR = 1000  # origin-host pairs below this many refugees and asylum seekers are left out
LAST_YEAR = 2024  # 2025 is partial everywhere (Frontex and IOM to April, UNHCR mid-year): left out
NOT_COUNTRIES = {"OOO", "OOS", "STL", "UNK", "UKN", "XXA", "XXB", "XXC", "XXX", "TOTAL", "EU27"}
EU27 = {"AUT", "BEL", "BGR", "CYP", "CZE", "DEU", "DNK", "ESP", "EST", "FIN", "FRA", "GRC", "HRV", "HUN", "IRL", "ITA",
        "LTU", "LUX", "LVA", "MLT", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "SWE"}
FRONTEX_ROUTE_IDS = {
    "Eastern Mediterranean Route": "eastern_mediterranean", "Central Mediterranean Route": "central_mediterranean",
    "Western Mediterranean Route": "western_mediterranean", "Western African Route": "western_african",
    "Western Balkan Route": "western_balkan", "Eastern Borders Route": "eastern_borders",
    "Circular Route from Albania to Greece": "circular_albania_greece", "Black Sea Route": "black_sea",
    "Other": "other",
}
MMP_ROUTE_IDS = {"Central Mediterranean Route": "central_mediterranean",
                 "Western Mediterranean Route": "western_mediterranean",
                 "Eastern Mediterranean Route": "eastern_mediterranean",
                 "Western African Atlantic Route": "western_african"}


def converter():
    """country_converter with its table read so that ``NA`` (Namibia) is not a missing value."""
    import country_converter as coco

    table = pd.read_csv(os.path.join(os.path.dirname(coco.__file__), "country_data.tsv"), sep="\t",
                        encoding="utf-8", keep_default_na=False, na_values=[""]).astype(object)
    return coco.CountryConverter(country_data=table)


def to_iso3(names: pd.Series) -> pd.Series:
    """English country names → ISO 3166 alpha-3 (None where not a country)."""
    unique = sorted(set(names.dropna()))
    codes = converter().convert(unique, to="ISO3", not_found=None)
    mapping = {name: code for name, code in zip(unique, codes, strict=True) if isinstance(code, str)}
    return names.map(mapping)


def tidy(frame: pd.DataFrame, indicator: str, value: str = "value") -> pd.DataFrame:
    out = frame.rename(columns={value: "value"})[["iso3", "year", "value"]].dropna()
    out = out[~out.iso3.isin(NOT_COUNTRIES)]
    out = out.groupby(["iso3", "year"], as_index=False)["value"].sum()
    out["indicator"] = indicator
    return out[(out.year >= FIRST_YEAR) & (out.year <= LAST_YEAR)]


def frontex(data: Path) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    f = pd.read_csv(data / "frontex_ibc/iom_gdidata_2025/frontex_ibc_monthly_2009_2025.csv")
    f["year"] = f.t.str[:4].astype(int)
    f["route"] = f.route.map(FRONTEX_ROUTE_IDS)
    by_route = f.groupby(["route", "nat", "year"], as_index=False)["n"].sum()
    by_route.columns = ["route", "iso3", "year", "detections"]
    total = tidy(by_route.rename(columns={"detections": "value"}), "ibc_detections")
    # Months are complete even where the year is not (2025 runs to April): kept to the last month.
    monthly = f.assign(month=f.t.str[:7]).groupby(["route", "month"], as_index=False)["n"].sum()
    return by_route, total, monthly.rename(columns={"n": "detections"}).sort_values(["route", "month"])


def transit(by_route: pd.DataFrame) -> pd.DataFrame:
    """Detections on the routes a country is a departure or transit country of (curated table)."""
    routes = pd.read_csv(ROUTES / "routes.csv")
    per_route = by_route.groupby(["route", "year"], as_index=False)["detections"].sum()
    rows = []
    for r in routes.itertuples():
        for column in ("departure_countries", "transit_countries"):
            for iso3 in str(getattr(r, column) or "").split(";"):
                if iso3 and iso3 != "nan":
                    sub = per_route[per_route.route == r.route_id]
                    rows.append(pd.DataFrame({"iso3": iso3, "year": sub.year, "value": sub.detections}))
    out = pd.concat(rows).drop_duplicates()
    return tidy(out, "ibc_transit_detections")


def arrivals(data: Path) -> pd.DataFrame:
    d = pd.read_csv(data / "mediterranean_arrivals/iom_dtm_2025/dtm_med_arrivals_by_nationality_monthly.csv")
    d = d[~d.geo.isin(["ESP-WMR", "ESP-WAAR"])]  # sub-routes of ESP: counted in ESP already
    d["year"] = d.t.str[:4].astype(int)
    return tidy(d.rename(columns={"nat": "iso3", "n": "value"}), "med_arrivals")


def asylum(data: Path) -> list[pd.DataFrame]:
    a = pd.read_csv(data / "eurostat_asylum/iom_gdidata_2025/eu_asyapp_first_time_2011_2024.csv")
    a = a.rename(columns={"nat": "iso3", "t": "year", "n": "value"})
    eu = a[a.geo == "EU27"]
    # The EU-27 aggregate starts in 2013; earlier years are the sum of the 27 member states.
    members = a[a.geo.isin(EU27) & ~a.year.isin(set(eu.year))]
    return [tidy(a[a.geo == "NLD"], "asylum_first_time_nld"), tidy(pd.concat([eu, members]), "asylum_first_time_eu27")]


def unhcr(data: Path) -> list[pd.DataFrame]:
    base = data / "unhcr_refugee_statistics"
    dec = pd.read_csv(base / "asylum_decisions.csv.gz", low_memory=False)
    for c in ("dec_recognized", "dec_other", "dec_rejected"):
        dec[c] = pd.to_numeric(dec[c], errors="coerce").fillna(0)
    dec = dec.rename(columns={"coo_iso": "iso3"})
    out = []
    for name, sub in (("nld", dec[dec.coa_iso == "NLD"]), ("global", dec)):
        g = sub.groupby(["iso3", "year"], as_index=False)[["dec_recognized", "dec_other", "dec_rejected"]].sum()
        g["decided"] = g.dec_recognized + g.dec_other + g.dec_rejected
        g = g[g.decided >= 20]  # rates on fewer decisions say little
        g["value"] = (g.dec_recognized + g.dec_other) / g.decided
        out.append(tidy(g, f"recognition_rate_{name}"))
        if name == "nld":
            out.append(tidy(g.rename(columns={"value": "rate", "dec_rejected": "value"}), "rejections_nld"))
    pop = pd.read_csv(base / "population.csv.gz", low_memory=False)
    for c in ("refugees", "asylum_seekers", "idps"):
        pop[c] = pd.to_numeric(pop[c], errors="coerce").fillna(0)
    out.append(tidy(pop.rename(columns={"coo_iso": "iso3", "refugees": "value"}), "refugees_origin"))
    out.append(tidy(pop.rename(columns={"coa_iso": "iso3", "refugees": "value"}), "refugees_hosted"))
    out.append(tidy(pop.rename(columns={"coa_iso": "iso3", "asylum_seekers": "value"}), "asylum_seekers_hosted"))
    out.append(tidy(pop.rename(columns={"coa_iso": "iso3", "idps": "value"}), "idps"))
    return out


def refugee_hosts(data: Path) -> pd.DataFrame:
    """UNHCR refugees and asylum seekers by origin and host country (the pairs of at least
    ``MIN_HOST_PAIR`` people, so the table stays small): where a country's refugees live."""
    pop = pd.read_csv(data / "unhcr_refugee_statistics/population.csv.gz", low_memory=False)
    for c in ("refugees", "asylum_seekers"):
        pop[c] = pd.to_numeric(pop[c], errors="coerce").fillna(0).astype(int)
    pop = pop[(pop.year >= 2000) & (pop.year <= LAST_YEAR) & (pop.refugees + pop.asylum_seekers >= MIN_HOST_PAIR)]
    pairs = pop.rename(columns={"coo_iso": "origin", "coa_iso": "host"})
    pairs = pairs.groupby(["origin", "host", "year"], as_index=False)[["refugees", "asylum_seekers"]].sum()
    return pairs.sort_values(["origin", "year", "host"])


def enforcement(data: Path) -> list[pd.DataFrame]:
    base = data / "eurostat_enforcement"
    out = []
    for stem, indicator in (("migr_eiord_Data_allcitizens", "orders_to_leave"),
                            ("migr_eirtn_Data_allcitizens", "returns")):
        e = pd.read_csv(base / f"{stem}.csv", encoding="latin-1", thousands=",", na_values=[":"])
        e = e[e.CITIZEN != "Total"]
        e["iso3"] = to_iso3(e.CITIZEN)
        e["year"] = e.TIME.astype(int)
        e["value"] = pd.to_numeric(e.Value, errors="coerce")
        out.append(tidy(e[e.GEO == "Netherlands"], f"{indicator}_nld"))
        out.append(tidy(e[e.GEO == "European Union (28 countries)"], f"{indicator}_eu"))
    return out


def return_operations(data: Path) -> list[pd.DataFrame]:
    r = pd.read_csv(data / "frontex_return_operations/clean_data/returnees.csv")
    r["iso3"] = to_iso3(r.DEST)
    r["year"] = r.DATE.str[:4].astype(int)
    r["value"] = pd.to_numeric(r.N_RETURNEES, errors="coerce")
    return [tidy(r, "frontex_returns"), tidy(r[r.MSNAME == "Netherlands"], "frontex_returns_from_nld")]


def missing_migrants(data: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    m = pd.read_csv(data / "iom_missing_migrants/iom_gdidata_2025/iom_mmp_2014_2025.csv")
    m["year"] = m.t.str[:4].astype(int)
    by_country = tidy(m.rename(columns={"geo": "iso3", "dead": "value"}), "dead_missing_in_country")
    m["route"] = m.route.map(MMP_ROUTE_IDS)
    deaths = m.dropna(subset=["route"]).groupby(["route", "year"], as_index=False)["dead"].sum()
    return by_country, deaths[deaths.year <= LAST_YEAR].rename(columns={"dead": "dead_missing"})


def eutf(data: Path) -> pd.DataFrame:
    e = pd.read_csv(data / "eutf_africa_projects/EUTF-country-budget.csv")
    e = e.rename(columns={"ISO": "iso3", e.columns[1]: "value"})
    e["year"] = 2021  # the project database as of January 2022: commitments 2015-2021
    return tidy(e, "eutf_budget_eur")


def world_bank(data: Path) -> list[pd.DataFrame]:
    out = []
    frames = {}
    for name, indicator in (("worldbank_population", "population"), ("worldbank_gdp_current_usd", "gdp_usd")):
        w = pd.read_csv(data / f"eu_key/{name}.csv").rename(columns={"Country Code": "iso3", "Year": "year",
                                                                      "Value": "value"})
        frames[indicator] = tidy(w, indicator)
        out.append(frames[indicator])
    merged = frames["gdp_usd"].merge(frames["population"], on=["iso3", "year"])
    merged["value"] = merged.value_x / merged.value_y
    out.append(tidy(merged, "gdp_per_capita_usd"))
    return out


def build(data: Path, out: Path = OUT, routes_out: Path = ROUTES) -> None:
    """Derive every table from the shared data folder and write them into ``out`` (values) and
    ``routes_out`` (route detections and deaths); by default into the package."""
    by_route, detections, monthly = frontex(data)
    deaths_by_country, deaths_by_route = missing_migrants(data)
    parts = [detections, transit(by_route), arrivals(data), *asylum(data), *unhcr(data), *enforcement(data),
             *return_operations(data), deaths_by_country, eutf(data), *world_bank(data)]
    values = pd.concat(parts, ignore_index=True)
    countries = {c.alpha_3 for c in pycountry.countries} | {"XKX"}  # World Bank aggregates (WLD, EUU, …) go
    values = values[values.iso3.isin(countries)]
    values["value"] = values.value.round(4)
    values = values.sort_values(["indicator", "iso3", "year"])[["iso3", "year", "indicator", "value"]]
    catalogue = pd.read_csv(OUT / "catalogue.csv")
    unknown = set(values.indicator) - set(catalogue.id)
    if unknown:
        raise SystemExit(f"indicators missing from catalogue.csv: {sorted(unknown)}")
    values.to_csv(out / "values.csv.gz", index=False, compression={"method": "gzip", "mtime": 0})
    by_route = by_route[by_route.iso3.str.fullmatch(r"[A-Z]{3}") & (by_route.year <= LAST_YEAR)]
    by_route = by_route.sort_values(["route", "iso3", "year"])
    by_route.to_csv(routes_out / "detections.csv.gz", index=False, compression={"method": "gzip", "mtime": 0})
    hosts = refugee_hosts(data)
    hosts = hosts[hosts.origin.isin(countries) & hosts.host.isin(countries)]
    hosts.to_csv(out / "refugee_hosts.csv.gz", index=False, compression={"method": "gzip", "mtime": 0})
    deaths_by_route.to_csv(routes_out / "deaths.csv", index=False)
    monthly.to_csv(routes_out / "monthly.csv", index=False)
    print(f"{len(values)} indicator values, {values.indicator.nunique()} indicators, "
          f"{values.iso3.nunique()} countries; {len(by_route)} route detections rows")


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data")
