"""Flee 3.1 compatibility: reading its scenarios, the data columns of out.csv, its column layout."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest
from tests.simulate.conftest import FLEE_DATA, HERE

from ima.simulate.engine import Simulation
from ima.simulate.flee.reader import location_kind, read_flee_run
from ima.simulate.flee.run import flee_out_lines
from ima.simulate.flee.series import add_series, interpolate
from ima.simulate.flee.settings import settings_from_mapping

FLEE_OUT = HERE / "flee31_mali_hasten10_30days.csv"


def mali(days=30):
    return read_flee_run(FLEE_DATA / "conflict_input" / "mali", FLEE_DATA / "conflict_validation" / "mali2012",
                         days, HERE / "mali_hasten10.yml")


def test_interpolation_truncates_and_holds_the_ends():
    series = np.array([[2.0, 10.0], [6.0, 20.0]])
    assert interpolate(series, 9).tolist() == [10, 10, 10, 12, 15, 17, 20, 20, 20]


def test_adding_series_follows_flee():
    first = np.array([[0.0, 5.0], [10.0, 7.0]])
    second = np.array([[0.0, 1.0], [5.0, 2.0]])
    assert add_series(first, second).tolist() == [[0.0, 6.0], [5.0, 2.0 + 7.0]]


def test_location_types_match_as_substrings():
    assert location_kind("conflict_zone") == "conflict"
    assert location_kind("forwarding_hub") == "forward"
    assert location_kind("idpcamp") == "idpcamp"
    assert location_kind("default") == "town"
    with pytest.raises(ValueError):
        location_kind("volcano")


def test_settings_defaults_and_flee_keys():
    s = settings_from_mapping({"move_rules": {"camp_weight": 5, "awareness_level": 2},
                               "spawn_rules": {"camps_are_sicks": True, "conflict_spawn_decay": [1, 0.5]},
                               "optimisations": {"hasten": 10}})
    assert (s.camp_weight, s.awareness_level, s.camps_are_sinks, s.hasten) == (5.0, 2, True, 10)
    assert s.conflict_spawn_decay == (1.0, 0.5)
    assert abs(s.conflict_weight - 10 ** -0.5) < 1e-12 and s.default_movechance == 0.3
    assert s.conflict_decay(65) == 0.5
    with pytest.raises(ValueError):
        settings_from_mapping({"move_rules": {"max_move_speed": "fast"}})


def test_mali_reads_like_flee():
    flee, settings = mali()
    scenario = flee.scenario
    assert settings.hasten == 10 and settings.camp_weight == 5.0
    assert len(scenario.locations) == 23 and len(scenario.links) == 35
    assert scenario.camp_names == ["Fassala-Mbera", "Mentao", "Bobo-Dioulasso", "Abala", "Mangaize", "Niamey",
                                   "Tabareybarey"]
    assert scenario.locations[scenario.index("Fassala-Mbera")].capacity == 7588  # 75,876 / hasten


def test_out_csv_has_flee_layout_and_flee_data_columns():
    flee_frame = pd.read_csv(FLEE_OUT)
    flee, settings = mali()
    lines = list(flee_out_lines(flee, Simulation(flee.scenario, settings, seed=1)))
    ours = pd.read_csv(io.StringIO("\n".join(lines)))
    assert list(ours.columns) == list(flee_frame.columns)
    assert lines[0] == FLEE_OUT.read_text().splitlines()[0]
    deterministic = [c for c in flee_frame.columns if c.endswith(" data")] + [
        "Day", "Date", "refugees in camps (UNHCR)", "total refugees (simulation)", "raw UNHCR refugee count",
        "refugee_debt"]
    pd.testing.assert_frame_equal(ours[deterministic], flee_frame[deterministic])
    # the simulated camps stay close to Flee's on day 29 (both stochastic)
    sim_cols = [c for c in flee_frame.columns if c.endswith(" sim")]
    assert abs(ours[sim_cols].iloc[-1].sum() - flee_frame[sim_cols].iloc[-1].sum()) < 0.15 * flee_frame[
        sim_cols].iloc[-1].sum()


def test_a_camp_without_data_is_a_clear_error(tmp_path):
    import shutil

    source = tmp_path / "source"
    shutil.copytree(FLEE_DATA / "conflict_validation" / "mali2012", source, copy_function=shutil.copyfile)
    layout = source / "data_layout.csv"
    layout.write_text("\n".join(line for line in layout.read_text().splitlines() if "Mentao" not in line) + "\n")
    with pytest.raises(ValueError, match="Mentao"):
        read_flee_run(FLEE_DATA / "conflict_input" / "mali", source, 10, HERE / "mali_hasten10.yml")


def test_registration_corrections_scale_level_one_points(tmp_path):
    from ima.simulate.flee.series import ValidationData

    (tmp_path / "data_layout.csv").write_text("total,refugees.csv\nCamp,camp.csv\n")
    (tmp_path / "refugees.csv").write_text("2020-01-01,10\n")
    (tmp_path / "camp.csv").write_text("Date,count\n2020-01-01,100\n2020-01-11,200\n2020-01-21,50\n")
    data = ValidationData(tmp_path, "2020-01-01")
    corrections = tmp_path / "corrections.csv"
    corrections.write_text("Camp,2020-01-21,normalize\n")
    data.apply_corrections(corrections)
    # points before 2020-01-21 scaled by 50/200
    assert data.get("Camp")[:, 1].tolist() == [25.0, 50.0, 50.0]
