"""Budget, programme list and programme pages over a small hand-made import (HTML and JSON twins)."""

from __future__ import annotations

import warnings
from collections.abc import Iterator

import pytest

from ima.services.accounts import add_user
from ima.services.audit import list_changes
from ima.services.programmes import get_programme, import_programmes
from ima.store import Store
from ima.web.app import create_app
from tests.web.conftest import PASSWORD, sign_in

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

PROGRAMMES = """id,title,countries,pillars,partner,funder,oda,start,end,currency,status,budget_2028,budget_2029
P-1,Terugkeer en herintegratie Marokko,MAR,4,IOM,NL A&M,non-ODA,2025-01-01,2029-12-31,EUR,active,1000000,100000000
P-2,Opvang in de regio Ethiopië,ETH,2,UNHCR,NL BHO,ODA,2025-03-01,2029-12-31,EUR,active,4000000,30000000
P-3,Voorlichting Tunesië,TUN,1,,EU,ODA,2026-01-01,2029-12-31,EUR,planned,,5000000
"""
INDICATORS = """programme,name,unit,baseline,baseline_date,target,target_date,actual,actual_date,source
P-1,Begeleide vrijwillige terugkeer,persons,0,2025-01-01,1000,2027-12-31,100,2026-01-01,IOM report
"""
SIDE_EFFECTS = """programme,description,nature,reported,source
P-1,Returnees detained on arrival for several days,negative,2026-02-01,NGO letter
"""
EVALUATIONS = """programme,kind,due,done,note
P-2,mid-term evaluation,2026-06-30,,
"""


def _store(folder) -> Store:
    """A store holding three programmes (two NL-funded, EUR 130 mln in 2029)."""
    paths = []
    for name, text in (("programmes", PROGRAMMES), ("indicators", INDICATORS), ("side_effects", SIDE_EFFECTS),
                       ("evaluations", EVALUATIONS)):
        paths.append(folder / f"{name}.csv")
        paths[-1].write_text(text, encoding="utf-8")
    store = Store.open(f"sqlite:///{folder / 'ima.sqlite3'}")
    import_programmes(store, paths, "csv", actor="test")
    return store


@pytest.fixture(scope="module")
def programme_client(tmp_path_factory) -> Iterator[TestClient]:
    """A client of an app over the three programmes (read-only tests share it)."""
    store = _store(tmp_path_factory.mktemp("programmes"))
    with TestClient(create_app(store=store, secret_key="test-secret")) as client:
        yield client
    store.close()


@pytest.fixture
def editable(tmp_path) -> Iterator[tuple[TestClient, Store]]:
    """A client and its store of their own (three programmes, a reader and an editor), for writes."""
    store = _store(tmp_path)
    for role in ("reader", "editor"):
        add_user(store, role, PASSWORD, role)
    with TestClient(create_app(store=store, secret_key="test-secret")) as client:
        yield client, store
    store.close()


def test_programmes_list_and_filters(programme_client) -> None:
    data = programme_client.get("/programmes.json").json()
    assert data["total"] == 3 and data["budget"] == pytest.approx(140_000_000)
    assert [p["source_id"] for p in data["programmes"]] == ["P-1", "P-2", "P-3"]  # largest budget first
    assert [p["source_id"] for p in programme_client.get("/programmes.json?country=Marokko").json()["programmes"]] \
        == ["P-1"]
    assert [p["source_id"] for p in programme_client.get("/programmes.json?pillar=2").json()["programmes"]] == ["P-2"]
    html = programme_client.get("/programmes?lang=en").text
    assert "Programmes" in html and "Terugkeer en herintegratie Marokko" in html
    assert programme_client.get("/programmes.json?country=Atlantis").status_code == 400
    assert programme_client.get("/programmes.json?pillar=9").status_code == 422


def test_programme_page_shows_flags_with_their_decision(programme_client) -> None:
    first = programme_client.get("/programmes.json?country=MAR").json()["programmes"][0]
    data = programme_client.get(f"/programmes/{first['id']}.json?as_of=2026-07-01&lang=nl").json()
    assert data["title"] == "Terugkeer en herintegratie Marokko" and data["indicators"][0]["target"] == 1000
    kinds = {f["kind"] for f in data["flags"]}
    assert {"indicator_off_track", "negative_side_effect"} <= kinds
    assert all(f["decision"] and f["finding"] for f in data["flags"])
    html = programme_client.get(f"/programmes/{first['id']}?as_of=2026-07-01&lang=nl").text
    assert "Besluit: bijsturen of stoppen" in html and "Begeleide vrijwillige terugkeer" in html
    english = programme_client.get(f"/programmes/{first['id']}.json?as_of=2026-07-01&lang=en").json()
    assert english["flags"][0]["decision"] != data["flags"][0]["decision"]
    due = programme_client.get("/programmes/ima-csv:P-2.json?as_of=2026-07-01").json()
    assert "evaluation_overdue" in {f["kind"] for f in due["flags"]}
    assert programme_client.get("/programmes/99999.json").status_code == 404


