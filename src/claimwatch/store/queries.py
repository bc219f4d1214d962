"""Reading the store: filters over incidents and claims, and hydrating rows into records.

Lists are hydrated in batches (one query per related table for the whole page), so a page of 100
incidents costs a handful of queries, not hundreds.
"""

from __future__ import annotations

import base64
import binascii
import functools
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa

from ..errors import InvalidQuery, NotFound
from ..model import Count, Group, Perpetrator, Place, Range
from . import search as fts
from .records import (
    CasualtyReportRecord,
    ClaimRecord,
    CountBasis,
    DocumentRecord,
    EvidenceRecord,
    GroupRecord,
    IncidentRecord,
    SearchHit,
    SourceRecord,
)
from .schema import (
    casualty_reports,
    claim_judgements,
    claim_reports,
    claims,
    documents,
    evidence,
    incident_reports,
    incidents,
)

# Bounded work per query (issue 11, row 2): longer or wordier text queries are refused with a message.
QUERY_MAX_CHARS = 300
QUERY_MAX_WORDS = 12


@dataclass
class IncidentFilter:
    """The filters of `claimwatch incidents`, `GET /api/incidents` and the exports (one definition for all)."""

    since: date | None = None
    until: date | None = None
    country: str | None = None
    group: str | None = None
    attack_type: str | None = None
    claimed: bool | None = None
    query: str | None = None
    min_confidence: float | None = None  # 0-1: incidents at least this sure (unscored ones are left out)

    def filters(self) -> dict[str, Any]:
        """As keyword arguments of `Store.incidents` and `Store.count_incidents`."""
        return dict(self.__dict__)


# --------------------------------------------------------------------------- incidents


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _json_like(column: sa.ColumnElement[str], value: str) -> sa.ColumnElement[bool]:
    """`value` appears as a whole JSON string inside a JSON list kept as text (case-insensitive).

    LIKE wildcards in `value` are escaped: `%` matches a literal percent sign, not every row.
    """
    needle = _escape_like(json.dumps(value.lower(), ensure_ascii=False))
    return sa.func.lower(column).like(f"%{needle}%", escape="\\")


def _slug(name: str) -> str:
    return re.sub(r"[^a-z]+", "_", name.lower()).strip("_")


@functools.lru_cache(maxsize=1)
def attack_type_names() -> dict[str, str]:
    """Every spelling `attack_type=` accepts -> the stored attack type (GTD's names, as extraction writes them).

    The stored name in any case ("Bombing/Explosion"), its slug ("bombing_explosion"), each word that
    belongs to one type only ("bombing", "kidnapping", "hijacking"), and "shooting" for armed assault.
    """
    from ..extract.events import ATTACK_TYPES

    names: dict[str, str] = {}
    word_owners: dict[str, set[str]] = defaultdict(set)
    for name in ATTACK_TYPES:
        names[name.lower()] = name
        names[_slug(name)] = name
        for word in _slug(name).split("_"):
            word_owners[word].add(name)
    for word, owners in word_owners.items():
        if len(owners) == 1 and len(word) > 3:
            names.setdefault(word, next(iter(owners)))
    names.setdefault("shooting", "Armed Assault")
    return names


def attack_type_spellings(value: str) -> list[str]:
    """What `attack_type=value` matches: the value as given and the stored type it names, if any."""
    key = value.strip()
    found = attack_type_names().get(key.lower()) or attack_type_names().get(_slug(key))
    return [key] if found is None or found.lower() == key.lower() else [key, found]


def checked_query(query: str) -> str:
    """A text query within the limits, its words each once (a repeated word adds cost, not meaning)."""
    if len(query) > QUERY_MAX_CHARS:
        raise InvalidQuery(f"the query is {len(query):,} characters long; at most {QUERY_MAX_CHARS} are allowed")
    unique = list(dict.fromkeys(w.lower() for w in fts.words(query)))
    if len(unique) > QUERY_MAX_WORDS:
        raise InvalidQuery(f"the query has {len(unique)} different words; at most {QUERY_MAX_WORDS} are allowed")
    return " ".join(unique)


