"""``ima eu key | pool | replay`` end to end with --json."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from ima.cli.app import app

runner = CliRunner()


def _json(args: list[str]):
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_eu_key_json_lists_26_states_summing_to_one() -> None:
    rows = _json(["eu", "key", "--year", "2023", "--json"])
    assert len(rows) == 26 and {r["state"] for r in rows} >= {"NLD", "DEU", "IRL"}
    assert "DNK" not in {r["state"] for r in rows}
    assert sum(r["key"] for r in rows) == pytest.approx(1.0)
    assert isinstance(rows[0]["population"], int) and rows[0]["state"] == "DEU"
    assert len(_json(["eu", "key", "--json", "--with-denmark"])) == 27


def test_eu_key_text_in_both_languages() -> None:
    assert "Duitsland" in runner.invoke(app, ["eu", "key"]).stdout
    assert "Germany" in runner.invoke(app, ["eu", "key", "--lang", "en"]).stdout
    bad = runner.invoke(app, ["eu", "key", "--lang", "fr"])
    assert bad.exit_code == 2 and "nl or en" in bad.output


def test_eu_pool_with_pledges_file(tmp_path) -> None:
    pledges = tmp_path / "pledges.csv"
    pledges.write_text("state,relocations,eur\nNetherlands,500,10000000\nFR,0,67000000\n", encoding="utf-8")
    rows = _json(["eu", "pool", "--relocations", "21000", "--eur", "420000000", "--combine", "or",
                  "--pledges", str(pledges), "--pledge", "DEU:4555", "--json"])
    assert sum(r["fair_share_relocations"] for r in rows) == 21000
    assert sum(r["fair_share_eur"] for r in rows) == 420_000_000
    nl = next(r for r in rows if r["state"] == "NLD")
    assert nl["pledged_value_eur"] == 500 * 20_000 + 10_000_000
    assert nl["coverage"] == pytest.approx(nl["pledged_value_eur"] / nl["fair_share_value_eur"])
    assert next(r for r in rows if r["state"] == "DEU")["may_offer_offsets"] is True
    assert next(r for r in rows if r["state"] == "ITA")["pledged_value_eur"] is None


def test_eu_pool_bad_pledges_name_line_and_column(tmp_path) -> None:
    pledges = tmp_path / "pledges.csv"
    pledges.write_text("state,relocations\nNLD,500\nBEL,12.5\n", encoding="utf-8")
    result = runner.invoke(app, ["eu", "pool", "--relocations", "30000", "--eur", "600000000",
                                 "--pledges", str(pledges)])
    assert result.exit_code == 2 and "line 3, column relocations" in " ".join(result.output.split())
    pledges.write_text("land,relocations\nNLD,500\n", encoding="utf-8")
    result = runner.invoke(app, ["eu", "pool", "--relocations", "1", "--eur", "1", "--pledges", str(pledges)])
    assert result.exit_code == 2 and "missing column(s) state" in " ".join(result.output.split())
    result = runner.invoke(app, ["eu", "pool", "--relocations", "1", "--eur", "1", "--pledge", "Atlantis:3"])
    assert result.exit_code == 2 and "unknown country" in " ".join(result.output.split())


def test_eu_replay_json_conserves(tmp_path) -> None:
    rows = _json(["eu", "replay", "--from", "2014", "--to", "2016", "--json", "--lang", "en"])
    assert len(rows) == 26
    assert sum(r["relocated_out"] for r in rows) == sum(r["allocated_in"] for r in rows) > 0
    deu = next(r for r in rows if r["state"] == "DEU")
    assert deu["triggered_periods"] == ["2014", "2015", "2016"] and deu["name"] == "Germany"
    assert all(p["received"] - p["relocated_out"] + p["allocated_in"] == p["responsible"]
               for r in rows for p in r["periods"])


def test_eu_replay_monthly_from_a_file(tmp_path) -> None:
    data = tmp_path / "monthly.csv"
    data.write_text("state,month,applicants\nDEU,2015-09,100000\nNLD,2015-09,5000\nFRA,2015-09,6000\n"
                    "DEU,2015-10,20000\nITA,2015-10,9000\n", encoding="utf-8")
    rows = _json(["eu", "replay", "--from", "2015", "--to", "2015", "--monthly", "--data", str(data),
                  "--opt-out", "FRA", "--json"])
    deu = next(r for r in rows if r["state"] == "DEU")
    assert deu["triggered_periods"] == ["2015-09", "2015-10"]
    fra = next(r for r in rows if r["state"] == "FRA")
    assert fra["allocated_in"] == 0 and fra["opt_out_payment_eur"] > 0
    assert sum(r["relocated_out"] for r in rows) == sum(r["allocated_in"] for r in rows)


def test_eu_replay_errors() -> None:
    result = runner.invoke(app, ["eu", "replay", "--monthly"])
    assert result.exit_code == 2 and "--data" in result.output
    result = runner.invoke(app, ["eu", "replay", "--from", "2016", "--to", "2014"])
    assert result.exit_code == 2 and "after" in result.output


def test_eu_key_in_a_real_process() -> None:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", "from ima.cli.app import main; main()", "eu", "key", "--year", "2016", "--json"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert {r["year"] for r in json.loads(done.stdout)} == {2016}
