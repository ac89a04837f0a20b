"""A pillar across the years: passages per year, the documents of a year, and their facts."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import extract, func, select

from ima.domain.record import FactRecord
from ima.store.passage_facts import facts_in_passages
from ima.store.schema import Document, PassagePillarRow


def pillar_years(store, pillar: int) -> dict[int | None, int]:
    """Passages of current documents classified under ``pillar``, per year of the document (None: undated)."""
    pp, d = PassagePillarRow.__table__, Document.__table__
    year = extract("year", d.c.date)
    query = (select(year, func.count()).join(d, d.c.id == pp.c.document_id)
             .where(d.c.is_current, pp.c.pillar == pillar).group_by(year))
    with store.snapshot() as connection:
        return {int(y) if y is not None else None: int(n) for y, n in connection.execute(query)}


def pillar_documents(store, pillar: int, year: int | None) -> list[tuple[int, str | None, dt.date | None, int]]:
    """``(id, title, date, passages of the pillar)`` of the current documents of ``year`` (None: undated),
    newest first."""
    pp, d = PassagePillarRow.__table__, Document.__table__
    when = d.c.date.is_(None) if year is None else d.c.date.between(dt.date(year, 1, 1), dt.date(year, 12, 31))
    query = (select(d.c.id, d.c.title, d.c.date, func.count()).join(pp, pp.c.document_id == d.c.id)
             .where(d.c.is_current, pp.c.pillar == pillar, when)
             .group_by(d.c.id, d.c.title, d.c.date).order_by(d.c.date.desc(), d.c.id.desc()))
    with store.snapshot() as connection:
        return [(r[0], r[1], r[2], int(r[3])) for r in connection.execute(query)]


def pillar_facts(store, pillar: int, document_ids: list[int], kinds: tuple[str, ...]) -> list[FactRecord]:
    """Facts of ``kinds`` in the passages of these documents classified under ``pillar``."""
    if not document_ids:
        return []
    pp = PassagePillarRow.__table__
    with store.snapshot() as connection:
        pairs = [(r[0], r[1]) for r in connection.execute(
            select(pp.c.document_id, pp.c.passage_seq).where(pp.c.document_id.in_(document_ids),
                                                             pp.c.pillar == pillar))]
        return facts_in_passages(connection, pairs, kinds)