def checked_confidence(value: float) -> float:
    """A `min_confidence` within 0-1 (a percentage such as 80 is refused with the form to use)."""
    if not 0.0 <= value <= 1.0:
        raise InvalidQuery(f"min_confidence must lie between 0 and 1 (0.8 for 80%), got {value}")
    return value


@functools.lru_cache(maxsize=256)
def country_code(country: str) -> str | None:
    """"FR", "fra", "France" -> "FR"; None when pycountry does not know the name."""
    import pycountry

    try:
        return str(pycountry.countries.lookup(country.strip()).alpha_2)
    except LookupError:
        return None


def _group_matches(name_column: sa.ColumnElement[str], wikidata_column: sa.ColumnElement[str], group: str) -> Any:
    return sa.or_(sa.func.lower(name_column) == group.strip().lower(), wikidata_column == group.strip())


def incident_conditions(conn: sa.Connection, f: IncidentFilter) -> list[Any]:
    where: list[Any] = []
    if f.since is not None:
        where.append(incidents.c.date_end >= f.since)
    if f.until is not None:
        where.append(incidents.c.date_start <= f.until)
    if f.country:
        code = country_code(f.country)
        # A known country is its code alone: ix_incidents_country_order then gives the page in order (the
        # old OR with the place name scanned every incident). A name pycountry does not know is a place name.
        name_match = sa.func.lower(incidents.c.place_name) == f.country.strip().lower()
        where.append(incidents.c.country_code == code if code else name_match)
    if f.group:
        claimed_by = sa.exists().where(
            claims.c.incident_id == incidents.c.id,
            _group_matches(claims.c.group_name, claims.c.group_wikidata_id, f.group),
        )
        named = _json_like(incidents.c.perpetrators, f.group.strip())
        where.append(sa.or_(claimed_by, named))
    if f.attack_type:
        where.append(sa.or_(*[_json_like(incidents.c.attack_types, v) for v in attack_type_spellings(f.attack_type)]))
    if f.claimed is not None:
        has_claim = sa.exists().where(
            claims.c.incident_id == incidents.c.id, claims.c.status.in_(["claimed", "disputed"])
        )
        where.append(has_claim if f.claimed else sa.not_(has_claim))
    if f.min_confidence is not None:
        where.append(incidents.c.confidence >= checked_confidence(f.min_confidence))
    if f.query is not None:
        ids = fts.matching_document_ids(conn, checked_query(f.query))
        where.append(
            sa.exists().where(
                incident_reports.c.incident_id == incidents.c.id, incident_reports.c.document_id.in_(ids)
            )
        )
    return where


_INCIDENT_ORDER = (incidents.c.date_start.desc().nulls_last(), incidents.c.first_seen.desc(), incidents.c.id)


def list_incidents(
    conn: sa.Connection, f: IncidentFilter, limit: int, offset: int = 0, after: str | None = None
) -> list[IncidentRecord]:
    """A page of incidents, newest first: `offset` rows skipped, or the rows after the `after` cursor."""
    where = incident_conditions(conn, f)
    if after is not None:
        where.append(_after(after))
    query = sa.select(incidents).where(*where).order_by(*_INCIDENT_ORDER).limit(limit).offset(offset)
    return _hydrate_incidents(conn, [row._mapping for row in conn.execute(query)])


def cursor_of(record: IncidentRecord, date_start: date | None) -> str:
    """An opaque cursor for the page after `record` (keyset pagination: no rows are skipped and counted)."""
    seen = record.first_seen or datetime.min
    key = [date_start.isoformat() if date_start else None, seen.isoformat(), record.id]
    return base64.urlsafe_b64encode(json.dumps(key).encode()).decode().rstrip("=")


