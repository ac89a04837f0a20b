"""Re-derive ``ima/data/eu/`` from ``/work/shared/data`` (World Bank population and GDP, Eurostat
first-time asylum applicants). Run: ``.venv/bin/python scripts/data/derive_eu_solidarity.py [SHARED]``."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

EU27 = ("AUT BEL BGR HRV CYP CZE DNK EST FIN FRA DEU GRC HUN IRL ITA LVA LTU LUX MLT NLD POL PRT ROU "
        "SVK SVN ESP SWE").split()
OUT = Path(__file__).resolve().parents[2] / "ima" / "data" / "eu"


def derive(shared: Path) -> None:
    """Write ``population_gdp.csv`` and ``first_time_applicants.csv``."""
    key = shared / "eu_key"
    pop = pd.read_csv(key / "worldbank_population.csv").rename(
        columns={"Country Code": "iso3", "Year": "year", "Value": "population"})
    gdp = pd.read_csv(key / "worldbank_gdp_current_usd.csv").rename(
        columns={"Country Code": "iso3", "Year": "year", "Value": "gdp_usd"})
    table = pop[["iso3", "year", "population"]].merge(gdp[["iso3", "year", "gdp_usd"]], on=["iso3", "year"],
                                                        how="outer")
    table = table[table.iso3.isin(EU27) & (table.year >= 2000)].sort_values(["year", "iso3"])
    table["population"] = table.population.astype("Int64")
    table["gdp_usd"] = table.gdp_usd.round(0).astype("Int64")
    table.to_csv(OUT / "population_gdp.csv", index=False)

    apps = pd.read_csv(shared / "eurostat_asylum" / "iom_gdidata_2025" / "eu_asyapp_first_time_2011_2024.csv")
    apps = apps[apps.geo.isin(EU27)].groupby(["geo", "t"], as_index=False)["n"].sum()
    apps = apps.rename(columns={"geo": "iso3", "t": "year", "n": "applicants"}).sort_values(["year", "iso3"])
    apps.to_csv(OUT / "first_time_applicants.csv", index=False)


if __name__ == "__main__":
    derive(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/work/shared/data"))
