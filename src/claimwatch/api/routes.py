"""The `/api/` endpoints. Each one is a store call plus, for claims and groups, the analytics on top.

Errors are raised as `claimwatch.errors` types or `HTTPException`; `app.py` renders them all as
`{"error": {"status": ..., "message": ...}}`.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Response

from .. import __version__, analytics
from ..errors import InputTooLarge, NotFound
from ..model import Document
from ..settings import max_bytes
from .deps import PAGE_MAX, AppConfig, as_dict, config, require_read, require_write, scan
from .schemas import ERRORS, AddOut, DocumentIn, Page

router = APIRouter(prefix="/api", responses=ERRORS)
reads = APIRouter(prefix="/api", dependencies=[Depends(require_read)], responses=ERRORS)

Cfg = Annotated[AppConfig, Depends(config)]
Limit = Annotated[int, Query(ge=1, le=PAGE_MAX, description="Page size.")]
Offset = Annotated[int, Query(ge=0, description="How many records to skip.")]


def _page(items: list[dict[str, Any]], total: int | None, limit: int, offset: int, more: bool) -> Page:
    return Page(items=items, total=total, limit=limit, offset=offset, next_offset=offset + limit if more else None)


def _slice(items: list[dict[str, Any]], limit: int, offset: int) -> Page:
    return _page(items[offset : offset + limit], len(items), limit, offset, offset + limit < len(items))


def _all_claims(cfg: AppConfig) -> list[dict[str, Any]]:
    return [as_dict(c) for c in scan(lambda limit, offset: cfg.store.claims(limit=limit, offset=offset))]


def _with_usual(claims: list[dict[str, Any]], judged: dict[str, analytics.Usual]) -> list[dict[str, Any]]:
    """Each claim with its group's usual delay range and, when it falls outside, the anomaly."""
    result = []
    for claim in claims:
        usual = judged.get(str(claim.get("id")))
        blank = {"history": None, "usual_range": None, "anomaly": None}
        result.append({**claim, **(usual.to_dict() if usual else blank)})
    return result


def _judge_all(cfg: AppConfig) -> dict[str, analytics.Usual]:
    return analytics.usual_ranges(analytics.claim_points(_all_claims(cfg)))


# --------------------------------------------------------------------------- health


@router.get("/health", summary="Liveness check", tags=["meta"])
def health() -> dict[str, str]:
    return {"status": "ok", "version": __version__}


# --------------------------------------------------------------------------- incidents


