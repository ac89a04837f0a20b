"""Ensembles: the process pool and Ray return the same rows for the same seeds."""

from __future__ import annotations

import pandas as pd
import pytest

from ima.simulate.ensemble import members, run_ensemble


def test_pool_and_serial_give_the_same_rows(tiny):
    runs = members(range(6), grid={"cross": [0.3, 0.6]})
    pool = run_ensemble(str(tiny), runs, workers=2)
    serial = run_ensemble(str(tiny), runs, workers=1)
    pd.testing.assert_frame_equal(pool, serial)
    assert set(pool.run) == set(range(12)) and set(pool.param_cross) == {0.3, 0.6}
    assert pool.groupby("run").people.apply(tuple).nunique() > 1  # seeds and parameters matter


def test_unknown_reporter_and_parameter_are_errors(tiny):
    with pytest.raises(ValueError, match="unknown reporter"):
        run_ensemble(str(tiny), members([1]), reporter="everything")
    with pytest.raises(ValueError, match="unknown parameter"):
        run_ensemble(str(tiny), members([1], grid={"speed_of_light": [1.0]}), workers=1)


@pytest.mark.slow
def test_100_runs_on_local_ray_equal_the_process_pool(tiny):
    ray = pytest.importorskip("ray")
    runs = members(range(100))
    pool = run_ensemble(str(tiny), runs, workers=2)
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        on_ray = run_ensemble(str(tiny), runs, ray_address="local")
    finally:
        ray.shutdown()
    assert len(pool) > 0 and set(pool.run) == set(range(100))
    pd.testing.assert_frame_equal(pool, on_ray)
