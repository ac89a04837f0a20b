"""The engine on hand-built graphs: expected distributions, conservation, capacity, closures, seeds."""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import pytest
from tests.simulate.conftest import fork

from ima.domain.simulation import Closure, SimulationSettings
from ima.simulate import engine as engine_module
from ima.simulate.agents import BYTES_PER_AGENT
from ima.simulate.engine import Simulation


def within_binomial(count: int, n: int, p: float, sigmas: float = 5.0) -> bool:
    return abs(count - n * p) <= sigmas * math.sqrt(n * p * (1 - p)) + 1


def test_one_day_split_follows_the_route_weights(still_camps):
    # w = camp_weight * foreign_weight / (softening + d): 1/60 to B, 1/160 to C; both arrive on day 0
    # because 200 km/day > 150 km, and nobody leaves a camp.
    n = 20_000
    sim = Simulation(fork(n), still_camps, seed=1)
    day = sim.step()
    p_b = (1 / 60) / (1 / 60 + 1 / 160)
    assert day.at_location[0] == 0  # conflict move chance is 1
    assert day.at_location[1] + day.at_location[2] == n
    assert within_binomial(int(day.at_location[1]), n, p_b)


def test_camp_weight_and_two_day_link(still_camps):
    # C is 300 km away: 200 km on day 0, arrival on day 1 (Flee arrives only beyond the distance).
    settings = replace(still_camps, camp_weight=2.0)
    n = 20_000
    sim = Simulation(fork(n, d_b=50, d_c=300), settings, seed=2)
    first = sim.step()
    p_b = (1 / 60) / (1 / 60 + 1 / 310)
    assert within_binomial(int(first.at_location[1]), n, p_b)
    assert first.travelling == n - first.at_location[1]
    second = sim.step()
    assert second.travelling == 0
    assert second.at_location[2] == n - first.at_location[1]


def test_same_seed_same_days_and_other_seed_differs(still_camps):
    settings = replace(still_camps, default_movechance=0.3)
    def counts(seed):
        return [d.at_location.tolist() for d in Simulation(fork(5000, d_c=450), settings, seed=seed).run()]
    assert counts(7) == counts(7)
    assert counts(7) != counts(8)


def test_agents_are_conserved_every_day_and_tallies_match_a_census():
    settings = SimulationSettings(max_move_speed=120.0, camp_movechance=0.05)
    sim = Simulation(fork(3000, d_b=200, d_c=500, days=12), settings, seed=3)
    for day in sim.run():
        assert day.spawned == day.at_location.sum() + day.travelling + day.removed
        at, on = sim.census()
        assert at.tolist() == day.at_location.tolist()
        assert on.tolist() == day.on_link.tolist()


def test_full_camp_takes_nobody(still_camps):
    # B holds its capacity already: its capacity multiplier is 0, so everyone goes to C.
    sim = Simulation(fork(2000, cap_b=50, initial_b=50), still_camps, seed=4)
    day = sim.step()
    assert day.at_location[1] == 50
    assert day.at_location[2] == 2000


def test_capacity_buffer_scales_the_weight(still_camps):
    # 75 of 100 with buffer 0.5: multiplier 1 - (75 - 50) / 50 = 0.5 on B's weight.
    settings = replace(still_camps, capacity_buffer=0.5)
    n = 20_000
    sim = Simulation(fork(n, d_b=150, d_c=150, cap_b=100_000, initial_b=75), settings, seed=5)
    sim.geo.capacity[1] = 100  # small capacity for the weight, without dropping routes at arrival
    day = sim.step()
    assert within_binomial(int(day.at_location[1]) - 75, n, 1 / 3)


def test_closed_location_gets_nobody_until_it_reopens(still_camps):
    closures = (Closure("location", "B", "", 0, 3),)
    sim = Simulation(fork(1000, closures=closures, days=6), still_camps, seed=6)
    days = list(sim.run())
    for day in days[:3]:
        assert day.at_location[1] == 0
        assert day.link_entries[0] == 0  # A→B is directed link 0
    assert days[0].at_location[2] == 1000


