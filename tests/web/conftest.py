"""Web fixtures: the bundled corpus in a SQLite file, the app over it, clients and accounts."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from ima.services.accounts import add_user
from ima.services.ingest import IngestSettings, ingest_paths
from ima.store import Store
from ima.web.app import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

PASSWORD = "correct horse battery"


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory, corpus_dir: Path) -> str:
    """A database URL holding the bundled corpus and three accounts (reader, editor, admin)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'ima.sqlite3'}"
    with Store.open(url) as store:
        outcomes = list(ingest_paths(store, [corpus_dir], IngestSettings()))
        assert all(o.document_id for o in outcomes)
        for role in ("reader", "editor", "admin"):
            add_user(store, role, PASSWORD, role)
    return url


@pytest.fixture(scope="session")
def web_store(corpus_db: str) -> Iterator[Store]:
    """One open store over the corpus database for the in-process app."""
    store = Store.open(corpus_db)
    yield store
    store.close()


@pytest.fixture(scope="session")
def app(web_store: Store, tmp_path_factory):
    """The ASGI app (read-only tests share it)."""
    return create_app(store=web_store, secret_key="test-secret", max_upload_mb=1,
                      scenario_dir=tmp_path_factory.mktemp("scenarios"))


@pytest.fixture
def client(app) -> Iterator[TestClient]:
    """A fresh client (no cookies) of the shared app."""
    with TestClient(app) as c:
        yield c


@pytest.fixture
def write_store(tmp_path, corpus_dir: Path) -> Iterator[Store]:
    """A store of its own for tests that write (one corpus document and the three accounts)."""
    store = Store.open(f"sqlite:///{tmp_path / 'write.sqlite3'}")
    list(ingest_paths(store, [sorted(corpus_dir.glob("*.txt"))[0]], IngestSettings()))
    for role in ("reader", "editor", "admin"):
        add_user(store, role, PASSWORD, role)
    yield store
    store.close()


@pytest.fixture
def write_client(write_store: Store, tmp_path) -> Iterator[TestClient]:
    """A client of an app over ``write_store`` (upload limit 1 MB; uploaded scenarios in ``tmp_path``)."""
    with TestClient(create_app(store=write_store, secret_key="test-secret", max_upload_mb=1,
                               scenario_dir=tmp_path / "scenarios")) as c:
        yield c


def sign_in(client: TestClient, username: str, password: str = PASSWORD) -> str:
    """Sign in through the form; returns the session's CSRF token for later writes."""
    token = client.get("/api/session").json()["csrf_token"]
    response = client.post("/login", data={"username": username, "password": password, "csrf_token": token,
                                           "next": "/"}, follow_redirects=False)
    assert response.status_code == 303, response.text
    return client.get("/api/session").json()["csrf_token"]
