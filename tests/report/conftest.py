"""Report fixtures: a store holding the 2020 and 2021 letters of the corpus, and reports built from it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ima.services.ingest import IngestSettings, ingest_paths
from ima.services.report import build_year_report
from ima.store import Store

TODAY = dt.date(2026, 1, 15)


@pytest.fixture(scope="session")
def report_db(tmp_path_factory, corpus_paths: dict[str, Path]) -> str:
    """URL of a SQLite file with the 2020 letter on migration agreements and the 2021 progress letter."""
    url = f"sqlite:///{tmp_path_factory.mktemp('report') / 'ima.sqlite3'}"
    with Store.open(url) as store:
        paths = [corpus_paths["agreements_2020"], corpus_paths["progress_2021"]]
        outcomes = list(ingest_paths(store, paths, IngestSettings()))
    assert all(o.document_id for o in outcomes), outcomes
    return url


@pytest.fixture(scope="session")
def report_store(report_db: str):
    """The store of ``report_db``."""
    store = Store.open(report_db)
    yield store
    store.close()


@pytest.fixture(scope="session")
def report_nl(report_store):
    """The 2020 report in Dutch."""
    return build_year_report(report_store, 2020, "nl", today=TODAY)


@pytest.fixture(scope="session")
def report_en(report_store):
    """The 2020 report in English."""
    return build_year_report(report_store, 2020, "en", today=TODAY)


@pytest.fixture(scope="session")
def html_nl(report_nl) -> str:
    from ima.report import render_html

    return render_html(report_nl)


@pytest.fixture(scope="session")
def html_en(report_en) -> str:
    from ima.report import render_html

    return render_html(report_en)
