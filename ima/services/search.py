"""Full-text search over the record."""

from __future__ import annotations

from ima.domain.record import SearchHit
from ima.store import Store

MAX_LIMIT = 1000


def search(store: Store, query: str, *, limit: int = 10, offset: int = 0) -> list[SearchHit]:
    """Ranked passages matching ``query`` (terms, "phrases", OR, -exclusions)."""
    if not query or not query.strip():
        raise ValueError("empty search query: give at least one word")
    if not 1 <= limit <= MAX_LIMIT:
        raise ValueError(f"--limit must be between 1 and {MAX_LIMIT}, not {limit}")
    if offset < 0:
        raise ValueError("offset must not be negative")
    return store.search(query, limit=limit, offset=offset)
