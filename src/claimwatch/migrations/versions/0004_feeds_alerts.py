"""The feed watcher's state and the alert outbox: feed_sources, feed_items, alerts.

Revision ID: 0004_feeds_alerts
Revises: 0003_judgements_indexes
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_feeds_alerts"
down_revision = "0003_judgements_indexes"
branch_labels = None
depends_on = None

ID = sa.String(40)


def upgrade() -> None:
    op.create_table(
        "feed_sources",
        sa.Column("id", ID, primary_key=True, nullable=False),
        sa.Column("url", sa.Text, nullable=False, unique=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("every_seconds", sa.Integer, nullable=False),
        sa.Column("origin", sa.String(16), nullable=False),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("next_poll_at", sa.DateTime, nullable=False),
        sa.Column("last_polled_at", sa.DateTime),
        sa.Column("last_ok_at", sa.DateTime),
        sa.Column("last_error", sa.Text),
        sa.Column("error_count", sa.Integer, nullable=False),
        sa.Column("items_seen", sa.Integer, nullable=False),
        sa.Column("added_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "feed_items",
        sa.Column("id", ID, primary_key=True, nullable=False),
        sa.Column("source_id", ID, sa.ForeignKey("feed_sources.id"), nullable=False),
        sa.Column("url", sa.Text, nullable=False, unique=True),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.DateTime),
        sa.Column("first_seen", sa.DateTime, nullable=False),
        sa.Column("fetched_at", sa.DateTime),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("document_id", ID),
        sa.Column("error", sa.Text),
    )
    op.create_index("ix_feed_items_source_id", "feed_items", ["source_id"])
    op.create_index("ix_feed_items_status", "feed_items", ["status"])
    op.create_table(
        "alerts",
        sa.Column("id", ID, primary_key=True, nullable=False),
        sa.Column("rule", sa.Text, nullable=False),
        sa.Column("fact", sa.Text, nullable=False),
        sa.Column("destination", sa.Text, nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("next_attempt_at", sa.DateTime, nullable=False),
        sa.Column("sent_at", sa.DateTime),
        sa.Column("last_error", sa.Text),
    )
    op.create_index("ix_alerts_created_at", "alerts", ["created_at"])
    op.create_index("ix_alerts_status", "alerts", ["status"])


def downgrade() -> None:
    op.drop_table("alerts")
    op.drop_table("feed_items")
    op.drop_table("feed_sources")
