"""Database URLs and engines: SQLite by default, PostgreSQL for teams."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.pool import StaticPool

ENV_VAR = "IMA_DATABASE_URL"
SQLITE_BUSY_TIMEOUT_MS = 30_000
# Execution option naming the SQLite BEGIN mode of a transaction (see _sqlite_begin).
SQLITE_BEGIN = "ima_sqlite_begin"


def default_database_url() -> str:
    """``$IMA_DATABASE_URL`` if set, else a SQLite file in the user's data directory."""
    url = os.environ.get(ENV_VAR, "").strip()
    if url:
        return url
    directory = Path(platformdirs.user_data_dir("ima"))
    directory.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{directory / 'ima.sqlite3'}"


def normalize_url(url: str) -> str:
    """Map plain ``postgresql://`` / ``postgres://`` URLs to the psycopg 3 driver."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def create_store_engine(url: str) -> Engine:
    """An engine for ``url``, configured for ima's use of the backend."""
    parsed = make_url(normalize_url(url))
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed)
    if parsed.get_backend_name() == "postgresql":
        return create_engine(parsed, pool_pre_ping=True)
    raise ValueError(f"unsupported database {parsed.get_backend_name()!r}: use a sqlite:// or postgresql:// URL")


def _sqlite_engine(url) -> Engine:
    database = url.database or ""
    in_memory = database in ("", ":memory:") or database.startswith("file::memory:")
    if not in_memory:
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    # An in-memory database exists per connection: share one connection.
    # A file database keeps enough connections for a web server's thread pool: connections beyond the
    # pool are closed when returned and reopened (with their PRAGMAs) by the next request.
    kwargs = {"poolclass": StaticPool} if in_memory else {"pool_size": 16, "max_overflow": 24}
    engine = create_engine(url, connect_args={"check_same_thread": False}, **kwargs)

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection, _record) -> None:
        # Let SQLAlchemy's "begin" event emit BEGIN itself (pysqlite's implicit
        # transactions start too late to make a read-then-write atomic).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        if not in_memory:
            # WAL: readers never block the writer, and concurrent ingests queue.
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _sqlite_begin(connection: Connection) -> None:
        # Writers take the write lock up front (BEGIN IMMEDIATE): a deferred
        # transaction that reads and then writes can fail with SQLITE_BUSY
        # instead of waiting when another process writes in between.
        mode = connection.get_execution_options().get(SQLITE_BEGIN, "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")

    return engine
