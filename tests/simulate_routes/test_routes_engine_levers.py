"""The policy levers also act on the Flee-compatible engine through its daily-controls hook."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from ima.domain.simulation import LinkSpec, LocationSpec, Scenario, SimulationSettings
from ima.simulate.engine import Simulation
from ima.simulate.engine_levers import engine_levers

DAYS = 40
NAMES = {"A", "B", "C", "D"}


def scenario() -> Scenario:
    locations = (LocationSpec("A", "X", "conflict", population=1000), LocationSpec("B", "X", "town", population=10),
                 LocationSpec("C", "Y", "camp", capacity=-1), LocationSpec("D", "Z", "camp", capacity=-1))
    links = (LinkSpec(0, 1, 50.0), LinkSpec(1, 2, 50.0), LinkSpec(1, 3, 50.0))
    return Scenario("toy", "2020-01-01", DAYS, locations, links, daily_totals=np.arange(DAYS) * 30)


def run(levers: list[dict], seed: int = 3):
    sc = scenario()
    sim = Simulation(sc, SimulationSettings(), seed=seed,
                     levers=engine_levers(levers, date(2020, 1, 1), DAYS, NAMES))
    return list(sim.run())


def test_closure_lever_stops_flow_on_the_link_while_closed():
    days = run([{"type": "closure", "link": ["B", "C"], "start": "2020-01-05", "end": "2020-01-25"}])
    into_c = np.array([d.link_entries[2] for d in days])  # link 1 is B-C: directed id 2 is B->C
    assert into_c[4:25].sum() == 0 and into_c[25:].sum() > 0


def test_border_management_hold_with_probability_one_lets_nobody_pass():
    days = run([{"type": "border_management", "location": "B", "probability": 1.0, "outcome": "hold"}])
    assert days[-1].at_location[2] + days[-1].at_location[3] == 0


def test_border_management_return_removes_people_waiting_there():
    # Flee's agents may cross B within one day; only those settled at B at the day's start are returned
    base = run([])[-1]
    days = run([{"type": "border_management", "location": "B", "probability": 1.0, "outcome": "return"}])
    assert days[-1].removed > 0 and days[-1].at_location[2:].sum() < base.at_location[2:].sum()


def test_information_campaign_lowers_departures():
    base = run([])[-1].spawned
    assert run([{"type": "information_campaign", "departure_reduction": 0.5}])[-1].spawned < 0.7 * base


def test_levers_that_need_a_routes_scenario_are_refused():
    with pytest.raises(ValueError, match="needs a routes scenario"):
        engine_levers([{"type": "return_cooperation", "origin": "A", "share_per_month": 0.1}],
                      date(2020, 1, 1), DAYS, NAMES)
