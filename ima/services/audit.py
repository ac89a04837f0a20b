"""The audit trail: every change to curated data (programmes, dossiers, catalogue, risks) is recorded here.

Use :func:`record_change` from any service that changes curated data, inside
the same transaction as the change when there is one (``connection=``), so
that a change and its record are stored together or not at all.
"""

from __future__ import annotations

import csv
import datetime as dt
import getpass
import io
import json
from typing import Any

from sqlalchemy import Connection

from ima.domain.audit import AuditRecord, action_of
from ima.domain.serial import to_plain
from ima.store import Store
from ima.store.audit import append_change, query_changes

EXPORT_FORMATS = ("csv", "json")
_CSV_COLUMNS = ("id", "at", "actor", "action", "entity_kind", "entity_key", "changed", "before", "after", "note")


def current_actor(explicit: str | None = None) -> str:
    """Who is making a change: ``explicit`` if given, else the OS user name."""
    if explicit and explicit.strip():
        return explicit.strip()
    try:
        return getpass.getuser()
    except Exception:  # no user name in this environment (containers without passwd entries)
        return "unknown"


def record_change(store: Store, actor: str, entity_kind: str, entity_key: str,
                  before: Any, after: Any, note: str | None = None, *,
                  connection: Connection | None = None, at: dt.datetime | None = None) -> AuditRecord | None:
    """Record that ``actor`` changed ``entity_kind``/``entity_key`` from ``before`` to ``after``.

    ``before``/``after`` are dicts (or dataclasses, turned into plain JSON data);
    None on one side means a creation or deletion. Nothing is recorded when
    both sides are equal (returns None). Pass ``connection`` to record inside
    the caller's transaction; otherwise the record is its own transaction.
    """
    if not actor or not actor.strip():
        raise ValueError("an audited change needs an actor (who made it)")
    if not entity_kind or not entity_key:
        raise ValueError("an audited change needs an entity kind and key")
    plain_before, plain_after = _plain(before), _plain(after)
    if plain_before == plain_after:
        return None
    record = AuditRecord(id=None, at=at or dt.datetime.now(dt.timezone.utc), actor=actor.strip(),
                         action=action_of(plain_before, plain_after), entity_kind=entity_kind,
                         entity_key=str(entity_key), before=plain_before, after=plain_after, note=note)
    if connection is not None:
        new_id = append_change(connection, record)
    else:
        with store.transaction() as own:
            new_id = append_change(own, record)
    return AuditRecord(**{**record.__dict__, "id": new_id})


def list_changes(store: Store, *, entity_kind: str | None = None, entity_key: str | None = None,
                 since: dt.date | dt.datetime | str | None = None, actor: str | None = None,
                 limit: int | None = None) -> list[AuditRecord]:
    """Recorded changes, oldest first; ``since`` is a date (from its midnight UTC) or a datetime."""
    with store.snapshot() as connection:
        return query_changes(connection, entity_kind=entity_kind, entity_key=entity_key,
                             since=_since(since), actor=actor, limit=limit)


def export_changes(store: Store, fmt: str = "json", **filters: Any) -> str:
    """The changes matching ``filters`` (as for :func:`list_changes`) as CSV or a JSON list."""
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(EXPORT_FORMATS)}")
    rows = [change_dict(r) for r in list_changes(store, **filters)]
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=_CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({**row, "changed": ";".join(row["changed"]),
                         "before": json.dumps(row["before"], ensure_ascii=False, sort_keys=True),
                         "after": json.dumps(row["after"], ensure_ascii=False, sort_keys=True)})
    return out.getvalue()


def change_dict(record: AuditRecord) -> dict[str, Any]:
    """The JSON row of a change (what ``ima audit --json`` prints)."""
    return {"id": record.id, "at": record.at.isoformat(), "actor": record.actor, "action": record.action,
            "entity_kind": record.entity_kind, "entity_key": record.entity_key,
            "changed": record.changed_fields(), "before": record.before, "after": record.after, "note": record.note}


def _plain(value: Any) -> dict[str, Any] | None:
    if value is None:
        return None
    plain = to_plain(value)
    if not isinstance(plain, dict):
        raise ValueError(f"before/after of a change must be objects, not {type(value).__name__}")
    return plain


def _since(value: dt.date | dt.datetime | str | None) -> dt.datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value) if "T" in value else dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"--since: {value!r} is not a date (YYYY-MM-DD)") from None
    if not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time(), tzinfo=dt.timezone.utc)
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
