"""The risk register page, edits through the web form (audited) and the audit trail page."""

from __future__ import annotations

import csv
import io
import shutil
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from ima.analysis.partnership.risks import RISKS_FILE, load_risks
from ima.web.app import create_app
from tests.web.conftest import sign_in
from tests.web.partnership_fixtures import client, own_app  # noqa: F401 (fixtures, used by name)

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

EDIT = {"status": "mitigating", "review_date": "2027-06-30", "mitigation": "Monitoring by an independent NGO",
        "note": "after the dialogue of June"}


@pytest.fixture
def register(tmp_path) -> Path:
    """A copy of the shipped register (the tests edit it, never the shipped file)."""
    path = tmp_path / "risks.yaml"
    shutil.copy(RISKS_FILE, path)
    return path


@pytest.fixture
def editing(write_store, register) -> Iterator[TestClient]:
    """A client of an app over ``write_store`` that reads and edits ``register``."""
    app = create_app(store=write_store, secret_key="test-secret")
    app.state.risks_file = register
    with TestClient(app) as c:
        yield c


def _risk(path: Path, risk_id: str):
    return next(r for r in load_risks(path) if r.id == risk_id)


def test_register_json_filters_and_flags(client) -> None:
    everything = client.get("/risks.json?today=2026-11-25").json()
    assert everything["counts"]["risks"] == len(everything["risks"]) >= 10
    scores = [r["score"] for r in everything["risks"]]
    assert scores == sorted(scores, reverse=True)
    overdue = client.get("/risks.json?overdue=true&today=2026-11-25").json()["risks"]
    assert overdue and all(r["overdue"] for r in overdue)
    high = client.get("/risks.json?high=true").json()["risks"]
    assert high and all(r["level"] == "high" for r in high)
    tunisia = client.get("/risks.json?country=Tunesi%C3%AB").json()
    assert {r["country"] for r in tunisia["risks"]} == {"TUN"}
    # The flags are relative to the day: long before every review date nothing is overdue.
    assert client.get("/risks.json?overdue=true&today=2000-01-01").json()["risks"] == []
    assert any(r["unmitigated_high"] for r in everything["risks"])


def test_heat_map_holds_every_active_risk_once(client) -> None:
    data = client.get("/risks.json").json()
    rows = data["heat_map"]["rows"]
    assert [row[0]["likelihood"] for row in rows] == [5, 4, 3, 2, 1]
    assert [c["impact"] for c in rows[0]] == [1, 2, 3, 4, 5]
    placed = [i for row in rows for c in row for i in c["risks"]]
    assert sorted(placed) == sorted(r["id"] for r in data["risks"] if r["status"] != "closed")
    assert rows[0][4]["level"] == "high" and rows[4][0]["level"] == "low"
    html = client.get("/risks").text
    assert 'id="heat-map"' in html and "Risicoregister" in html and 'id="read-only"' in html


