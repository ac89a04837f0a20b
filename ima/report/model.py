"""What a yearly progress report holds: plain values, gathered by the report service.

Every statement the report makes carries a :class:`Citation` (document, page,
passage), so the renderer can footnote it; nothing here does I/O or formatting.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """A document of the record the report cites, with what identifies it to a reader."""

    id: int
    title: str | None
    date: dt.date | None
    kind: str
    kenmerk: str | None = None
    kamerstuk: str | None = None  # "19 637, nr. 2395"
    addressee: str | None = None
    source: str = ""  # file name as ingested
    pages: int = 0


@dataclass(frozen=True, slots=True)
class Citation:
    """Where a statement stands: a document, its printed page (estimated or not), a passage."""

    document: SourceDocument
    page: int
    page_estimated: bool = False
    passage_seq: int | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """A passage of the record, quoted (possibly shortened at a sentence end) with its source."""

    text: str
    citation: Citation
    pillars: tuple[int, ...] = ()
    shortened: bool = False


@dataclass(frozen=True, slots=True)
class FigureLine:
    """A figure of the record (money, count, percentage) and the sentence it stands in."""

    kind: str
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    qualifier: str | None
    period: str | None
    as_written: str
    sentence: str
    citation: Citation


@dataclass(frozen=True, slots=True)
class CountryCount:
    """A country or region named in a part of the report: how often, in how many passages."""

    code: str
    name: str
    mentions: int
    passages: int


@dataclass(frozen=True, slots=True)
class MotionLine:
    """A motion (*motie*) the record mentions, with its status as the record gives it."""

    name: str
    submitters: tuple[str, ...]
    identifier: str | None
    status: str | None
    subject: str | None
    sentence: str
    citation: Citation
    pillars: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class CommitmentLine:
    """A commitment to parliament (*toezegging*): what, its status, when it is due."""

    kind: str
    status: str
    due: str | None
    due_text: str | None
    sentence: str
    citation: Citation
    pillars: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class PillarSection:
    """One pillar's part of the report: passages, figures, countries, motions, commitments."""

    number: int
    title: str
    passage_count: int  # passages of the year classified under the pillar (quotes may be fewer)
    quotes: tuple[Quote, ...] = ()
    figures: tuple[FigureLine, ...] = ()
    countries: tuple[CountryCount, ...] = ()
    motions: tuple[MotionLine, ...] = ()
    commitments: tuple[CommitmentLine, ...] = ()


@dataclass(frozen=True, slots=True)
class Indicator:
    """A country indicator (from the analysis layer when it is there), with its source."""

    name: str
    value: float | None
    unit: str | None = None
    year: int | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class CountryAnnex:
    """The annex of one focus country: rank and indicators when known, and what the year's record says."""

    code: str
    name: str
    mentions: int
    rank: int | None = None
    ranked_of: int | None = None
    score: float | None = None
    indicators: tuple[Indicator, ...] = ()
    pillar_passages: tuple[tuple[int, int], ...] = ()  # (pillar, passages about the country)
    quotes: tuple[Quote, ...] = ()
    figures: tuple[FigureLine, ...] = ()


@dataclass(frozen=True, slots=True)
class YearReport:
    """The yearly progress report to parliament, per pillar, for one calendar year.

    ``documents`` are the record's documents dated in ``year``; ``focus_basis``
    says how the annex countries were chosen (``"ranking"``, ``"mentions"``, or
    ``"none"`` when none were asked for).
    """

    year: int
    lang: str
    generated_on: dt.date
    documents: tuple[SourceDocument, ...]
    sections: tuple[PillarSection, ...]
    motions: tuple[MotionLine, ...] = ()
    commitments: tuple[CommitmentLine, ...] = ()
    annexes: tuple[CountryAnnex, ...] = ()
    focus_basis: str = "mentions"
    passages_total: int = 0
    unclassified: int = 0
    max_quotes: int = 8  # quotes per pillar at most (the method annex says so)
    link_base: str | None = None  # web app URL: footnotes then also link to the document page there
    notes: list[str] = field(default_factory=list)  # caveats the report states in its method annex
