"""Property tests: on random graphs, people are conserved and the tallies agree with a census."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ima.domain.simulation import Closure, LinkSpec, LocationSpec, Scenario, SimulationSettings
from ima.simulate.engine import Simulation

KINDS = ("town", "camp", "conflict", "forward")


@st.composite
def scenarios(draw):
    n = draw(st.integers(3, 6))
    kinds = [draw(st.sampled_from(KINDS)) for _ in range(n)]
    locations = tuple(LocationSpec(f"L{i}", draw(st.sampled_from(["X", "Y"])), kinds[i], population=100,
                                   capacity=draw(st.sampled_from([-1, 30, 200]))) for i in range(n))
    pairs = {(i, i + 1) for i in range(n - 1)} | set(draw(st.lists(
        st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)).filter(lambda p: p[0] < p[1]), max_size=4)))
    links = tuple(LinkSpec(a, b, float(draw(st.integers(1, 600)))) for a, b in sorted(pairs))
    closures = ()
    if draw(st.booleans()):
        closures = (Closure("location", "L1", "", draw(st.integers(0, 3)), draw(st.integers(2, 8))),)
    initial = {f"L{i}": draw(st.integers(0, 300)) for i in range(n)}
    return Scenario("random", "2020-01-01", 8, locations, links, closures=closures, initial_camp_agents=initial)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenario=scenarios(), seed=st.integers(0, 2**32 - 1), speed=st.sampled_from([35.0, 200.0, 700.0]),
       awareness=st.integers(0, 3), sinks=st.floats(0.0, 0.3))
def test_people_are_conserved_on_random_graphs(scenario, seed, speed, awareness, sinks):
    rules = SimulationSettings(max_move_speed=speed, awareness_level=awareness, avoid_short_stints=True,
                               start_on_foot=awareness % 2 == 0, camp_movechance=0.1)

    class Sink:
        name = "sink"

        def apply(self, day, controls):
            controls.removal_probability[:] = sinks

    sim = Simulation(scenario, rules, seed=seed, levers=[Sink()])
    for day in sim.run():
        assert day.spawned == day.at_location.sum() + day.travelling + day.removed
        assert (day.at_location >= 0).all() and (day.on_link >= 0).all()
        at, on = sim.census()
        assert at.tolist() == day.at_location.tolist() and on.tolist() == day.on_link.tolist()
