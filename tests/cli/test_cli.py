"""The ``ima`` command end to end, on a real SQLite file (and one real subprocess)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ima.cli.app import app
from tests.pdf_factory import encrypt_pdf, make_pdf

runner = CliRunner()


def run(db: str, *args: str):
    return runner.invoke(app, ["--db", db, *args], catch_exceptions=False)


def json_lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip().startswith("{")]


@pytest.fixture()
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'ima.sqlite3'}"


@pytest.fixture()
def ingested(db: str, corpus_dir: Path) -> list[dict]:
    result = run(db, "ingest", str(corpus_dir), "--json")
    assert result.exit_code == 0, result.output
    return json_lines(result.output)


def test_ingest_corpus_reports_each_document(ingested: list[dict]) -> None:
    assert len(ingested) == 4
    assert {row["status"] for row in ingested} == {"new"}
    for row in ingested:
        assert {"id", "path", "title", "date", "pages", "status"} <= row.keys()
        assert isinstance(row["id"], int) and isinstance(row["pages"], int) and row["pages"] >= 1
    dates = sorted(row["date"] for row in ingested)
    assert dates == ["2018-06-14", "2020-07-10", "2021-01-11", "2025-05-23"]


def test_second_ingest_is_all_unchanged_and_changes_no_rows(db: str, corpus_dir: Path, ingested) -> None:
    from ima.store import Store

    with Store.open(db) as store:
        before = store.counts()
    again = run(db, "ingest", str(corpus_dir), "--json")
    assert again.exit_code == 0
    assert {row["status"] for row in json_lines(again.output)} == {"unchanged"}
    with Store.open(db) as store:
        assert store.counts() == before


def test_changed_bytes_at_the_same_path_make_a_new_version(db: str, tmp_path: Path, corpus_paths) -> None:
    letter = tmp_path / "brief.txt"
    letter.write_bytes(corpus_paths["taskforce_2025"].read_bytes())
    first = json_lines(run(db, "ingest", str(letter), "--json").output)[0]
    letter.write_bytes(letter.read_bytes() + "\nNaschrift over terugkeer.\n".encode())
    second = json_lines(run(db, "ingest", str(letter), "--json").output)[0]
    assert (first["status"], second["status"]) == ("new", "new version")
    assert second["id"] != first["id"]
    listing = json_lines(run(db, "docs", "--all-versions", "--json").output)
    assert {(d["id"], d["current"]) for d in listing} == {(first["id"], False), (second["id"], True)}
    assert len(json_lines(run(db, "docs", "--json").output)) == 1


def test_search_finds_return_cooperation_with_pages(db: str, ingested) -> None:
    result = run(db, "search", "terugkeersamenwerking", "--limit", "50", "--json")
    assert result.exit_code == 0
    hits = json_lines(result.output)
    titles = {row["id"]: row["title"] for row in ingested}
    by_doc = {hit["document_id"] for hit in hits}
    wanted = {row["id"] for row in ingested if row["date"] in ("2020-07-10", "2025-05-23", "2018-06-14")}
    assert wanted <= by_doc, (by_doc, titles)
    for hit in hits:
        assert isinstance(hit["page"], int) and hit["page"] >= 1
        assert "terugkeersamenwerking" in hit["text"].lower() or "terugkeersamenwerk" in hit["snippet"].lower()


def test_search_table_output_shows_document_page_and_date(db: str, ingested) -> None:
    result = run(db, "search", "terugkeersamenwerking")
    assert result.exit_code == 0
    assert "p. " in result.output and "2020-07-10" in result.output


def test_show_and_raw_and_pages(db: str, ingested) -> None:
    doc = next(row for row in ingested if row["date"] == "2020-07-10")
    clean = run(db, "show", str(doc["id"])).output
    raw = run(db, "show", str(doc["id"]), "--raw").output
    assert "In reactie op de motie Becker c.s." in clean
    assert "Retouradres" not in clean and "Retouradres" in raw
    page1 = run(db, "show", str(doc["id"]), "--page", "1").output
    assert "In reactie op de motie Becker" in page1
    missing = run(db, "show", str(doc["id"]), "--page", "999")
    assert missing.exit_code != 0 and "no page 999" in missing.output


def test_show_stage_outputs(db: str, ingested) -> None:
    doc_id = str(ingested[0]["id"])
    listing = run(db, "show", doc_id, "--stages")
    assert listing.exit_code == 0
    for stage in ("extract", "split_pages", "separate_layers", "remove_furniture", "repair_ocr",
                  "join_hyphenation", "build_passages"):
        assert stage in listing.output
    assert run(db, "show", doc_id, "--stage", "extract").output.strip()
    assert run(db, "show", doc_id, "--stage", "nonsense").exit_code == 2


def test_export_formats(db: str, ingested) -> None:
    doc = next(row for row in ingested if row["date"] == "2018-06-14")
    text = run(db, "export", str(doc["id"]), "--format", "text").output
    markdown = run(db, "export", str(doc["id"]), "--format", "markdown").output
    data = json.loads(run(db, "export", str(doc["id"]), "--format", "json").output)
    assert "kennisgenomen" in text
    assert markdown.startswith("# ") and "## Pagina" in markdown
    assert data["metadata"]["date"] == "2018-06-14"
    assert data["pages"] and data["passages"]
    raw = data["raw_text"]
    for passage in data["passages"]:
        assert 0 <= passage["start"] < passage["end"] <= len(raw)
        first_word = passage["text"].split()[0].strip(".,;:()«»")
        assert first_word[:4].lower() in raw[passage["start"]:passage["end"]].lower()
    assert run(db, "export", str(doc["id"]), "--format", "docx").exit_code == 2


def test_unknown_document_is_a_clear_error(db: str, ingested) -> None:
    result = run(db, "show", "9999")
    assert result.exit_code == 1
    assert "9999" in result.output


def test_bad_files_fail_one_by_one_and_the_rest_ingests(db: str, tmp_path: Path, corpus_paths) -> None:
    from ima.store import Store

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "leeg.txt").write_bytes(b"")
    (folder / "rommel.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)) * 8)
    (folder / "oud.txt").write_bytes("Brief over terugkeer naar Tunesië: € 5 miljoen.\n".encode("cp1252"))
    (folder / "utf16.txt").write_bytes("\ufeffBrief over coördinatie met België.\n".encode("utf-16-le"))
    (folder / "geheim.pdf").write_bytes(encrypt_pdf(make_pdf([["Vertrouwelijk."]])))
    good_pdf = make_pdf([["Brief over terugkeer en hervestiging."] * 3] * 3)
    (folder / "kapot.pdf").write_bytes(good_pdf[: len(good_pdf) // 3])
    (folder / "scan.pdf").write_bytes(make_pdf([[]], with_text=False))
    (folder / "groot.txt").write_bytes(b"terugkeer " * 300_000)
    (folder / "goed.pdf").write_bytes(good_pdf)
    missing = tmp_path / "bestaat-niet.txt"
    result = run(db, "ingest", str(folder), str(missing), "--json", "--max-mb", "1")
    assert result.exit_code == 1
    rows = {Path(r["path"]).name: r for r in json_lines(result.output)}
    expected_failures = {
        "leeg.txt": "empty", "rommel.txt": "not a text document", "geheim.pdf": "encrypted",
        "kapot.pdf": "damaged or truncated", "scan.pdf": "OCR is needed", "groot.txt": "too large",
        "bestaat-niet.txt": "no such file",
    }
    for name, reason in expected_failures.items():
        assert rows[name]["status"] == "failed", rows[name]
        assert reason in rows[name]["reason"], rows[name]
    for name in ("oud.txt", "utf16.txt", "goed.pdf"):
        assert rows[name]["status"] == "new", rows[name]
    assert rows["oud.txt"]["encoding"] == "cp1252"
    assert rows["utf16.txt"]["encoding"] == "utf-16-le"
    with Store.open(db) as store:
        assert store.counts()["documents"] == 3
    hits = json_lines(run(db, "search", "Tunesie", "--json").output)
    assert any("Tunesië" in hit["text"] and "€" in hit["text"] for hit in hits)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_fails_alone(db: str, tmp_path: Path) -> None:
    secret = tmp_path / "dicht.txt"
    secret.write_text("tekst")
    secret.chmod(0)
    rows = json_lines(run(db, "ingest", str(secret), "--json").output)
    assert rows[0]["status"] == "failed" and "permission denied" in rows[0]["reason"]


def test_invalid_options_are_refused(db: str, corpus_dir: Path) -> None:
    assert run(db, "search", "terugkeer", "--limit", "0").exit_code == 2
    assert run(db, "search", "   ").exit_code == 2
    assert run(db, "ingest", str(corpus_dir), "--max-mb", "-1").exit_code == 2


def test_db_upgrade_and_status(db: str) -> None:
    result = run(db, "db", "upgrade")
    assert result.exit_code == 0 and "revision" in result.output.lower()
    assert run(db, "db", "status").exit_code == 0


def test_real_subprocess_demo(tmp_path: Path) -> None:
    env = {**os.environ, "IMA_DATABASE_URL": f"sqlite:///{tmp_path / 'demo.sqlite3'}"}
    exe = Path(sys.executable).parent / "ima"
    proc = subprocess.run([str(exe), "demo"], env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    for date in ("2020-07-10", "2021-01-11", "2025-05-23", "2018-06-14"):
        assert date in proc.stdout
    assert "Sample search" in proc.stdout and "p. " in proc.stdout


def test_reverting_a_file_makes_its_earlier_version_current(db: str, tmp_path: Path) -> None:
    letter = tmp_path / "brief.txt"
    original = "Brief over terugkeer.\n\nEerste versie van de tekst.\n"
    letter.write_text(original, encoding="utf-8")
    first = json_lines(run(db, "ingest", str(letter), "--json").output)[0]
    letter.write_text(original + "\nTweede versie.\n", encoding="utf-8")
    run(db, "ingest", str(letter), "--json")
    letter.write_text(original, encoding="utf-8")
    back = json_lines(run(db, "ingest", str(letter), "--json").output)[0]
    assert back["status"] == "new version" and back["id"] == first["id"]
    assert [d["id"] for d in json_lines(run(db, "docs", "--json").output)] == [first["id"]]


def test_query_commands_speak_json(db: str, ingested) -> None:
    doc_id = str(ingested[0]["id"])
    shown = json.loads(run(db, "show", doc_id, "--page", "1", "--json").output)
    assert shown["document_id"] == int(doc_id) and shown["page"] == 1 and shown["text"]
    stages = json_lines(run(db, "show", doc_id, "--stages", "--json").output)
    assert [s["stage"] for s in stages][:2] == ["extract", "split_pages"]
    status = json.loads(run(db, "db", "status", "--json").output)
    assert status["rows"]["documents"] == 4 and isinstance(status["rows"]["passages"], int)


def test_change_log_lists_the_ocr_corrections(db: str, ingested) -> None:
    doc = next(row for row in ingested if row["date"] == "2025-05-23")
    rows = json_lines(run(db, "show", str(doc["id"]), "--changes", "--json").output)
    assert rows and all({"stage", "page", "before", "after"} <= row.keys() for row in rows)
    assert any("Tunesié" in row["before"] and "Tunesië" in row["after"] for row in rows)
    table = run(db, "show", str(doc["id"]), "--changes")
    assert table.exit_code == 0 and "change(s)" in table.output


def test_reparse_renews_derived_rows_and_keeps_versions(db: str, ingested) -> None:
    from ima.store import Store

    with Store.open(db) as store:
        before = store.counts()
        doc_id = ingested[0]["id"]
        store_doc = store.document(doc_id)
    result = run(db, "reparse", "--json")
    assert result.exit_code == 0
    out = json_lines(result.output)
    assert {r["status"] for r in out} == {"reparsed"} and len(out) == 4
    with Store.open(db) as store:
        assert store.counts() == before  # the same pipeline gives the same rows
        again = store.document(doc_id)
        assert again.summary.version == store_doc.summary.version
        assert [p.text for p in again.passages] == [p.text for p in store_doc.passages]
    assert run(db, "reparse", "9999").exit_code == 1


def test_documents_from_older_stages_are_rederived_on_the_next_ingest(db: str, corpus_paths) -> None:
    from sqlalchemy import create_engine, text

    from ima.ingest.pipeline import PIPELINE_VERSION
    from ima.store import Store

    path = str(corpus_paths["taskforce_2025"])
    doc_id = json_lines(run(db, "ingest", path, "--json").output)[0]["id"]
    with Store.open(db) as store:
        assert store.documents()[0].pipeline == PIPELINE_VERSION
        before = store.counts()
    engine = create_engine(db)  # simulate a record written by an older ima: no facts, no version
    with engine.begin() as con:
        con.execute(text("DELETE FROM facts"))
        con.execute(text("UPDATE documents SET metadata = json_remove(metadata, '$.pipeline')"))
    engine.dispose()
    again = json_lines(run(db, "ingest", path, "--json").output)[0]
    assert (again["status"], again["id"]) == ("unchanged", doc_id)
    with Store.open(db) as store:
        assert store.counts() == before and store.documents()[0].pipeline == PIPELINE_VERSION
    assert json_lines(run(db, "ingest", path, "--json").output)[0]["status"] == "unchanged"
