"""Provenance: every incident and claim report keeps its trace (the rule and cue ids that produced it), and
`extractor_version` holds the pipeline's composite version (components and models), longer than 64 characters.

Revision ID: 0002_trace
Revises: 0001_initial
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_trace"
down_revision = "0001_initial"
branch_labels = None
depends_on = None

VERSIONED = ("documents", "incidents", "incident_reports", "claims", "claim_reports", "evidence",
             "casualty_reports", "quotes")
TRACED = ("incident_reports", "claim_reports")


def upgrade() -> None:
    for table in VERSIONED:
        with op.batch_alter_table(table) as batch:
            batch.alter_column("extractor_version", type_=sa.Text, existing_type=sa.String(64), existing_nullable=False)
            if table in TRACED:
                batch.add_column(sa.Column("trace", sa.Text))  # JSON list of rule and cue ids


def downgrade() -> None:
    for table in VERSIONED:
        with op.batch_alter_table(table) as batch:
            if table in TRACED:
                batch.drop_column("trace")
            batch.alter_column("extractor_version", type_=sa.String(64), existing_type=sa.Text, existing_nullable=False)
