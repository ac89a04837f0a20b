"""Facts: entities and figures per passage.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

JSONType = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "facts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("passage_seq", sa.Integer, nullable=False),
        sa.Column("page", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("key", sa.String(64)),
        sa.Column("value", sa.Float),
        sa.Column("low", sa.Float),
        sa.Column("high", sa.Float),
        sa.Column("unit", sa.Text),
        sa.Column("qualifier", sa.String(32)),
        sa.Column("period", sa.String(64)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("payload", JSONType, nullable=False),
    )
    op.create_index("ix_facts_kind_key", "facts", ["kind", "key"])
    op.create_index("ix_facts_document_passage", "facts", ["document_id", "passage_seq"])


def downgrade() -> None:
    op.drop_index("ix_facts_document_passage", table_name="facts")
    op.drop_index("ix_facts_kind_key", table_name="facts")
    op.drop_table("facts")
