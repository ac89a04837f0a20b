"""The relational schema (SQLAlchemy declarative models).

The migrations in ``ima/store/migrations`` create these tables; the models
are what the repository queries. Backend-specific full-text objects (the
SQLite FTS5 table and its triggers, the PostgreSQL ``tsvector`` column and
GIN index) exist only in the migrations and are reached through SQL in
:mod:`ima.store.search`.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# JSONB on PostgreSQL (indexable, compact), plain JSON text elsewhere.
JSONType = JSON().with_variant(JSONB(), "postgresql")


class Base(DeclarativeBase):
    """Declarative base of ima's tables."""


def _document_fk() -> Mapped[int]:
    return mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), nullable=False)


class Document(Base):
    """One stored version of a source document."""

    __tablename__ = "documents"
    __table_args__ = (
        UniqueConstraint("source", "version", name="uq_documents_source_version"),
        Index("ix_documents_source_current", "source", "is_current"),
        Index("ix_documents_date", "date"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(Text, nullable=False)
    content_hash: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    is_current: Mapped[bool] = mapped_column(Boolean, nullable=False)
    size: Mapped[int] = mapped_column(Integer, nullable=False)
    format: Mapped[str] = mapped_column(String(16), nullable=False)
    encoding: Mapped[str | None] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(32), nullable=False)
    title: Mapped[str | None] = mapped_column(Text)
    subject: Mapped[str | None] = mapped_column(Text)
    date: Mapped[dt.date | None] = mapped_column(Date)
    addressee: Mapped[str | None] = mapped_column(String(32))
    kenmerk: Mapped[str | None] = mapped_column(Text)
    directorate: Mapped[str | None] = mapped_column(Text)
    kamerstuk_dossier: Mapped[str | None] = mapped_column(String(32))
    kamerstuk_number: Mapped[str | None] = mapped_column(String(32))
    kamerstuk_year: Mapped[str | None] = mapped_column(String(16))
    # Provenance per field, structured metadata from the format, extraction warnings.
    meta: Mapped[dict] = mapped_column("metadata", JSONType, nullable=False)
    raw_text: Mapped[str] = mapped_column(Text, nullable=False)
    clean_text: Mapped[str] = mapped_column(Text, nullable=False)
    page_count: Mapped[int] = mapped_column(Integer, nullable=False)
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), nullable=False)


