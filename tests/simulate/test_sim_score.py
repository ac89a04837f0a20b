"""The ARD of an out.csv against a hand calculation."""

from __future__ import annotations

import pytest

from ima.simulate.score import score_file

OUT = """Day,Date,A sim,A data,A error,B sim,B data,B error,Total error,refugees in camps (UNHCR),total refugees (simulation),raw UNHCR refugee count,refugees in camps (simulation),refugee_debt
0,2020-01-01,10,20,0.5,30,20,0.5,0.5,40,40,40,40,0
1,2020-01-02,0,10,1.0,0,0,0.0,0.1,10,5,100,0,0
2,2020-01-03,0,0,0,0,0,0,0,0,0,0,0,0
"""


def test_ard_normal_and_rescaled_by_hand(tmp_path):
    path = tmp_path / "out.csv"
    path.write_text(OUT)
    score = score_file(path)
    # day 0: |10-20| + |30-20| = 20 over 40 → 0.5; rescaled: sim total 40 = data total → same 0.5
    # day 1: |0-10| + 0 = 10 over 10 → 1.0; rescaled: sim total 0 → rescaled sims 0 → 1.0
    # day 2: 0 over max(1, 0) → 0
    assert score.normal == pytest.approx((0.5 + 1.0 + 0.0) / 3)
    assert score.rescaled == pytest.approx((0.5 + 1.0 + 0.0) / 3)
    assert score.days == 3


def test_rescaling_removes_a_total_error(tmp_path):
    path = tmp_path / "out.csv"
    path.write_text(OUT.splitlines()[0] + "\n0,2020-01-01,20,40,0.5,20,40,0.5,0.5,80,40,80,40,0\n")
    score = score_file(path)
    assert score.normal == pytest.approx(0.5)  # (20 + 20) / 80
    assert score.rescaled == pytest.approx(0.0)  # sims doubled to 40 and 40


def test_not_an_out_csv_is_a_clear_error(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("Day,foo\n0,1\n")
    with pytest.raises(ValueError, match="out.csv"):
        score_file(path)
