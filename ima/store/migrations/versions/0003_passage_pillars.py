"""Passage pillars: which of the six pillars each passage is about.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "passage_pillars",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("passage_seq", sa.Integer, nullable=False),
        sa.Column("pillar", sa.Integer, nullable=False),
        sa.Column("score", sa.Float, nullable=False),
    )
    op.create_index("ix_passage_pillars_pillar", "passage_pillars", ["pillar", "document_id", "passage_seq"])


def downgrade() -> None:
    op.drop_index("ix_passage_pillars_pillar", table_name="passage_pillars")
    op.drop_table("passage_pillars")
