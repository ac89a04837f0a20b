"""``ima facts`` and ``ima country`` on the ingested corpus (real SQLite file)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ima.cli.app import app

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory, corpus_dir: Path) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('knowledge') / 'ima.sqlite3'}"
    assert runner.invoke(app, ["--db", url, "ingest", str(corpus_dir)]).exit_code == 0
    return url


def rows(db: str, *args: str) -> list[dict]:
    result = runner.invoke(app, ["--db", db, *args, "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]


def test_money_facts_carry_value_currency_page_and_sentence(db: str) -> None:
    money = rows(db, "facts", "--kind", "money", "--limit", "500")
    trust_fund = [f for f in money if f["value"] == 140_000_000 and f["unit"] == "EUR"]
    assert trust_fund and trust_fund[0]["date"] == "2020-07-10" and trust_fund[0]["page"] >= 1
    assert "Trust" in trust_fund[0]["sentence"] or "Marok" in trust_fund[0]["sentence"]
    taskforce = [f for f in money if f["date"] == "2025-05-23"]
    assert any(f["value"] == 118_000_000 for f in taskforce)
    for f in money:
        assert f["kind"] == "money" and isinstance(f["value"], float) and f["text"] in f["sentence"]


def test_country_figures_are_those_in_passages_about_it(db: str) -> None:
    about = rows(db, "facts", "--country", "Marokko", "--limit", "500")
    assert about and all(f["kind"] in ("money", "count", "percent") for f in about)
    assert any(f["value"] == 140_000_000 for f in about)


def test_country_dossier_groups_passages_by_document(db: str) -> None:
    passages = [r for r in rows(db, "country", "MAR") if r["section"] == "passage"]
    dates = {p["date"] for p in passages}
    assert {"2018-06-14", "2020-07-10", "2025-05-23"} <= dates
    assert all(p["code"] == "MAR" and p["name"] == "Marokko" for p in passages)
    assert all(any(n.lower().startswith("marok") for n in p["names"]) for p in passages)
    assert any(f["value"] == 140_000_000 for p in passages for f in p["figures"])


def test_country_by_name_and_bad_country(db: str) -> None:
    assert rows(db, "country", "Morocco") == rows(db, "country", "MAR")
    result = runner.invoke(app, ["--db", db, "country", "Atlantis"])
    assert result.exit_code == 2 and "unknown country" in result.output
    result = runner.invoke(app, ["--db", db, "facts", "--kind", "bananas"])
    assert result.exit_code == 2 and "unknown kind" in result.output


def test_qa_shows_a_partys_questions_with_the_answers(db: str) -> None:
    blocks = rows(db, "qa", "--party", "sp", "--pillar", "4")
    assert len(blocks) == 1
    block = blocks[0]
    assert (block["party"], block["pillar"], block["section"]) == ("SP", 4, "1.4")
    assert len(block["questions"]) >= 5 and block["answers"]
    assert all(q["text"].rstrip().endswith("?") or "vragen" in q["text"] or "weten" in q["text"]
               for q in block["questions"][:3])
    answer_seqs = {a["passage"] for a in block["answers"]}
    linked = [link["passage"] for q in block["questions"] for link in q["answered_by"]]
    assert linked and set(linked) <= answer_seqs
    assert min(a["page"] for a in block["answers"]) > max(q["page"] for q in block["questions"])
    table = runner.invoke(app, ["--db", db, "qa", "--party", "SP", "--pillar", "4"])
    assert table.exit_code == 0 and "pijler 4" in table.output


def test_qa_refuses_unknown_party_and_pillar(db: str) -> None:
    assert runner.invoke(app, ["--db", db, "qa", "--party", "Piratenclub"]).exit_code == 2
    assert runner.invoke(app, ["--db", db, "qa", "--pillar", "9"]).exit_code == 2


def test_search_filters_on_country_kind_and_dates(db: str) -> None:
    everything = rows(db, "search", "terugkeer", "--limit", "200")
    morocco = rows(db, "search", "terugkeer", "--country", "MAR", "--limit", "200")
    assert morocco and len(morocco) < len(everything)
    assert all("Marok" in hit["text"] for hit in morocco)
    papers = rows(db, "search", "terugkeer", "--kind", "parliamentary_paper", "--limit", "200")
    assert papers and {hit["date"] for hit in papers} == {"2018-06-14"}
    recent = rows(db, "search", "terugkeer", "--from", "2021", "--limit", "200")
    assert recent and all(hit["date"] >= "2021-01-01" for hit in recent)
    window = rows(db, "search", "terugkeer", "--from", "2020-01-01", "--to", "2020-12-31", "--limit", "200")
    assert window and {hit["date"] for hit in window} == {"2020-07-10"}
    for bad in (["--kind", "memo"], ["--from", "gisteren"], ["--from", "2021", "--to", "2020"]):
        assert runner.invoke(app, ["--db", db, "search", "terugkeer", *bad]).exit_code == 2


def test_motions_and_commitments(db: str) -> None:
    motions = rows(db, "motions")
    names = {m["name"] for m in motions}
    assert {"motie-Fritsma", "motie Becker c.s."} <= names
    fritsma = next(m for m in motions if m["name"] == "motie-Fritsma")
    assert fritsma["identifier"] == "kst-19637-2380" and fritsma["status"] == "aangenomen"
    commitments = rows(db, "commitments")
    assert commitments and all(c["kind"] == "commitment" and c["sentence"] for c in commitments)
    summer = [c for c in commitments if c["due_text"] and "zomerreces" in c["due_text"]]
    assert summer and all(c["due"] == "zomerreces 2018" for c in summer)
    assert {c["date"] for c in commitments} >= {"2018-06-14", "2025-05-23"}


def test_pillar_filters_and_country_pillars(db: str) -> None:
    all_hits = rows(db, "search", "terugkeer", "--limit", "500")
    return_pillar = rows(db, "search", "terugkeer", "--pillar", "4", "--limit", "500")
    assert return_pillar and len(return_pillar) < len(all_hits)
    passages = rows(db, "country", "MAR")
    assert any(4 in p["pillars"] for p in passages if p["section"] == "passage")
    assert rows(db, "facts", "--pillar", "2", "--limit", "500")
    assert runner.invoke(app, ["--db", db, "facts", "--pillar", "7"]).exit_code == 2
    assert runner.invoke(app, ["--db", db, "search", "terugkeer", "--pillar", "0"]).exit_code == 2
