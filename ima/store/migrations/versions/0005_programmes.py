"""Programmes: areas, pillars, budgets per year, result indicators, side effects, evaluations.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_json = sa.JSON().with_variant(JSONB(), "postgresql")


def _programme_fk() -> sa.Column:
    return sa.Column("programme_id", sa.Integer, sa.ForeignKey("programmes.id", ondelete="CASCADE"), nullable=False)


def upgrade() -> None:
    op.create_table(
        "programmes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("source", sa.String(40), nullable=False),
        sa.Column("source_id", sa.String(120), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("funder", sa.Text),
        sa.Column("partner", sa.Text),
        sa.Column("oda", sa.Boolean),
        sa.Column("start", sa.Date),
        sa.Column("end", sa.Date),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("status", sa.String(40)),
        sa.Column("total_budget", sa.Float),
        sa.Column("details", _json, nullable=False),
        sa.UniqueConstraint("source", "source_id", name="uq_programmes_source_id"),
    )
    op.create_table(
        "programme_areas",
        sa.Column("id", sa.Integer, primary_key=True),
        _programme_fk(),
        sa.Column("code", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.UniqueConstraint("programme_id", "code", name="uq_programme_areas_code"),
    )
    op.create_index("ix_programme_areas_code", "programme_areas", ["code"])
    op.create_table(
        "programme_pillars",
        sa.Column("id", sa.Integer, primary_key=True),
        _programme_fk(),
        sa.Column("pillar", sa.Integer, nullable=False),
        sa.UniqueConstraint("programme_id", "pillar", name="uq_programme_pillars_pillar"),
    )
    op.create_table(
        "programme_budgets",
        sa.Column("id", sa.Integer, primary_key=True),
        _programme_fk(),
        sa.Column("year", sa.Integer),
        sa.Column("amount", sa.Float, nullable=False),
        sa.UniqueConstraint("programme_id", "year", name="uq_programme_budgets_year"),
    )
    op.create_table(
        "programme_indicators",
        sa.Column("id", sa.Integer, primary_key=True),
        _programme_fk(),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("unit", sa.String(40)),
        sa.Column("baseline", sa.Float),
        sa.Column("baseline_date", sa.Date),
        sa.Column("target", sa.Float),
        sa.Column("target_date", sa.Date),
        sa.Column("actual", sa.Float),
        sa.Column("actual_date", sa.Date),
        sa.Column("source_ref", sa.Text),
        sa.Column("note", sa.Text),
        sa.UniqueConstraint("programme_id", "position", name="uq_programme_indicators_position"),
    )
    op.create_table(
        "programme_side_effects",
        sa.Column("id", sa.Integer, primary_key=True),
        _programme_fk(),
        sa.Column("reported", sa.Date),
        sa.Column("nature", sa.String(16), nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("source_ref", sa.Text),
    )
    op.create_table(
        "programme_evaluations",
        sa.Column("id", sa.Integer, primary_key=True),
        _programme_fk(),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("due", sa.Date, nullable=False),
        sa.Column("done", sa.Date),
        sa.Column("note", sa.Text),
    )


def downgrade() -> None:
    for table in ("programme_evaluations", "programme_side_effects", "programme_indicators", "programme_budgets",
                  "programme_pillars"):
        op.drop_table(table)
    op.drop_index("ix_programme_areas_code", table_name="programme_areas")
    op.drop_table("programme_areas")
    op.drop_table("programmes")
