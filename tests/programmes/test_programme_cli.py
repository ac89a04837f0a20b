"""``ima programmes``, ``ima budget`` and ``ima audit`` end to end (a real SQLite file, Typer's runner)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from ima.cli.app import app
from ima.store import Store
from ima.store.programmes import count_rows
from tests.programmes.conftest import PROGRAMMES_CSV

runner = CliRunner()


def run(db: str, *args: str, code: int = 0) -> str:
    result = runner.invoke(app, ["--db", db, *args])
    assert result.exit_code == code, result.output
    return result.output


def lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


@pytest.fixture
def db(sqlite_url, csv_files) -> str:
    run(sqlite_url, "programmes", "import", *map(str, csv_files.values()), "--actor", "alice")
    return sqlite_url


def test_list_filter_and_show(db) -> None:
    rows = lines(run(db, "programmes", "--json"))
    assert [r["source_id"] for r in rows] == ["NL-001", "NL-002", "NL-003"]
    assert rows[1]["countries"] == ["ETH", "SDN"] and rows[1]["oda"] is True and rows[0]["total_budget"] == 3500000.5
    assert [r["source_id"] for r in lines(run(db, "programmes", "--country", "Ethiopië", "--json"))] == ["NL-002"]
    assert [r["source_id"] for r in lines(run(db, "programmes", "--pillar", "4", "--json"))] == ["NL-001"]
    shown = lines(run(db, "programmes", "show", "NL-001", "--json"))[0]
    assert shown["indicators"][0]["name"] == "Begeleide vrijwillige terugkeer" and shown["evaluations"]
    assert "Terugkeer en herintegratie Marokko" in run(db, "programmes", "show", "NL-001")
    assert "no programme 'NL-404'" in run(db, "programmes", "show", "NL-404", code=2)


def test_budget_json_and_ceiling(db, tmp_path) -> None:
    rows = lines(run(db, "budget", "--json"))
    budget = {r["year"]: r for r in rows if r["row"] == "budget"}
    assert budget[2025]["amount"] == 5_000_000 and budget[2025]["oda"] == 4_000_000
    assert budget[2026]["amount"] == 3_250_000.5 and budget[2026]["non_oda"] == 2_500_000.5
    (ceiling,) = [r for r in rows if r["row"] == "ceiling"]
    assert ceiling["year"] == 2029 and ceiling["ceiling"] == 118_000_000 and ceiling["planned"] == 0
    mine = tmp_path / "ceilings.yaml"
    mine.write_text("ceilings:\n  - {id: nl-2026, label: NL 2026, year: 2026, amount: 3000000, funder: NL}\n")
    (own,) = [r for r in lines(run(db, "budget", "--year", "2026", "--ceilings", str(mine), "--json"))
              if r["row"] == "ceiling"]
    assert own["planned"] == 3_250_000.5 and own["headroom"] == -250_000.5
    assert "boven plafond" in run(db, "budget", "--year", "2026", "--ceilings", str(mine))
    by_area = lines(run(db, "budget", "--by", "area,pillar", "--json"))
    assert {(r["area"], r["pillar"]) for r in by_area if r["row"] == "budget"} == \
        {("MAR", 4), ("TUN", 1), ("horn-of-africa", 1), ("horn-of-africa", 2)}


def test_flags_command(db) -> None:
    flags = lines(run(db, "programmes", "flags", "--as-of", "2026-07-01", "--json", "--lang", "en"))
    kinds = {(f["programme"], f["kind"]) for f in flags}
    assert ("ima-csv:NL-001", "negative_side_effect") in kinds and ("ima-csv:NL-001", "evaluation_overdue") in kinds
    assert ("ima-csv:NL-001", "indicator_off_track") in kinds  # 100 of ~333 expected by 2026-01-01
    assert all(f["decision"] for f in flags)
    assert "Do no harm" in run(db, "programmes", "flags", "--as-of", "2026-07-01", "--lang", "en")


def test_a_bad_csv_exits_non_zero_names_the_line_and_changes_nothing(db, tmp_path) -> None:
    with Store.open(db) as store, store.snapshot() as connection:
        before = count_rows(connection)
    bad = tmp_path / "programmes.csv"
    bad.write_text(PROGRAMMES_CSV.replace("1000000,2500000.50", "1000000,2.500.000"), encoding="utf-8")
    result = runner.invoke(app, ["--db", db, "programmes", "import", str(bad)])
    assert result.exit_code == 2
    assert "line 2, column 'budget_2026'" in result.output and "nothing stored" in result.output
    with Store.open(db) as store, store.snapshot() as connection:
        assert count_rows(connection) == before
    assert len(lines(run(db, "audit", "--json"))) == 3


def test_edit_and_audit_trail_from_the_command_line(db, tmp_path) -> None:
    run(db, "programmes", "set", "NL-002", "status=suspended", "--note", "review", "--actor", "frank")
    changes = lines(run(db, "audit", "--entity", "programme", "--key", "ima-csv:NL-002", "--json"))
    assert [(c["actor"], c["action"]) for c in changes] == [("alice", "create"), ("frank", "update")]
    assert changes[1]["before"]["status"] == "active" and changes[1]["after"]["status"] == "suspended"
    assert changes[1]["changed"] == ["status"]
    assert "frank" in run(db, "audit", "--since", "2000-01-01")
    exported = run(db, "audit", "export", "--format", "csv", "--actor", "frank")
    assert exported.splitlines()[0].startswith("id,at,actor,action") and len(exported.splitlines()) == 2
    target = tmp_path / "trail.json"
    run(db, "audit", "export", "--format", "json", "--output", str(target))
    assert len(json.loads(target.read_text(encoding="utf-8"))) == 4
    assert "write FIELD=VALUE" in run(db, "programmes", "set", "NL-002", "status", code=2)


def test_import_dry_run_and_reimport_report(db, csv_files) -> None:
    out = lines(run(db, "programmes", "import", *map(str, csv_files.values()), "--json"))
    assert {r["status"] for r in out} == {"unchanged"}
    assert "3 unchanged" in run(db, "programmes", "import", *map(str, csv_files.values()), "--dry-run")
    assert "unknown format" in run(db, "programmes", "import", "--format", "xls", code=2)


def test_a_real_process_refuses_a_bad_file_with_exit_2(tmp_path) -> None:
    import subprocess
    import sys

    bad = tmp_path / "programmes.csv"
    bad.write_text(PROGRAMMES_CSV[:60], encoding="utf-8")  # cut inside the header: a wrong column
    url = f"sqlite:///{tmp_path / 'ima.sqlite3'}"
    from pathlib import Path

    exe = Path(sys.executable).parent / "ima"
    result = subprocess.run([str(exe), "--db", url, "programmes", "import", str(bad)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2, result.stderr
    assert "programmes.csv, line 1, column 'curr': unknown column for a programmes file (allowed: id," in result.stderr
    assert "nothing stored" in result.stderr


def test_export_edit_as_files_and_import_again(db, tmp_path) -> None:
    folder = tmp_path / "edit"
    run(db, "programmes", "export", str(folder))
    assert {p.name for p in folder.iterdir()} == {"programmes.csv", "indicators.csv", "side_effects.csv",
                                                 "evaluations.csv"}
    files = [str(folder / n) for n in ("programmes.csv", "indicators.csv", "side_effects.csv", "evaluations.csv")]
    assert {r["status"] for r in lines(run(db, "programmes", "import", *files, "--json"))} == {"unchanged"}
    programmes = folder / "programmes.csv"
    programmes.write_text(programmes.read_text(encoding="utf-8").replace(",active,", ",suspended,", 1),
                          encoding="utf-8")
    report = lines(run(db, "programmes", "import", *files, "--actor", "gina", "--json"))
    assert [r["key"] for r in report if r["status"] == "updated"] == ["ima-csv:NL-001"]
    change = lines(run(db, "audit", "--actor", "gina", "--json"))[0]
    assert change["changed"] == ["status"] and change["after"]["status"] == "suspended"
    run(db, "programmes", "import", str(programmes), "--source", "partner-x")
    assert "several sources" in run(db, "programmes", "export", str(folder), code=2)
    run(db, "programmes", "export", str(folder), "--source", "partner-x")
    assert "NL-002" in (folder / "programmes.csv").read_text(encoding="utf-8")


def test_an_interrupted_import_says_nothing_was_stored(sqlite_url, csv_files, monkeypatch) -> None:
    import ima.services.programmes as service

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(service, "import_programmes", interrupted)
    result = runner.invoke(app, ["--db", sqlite_url, "programmes", "import", str(csv_files["programmes"])])
    assert result.exit_code == 130 and "nothing of this import was stored" in result.output
