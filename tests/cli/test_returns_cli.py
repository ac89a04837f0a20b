"""``ima returns`` end to end with --json."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from ima.cli.app import app

runner = CliRunner()


def test_returns_json_for_one_country_with_interests() -> None:
    result = runner.invoke(app, ["returns", "--country", "MAR", "--json", "--lang", "en"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert {r["level"] for r in rows} == {"NLD", "EU"} and all(r["country"] == "MAR" for r in rows)
    nl = next(r for r in rows if r["level"] == "NLD")
    assert nl["name"] == "Morocco" and nl["year"] == 2016 and isinstance(nl["return_decisions"], int)
    assert nl["return_rate"] == nl["returns"] / nl["return_decisions"]
    assert nl["cooperation"] in ("sufficient", "partial", "insufficient")
    assert [s["year"] for s in nl["series"]][-1] == 2016
    assert nl["lever"] and nl["lever_reason"]
    assert any(i["kind"] == "trade" for i in nl["interests"])


def test_returns_with_user_data_and_level(tmp_path) -> None:
    data = tmp_path / "r.csv"
    data.write_text("country,year,level,readmission_requests,readmission_accepted\nMAR,2016,NL,100,10\n",
                    encoding="utf-8")
    result = runner.invoke(app, ["returns", "--data", str(data), "--level", "nl", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert {r["level"] for r in rows} == {"NLD"}
    mar = next(r for r in rows if r["country"] == "MAR")
    assert mar["readmission_acceptance_rate"] == 0.1 and mar["cooperation"] == "insufficient"
    assert mar["lever"] == "suspend facilitations"


def test_returns_table_and_errors(tmp_path) -> None:
    result = runner.invoke(app, ["returns", "-n", "3"])
    assert result.exit_code == 0 and "Terugkeersamenwerking" in result.stdout
    bad = runner.invoke(app, ["returns", "--country", "Atlantis"])
    assert bad.exit_code == 2 and "unknown country" in bad.output
    data = tmp_path / "r.csv"
    data.write_text("country,year\nMAR,20x6\n", encoding="utf-8")
    bad = runner.invoke(app, ["returns", "--data", str(data)])
    assert bad.exit_code == 2 and "line 2, column year" in " ".join(bad.output.split())
    bad = runner.invoke(app, ["returns", "--level", "world"])
    assert bad.exit_code == 2