def _after(cursor: str) -> Any:
    """Rows after the cursor's row in `_INCIDENT_ORDER` (date_start desc nulls last, first_seen desc, id)."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        day_text, seen_text, last_id = json.loads(raw)
        day = date.fromisoformat(day_text) if day_text is not None else None
        seen = datetime.fromisoformat(seen_text)
        if not isinstance(last_id, str):
            raise TypeError(last_id)
    except (binascii.Error, ValueError, TypeError, UnicodeDecodeError) as error:
        raise InvalidQuery(f"{cursor[:60]!r} is not a cursor this API handed out (use next_cursor as is)") from error
    later_in_day = sa.or_(incidents.c.first_seen < seen,
                          sa.and_(incidents.c.first_seen == seen, incidents.c.id > last_id))
    if day is None:
        return sa.and_(incidents.c.date_start.is_(None), later_in_day)
    return sa.or_(
        incidents.c.date_start < day,
        sa.and_(incidents.c.date_start == day, later_in_day),
        incidents.c.date_start.is_(None),
    )


def incident_date_starts(conn: sa.Connection, ids: list[str]) -> dict[str, date | None]:
    rows = conn.execute(sa.select(incidents.c.id, incidents.c.date_start).where(incidents.c.id.in_(ids)))
    return {r.id: r.date_start for r in rows}


def count_incidents(conn: sa.Connection, f: IncidentFilter) -> int:
    query = sa.select(sa.func.count()).select_from(incidents).where(*incident_conditions(conn, f))
    return int(conn.execute(query).scalar_one())


def get_incident(conn: sa.Connection, incident_id: str) -> IncidentRecord:
    row = conn.execute(sa.select(incidents).where(incidents.c.id == incident_id)).first()
    if row is None:
        raise NotFound(f"no incident {incident_id!r} in the store; list them with `claimwatch incidents`")
    return _hydrate_incidents(conn, [row._mapping])[0]


def _place(row: Any) -> Place | None:
    if not row["place_name"]:
        return None
    return Place(row["place_name"], row["country_code"], row["lat"], row["lon"], row["admin1"], row["geonameid"])


def _figure(raw: str) -> tuple[Count, CountBasis | None]:
    data = json.loads(raw) or {}
    count = Count(**data["count"]) if data.get("count") else Count()
    basis_data = data.get("basis")
    basis = None
    if basis_data:
        reported_at = basis_data.get("reported_at")
        basis = CountBasis(
            rule=basis_data["rule"],
            document_id=basis_data.get("document_id"),
            reported_at=_datetime(reported_at),
            sources=basis_data.get("sources", 0),
        )
    return count, basis


def _datetime(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _evidence(row: Any) -> EvidenceRecord:
    return EvidenceRecord(
        text=row["text"],
        start=row["start"],
        end=row["end"],
        attributed_to=row["attributed_to"],
        document_id=row["document_id"],
        fact=row["fact_kind"],
    )


def _hydrate_incidents(conn: sa.Connection, rows: list[Any]) -> list[IncidentRecord]:
    if not rows:
        return []
    ids = [row["id"] for row in rows]
    sources: dict[str, list[SourceRecord]] = defaultdict(list)
    source_query = (
        sa.select(incident_reports.c.incident_id, documents.c.id, documents.c.title, documents.c.outlet,
                  documents.c.url, documents.c.published)
        .join(documents, documents.c.id == incident_reports.c.document_id)
        .where(incident_reports.c.incident_id.in_(ids))
        .order_by(documents.c.published.nulls_last(), documents.c.id)
    )
    for r in conn.execute(source_query):
        source = SourceRecord(r.id, r.title, r.outlet, r.url, r.published)
        if all(s.id != source.id for s in sources[r.incident_id]):
            sources[r.incident_id].append(source)

    incident_evidence: dict[str, list[EvidenceRecord]] = defaultdict(list)
    by_id: dict[str, EvidenceRecord] = {}
    evidence_query = (
        sa.select(evidence)
        .where(evidence.c.fact_id.in_(ids), evidence.c.fact_kind.in_(["incident", "casualty"]))
        .order_by(evidence.c.document_id, evidence.c.start)
    )
    for r in conn.execute(evidence_query):
        item = _evidence(r._mapping)
        by_id[r.id] = item
        if r.fact_kind == "incident":
            incident_evidence[r.fact_id].append(item)

    figures: dict[str, list[CasualtyReportRecord]] = defaultdict(list)
    figure_query = (
        sa.select(casualty_reports)
        .where(casualty_reports.c.incident_id.in_(ids))
        .order_by(casualty_reports.c.reported_at.nulls_last(), casualty_reports.c.id)
    )
    for r in conn.execute(figure_query):
        figures[r.incident_id].append(
            CasualtyReportRecord(
                id=r.id,
                kind=r.kind,
                count=Count(r.value, r.min, r.max, r.includes_perpetrators),
                document_id=r.document_id,
                outlet=r.outlet,
                reported_at=r.reported_at,
                evidence=by_id.get(r.evidence_id or ""),
                extractor_version=r.extractor_version,
            )
        )

    claim_records: dict[str, list[ClaimRecord]] = defaultdict(list)
    for record in _claims_where(conn, [claims.c.incident_id.in_(ids)], limit=None, offset=0):
        claim_records[record.incident_id or ""].append(record)

    result = []
    for row in rows:
        killed, killed_basis = _figure(row["killed"])
        wounded, wounded_basis = _figure(row["wounded"])
        result.append(
            IncidentRecord(
                id=row["id"],
                date=row["date"],
                date_precision=row["date_precision"],
                place=_place(row),
                attack_types=json.loads(row["attack_types"]),
                weapon_types=json.loads(row["weapon_types"]),
                killed=killed,
                wounded=wounded,
                perpetrators=[Perpetrator(**p) for p in json.loads(row["perpetrators"])],
                targets=json.loads(row["targets"]),
                victims=json.loads(row["victims"]),
                weapons=json.loads(row["weapons"]),
                killed_basis=killed_basis,
                wounded_basis=wounded_basis,
                claims=claim_records.get(row["id"], []),
                casualty_reports=figures.get(row["id"], []),
                sources=sources.get(row["id"], []),
                evidence=incident_evidence.get(row["id"], []),
                report_count=row["report_count"],
                first_seen=row["first_seen"],
                updated_at=row["updated_at"],
                extractor_version=row["extractor_version"],
                confidence=row["confidence"],
                firmness=json.loads(row["firmness"]) if row["firmness"] else {},
                country_code=row["country_code"],
            )
        )
    return result


# --------------------------------------------------------------------------- claims


def claim_conditions(
    *,
    group: str | None,
    since: date | None,
    until: date | None,
    status: str | None,
    anomalous: bool | None = None,
    min_confidence: float | None = None,
) -> list[Any]:
    where: list[Any] = []
    if min_confidence is not None:
        where.append(claims.c.confidence >= checked_confidence(min_confidence))
    if group:
        where.append(_group_matches(claims.c.group_name, claims.c.group_wikidata_id, group))
    if since is not None:
        where.append(incidents.c.date_end >= since)
    if until is not None:
        where.append(incidents.c.date_start <= until)
    if status:
        where.append(claims.c.status == status)
    if anomalous is not None:  # an IN list SQLite can drive from the anomaly_kind index
        flagged = sa.select(claim_judgements.c.claim_id).where(claim_judgements.c.anomaly_kind.is_not(None))
        where.append(claims.c.id.in_(flagged) if anomalous else claims.c.id.not_in(flagged))
    return where


def list_claims(
    conn: sa.Connection,
    *,
    group: str | None,
    since: date | None,
    until: date | None,
    status: str | None,
    limit: int,
    offset: int,
    anomalous: bool | None = None,
    min_confidence: float | None = None,
) -> list[ClaimRecord]:
    where = claim_conditions(group=group, since=since, until=until, status=status, anomalous=anomalous,
                             min_confidence=min_confidence)
    return _claims_where(conn, where, limit=limit, offset=offset)


def count_claims(conn: sa.Connection, **filters: Any) -> int:
    by_incident_date = filters.get("since") is not None or filters.get("until") is not None
    source = _CLAIMS_WITH_INCIDENTS if by_incident_date else claims  # the join only when a filter needs it
    query = sa.select(sa.func.count()).select_from(source).where(*claim_conditions(**filters))
    return int(conn.execute(query).scalar_one())


_CLAIM_ORDER = (incidents.c.date_start.desc().nulls_last(), claims.c.first_seen.desc(), claims.c.id)
_CLAIMS_WITH_INCIDENTS = claims.outerjoin(incidents, incidents.c.id == claims.c.incident_id)


def _page_ids(conn: sa.Connection, where: list[Any], limit: int, offset: int) -> list[str]:
    """The ids of one page of claims in `_CLAIM_ORDER`, cheaply: claims of dated incidents first, walked
    down the incidents' date index (it stops after the page), then the rest (no incident, or an undated one)."""
    dated = (sa.select(claims.c.id).select_from(incidents.join(claims, claims.c.incident_id == incidents.c.id))
             .where(*where, incidents.c.date_start.is_not(None))
             .order_by(incidents.c.date_start.desc(), claims.c.first_seen.desc(), claims.c.id))
    ids = list(conn.execute(dated.limit(limit).offset(offset)).scalars())
    if len(ids) == limit:
        return ids
    skip = 0
    if offset and not ids:
        dated_count = conn.execute(sa.select(sa.func.count()).select_from(dated.subquery())).scalar_one()
        skip = max(0, offset - dated_count)
    undated = (sa.select(claims.c.id).select_from(_CLAIMS_WITH_INCIDENTS)
               .where(*where, incidents.c.date_start.is_(None))
               .order_by(claims.c.first_seen.desc(), claims.c.id).limit(limit - len(ids)).offset(skip))
    return ids + list(conn.execute(undated).scalars())


