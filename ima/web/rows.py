"""Plain JSON rows of records, shared by the pages (the same shapes the CLI's ``--json`` prints)."""

from __future__ import annotations

from ima.domain.record import DocumentSummary, FactRecord, SearchHit


def summary_row(doc: DocumentSummary) -> dict:
    """A document in a listing."""
    return {"id": doc.id, "title": doc.title, "date": doc.date.isoformat() if doc.date else None,
            "kind": getattr(doc.kind, "value", doc.kind), "pages": doc.pages, "version": doc.version,
            "current": doc.is_current, "format": doc.format}


def hit_row(hit: SearchHit) -> dict:
    """A search hit with its link (page and passage anchor)."""
    return {"document_id": hit.document_id, "title": hit.title, "date": hit.date.isoformat() if hit.date else None,
            "page": hit.page, "page_estimated": hit.page_estimated, "passage": hit.passage_seq,
            "score": hit.score, "snippet": hit.snippet,
            "url": f"/documents/{hit.document_id}#p{hit.passage_seq}"}


def fact_row(f: FactRecord) -> dict:
    """A fact (figure, motion, commitment, ...) with where it stands."""
    return {"document_id": f.document_id, "title": f.title, "date": f.date.isoformat() if f.date else None,
            "page": f.page, "passage": f.passage_seq, "kind": f.kind, "key": f.key, "value": f.value,
            "unit": f.unit, "qualifier": f.qualifier, "period": f.period, "text": f.text,
            "payload": f.payload, "url": f"/documents/{f.document_id}#p{f.passage_seq}"}