def test_budget_against_the_2029_ceiling(programme_client) -> None:
    data = programme_client.get("/budget.json?year=2029").json()
    assert [(r["year"], r["amount"]) for r in data["rows"]] == [(2029, pytest.approx(135_000_000))]
    ceiling = data["ceilings"][0]
    assert ceiling["ceiling"] == 118_000_000 and ceiling["year"] == 2029
    # Only NL-funded programmes count against the taskforce ceiling: 100 + 30 million, 12 million over.
    assert ceiling["planned"] == pytest.approx(130_000_000) and ceiling["headroom"] == pytest.approx(-12_000_000)
    html = programme_client.get("/budget?year=2029&lang=nl").text
    assert "boven plafond" in html and 'id="budget-table"' in html
    by_pillar = programme_client.get("/budget.json?by=year,pillar&country=MAR").json()["rows"]
    assert {(r["year"], r["pillar"]) for r in by_pillar} == {(2028, 4), (2029, 4)}
    assert programme_client.get("/budget.json?by=colour").status_code == 422


def test_an_editor_stops_a_programme_and_the_audit_trail_records_it(editable) -> None:
    client, store = editable
    token = sign_in(client, "editor")
    assert 'id="edit-programme"' in client.get("/programmes/ima-csv:P-1").text
    response = client.post("/programmes/ima-csv:P-1", data={"status": "stopped", "end": "2026-12-31",
                                                            "note": "detention on arrival", "csrf_token": token},
                           follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/programmes/")
    stopped = get_programme(store, "ima-csv:P-1")
    assert stopped.status == "stopped" and stopped.end.isoformat() == "2026-12-31"
    change = [c for c in list_changes(store, entity_kind="programme") if c.actor == "editor"]
    assert [(c.entity_key, c.note, sorted(c.changed_fields())) for c in change] == \
        [("ima-csv:P-1", "detention on arrival", ["end", "status"])]
    assert client.get("/audit.json?actor=editor").json()["changes"][0]["entity_key"] == "ima-csv:P-1"


@pytest.mark.parametrize("who, status", [(None, 401), ("reader", 403)])
def test_programme_writes_are_refused_without_an_editor(editable, who, status) -> None:
    client, store = editable
    token = sign_in(client, who) if who else client.get("/api/session").json()["csrf_token"]
    before = len(list_changes(store))
    response = client.post("/programmes/ima-csv:P-1", data={"status": "stopped", "csrf_token": token})
    assert response.status_code == status
    assert get_programme(store, "ima-csv:P-1").status == "active" and len(list_changes(store)) == before
    assert 'id="edit-programme"' not in client.get("/programmes/ima-csv:P-1").text


def test_a_bad_programme_edit_changes_nothing(editable) -> None:
    client, store = editable
    token = sign_in(client, "editor")
    before = len(list_changes(store))
    bad = client.post("/programmes/ima-csv:P-1", data={"status": "paused", "csrf_token": token})
    assert bad.status_code == 400 and "not a status" in bad.text
    early = client.post("/programmes/ima-csv:P-1", data={"end": "2020-01-01", "csrf_token": token},
                        headers={"Accept": "application/json"})
    assert early.status_code == 400 and "before start" in early.json()["error"]
    assert client.post("/programmes/ima-csv:P-1", data={"status": "stopped"}).status_code == 403  # no CSRF token
    assert get_programme(store, "ima-csv:P-1").status == "active" and len(list_changes(store)) == before


def test_filter_forms_sent_with_empty_fields_mean_no_filter(programme_client) -> None:
    everything = programme_client.get("/budget.json").json()
    assert programme_client.get("/budget.json?year=&country=&pillar=&by=year").json() == everything
    assert programme_client.get("/programmes.json?country=&pillar=").json()["total"] == 3
    assert programme_client.get("/budget.json?year=20x9").status_code == 422
    assert programme_client.get("/programmes/1.json?as_of=2026-02-30").status_code == 400