def test_country_closure_sends_travellers_back():
    # Day 0: everyone sets off to B (300 km); day 1 the border closes before they arrive.
    settings = SimulationSettings(camp_movechance=0.0, max_move_speed=200.0, conflict_movechance=1.0)
    scenario = fork(500, d_b=300, d_c=100_000, closures=(Closure("country", "X", "Y", 1, -1),), days=3)
    sim = Simulation(scenario, settings, seed=7)
    sim.step()
    second = sim.step()
    assert second.at_location[1] == 0


def test_levers_remove_people_and_conservation_holds(still_camps):
    class Returns:
        name = "returns"

        def apply(self, day, controls):
            controls.removal_probability[controls.location("B")] = 1.0

    sim = Simulation(fork(1000, d_c=100_000), still_camps, seed=8, levers=[Returns()])
    day = sim.step()
    assert day.at_location[1] == 0
    assert day.removed == day.removed_at[1] > 0
    assert day.spawned == day.at_location.sum() + day.travelling + day.removed


def test_result_does_not_depend_on_threads(monkeypatch):
    monkeypatch.setattr(engine_module, "PARALLEL_MIN_AGENTS", 0)
    settings = SimulationSettings(default_movechance=0.3, camp_movechance=0.01)
    runs = []
    for threads in (1, 2):
        sim = Simulation(fork(40_000, d_b=250, d_c=400, days=4), settings, seed=9, threads=threads)
        runs.append([d.at_location.tolist() + d.on_link.tolist() for d in sim.run()])
    serial = Simulation(fork(40_000, d_b=250, d_c=400, days=4), settings, seed=9)
    monkeypatch.setattr(engine_module, "PARALLEL_MIN_AGENTS", 10**12)
    runs.append([d.at_location.tolist() + d.on_link.tolist() for d in serial.run()])
    assert runs[0] == runs[1] == runs[2]


def test_memory_per_agent_is_small():
    assert BYTES_PER_AGENT <= 40


def test_settings_reject_nonsense():
    with pytest.raises(ValueError):
        SimulationSettings(capacity_buffer=1.5)
    with pytest.raises(ValueError):
        SimulationSettings(hasten=0)


def test_data_driven_spawning_with_refugee_debt(still_camps):
    totals = np.array([0, 100, 80, 150, 150])
    scenario = replace(fork(0), daily_totals=totals, initial_camp_agents={})
    settings = replace(still_camps, insert_day0=False)
    sim = Simulation(scenario, settings, seed=10)
    spawned = [(d.spawned, d.refugee_debt) for d in sim.run()]
    # +100, then -20 becomes debt, then +70 - 20 = 50, then 0
    assert spawned == [(0, 0), (100, 0), (100, 20), (150, 0), (150, 0)]


def test_spawn_schedule_inject_and_spawn_factor(still_camps):
    schedule = np.zeros((5, 3), dtype=np.int64)
    schedule[:, 0] = 100

    class Levers:
        name = "test"

        def apply(self, day, controls):
            controls.inject[controls.location("C")] = 7
            controls.spawn_factor[controls.location("A")] = 0.0 if day >= 3 else 1.0

    scenario = replace(fork(0), spawn_schedule=schedule, initial_camp_agents={})
    days = list(Simulation(scenario, still_camps, seed=11, levers=[Levers()]).run())
    assert [d.spawned for d in days] == [107, 214, 321, 328, 335]
    assert days[0].link_arrivals[0] + days[0].link_arrivals[2] == 100  # all reach a camp on day 0


def test_one_way_link_cannot_be_travelled_back(still_camps):
    from ima.domain.simulation import LinkSpec, LocationSpec, Scenario

    locations = (LocationSpec("A", "X", "town", population=10), LocationSpec("B", "X", "town", population=10))
    scenario = Scenario("oneway", "2020-01-01", 6, locations, (LinkSpec(0, 1, 10.0, one_way=True),),
                        initial_camp_agents={"B": 500, "A": 500})
    settings = replace(still_camps, default_movechance=1.0)
    days = list(Simulation(scenario, settings, seed=12).run())
    assert days[-1].at_location.tolist() == [0, 1000]
    assert all(d.link_entries[1] == 0 for d in days)
