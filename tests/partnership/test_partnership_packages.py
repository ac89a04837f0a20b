"""The package builder: a hand-checked case and properties (constraints, cost monotonicity)."""

from __future__ import annotations

import pytest
from tests.partnership.partnership_factory import SRC, country, instrument
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ima.analysis.partnership.packages import (
    DEFAULT_WEIGHTS,
    PackageSettings,
    build_packages,
    parse_effects,
    parse_weights,
)
from ima.analysis.partnership.sensitivity import sweep_effects
from ima.domain.instruments import Rule

ZERO = {k: 0.0 for k in DEFAULT_WEIGHTS}


def hand_catalogue():
    """Five instruments whose ranking is computed by hand below."""
    return {i.id: i for i in (
        instrument("a", effect=(2, 2), costs={"budget": 2}),
        instrument("b", effect=(1, 3), costs={"trade": 1}),
        instrument("c", effect=(1, 2), rules=(Rule("excludes", "not with a", SRC, values=("a",)),)),
        instrument("n", direction="negative", effect=(1, 3), costs={"relations": 1}),
        instrument("g", effect=(3, 3), rules=(Rule("country", "GSP only", SRC, "gsp", ("eba",)),)),
    )}


HAND_WEIGHTS = {**ZERO, "effect": 1.0, "budget": 0.5, "trade": 1.0, "relations": 1.2}


def test_hand_checked_ranking_less_for_less() -> None:
    # Net value per instrument = expected effect (middle of range) − Σ weight × cost:
    #   a = 2 − 0.5×2 = 1.0;  b = 2 − 1×1 = 1.0;  c = 1.5 − 0 = 1.5;  n = 2 − 1.2×1 = 0.8;
    #   g is excluded (country gsp = none, rule needs eba).
    # Allowed packages (≤ 2): a, b, c (n alone is unbalanced: a negative needs a positive);
    #   ab 2.0, an 1.8, bc 2.5, bn 1.8, cn 2.3 (ac breaks "c excludes a").
    # Ranking: bc 2.5 > cn 2.3 > ab 2.0 > an 1.8 = bn 1.8 (tie: ids) > c 1.5 > a 1.0 = b 1.0.
    result = build_packages(hand_catalogue(), country(gsp="none"),
                            PackageSettings("return", "less-for-less", HAND_WEIGHTS, max_size=2, top=20))
    ranked = [(p.instruments, round(p.score, 6)) for p in result.packages]
    assert ranked == [(("b", "c"), 2.5), (("c", "n"), 2.3), (("a", "b"), 2.0), (("a", "n"), 1.8),
                      (("b", "n"), 1.8), (("c",), 1.5), (("a",), 1.0), (("b",), 1.0)]
    assert [p.rank for p in result.packages] == list(range(1, 9))
    assert result.candidates == 8
    assert {e.instrument for e in result.excluded} == {"g"}
    best = result.packages[0]
    assert (best.effect, best.effect_low, best.effect_high) == (3.5, 2, 5)
    assert best.costs == {"trade": 1.0}


def test_hand_checked_more_for_more_drops_negatives_and_country_rule_opens_g() -> None:
    result = build_packages(hand_catalogue(), country(gsp="eba"),
                            PackageSettings("return", "more-for-more", HAND_WEIGHTS, max_size=2, top=3))
    # g (net 3.0) is now allowed: gb 4.0, gc 4.5, ag 4.0 → gc first
    assert result.packages[0].instruments == ("c", "g")
    assert result.packages[0].score == pytest.approx(4.5)
    assert all("n" not in p.instruments for p in result.packages)


def test_unknown_attribute_keeps_instrument_flagged_to_verify() -> None:
    result = build_packages(hand_catalogue(), country(gsp=None),
                            PackageSettings("return", "more-for-more", HAND_WEIGHTS, max_size=1, top=1))
    assert result.packages[0].instruments == ("g",)
    assert result.packages[0].unverified == (("g", "gsp"),)


def test_effect_override_changes_the_ranking() -> None:
    result = build_packages(hand_catalogue(), country(gsp="none"),
                            PackageSettings("return", "more-for-more", HAND_WEIGHTS, max_size=1, top=1),
                            effect_overrides={"b": (3, 3)})
    assert result.packages[0].instruments == ("b",)
    assert result.judgements["b"].default is False


def test_sensitivity_reports_rank_stability() -> None:
    result = build_packages(hand_catalogue(), country(gsp="none"),
                            PackageSettings("return", "less-for-less", HAND_WEIGHTS, max_size=2, top=3))
    sweep = sweep_effects(result, draws=400, seed=1)
    assert sweep.packages[0].instruments == ("b", "c")
    assert 0.0 < sweep.stable_first < 1.0  # b's and n's ranges let cn overtake bc sometimes
    assert all(0 <= s.share_first <= s.share_top <= 1 for s in sweep.packages)
    assert sweep_effects(result, draws=400, seed=1) == sweep  # seeded: reproducible


def test_weight_and_effect_parsing_errors_are_clear() -> None:
    assert parse_weights("trade=2, effect=1.5") == {"trade": 2.0, "effect": 1.5}
    with pytest.raises(ValueError, match="unknown weight"):
        parse_weights("tarde=1")
    with pytest.raises(ValueError, match="≥ 0"):
        parse_weights("trade=-1")
    assert parse_effects("a=0-2,b=3") == {"a": (0, 2), "b": (3, 3)}
    with pytest.raises(ValueError, match="0 ≤ low ≤ high"):
        parse_effects("a=2-1")
    with pytest.raises(ValueError, match="objective"):
        PackageSettings("peace")


