"""Reading the record: list, show and export documents."""

from __future__ import annotations

from ima.domain.record import DocumentSummary, StoredDocument
from ima.store import Store

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
