"""Database URLs, migrations and the agreement between models and migrations."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from ima.store import Store, default_database_url
from ima.store.database import normalize_url
from ima.store.migrate import head_revision
from ima.store.schema import Base

# Full-text objects live only in the migration (they are backend-specific).
_FULLTEXT = {"passages_fts", "passages_fts_data", "passages_fts_idx", "passages_fts_docsize",
             "passages_fts_config", "passages_fts_content", "search_vector", "ix_passages_search_vector"}


def test_models_match_the_migrations(store):
    def include(obj, name, type_, reflected, compare_to):
        return name not in _FULLTEXT and name != "alembic_version"

    with store._engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_object": include, "compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_default_url_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("IMA_DATABASE_URL", "postgresql://someone@db/ima")
    assert default_database_url() == "postgresql://someone@db/ima"


def test_default_url_is_a_sqlite_file_in_the_user_data_dir(monkeypatch, tmp_path):
    monkeypatch.delenv("IMA_DATABASE_URL", raising=False)
    monkeypatch.setattr("platformdirs.user_data_dir", lambda name: str(tmp_path / "data" / name))
    url = default_database_url()
    assert url == f"sqlite:///{tmp_path / 'data' / 'ima' / 'ima.sqlite3'}"
    assert (tmp_path / "data" / "ima").is_dir()
    with Store.open() as store:
        assert store.dialect == "sqlite" and store.revision() == head_revision()


@pytest.mark.parametrize(("url", "expected"), [
    ("postgresql://u@h/db", "postgresql+psycopg://u@h/db"),
    ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
    ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),
    ("sqlite:///x.db", "sqlite:///x.db"),
])
def test_postgres_urls_use_psycopg(url, expected):
    assert normalize_url(url) == expected


def test_unsupported_databases_are_refused():
    with pytest.raises(ValueError, match="unsupported database"):
        Store.open("mysql://u@h/db")


def test_in_memory_sqlite_works(make_doc):
    with Store.open("sqlite://") as store:
        store.save(make_doc(["Een brief over terugkeer.\n"]))
        assert [h.page for h in store.search("terugkeer")] == [1]


def test_sqlite_connections_enforce_foreign_keys_and_use_wal(sqlite_url):
    with Store.open(sqlite_url) as store:
        with store._engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() > 0


def test_the_store_url_hides_the_password():
    engine_url = "postgresql://user:secret@127.0.0.1:1/db"
    from ima.store.database import create_store_engine

    engine = create_store_engine(engine_url)
    try:
        assert "secret" not in Store(engine).url_for_display()
    finally:
        engine.dispose()
