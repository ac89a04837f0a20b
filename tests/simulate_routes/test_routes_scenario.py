"""Scenario YAML validation (clear errors) and the shipped routes-to-Europe scenario."""

from __future__ import annotations

import pytest
from tests.simulate_routes.conftest import write_scenario

from ima.simulate.journeys import simulate
from ima.simulate.scenario import build_network, load_scenario


@pytest.mark.parametrize(("lever", "message"), [
    ({"type": "teleport"}, "unknown lever type 'teleport'"),
    ({"type": "border_management", "location": "Hub", "probability": 1.5}, "probability must be between 0 and 1"),
    ({"type": "information_campaign", "departure_reduction": -0.1}, "departure_reduction must be between 0 and 1"),
    ({"type": "closure", "link": ["Hub", "CoastA"], "start": "2019-01-01"}, "outside the scenario period"),
    ({"type": "closure", "link": ["Hub", "CoastA"], "start": "2020-03-01", "end": "2020-02-01"}, "is after end"),
    ({"type": "closure", "link": ["Hub", "Atlantis"]}, "unknown location(s) Atlantis"),
    ({"type": "reception_support", "locations": ["Hub"], "move_chance_factor": 0.5, "colour": "red"},
     "unknown field(s) colour"),
    ({"type": "resettlement", "to": "NLD"}, "exactly one of quota_per_year and one_for_one"),
    ({"type": "resettlement", "to": "NLD", "one_for_one": "nothing"}, "must name a border_management lever"),
    ({"type": "border_management", "location": "Hub", "probability": 0.1, "outcome": "drown"}, "outcome must be"),
    ({"type": "closure", "link": ["Hub", "CoastA"], "start": "2020-02-30"}, "is not a date"),
])
def test_bad_levers_get_clear_errors(tmp_path, lever, message):
    with pytest.raises(ValueError, match="tiny.yaml: lever") as info:
        load_scenario(write_scenario(tmp_path, levers=[lever]))
    assert message in str(info.value)


def test_bad_scenarios_get_clear_errors(tmp_path):
    with pytest.raises(ValueError, match="unknown key"):
        load_scenario(write_scenario(tmp_path, colour="red"))
    bad = write_scenario(tmp_path, locations=[{"name": "X", "kind": "castle"}])
    with pytest.raises(ValueError, match="kind must be one of"):
        load_scenario(bad)
    bad = write_scenario(tmp_path, links=[{"from": "Home", "to": "Nowhere"}])
    with pytest.raises(ValueError, match="unknown location 'Nowhere'"):
        load_scenario(bad)
    with pytest.raises(ValueError, match="not found"):
        load_scenario(tmp_path / "missing.yaml")
    spec = load_scenario(write_scenario(tmp_path))
    with pytest.raises(ValueError, match="unknown parameter"):
        spec.with_parameters({"nope": 1.0})
    with pytest.raises(ValueError, match="move chance must be between 0 and 1"):
        build_network(spec.with_parameters({"cross": 2.0}))


def test_extends_merges_parameters_and_appends_levers(tmp_path):
    write_scenario(tmp_path, "base", levers=[{"type": "information_campaign", "departure_reduction": 0.1}])
    child = tmp_path / "child.yaml"
    child.write_text("extends: base.yaml\nname: child\nparameters: {cross: 0.25}\n"
                     "levers:\n  - {type: closure, link: [Hub, CoastB]}\n", encoding="utf-8")
    spec = load_scenario(child)
    assert spec.name == "child" and spec.parameters == {"cross": 0.25, "pull_a": 1.0}
    assert [type(lv).__name__ for lv in spec.levers] == ["InformationCampaignLever", "ClosureLever"]


def test_shipped_routes_scenario_loads_and_runs():
    spec = load_scenario("routes_to_europe")
    net = build_network(spec)
    assert {"NLD", "Lesvos", "Tripoli", "Las Palmas"} <= set(net.names)
    assert {net.series[i] for i in range(len(net.names))} >= {"GRC", "BGR", "CYP", "ITA", "MLT", "ESP-WMR", "ESP-WAAR"}
    short = load_scenario("routes_to_europe")
    from dataclasses import replace
    from datetime import date
    r = simulate(replace(short, end=date(2015, 3, 31)), 1)
    assert r.conserved()
    monthly = r.monthly_arrivals()
    assert monthly.people.sum() > 0 and set(monthly.route) <= {"EMR", "CMR", "WMR", "WAR"}
