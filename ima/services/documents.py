"""Reading the record: list, show and export documents."""

from __future__ import annotations

import json
from dataclasses import asdict
from enum import Enum

from ima.domain.record import DocumentSummary, StoredDocument
from ima.store import Store

EXPORT_FORMATS = ("text", "markdown", "json")


def list_documents(store: Store, *, all_versions: bool = False) -> list[DocumentSummary]:
    """The documents in the record (current versions unless ``all_versions``)."""
    return store.documents(all_versions=all_versions)


def get_document(store: Store, document_id: int) -> StoredDocument:
    """One stored document with pages, passages and stage outputs; ``DocumentNotFound`` if absent."""
    return store.document(document_id)


def page_text(doc: StoredDocument, page: int | None = None, *, raw: bool = False) -> str:
    """The clean text (or the untouched extraction with ``raw``) of the document or one page."""
    if page is not None:
        numbers = [p.number for p in doc.pages]
        if page not in numbers:
            raise ValueError(f"document {doc.summary.id} has no page {page} (pages: {_ranges(numbers)})")
    if raw:
        if page is None:
            return doc.raw_text
        stored = next(p for p in doc.pages if p.number == page)
        return doc.raw_text[stored.raw_start:stored.raw_end]
    pages = [p for p in doc.pages if page is None or p.number == page]
    return "\n\f\n".join(_page_body(doc, p.number) for p in pages)


def _page_body(doc: StoredDocument, number: int) -> str:
    return "\n\n".join(p.text for p in doc.passages if p.page == number)


def _ranges(numbers: list[int]) -> str:
    if not numbers:
        return "none"
    return f"{min(numbers)}–{max(numbers)}" if len(numbers) > 1 else str(numbers[0])


def _jsonable(value):
    if isinstance(value, Enum):
        return value.value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


def document_dict(doc: StoredDocument) -> dict:
    """The whole document as plain JSON-ready data: metadata, pages, passages with raw offsets."""
    meta = asdict(doc.metadata)
    return _jsonable({
        "id": doc.summary.id,
        "source": doc.summary.source,
        "version": doc.summary.version,
        "content_hash": doc.summary.content_hash,
        "format": doc.summary.format,
        "encoding": doc.summary.encoding,
        "metadata": meta,
        "pages": [{"number": p.number, "estimated": p.estimated, "text": p.text, "raw_start": p.raw_start,
                   "raw_end": p.raw_end, "unattributed": p.unattributed,
                   "removed": [{"text": t, "reason": r, "start": s, "end": e} for t, r, s, e in p.removed]}
                  for p in doc.pages],
        "passages": [{"seq": p.seq, "page": p.page, "page_estimated": p.page_estimated, "kind": p.kind,
                      "text": p.text, "start": p.start, "end": p.end} for p in doc.passages],
        "stages": [{"name": s.name, "details": s.details} for s in doc.stages],
        "raw_text": doc.raw_text,
    })


def _markdown(doc: StoredDocument) -> str:
    m = doc.metadata
    lines = [f"# {m.title or m.subject or doc.summary.source}", ""]
    facts = [("Soort", m.kind.value if m.kind else None), ("Datum", m.date.isoformat() if m.date else None),
             ("Aan", m.addressee.value if m.addressee else None), ("Onderwerp", m.subject),
             ("Kenmerk", m.kenmerk), ("Kamerstuk", str(m.kamerstuk) if m.kamerstuk else None),
             ("Ondertekening", "; ".join(f"{s.name} ({s.office})" if s.office else s.name for s in m.signatories))]
    lines += [f"- **{k}**: {v}" for k, v in facts if v]
    for page in doc.pages:
        lines += ["", f"## Pagina {page.number}{' (geschat)' if page.estimated else ''}", ""]
        for passage in (p for p in doc.passages if p.page == page.number):
            prefix = "### " if passage.kind == "heading" else "- " if passage.kind == "list_item" else ""
            lines += [prefix + passage.text, ""]
    if m.footnotes:
        lines += ["## Voetnoten", ""] + [f"[^{f.number}]: {f.text}" for f in m.footnotes]
    return "\n".join(lines).rstrip() + "\n"


def export_document(doc: StoredDocument, fmt: str) -> str:
    """The clean document as ``text``, ``markdown`` or ``json``."""
    if fmt == "text":
        return page_text(doc) + "\n"
    if fmt == "markdown":
        return _markdown(doc)
    if fmt == "json":
        return json.dumps(document_dict(doc), ensure_ascii=False, indent=2) + "\n"
    raise ValueError(f"unknown export format {fmt!r}: choose one of {', '.join(EXPORT_FORMATS)}")
