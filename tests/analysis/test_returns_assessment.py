"""The return-cooperation assessment (Visa Code Art. 25a): thresholds, classes, trends, levers, user data."""

from __future__ import annotations

import pytest

from ima.analysis.returns.assessment import assess, assess_year, average_return_rates, next_lever
from ima.analysis.returns.observations import (ReturnObservation, merge_observations, read_return_data,
                                               shipped_observations, visa_free_countries)
from ima.analysis.returns.thresholds import Band, load_thresholds

THRESHOLDS = load_thresholds()


def obs(country="MAR", year=2016, level="NLD", decisions=1000.0, returns=None, **kw) -> ReturnObservation:
    return ReturnObservation(country, year, level, decisions, returns, **kw)


@pytest.mark.parametrize("value, expected", [(0.49, "insufficient"), (0.5, "partial"), (0.79, "partial"),
                                             (0.8, "sufficient"), (None, None)])
def test_band_boundaries(value, expected) -> None:
    assert Band(0.5, 0.8).classify(value) == expected


@pytest.mark.parametrize("returns, expected", [(190, "insufficient"), (200, "partial"), (399, "partial"),
                                               (400, "sufficient")])
def test_return_rate_relative_to_the_average(returns, expected) -> None:
    # average rate 0.40: 190/1000 = 0.19 is 0.475 of it (< 0.5 → insufficient); 200/1000 = half (partial);
    # 400/1000 equals the average (sufficient)
    assert assess_year(obs(returns=returns), 0.40, THRESHOLDS).overall == expected


def test_too_few_decisions_are_not_assessed() -> None:
    # the shipped minimum at NL level is 100 decisions
    assert assess_year(obs(decisions=95, returns=0), 0.4, THRESHOLDS).overall == "not assessed"
    assert assess_year(obs(decisions=100, returns=0), 0.4, THRESHOLDS).overall == "insufficient"


def test_worst_indicator_decides() -> None:
    # return rate at the average (sufficient) but 40 of 100 readmission requests accepted (0.4 < 0.5)
    a = assess_year(obs(returns=400, readmission_requests=100, readmission_accepted=40), 0.4, THRESHOLDS)
    assert a.classes == {"return_rate": "sufficient", "readmission_acceptance": "insufficient"}
    assert a.overall == "insufficient" and a.acceptance_rate == 0.4
    # practical cooperation: yes, partly, no → (1 + 0.5 + 0) / 3 = 0.5 → partial
    b = assess_year(obs(returns=400, practical={"identification": 1.0, "laissez_passer": 0.5,
                                                 "return_flights": 0.0}), 0.4, THRESHOLDS)
    assert b.practical_score == 0.5 and b.overall == "partial"


def test_average_is_pooled_over_countries() -> None:
    # (100 + 300) / (1000 + 1000) = 0.2; the country without returns does not count
    rates = average_return_rates([obs("MAR", returns=100), obs("DZA", returns=300), obs("TUN", returns=None)])
    assert rates == {("NLD", 2016): 0.2}


@pytest.mark.parametrize("overall, trend, visa, measure, lever", [
    ("insufficient", "stable", True, None, "suspend facilitations"),
    ("insufficient", "stable", True, "suspension", "higher visa fee"),
    ("insufficient", "improving", True, "suspension", "keep suspension"),
    ("insufficient", "worsening", True, "fee", "keep higher fee"),
    ("insufficient", "stable", False, None, "not applicable"),
    ("sufficient", "stable", True, None, "positive measures"),
    ("sufficient", "improving", True, "suspension", "lift measures"),
    ("sufficient", "worsening", True, None, "dialogue"),
    ("partial", "improving", True, None, "dialogue"),
    ("not assessed", "unknown", True, None, "none"),
])
def test_lever_order(overall, trend, visa, measure, lever) -> None:
    current = assess_year(obs(), None, THRESHOLDS)
    current = type(current)(**{**current.__dict__, "overall": overall})
    assert next_lever(current, trend, visa, measure)[0] == lever