def _claims_where(conn: sa.Connection, where: list[Any], limit: int | None, offset: int) -> list[ClaimRecord]:
    columns = (claims, incidents.c.date.label("incident_date"), incidents.c.place_name, incidents.c.country_code,
               incidents.c.lat, incidents.c.lon, incidents.c.admin1, incidents.c.geonameid)
    query = sa.select(*columns).select_from(_CLAIMS_WITH_INCIDENTS)
    if limit is None:
        query = query.where(*where).order_by(*_CLAIM_ORDER).offset(offset)
    else:
        query = query.where(claims.c.id.in_(_page_ids(conn, where, limit, offset))).order_by(*_CLAIM_ORDER)
    rows = [row._mapping for row in conn.execute(query)]
    if not rows:
        return []
    ids = [row["id"] for row in rows]
    claim_evidence: dict[str, list[EvidenceRecord]] = defaultdict(list)
    for r in conn.execute(
        sa.select(evidence)
        .where(evidence.c.fact_kind == "claim", evidence.c.fact_id.in_(ids))
        .order_by(evidence.c.document_id, evidence.c.start)
    ):
        claim_evidence[r.fact_id].append(_evidence(r._mapping))
    reported_by: dict[str, list[str]] = defaultdict(list)
    for r in conn.execute(
        sa.select(claim_reports.c.claim_id, claim_reports.c.document_id)
        .join(documents, documents.c.id == claim_reports.c.document_id)
        .where(claim_reports.c.claim_id.in_(ids))
        .order_by(documents.c.published.nulls_last(), documents.c.ingested_at, claim_reports.c.id)
    ):
        if r.document_id not in reported_by[r.claim_id]:
            reported_by[r.claim_id].append(r.document_id)
    return [
        ClaimRecord(
            id=row["id"],
            incident_id=row["incident_id"],
            group=Group(row["group_name"], row["group_wikidata_id"]) if row["group_name"] else None,
            channel=row["channel"],
            claimed_at=row["claimed_at"],
            delay_hours=Range(row["delay_value"], row["delay_min"], row["delay_max"]),
            wording=row["wording"],
            link=row["link"],
            link_cue=row["link_cue"],
            status=row["status"],
            evidence=claim_evidence.get(row["id"], []),
            document_id=row["document_id"],
            document_ids=reported_by.get(row["id"], [row["document_id"]]),
            incident_date=row["incident_date"],
            incident_place=_place(row),
            incident_country_code=row["country_code"],
            extractor_version=row["extractor_version"],
            confidence=row["confidence"],
        )
        for row in rows
    ]


