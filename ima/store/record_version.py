"""A cheap fingerprint of the record: it changes whenever a document version is stored or superseded."""

from __future__ import annotations

from sqlalchemy import func, select

from ima.store.schema import Document


def record_version(store) -> tuple[int, int]:
    """``(highest document id, number of current documents)``; any ingest changes it."""
    d = Document.__table__
    with store.snapshot() as connection:
        top, current = connection.execute(select(func.max(d.c.id), func.count().filter(d.c.is_current))).one()
    return int(top or 0), int(current or 0)
