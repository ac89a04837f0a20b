"""Conversion between domain values and table rows, in both directions.

Pure functions: the repository decides when rows are written or read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from ima.domain.document import Extraction, ParsedDocument, SourceFormat
from ima.domain.metadata import (
    Chamber,
    DocumentKind,
    DocumentMetadata,
    Footnote,
    KamerstukRef,
    Signatory,
)
from ima.domain.serial import to_plain
from ima.domain.record import DocumentSummary, RemovedLine, StoredPage
from ima.domain.text import Passage, StageReport
from ima.store.fact_rows import fact_rows
from ima.store.textsearch import index_stems, index_words


def safe_text(value: str) -> str:
    """``value`` safe for every backend's text columns.

    PostgreSQL text and JSON cannot hold NUL characters, which broken
    extractions do produce; U+FFFD has the same length, so spans into the
    text stay valid.
    """
    return value.replace("\x00", "\ufffd")


def _optional(value: str | None) -> str | None:
    return safe_text(value) if value else value


def _jsonable(value: Any) -> Any:
    """Stage details and structured metadata may hold tuples, dates or enums; JSON may not."""
    return to_plain(value, safe_text)


def document_row(doc: ParsedDocument, *, version: int, ingested_at: dt.datetime) -> dict[str, Any]:
    """The ``documents`` row of a parsed document (without its id)."""
    meta = doc.metadata
    extraction = doc.extraction
    kamerstuk = meta.kamerstuk
    return {
        "source": safe_text(doc.source),
        "content_hash": doc.content_hash,
        "version": version,
        "is_current": True,
        "size": doc.size,
        "format": extraction.format.value,
        "encoding": extraction.encoding,
        "kind": meta.kind.value,
        "title": _optional(meta.title),
        "subject": _optional(meta.subject),
        "date": meta.date,
        "addressee": meta.addressee.value if meta.addressee else None,
        "kenmerk": _optional(meta.kenmerk),
        "directorate": _optional(meta.directorate),
        "kamerstuk_dossier": kamerstuk.dossier if kamerstuk else None,
        "kamerstuk_number": kamerstuk.number if kamerstuk else None,
        "kamerstuk_year": kamerstuk.year if kamerstuk else None,
        "metadata": _jsonable({
            "provenance": dict(meta.provenance),
            "structured": extraction.structured,
            "warnings": list(extraction.warnings),
            "page_breaks": extraction.page_breaks,
            "pipeline": doc.pipeline or None,
        }),
        "raw_text": safe_text(doc.raw_text),
        "clean_text": safe_text(doc.clean_text),
        "page_count": len(doc.pages),
        "ingested_at": ingested_at,
    }


def part_rows(doc: ParsedDocument, document_id: int, *, stemmed: bool) -> dict[str, list[dict[str, Any]]]:
    """Rows of every child table, keyed by table name.

    ``stemmed`` selects what passages are indexed by: stems for SQLite,
    folded words for PostgreSQL (which stems them itself).
    """
    meta = doc.metadata
    analyse = index_stems if stemmed else index_words
    return {
        "signatories": [
            {"document_id": document_id, "position": i, "name": safe_text(s.name),
             "office": _optional(s.office)}
            for i, s in enumerate(meta.signatories)
        ],
        "footnotes": [
            {"document_id": document_id, "position": i, "number": f.number, "text": safe_text(f.text), "page": f.page,
             "references": list(f.references), "raw_start": f.start, "raw_end": f.end}
            for i, f in enumerate(meta.footnotes)
        ],
        "pages": [
            {"document_id": document_id, "position": i, "number": p.number, "estimated": p.estimated,
             "text": safe_text(p.text), "unattributed": p.unattributed, "raw_start": p.start, "raw_end": p.end,
             "removed": _jsonable([[r.line.text, r.reason, r.line.start, r.line.end] for r in p.removed])}
            for i, p in enumerate(doc.pages)
        ],
        "passages": [
            {"document_id": document_id, "seq": p.seq, "page": p.page, "page_estimated": p.page_estimated,
             "kind": p.kind, "text": safe_text(p.text), "raw_start": p.start, "raw_end": p.end,
             "search_text": analyse(p.text)}
            for p in doc.passages
        ],
        "stage_outputs": [
            {"document_id": document_id, "position": i, "name": s.name, "text": safe_text(s.text),
             "details": _jsonable(s.details)}
            for i, s in enumerate(doc.stages)
        ],
        "facts": fact_rows(doc, document_id),
        "passage_pillars": [
            {"document_id": document_id, "passage_seq": p.passage_seq, "pillar": p.pillar, "score": p.score}
            for p in doc.pillars
        ],
    }


def _aware(moment: dt.datetime) -> dt.datetime:
    # SQLite hands timestamps back naive; they were written in UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)


def as_date(value: dt.date | str | None) -> dt.date | None:
    """A date from a column value (raw SQL on SQLite returns ISO strings)."""
    if isinstance(value, str):
        return dt.date.fromisoformat(value)
    return value


def summary(row: Any) -> DocumentSummary:
    """A :class:`DocumentSummary` from a ``documents`` row."""
    return DocumentSummary(
        id=row.id, source=row.source, title=row.title, date=as_date(row.date), kind=DocumentKind(row.kind),
        pages=row.page_count, version=row.version, is_current=bool(row.is_current),
        content_hash=row.content_hash, encoding=row.encoding, format=row.format,
        ingested_at=_aware(row.ingested_at), pipeline=(row._mapping["metadata"] or {}).get("pipeline"),
    )


def metadata(row: Any, signatories: Iterable[Any], footnotes: Iterable[Any]) -> DocumentMetadata:
    """The :class:`DocumentMetadata` of a stored document."""
    kamerstuk = None
    if row.kamerstuk_dossier and row.kamerstuk_number:
        kamerstuk = KamerstukRef(row.kamerstuk_dossier, row.kamerstuk_number, row.kamerstuk_year)
    return DocumentMetadata(
        kind=DocumentKind(row.kind), title=row.title, subject=row.subject, date=as_date(row.date),
        addressee=Chamber(row.addressee) if row.addressee else None, kenmerk=row.kenmerk,
        directorate=row.directorate,
        signatories=tuple(Signatory(s.name, s.office) for s in signatories),
        kamerstuk=kamerstuk,
        footnotes=tuple(
            Footnote(f.number, f.text, f.page, tuple(f.references), f.raw_start, f.raw_end) for f in footnotes
        ),
        provenance=dict((row._mapping["metadata"] or {}).get("provenance", {})),
    )


def extraction(row: Any) -> Extraction:
    """The :class:`Extraction` a ``documents`` row was parsed from."""
    meta = row._mapping["metadata"] or {}
    breaks = meta.get("page_breaks")
    return Extraction(text=row.raw_text, format=SourceFormat(row.format), encoding=row.encoding,
                      page_breaks=tuple(breaks) if breaks is not None else None,
                      structured=dict(meta.get("structured") or {}), warnings=tuple(meta.get("warnings") or ()))


def stored_page(row: Any) -> StoredPage:
    """A :class:`StoredPage` from a ``pages`` row."""
    return StoredPage(
        number=row.number, estimated=bool(row.estimated), text=row.text,
        removed=tuple(RemovedLine(*item) for item in row.removed), unattributed=row.unattributed,
        raw_start=row.raw_start, raw_end=row.raw_end,
    )


def passage(row: Any) -> Passage:
    """A domain :class:`Passage` from a ``passages`` row."""
    return Passage(seq=row.seq, page=row.page, text=row.text, start=row.raw_start, end=row.raw_end,
                   kind=row.kind, page_estimated=bool(row.page_estimated))


def stage(row: Any) -> StageReport:
    """A :class:`StageReport` from a ``stage_outputs`` row."""
    return StageReport(name=row.name, text=row.text, details=dict(row.details or {}))
