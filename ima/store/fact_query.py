"""Querying facts: by kind, by key, by the country a passage is about, by document."""

from __future__ import annotations

from sqlalchemy import Connection, and_, exists, select
from sqlalchemy.orm import aliased

from ima.domain.record import FactRecord
from ima.store.fact_rows import NUMERIC_KINDS, fact_record
from ima.store.schema import Document, Fact, Passage, PassagePillarRow

FACT_KINDS = ("country", "region", "organisation", "money", "count", "percent", "date", "motion", "commitment",
              "reference")


def query_facts(connection: Connection, *, kinds: tuple[str, ...] = (), key: str | None = None,
                about: str | None = None, document_id: int | None = None, pillar: int | None = None,
                limit: int = 100, offset: int = 0) -> list[FactRecord]:
    """Facts of current documents, in document date, page and text order.

    ``about`` keeps facts standing in a passage that mentions that country or
    region (ISO alpha-3 or region id): "the figures about Morocco".
    """
    f, d, p = Fact.__table__, Document.__table__, Passage.__table__
    query = (
        select(f, d.c.title, d.c.date, p.c.page_estimated, p.c.text.label("passage_text"))
        .join(d, d.c.id == f.c.document_id)
        .join(p, and_(p.c.document_id == f.c.document_id, p.c.seq == f.c.passage_seq))
        .where(d.c.is_current)
    )
    if kinds:
        query = query.where(f.c.kind.in_(kinds))
    if key is not None:
        query = query.where(f.c.key == key)
    if document_id is not None:
        query = query.where(f.c.document_id == document_id)
    if about is not None:
        other = aliased(Fact.__table__)
        query = query.where(exists().where(
            other.c.document_id == f.c.document_id, other.c.passage_seq == f.c.passage_seq,
            other.c.kind.in_(("country", "region")), other.c.key == about))
    if pillar is not None:
        pp = PassagePillarRow.__table__
        query = query.where(exists().where(pp.c.document_id == f.c.document_id,
                                           pp.c.passage_seq == f.c.passage_seq, pp.c.pillar == pillar))
    query = query.order_by(d.c.date.is_(None), d.c.date, d.c.id, f.c.passage_seq, f.c.start)
    return [fact_record(row) for row in connection.execute(query.limit(limit).offset(offset))]


__all__ = ["FACT_KINDS", "NUMERIC_KINDS", "query_facts"]


def passage_pillars(connection: Connection, document_ids: list[int]) -> dict[tuple[int, int], list[int]]:
    """The pillars of every passage of the given documents: (document id, seq) -> [pillar, ...]."""
    pp = PassagePillarRow.__table__
    out: dict[tuple[int, int], list[int]] = {}
    if not document_ids:
        return out
    rows = connection.execute(select(pp.c.document_id, pp.c.passage_seq, pp.c.pillar)
                              .where(pp.c.document_id.in_(document_ids)).order_by(pp.c.pillar))
    for row in rows:
        out.setdefault((row.document_id, row.passage_seq), []).append(row.pillar)
    return out
