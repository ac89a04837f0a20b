"""Monitoring flags on hand-made cases: off track, negative side effects, evaluations overdue and due."""

from __future__ import annotations

import datetime as dt

import pytest

from ima.analysis.programmes.monitoring import MonitoringSettings, expected_value, monitoring_flags, progress_ratio
from ima.domain.programmes import Evaluation, Indicator, Programme, SideEffect

D = dt.date
# Baseline 0 on 2020-01-01, target 100 on 2024-01-01 (1461 days): half-way on 2022-01-01 (731 days) expects 50.03.
BEHIND = Indicator("returns", baseline=0, baseline_date=D(2020, 1, 1), target=100, target_date=D(2024, 1, 1),
                   actual=20, actual_date=D(2022, 1, 1))
ON_TRACK = Indicator("trainings", baseline=10, baseline_date=D(2020, 1, 1), target=110, target_date=D(2024, 1, 1),
                     actual=55, actual_date=D(2022, 1, 1))
FALLING = Indicator("deaths at sea", baseline=100, baseline_date=D(2020, 1, 1), target=0, target_date=D(2024, 1, 1),
                    actual=90, actual_date=D(2022, 1, 1))
SETTINGS = MonitoringSettings(as_of=D(2026, 7, 1))


def _programme(**kwargs) -> Programme:
    return Programme("t", "P1", "Programme one", start=D(2020, 1, 1), **kwargs)


def test_expected_value_is_the_straight_line() -> None:
    assert expected_value(BEHIND, None, D(2022, 1, 1)) == pytest.approx(100 * 731 / 1461)
    assert expected_value(BEHIND, None, D(2030, 1, 1)) == 100  # capped at the target
    assert expected_value(BEHIND, None, D(2019, 1, 1)) == 0
    assert progress_ratio(BEHIND, None) == pytest.approx(20 / (100 * 731 / 1461))
    assert progress_ratio(ON_TRACK, None) == pytest.approx(45 / (100 * 731 / 1461))
    # A falling target: 10 down where 50 down was expected.
    assert progress_ratio(FALLING, None) == pytest.approx(10 / (100 * 731 / 1461))


def test_missing_baseline_counts_as_zero_from_the_programme_start() -> None:
    indicator = Indicator("x", target=100, target_date=D(2024, 1, 1), actual=50, actual_date=D(2022, 1, 1))
    assert progress_ratio(indicator, D(2020, 1, 1)) == pytest.approx(50 / (100 * 731 / 1461))
    assert progress_ratio(indicator, None) is None  # no start: the line cannot be drawn


def test_an_indicator_behind_its_path_is_flagged_with_its_decision() -> None:
    flags = monitoring_flags([_programme(indicators=(BEHIND, ON_TRACK))], SETTINGS)
    assert [(f.kind, f.subject, f.severity) for f in flags] == [("indicator_off_track", "returns", "medium")]
    flag = flags[0]
    assert flag.facts["progress"] == 40 and flag.facts["expected"] == 50.03
    assert "Bijsturen of stoppen" in flag.decision("nl") and "stop funding" in flag.decision("en")
    assert "20" in flag.explain("en") and "50.03" in flag.explain("en")


def test_threshold_is_configurable() -> None:
    lenient = MonitoringSettings(as_of=D(2026, 7, 1), threshold=0.3)
    assert monitoring_flags([_programme(indicators=(BEHIND,))], lenient) == []
    strict = MonitoringSettings(as_of=D(2026, 7, 1), threshold=0.95)
    assert {f.subject for f in monitoring_flags([_programme(indicators=(BEHIND, ON_TRACK, FALLING))], strict)} \
        == {"returns", "trainings", "deaths at sea"}
    with pytest.raises(ValueError):
        MonitoringSettings(as_of=D(2026, 1, 1), threshold=1.5)


def test_negative_side_effects_are_flagged_and_positive_ones_not() -> None:
    effects = (SideEffect("Returnees detained on arrival", "negative", D(2026, 2, 1), "NGO letter"),
               SideEffect("Local jobs created", "positive"))
    flags = monitoring_flags([_programme(side_effects=effects)], SETTINGS)
    assert [(f.kind, f.severity) for f in flags] == [("negative_side_effect", "high")]
    assert "Do no harm" in flags[0].decision("en") and "stop" in flags[0].decision("nl")
    assert "NGO letter" in flags[0].explain("nl")


def test_evaluations_overdue_due_and_done() -> None:
    evaluations = (Evaluation(D(2026, 6, 1), "mid-term evaluation"),            # 30 days late
                   Evaluation(D(2026, 8, 15), "final evaluation"),              # due in 45 days
                   Evaluation(D(2027, 6, 1), "impact evaluation"),              # far ahead
                   Evaluation(D(2025, 1, 1), "baseline study", done=D(2025, 2, 1)))
    flags = monitoring_flags([_programme(evaluations=evaluations)], SETTINGS)
    assert [(f.kind, f.subject, f.facts["days"]) for f in flags] == [
        ("evaluation_overdue", "mid-term evaluation", 30), ("evaluation_due", "final evaluation", 45)]
    assert "zonder deze evaluatie" in flags[0].decision("nl")


def test_flags_are_sorted_by_severity() -> None:
    p = _programme(indicators=(BEHIND,), evaluations=(Evaluation(D(2026, 8, 1)),),
                   side_effects=(SideEffect("harm"),))
    assert [f.severity for f in monitoring_flags([p], SETTINGS)] == ["high", "medium", "low"]


def test_the_same_finding_twice_is_one_flag() -> None:
    assert len(monitoring_flags([_programme(indicators=(BEHIND, BEHIND))], SETTINGS)) == 1
