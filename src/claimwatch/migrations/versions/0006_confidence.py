"""How sure: every incident and claim keeps a confidence (0-1, calibrated on our own labels, `confidence.py`),
indexed for `min_confidence` filters, and an incident keeps the firmness of its figures (JSON: field ->
"exact", "bounded", "claimant", "explicit", ...). Rows stored before have none (NULL): a confidence filter
leaves them out until the documents are extracted again.

Revision ID: 0006_confidence
Revises: 0005_postgres_search
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_confidence"
down_revision = "0005_postgres_search"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("incidents") as batch:
        batch.add_column(sa.Column("confidence", sa.Float))
        batch.add_column(sa.Column("firmness", sa.Text))
    with op.batch_alter_table("claims") as batch:
        batch.add_column(sa.Column("confidence", sa.Float))
    op.create_index("ix_incidents_confidence", "incidents", ["confidence"])
    op.create_index("ix_claims_confidence", "claims", ["confidence"])


def downgrade() -> None:
    op.drop_index("ix_claims_confidence", "claims")
    op.drop_index("ix_incidents_confidence", "incidents")
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("confidence")
    with op.batch_alter_table("incidents") as batch:
        batch.drop_column("firmness")
        batch.drop_column("confidence")
