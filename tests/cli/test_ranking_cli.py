"""``ima rank``, ``ima indicators``, ``ima routes`` and the extended ``ima country`` end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ima.analysis.ranking.criteria import default_criteria_text
from ima.cli.app import app

runner = CliRunner()


@pytest.fixture()
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'ima.sqlite3'}"


def flat(output: str) -> str:
    """The output with rich's line wrapping undone."""
    return " ".join(output.split())


def run_json(db: str, *args: str):
    result = runner.invoke(app, ["--db", db, *args, "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_rank_json_lists_countries_with_contributions(db: str) -> None:
    rows = run_json(db, "rank", "--year", "2019", "--top", "5", "--samples", "500", "--seed", "4")
    assert [r["rank"] for r in rows] == [1, 2, 3, 4, 5]
    for r in rows:
        assert len(r["iso3"]) == 3 and r["iso3"].isupper() and isinstance(r["score"], float)
        assert r["score"] == pytest.approx(sum(p["contribution"] for p in r["contributions"]), abs=1e-5)
        assert 0 <= r["p_top"] <= 1 and r["rank_p05"] <= r["rank_p95"]
        assert {p["group"] for p in r["contributions"]} == {"transit", "origin", "bilateral"}
    assert rows == run_json(db, "rank", "--year", "2019", "--top", "5", "--samples", "500", "--seed", "4")


def test_rank_table_in_english_and_topsis(db: str) -> None:
    result = runner.invoke(app, ["--db", db, "rank", "--method", "topsis", "--lang", "en", "--top", "3"])
    assert result.exit_code == 0, result.output
    assert "topsis" in result.output and "countries ranked" in flat(result.output)


def test_rank_explains_one_country(db: str) -> None:
    [row] = run_json(db, "rank", "--year", "2019", "--explain", "mar", "--samples", "0")
    assert row["iso3"] == "MAR" and len(row["contributions"]) == 9
    table = runner.invoke(app, ["--db", db, "rank", "--explain", "MAR", "--lang", "en"])
    assert table.exit_code == 0 and "Morocco (MAR)" in table.output and "P(top 10)" in table.output
    refused = runner.invoke(app, ["--db", db, "rank", "--explain", "FRA"])
    assert refused.exit_code == 2 and "not ranked" in flat(refused.output)


def test_rank_with_own_criteria_file(db: str, tmp_path: Path) -> None:
    own = tmp_path / "own.yaml"
    own.write_text(default_criteria_text().replace("include: []", "include: [MAR, TUN, DZA, LBY, EGY]"))
    rows = run_json(db, "rank", "--criteria", str(own), "--year", "2023", "--top", "10", "--samples", "0")
    assert {r["iso3"] for r in rows} <= {"MAR", "TUN", "DZA", "LBY", "EGY"} and len(rows) >= 4
    assert all(r["p_top"] is None for r in rows)


@pytest.mark.parametrize(("text", "message"), [
    ("groups:\n  a:\n    weight: 1\n    criteria:\n      - indicator: bananas\n        weight: 1\n",
     "unknown indicator 'bananas'"),
    ("groups:\n  a:\n    weight: 0\n    criteria:\n      - indicator: population\n        weight: 1\n",
     "weight must be a positive number"),
    ("just: [text", "not valid YAML"),
])
def test_rank_refuses_bad_criteria_with_exit_2(db: str, tmp_path: Path, text: str, message: str) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(text)
    result = runner.invoke(app, ["--db", db, "rank", "--criteria", str(bad)])
    assert result.exit_code == 2 and message in flat(result.output)
    missing = runner.invoke(app, ["--db", db, "rank", "--criteria", str(tmp_path / "nope.yaml")])
    assert missing.exit_code == 2 and "not found" in flat(missing.output)
    assert runner.invoke(app, ["--db", db, "rank", "--method", "electre"]).exit_code == 2


def test_indicators_and_routes_json(db: str) -> None:
    catalogue = run_json(db, "indicators", "--lang", "en")
    ids = {r["id"] for r in catalogue}
    assert {"orders_to_leave_nld", "returns_eu", "rejections_nld", "population"} <= ids
    assert all(r["source"] and r["countries"] > 0 for r in catalogue)
    routes = run_json(db, "routes", "--year", "2016")
    east = next(r for r in routes if r["route"] == "eastern_mediterranean")
    assert "TUR" in east["departure_countries"] and east["nationalities"][0]["iso3"] == "SYR"


@pytest.mark.parametrize("iso3", ["MAR", "LBY", "NER", "AFG", "ERI", "UGA", "XKX"])
def test_country_dossier_json_has_indicators_routes_and_rank(db: str, iso3: str) -> None:
    result = runner.invoke(app, ["--db", db, "country", iso3, "--json", "--lang", "en"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    sections = {r["section"] for r in lines}
    assert {"indicator", "rank"} <= sections
    indicators = [r for r in lines if r["section"] == "indicator"]
    assert all(r["code"] == iso3 and r["source"] and r["unit"] and isinstance(r["value"], float) for r in indicators)
    assert any(r["indicator"] == "population" for r in indicators)
    [rank] = [r for r in lines if r["section"] == "rank"]
    assert rank["year"] == 2024 and 1 <= rank["rank"] <= rank["of"]
    if iso3 in ("MAR", "LBY", "NER"):
        assert any(r["section"] == "route" and r["role"] in ("departure", "transit") for r in lines)


def test_country_dossier_table_for_a_past_year(db: str) -> None:
    result = runner.invoke(app, ["--db", db, "country", "Turkije", "--year", "2016"])
    assert result.exit_code == 0, result.output
    assert "Kerncijfers" in result.output and "Oostelijke" in result.output and "Focuslanden" in flat(result.output)
    assert runner.invoke(app, ["--db", db, "country", "TUR", "--lang", "fr"]).exit_code == 2
