"""A parsed document and the outcome of ingesting one file."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from ima.domain.facts import Facts
from ima.domain.metadata import DocumentMetadata
from ima.domain.text import Page, Passage, StageReport


class SourceFormat(str, Enum):
    """The input formats ima reads."""

    PDF = "pdf"
    TEXT = "text"
    MARKDOWN = "markdown"
    XML = "xml"  # officielebekendmakingen structured XML
    HTML = "html"  # officielebekendmakingen HTML page


@dataclass(frozen=True, slots=True)
class Extraction:
    """What a format backend got out of a file, before any clean-up.

    ``text`` is the raw text all spans point into. ``page_breaks`` holds the
    offsets where a new page starts when the format knows its pages (PDF);
    ``None`` means the page structure has to be found in the text.
    """

    text: str
    format: SourceFormat
    encoding: str | None = None
    page_breaks: tuple[int, ...] | None = None
    structured: dict = field(default_factory=dict)  # metadata the format carries (XML/HTML)
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PassageFacts:
    """The entities and figures found in one passage (spans relative to the passage text)."""

    passage_seq: int
    facts: Facts


@dataclass(frozen=True, slots=True)
class PassagePillar:
    """A pillar a passage was classified under, with the classifier's score in [0, 1]."""

    passage_seq: int
    pillar: int
    score: float


@dataclass(frozen=True, slots=True)
class ParsedDocument:
    """A document after the whole ingestion pipeline, ready to be stored."""

    source: str  # where it came from (resolved path or upload name)
    content_hash: str  # sha256 of the bytes
    size: int
    extraction: Extraction
    pages: tuple[Page, ...]
    passages: tuple[Passage, ...]
    metadata: DocumentMetadata
    stages: tuple[StageReport, ...] = ()
    facts: tuple[PassageFacts, ...] = ()  # entities and figures, per passage that has any
    pillars: tuple[PassagePillar, ...] = ()  # the pillars each passage is about
    pipeline: str = ""  # version of the stages that produced it (see ima.ingest.pipeline.PIPELINE_VERSION)

    @property
    def raw_text(self) -> str:
        """The untouched extraction."""
        return self.extraction.text

    @property
    def clean_text(self) -> str:
        """The clean text, pages separated by form feeds."""
        return "\f".join(page.text for page in self.pages)


class IngestStatus(str, Enum):
    """What happened to one file in an ingest run."""

    NEW = "new"
    UNCHANGED = "unchanged"
    NEW_VERSION = "new version"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class IngestOutcome:
    """One row of an ingest run: a file, its status and, on failure, why."""

    path: str
    status: IngestStatus
    document_id: int | None = None
    title: str | None = None
    date: str | None = None  # ISO date
    pages: int | None = None
    reason: str | None = None
    encoding: str | None = None
    version: int | None = None


class IngestError(Exception):
    """A file that cannot be ingested; the message is the one-line reason for the user."""
