"""Edits of the curated partnership files, each recorded in the audit trail together with the file change."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ima.domain.audit import AuditRecord
from ima.services import audit
from ima.store import Store


def edit_with_audit(store: Store, path: Path, actor: str | None, entity_kind: str, entity_key: str,
                    edit: Callable[[], tuple[dict, dict]], note: str | None = None) -> AuditRecord | None:
    """Run ``edit`` (which rewrites ``path`` and returns before/after) and record the change.

    The audit record is written in a transaction committed only after the file was replaced; a
    failed edit leaves file and trail as they were, and if recording or the commit fails the
    file gets its old content back.
    """
    who = audit.current_actor(actor)
    original = path.read_bytes()
    try:
        with store.transaction() as connection:
            before, after = edit()
            return audit.record_change(store, who, entity_kind, entity_key, before, after, note,
                                       connection=connection)
    except BaseException:
        if path.read_bytes() != original:
            path.write_bytes(original)
        raise
