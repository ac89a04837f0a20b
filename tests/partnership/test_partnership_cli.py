"""``ima partnership``, ``ima packages`` and ``ima risks`` end to end (Typer runner, real SQLite file)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ima.analysis.partnership.risks import RISKS_FILE
from ima.cli.app import app

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory, corpus_paths: dict[str, Path]) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('partnership') / 'ima.sqlite3'}"
    assert runner.invoke(app, ["--db", url, "ingest", str(corpus_paths["agreements_2020"])]).exit_code == 0
    return url


def run(db: str, *args: str, code: int = 0):
    result = runner.invoke(app, ["--db", db, *args], catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result


def lines(result) -> list[dict]:
    return [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]


def test_partnership_dossier_json_has_every_section_sourced(db: str) -> None:
    data = json.loads(run(db, "partnership", "Marokko", "--json", "--today", "2026-11-25").output)
    assert data["iso3"] == "MAR" and data["name"] == "Marokko" and data["state"] == "arrangement"
    assert any(a["id"] == "eu-mar-mobility-partnership" for a in data["agreements"])
    assert {i["kind"] for i in data["interests"]} >= {"trade", "aid"}
    assert all(e["source"]["text"] for e in data["timeline"])
    assert data["risks"] and data["risks"][0]["country"] == "MAR" and "overdue" in data["risks"][0]
    assert {u["instrument"] for u in data["instruments_in_use"]} >= {"border-management-support"}
    # the record's passages about Morocco, with document and page
    assert data["passages"] and all(p["page"] >= 1 and p["document_id"] for p in data["passages"])
    assert any("Marokko" in p["text"] for p in data["passages"])
    english = json.loads(run(db, "partnership", "MAR", "--json", "--lang", "en").output)
    assert english["name"] == "Morocco"


def test_partnership_table_and_errors(db: str) -> None:
    out = run(db, "partnership", "TUN", "--lang", "en").output
    assert "State of cooperation" in out and "EU–Tunisia" in out
    assert "no partnership dossier" in run(db, "partnership", "NOR", code=2).output
    assert "--lang must be nl or en" in run(db, "partnership", "TUN", "--lang", "fr", code=2).output


def test_packages_json_ranked_explained_with_sensitivity(db: str) -> None:
    rows = lines(run(db, "packages", "MAR", "--objective", "return", "--mode", "less-for-less", "--top", "3",
                     "--weights", "budget=1", "--draws", "200", "--json", "--lang", "en"))
    assert [r["rank"] for r in rows] == [1, 2, 3]
    assert rows[0]["score"] >= rows[1]["score"] >= rows[2]["score"]
    assert rows[0]["iso3"] == "MAR" and rows[0]["explanation"].startswith("Package 1:")
    assert 0 <= rows[0]["sensitivity"]["share_first"] <= 1
    assert all("humanitarian-aid-conditionality" not in r["instruments"] for r in rows)


def test_packages_table_shows_exclusions_and_bad_input_fails(db: str) -> None:
    out = run(db, "packages", "TUR", "--objective", "protection", "--top", "2").output
    assert "Pakket 1" in out and "humanitarian-aid-conditionality" in out
    assert "unknown objective" in run(db, "packages", "TUR", "--objective", "peace", code=2).output
    assert "unknown weight" in run(db, "packages", "TUR", "-o", "return", "--weights", "x=1", code=2).output
    assert "unknown instrument" in run(db, "packages", "TUR", "-o", "return", "--effect", "nope=1", code=2).output


def test_risks_overdue_heatmap_and_update_with_audit(db: str, tmp_path: Path) -> None:
    register = tmp_path / "risks.yaml"
    shutil.copy(RISKS_FILE, register)
    overdue = lines(run(db, "risks", "--overdue", "--today", "2026-11-25", "--file", str(register), "--json"))
    assert overdue and all(r["overdue"] for r in overdue)
    assert all(len(r["country"]) == 3 for r in overdue)
    tunisia = lines(run(db, "risks", "--country", "TUN", "--file", str(register), "--json"))
    assert {r["country"] for r in tunisia} == {"TUN"}
    cells = lines(run(db, "risks", "heatmap", "--file", str(register), "--json"))
    assert len(cells) == 25 and sum(len(c["risks"]) for c in cells) >= 10
    assert "likelihood" in run(db, "risks", "heatmap", "--file", str(register)).output
    out = run(db, "risks", "update", "TUN-01", "--status", "mitigating", "--review-date", "2027-06-30",
              "--actor", "officer", "--file", str(register)).output
    assert "changed review_date, status" in out
    changes = lines(run(db, "audit", "--entity", "risk", "--json"))
    assert [(c["entity_key"], c["actor"]) for c in changes] == [("TUN-01", "officer")]
    after = lines(run(db, "risks", "--country", "TUN", "--file", str(register), "--json"))
    assert {r["id"]: r["status"] for r in after}["TUN-01"] == "mitigating"
    bad = run(db, "risks", "update", "TUN-01", "--likelihood", "9", "--file", str(register), code=2).output
    assert "field 'likelihood': 9 is outside 1–5" in " ".join(bad.split())
    assert len(lines(run(db, "audit", "--entity", "risk", "--json"))) == 1


def test_partnership_set_changes_a_rule_attribute_with_audit(db: str, tmp_path: Path) -> None:
    from ima.analysis.partnership.dossiers import COUNTRIES_FILE, load_profiles

    countries = tmp_path / "countries.yaml"
    shutil.copy(COUNTRIES_FILE, countries)
    out = run(db, "partnership-set", "Marokko", "diplomatic_visa_exemption", "true", "--source",
              "Benelux agreement (test)", "--actor", "officer", "--file", str(countries)).output
    assert "MAR" in out or "Marokko" in out
    attribute = load_profiles(countries)["MAR"]["attributes"]["diplomatic_visa_exemption"]
    assert attribute.value is True and attribute.source.text == "Benelux agreement (test)"
    changes = lines(run(db, "audit", "--entity", "partnership", "--json"))
    assert [(c["entity_key"], c["actor"]) for c in changes] == [("MAR", "officer")]
    before = countries.read_bytes()
    assert "gsp is one of" in run(db, "partnership-set", "MAR", "gsp", "maybe", "--source", "x",
                                  "--file", str(countries), code=2).output
    assert "unknown attribute" in run(db, "partnership-set", "MAR", "gdp", "1", "--source", "x",
                                      "--file", str(countries), code=2).output
    assert countries.read_bytes() == before


def test_real_subprocess_packages_json(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "IMA_DATABASE_URL": f"sqlite:///{tmp_path / 'ima.sqlite3'}"}
    exe = Path(sys.executable).parent / "ima"
    proc = subprocess.run([str(exe), "packages", "JOR", "--objective", "protection", "--top", "2", "--draws", "50",
                           "--json"], env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["rank"] for r in rows] == [1, 2] and rows[0]["iso3"] == "JOR"
    assert any(i in ("protection-in-region", "resettlement") for i in rows[0]["instruments"])