def test_trend_and_series_by_hand() -> None:
    # return rates 0.10 (2014) → 0.12 → 0.20 (2016): +10 pp ≥ 5 → improving; average 0.2 each year from the
    # second country (200/1000), so 2016 is at the average: sufficient → positive measures
    items = [obs(year=y, returns=r) for y, r in ((2014, 100), (2015, 120), (2016, 200))]
    items += [obs("DZA", year=y, returns=200) for y in (2014, 2015, 2016)]
    mar = next(a for a in assess(items, THRESHOLDS, frozenset()) if a.country == "MAR")
    assert mar.year == 2016 and [s.year for s in mar.series] == [2014, 2015, 2016]
    assert mar.trend == "improving" and mar.trend_points == pytest.approx(10)
    assert mar.current.overall == "sufficient" and mar.lever == "positive measures"
    # assessed up to 2015 the rate fell from 0.10 to 0.12 … rose 2 pp: stable
    earlier = next(a for a in assess(items, THRESHOLDS, frozenset(), year=2015) if a.country == "MAR")
    assert earlier.year == 2015 and earlier.trend == "stable"


def test_shipped_data_morocco_and_algeria() -> None:
    items = shipped_observations()
    results = {(a.country, a.level): a for a in assess(items, THRESHOLDS, visa_free_countries())}
    mar = results["MAR", "EU"]
    # Eurostat 2016, EU-28: 34,170 Moroccans ordered to leave, 11,095 returned
    assert mar.year == 2016 and mar.current.return_decisions == 34_170 and mar.current.returns == 11_095
    assert results["ALB", "EU"].lever == "not applicable"  # visa-free
    assert results["DZA", "EU"].current.overall == "insufficient"


def test_user_csv_is_validated_with_line_and_column(tmp_path) -> None:
    path = tmp_path / "returns.csv"
    cases = {
        "country,year,colour\nMAR,2016,red\n": "line 1: unknown column(s) colour",
        "country\nMAR\n": "missing column(s) year",
        "country,year\nAtlantis,2016\n": "line 2, column country",
        "country,year\nMAR,twenty\n": "line 2, column year",
        "country,year,readmission_requests,readmission_accepted\nMAR,2016,10,12\n": "column readmission_accepted",
        "country,year,identification\nMAR,2016,maybe\n": "column identification",
        "country,year,level\nMAR,2016,world\n": "column level",
        "country,year,measure\nMAR,2016,ban\n": "column measure",
        "country,year\nMAR,2016\nMAR,2016\n": "line 3: MAR 2016 NLD appears twice",
        "country,year,returns\nMAR,2016,-5\n": "column returns: '-5' is negative",
    }
    for text, message in cases.items():
        path.write_text(text, encoding="utf-8")
        with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
            read_return_data(path)


def test_user_data_lays_over_shipped(tmp_path) -> None:
    path = tmp_path / "returns.csv"
    path.write_text("country;year;level;readmission_requests;readmission_accepted;identification;measure\n"
                    "Marokko;2016;nl;200;50;ja;suspension\n", encoding="utf-8")
    user = read_return_data(path)
    assert user[0].country == "MAR" and user[0].practical == {"identification": 1.0}
    merged = {(o.country, o.year, o.level): o for o in merge_observations(shipped_observations(), user)}
    mar = merged["MAR", 2016, "NLD"]
    assert mar.return_decisions == 1420 and mar.readmission_requests == 200 and mar.measure == "suspension"
    assert "user data" in mar.sources


def test_thresholds_file_errors(tmp_path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text("return_rate: {insufficient_below: 0.9, sufficient_from: 0.1}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="return_rate"):
        load_thresholds(path)
    path.write_text("return_rate: [1, 2\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not valid YAML"):
        load_thresholds(path)
    with pytest.raises(ValueError, match="cannot read"):
        load_thresholds(tmp_path / "missing.yaml")
