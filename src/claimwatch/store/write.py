"""Writing one document: its row, its incidents (linked to stored ones), claims, figures, evidence, quotes.

`add_document` runs inside the caller's transaction (`Store.add` opens one per document), so a failure
anywhere leaves nothing half-stored. The order:
0. on PostgreSQL, a transaction-scoped advisory lock (`LINK_LOCK`): linking reads the stored incidents and
   then writes, so two writers storing two reports of one attack at once must not both miss the other's
   incident. Writers (ingest workers, several `claimwatch ingest` processes, the feed watcher) extract in
   parallel and take turns only for this short write; SQLite serialises writers by itself;
1. the document row (and its full-text entry), inserted with ON CONFLICT DO NOTHING on the unique content
   hash: a hash already stored -> nothing is written;
2. each incident of the document is linked (`link.match`) to a stored incident or starts a new one; its
   per-document form, evidence and casualty figures are kept, and the canonical incident is recomputed
   from every report (`link.combine`, `link.current_count`);
3. each claim merges with the stored claim of the same group on the same incident, or starts one; then
   the statuses of the incident's claims are settled (two claimants -> both disputed);
4. quotes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa

from .. import periods
from ..model import Claim, Count, Document, Evidence, Extraction, Group, Incident, Perpetrator, Place
from . import ids, link, search
from .records import AddResult
from .schema import casualty_reports, claim_reports, claims, documents, evidence, incident_reports, incidents, quotes

UNKNOWN_VERSION = "unknown"
_CANDIDATE_LIMIT = 2000
# pg_advisory_xact_lock key shared by every writer of one database (any fixed bigint; "cwlink" in ASCII).
LINK_LOCK = 0x63776C696E6B


def naive_utc(value: datetime | None) -> datetime | None:
    """Times are stored as naive UTC: SQLite keeps no offset, and mixed kinds cannot be compared."""
    if value is None or value.tzinfo is None:
        return value
    return value.astimezone(UTC).replace(tzinfo=None)


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


@dataclass
class _Context:
    conn: sa.Connection
    document_id: str
    content_hash: str
    version: str
    published: datetime | None
    outlet: str | None
    now: datetime


def add_document(conn: sa.Connection, document: Document, extraction: Extraction, now: datetime) -> AddResult:
    content_hash = document.content_hash
    doc_id = ids.document_id(content_hash)
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": LINK_LOCK})
    cleaned = extraction.document if extraction.document is not None else document
    ctx = _Context(
        conn=conn,
        document_id=doc_id,
        content_hash=content_hash,
        version=extraction.extractor_version or UNKNOWN_VERSION,
        published=naive_utc(cleaned.published or document.published),
        outlet=cleaned.outlet or document.outlet,
        now=now,
    )
    if not _insert_document(ctx, document, cleaned):
        return AddResult(document_id=doc_id, created=False)
    result = AddResult(document_id=doc_id, created=True)

    canonical: dict[str, str] = {}  # the document's incident id -> the stored incident id
    for incident in extraction.incidents:
        candidates = _candidates(conn, incident, exclude=set(canonical.values()))
        placeless = _texts(conn, [c.id for c in candidates if c.place is None]) if incident.place else {}
        stored_id = link.match(incident, candidates, text=cleaned.text, stored_texts=placeless)
        if stored_id is None:
            stored_id = ids.incident_id(content_hash, incident.id)
            _insert_incident_row(ctx, stored_id)
        else:
            result.merged_incident_ids.append(stored_id)
        canonical[incident.id] = stored_id
        result.incident_ids.append(stored_id)
        _add_incident_report(ctx, stored_id, incident)
        refresh_incident(conn, stored_id, now, ctx.version)

    touched: set[str] = set()
    for index, claim in enumerate(extraction.claims):
        stored_incident = canonical.get(claim.incident_id or "")
        claim_id = _add_claim(ctx, claim, stored_incident, index)
        if claim_id not in result.claim_ids:
            result.claim_ids.append(claim_id)
        if stored_incident:
            touched.add(stored_incident)
    for incident_id in sorted(touched):
        settle_claims(conn, incident_id)

    for index, quote in enumerate(extraction.quotes):
        conn.execute(
            quotes.insert().values(
                id=ids.fact_id("quo", doc_id, index),
                document_id=doc_id,
                speaker=quote.speaker,
                affiliation=quote.affiliation,
                text=quote.text,
                start=quote.start,
                end=quote.end,
                extractor_version=ctx.version,
            )
        )
    return result


# --------------------------------------------------------------------------- documents


def _insert_document(ctx: _Context, original: Document, cleaned: Document) -> bool:
    """Insert the row unless its content hash is stored already (then False, and nothing is written)."""
    title = cleaned.title or original.title
    inserted = ctx.conn.execute(
        upsert_ignoring(ctx.conn, documents, ["content_hash"])
        .values(
            id=ctx.document_id,
            content_hash=ctx.content_hash,
            url=cleaned.url or original.url,
            title=title,
            outlet=ctx.outlet,
            author=cleaned.author or original.author,
            published=ctx.published,
            language=cleaned.language or original.language,
            source=cleaned.source or original.source,
            text=cleaned.text,
            ingested_at=ctx.now,
            extractor_version=ctx.version,
        )
        .returning(documents.c.id)
    ).first()
    if inserted is None:
        return False
    search.index_document(ctx.conn, ctx.document_id, title, cleaned.text)
    return True


def upsert_ignoring(conn: sa.Connection, table: sa.Table, keys: list[str]) -> Any:
    """INSERT … ON CONFLICT (keys) DO NOTHING, in the connection's dialect (SQLite or PostgreSQL)."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(table).on_conflict_do_nothing(index_elements=keys)
    if conn.dialect.name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        return sqlite_insert(table).on_conflict_do_nothing(index_elements=keys)
    return table.insert()


