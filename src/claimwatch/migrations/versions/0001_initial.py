"""The first schema: documents, incidents and their reports, claims, casualty reports, evidence, quotes, FTS.

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None

ID = sa.String(40)
VERSION = sa.String(64)


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", ID, primary_key=True, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("author", sa.Text),
        sa.Column("published", sa.DateTime),
        sa.Column("language", sa.String(16)),
        sa.Column("source", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("ingested_at", sa.DateTime, nullable=False),
        sa.Column("extractor_version", VERSION, nullable=False),
    )
    op.create_table(
        "incidents",
        sa.Column("id", ID, primary_key=True, nullable=False),
        sa.Column("date", sa.String(32)),
        sa.Column("date_precision", sa.String(8)),
        sa.Column("date_start", sa.Date, index=True),
        sa.Column("date_end", sa.Date, index=True),
        sa.Column("place_name", sa.Text),
        sa.Column("country_code", sa.String(2), index=True),
        sa.Column("admin1", sa.Text),
        sa.Column("geonameid", sa.Integer),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("attack_types", sa.Text, nullable=False),
        sa.Column("weapon_types", sa.Text, nullable=False),
        sa.Column("killed", sa.Text, nullable=False),
        sa.Column("wounded", sa.Text, nullable=False),
        sa.Column("perpetrators", sa.Text, nullable=False),
        sa.Column("targets", sa.Text, nullable=False),
        sa.Column("victims", sa.Text, nullable=False),
        sa.Column("weapons", sa.Text, nullable=False),
        sa.Column("report_count", sa.Integer, nullable=False),
        sa.Column("first_seen", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("extractor_version", VERSION, nullable=False),
    )
    op.create_table(
        "incident_reports",
        sa.Column("id", ID, primary_key=True, nullable=False),
        sa.Column("incident_id", ID, sa.ForeignKey("incidents.id"), nullable=False, index=True),
        sa.Column("document_id", ID, sa.ForeignKey("documents.id"), nullable=False, index=True),
        sa.Column("local_id", sa.String(40), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("extractor_version", VERSION, nullable=False),
        sa.UniqueConstraint("document_id", "local_id", name="uq_incident_reports_document_local"),
    )
    op.create_table(
        "claims",
        sa.Column("id", ID, primary_key=True, nullable=False),
        sa.Column("incident_id", ID, sa.ForeignKey("incidents.id"), index=True),
        sa.Column("group_name", sa.Text, index=True),
        sa.Column("group_wikidata_id", sa.String(32)),
        sa.Column("channel", sa.Text),
        sa.Column("claimed_at", sa.String(32)),
        sa.Column("delay_value", sa.Float),
        sa.Column("delay_min", sa.Float),
        sa.Column("delay_max", sa.Float),
        sa.Column("wording", sa.Text),
        sa.Column("link", sa.String(16), nullable=False),
        sa.Column("link_cue", sa.Text),
        sa.Column("reported_status", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False, index=True),
        sa.Column("document_id", ID, sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("first_seen", sa.DateTime, nullable=False),
        sa.Column("extractor_version", VERSION, nullable=False),
    )
    op.create_table(
        "claim_reports",
        sa.Column("id", ID, primary_key=True, nullable=False),
        sa.Column("claim_id", ID, sa.ForeignKey("claims.id"), nullable=False, index=True),
        sa.Column("document_id", ID, sa.ForeignKey("documents.id"), nullable=False, index=True),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("extractor_version", VERSION, nullable=False),
    )
    op.create_table(
        "evidence",
        sa.Column("id", ID, primary_key=True, nullable=False),
        sa.Column("document_id", ID, sa.ForeignKey("documents.id"), nullable=False, index=True),
        sa.Column("fact_kind", sa.String(16), nullable=False),
        sa.Column("fact_id", ID, nullable=False, index=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("attributed_to", sa.Text),
        sa.Column("extractor_version", VERSION, nullable=False),
    )
    op.create_table(
        "casualty_reports",
        sa.Column("id", ID, primary_key=True, nullable=False),
        sa.Column("incident_id", ID, sa.ForeignKey("incidents.id"), nullable=False, index=True),
        sa.Column("document_id", ID, sa.ForeignKey("documents.id"), nullable=False, index=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("value", sa.Integer),
        sa.Column("min", sa.Integer),
        sa.Column("max", sa.Integer),
        sa.Column("includes_perpetrators", sa.Boolean),
        sa.Column("reported_at", sa.DateTime),
        sa.Column("outlet", sa.Text),
        sa.Column("evidence_id", ID, sa.ForeignKey("evidence.id")),
        sa.Column("extractor_version", VERSION, nullable=False),
    )
    op.create_table(
        "quotes",
        sa.Column("id", ID, primary_key=True, nullable=False),
        sa.Column("document_id", ID, sa.ForeignKey("documents.id"), nullable=False, index=True),
        sa.Column("speaker", sa.Text, nullable=False),
        sa.Column("affiliation", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("extractor_version", VERSION, nullable=False),
    )
    _create_full_text_index()


def _create_full_text_index() -> None:
    """SQLite: an FTS5 table filled by the store on write. PostgreSQL: a GIN index over a tsvector."""
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE documents_fts USING fts5("
            "document_id UNINDEXED, title, text, tokenize = 'porter unicode61')"
        )
    elif dialect == "postgresql":
        op.execute(
            "CREATE INDEX ix_documents_fts ON documents USING GIN "
            "(to_tsvector('english', coalesce(title, '') || ' ' || text))"
        )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TABLE IF EXISTS documents_fts")
    for table in ("quotes", "casualty_reports", "evidence", "claim_reports", "claims", "incident_reports",
                  "incidents", "documents"):
        op.drop_table(table)
