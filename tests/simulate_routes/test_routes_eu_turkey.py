"""The worked example: the EU–Turkey Statement lowers simulated arrivals to Greece after March 2016."""

from __future__ import annotations

from ima.simulate.journeys import simulate
from ima.simulate.scenario import load_scenario


def greece(name: str, seed: int):
    run = simulate(load_scenario(name), seed)
    monthly = run.monthly_arrivals()
    assert run.conserved()
    return monthly[monthly.series == "GRC"].set_index("month").people, run


def test_statement_lowers_arrivals_to_greece_after_march_2016():
    for seed in (1, 2):
        base, _ = greece("eu_turkey_baseline", seed)
        deal, run = greece("eu_turkey_statement", seed)
        before = [m for m in base.index if m <= "2016-02"]
        after = [m for m in base.index if m >= "2016-04"]
        assert base[before].equals(deal[before])  # the levers start on 20 March 2016
        assert deal[after].sum() < 0.6 * base[after].sum()
        assert run.resettled.sum() > 0  # the 1:1 mechanism resettled people from Turkey
