"""Full-text search over the record, narrowed by document kind, country, dates or document."""

from __future__ import annotations

import datetime as dt

from ima.domain.metadata import DocumentKind
from ima.domain.record import SearchFilters, SearchHit
from ima.store import Store

MAX_LIMIT = 1000


def make_filters(*, kind: str | None = None, country: str | None = None, date_from: str | None = None,
                 date_to: str | None = None, document_id: int | None = None,
                 pillar: int | None = None) -> SearchFilters | None:
    """Validated filters from what a user typed (kind name, country code or name, ISO dates)."""
    if kind is not None and kind not in {k.value for k in DocumentKind}:
        raise ValueError(f"unknown document kind {kind!r}: choose one of {', '.join(k.value for k in DocumentKind)}")
    code = None
    if country:
        from ima.services.knowledge import resolve_place

        code = resolve_place(country).code
    start, end = _date(date_from, "--from"), _date(date_to, "--to")
    if start and end and start > end:
        raise ValueError(f"--from {start} is after --to {end}")
    if pillar is not None and not 1 <= pillar <= 6:
        raise ValueError(f"--pillar must be 1 to 6, not {pillar}")
    if not any((kind, code, start, end, document_id, pillar)):
        return None
    return SearchFilters(kind=kind, country=code, date_from=start, date_to=end, document_id=document_id,
                         pillar=pillar)


def _date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value if len(value) > 4 else f"{value}-01-01")
    except ValueError:
        raise ValueError(f"{option} must be a date such as 2020-07-10 or a year such as 2020, not {value!r}") from None


def search(store: Store, query: str, *, limit: int = 10, offset: int = 0,
           filters: SearchFilters | None = None) -> list[SearchHit]:
    """Ranked passages matching ``query`` (terms, "phrases", OR, -exclusions)."""
    if not query or not query.strip():
        raise ValueError("empty search query: give at least one word")
    if not 1 <= limit <= MAX_LIMIT:
        raise ValueError(f"--limit must be between 1 and {MAX_LIMIT}, not {limit}")
    if offset < 0:
        raise ValueError("offset must not be negative")
    return store.search(query, limit=limit, offset=offset, filters=filters)
