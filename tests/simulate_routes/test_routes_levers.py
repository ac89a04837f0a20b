"""Levers change what they should, agents stay conserved, and the same seed gives the same run."""

from __future__ import annotations

import numpy as np
import pytest
from tests.simulate_routes.conftest import TINY, write_scenario
from hypothesis import given, settings
from hypothesis import strategies as st

from ima.simulate.journeys import simulate
from ima.simulate.scenario import load_scenario


def run(path, seed=1):
    return simulate(load_scenario(path), seed)


def arrivals(r, entry):
    k = r.network.index(entry)
    return int(r.flows[:, r.network.link_target == k].sum())


def test_same_seed_same_output_and_conservation(tiny):
    a, b, c = run(tiny, 7), run(tiny, 7), run(tiny, 8)
    assert np.array_equal(a.counts, b.counts) and np.array_equal(a.flows, b.flows)
    assert not np.array_equal(a.flows, c.flows)
    assert a.conserved()
    assert int(a.spawned.sum()) == 1200


def test_closure_means_no_flow_on_that_link_while_closed(tmp_path):
    path = write_scenario(tmp_path, levers=[{"type": "closure", "name": "shut", "link": ["CoastA", "EntryA"],
                                             "start": "2020-01-25", "end": "2020-02-15"}])
    r = run(path)
    k = r.network.link_index("CoastA", "EntryA")
    assert r.flows[24:46, k].sum() == 0
    assert r.flows[46:, k].sum() > 0 and r.flows[:24, k].sum() > 0
    assert r.conserved()


def test_opening_keeps_a_link_closed_until_it_opens(tmp_path):
    path = write_scenario(tmp_path, levers=[{"type": "opening", "link": ["Hub", "CoastB"], "start": "2020-02-01"}])
    r = run(path)
    k = r.network.link_index("Hub", "CoastB")
    assert r.flows[:31, k].sum() == 0 and r.flows[31:, k].sum() > 0


def test_interception_probability_one_lets_nobody_pass(tmp_path):
    for outcome in ("return", "hold"):
        path = write_scenario(tmp_path, levers=[{"type": "border_management", "location": "CoastA",
                                                 "probability": 1.0, "outcome": outcome}])
        r = run(path)
        assert arrivals(r, "EntryA") == 0
        assert arrivals(r, "EntryB") > 0
        assert r.conserved()
    assert r.counts[-1, r.network.index("CoastA")] > 0  # held, not returned


def test_information_campaign_lowers_departures(tmp_path):
    base = run(write_scenario(tmp_path, "base"))
    path = write_scenario(tmp_path, levers=[{"type": "information_campaign", "departure_reduction": 0.25}])
    r = run(path)
    assert int(r.spawned.sum()) == 900 < int(base.spawned.sum())
    assert r.conserved()


def test_resettlement_moves_exactly_the_quota(tmp_path):
    path = write_scenario(tmp_path, period={"start": "2019-01-01", "end": "2019-12-31"}, spawn={},
                          levers=[{"type": "resettlement", "name": "nl", "to": "NLD", "quota_per_year": 750}])
    r = run(path)
    assert int(r.resettled.sum()) == 750
    assert int(r.counts[-1, r.network.index("NLD")]) == 750
    assert r.conserved()


def test_resettlement_takes_people_waiting_at_the_source_first(tmp_path):
    path = write_scenario(tmp_path, levers=[{"type": "resettlement", "to": {"NLD": 1, "DEU": 1}, "source": "Hub",
                                             "quota_per_year": 3650, "start": "2020-01-05"}])
    r = run(path)
    assert int(r.created.sum()) < int(r.resettled.sum())
    assert r.conserved()


def test_one_for_one_resettles_one_per_person_returned(tmp_path):
    path = write_scenario(tmp_path, levers=[
        {"type": "border_management", "name": "islands", "location": "EntryA", "probability": 0.5},
        {"type": "resettlement", "name": "one_for_one", "to": "NLD", "one_for_one": "islands", "cap": 100}])
    r = run(path)
    returned = int(r.returned[:, r.network.index("EntryA")].sum())
    assert int(r.resettled.sum()) == min(100, returned) and returned > 0


def test_return_cooperation_returns_people_without_right_to_stay(tmp_path):
    path = write_scenario(tmp_path, levers=[{"type": "return_cooperation", "origin": "Home", "share_per_month": 1.0,
                                             "no_right_to_stay": 1.0, "start": "2020-03-01"}])
    r = run(path)
    sinks = r.network.is_sink == 1
    assert r.returned[:, sinks].sum() > 0
    assert r.counts[-1, sinks].sum() < r.counts[59, sinks].sum()
    assert r.conserved()


def test_reception_support_slows_onward_movement(tmp_path):
    base = run(write_scenario(tmp_path, "base"))
    r = run(write_scenario(tmp_path, levers=[{"type": "reception_support", "locations": ["Hub"],
                                              "move_chance_factor": 0.1}]))
    hub = r.network.index("Hub")
    assert r.counts[40, hub] > 2 * base.counts[40, hub]


@settings(max_examples=15, deadline=None)
@given(p=st.floats(0, 1), share=st.floats(0, 1), factor=st.floats(0, 1), seed=st.integers(0, 2**31))
def test_agents_are_conserved_with_any_levers(tmp_path_factory, p, share, factor, seed):
    path = write_scenario(tmp_path_factory.mktemp("h"), levers=[
        {"type": "border_management", "name": "b", "location": "CoastB", "probability": p},
        {"type": "return_cooperation", "origin": "Home", "share_per_month": share},
        {"type": "reception_support", "locations": ["Hub"], "move_chance_factor": factor, "ramp_days": 10},
        {"type": "resettlement", "to": "DEU", "one_for_one": "b"},
        {"type": "closure", "location": "EntryA", "start": "2020-02-01", "end": "2020-02-10"}])
    assert run(path, seed).conserved()


def test_a_lever_strength_may_name_a_parameter(tmp_path):
    path = write_scenario(tmp_path, parameters={**TINY["parameters"], "stop": 1.0},
                          levers=[{"type": "border_management", "location": "CoastA", "probability": "stop"}])
    spec = load_scenario(path)
    assert arrivals(simulate(spec, 1), "EntryA") == 0
    assert arrivals(simulate(spec.with_parameters({"stop": 0.0}), 1), "EntryA") > 0
    with pytest.raises(ValueError, match="must be between 0 and 1"):
        simulate(spec.with_parameters({"stop": 1.5}), 1)
    bad = write_scenario(tmp_path, "bad", levers=[{"type": "border_management", "location": "CoastA",
                                                   "probability": "nothing"}])
    with pytest.raises(ValueError, match="a number between 0 and 1 or a parameter name"):
        load_scenario(bad)
