"""Claim judgements kept in the store (usual delay range, anomaly, group profile) and indexes for every filter.

Revision ID: 0003_judgements_indexes
Revises: 0002_trace
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_judgements_indexes"
down_revision = "0002_trace"
branch_labels = None
depends_on = None

ID = sa.String(40)


def upgrade() -> None:
    op.create_table(
        "claim_judgements",
        sa.Column("claim_id", ID, primary_key=True, nullable=False),
        sa.Column("group_name", sa.Text, nullable=False, index=True),
        sa.Column("anomaly_kind", sa.String(8), index=True),
        sa.Column("usual", sa.Text, nullable=False),
    )
    op.create_table(
        "group_profiles",
        sa.Column("name", sa.Text, primary_key=True, nullable=False),
        sa.Column("claims", sa.Integer, nullable=False),
        sa.Column("profile", sa.Text, nullable=False),
    )
    op.create_index("ix_incidents_order", "incidents", ["date_start", "first_seen", "id"])
    op.create_index("ix_incidents_country_order", "incidents", ["country_code", "date_start", "first_seen", "id"])
    op.create_index("ix_claims_order", "claims", ["incident_id", "first_seen", "id"])
    op.create_index("ix_documents_published", "documents", ["published", "id"])
    op.create_index("ix_evidence_fact", "evidence", ["fact_kind", "fact_id"])


def downgrade() -> None:
    op.drop_index("ix_evidence_fact", "evidence")
    op.drop_index("ix_documents_published", "documents")
    op.drop_index("ix_claims_order", "claims")
    op.drop_index("ix_incidents_country_order", "incidents")
    op.drop_index("ix_incidents_order", "incidents")
    op.drop_table("group_profiles")
    op.drop_table("claim_judgements")