@reads.get("/incidents", response_model=Page, summary="List and filter incidents", tags=["incidents"])
def list_incidents(
    cfg: Cfg,
    since: Annotated[date | None, Query(description="Incidents on or after this date.")] = None,
    until: Annotated[date | None, Query(description="Incidents on or before this date.")] = None,
    country: Annotated[str | None, Query(description="ISO 3166-1 alpha-2 country code, e.g. GB.")] = None,
    group: Annotated[str | None, Query(description="A group named as perpetrator or claimant.")] = None,
    attack_type: Annotated[str | None, Query(description="e.g. bombing, armed_assault, vehicle_ramming.")] = None,
    claimed: Annotated[bool | None, Query(description="true: some group claimed it; false: nobody did.")] = None,
    q: Annotated[str | None, Query(description="Full-text query over the incident's source documents.")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page:
    filters: dict[str, Any] = dict(
        since=since, until=until, country=country, group=group, attack_type=attack_type, claimed=claimed, query=q
    )
    total = cfg.store.count_incidents(**filters)
    items = [as_dict(i) for i in cfg.store.incidents(**filters, limit=limit, offset=offset)]
    return _page(items, total, limit, offset, offset + len(items) < total)


@reads.get("/incidents/{incident_id}", summary="One incident with its claims, casualty reports, sources and evidence",
           tags=["incidents"])
def get_incident(incident_id: str, cfg: Cfg) -> dict[str, Any]:
    incident = as_dict(cfg.store.incident(incident_id))
    incident["claims"] = _with_usual(incident.get("claims") or [], _judge_all(cfg))
    return incident


# --------------------------------------------------------------------------- claims


@reads.get("/claims", response_model=Page, summary="Claims with their delay and anomaly flag", tags=["claims"])
def list_claims(
    cfg: Cfg,
    group: Annotated[str | None, Query(description="Canonical group name, e.g. Islamic State.")] = None,
    since: Annotated[date | None, Query(description="Claims for incidents on or after this date.")] = None,
    until: Annotated[date | None, Query(description="Claims for incidents on or before this date.")] = None,
    status: Annotated[str | None, Query(description="claimed, denied, disputed or suspected.")] = None,
    anomalous: Annotated[bool | None, Query(description="true: only claims outside their group's usual delay.")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page:
    chosen = [
        as_dict(c)
        for c in scan(
            lambda lim, off: cfg.store.claims(
                group=group, since=since, until=until, status=status, limit=lim, offset=off
            )
        )
    ]
    items = _with_usual(chosen, _judge_all(cfg))
    if anomalous is not None:
        items = [c for c in items if (c["anomaly"] is not None) == anomalous]
    return _slice(items, limit, offset)


# --------------------------------------------------------------------------- groups and stats


def _profile(name: str, wikidata_id: str | None, claims: list[dict[str, Any]], judged: dict[str, analytics.Usual]
             ) -> dict[str, Any]:
    points = [p for p in analytics.claim_points(claims) if p.group == name]
    flagged = {p.id: a for p in points if p.id in judged and (a := judged[p.id].anomaly) is not None}
    stats = analytics.delay_stats_by(points, "group").get(name)
    return {
        "name": name,
        "wikidata_id": wikidata_id,
        "claims": len(points),
        "delay": stats.to_dict() if stats else None,
        "by_channel": {k: v.to_dict() for k, v in analytics.delay_stats_by(points, "channel").items()},
        "link_shares": analytics.link_shares(points).get(name, {}),
        "anomalies": [a.to_dict() for a in flagged.values()],
        "delays": [
            {
                "claim_id": p.id,
                "incident_id": p.incident_id,
                "incident_date": p.incident_date.isoformat() if p.incident_date else None,
                "channel": p.channel,
                "status": p.status,
                "link": p.link,
                "delay": dataclasses.asdict(p.delay) if p.delay else None,
                "anomaly": flagged[p.id].kind if p.id in flagged else None,
            }
            for p in points
        ],
    }


def _group_list(cfg: AppConfig) -> list[dict[str, Any]]:
    return [as_dict(g) for g in cfg.store.groups()]


@reads.get("/groups", summary="Group profiles with their delay statistics", tags=["groups"])
def list_groups(cfg: Cfg) -> dict[str, Any]:
    claims = _all_claims(cfg)
    judged = analytics.usual_ranges(analytics.claim_points(claims))
    items = []
    for g in _group_list(cfg):
        profile = _profile(g["name"], g.get("wikidata_id"), claims, judged)
        profile.pop("delays")
        items.append(profile)
    return {"items": items, "total": len(items)}


@reads.get("/groups/{name}", summary="One group: delay distribution, channels, wording over time, anomalies",
           tags=["groups"])
def get_group(name: str, cfg: Cfg) -> dict[str, Any]:
    match = next((g for g in _group_list(cfg) if g["name"].casefold() == name.casefold()), None)
    if match is None:
        raise NotFound(f"no group named {name!r}: see /api/groups for the names the store holds")
    claims = _all_claims(cfg)
    return _profile(match["name"], match.get("wikidata_id"), claims, analytics.usual_ranges(
        analytics.claim_points(claims)))


@reads.get("/stats", summary="Claim-timing analytics: delays by group and channel, anomalies, conflicts, silence",
           tags=["claims"])
def stats(
    cfg: Cfg,
    group: Annotated[str | None, Query(description="Only this group's claims.")] = None,
    since: Annotated[date | None, Query(description="Only claims for incidents on or after this date.")] = None,
    unclaimed_days: Annotated[int, Query(ge=0, description="List incidents with no claim after this many days.")] = 7,
) -> dict[str, Any]:
    summary = analytics.summarise(_all_claims(cfg), group=group, since=since).to_dict()
    silent = scan(lambda lim, off: cfg.store.incidents(claimed=False, since=since, limit=lim, offset=off))
    summary["unclaimed"] = [u.to_dict() for u in analytics.unclaimed(silent, days=unclaimed_days)]
    return summary


# --------------------------------------------------------------------------- documents and search


@reads.get("/documents", response_model=Page, summary="List stored documents", tags=["documents"])
def list_documents(cfg: Cfg, limit: Limit = 50, offset: Offset = 0) -> Page:
    found = [as_dict(d) for d in cfg.store.documents(limit=limit + 1, offset=offset)]
    return _page(found[:limit], None, limit, offset, len(found) > limit)


@reads.get("/documents/{document_id}", summary="One document with its full text", tags=["documents"])
def get_document(document_id: str, cfg: Cfg) -> dict[str, Any]:
    record = cfg.store.document(document_id)
    result = as_dict(record)
    if "text" not in result and getattr(record, "text", None) is not None:
        result["text"] = record.text
    return result


@reads.get("/search", summary="Full-text search over documents", tags=["documents"])
def search(
    cfg: Cfg,
    q: Annotated[str, Query(min_length=1, description="Words to look for.")],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> dict[str, Any]:
    items = [as_dict(h) for h in cfg.store.search(q, limit=limit)]
    return {"items": items, "total": len(items), "query": q}


@router.post(
    "/documents",
    response_model=AddOut,
    status_code=201,
    summary="Ingest a document: extract its incidents and claims and store them (bearer token required)",
    tags=["documents"],
    dependencies=[Depends(require_write)],
    responses={200: {"model": AddOut, "description": "Already stored: nothing written."}},
)
def add_document(body: DocumentIn, response: Response, cfg: Cfg) -> AddOut:
    if len(body.text.encode("utf-8")) > max_bytes():
        raise InputTooLarge("request body", f"the text is larger than {max_bytes()} bytes (CLAIMWATCH_MAX_BYTES)")
    document = Document(
        text=body.text,
        url=body.url,
        title=body.title,
        published=body.published,
        outlet=body.outlet,
        author=body.author,
        source=body.source or "api",
    )
    result = cfg.store.add(document, cfg.extractor(document))
    is_record = dataclasses.is_dataclass(result) and not isinstance(result, type)
    raw = dataclasses.asdict(result) if is_record else as_dict(result)
    out = AddOut.model_validate(raw)
    if not out.created:
        response.status_code = 200
    return out
