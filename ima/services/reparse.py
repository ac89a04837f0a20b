"""Re-run the pipeline over stored documents after ima's stages improved.

The bytes a user ingested do not change, so ``ima ingest`` reports them
``unchanged``; what ima derives from them (clean pages, passages, metadata,
facts) does improve with new versions. Reparsing renews the derived rows
from the stored extraction, one transaction per document.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ima.domain.document import IngestOutcome
from ima.domain.record import DocumentSummary
from ima.ingest.pipeline import parse_extraction
from ima.store import Store


@dataclass(frozen=True, slots=True)
class ReparseOutcome:
    """One reparsed document: its id and title, pages before and after, or why it failed."""

    document_id: int
    title: str | None
    pages_before: int
    pages_after: int | None = None
    error: str | None = None


def reparse(store: Store, ids: list[int] | None = None,
            on_start: Callable[[int], None] | None = None) -> Iterator[ReparseOutcome]:
    """Reparse the given documents (default: every current one); each is its own transaction."""
    targets = [store.document(i).summary for i in ids] if ids else store.documents()
    if on_start:
        on_start(len(targets))
    for summary in targets:
        try:
            outcome = reparse_document(store, summary)
        except Exception as exc:  # a defect in a stage must cost one document, not the run
            yield ReparseOutcome(summary.id, summary.title, summary.pages,
                                 error=f"internal error {type(exc).__name__}: {exc}")
            continue
        yield ReparseOutcome(summary.id, outcome.title, summary.pages, outcome.pages)


def reparse_document(store: Store, summary: DocumentSummary) -> IngestOutcome:
    """Re-derive one stored document from its stored extraction, in one transaction."""
    extraction = store.extraction(summary.id)
    parsed = parse_extraction(extraction, source=summary.source, content_hash=summary.content_hash,
                              size=len(extraction.text))
    return store.replace_derived(summary.id, parsed)
