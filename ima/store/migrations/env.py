"""Alembic environment for ima's store.

ima runs migrations itself (``Store.open`` / ``Store.upgrade``) and hands
Alembic an open connection through ``config.attributes["connection"]``; no
alembic.ini is needed. For developers, ``alembic`` on the command line works
too when ``sqlalchemy.url`` is set in the config.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from ima.store.schema import Base

config = context.config
target_metadata = Base.metadata


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things; batch mode rebuilds tables instead.
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Run against the connection ima passed in, or one made from the config URL."""
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.begin() as connection:
        _run(connection)


if context.is_offline_mode():
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=target_metadata,
                      literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    run_migrations_online()
