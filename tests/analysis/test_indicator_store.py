"""The country indicator store and the routes: vendored tables, sources, years, route roles."""

from __future__ import annotations

import time

import pytest

from ima.analysis import indicators as ind
from ima.domain.indicators import sparkline, trend_of

NAMED = ["MAR", "DZA", "TUN", "LBY", "EGY", "TUR", "NER", "MLI", "NGA", "ETH", "SDN", "SOM", "AFG", "IRQ", "JOR",
         "LBN", "SYR", "ERI", "UGA"]


def test_catalogue_gives_every_indicator_a_label_unit_and_source() -> None:
    items = ind.catalogue()
    assert len(items) >= 20
    for item in items:
        assert item.label_nl and item.label_en and item.unit and item.source and item.source_url.startswith("http")
        assert ind.indicator_table(item.id), f"{item.id} has no values"


@pytest.mark.parametrize("iso3", NAMED)
def test_named_countries_have_sourced_indicators(iso3: str) -> None:
    values = ind.indicators_for(iso3)
    ids = {v.indicator for v in values}
    assert {"population", "refugees_origin", "asylum_first_time_eu27"} <= ids
    assert all(v.source and v.unit and 2000 <= v.year <= 2024 for v in values)


def test_known_figures_hand_checked_against_the_sources() -> None:
    # Eurostat first-time applicants: Syrians in the EU-27 in 2015 (migr_asyappctza, EU27 aggregate).
    syr = {v.year: v.value for v in ind.indicator_series("SYR", "asylum_first_time_eu27")}
    assert syr[2015] == pytest.approx(365_540)
    assert syr[2011] > 0  # before the EU-27 aggregate starts (2013) the member states are summed
    # Eurostat orders to leave, NL, Moroccans 2016 (migr_eiord, 2017 vintage).
    assert ind.indicator_value("MAR", "orders_to_leave_nld", 2016).value == 1420
    # the series stops in 2016: within a 3-year window 2019 still finds it, 2020 no longer does
    assert ind.indicator_value("MAR", "orders_to_leave_nld", 2019, window=3).year == 2016
    assert ind.indicator_value("MAR", "orders_to_leave_nld", 2020, window=3) is None


def test_recognition_rates_are_shares_and_bilateral_facts_follow_their_years() -> None:
    for iso3 in NAMED:
        for v in ind.indicator_series(iso3, "recognition_rate_nld"):
            assert 0.0 <= v.value <= 1.0
    assert ind.indicator_value("SYR", "nl_embassy", 2010).value == 1
    assert ind.indicator_value("SYR", "nl_embassy", 2013).value == 0
    assert ind.indicator_value("TUR", "readmission_arrangement", 2013).value == 0
    assert ind.indicator_value("TUR", "readmission_arrangement", 2016).value == 1


def test_unknown_indicator_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown indicator 'bananas'"):
        ind.indicator_series("MAR", "bananas")


def test_routes_know_departure_transit_and_entry_countries() -> None:
    roles = {u.route.id: u.role for u in ind.routes_for("MAR", 2023)}
    assert roles["western_mediterranean"] == "departure"
    libya = {u.route.id: u for u in ind.routes_for("LBY", 2023)}
    assert libya["central_mediterranean"].role == "departure"
    assert ind.route("central_mediterranean").role_of("ITA") == "entry"
    assert ind.route("central_mediterranean").role_of("NER") == "transit"


def test_nationalities_use_routes_by_the_stated_threshold() -> None:
    syrians = {u.route.id: u for u in ind.routes_for("SYR", 2016)}
    assert syrians["eastern_mediterranean"].uses_route
    for u in ind.routes_for("AFG", 2022):
        assert u.uses_route == (u.nationals_detections >= ind.MIN_DETECTIONS and (
            u.share_of_route >= ind.ROUTE_SHARE_THRESHOLD or u.share_of_nationals >= ind.NATIONAL_SHARE_THRESHOLD))
    users = ind.route_users("western_african", 2024)
    assert users and users[0][0] in {"SEN", "MLI", "MAR", "GMB", "GIN"}
    assert sum(u[2] for u in users) <= 1.0


def test_monthly_route_detections_add_up_to_the_years() -> None:
    months = ind.route_monthly("central_mediterranean")
    assert min(months) == "2009-01" and max(months) >= "2025-01"
    yearly = sum(n for by_year in ind.route_detections("central_mediterranean").values() for y, n in by_year.items()
                 if y == 2016)
    monthly_2016 = sum(n for m, n in months.items() if m.startswith("2016-"))
    assert monthly_2016 == yearly > 150_000


def test_trend_and_sparkline_hand_checked() -> None:
    t = trend_of("x", {2015: 50.0, 2019: 100.0, 2020: 120.0})
    assert (t.latest_year, t.latest, t.previous, t.arrow) == (2020, 120.0, 100.0, "↑")
    assert t.change == pytest.approx(0.2) and t.change_5y == pytest.approx(1.4)
    assert trend_of("x", {2019: 100.0, 2020: 97.0}).arrow == "→"
    assert trend_of("x", {2020: 5.0}, upto=2019) is None
    assert sparkline([0.0, None, 7.0]) == "▁·█"


def test_tables_load_fast() -> None:
    from ima.analysis.indicators import tables

    for loader in (tables.value_table, tables.detections_table, tables.catalogue_table):
        loader.cache_clear()
    start = time.perf_counter()
    ind.indicators_for("MAR")
    ind.routes_for("MAR")
    assert time.perf_counter() - start < 1.5  # 0.2 s when the machine is idle
