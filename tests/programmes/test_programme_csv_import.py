"""The ima CSV format: a valid import, and bad files refused with the place of the error and nothing stored."""

from __future__ import annotations

import datetime as dt

import pytest

from ima.domain.programmes import ImportErrors
from ima.services.audit import list_changes
from ima.services.programmes import get_programme, import_programmes, list_programmes
from ima.store import Store
from ima.store.programmes import count_rows
from tests.programmes.conftest import PROGRAMMES_CSV


def _state(store: Store) -> tuple[dict[str, int], list]:
    with store.snapshot() as connection:
        return count_rows(connection), [(p.key, p.title, p.budgets) for p in list_programmes(store)]


def test_a_valid_import_stores_programmes_with_their_children(store, csv_files) -> None:
    report = import_programmes(store, list(csv_files.values()), "csv", actor="alice")
    assert [p.status for p in report.programmes] == ["new"] * 3
    first = get_programme(store, "NL-001")
    assert first.key == "ima-csv:NL-001" and first.areas == ("MAR",) and first.pillars == (4,)
    assert first.oda is False and first.budgets == {2025: 1_000_000.0, 2026: 2_500_000.5}
    assert first.total_budget == 3_500_000.5 and first.status == "active"
    assert first.indicators[0].target == 1000 and first.indicators[0].actual_date == dt.date(2026, 1, 1)
    assert first.side_effects[0].nature == "negative" and first.evaluations[0].done is None
    second = get_programme(store, "ima-csv:NL-002")
    assert second.areas == ("ETH", "SDN", "horn-of-africa") and second.pillars == (1, 2) and second.oda is True
    assert get_programme(store, "NL-003").areas == ("TUN",)  # Dutch name
    assert {c.entity_key for c in list_changes(store, entity_kind="programme")} == \
        {"ima-csv:NL-001", "ima-csv:NL-002", "ima-csv:NL-003"}


def test_reimport_reports_unchanged_and_updated_and_audits_the_update(store, csv_files) -> None:
    paths = list(csv_files.values())
    import_programmes(store, paths, "csv", actor="alice")
    assert {p.status for p in import_programmes(store, paths, "csv", actor="alice").programmes} == {"unchanged"}
    csv_files["programmes"].write_text(PROGRAMMES_CSV.replace("1000000,2500000.50", "1000000,3000000"),
                                       encoding="utf-8")
    report = import_programmes(store, paths, "csv", actor="bob")
    assert {p.key: p.status for p in report.programmes}["ima-csv:NL-001"] == "updated"
    assert report.count("unchanged") == 2
    change = list_changes(store, entity_key="ima-csv:NL-001")[-1]
    assert change.actor == "bob" and change.action == "update"
    assert change.before["budgets"]["2026"] == 2_500_000.5 and change.after["budgets"]["2026"] == 3_000_000
    assert change.changed_fields() == ["budgets", "total_budget"]


def test_dry_run_stores_nothing(store, csv_files) -> None:
    report = import_programmes(store, list(csv_files.values()), "csv", actor="alice", dry_run=True)
    assert report.dry_run and report.count("new") == 3
    assert list_programmes(store) == [] and list_changes(store) == []


BAD_FILES = {
    "wrong column": (PROGRAMMES_CSV.replace(",partner,", ",implementer,"), ["programmes.csv, line 1, column "
                                                                             "'implementer': unknown column"]),
    "bad number": (PROGRAMMES_CSV.replace("4000000,", "4.000.000,"), ["programmes.csv, line 3, column "
                                                                      "'budget_2025': '4.000.000' is not a number"]),
    "truncated": (PROGRAMMES_CSV[:PROGRAMMES_CSV.index("NL-003") + 30], ["programmes.csv, line 4: 2 cells where "
                                                                         "the header has 13 (truncated file"]),
    "unclosed quote": (PROGRAMMES_CSV + 'NL-004,"Half a title', ["programmes.csv, line 5: unreadable CSV"]),
    "unknown country": (PROGRAMMES_CSV.replace("Tunesië", "Atlantis"), ["programmes.csv, line 4, column "
                                                                       "'countries': 'Atlantis' is no known country"]),
    "bad pillar and date": (PROGRAMMES_CSV.replace(",4,IOM", ",7,IOM").replace("2027-12-31", "31-12-2027"),
                            ["programmes.csv, line 2, column 'pillars': '7' is not a pillar",
                             "programmes.csv, line 2, column 'end': '31-12-2027' is not a date"]),
    "missing required": (PROGRAMMES_CSV.replace(",non-ODA,", ",,"), ["programmes.csv, line 2, column 'oda': "
                                                                     "a value is required"]),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_a_bad_file_is_refused_with_its_place_and_nothing_is_stored(store, csv_files, case) -> None:
    import_programmes(store, [csv_files["programmes"]], "csv", actor="alice")  # something stored before
    before, changes = _state(store), len(list_changes(store))
    text, messages = BAD_FILES[case]
    csv_files["programmes"].write_text(text.replace("Terugkeer en herintegratie", "Changed title"), encoding="utf-8")
    with pytest.raises(ImportErrors) as caught:
        import_programmes(store, list(csv_files.values()), "csv", actor="alice")
    for message in messages:
        assert any(e.startswith(message) for e in caught.value.errors), caught.value.errors
    assert _state(store) == before and len(list_changes(store)) == changes


def test_a_child_row_naming_an_unknown_programme_is_refused(store, csv_files) -> None:
    csv_files["indicators"].write_text("programme,name,target\nNL-999,Something,5\n", encoding="utf-8")
    with pytest.raises(ImportErrors, match=r"indicators.csv, line 2, column 'programme': 'NL-999' is not the id"):
        import_programmes(store, list(csv_files.values()), "csv", actor="alice")
    assert list_programmes(store) == []


def test_a_file_of_no_known_kind_is_refused(store, tmp_path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(ImportErrors, match="other.csv, line 1: not an ima programmes CSV"):
        import_programmes(store, [path], "csv", actor="alice")


def test_a_database_error_mid_import_rolls_everything_back(store, csv_files, monkeypatch) -> None:
    import ima.services.programmes as service

    calls = []

    def failing_insert(connection, programme):
        calls.append(programme.key)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return original(connection, programme)

    original = service.insert_programme
    monkeypatch.setattr(service, "insert_programme", failing_insert)
    with pytest.raises(RuntimeError):
        import_programmes(store, list(csv_files.values()), "csv", actor="alice")
    assert list_programmes(store) == [] and list_changes(store) == []


def test_import_update_and_refusal_on_each_backend(store_url, csv_files) -> None:
    with Store.open(store_url) as store:
        import_programmes(store, list(csv_files.values()), "csv", actor="alice")
        before, changes = _state(store), len(list_changes(store))
        csv_files["programmes"].write_text(PROGRAMMES_CSV.replace("750000", "7.5e5x"), encoding="utf-8")
        with pytest.raises(ImportErrors, match=r"line 4, column 'budget_2026'"):
            import_programmes(store, list(csv_files.values()), "csv", actor="alice")
        assert _state(store) == before and len(list_changes(store)) == changes
        assert get_programme(store, "NL-001").indicators[0].actual == 100
