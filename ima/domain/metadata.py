"""Metadata of letters and parliamentary papers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum


class DocumentKind(str, Enum):
    """What a document is, as far as parliament is concerned."""

    LETTER = "letter"  # letter to parliament (Kamerbrief)
    PARLIAMENTARY_PAPER = "parliamentary_paper"  # Kamerstuk as published
    OTHER = "other"


class Chamber(str, Enum):
    """The two chambers of the States General."""

    TWEEDE_KAMER = "Tweede Kamer"
    EERSTE_KAMER = "Eerste Kamer"


@dataclass(frozen=True, slots=True)
class Signatory:
    """Someone who signed: a name and the office they signed in."""

    name: str
    office: str | None = None


@dataclass(frozen=True, slots=True)
class KamerstukRef:
    """A Kamerstuk identifier: dossier (with toevoeging), number and parliamentary year.

    ``number`` is a string because Eerste Kamer numbers are letters (e.g. ``J``).
    """

    dossier: str  # e.g. "19637" or "35300-VI"
    number: str  # e.g. "2395"
    year: str | None = None  # vergaderjaar, e.g. "2017-2018"

    def __str__(self) -> str:
        return f"{self.dossier} nr. {self.number}"

    @property
    def identifier(self) -> str:
        """The officielebekendmakingen identifier, e.g. ``kst-19637-2395``."""
        return f"kst-{self.dossier}-{self.number}"


@dataclass(frozen=True, slots=True)
class Footnote:
    """A footnote: its number, text, the page it sits on and what it cites."""

    number: int
    text: str
    page: int | None = None
    references: tuple[str, ...] = ()
    start: int | None = None  # span in the raw text
    end: int | None = None


@dataclass(frozen=True, slots=True)
class DocumentMetadata:
    """What a document says about itself.

    ``provenance`` maps a field name to where its value came from
    (``"text"`` when parsed from the document, or the name of an official
    metadata record), so a user can tell read values from looked-up ones.
    """

    kind: DocumentKind = DocumentKind.OTHER
    title: str | None = None
    subject: str | None = None
    date: dt.date | None = None
    addressee: Chamber | None = None
    kenmerk: str | None = None
    directorate: str | None = None
    signatories: tuple[Signatory, ...] = ()
    kamerstuk: KamerstukRef | None = None
    footnotes: tuple[Footnote, ...] = ()
    provenance: dict[str, str] = field(default_factory=dict)
