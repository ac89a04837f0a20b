"""The error per route (ARD) on a hand-computed case, and whole agents per day without drift."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from ima.simulate.calibration import ard_by_route
from ima.simulate.scenario.departures import round_cumulative


def test_ard_by_route_by_hand():
    observed = pd.DataFrame({"month": ["2016-01", "2016-01", "2016-02", "2016-02", "2016-01"],
                             "series": ["GRC", "BGR", "GRC", "BGR", "ITA"],
                             "route": ["EMR", "EMR", "EMR", "EMR", "CMR"],
                             "observed": [100.0, 50.0, 10.0, 0.0, 40.0]})
    simulated = pd.DataFrame({"month": ["2016-01", "2016-01", "2016-02", "2016-02"],
                              "series": ["GRC", "BGR", "GRC", "BGR"], "route": "EMR",
                              "people": [90.0, 80.0, 10.0, 5.0]})
    ard = ard_by_route(simulated, observed, date(2016, 1, 1), date(2016, 2, 29))
    # January: (10 + 30) / 150; February: (0 + 5) / 10; ITA not simulated: 40 / 40
    assert ard["EMR"] == pytest.approx((40 / 150 + 5 / 10) / 2)
    assert ard["CMR"] == pytest.approx(1.0)
    assert ard_by_route(simulated, observed, date(2016, 2, 1), date(2016, 2, 29))["EMR"] == pytest.approx(0.5)


@given(arrays(np.float64, st.tuples(st.integers(1, 60), st.integers(1, 4)), elements=st.floats(0, 50)))
def test_whole_agents_per_day_never_drift(expected):
    counts = round_cumulative(expected)
    assert (counts >= 0).all()
    drift = np.cumsum(expected, axis=0) - np.cumsum(counts, axis=0)
    assert (drift > -1e-6).all() and (drift < 1 + 1e-6).all()
