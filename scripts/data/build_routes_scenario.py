"""Re-derive the data tables of the routes-to-Europe scenario from ``../shared/data``.

Writes ``ima/data/scenarios/routes_to_europe/``:

- ``departures_monthly.csv.gz``: Frontex detections of illegal border crossings per month,
  route (EMR, CMR, WMR, WAR) and nationality (ISO 3166 alpha-3), 2014-01 … 2024-12, zeros omitted;
- ``arrivals_monthly.csv``: observed arrivals per month and entry country (IOM DTM; UNHCR
  2014–2019 beside it as a cross-check where UNHCR reports that country);
- ``destination_shares.csv``: first-time asylum applicants 2015–2024 (Eurostat) per member
  state, restricted to the nationalities that use the four routes, with their share.

Run: ``.venv/bin/python scripts/data/build_routes_scenario.py [SHARED_DATA_DIR]``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "ima" / "data" / "scenarios" / "routes_to_europe"
ROUTES = {
    "Eastern Mediterranean Route": "EMR",
    "Central Mediterranean Route": "CMR",
    "Western Mediterranean Route": "WMR",
    "Western African Route": "WAR",
}
# Entry country series of IOM DTM and the route they belong to (Frontex route definitions).
ENTRIES = {"GRC": "EMR", "BGR": "EMR", "CYP": "EMR", "ITA": "CMR", "MLT": "CMR", "ESP-WMR": "WMR", "ESP-WAAR": "WAR"}
UNHCR_COLUMNS = {"GRC": "greece_all", "CYP": "cyprus_all", "ITA": "italy_all", "MLT": "malta_all"}
DESTINATIONS = ("DEU", "FRA", "ITA", "ESP", "GRC", "AUT", "SWE", "NLD", "BEL", "CHE", "CYP")
FIRST_MONTH, LAST_MONTH = "2014-01", "2024-12"


def build_departures(shared: Path) -> pd.DataFrame:
    """Frontex detections per month, route and nationality on the four sea routes."""
    raw = pd.read_csv(shared / "frontex_ibc/iom_gdidata_2025/frontex_ibc_monthly_2009_2025.csv")
    raw = raw[raw.route.isin(ROUTES)].assign(route=lambda d: d.route.map(ROUTES), month=lambda d: d.t.str[:7])
    raw = raw[(raw.month >= FIRST_MONTH) & (raw.month <= LAST_MONTH)]
    out = raw.groupby(["month", "route", "nat"], as_index=False).n.sum()
    return out[out.n > 0].sort_values(["month", "route", "nat"]).reset_index(drop=True)


def build_arrivals(shared: Path) -> pd.DataFrame:
    """Monthly arrivals per entry country: IOM DTM, with UNHCR 2014–2019 as a cross-check."""
    dtm = pd.read_csv(shared / "mediterranean_arrivals/iom_dtm_2025/dtm_med_arrivals_monthly.csv")
    dtm = dtm[dtm.geo.isin(ENTRIES)].assign(month=lambda d: d.t.str[:7])
    dtm = dtm[(dtm.month >= FIRST_MONTH) & (dtm.month <= LAST_MONTH)]
    out = dtm[["month", "geo", "n"]].rename(columns={"geo": "entry", "n": "iom_dtm"})
    unhcr = pd.read_csv(shared / "mediterranean_arrivals/unhcr_2014_2019/unhcr_arrivals_12_31.csv",
                        encoding="utf-8-sig")
    unhcr["month"] = unhcr.year.astype(str) + "-" + unhcr.month.astype(int).map("{:02d}".format)
    long = unhcr.melt(id_vars="month", value_vars=list(UNHCR_COLUMNS.values()), var_name="col", value_name="unhcr")
    long["entry"] = long.col.map({v: k for k, v in UNHCR_COLUMNS.items()})
    out = out.merge(long[["month", "entry", "unhcr"]], on=["month", "entry"], how="outer")
    out = out[(out.month >= FIRST_MONTH) & (out.month <= LAST_MONTH)]
    out["route"] = out.entry.map(ENTRIES)
    out["unhcr"] = out.unhcr.astype("Int64")
    out["iom_dtm"] = out.iom_dtm.astype("Int64")
    return out[["month", "entry", "route", "iom_dtm", "unhcr"]].sort_values(["entry", "month"]).reset_index(drop=True)


def build_destinations(shared: Path, nationalities: set[str]) -> pd.DataFrame:
    """First-time asylum applicants 2015–2024 per member state from the route nationalities."""
    asy = pd.read_csv(shared / "eurostat_asylum/iom_gdidata_2025/eu_asyapp_first_time_2011_2024.csv")
    asy = asy[(asy.t >= 2015) & (asy.geo != "EU27") & asy.nat.isin(nationalities)]
    asy["destination"] = asy.geo.where(asy.geo.isin(DESTINATIONS), "OTHER")
    out = asy.groupby("destination", as_index=False).n.sum().sort_values("n", ascending=False)
    out["share"] = (out.n / out.n.sum()).round(5)
    return out.reset_index(drop=True)


def main(shared: Path) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    departures = build_departures(shared)
    departures.to_csv(OUT / "departures_monthly.csv.gz", index=False, compression={"method": "gzip", "mtime": 0})
    build_arrivals(shared).to_csv(OUT / "arrivals_monthly.csv", index=False)
    build_destinations(shared, set(departures.nat)).to_csv(OUT / "destination_shares.csv", index=False)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data")
