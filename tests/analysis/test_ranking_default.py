"""The shipped default focus ranking on the real vendored data (2019 and 2024), and criteria files."""

from __future__ import annotations

import pytest

from ima.analysis.ranking import parse_criteria, with_weights
from ima.analysis.ranking.criteria import EU_EFTA, default_criteria_text
from ima.services.ranking import rank_countries

TRANSIT_AND_ORIGIN = {"TUR", "MAR", "DZA", "TUN", "LBY", "EGY", "IRN", "AFG", "SYR", "IRQ", "SDN", "NGA", "PAK",
                      "SEN", "ALB", "SRB", "ETH", "BGD"}


@pytest.fixture(scope="module", params=[2019, 2024])
def ranking(request):
    return rank_countries(year=request.param, samples=2000, top=10)


def test_default_ranking_puts_known_transit_and_origin_countries_on_top(ranking) -> None:
    top10 = [c.iso3 for c in ranking.countries[:10]]
    assert len(set(top10) & TRANSIT_AND_ORIGIN) >= 7, top10
    assert "TUR" in top10 and "MAR" in top10
    assert not set(c.iso3 for c in ranking.countries) & EU_EFTA
    assert len(ranking.countries) >= 40


def test_default_ranking_explains_and_qualifies_every_rank(ranking) -> None:
    ranks = [c.rank for c in ranking.countries]
    assert ranks == list(range(1, len(ranks) + 1))
    scores = [c.score for c in ranking.countries]
    assert scores == sorted(scores, reverse=True)
    for c in ranking.countries:
        assert sum(p.contribution for p in c.contributions) == pytest.approx(c.score)
        assert all(p.year is None or ranking.year - 3 <= p.year <= ranking.year for p in c.contributions)
        assert 0.0 <= c.p_top <= 1.0 and 1 <= c.rank_low <= c.rank_high <= len(ranks)
    assert all(c.rank_low <= c.rank <= c.rank_high for c in ranking.countries[:10])
    assert sum(c.p_top for c in ranking.countries) == pytest.approx(10.0)  # ten places in every sample
    assert ranking.countries[0].p_top > 0.9


def test_past_years_use_the_figures_of_that_year() -> None:
    r2015 = rank_countries(year=2015, samples=0)
    syria = next(c for c in r2015.countries if c.iso3 == "SYR")
    asylum = next(p for p in syria.contributions if p.criterion == "asylum_nld")
    assert asylum.year == 2015 and asylum.raw > 10_000  # the 2015 peak, not today's figure


def test_topsis_agrees_broadly_with_the_weighted_sum() -> None:
    weighted = rank_countries(year=2024, samples=0)
    topsis = rank_countries(year=2024, samples=0, method="topsis")
    assert len({c.iso3 for c in weighted.countries[:10]} & {c.iso3 for c in topsis.countries[:10]}) >= 6


def test_reweighting_moves_countries_the_expected_way() -> None:
    base = rank_countries(year=2024, samples=0)
    only_transit = rank_countries(year=2024, samples=0, weights={"origin": 0, "bilateral": 0})
    lib_base = next(c.rank for c in base.countries if c.iso3 == "LBY")
    lib_transit = next(c.rank for c in only_transit.countries if c.iso3 == "LBY")
    assert lib_transit < lib_base
    assert all(p.weight == 0 for c in only_transit.countries for p in c.contributions
               if p.criterion in ("nl_embassy", "rejections_nld"))


@pytest.mark.parametrize(("edit", "message"), [
    (("indicator: rejections_nld", "indicator: bananas"), "unknown indicator 'bananas'"),
    (("weight: 0.35\n    criteria", "weight: -1\n    criteria"), "weight must be a positive number"),
    (("transform: log", "transform: sqrt"), "transform: 'sqrt' is not one of"),
    (("method: weighted", "method: electre"), "method: 'electre' is not one of"),
    (("groups:", "groups: [\n"), "not valid YAML"),
    (("window: 3", "window: -2"), "window must be"),
])
def test_invalid_criteria_name_the_problem(edit, message) -> None:
    text = default_criteria_text().replace(*edit, 1)
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace("[", r"\[")):
        parse_criteria(text, "test.yaml")


def test_overrides_set_a_value_for_an_event_and_say_so() -> None:
    text = default_criteria_text().replace("overrides: []", """overrides:
  - iso3: NER
    criterion: rejections_nld
    value: 5000
    note: test event
    years: [2024]""")
    settings = parse_criteria(text)
    with_event = rank_countries(settings, 2024, samples=0)
    niger = next(c for c in with_event.countries if c.iso3 == "NER")
    assert niger.overridden == ("rejections_nld",)
    assert next(p for p in niger.contributions if p.criterion == "rejections_nld").raw == 5000
    before = next(c for c in rank_countries(year=2024, samples=0).countries if c.iso3 == "NER")
    assert niger.rank < before.rank
    other_year = next(c for c in rank_countries(settings, 2023, samples=0).countries if c.iso3 == "NER")
    assert other_year.overridden == ()
    with pytest.raises(ValueError, match="say why in 'note'"):
        parse_criteria(text.replace("note: test event", "note: ''"))
    with pytest.raises(ValueError, match="unknown criterion 'bananas'"):
        parse_criteria(text.replace("criterion: rejections_nld\n    value", "criterion: bananas\n    value"))


def test_weights_for_unknown_criteria_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown criterion or group 'bananas'"):
        with_weights(parse_criteria(default_criteria_text()), {"bananas": 1})
