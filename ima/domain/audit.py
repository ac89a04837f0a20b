"""The audit trail of curated data: who changed what, when, from what to what."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class AuditRecord:
    """One recorded change. ``before`` is None for a creation, ``after`` None for a deletion."""

    id: int | None
    at: dt.datetime
    actor: str
    action: str
    entity_kind: str
    entity_key: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    note: str | None = None

    def changed_fields(self) -> list[str]:
        """The top-level fields whose value differs between before and after, sorted."""
        before, after = self.before or {}, self.after or {}
        return sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))


def action_of(before: dict[str, Any] | None, after: dict[str, Any] | None) -> str:
    """``create``, ``delete`` or ``update``, from which side of the change exists."""
    if before is None and after is None:
        raise ValueError("a change needs a before or an after")
    if before is None:
        return "create"
    if after is None:
        return "delete"
    return "update"
