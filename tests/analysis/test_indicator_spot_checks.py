"""Spot checks of the vendored tables against the raw files in ``../shared/data`` (each value was
looked up by hand in the raw file named in the comment; the test pins the vendored value, so it
runs from a clone without ``../shared``)."""

from __future__ import annotations

import csv
import gzip
from importlib import resources

import pytest

from ima.analysis import indicators as ind


def test_eurostat_first_time_applicants_syrians_in_nl_2015() -> None:
    # eurostat_asylum/iom_gdidata_2025/eu_asyapp_first_time_2011_2024.csv, lines 34936-34938:
    # NLD,2015,SYR,female,3885 / male,14750 / unknown,55 → 18,690
    assert ind.indicator_value("SYR", "asylum_first_time_nld", 2015).value == 18_690


def test_frontex_moroccans_on_the_western_mediterranean_route_2018() -> None:
    # frontex_ibc/iom_gdidata_2025/frontex_ibc_monthly_2009_2025.csv, from line 32712
    # ("Western Mediterranean Route,Sea,MAR,2018-01-01,242"): the twelve months of 2018 sum to 11,881
    assert ind.route_detections("western_mediterranean")["MAR"][2018] == 11_881
    # all routes together (same file, every MAR row of 2018): 13,498
    assert ind.indicator_value("MAR", "ibc_detections", 2018).value == 13_498


def test_unhcr_eritreans_in_ethiopia_2020() -> None:
    # unhcr_refugee_statistics/population.csv.gz:
    # "2020,Eritrea,ERT,ERI,Ethiopia,ETH,ETH,181091,180,…" → 181,091 refugees, 180 asylum seekers
    hosts = {p.host: p for p in ind.refugee_hosts("ERI", 2020, top=10)}
    assert (hosts["ETH"].refugees, hosts["ETH"].asylum_seekers) == (181_091, 180)
    assert next(iter(hosts)) == "ETH"  # the largest host that year
    # the same file summed over hosts (coo_iso ERI) and over origins (coa_iso ETH), year 2020
    assert ind.indicator_value("ERI", "refugees_origin", 2020).value == 524_738
    assert ind.indicator_value("ETH", "refugees_hosted", 2020).value == 800_454
    assert hosts["ETH"].share == pytest.approx(181_091 / 524_738)
    origins = [p.origin for p in ind.refugee_origins("ETH", 2020)]
    assert origins[:3] == ["SSD", "SOM", "ERI"]


def test_other_sources_spot_checked() -> None:
    # mediterranean_arrivals/iom_dtm_2025/dtm_med_arrivals_by_nationality_monthly.csv: TUN rows of 2023
    # without the Spanish sub-routes ESP-WMR/ESP-WAAR sum to 17,964
    assert ind.indicator_value("TUN", "med_arrivals", 2023).value == 17_964
    # eu_key/worldbank_population.csv line 9621: "Morocco,MAR,2024,38081173"
    assert ind.indicator_value("MAR", "population", 2024).value == 38_081_173
    # eurostat_enforcement/migr_eirtn_Data_allcitizens.csv line 26174:
    # "2016","Netherlands","Morocco","Total number of persons returned","Person","280"
    assert ind.indicator_value("MAR", "returns_nld", 2016).value == 280


def test_refugee_pairs_are_consistent_with_the_totals() -> None:
    raw = resources.files("ima").joinpath("data", "indicators", "refugee_hosts.csv.gz").read_bytes()
    rows = list(csv.DictReader(gzip.decompress(raw).decode().splitlines()))
    assert len(rows) > 10_000 and all(int(r["refugees"]) + int(r["asylum_seekers"]) >= 1000 for r in rows)
    for origin in ("SYR", "AFG", "SDN", "ERI"):
        for year in (2015, 2020, 2024):
            pairs = ind.refugee_hosts(origin, year, top=1000)
            total = ind.indicator_value(origin, "refugees_origin", year).value
            # the table leaves out small pairs, so the pairs never add up to more than the total
            assert sum(p.refugees for p in pairs) <= total
            assert [p.refugees for p in pairs] == sorted((p.refugees for p in pairs), reverse=True)
    assert ind.refugee_hosts("ERI", 1990) == [] and ind.refugee_hosts("XXX") == []


def test_eu_solidarity_tables_spot_checked() -> None:
    from ima.analysis.solidarity.data import population_gdp, yearly_applicants

    figures = population_gdp()
    # eu_key/worldbank_population.csv line 11441: "Netherlands,NLD,2024,17993485"
    assert figures["NLD", 2024][0] == 17_993_485
    # eu_key/worldbank_gdp_current_usd.csv line 9169: "Netherlands,NLD,2023,1118124749886.2942" (whole USD)
    assert figures["NLD", 2023][1] == pytest.approx(1_118_124_749_886, abs=1)
    # eurostat_asylum/iom_gdidata_2025/eu_asyapp_first_time_2011_2024.csv: geo DEU / ITA, 2015, all sexes
    applicants = yearly_applicants()
    assert (applicants["DEU", 2015], applicants["ITA", 2015]) == (476_560, 83_525)
