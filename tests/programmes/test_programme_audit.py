"""The audit trail: recording (who, when, before/after), listing with filters, exporting as CSV and JSON."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from ima.services.audit import current_actor, export_changes, list_changes, record_change
from ima.services.programmes import edit_programme, get_programme, import_programmes


def test_record_create_update_delete_and_no_op(store) -> None:
    created = record_change(store, "alice", "risk", "MAR-1", None, {"level": "high"})
    assert created.action == "create" and created.id is not None
    updated = record_change(store, "bob", "risk", "MAR-1", {"level": "high"}, {"level": "low"}, note="mitigated")
    assert updated.action == "update" and updated.changed_fields() == ["level"]
    assert record_change(store, "bob", "risk", "MAR-1", {"level": "low"}, {"level": "low"}) is None
    deleted = record_change(store, "carol", "risk", "MAR-1", {"level": "low"}, None)
    assert deleted.action == "delete"
    trail = list_changes(store, entity_kind="risk", entity_key="MAR-1")
    assert [(c.actor, c.action) for c in trail] == [("alice", "create"), ("bob", "update"), ("carol", "delete")]
    assert trail[1].before == {"level": "high"} and trail[1].after == {"level": "low"} and trail[1].note == "mitigated"
    assert all(c.at.tzinfo is not None for c in trail)


def test_record_needs_an_actor_and_objects(store) -> None:
    with pytest.raises(ValueError, match="actor"):
        record_change(store, " ", "risk", "X", None, {"a": 1})
    with pytest.raises(ValueError, match="objects"):
        record_change(store, "alice", "risk", "X", None, [1, 2])


def test_filters_by_kind_key_actor_and_since(store) -> None:
    old = dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc)
    record_change(store, "alice", "risk", "A", None, {"x": 1}, at=old)
    record_change(store, "bob", "instrument", "visa", None, {"x": 1})
    record_change(store, "bob", "risk", "B", None, {"x": 1})
    assert [c.entity_key for c in list_changes(store, entity_kind="risk")] == ["A", "B"]
    assert [c.entity_key for c in list_changes(store, actor="bob")] == ["visa", "B"]
    assert [c.entity_key for c in list_changes(store, since="2021-01-01")] == ["visa", "B"]
    assert [c.entity_key for c in list_changes(store, since=dt.date(2019, 12, 31), limit=1)] == ["A"]
    with pytest.raises(ValueError, match="not a date"):
        list_changes(store, since="yesterday")


def test_export_as_csv_and_json(store) -> None:
    record_change(store, "alice", "risk", "A", {"x": 1, "y": "é"}, {"x": 2, "y": "é"}, note="n")
    rows = json.loads(export_changes(store, "json"))
    assert rows[0]["actor"] == "alice" and rows[0]["before"] == {"x": 1, "y": "é"} and rows[0]["changed"] == ["x"]
    table = list(csv.DictReader(io.StringIO(export_changes(store, "csv"))))
    assert table[0]["entity_key"] == "A" and json.loads(table[0]["after"]) == {"x": 2, "y": "é"}
    assert table[0]["changed"] == "x" and table[0]["note"] == "n"
    with pytest.raises(ValueError, match="unknown export format"):
        export_changes(store, "xml")


def test_an_edit_of_a_programme_is_recorded_with_who_when_and_before_after(store, csv_files) -> None:
    import_programmes(store, [csv_files["programmes"]], "csv", actor="importer")
    start = dt.datetime.now(dt.timezone.utc) - dt.timedelta(seconds=1)
    programme, changed = edit_programme(store, "NL-001", {"status": "suspended", "oda": "ODA"}, actor="dana",
                                        note="partner under investigation")
    assert changed and programme.status == "suspended" and get_programme(store, "NL-001").oda is True
    change = list_changes(store, entity_key="ima-csv:NL-001")[-1]
    assert change.actor == "dana" and change.at >= start and change.note == "partner under investigation"
    assert change.before["status"] == "active" and change.after["status"] == "suspended"
    assert change.changed_fields() == ["oda", "status"]
    assert edit_programme(store, "NL-001", {"status": "suspended"}, actor="dana")[1] is False
    with pytest.raises(ValueError, match="not a status"):
        edit_programme(store, "NL-001", {"status": "paused"}, actor="dana")
    with pytest.raises(ValueError, match="cannot be edited"):
        edit_programme(store, "NL-001", {"budgets": "1"}, actor="dana")


def test_current_actor_prefers_the_explicit_name() -> None:
    assert current_actor("  erin ") == "erin"
    assert current_actor(None)


def test_record_and_filter_on_each_backend(store_url) -> None:
    from ima.store import Store

    with Store.open(store_url) as store:
        old = dt.datetime(2020, 1, 1, 12, tzinfo=dt.timezone.utc)
        record_change(store, "alice", "risk", "A", None, {"x": [1, "é"]}, at=old)
        record_change(store, "bob", "risk", "A", {"x": [1, "é"]}, {"x": None})
        assert [c.actor for c in list_changes(store, since="2020-01-02")] == ["bob"]
        first = list_changes(store, entity_key="A")[0]
        assert first.at == old and first.after == {"x": [1, "é"]} and first.before is None
