"""A place in the record, for paged dossiers: which current documents mention a country or region
(newest first), and the mentions and figures of a page of those documents."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from ima.domain.record import FactRecord
from ima.store.passage_facts import facts_in_passages
from ima.store.schema import Document, Fact

_PLACE_KINDS = ("country", "region")


def documents_about(store, code: str) -> list[tuple[int, dt.date | None, int]]:
    """``(document id, date, passages that mention the place)`` for every current document that
    mentions ``code`` (ISO alpha-3 or region id), newest first (undated last)."""
    f, d = Fact.__table__, Document.__table__
    query = (select(d.c.id, d.c.date, func.count(func.distinct(f.c.passage_seq)))
             .join(f, f.c.document_id == d.c.id)
             .where(d.c.is_current, f.c.kind.in_(_PLACE_KINDS), f.c.key == code)
             .group_by(d.c.id, d.c.date)
             .order_by(d.c.date.is_(None), d.c.date.desc(), d.c.id.desc()))
    with store.snapshot() as connection:
        return [(row[0], row[1], int(row[2])) for row in connection.execute(query)]


def facts_about(store, code: str, document_ids: list[int],
                figure_kinds: tuple[str, ...]) -> tuple[list[FactRecord], list[FactRecord]]:
    """The mentions of ``code`` in these documents, and the figures (``figure_kinds``) standing in the
    passages that mention it, each in document and text order."""
    if not document_ids:
        return [], []
    f = Fact.__table__
    with store.snapshot() as connection:
        pairs = [(r[0], r[1]) for r in connection.execute(
            select(f.c.document_id, f.c.passage_seq).distinct()
            .where(f.c.document_id.in_(document_ids), f.c.kind.in_(_PLACE_KINDS), f.c.key == code))]
        found = facts_in_passages(connection, pairs, (*_PLACE_KINDS, *figure_kinds))
    mentions = [x for x in found if x.kind in _PLACE_KINDS and x.key == code]
    figures = [x for x in found if x.kind in figure_kinds]
    return mentions, figures
