"""Small hand-built scenarios for the engine tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from ima.domain.simulation import Closure, LinkSpec, LocationSpec, Scenario, SimulationSettings

FLEE_DATA = Path(__file__).resolve().parents[2] / "ima" / "data" / "flee_scenarios"
HERE = Path(__file__).resolve().parent / "data"


def fork(n: int = 10_000, d_b: float = 50.0, d_c: float = 150.0, cap_b: int = -1, days: int = 5,
         closures: tuple = (), initial_b: int = 0) -> Scenario:
    """A conflict zone A with ``n`` people and two camps B and C at ``d_b`` and ``d_c`` km."""
    locations = (LocationSpec("A", "X", "conflict", population=1000),
                 LocationSpec("B", "Y", "camp", capacity=cap_b, foreign=True),
                 LocationSpec("C", "Y", "camp", capacity=-1, foreign=True))
    initial = {"A": n}
    if initial_b:
        initial["B"] = initial_b
    return Scenario(name="fork", start_date="2020-01-01", days=days, locations=locations,
                    links=(LinkSpec(0, 1, d_b), LinkSpec(0, 2, d_c)), closures=closures,
                    initial_camp_agents=initial)


@pytest.fixture
def still_camps() -> SimulationSettings:
    """Flee defaults, except that nobody leaves a camp (clean hand calculations)."""
    return SimulationSettings(camp_movechance=0.0, max_move_speed=200.0)


__all__ = ["Closure", "fork", "FLEE_DATA", "HERE"]
