"""``ima report`` end to end: files written, JSON summary, clear errors that leave nothing behind."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from ima.cli.app import app

runner = CliRunner()


def test_html_report_to_a_file(report_db: str, tmp_path: Path) -> None:
    target = tmp_path / "out" / "rapport.html"
    result = runner.invoke(app, ["--db", report_db, "report", "--year", "2020", "--format", "html",
                                 "--output", str(target), "--quotes", "2", "--countries", "1", "--date", "2021-01-15"])
    assert result.exit_code == 0, result.output
    html = target.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and 'lang="nl"' in html and "Inhoud" in html
    assert "Samengesteld op 15 januari 2021" in html
    assert f"Wrote {target} (" in result.output
    assert not list(target.parent.glob("*.part"))


def test_json_summary_and_english(report_db: str, tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    result = runner.invoke(app, ["--db", report_db, "report", "-y", "2020", "--lang", "en", "-o", str(target),
                                 "--json", "--countries", "2"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["path"] == str(target) and summary["bytes"] == target.stat().st_size
    assert summary["year"] == 2020 and summary["lang"] == "en" and summary["format"] == "html"
    assert len(summary["documents"]) == 1 and summary["quotes"] > 0 and summary["figures"] > 0
    assert len(summary["focus_countries"]) == 2 and all(len(c) == 3 and c.isupper() for c in summary["focus_countries"])
    assert "NLD" not in summary["focus_countries"] and summary["focus_basis"] in ("ranking", "mentions")
    assert "Contents" in target.read_text(encoding="utf-8")


def test_html_to_stdout(report_db: str) -> None:
    result = runner.invoke(app, ["--db", report_db, "report", "--year", "2021", "--output", "-", "--countries", "0"])
    assert result.exit_code == 0
    assert result.output.startswith("<!DOCTYPE html>") and "Voortgang Integrale Migratieagenda" in result.output


def test_a_year_without_documents_is_a_clear_error(report_db: str, tmp_path: Path) -> None:
    target = tmp_path / "r.html"
    result = runner.invoke(app, ["--db", report_db, "report", "--year", "2019", "-o", str(target)])
    assert result.exit_code == 2
    message = " ".join(result.output.split())
    assert "no documents dated in 2019" in message and "2020, 2021" in message
    assert not target.exists()


def test_bad_options_exit_2(report_db: str, tmp_path: Path) -> None:
    target = tmp_path / "r.out"
    for args, words in ((["--format", "docx"], "--format must be html or pdf"),
                        (["--lang", "de"], "--lang must be nl or en"),
                        (["--quotes", "-1"], "--quotes must be between"),
                        (["--date", "2020-13-01"], "--date must be YYYY-MM-DD"),
                        (["--link-base", "javascript:alert(1)"], "--link-base must be an http"),
                        (["--format", "pdf", "--output", "-"], "cannot go to the terminal")):
        result = runner.invoke(app, ["--db", report_db, "report", "--year", "2020", "-o", str(target), *args])
        assert result.exit_code == 2, (args, result.output)
        assert words in " ".join(result.output.split()), result.output
        assert not target.exists()
    result = runner.invoke(app, ["--db", report_db, "report", "--year", "0"])
    assert result.exit_code == 2 and "calendar year" in result.output
