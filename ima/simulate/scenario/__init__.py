"""Routes scenarios: YAML schema, loader and validation, the network as arrays, departures."""

from ima.simulate.scenario.loader import load_scenario, scenario_path
from ima.simulate.scenario.network import RouteNetwork, build_network
from ima.simulate.scenario.spec import LinkSpec, LocationSpec, RouteSettings, ScenarioSpec

__all__ = ["LinkSpec", "LocationSpec", "RouteNetwork", "RouteSettings", "ScenarioSpec", "build_network",
           "load_scenario", "scenario_path"]
