"""Initial schema: documents and their parts, with full-text search on passages.

Revision ID: 0001
Revises:
Create Date: 2025-06-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

JSONType = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def _document_fk() -> sa.Column:
    return sa.Column("document_id", sa.Integer,
                     sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False)


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("is_current", sa.Boolean, nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("format", sa.String(16), nullable=False),
        sa.Column("encoding", sa.String(64)),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("subject", sa.Text),
        sa.Column("date", sa.Date),
        sa.Column("addressee", sa.String(32)),
        sa.Column("kenmerk", sa.Text),
        sa.Column("directorate", sa.Text),
        sa.Column("kamerstuk_dossier", sa.String(32)),
        sa.Column("kamerstuk_number", sa.String(32)),
        sa.Column("kamerstuk_year", sa.String(16)),
        sa.Column("metadata", JSONType, nullable=False),
        sa.Column("raw_text", sa.Text, nullable=False),
        sa.Column("clean_text", sa.Text, nullable=False),
        sa.Column("page_count", sa.Integer, nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("source", "version", name="uq_documents_source_version"),
    )
    op.create_index("ix_documents_source_current", "documents", ["source", "is_current"])
    op.create_index("ix_documents_date", "documents", ["date"])

    op.create_table(
        "signatories",
        sa.Column("id", sa.Integer, primary_key=True),
        _document_fk(),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("office", sa.Text),
        sa.UniqueConstraint("document_id", "position", name="uq_signatories_position"),
    )
    op.create_table(
        "footnotes",
        sa.Column("id", sa.Integer, primary_key=True),
        _document_fk(),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("page", sa.Integer),
        sa.Column("references", JSONType, nullable=False),
        sa.Column("raw_start", sa.Integer),
        sa.Column("raw_end", sa.Integer),
        sa.UniqueConstraint("document_id", "position", name="uq_footnotes_position"),
    )
    op.create_table(
        "pages",
        sa.Column("id", sa.Integer, primary_key=True),
        _document_fk(),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("estimated", sa.Boolean, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("removed", JSONType, nullable=False),
        sa.Column("unattributed", sa.Integer, nullable=False),
        sa.Column("raw_start", sa.Integer, nullable=False),
        sa.Column("raw_end", sa.Integer, nullable=False),
        sa.UniqueConstraint("document_id", "position", name="uq_pages_position"),
    )
    op.create_table(
        "passages",
        sa.Column("id", sa.Integer, primary_key=True),
        _document_fk(),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("page", sa.Integer, nullable=False),
        sa.Column("page_estimated", sa.Boolean, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("raw_start", sa.Integer, nullable=False),
        sa.Column("raw_end", sa.Integer, nullable=False),
        sa.Column("search_text", sa.Text, nullable=False),
        sa.UniqueConstraint("document_id", "seq", name="uq_passages_seq"),
    )
    op.create_index("ix_passages_document_page", "passages", ["document_id", "page"])
    op.create_table(
        "stage_outputs",
        sa.Column("id", sa.Integer, primary_key=True),
        _document_fk(),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("details", JSONType, nullable=False),
        sa.UniqueConstraint("document_id", "position", name="uq_stage_outputs_position"),
    )

    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _sqlite_fulltext()
    elif dialect == "postgresql":
        _postgresql_fulltext()


def _sqlite_fulltext() -> None:
    # External-content FTS5 index over passages.search_text (folded Snowball
    # stems, computed in Python), kept in sync by triggers so no code path
    # that writes passages can forget it. Diacritics are already folded;
    # unicode61 only has to split on spaces and lowercase.
    op.execute(
        "CREATE VIRTUAL TABLE passages_fts USING fts5("
        "search_text, content='passages', content_rowid='id', tokenize='unicode61 remove_diacritics 0')"
    )
    op.execute(
        "CREATE TRIGGER passages_fts_insert AFTER INSERT ON passages BEGIN "
        "INSERT INTO passages_fts(rowid, search_text) VALUES (new.id, new.search_text); END"
    )
    op.execute(
        "CREATE TRIGGER passages_fts_delete AFTER DELETE ON passages BEGIN "
        "INSERT INTO passages_fts(passages_fts, rowid, search_text) "
        "VALUES ('delete', old.id, old.search_text); END"
    )
    op.execute(
        "CREATE TRIGGER passages_fts_update AFTER UPDATE ON passages BEGIN "
        "INSERT INTO passages_fts(passages_fts, rowid, search_text) "
        "VALUES ('delete', old.id, old.search_text); "
        "INSERT INTO passages_fts(rowid, search_text) VALUES (new.id, new.search_text); END"
    )


def _postgresql_fulltext() -> None:
    # ima_dutch is PostgreSQL's dutch configuration (same Snowball stemmer)
    # minus its stop-word list: stop words stay in the index so a phrase such
    # as "minder illegaliteit, meer terugkeer" matches exactly, as on SQLite.
    # The query parser drops stop words from plain terms on both backends.
    op.execute("CREATE TEXT SEARCH DICTIONARY ima_dutch_stem (TEMPLATE = snowball, Language = dutch)")
    op.execute("CREATE TEXT SEARCH CONFIGURATION ima_dutch (COPY = pg_catalog.dutch)")
    op.execute("ALTER TEXT SEARCH CONFIGURATION ima_dutch ALTER MAPPING REPLACE dutch_stem WITH ima_dutch_stem")
    # search_text holds folded words. The regconfig cast makes the expression
    # immutable, as a generated column requires.
    op.execute(
        "ALTER TABLE passages ADD COLUMN search_vector tsvector "
        "GENERATED ALWAYS AS (to_tsvector('ima_dutch'::regconfig, search_text)) STORED"
    )
    op.execute("CREATE INDEX ix_passages_search_vector ON passages USING gin (search_vector)")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for trigger in ("passages_fts_insert", "passages_fts_delete", "passages_fts_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS passages_fts")
    for table in ("stage_outputs", "passages", "pages", "footnotes", "signatories", "documents"):
        op.drop_table(table)
    if dialect == "postgresql":
        op.execute("DROP TEXT SEARCH CONFIGURATION IF EXISTS ima_dutch")
        op.execute("DROP TEXT SEARCH DICTIONARY IF EXISTS ima_dutch_stem")
