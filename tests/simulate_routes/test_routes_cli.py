"""End to end: ``ima simulate run``, ``compare``, ``ensemble`` and ``sensitivity`` on the tiny scenario."""

from __future__ import annotations

import json

import pandas as pd
from tests.simulate_routes.conftest import write_scenario
from typer.testing import CliRunner

from ima.cli.app import app

runner = CliRunner()


def invoke(*args):
    return runner.invoke(app, ["simulate", *map(str, args)])


def json_rows(result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


def test_run_writes_tables_and_plot(tiny, tmp_path):
    out = tmp_path / "out"
    result = invoke("run", tiny, "--seeds", 3, "--out", out, "--workers", 1)
    assert result.exit_code == 0, result.output
    for name in ("locations", "links", "arrivals_monthly"):
        assert (out / f"{name}.parquet").exists() and (out / f"{name}.csv.gz").exists()
    assert (out / "arrivals.png").read_bytes()[:4] == b"\x89PNG" and (out / "arrivals.svg").exists()
    locs = pd.read_parquet(out / "locations.parquet")
    assert set(locs.seed) == {1, 2, 3} and {"date", "location", "people"} <= set(locs.columns)
    links = pd.read_csv(out / "links.csv.gz")
    assert links[links.seed == 1].people.sum() > 0
    assert "GRC" in result.output and "NLD" in result.output


def test_run_json_rows(tiny, tmp_path):
    result = invoke("run", tiny, "--seeds", 2, "--out", tmp_path / "o", "--workers", 1, "--json")
    assert result.exit_code == 0, result.output
    rows = json_rows(result)
    assert {r["country"] for r in rows} == {"GRC", "BGR"}
    assert all(isinstance(r["simulated"], float) and r["low"] <= r["simulated"] <= r["high"] for r in rows)
    assert sum(r["simulated"] for r in rows) == 1200


def test_compare_reports_the_difference_with_a_band(tmp_path):
    a = write_scenario(tmp_path, "a")
    b = write_scenario(tmp_path, "b", levers=[{"type": "border_management", "location": "CoastA",
                                               "probability": 0.5}])
    result = invoke("compare", a, b, "--seeds", 4, "--workers", 1, "--json", "--out", tmp_path / "cmp")
    assert result.exit_code == 0, result.output
    rows = {r["series"]: r for r in json_rows(result)}
    assert rows["GRC"]["difference"] < 0 and rows["GRC"]["high"] < 0
    assert rows["GRC"]["b"] - rows["GRC"]["a"] == rows["GRC"]["difference"]
    assert (tmp_path / "cmp" / "difference.png").exists() and (tmp_path / "cmp" / "comparison.csv").exists()
    table = invoke("compare", a, b, "--seeds", 2, "--workers", 1, "--lang", "en")
    assert table.exit_code == 0 and "difference B − A" in table.output


def test_bad_input_is_a_clear_error(tmp_path):
    bad = write_scenario(tmp_path, "bad", levers=[{"type": "closure", "link": ["Hub", "CoastA"],
                                                   "start": "1999-01-01"}])
    result = invoke("run", bad, "--seeds", 1, "--out", tmp_path / "never")
    assert result.exit_code == 2 and "outside the scenario period" in " ".join(result.output.split())
    assert not (tmp_path / "never").exists()
    assert invoke("run", tmp_path / "nope.yaml").exit_code == 2
    assert invoke("compare", bad, bad, "--seeds", 0).exit_code == 2


def test_ensemble_and_sensitivity(tiny, tmp_path):
    result = invoke("ensemble", tiny, "--seeds", 2, "--grid", "cross=0.3,0.6", "--workers", 1, "--json",
                    "--out", tmp_path / "ens")
    assert result.exit_code == 0, result.output
    rows = json_rows(result)
    assert {r["param_cross"] for r in rows} == {0.3, 0.6} and {r["run"] for r in rows} == {0, 1, 2, 3}
    assert (tmp_path / "ens" / "ensemble.parquet").exists()
    assert invoke("ensemble", tiny, "--grid", "cross").exit_code == 2
    result = invoke("sensitivity", tiny, "--params", "cross,pull_a=0.2:5", "--samples", 3, "--workers", 1, "--json")
    assert result.exit_code == 0, result.output
    rows = json_rows(result)
    mu = {(r["output"], r["parameter"]): r["mu_star"] for r in rows}
    assert mu[("arrivals_GRC", "pull_a")] > mu[("arrivals_GRC", "cross")]
    assert invoke("sensitivity", tiny, "--params", "warp").exit_code == 2


def test_run_as_a_real_process(tiny, tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    exe = Path(sys.executable).with_name("ima")
    done = subprocess.run([str(exe), "simulate", "run", str(tiny), "--seeds", "1", "--workers", "1", "--json",
                           "--out", str(tmp_path / "p")], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert {json.loads(line)["series"] for line in done.stdout.splitlines()} == {"GRC", "BGR"}
