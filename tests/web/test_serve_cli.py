"""``ima serve`` refuses bad options before it starts listening."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from ima.cli.app import app

runner = CliRunner()


def test_serve_refuses_a_non_positive_upload_limit(tmp_path: Path) -> None:
    result = runner.invoke(app, ["--db", f"sqlite:///{tmp_path / 'x.sqlite3'}", "serve", "--max-upload-mb", "0"])
    assert result.exit_code == 2 and "--max-upload-mb" in result.output


def test_serve_refuses_an_unsupported_database() -> None:
    result = runner.invoke(app, ["--db", "mysql://nobody@nowhere/x", "serve"])
    assert result.exit_code == 2 and "unsupported database" in result.output


def test_serve_refuses_a_bad_port() -> None:
    assert runner.invoke(app, ["serve", "--port", "70000"]).exit_code == 2
