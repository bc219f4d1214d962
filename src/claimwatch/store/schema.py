"""The tables of the store, as SQLAlchemy Core objects that the queries are written against.

The migrations in `claimwatch/migrations/versions/` create these tables; a test checks that the two
agree (Alembic's autogenerate comparison finds no difference), so this module and the migrations cannot
drift apart silently.

Portable on purpose: plain types only, lists kept as JSON text (filtered with LIKE, which every
dialect has). The one dialect-specific part, full-text search, lives in `search.py`.

    documents          one row per distinct text (content_hash unique)
    incidents          the canonical incident, merged across documents
    incident_reports   one per (document, incident): the per-document Incident as JSON
    claims             one per (incident, group): merged across documents
    claim_reports      one per (document, claim): the per-document Claim as JSON
    casualty_reports   every reported figure, with its document, outlet, report date and evidence
    evidence           every sentence a fact was read from
    quotes             quoted statements, per document
    claim_judgements   each claim's usual delay range and anomaly, against its group's earlier claims
    group_profiles     each group's delay statistics, channels and wording (judgements.py keeps both)
    feed_sources       the watcher's sources: validators (ETag, Last-Modified), next poll, last error
    feed_items         every item a source listed, by URL: pending, stored, duplicate or failed
    alerts             the alert outbox: one row per (rule, fact), pending until delivered
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

# Short string ids: "doc-…", "inc-…", "clm-…" (see ids.py).
_ID = sa.String(40)


def _id_column(name: str = "id", *, primary: bool = True) -> sa.Column[str]:
    return sa.Column(name, _ID, primary_key=primary, nullable=False)


documents = sa.Table(
    "documents",
    metadata,
    _id_column(),
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
    sa.Column("extractor_version", sa.Text, nullable=False),
    sa.Index("ix_documents_published", "published", "id"),
)

incidents = sa.Table(
    "incidents",
    metadata,
    _id_column(),
    sa.Column("date", sa.String(32)),  # ISO, as precise as `date_precision`
    sa.Column("date_precision", sa.String(8)),
    sa.Column("date_start", sa.Date, index=True),  # the first and last day `date` may mean (for filters)
    sa.Column("date_end", sa.Date, index=True),
    sa.Column("place_name", sa.Text),
    sa.Column("country_code", sa.String(2), index=True),
    sa.Column("admin1", sa.Text),
    sa.Column("geonameid", sa.Integer),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("attack_types", sa.Text, nullable=False),  # JSON list
    sa.Column("weapon_types", sa.Text, nullable=False),  # JSON list
    sa.Column("killed", sa.Text, nullable=False),  # JSON: the current figure and how it was chosen
    sa.Column("wounded", sa.Text, nullable=False),
    sa.Column("perpetrators", sa.Text, nullable=False),  # JSON list of Perpetrator dicts
    sa.Column("targets", sa.Text, nullable=False),
    sa.Column("victims", sa.Text, nullable=False),
    sa.Column("weapons", sa.Text, nullable=False),
    sa.Column("report_count", sa.Integer, nullable=False),
    sa.Column("first_seen", sa.DateTime, nullable=False),
    sa.Column("updated_at", sa.DateTime, nullable=False),
    sa.Column("extractor_version", sa.Text, nullable=False),  # of the latest report merged in
    sa.Column("confidence", sa.Float),  # the highest of its reports' (migration 0006); NULL: stored before
    sa.Column("firmness", sa.Text),  # JSON: field -> how its current value was read (confidence.firmness)
    sa.Index("ix_incidents_confidence", "confidence"),
    sa.Index("ix_incidents_order", "date_start", "first_seen", "id"),  # the list order, for keyset pages
    sa.Index("ix_incidents_country_order", "country_code", "date_start", "first_seen", "id"),  # ?country=, sorted
)

incident_reports = sa.Table(
    "incident_reports",
    metadata,
    _id_column(),
    sa.Column("incident_id", _ID, sa.ForeignKey("incidents.id"), nullable=False, index=True),
    sa.Column("document_id", _ID, sa.ForeignKey("documents.id"), nullable=False, index=True),
    sa.Column("local_id", sa.String(40), nullable=False),  # the id the incident had inside its document
    sa.Column("payload", sa.Text, nullable=False),  # Incident.to_dict() of that document
    sa.Column("trace", sa.Text),  # JSON list of the rule and cue ids that produced it in that document
    sa.Column("extractor_version", sa.Text, nullable=False),
    sa.UniqueConstraint("document_id", "local_id", name="uq_incident_reports_document_local"),
)

claims = sa.Table(
    "claims",
    metadata,
    _id_column(),
    sa.Column("incident_id", _ID, sa.ForeignKey("incidents.id"), index=True),
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
    sa.Column("reported_status", sa.String(16), nullable=False),  # as the documents said it
    sa.Column("status", sa.String(16), nullable=False, index=True),  # after cross-claim rules (disputed)
    sa.Column("document_id", _ID, sa.ForeignKey("documents.id"), nullable=False),  # first reported by
    sa.Column("first_seen", sa.DateTime, nullable=False),
    sa.Column("extractor_version", sa.Text, nullable=False),
    sa.Column("confidence", sa.Float),  # the highest of its reports' (migration 0006)
    sa.Index("ix_claims_confidence", "confidence"),
    sa.Index("ix_claims_order", "incident_id", "first_seen", "id"),
)

claim_reports = sa.Table(
    "claim_reports",
    metadata,
    _id_column(),
    sa.Column("claim_id", _ID, sa.ForeignKey("claims.id"), nullable=False, index=True),
    sa.Column("document_id", _ID, sa.ForeignKey("documents.id"), nullable=False, index=True),
    sa.Column("payload", sa.Text, nullable=False),  # Claim.to_dict() of that document
    sa.Column("trace", sa.Text),  # JSON list of the rule and cue ids that produced it in that document
    sa.Column("extractor_version", sa.Text, nullable=False),
)

evidence = sa.Table(
    "evidence",
    metadata,
    _id_column(),
    sa.Column("document_id", _ID, sa.ForeignKey("documents.id"), nullable=False, index=True),
    sa.Column("fact_kind", sa.String(16), nullable=False),  # incident | claim | casualty
    sa.Column("fact_id", _ID, nullable=False, index=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("attributed_to", sa.Text),
    sa.Column("extractor_version", sa.Text, nullable=False),
    sa.Index("ix_evidence_fact", "fact_kind", "fact_id"),
)

casualty_reports = sa.Table(
    "casualty_reports",
    metadata,
    _id_column(),
    sa.Column("incident_id", _ID, sa.ForeignKey("incidents.id"), nullable=False, index=True),
    sa.Column("document_id", _ID, sa.ForeignKey("documents.id"), nullable=False, index=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("value", sa.Integer),
    sa.Column("min", sa.Integer),
    sa.Column("max", sa.Integer),
    sa.Column("includes_perpetrators", sa.Boolean),
    sa.Column("reported_at", sa.DateTime),
    sa.Column("outlet", sa.Text),
    sa.Column("evidence_id", _ID, sa.ForeignKey("evidence.id")),
    sa.Column("extractor_version", sa.Text, nullable=False),
)

quotes = sa.Table(
    "quotes",
    metadata,
    _id_column(),
    sa.Column("document_id", _ID, sa.ForeignKey("documents.id"), nullable=False, index=True),
    sa.Column("speaker", sa.Text, nullable=False),
    sa.Column("affiliation", sa.Text),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("extractor_version", sa.Text, nullable=False),
)

# Kept by `judgements.py` in the transaction that writes the claims: reads never rescan every claim.
claim_judgements = sa.Table(
    "claim_judgements",
    metadata,
    sa.Column("claim_id", _ID, primary_key=True, nullable=False),
    sa.Column("group_name", sa.Text, nullable=False, index=True),
    sa.Column("anomaly_kind", sa.String(8), index=True),  # late | early | null
    sa.Column("usual", sa.Text, nullable=False),  # JSON: analytics.Usual.to_dict()
)

group_profiles = sa.Table(
    "group_profiles",
    metadata,
    sa.Column("name", sa.Text, primary_key=True, nullable=False),
    sa.Column("claims", sa.Integer, nullable=False),
    sa.Column("profile", sa.Text, nullable=False),  # JSON: analytics.group_profile() without the delays
)

# --------------------------------------------------------------------------- the feed watcher (migration 0004)

feed_sources = sa.Table(
    "feed_sources",
    metadata,
    _id_column(),
    sa.Column("url", sa.Text, nullable=False, unique=True),
    sa.Column("kind", sa.String(16), nullable=False),  # auto | feed | sitemap | urls
    sa.Column("every_seconds", sa.Integer, nullable=False),
    sa.Column("origin", sa.String(16), nullable=False),  # command | config
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

feed_items = sa.Table(
    "feed_items",
    metadata,
    _id_column(),
    sa.Column("source_id", _ID, sa.ForeignKey("feed_sources.id"), nullable=False, index=True),
    sa.Column("url", sa.Text, nullable=False, unique=True),  # an article in two feeds is fetched once
    sa.Column("title", sa.Text),
    sa.Column("published", sa.DateTime),
    sa.Column("first_seen", sa.DateTime, nullable=False),
    sa.Column("fetched_at", sa.DateTime),
    sa.Column("status", sa.String(16), nullable=False, index=True),  # pending | stored | duplicate | failed
    sa.Column("attempts", sa.Integer, nullable=False),
    sa.Column("document_id", _ID),
    sa.Column("error", sa.Text),
)

alerts = sa.Table(
    "alerts",
    metadata,
    _id_column(),  # from (rule, fact): a rule fires once per fact
    sa.Column("rule", sa.Text, nullable=False),
    sa.Column("fact", sa.Text, nullable=False),
    sa.Column("destination", sa.Text, nullable=False),
    sa.Column("payload", sa.Text, nullable=False),  # the JSON sent
    sa.Column("created_at", sa.DateTime, nullable=False, index=True),
    sa.Column("status", sa.String(16), nullable=False, index=True),  # pending | sent
    sa.Column("attempts", sa.Integer, nullable=False),
    sa.Column("next_attempt_at", sa.DateTime, nullable=False),
    sa.Column("sent_at", sa.DateTime),
    sa.Column("last_error", sa.Text),
)
