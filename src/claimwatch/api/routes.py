"""The `/api/` endpoints: each one a call into the shared query layer (`claimwatch.service.Desk`).

Errors are raised as `claimwatch.errors` types or `HTTPException`; `app.py` renders them all as
`{"error": {"status": ..., "message": ...}}`.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Response

from .. import __version__
from ..errors import InputTooLarge
from ..model import Document
from ..service import OFFSET_MAX, PAGE_MAX, SEARCH_MAX, ClaimQuery, Desk, IncidentQuery, with_judgement
from ..service import Page as ServicePage
from ..settings import max_bytes
from ..store.queries import QUERY_MAX_CHARS
from ..url_dates import with_url_date
from .deps import AppConfig, as_dict, config, require_read, require_write
from .schemas import ERRORS, AddOut, DocumentIn, Page

router = APIRouter(prefix="/api", responses=ERRORS)
reads = APIRouter(prefix="/api", dependencies=[Depends(require_read)], responses=ERRORS)

Cfg = Annotated[AppConfig, Depends(config)]
Limit = Annotated[int, Query(ge=1, le=PAGE_MAX, description=f"Page size (1–{PAGE_MAX}).")]
Offset = Annotated[int, Query(ge=0, le=OFFSET_MAX, description=f"How many records to skip (at most {OFFSET_MAX:,}).")]
Text = Annotated[str | None, Query(max_length=QUERY_MAX_CHARS,
                                   description="Full-text query over the incident's source documents (at most "
                                               f"{QUERY_MAX_CHARS} characters, 12 different words).")]
MinConfidence = Annotated[
    float | None,
    Query(ge=0.0, le=1.0, description="Only records at least this sure (0–1, e.g. 0.8): the calibrated confidence "
                                      "of the pipeline (records stored before confidences were kept have none and "
                                      "are left out)."),
]
ATTACK_TYPES_HELP = (
    "A stored attack type: Assassination, Armed Assault, Bombing/Explosion, Hijacking, Hostage Taking "
    "(Barricade Incident), Hostage Taking (Kidnapping), Facility/Infrastructure Attack, Unarmed Assault, Unknown; "
    "case-insensitive, also as a slug (bombing_explosion) or one word of the name (bombing, kidnapping)."
)


def _desk(cfg: AppConfig) -> Desk:
    return Desk(cfg.store)


def _page(page: ServicePage, items: list[dict[str, Any]]) -> Page:
    return Page(items=items, total=page.total, limit=page.limit, offset=page.offset, next_offset=page.next_offset,
                next_cursor=page.next_cursor)


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
    country: Annotated[str | None, Query(max_length=100, description="ISO 3166-1 code or name, e.g. GB.")] = None,
    group: Annotated[str | None, Query(max_length=200, description="A group named as perpetrator or claimant.")
                     ] = None,
    attack_type: Annotated[str | None, Query(max_length=100, description=ATTACK_TYPES_HELP)] = None,
    claimed: Annotated[bool | None, Query(description="true: some group claimed it; false: nobody did.")] = None,
    q: Text = None,
    min_confidence: MinConfidence = None,
    limit: Limit = 50,
    offset: Offset = 0,
    cursor: Annotated[str | None, Query(max_length=400, description="`next_cursor` of the previous page.")] = None,
) -> Page:
    query = IncidentQuery(since, until, country, group, attack_type, claimed, q, min_confidence)
    page = _desk(cfg).incidents(query, limit=limit, offset=offset, cursor=cursor)
    return _page(page, [as_dict(i) for i in page.items])


@reads.get("/incidents/{incident_id}", summary="One incident with its claims, casualty reports, sources and evidence",
           tags=["incidents"])
def get_incident(incident_id: str, cfg: Cfg) -> dict[str, Any]:
    return _desk(cfg).incident_dict(incident_id)


# --------------------------------------------------------------------------- claims


@reads.get("/claims", response_model=Page, summary="Claims with their delay and anomaly flag", tags=["claims"])
def list_claims(
    cfg: Cfg,
    group: Annotated[str | None, Query(max_length=200, description="Canonical group name, e.g. Islamic State.")
                     ] = None,
    since: Annotated[date | None, Query(description="Claims for incidents on or after this date.")] = None,
    until: Annotated[date | None, Query(description="Claims for incidents on or before this date.")] = None,
    status: Annotated[str | None, Query(max_length=20, description="claimed, denied, disputed or suspected.")] = None,
    anomalous: Annotated[bool | None, Query(description="true: only claims outside their group's usual delay.")] = None,
    min_confidence: MinConfidence = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page:
    query = ClaimQuery(group, since, until, status, anomalous, min_confidence)
    page = _desk(cfg).claims(query, limit=limit, offset=offset)
    return _page(page, [with_judgement(c.to_dict(), page.judgements) for c in page.items])


# --------------------------------------------------------------------------- groups and stats


@reads.get("/groups", summary="Group profiles with their delay statistics", tags=["groups"])
def list_groups(cfg: Cfg) -> dict[str, Any]:
    items = _desk(cfg).groups()
    return {"items": items, "total": len(items)}


@reads.get("/groups/{name}", summary="One group: delay distribution, channels, wording over time, anomalies",
           tags=["groups"])
def get_group(name: str, cfg: Cfg) -> dict[str, Any]:
    return _desk(cfg).group(name)


@reads.get("/stats", summary="Claim-timing analytics: delays by group and channel, anomalies, conflicts, silence",
           tags=["claims"])
def stats(
    cfg: Cfg,
    group: Annotated[str | None, Query(max_length=200, description="Only this group's claims.")] = None,
    since: Annotated[date | None, Query(description="Only claims for incidents on or after this date.")] = None,
    unclaimed_days: Annotated[int, Query(ge=0, le=36_500,
                                         description="List incidents with no claim after this many days.")] = 7,
) -> dict[str, Any]:
    summary, silent = _desk(cfg).stats(group=group, since=since, unclaimed_days=unclaimed_days)
    return {**summary.to_dict(), "unclaimed": [u.to_dict() for u in silent]}


# --------------------------------------------------------------------------- documents and search


@reads.get("/documents", response_model=Page, summary="List stored documents", tags=["documents"])
def list_documents(cfg: Cfg, limit: Limit = 50, offset: Offset = 0) -> Page:
    page = _desk(cfg).documents(limit=limit, offset=offset)
    return _page(page, [as_dict(d) for d in page.items])


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
    q: Annotated[str, Query(min_length=1, max_length=QUERY_MAX_CHARS,
                            description=f"Words to look for (at most {QUERY_MAX_CHARS} characters, 12 words).")],
    limit: Annotated[int, Query(ge=1, le=SEARCH_MAX)] = 20,
) -> dict[str, Any]:
    items = [as_dict(h) for h in _desk(cfg).search(q, limit=limit)]
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
    document = with_url_date(Document(
        text=body.text,
        url=body.url,
        title=body.title,
        published=body.published,
        outlet=body.outlet,
        author=body.author,
        source=body.source or "api",
    ))
    result = cfg.store.add(document, cfg.extractor(document))
    is_record = dataclasses.is_dataclass(result) and not isinstance(result, type)
    raw = dataclasses.asdict(result) if is_record else as_dict(result)
    out = AddOut.model_validate(raw)
    if not out.created:
        response.status_code = 200
    return out