# --------------------------------------------------------------------------- incidents


def _candidates(conn: sa.Connection, incident: Incident, exclude: set[str]) -> list[Incident]:
    """Stored incidents that could be the same: overlapping dates, else the same country."""
    query = sa.select(incidents).order_by(incidents.c.updated_at.desc()).limit(_CANDIDATE_LIMIT)
    span = periods.date_range(incident.date, incident.date_precision)
    if span is not None:
        slack = timedelta(days=1)
        query = query.where(
            sa.or_(
                incidents.c.date_start.is_(None),
                sa.and_(incidents.c.date_start <= span[1] + slack, incidents.c.date_end >= span[0] - slack),
            )
        )
    elif incident.country:
        query = query.where(sa.or_(incidents.c.country_code.is_(None), incidents.c.country_code == incident.country))
    elif incident.place is None:
        return []  # neither date nor place: nothing to link on
    return [incident_from_row(row._mapping) for row in conn.execute(query) if row.id not in exclude]


def _texts(conn: sa.Connection, incident_ids: list[str]) -> dict[str, str]:
    """The text of every document that reports each incident (for incidents stored without a place)."""
    if not incident_ids:
        return {}
    texts: dict[str, list[str]] = {}
    query = (
        sa.select(incident_reports.c.incident_id, documents.c.title, documents.c.text)
        .join(documents, documents.c.id == incident_reports.c.document_id)
        .where(incident_reports.c.incident_id.in_(incident_ids))
    )
    for row in conn.execute(query):
        texts.setdefault(row.incident_id, []).extend([row.title or "", row.text])
    return {key: "\n".join(parts) for key, parts in texts.items()}


def _insert_incident_row(ctx: _Context, incident_id: str) -> None:
    empty = dumps([])
    ctx.conn.execute(
        incidents.insert().values(
            id=incident_id,
            attack_types=empty,
            weapon_types=empty,
            killed=dumps({}),
            wounded=dumps({}),
            perpetrators=empty,
            targets=empty,
            victims=empty,
            weapons=empty,
            report_count=0,
            first_seen=ctx.now,
            updated_at=ctx.now,
            extractor_version=ctx.version,
        )
    )


def _add_incident_report(ctx: _Context, incident_id: str, incident: Incident) -> None:
    conn = ctx.conn
    conn.execute(
        incident_reports.insert().values(
            id=ids.fact_id("rep", ctx.document_id, incident.id),
            incident_id=incident_id,
            document_id=ctx.document_id,
            local_id=incident.id,
            payload=dumps(incident.to_dict()),
            trace=dumps(incident.trace),
            extractor_version=ctx.version,
        )
    )
    for item in incident.evidence:
        _insert_evidence(ctx, "incident", incident_id, item)
    for index, report in enumerate(incident.casualty_reports):
        evidence_id = _insert_evidence(ctx, "casualty", incident_id, report.evidence)
        conn.execute(
            casualty_reports.insert().values(
                id=ids.fact_id("cas", ctx.document_id, incident.id, index),
                incident_id=incident_id,
                document_id=ctx.document_id,
                kind=report.kind,
                value=report.count.value,
                min=report.count.min,
                max=report.count.max,
                includes_perpetrators=report.count.includes_perpetrators,
                reported_at=naive_utc(report.reported_at) or ctx.published,
                outlet=ctx.outlet,
                evidence_id=evidence_id,
                extractor_version=ctx.version,
            )
        )