def list_groups(conn: sa.Connection) -> list[GroupRecord]:
    query = (
        sa.select(
            claims.c.group_name,
            sa.func.max(claims.c.group_wikidata_id).label("wikidata_id"),
            sa.func.count().label("claims"),
            sa.func.count(sa.distinct(claims.c.incident_id)).label("incidents"),
        )
        .where(claims.c.group_name.is_not(None))
        .group_by(claims.c.group_name)
        .order_by(sa.desc("claims"), claims.c.group_name)
    )
    return [GroupRecord(r.group_name, r.wikidata_id, r.claims, r.incidents) for r in conn.execute(query)]


# --------------------------------------------------------------------------- documents and search


def _document(row: Any, with_text: bool) -> DocumentRecord:
    return DocumentRecord(
        id=row["id"],
        content_hash=row["content_hash"],
        title=row["title"],
        outlet=row["outlet"],
        url=row["url"],
        author=row["author"],
        published=row["published"],
        source=row["source"],
        ingested_at=row["ingested_at"],
        extractor_version=row["extractor_version"],
        text=row["text"] if with_text else None,
    )


def list_documents(conn: sa.Connection, limit: int, offset: int) -> list[DocumentRecord]:
    columns = [c for c in documents.c if c.name != "text"] + [sa.null().label("text")]
    query = (
        sa.select(*columns)
        .order_by(documents.c.published.desc().nulls_last(), documents.c.id)
        .limit(limit)
        .offset(offset)
    )
    return [_document(row._mapping, with_text=False) for row in conn.execute(query)]


