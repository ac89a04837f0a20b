"""Normalisation, weighted sum, TOPSIS and the sensitivity analysis on hand-checked small cases,
plus the properties any ranking must keep (hypothesis)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ima.analysis.ranking import rank_matrix
from ima.analysis.ranking.scoring import (average_ranks, dirichlet_weights, normalise, ranks_of, sensitivity, topsis,
                                          transform, weighted_sum)
from ima.domain.ranking import Criterion, CriterionGroup, RankingSettings, SensitivitySettings


def settings_for(weights: list[float], method: str = "weighted", *, normalise_: str = "minmax",
                 transform_: str = "none", samples: int = 0, missing: str = "worst") -> RankingSettings:
    total = sum(weights)
    criteria = tuple(Criterion(f"c{j}", "population", "g", w / total, transform_, normalise_)
                     for j, w in enumerate(weights))
    return RankingSettings("test", criteria, (CriterionGroup("g", 1.0),), method=method, missing=missing,
                           min_coverage=0.0, sensitivity=SensitivitySettings(samples, 50.0, 3, 2))


def test_normalisations_hand_checked() -> None:
    x = np.array([2.0, 4.0, 10.0])
    assert normalise(x, "minmax").tolist() == [0.0, 0.25, 1.0]
    assert normalise(x, "minmax", "cost").tolist() == [1.0, 0.75, 0.0]
    assert normalise(x, "rank").tolist() == [0.0, 0.5, 1.0]
    assert normalise(np.array([1.0, 1.0, 3.0]), "rank").tolist() == [0.25, 0.25, 1.0]
    z = normalise(x, "zscore")
    assert z.mean() == pytest.approx(0.0) and z.std() == pytest.approx(1.0)
    assert normalise(np.array([5.0, 5.0]), "minmax").tolist() == [0.0, 0.0]
    assert transform(np.array([0.0, np.e - 1]), "log") == pytest.approx([0.0, 1.0])


@settings(deadline=None)
@given(st.lists(st.integers(-5, 5), min_size=1, max_size=30))
def test_average_ranks_match_scipy(values) -> None:
    from scipy.stats import rankdata

    x = np.array(values, dtype=float)
    assert np.allclose(average_ranks(x), rankdata(x) - 1)


def test_weighted_sum_and_topsis_hand_checked() -> None:
    m = np.array([[1.0, 0.0], [0.0, 1.0], [0.5, 0.5]])
    w = np.array([0.75, 0.25])
    assert weighted_sum(m, w).tolist() == [0.75, 0.25, 0.5]
    # TOPSIS: ideal (1, 1), anti-ideal (0, 0) in the normalised space, weighted by w.
    close = topsis(m, w)
    assert close[0] == pytest.approx(0.75 / (0.75 + 0.25))
    assert close[2] == pytest.approx(0.5)
    assert topsis(np.array([[1.0], [1.0]]), np.array([1.0])).tolist() == [0.0, 0.0]


def test_ranks_break_ties_by_row_order() -> None:
    assert ranks_of(np.array([0.2, 0.9, 0.2])).tolist() == [2, 1, 3]
    both = ranks_of(np.array([[0.2, 0.1], [0.9, 0.0], [0.3, 0.5]]))
    assert both[:, 0].tolist() == [3, 1, 2] and both[:, 1].tolist() == [2, 3, 1]


def test_dirichlet_samples_are_weights_around_the_chosen_ones() -> None:
    w = np.array([0.5, 0.3, 0.2, 0.0])
    s = dirichlet_weights(w, 200.0, 5000, seed=1)
    assert s.shape == (5000, 4) and np.allclose(s.sum(axis=1), 1.0) and (s[:, 3] == 0).all()
    assert s.mean(axis=0) == pytest.approx(w, abs=0.01)
    assert np.array_equal(s, dirichlet_weights(w, 200.0, 5000, seed=1))


def test_sensitivity_of_a_clear_winner_and_a_close_call() -> None:
    m = np.array([[1.0, 1.0], [0.0, 0.0], [0.6, 0.4], [0.4, 0.6]])
    p_top, low, high = sensitivity(m, np.array([0.5, 0.5]), "weighted", concentration=20, samples=4000, seed=0, top=1)
    assert p_top[0] == 1.0 and low[0] == high[0] == 1
    assert high[1] == 4  # always last
    p2, _, _ = sensitivity(m, np.array([0.5, 0.5]), "weighted", concentration=20, samples=4000, seed=0, top=2)
    assert 0.3 < p2[2] < 0.7 and p2[2] + p2[3] == pytest.approx(1.0)  # countries 3 and 4 share second place


def test_rank_matrix_explains_each_score() -> None:
    values = np.array([[10.0, 1.0], [0.0, 0.0], [5.0, np.nan]])
    result = rank_matrix(["AAA", "BBB", "CCC"], values, settings_for([3, 1]), 2020)
    first = result.countries[0]
    assert first.iso3 == "AAA" and first.score == pytest.approx(1.0)
    assert sum(p.contribution for p in first.contributions) == pytest.approx(first.score)
    ccc = next(c for c in result.countries if c.iso3 == "CCC")
    assert ccc.missing == ("c1",) and ccc.contributions[1].raw is None
    assert ccc.score == pytest.approx(0.75 * 0.5)  # the missing criterion counts as the worst value (0)
    median = rank_matrix(["AAA", "BBB", "CCC"], values, settings_for([3, 1], missing="median"), 2020)
    assert next(c for c in median.countries if c.iso3 == "CCC").score == pytest.approx(0.75 * 0.5 + 0.25 * 0.5)
    dropped = rank_matrix(["AAA", "BBB", "CCC"], values, settings_for([3, 1], missing="exclude"), 2020)
    assert dropped.excluded == ("CCC",) and len(dropped.countries) == 2


matrices = st.integers(min_value=2, max_value=12).flatmap(lambda n: st.integers(min_value=1, max_value=5).flatmap(
    lambda c: st.tuples(
        st.lists(st.lists(st.integers(0, 10_000), min_size=c, max_size=c), min_size=n, max_size=n),
        st.lists(st.integers(1, 20), min_size=c, max_size=c))))


@settings(max_examples=60, deadline=None)
@given(matrices, st.sampled_from(["weighted", "topsis"]), st.sampled_from(["minmax", "rank", "zscore"]),
       st.sampled_from(["none", "log"]), st.randoms(use_true_random=False))
def test_ranking_does_not_depend_on_input_order(data, method, how, tf, rnd) -> None:
    rows, weights = data
    codes = [f"C{i:02d}" for i in range(len(rows))]
    s = settings_for(weights, method, normalise_=how, transform_=tf, samples=50)
    order = list(range(len(rows)))
    rnd.shuffle(order)
    a = rank_matrix(codes, np.array(rows, float), s, 2020)
    b = rank_matrix([codes[i] for i in order], np.array(rows, float)[order], s, 2020)
    assert [(c.iso3, c.rank, c.p_top, c.rank_low) for c in a.countries] == \
           [(c.iso3, c.rank, c.p_top, c.rank_low) for c in b.countries]


@settings(max_examples=80, deadline=None)
@given(matrices, st.sampled_from(["weighted", "topsis"]), st.sampled_from(["minmax", "rank", "zscore"]),
       st.sampled_from(["none", "log"]), st.data())
def test_a_dominating_country_never_ranks_below_the_dominated(data, method, how, tf, draw) -> None:
    rows, weights = data
    i = draw.draw(st.integers(0, len(rows) - 1))
    gaps = draw.draw(st.lists(st.integers(1, 500), min_size=len(weights), max_size=len(weights)))
    better = [v + g for v, g in zip(rows[i], gaps, strict=True)]  # strictly better on every criterion
    codes = [f"C{k:02d}" for k in range(len(rows))] + ["ZZZ"]  # sorts last: ties would go against it
    result = rank_matrix(codes, np.array([*rows, better], float), settings_for(weights, method, normalise_=how,
                                                                               transform_=tf), 2020)
    by_code = {c.iso3: c for c in result.countries}
    assert by_code["ZZZ"].rank < by_code[f"C{i:02d}"].rank
    assert by_code["ZZZ"].score >= by_code[f"C{i:02d}"].score