def _insert_evidence(ctx: _Context, kind: str, fact_id: str, item: Evidence) -> str:
    """One row per (document, fact, span): the same sentence cited twice for one fact is stored once."""
    evidence_id = ids.fact_id("evi", ctx.document_id, kind, fact_id, item.start, item.end)
    exists = ctx.conn.execute(sa.select(evidence.c.id).where(evidence.c.id == evidence_id)).first()
    if not exists:
        ctx.conn.execute(
            evidence.insert().values(
                id=evidence_id,
                document_id=ctx.document_id,
                fact_kind=kind,
                fact_id=fact_id,
                text=item.text,
                start=item.start,
                end=item.end,
                attributed_to=item.attributed_to,
                extractor_version=ctx.version,
            )
        )
    return evidence_id


def refresh_incident(conn: sa.Connection, incident_id: str, now: datetime, version: str) -> None:
    """Recompute the canonical incident from every per-document report and every casualty figure."""
    rows = conn.execute(
        sa.select(incident_reports.c.payload, incident_reports.c.document_id)
        .where(incident_reports.c.incident_id == incident_id)
        .order_by(incident_reports.c.id)
    ).all()
    reports = [incident_from_dict(json.loads(row.payload)) for row in rows]
    merged = link.combine(reports)
    published = dict(
        conn.execute(
            sa.select(documents.c.id, documents.c.published).where(documents.c.id.in_([r.document_id for r in rows]))
        ).all()
    )
    figures: dict[str, list[link.Figure]] = {"killed": [], "wounded": []}
    for row in conn.execute(sa.select(casualty_reports).where(casualty_reports.c.incident_id == incident_id)):
        if row.kind in figures:
            count = Count(row.value, row.min, row.max, row.includes_perpetrators)
            figures[row.kind].append(link.Figure(count, row.document_id, row.reported_at, row.outlet))
    # A document that shows a figure but kept no casualty report for it still counts, dated by publication.
    for row, report in zip(rows, reports, strict=True):
        for kind, count in (("killed", report.killed), ("wounded", report.wounded)):
            if count.known and not any(f.document_id == row.document_id for f in figures[kind]):
                figures[kind].append(link.Figure(count, row.document_id, published.get(row.document_id)))
    killed_count, killed_basis = link.current_count(figures["killed"])
    wounded_count, wounded_basis = link.current_count(figures["wounded"])
    merged.killed, merged.wounded = killed_count, wounded_count
    killed = _figure_json(killed_count, killed_basis)
    wounded = _figure_json(wounded_count, wounded_basis)
    span = periods.date_range(merged.date, merged.date_precision)
    place = merged.place
    conn.execute(
        incidents.update()
        .where(incidents.c.id == incident_id)
        .values(
            date=merged.date,
            date_precision=merged.date_precision,
            date_start=span[0] if span else None,
            date_end=span[1] if span else None,
            place_name=place.name if place else None,
            country_code=merged.country,
            admin1=place.admin1 if place else None,
            geonameid=place.geonameid if place else None,
            lat=place.lat if place else None,
            lon=place.lon if place else None,
            attack_types=dumps(merged.attack_types),
            weapon_types=dumps(merged.weapon_types),
            killed=killed,
            wounded=wounded,
            perpetrators=dumps([p.to_dict() for p in merged.perpetrators]),
            targets=dumps(merged.targets),
            victims=dumps(merged.victims),
            weapons=dumps(merged.weapons),
            report_count=len(rows),
            updated_at=now,
            extractor_version=version,
            confidence=link.merged_confidence(r.confidence for r in reports),
            firmness=dumps(link.merged_firmness(reports, merged)),
        )
    )


def _figure_json(count: Count, basis: Any) -> str:
    return dumps({"count": count.to_dict(), "basis": basis.to_dict() if basis else None})


# --------------------------------------------------------------------------- claims