class Signatory(Base):
    """Someone who signed a document, in signing order."""

    __tablename__ = "signatories"
    __table_args__ = (UniqueConstraint("document_id", "position", name="uq_signatories_position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = _document_fk()
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    name: Mapped[str] = mapped_column(Text, nullable=False)
    office: Mapped[str | None] = mapped_column(Text)


class Footnote(Base):
    """A footnote of a document."""

    __tablename__ = "footnotes"
    __table_args__ = (UniqueConstraint("document_id", "position", name="uq_footnotes_position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = _document_fk()
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    number: Mapped[int] = mapped_column(Integer, nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    page: Mapped[int | None] = mapped_column(Integer)
    references: Mapped[list] = mapped_column(JSONType, nullable=False)
    raw_start: Mapped[int | None] = mapped_column(Integer)
    raw_end: Mapped[int | None] = mapped_column(Integer)


class Page(Base):
    """A page's clean text, what was removed from it, and its raw span.

    ``position`` orders pages; ``number`` is the printed number, which an
    estimate can repeat.
    """

    __tablename__ = "pages"
    __table_args__ = (UniqueConstraint("document_id", "position", name="uq_pages_position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = _document_fk()
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    number: Mapped[int] = mapped_column(Integer, nullable=False)
    estimated: Mapped[bool] = mapped_column(Boolean, nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    removed: Mapped[list] = mapped_column(JSONType, nullable=False)
    unattributed: Mapped[int] = mapped_column(Integer, nullable=False)
    raw_start: Mapped[int] = mapped_column(Integer, nullable=False)
    raw_end: Mapped[int] = mapped_column(Integer, nullable=False)


class Passage(Base):
    """A clean passage: the unit of full-text search.

    ``search_text`` is what the full-text index is built from: the folded
    words (PostgreSQL stems them with ``ima_dutch``, its ``dutch``
    configuration without stop words) or, on
    SQLite, their Snowball stems (FTS5 has no Dutch stemmer).
    """

    __tablename__ = "passages"
    __table_args__ = (
        UniqueConstraint("document_id", "seq", name="uq_passages_seq"),
        Index("ix_passages_document_page", "document_id", "page"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = _document_fk()
    seq: Mapped[int] = mapped_column(Integer, nullable=False)
    page: Mapped[int] = mapped_column(Integer, nullable=False)
    page_estimated: Mapped[bool] = mapped_column(Boolean, nullable=False)
    kind: Mapped[str] = mapped_column(String(32), nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    raw_start: Mapped[int] = mapped_column(Integer, nullable=False)
    raw_end: Mapped[int] = mapped_column(Integer, nullable=False)
    search_text: Mapped[str] = mapped_column(Text, nullable=False)


class StageOutput(Base):
    """The text after one ingestion stage, kept so users can see what each stage did."""

    __tablename__ = "stage_outputs"
    __table_args__ = (UniqueConstraint("document_id", "position", name="uq_stage_outputs_position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = _document_fk()
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    name: Mapped[str] = mapped_column(String(64), nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    details: Mapped[dict] = mapped_column(JSONType, nullable=False)


class Fact(Base):
    """One entity or figure mentioned in a passage (``kind``: country, region, organisation,
    money, count, percent, date, motion, commitment, reference).

    ``key`` is what queries select on: ISO 3166 alpha-3 or a region id, an
    organisation id, a currency, an ISO date, a Kamerstuk identifier. ``start``
    and ``end`` are offsets in the passage's clean text; ``payload`` keeps the
    mention's remaining fields.
    """

    __tablename__ = "facts"
    __table_args__ = (
        Index("ix_facts_kind_key", "kind", "key"),
        Index("ix_facts_document_passage", "document_id", "passage_seq"),
        # covers "which passages of which documents mention this place" (dossiers, country pages)
        Index("ix_facts_key_kind_document", "key", "kind", "document_id", "passage_seq"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = _document_fk()
    passage_seq: Mapped[int] = mapped_column(Integer, nullable=False)
    page: Mapped[int] = mapped_column(Integer, nullable=False)
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    key: Mapped[str | None] = mapped_column(String(64))
    value: Mapped[float | None] = mapped_column(Float)
    low: Mapped[float | None] = mapped_column(Float)
    high: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(Text)
    qualifier: Mapped[str | None] = mapped_column(String(32))
    period: Mapped[str | None] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text, nullable=False)
    start: Mapped[int] = mapped_column(Integer, nullable=False)
    end: Mapped[int] = mapped_column(Integer, nullable=False)
    payload: Mapped[dict] = mapped_column(JSONType, nullable=False)


class PassagePillarRow(Base):
    """A pillar a passage is about (one row per passage and pillar), with the classifier's score."""

    __tablename__ = "passage_pillars"
    __table_args__ = (Index("ix_passage_pillars_pillar", "pillar", "document_id", "passage_seq"),
                      # the pillars of given documents' passages (dossiers) without a full scan
                      Index("ix_passage_pillars_document", "document_id", "passage_seq", "pillar"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = _document_fk()
    passage_seq: Mapped[int] = mapped_column(Integer, nullable=False)
    pillar: Mapped[int] = mapped_column(Integer, nullable=False)
    score: Mapped[float] = mapped_column(Float, nullable=False)


TABLES = ("documents", "signatories", "footnotes", "pages", "passages", "stage_outputs", "facts", "passage_pillars")


class User(Base):
    """An account of the web app: readers read, editors edit curated data, admins manage users."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(80), nullable=False, unique=True)
    password_hash: Mapped[str] = mapped_column(String(255), nullable=False)
    role: Mapped[str] = mapped_column(String(16), nullable=False)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), nullable=False)


class AuditEntry(Base):
    """One change to curated data: who, when, what (before and after, as JSON)."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_entity", "entity_kind", "entity_key", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    actor: Mapped[str] = mapped_column(String(80), nullable=False)
    action: Mapped[str] = mapped_column(String(16), nullable=False)
    entity_kind: Mapped[str] = mapped_column(String(40), nullable=False)
    entity_key: Mapped[str] = mapped_column(String(200), nullable=False)
    before: Mapped[dict | None] = mapped_column(JSONType, nullable=True)
    after: Mapped[dict | None] = mapped_column(JSONType, nullable=True)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)


# --- programmes and budgets (migration 0005) ---------------------------------


def _programme_fk() -> Mapped[int]:
    return mapped_column(ForeignKey("programmes.id", ondelete="CASCADE"), nullable=False)


class ProgrammeRow(Base):
    """A funded programme (project): who implements it, when, with what money, from which source."""

    __tablename__ = "programmes"
    __table_args__ = (UniqueConstraint("source", "source_id", name="uq_programmes_source_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(40), nullable=False)
    source_id: Mapped[str] = mapped_column(String(120), nullable=False)
    title: Mapped[str] = mapped_column(Text, nullable=False)
    funder: Mapped[str | None] = mapped_column(Text)
    partner: Mapped[str | None] = mapped_column(Text)
    oda: Mapped[bool | None] = mapped_column(Boolean)
    start: Mapped[dt.date | None] = mapped_column(Date)
    end: Mapped[dt.date | None] = mapped_column(Date)
    currency: Mapped[str] = mapped_column(String(3), nullable=False)
    status: Mapped[str | None] = mapped_column(String(40))
    total_budget: Mapped[float | None] = mapped_column(Float)
    # What the source says beyond the columns above (themes, window, links, comments).
    details: Mapped[dict] = mapped_column(JSONType, nullable=False)


class ProgrammeAreaRow(Base):
    """A country (ISO 3166 alpha-3) or region id a programme covers."""

    __tablename__ = "programme_areas"
    __table_args__ = (
        UniqueConstraint("programme_id", "code", name="uq_programme_areas_code"),
        Index("ix_programme_areas_code", "code"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    programme_id: Mapped[int] = _programme_fk()
    code: Mapped[str] = mapped_column(String(64), nullable=False)
    kind: Mapped[str] = mapped_column(String(16), nullable=False)


class ProgrammePillarRow(Base):
    """A pillar (1–6) a programme serves."""

    __tablename__ = "programme_pillars"
    __table_args__ = (UniqueConstraint("programme_id", "pillar", name="uq_programme_pillars_pillar"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    programme_id: Mapped[int] = _programme_fk()
    pillar: Mapped[int] = mapped_column(Integer, nullable=False)


class ProgrammeBudgetRow(Base):
    """The amount of a programme budgeted for one year (in the programme's currency)."""

    __tablename__ = "programme_budgets"
    __table_args__ = (UniqueConstraint("programme_id", "year", name="uq_programme_budgets_year"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    programme_id: Mapped[int] = _programme_fk()
    # None when the source gives no year at all (the amount still counts in totals).
    year: Mapped[int | None] = mapped_column(Integer)
    amount: Mapped[float] = mapped_column(Float, nullable=False)


class ProgrammeIndicatorRow(Base):
    """A result indicator: baseline, target and actual, each with its date."""

    __tablename__ = "programme_indicators"
    __table_args__ = (UniqueConstraint("programme_id", "position", name="uq_programme_indicators_position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    programme_id: Mapped[int] = _programme_fk()
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    name: Mapped[str] = mapped_column(Text, nullable=False)
    unit: Mapped[str | None] = mapped_column(String(40))
    baseline: Mapped[float | None] = mapped_column(Float)
    baseline_date: Mapped[dt.date | None] = mapped_column(Date)
    target: Mapped[float | None] = mapped_column(Float)
    target_date: Mapped[dt.date | None] = mapped_column(Date)
    actual: Mapped[float | None] = mapped_column(Float)
    actual_date: Mapped[dt.date | None] = mapped_column(Date)
    source_ref: Mapped[str | None] = mapped_column(Text)
    # Values the source wrote as text rather than numbers ("90%", "NULL", a sentence), kept as written.
    note: Mapped[str | None] = mapped_column(Text)


class ProgrammeSideEffectRow(Base):
    """A side effect reported for a programme (``negative`` ones call for a decision)."""

    __tablename__ = "programme_side_effects"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    programme_id: Mapped[int] = _programme_fk()
    reported: Mapped[dt.date | None] = mapped_column(Date)
    nature: Mapped[str] = mapped_column(String(16), nullable=False)
    description: Mapped[str] = mapped_column(Text, nullable=False)
    source_ref: Mapped[str | None] = mapped_column(Text)


class ProgrammeEvaluationRow(Base):
    """An evaluation of a programme: when it is due and when (if) it was done."""

    __tablename__ = "programme_evaluations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    programme_id: Mapped[int] = _programme_fk()
    kind: Mapped[str] = mapped_column(String(40), nullable=False)
    due: Mapped[dt.date] = mapped_column(Date, nullable=False)
    done: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)


PROGRAMME_TABLES = ("programmes", "programme_areas", "programme_pillars", "programme_budgets",
                    "programme_indicators", "programme_side_effects", "programme_evaluations")
