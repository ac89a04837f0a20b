"""The audit log: appending changes and reading them back (table ``audit_log``, migration 0004)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, insert, select

from ima.domain.audit import AuditRecord
from ima.store.schema import AuditEntry

_audit = AuditEntry.__table__


def append_change(connection: Connection, record: AuditRecord) -> int:
    """Store one change inside the caller's transaction; its id."""
    values: dict[str, Any] = {
        "at": record.at, "actor": record.actor, "action": record.action, "entity_kind": record.entity_kind,
        "entity_key": record.entity_key, "before": record.before, "after": record.after, "note": record.note,
    }
    return connection.execute(insert(_audit).returning(_audit.c.id), values).scalar_one()


def query_changes(connection: Connection, *, entity_kind: str | None = None, entity_key: str | None = None,
                  since: dt.datetime | None = None, actor: str | None = None,
                  limit: int | None = None) -> list[AuditRecord]:
    """Changes matching every given filter, oldest first."""
    query = select(_audit).order_by(_audit.c.at, _audit.c.id)
    if entity_kind:
        query = query.where(_audit.c.entity_kind == entity_kind)
    if entity_key:
        query = query.where(_audit.c.entity_key == entity_key)
    if since is not None:
        query = query.where(_audit.c.at >= since)
    if actor:
        query = query.where(_audit.c.actor == actor)
    if limit is not None:
        query = query.limit(limit)
    return [AuditRecord(id=r.id, at=_aware(r.at), actor=r.actor, action=r.action, entity_kind=r.entity_kind,
                        entity_key=r.entity_key, before=r.before, after=r.after, note=r.note)
            for r in connection.execute(query)]


def _aware(at: dt.datetime) -> dt.datetime:
    # SQLite hands back naive datetimes; every stored time is UTC.
    return at if at.tzinfo else at.replace(tzinfo=dt.timezone.utc)