def _add_claim(ctx: _Context, claim: Claim, incident_id: str | None, index: int) -> str:
    group_key = link.claim_key(incident_id, claim.group)[1]
    claim_id = ids.claim_id(incident_id, group_key, ctx.content_hash, index)
    conn = ctx.conn
    stored = conn.execute(sa.select(claims).where(claims.c.id == claim_id)).first()
    if stored is None:
        conn.execute(
            claims.insert().values(
                id=claim_id,
                incident_id=incident_id,
                group_name=claim.group.name if claim.group else None,
                group_wikidata_id=claim.group.wikidata_id if claim.group else None,
                channel=claim.channel,
                claimed_at=claim.claimed_at,
                delay_value=claim.delay_hours.value,
                delay_min=claim.delay_hours.min,
                delay_max=claim.delay_hours.max,
                wording=claim.wording,
                link=claim.link,
                link_cue=claim.link_cue,
                reported_status=claim.status,
                status=claim.status,
                document_id=ctx.document_id,
                first_seen=ctx.now,
                extractor_version=ctx.version,
                confidence=claim.confidence,
            )
        )
    else:
        conn.execute(claims.update().where(claims.c.id == claim_id).values(**_claim_update(stored._mapping, claim)))
    report_id = ids.fact_id("crp", ctx.document_id, claim_id, index)
    conn.execute(
        claim_reports.insert().values(
            id=report_id,
            claim_id=claim_id,
            document_id=ctx.document_id,
            payload=dumps(claim.to_dict()),
            trace=dumps(claim.trace),
            extractor_version=ctx.version,
        )
    )
    for item in claim.evidence:
        _insert_evidence(ctx, "claim", claim_id, item)
    return claim_id


def _claim_update(stored: Any, claim: Claim) -> dict[str, Any]:
    """Fill what the stored claim lacks; combine the statuses the documents report."""
    values: dict[str, Any] = {
        "reported_status": link.merged_status([stored["reported_status"], claim.status]),
        "confidence": link.merged_confidence([stored["confidence"], claim.confidence]),
    }
    fills = {
        "group_wikidata_id": claim.group.wikidata_id if claim.group else None,
        "channel": claim.channel,
        "claimed_at": claim.claimed_at,
        "wording": claim.wording,
        "link_cue": claim.link_cue,
    }
    for column, value in fills.items():
        if stored[column] is None and value is not None:
            values[column] = value
    no_delay = stored["delay_value"] is None and stored["delay_min"] is None and stored["delay_max"] is None
    if no_delay and claim.delay_hours.known:
        values.update(
            delay_value=claim.delay_hours.value, delay_min=claim.delay_hours.min, delay_max=claim.delay_hours.max
        )
    if stored["link"] == "unclear" and claim.link != "unclear":
        values.update(link=claim.link, link_cue=claim.link_cue or stored["link_cue"])
    return values


def settle_claims(conn: sa.Connection, incident_id: str) -> None:
    rows = conn.execute(
        sa.select(claims.c.id, claims.c.group_name, claims.c.reported_status, claims.c.status).where(
            claims.c.incident_id == incident_id
        )
    ).all()
    settled = link.settle_statuses(
        [(row.id, Group(row.group_name) if row.group_name else None, row.reported_status) for row in rows]
    )
    for row in rows:
        if settled[row.id] != row.status:
            conn.execute(claims.update().where(claims.c.id == row.id).values(status=settled[row.id]))


# --------------------------------------------------------------------------- decoding


def incident_from_row(row: Any) -> Incident:
    """A stored canonical incident as a model Incident (for linking)."""
    killed = json.loads(row["killed"]).get("count") or {}
    place = None
    if row["place_name"]:
        place = Place(row["place_name"], row["country_code"], row["lat"], row["lon"], row["admin1"], row["geonameid"])
    return Incident(
        id=row["id"],
        date=row["date"],
        date_precision=row["date_precision"],
        place=place,
        country_code=row["country_code"],
        attack_types=json.loads(row["attack_types"]),
        weapon_types=json.loads(row["weapon_types"]),
        killed=Count(**killed) if killed else Count(),
        perpetrators=[Perpetrator(**p) for p in json.loads(row["perpetrators"])],
        targets=json.loads(row["targets"]),
    )


def incident_from_dict(data: dict[str, Any]) -> Incident:
    """The inverse of `Incident.to_dict()` for the fields linking and merging use."""
    place = data.get("place")
    return Incident(
        id=data["id"],
        date=data.get("date"),
        date_precision=data.get("date_precision"),
        place=Place(**place) if place else None,
        country_code=data.get("country_code"),
        attack_types=list(data.get("attack_types") or []),
        weapon_types=list(data.get("weapon_types") or []),
        killed=Count(**(data.get("killed") or {})),
        wounded=Count(**(data.get("wounded") or {})),
        perpetrators=[Perpetrator(**p) for p in data.get("perpetrators") or []],
        targets=list(data.get("targets") or []),
        victims=list(data.get("victims") or []),
        weapons=list(data.get("weapons") or []),
        confidence=data.get("confidence"),
        firmness=dict(data.get("firmness") or {}),
    )