def get_document(conn: sa.Connection, document_id: str) -> DocumentRecord:
    row = conn.execute(sa.select(documents).where(documents.c.id == document_id)).first()
    if row is None:
        raise NotFound(f"no document {document_id!r} in the store")
    return _document(row._mapping, with_text=True)


def search_documents(conn: sa.Connection, query: str, limit: int) -> list[SearchHit]:
    matches = fts.search(conn, checked_query(query), limit)
    if not matches:
        return []
    ids = [m.document_id for m in matches]
    meta = {
        r.id: r
        for r in conn.execute(
            sa.select(documents.c.id, documents.c.title, documents.c.outlet, documents.c.published).where(
                documents.c.id.in_(ids)
            )
        )
    }
    linked: dict[str, list[str]] = defaultdict(list)
    for r in conn.execute(
        sa.select(incident_reports.c.document_id, incident_reports.c.incident_id).where(
            incident_reports.c.document_id.in_(ids)
        )
    ):
        if r.incident_id not in linked[r.document_id]:
            linked[r.document_id].append(r.incident_id)
    hits = []
    for match in matches:
        row = meta.get(match.document_id)
        if row is not None:
            hits.append(
                SearchHit(match.document_id, row.title, match.snippet, row.outlet, row.published,
                          linked.get(match.document_id, []))
            )
    return hits


def unclaimed_candidates(conn: sa.Connection, since: date | None) -> list[dict[str, Any]]:
    """Dated incidents without a claim (CLAIMING), as the few fields `analytics.unclaimed` reads."""
    has_claim = sa.exists().where(claims.c.incident_id == incidents.c.id, claims.c.status.in_(["claimed", "disputed"]))
    query = sa.select(incidents.c.id, incidents.c.date, incidents.c.place_name).where(
        sa.not_(has_claim), incidents.c.date.is_not(None)
    )
    if since is not None:
        query = query.where(incidents.c.date_end >= since)
    return [{"id": r.id, "date": r.date, "place": {"name": r.place_name}, "claims": []} for r in conn.execute(query)]
