"""The Dublin IV replay (COM(2016) 270): hand-checked periods and invariants."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from ima.analysis.solidarity.dublin import ReplaySettings, fill_to_capacity, replay_allocation
from ima.analysis.solidarity.history import replay_years

STATES = ("AAA", "BBB", "CCC", "DDD")
EQUAL = np.array([0.25, 0.25, 0.25, 0.25])


def test_one_period_by_hand() -> None:
    # 200 applications, equal key → reference 50 each. A has 100 > 1.5 × 50 = 75: triggered, keeps 75,
    # 25 go out. Room below 100 %: B 40, C 10, D 0. Shared by key: 12.5 to B and C; C can take only 10,
    # so C gets 10 and B the other 15.
    r = replay_allocation(np.array([[100, 10, 40, 50]]), EQUAL, STATES, ("2015",))
    assert r.triggered.tolist() == [[True, False, False, False]]
    assert r.relocated_out.tolist() == [[25, 0, 0, 0]]
    assert r.allocated_in.tolist() == [[0, 15, 10, 0]]
    assert r.responsible.tolist() == [[75, 25, 50, 50]]


def test_exactly_150_percent_does_not_trigger() -> None:
    # total 200, reference 50: A at 75 is at, not above, 150 %
    r = replay_allocation(np.array([[75, 45, 40, 40]]), EQUAL, STATES, ("p",))
    assert not r.triggered.any() and r.relocated_out.sum() == 0


def test_opt_out_pays_and_the_others_take() -> None:
    # as above, B opts out: it would have received 15 → pays 15 × 250,000 = 3,750,000. C has room for 10 only,
    # D none: 10 are placed, A keeps 90.
    r = replay_allocation(np.array([[100, 10, 40, 50]]), EQUAL, STATES, ("p",),
                          ReplaySettings(opt_out=frozenset({"BBB"})))
    assert r.opt_out_payment_eur.tolist() == [[0, 3_750_000, 0, 0]]
    assert r.allocated_in.tolist() == [[0, 0, 10, 0]]
    assert r.relocated_out.tolist() == [[10, 0, 0, 0]]


def test_unequal_key_by_hand() -> None:
    # key 0.4, 0.3, 0.2, 0.1; total 1,000 → references 400, 300, 200, 100. D has 400 > 150: keeps 150, 250 out.
    # Room: A 400−300 = 100, B 300−200 = 100, C 200−100 = 100. Shares 0.4:0.3:0.2 of 250 = 111.1, 83.3, 55.6 → A capped
    # at 100; the other 150 shared 0.3:0.2 → B 90, C 60.
    r = replay_allocation(np.array([[300, 200, 100, 400]]), np.array([0.4, 0.3, 0.2, 0.1]), STATES, ("p",))
    assert r.allocated_in.tolist() == [[100, 90, 60, 0]]
    assert r.relocated_out.tolist() == [[0, 0, 0, 250]]


def test_fill_to_capacity_caps_and_reshares() -> None:
    got = fill_to_capacity(np.array([10.0]), np.array([[0.5, 0.5]]), np.array([[2.0, 100.0]]))
    assert got.tolist() == [[2.0, 8.0]]


def test_settings_are_checked() -> None:
    with pytest.raises(ValueError):
        ReplaySettings(trigger=0.9)
    with pytest.raises(ValueError, match="one row per period"):
        replay_allocation(np.array([[1, 2]]), EQUAL, STATES, ("p",))


@st.composite
def _periods(draw):
    n = draw(st.integers(min_value=2, max_value=8))
    t = draw(st.integers(min_value=1, max_value=5))
    received = draw(arrays(np.int64, (t, n), elements=st.integers(min_value=0, max_value=100_000)))
    key = draw(arrays(float, (n,), elements=st.floats(min_value=0.01, max_value=1.0)))
    opt = draw(st.frozensets(st.integers(min_value=0, max_value=n - 1), max_size=n // 2))
    return received, key / key.sum(), opt


@settings(max_examples=150, deadline=None)
@given(_periods(), st.floats(min_value=1.0, max_value=3.0))
def test_replay_conserves_applicants_and_never_takes_from_states_below_100(case, trigger) -> None:
    received, key, opt = case
    states = tuple(f"S{i:02d}" for i in range(received.shape[1]))
    r = replay_allocation(received, key, states, tuple(str(t) for t in range(len(received))),
                          ReplaySettings(trigger=trigger, opt_out=frozenset(states[i] for i in opt)))
    # per period and state: kept + relocated = received; per period: all relocated are allocated somewhere
    assert ((r.kept + r.relocated_out) == r.received).all()
    assert (r.relocated_out.sum(axis=1) == r.allocated_in.sum(axis=1)).all()
    assert (r.responsible.sum(axis=1) == r.received.sum(axis=1)).all()
    assert (r.kept >= 0).all() and (r.allocated_in >= 0).all()
    below = r.received < r.reference
    assert (r.relocated_out[below] == 0).all()  # no state below 100 % is a donor
    assert (r.allocated_in[~below] == 0).all()  # only states below 100 % receive
    assert (r.responsible[below] <= r.reference[below] + 1 + 1e-6).all()  # receivers stop at 100 % (± rounding)
    assert (r.allocated_in[:, list(opt)] == 0).all()
    donors = r.relocated_out > 0
    assert (r.kept[donors] >= trigger * r.reference[donors] - 1e-6).all()  # donors keep their 150 %


def test_real_replay_2015_by_year() -> None:
    r = replay_years(2014, 2016)
    assert r.periods == ("2014", "2015", "2016")
    t = r.periods.index("2015")
    triggered = {r.states[i] for i in np.flatnonzero(r.triggered[t])}
    # 2015: Germany, Sweden, Austria and Hungary received far above 150 % of their share
    assert {"DEU", "SWE", "AUT", "HUN"} <= triggered
    assert "ITA" not in triggered and "FRA" not in triggered
    assert (r.kept + r.relocated_out == r.received).all()
    assert r.relocated_out[t].sum() == r.allocated_in[t].sum() > 100_000
    with pytest.raises(ValueError, match="available for 2011–2024"):
        replay_years(2009, 2012)
