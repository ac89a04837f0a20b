"""Facts of given passages, selected by (document, passage) so the database uses that index."""

from __future__ import annotations

from sqlalchemy import Connection, and_, select, tuple_

from ima.domain.record import FactRecord
from ima.store.fact_rows import fact_record
from ima.store.schema import Document, Fact, Passage

BATCH = 500  # pairs per statement (bound parameters stay well under the backends' limits)


def facts_in_passages(connection: Connection, passages: list[tuple[int, int]],
                      kinds: tuple[str, ...] | None = None) -> list[FactRecord]:
    """The facts (of ``kinds``, or all) standing in these ``(document id, passage seq)`` passages,
    in document, passage and text order."""
    f, d, p = Fact.__table__, Document.__table__, Passage.__table__
    out: list[FactRecord] = []
    wanted = sorted(set(passages))
    for at in range(0, len(wanted), BATCH):
        batch = wanted[at:at + BATCH]
        # The plain document-id list is what lets SQLite search the index: with the row-value IN alone
        # it scanned every fact of the record (36 ms for ten passages among 2,000 documents, 2 ms now).
        query = (select(f, d.c.title, d.c.date, p.c.page_estimated, p.c.text.label("passage_text"))
                 .join(d, d.c.id == f.c.document_id)
                 .join(p, and_(p.c.document_id == f.c.document_id, p.c.seq == f.c.passage_seq))
                 .where(f.c.document_id.in_(sorted({document for document, _ in batch})),
                        tuple_(f.c.document_id, f.c.passage_seq).in_(batch))
                 .order_by(f.c.document_id, f.c.passage_seq, f.c.start))
        # The kinds are few per passage: filtering them here keeps the (document, passage) index in use.
        out += [fact_record(r) for r in connection.execute(query) if kinds is None or r.kind in kinds]
    return out