def test_an_editor_updates_a_risk_and_the_audit_trail_records_who(editing, register) -> None:
    token = sign_in(editing, "editor")
    assert "edit-risk" in editing.get("/risks").text  # editors get the forms
    response = editing.post("/risks/TUN-01", data={**EDIT, "csrf_token": token}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/risks#risk-TUN-01"
    risk = _risk(register, "TUN-01")
    assert risk.status == "mitigating" and risk.review_date.isoformat() == "2027-06-30"
    assert risk.mitigations[-1].measure == EDIT["mitigation"]
    changes = editing.get("/audit.json?entity=risk").json()["changes"]
    assert [(c["entity_key"], c["actor"], c["note"]) for c in changes] == [("TUN-01", "editor", EDIT["note"])]
    assert {"status", "review_date", "mitigations"} <= set(changes[0]["changed"])
    assert changes[0]["before"]["status"] == "open" and changes[0]["after"]["status"] == "mitigating"
    page = editing.get("/audit").text
    assert "TUN-01" in page and 'class="actor">editor<' in page
    assert editing.get("/risks.json?country=TUN").json()["risks"][0]["status"] in ("mitigating", "open")


def test_json_clients_get_the_audit_record(editing, register) -> None:
    token = sign_in(editing, "admin")
    response = editing.post("/risks/TUN-01", data={"status": "accepted"}, headers={"X-CSRF-Token": token,
                                                                                  "Accept": "application/json"})
    assert response.status_code == 200
    assert response.json()["changed"] == ["status"] and response.json()["audit"]["actor"] == "admin"


@pytest.mark.parametrize("who, status", [(None, 401), ("reader", 403)])
def test_writes_are_refused_without_an_editor_and_nothing_changes(editing, register, who, status) -> None:
    before = register.read_bytes()
    token = sign_in(editing, who) if who else editing.get("/api/session").json()["csrf_token"]
    response = editing.post("/risks/TUN-01", data={**EDIT, "csrf_token": token}, follow_redirects=False)
    assert response.status_code == status
    assert register.read_bytes() == before
    assert "edit-risk" not in editing.get("/risks").text
    if who:
        assert editing.get("/audit.json").status_code == 403
    assert editing.get("/audit.json").status_code == status


def test_a_write_without_csrf_token_or_with_a_bad_value_changes_nothing(editing, register) -> None:
    before = register.read_bytes()
    token = sign_in(editing, "editor")
    assert editing.post("/risks/TUN-01", data=EDIT).status_code == 403
    bad_status = editing.post("/risks/TUN-01", data={"status": "forgotten", "csrf_token": token})
    assert bad_status.status_code == 400 and "unknown status" in bad_status.text
    bad_date = editing.post("/risks/TUN-01", data={"review_date": "next week", "csrf_token": token},
                            headers={"Accept": "application/json"})
    assert bad_date.status_code == 400 and "error" in bad_date.json()
    unknown = editing.post("/risks/XXX-99", data={"status": "open", "csrf_token": token})
    assert unknown.status_code == 400 and "no risk" in unknown.text
    assert editing.post("/risks/a%20b", data={"status": "open", "csrf_token": token}).status_code == 422
    assert register.read_bytes() == before
    assert editing.get("/audit.json").json()["changes"] == []


def test_audit_filters_and_exports(editing, register) -> None:
    token = sign_in(editing, "editor")
    for risk_id in ("TUN-01", "TUN-02"):
        editing.post("/risks/" + risk_id, data={"status": "mitigating", "csrf_token": token})
    data = editing.get("/audit.json").json()
    assert data["total"] == 2 and [c["entity_key"] for c in data["changes"]] == ["TUN-02", "TUN-01"]  # newest first
    assert [c["entity_key"] for c in editing.get("/audit.json?key=TUN-02").json()["changes"]] == ["TUN-02"]
    assert editing.get("/audit.json?actor=someone-else").json()["changes"] == []
    exported = editing.get("/audit/export?format=csv&entity=risk")
    assert exported.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(exported.text)))
    assert [(r["entity_key"], r["actor"]) for r in rows] == [("TUN-01", "editor"), ("TUN-02", "editor")]
    assert [r["entity_key"] for r in editing.get("/audit/export?format=json").json()] == ["TUN-01", "TUN-02"]
    assert editing.get("/audit.json?entity=&key=&actor=&since=").json()["total"] == 2  # the empty filter form
    assert editing.get("/audit/export?since=2026-02-30").status_code == 400
    html = editing.get("/audit?lang=en").text
    assert "Audit trail" in html and 'id="export-csv"' in html


def test_audit_export_needs_an_editor(client) -> None:
    assert client.get("/audit/export").status_code == 401


def test_empty_filter_fields_mean_no_filter(client) -> None:
    assert client.get("/risks.json?country=&today=").json()["risks"] == client.get("/risks.json").json()["risks"]
    assert client.get("/risks.json?today=2026-02-30").status_code == 400