# --- properties -----------------------------------------------------------------------------

KINDS = ("trade", "aid", "human-rights", "relations", "budget")


@st.composite
def catalogues(draw):
    n = draw(st.integers(2, 6))
    ids = [f"i{k}" for k in range(n)]
    out = {}
    for k, id_ in enumerate(ids):
        low = draw(st.integers(0, 3))
        rules = []
        if draw(st.booleans()):
            rules.append(Rule("country", "attr rule", SRC, "x", (draw(st.booleans()),)))
        if draw(st.integers(0, 4)) == 0:
            rules.append(Rule("not-alone", "not alone", SRC))
        if k and draw(st.integers(0, 3)) == 0:
            rules.append(Rule("excludes", "excl", SRC, values=(ids[draw(st.integers(0, k - 1))],)))
        out[id_] = instrument(id_, direction=draw(st.sampled_from(["positive", "negative"])),
                              effect=(low, draw(st.integers(low, 3))),
                              costs={c: draw(st.integers(0, 3)) for c in KINDS if draw(st.booleans())},
                              rules=tuple(rules), status=draw(st.sampled_from(["in-force"] * 4 + ["proposed",
                                                                                               "prohibited"])))
    return out


weights_st = st.fixed_dictionaries({k: st.sampled_from([0.0, 0.5, 1.0, 2.0]) for k in DEFAULT_WEIGHTS})


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalogue=catalogues(), x=st.sampled_from([True, False, None]),
       mode=st.sampled_from(["more-for-more", "less-for-less"]), size=st.integers(1, 4), weights=weights_st)
def test_every_package_respects_every_constraint(catalogue, x, mode, size, weights) -> None:
    result = build_packages(catalogue, country(x=x), PackageSettings("return", mode, weights, size, top=10_000))
    assert len(result.packages) == result.candidates
    for package in result.packages:
        chosen = [catalogue[i] for i in package.instruments]
        assert 1 <= len(chosen) <= size
        negatives = sum(i.direction == "negative" for i in chosen)
        assert negatives == 0 if mode == "more-for-more" else negatives <= len(chosen) - negatives
        for inst in chosen:
            assert inst.status == "in-force"
            assert inst.effects["return"].high > 0
            for rule in inst.rules:
                if rule.kind == "country":
                    assert x is None or x in rule.values
                if rule.kind == "not-alone":
                    assert len(chosen) >= 2
                if rule.kind == "excludes":
                    assert not set(rule.values) & set(package.instruments)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalogue=catalogues(), mode=st.sampled_from(["more-for-more", "less-for-less"]), weights=weights_st,
       pick=st.integers(0, 10_000), kind=st.sampled_from(KINDS), extra=st.integers(1, 3))
def test_raising_an_instruments_cost_never_raises_its_packages_rank(catalogue, mode, weights, pick, kind, extra):
    from dataclasses import replace

    base = PackageSettings("return", mode, weights, 3, top=10_000)
    before = build_packages(catalogue, country(x=True), base)
    if not before.packages:
        return
    package = before.packages[pick % len(before.packages)]
    target = package.instruments[pick % len(package.instruments)]
    costlier = dict(catalogue)
    old = catalogue[target]
    costlier[target] = replace(old, costs={**old.costs, kind: old.costs.get(kind, 0) + extra})
    after = build_packages(costlier, country(x=True), base)
    ranks = {p.instruments: p.rank for p in after.packages}
    assert ranks[package.instruments] >= package.rank


def test_instruments_in_use_are_left_out_unless_asked() -> None:
    from dataclasses import replace

    from ima.domain.partnership import InstrumentUse

    profile = replace(country(gsp="none"), instruments_in_use=(InstrumentUse("c", "2024", SRC),))
    settings = PackageSettings("return", "less-for-less", HAND_WEIGHTS, max_size=2, top=20)
    result = build_packages(hand_catalogue(), profile, settings)
    assert all("c" not in p.instruments for p in result.packages)
    assert {e.instrument: e.reason for e in result.excluded}["c"] == "already in use since 2024"
    assert build_packages(hand_catalogue(), profile, replace(settings, include_in_use=True)).packages[0].instruments \
        == ("b", "c")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalogue=catalogues(), mode=st.sampled_from(["more-for-more", "less-for-less"]), seed=st.integers(0, 99))
def test_fixed_judgements_give_a_perfectly_stable_ranking(catalogue, mode, seed) -> None:
    from dataclasses import replace

    from ima.domain.instruments import EffectJudgement

    fixed = {k: replace(i, effects={"return": EffectJudgement(i.effects["return"].high, i.effects["return"].high,
                                                              SRC)}) for k, i in catalogue.items()}
    result = build_packages(fixed, country(x=True), PackageSettings("return", mode, DEFAULT_WEIGHTS, 3, top=3))
    if not result.packages:
        return
    sweep = sweep_effects(result, draws=20, seed=seed)
    assert sweep.stable_first == 1.0
    assert [s.rank_low for s in sweep.packages] == [s.rank_high for s in sweep.packages] == \
        [p.rank for p in result.packages]
