"""The EU Trust Fund for Africa import: every project and budget, totals equal to the source's, indicators attached."""

from __future__ import annotations

import csv
import gzip
import io
import math
from collections import Counter, defaultdict

import pytest

from ima.ingest.programmes.eutf import VENDORED
from ima.services.audit import list_changes
from ima.services.programmes import import_programmes, list_programmes
from ima.store import Store
from ima.store.programmes import count_rows


def _source_projects() -> list[dict[str, str]]:
    with (VENDORED / "projects.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _source_results() -> list[dict[str, str]]:
    text = gzip.decompress((VENDORED / "akvo_results.csv.gz").read_bytes()).decode("utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.fixture(scope="module")
def eutf_store(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('eutf') / 'ima.sqlite3'}"
    with Store.open(url) as store:
        report = import_programmes(store, [], "eutf", actor="tester")
        yield store, report


def test_every_project_of_the_source_is_stored_once(eutf_store) -> None:
    store, report = eutf_store
    source_ids = [row["ProjectID"] for row in _source_projects()]
    assert len(source_ids) == 253
    stored = list_programmes(store, source="eutf")
    assert sorted(p.source_id for p in stored) == sorted(source_ids)
    assert report.count("new") == 253 and report.count("updated") == report.count("unchanged") == 0


def test_budget_totals_equal_the_source_totals(eutf_store) -> None:
    store, _ = eutf_store
    projects = _source_projects()
    source_total = math.fsum(float(row["ProjectBudget"]) for row in projects)
    stored = list_programmes(store, source="eutf")
    assert math.isclose(math.fsum(p.total_budget for p in stored), source_total, rel_tol=0, abs_tol=0.01)
    assert math.isclose(math.fsum(a for p in stored for a in p.budgets.values()), source_total, abs_tol=0.01)
    assert round(source_total, 2) == 5_256_084_987.34
    # Every project has exactly its own budget, in its adoption year when the source gives one.
    by_id = {p.source_id: p for p in stored}
    for row in projects:
        programme = by_id[row["ProjectID"]]
        assert list(programme.budgets.values()) == [float(row["ProjectBudget"])]
        adopted = row["ProjectAdoptionDate"]
        if adopted[:4].isdigit() and adopted[4] == "-":
            assert list(programme.budgets) == [int(adopted[:4])]


def test_single_country_totals_equal_the_source_per_country(eutf_store) -> None:
    store, _ = eutf_store
    expected: dict[str, float] = defaultdict(float)
    for row in _source_projects():
        if row["ProjectLocation"] == "Morocco":
            expected["MAR"] += float(row["ProjectBudget"])
        if row["ProjectLocation"] == "Tchad":
            expected["TCD"] += float(row["ProjectBudget"])
    for code, total in expected.items():
        single = [p for p in list_programmes(store, country=code) if p.countries == (code,)]
        assert math.isclose(sum(p.total_budget for p in single), total, abs_tol=0.01)


def test_result_indicators_are_attached_to_their_projects(eutf_store) -> None:
    store, report = eutf_store
    stored = {p.source_id: p for p in list_programmes(store, source="eutf", children=True)}
    direct = Counter()
    for row in _source_results():
        if row["iati_id"] in stored:
            direct[row["iati_id"]] += 1
            names = {i.name for i in stored[row["iati_id"]].indicators}
            assert (row["title"].strip() or "(untitled)") in names
    assert sum(direct.values()) > 6000
    for project_id, count in direct.items():
        assert len(stored[project_id].indicators) >= count
    # Contract-level rows (T05-EUTF-NOA-MA-07-01 …) reach their parent project too.
    attached = sum(len(p.indicators) for p in stored.values())
    assert attached == 15141 and attached > sum(direct.values())
    assert "15141 attached" in report.notes[0]


def test_countries_are_iso_alpha3_and_regional_projects_carry_their_window(eutf_store) -> None:
    store, _ = eutf_store
    stored = {p.source_id: p for p in list_programmes(store, source="eutf")}
    assert stored["T05-EUTF-NOA-MA-07"].areas == ("MAR",)
    assert stored["T05-EUTF-SAH-TD-08"].areas == ("TCD",)  # "Tchad" in the source
    multi = [p for p in stored.values() if len(p.countries) > 1]
    assert len(multi) == 48 and all(any(a in ("sahel", "horn-of-africa", "north-africa", "africa")
                                        for a in p.areas) for p in multi)
    assert all(len(c) == 3 and c.isupper() for p in stored.values() for c in p.countries)


def test_reimport_is_idempotent(eutf_store) -> None:
    store, _ = eutf_store
    with store.snapshot() as connection:
        before = count_rows(connection)
    changes = len(list_changes(store))
    again = import_programmes(store, [], "eutf", actor="tester")
    assert again.count("unchanged") == 253 and again.count("new") == again.count("updated") == 0
    with store.snapshot() as connection:
        assert count_rows(connection) == before
    assert len(list_changes(store)) == changes


@pytest.mark.postgres
def test_eutf_import_on_postgresql(postgres_url) -> None:
    with Store.open(postgres_url) as store:
        import_programmes(store, [], "eutf", actor="tester")
        stored = list_programmes(store, source="eutf")
        assert len(stored) == 253
        assert math.isclose(sum(p.total_budget for p in stored), 5_256_084_987.34, abs_tol=0.01)
        with store.snapshot() as connection:
            assert count_rows(connection)["programme_indicators"] == 15141
        assert import_programmes(store, [], "eutf", actor="tester").count("unchanged") == 253


def test_the_original_folder_gives_the_same_programmes_as_the_vendored_copy() -> None:
    from pathlib import Path

    from ima.ingest.programmes.eutf import parse_eutf

    original = Path(__file__).resolve().parents[3] / "shared" / "data" / "eutf_africa_projects"
    if not original.is_dir():
        pytest.skip("../shared is not present (the vendored copy is tested above)")
    assert parse_eutf(original) == parse_eutf(None)
