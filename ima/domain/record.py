"""Read-side records: what the store hands back about stored documents.

These are plain values, separate from :class:`ima.domain.document.ParsedDocument`
(the write side): a stored document has an id, a version and an ingestion time,
and its pages are kept as text rather than as lines with spans.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

from ima.domain.metadata import DocumentKind, DocumentMetadata
from ima.domain.text import Passage, StageReport

# Markers around a match in SearchHit.snippet. They are characters no real
# document uses, and the store strips them from passage text before marking,
# so a consumer can split on them without ambiguity (square brackets cannot be
# used that way: Kamerstukken are full of them).
MARK_START = "\u27e6"  # ⟦
MARK_END = "\u27e7"  # ⟧


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """One stored version of a document, without its text."""

    id: int
    source: str
    title: str | None
    date: dt.date | None
    kind: DocumentKind
    pages: int
    version: int
    is_current: bool
    content_hash: str
    encoding: str | None
    format: str
    ingested_at: dt.datetime
    pipeline: str | None = None  # version of the stages that derived its rows (None: before versions)


class RemovedLine(NamedTuple):
    """A line a stage removed from a page: its text, why, and its raw span."""

    text: str
    reason: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class StoredPage:
    """A page as stored: its printed number, clean text, what was removed, and its raw span."""

    number: int
    estimated: bool
    text: str
    removed: tuple[RemovedLine, ...] = ()
    unattributed: int = 0
    raw_start: int = 0
    raw_end: int = 0


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """Everything stored about one document version.

    ``versions`` lists every stored version of the same source (this one
    included), oldest first.
    """

    summary: DocumentSummary
    metadata: DocumentMetadata
    pages: tuple[StoredPage, ...]
    passages: tuple[Passage, ...]
    raw_text: str
    stages: tuple[StageReport, ...]
    versions: tuple[DocumentSummary, ...]

    @property
    def id(self) -> int:
        """The id of this version."""
        return self.summary.id


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One passage matching a search query.

    ``snippet`` is a window of about thirty words of ``text`` around the best
    cluster of matches, each match wrapped in :data:`MARK_START` /
    :data:`MARK_END`, whitespace collapsed and ``…`` where the window cuts
    the passage. ``highlights`` are the matches as ``(start, end)`` offsets
    into ``text`` (not into the snippet). ``raw_start``/``raw_end`` span the
    passage in the document's raw text. Higher ``score`` is better; scores
    are comparable only within one result list.
    """

    document_id: int
    title: str | None
    date: dt.date | None
    page: int
    page_estimated: bool
    passage_seq: int
    text: str
    snippet: str
    highlights: tuple[tuple[int, int], ...]
    score: float
    raw_start: int
    raw_end: int


@dataclass(frozen=True, slots=True)
class FactRecord:
    """A stored fact with where it stands: document, page, passage and its text.

    ``start``/``end`` are offsets of the mention in ``passage`` (the passage's clean text).
    """

    document_id: int
    title: str | None
    date: dt.date | None
    page: int
    page_estimated: bool
    passage_seq: int
    kind: str
    key: str | None
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    qualifier: str | None
    period: str | None
    text: str
    start: int
    end: int
    passage: str
    payload: dict


@dataclass(frozen=True, slots=True)
class SearchFilters:
    """What a search may be narrowed to: document kind, a country or region mentioned in the
    passage (ISO 3166 alpha-3 or region id), a date range, one document, a pillar (1–6)."""

    kind: str | None = None
    country: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    document_id: int | None = None
    pillar: int | None = None
