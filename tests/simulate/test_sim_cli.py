"""``ima simulate flee`` and ``ima simulate score`` end to end."""

from __future__ import annotations

import json

from tests.simulate.conftest import FLEE_DATA, HERE
from typer.testing import CliRunner

from ima.cli.app import app

runner = CliRunner()
INPUT = str(FLEE_DATA / "conflict_input" / "mali")
SOURCE = str(FLEE_DATA / "conflict_validation" / "mali2012")
SETTINGS = str(HERE / "mali_hasten10.yml")


def test_flee_then_score(tmp_path):
    result = runner.invoke(app, ["simulate", "flee", INPUT, SOURCE, "20", SETTINGS, "--seed", "5"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith("Day,Date,Fassala-Mbera sim,Fassala-Mbera data,Fassala-Mbera error")
    assert len(lines) == 21
    again = runner.invoke(app, ["simulate", "flee", INPUT, SOURCE, "20", SETTINGS, "--seed", "5"])
    assert again.stdout == result.stdout
    out = tmp_path / "out.csv"
    out.write_text(result.stdout)
    scored = runner.invoke(app, ["simulate", "score", str(out), "--json"])
    assert scored.exit_code == 0, scored.output
    row = json.loads(scored.stdout)
    assert row["days"] == 20 and 0 <= row["rescaled"] <= row["normal"] + 1
    table = runner.invoke(app, ["simulate", "score", str(out), "--lang", "en"])
    assert "rescaled" in table.stdout


def test_bad_input_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["simulate", "flee", str(tmp_path), SOURCE, "5", SETTINGS])
    assert result.exit_code == 2
    assert "conflict_period" in result.output or "not found" in result.output
    missing = runner.invoke(app, ["simulate", "score", str(tmp_path / "none.csv")])
    assert missing.exit_code == 2
