"""Claim judgements kept in the store, so a read never rescans every claim (issue 8 item 6, issue 11 row 8).

    claim_judgements   per claim: its group's usual delay range as seen from it, and the anomaly if any
    group_profiles     per group: delay statistics, channels, wording shares, anomalies (no delay list)

`rejudge(conn, groups)` recomputes the named groups in full (a new claim with an early incident date
changes the history of every later claim of its group) with `analytics.usual_ranges`, n log n per
group. `Store.add` calls it for the groups a document touched, in the same transaction; a store
opened with claims but no judgements (written before this table existed) is judged once on open.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa

from .. import analytics
from .schema import claim_judgements, claims, group_profiles, incidents

BLANK = {"history": None, "usual_range": None, "anomaly": None}


def claim_points(conn: sa.Connection, group: str | None = None) -> list[analytics.ClaimPoint]:
    """The few fields analytics reads, for every claim (or one group's), without evidence or sources."""
    query = (
        sa.select(claims.c.id, claims.c.group_name, claims.c.channel, claims.c.delay_value, claims.c.delay_min,
                  claims.c.delay_max, claims.c.link, claims.c.status, claims.c.incident_id,
                  incidents.c.date.label("incident_date"))
        .select_from(claims.outerjoin(incidents, incidents.c.id == claims.c.incident_id))
        .order_by(incidents.c.date_start.desc().nulls_last(), claims.c.first_seen.desc(), claims.c.id)
    )
    if group is not None:
        query = query.where(claims.c.group_name == group)
    return [
        analytics.ClaimPoint(
            id=r.id,
            group=r.group_name or None,
            channel=r.channel or None,
            delay=analytics.delay_from({"value": r.delay_value, "min": r.delay_min, "max": r.delay_max}),
            link=r.link or "unclear",
            status=r.status or "claimed",
            incident_id=r.incident_id,
            incident_date=analytics.parse_date(r.incident_date),
        )
        for r in conn.execute(query)
    ]


def groups_touched(conn: sa.Connection, incident_ids: Iterable[str], claim_ids: Iterable[str]) -> set[str]:
    """The groups with a claim on these incidents or among these claims: the ones a write may change."""
    incident_ids, claim_ids = list(incident_ids), list(claim_ids)
    if not incident_ids and not claim_ids:
        return set()
    query = sa.select(claims.c.group_name).distinct().where(
        claims.c.group_name.is_not(None),
        sa.or_(claims.c.incident_id.in_(incident_ids), claims.c.id.in_(claim_ids)),
    )
    return {name for (name,) in conn.execute(query)}


def rejudge(conn: sa.Connection, groups: Iterable[str] | None = None) -> int:
    """Recompute the judgements and profiles of `groups` (None: every group); returns how many groups."""
    if groups is None:
        names = sorted(n for (n,) in conn.execute(sa.select(claims.c.group_name).distinct()) if n)
        conn.execute(claim_judgements.delete())
        conn.execute(group_profiles.delete())
    else:
        names = sorted(set(groups))
    for name in names:
        _rejudge_group(conn, name)
    return len(names)


def _rejudge_group(conn: sa.Connection, name: str) -> None:
    points = claim_points(conn, name)
    judged = analytics.usual_ranges(points)
    conn.execute(claim_judgements.delete().where(claim_judgements.c.group_name == name))
    conn.execute(group_profiles.delete().where(group_profiles.c.name == name))
    if not points:
        return
    rows = [
        {"claim_id": cid, "group_name": name, "anomaly_kind": u.anomaly.kind if u.anomaly else None,
         "usual": json.dumps(u.to_dict())}
        for cid, u in judged.items()
    ]
    for start in range(0, len(rows), 500):
        conn.execute(claim_judgements.insert(), rows[start : start + 500])
    wikidata = conn.execute(
        sa.select(sa.func.max(claims.c.group_wikidata_id)).where(claims.c.group_name == name)
    ).scalar()
    profile = analytics.group_profile(name, wikidata, points, judged)
    conn.execute(group_profiles.insert().values(name=name, claims=len(points), profile=json.dumps(profile)))


def needs_judging(conn: sa.Connection) -> bool:
    """Claims with a group but no judgements at all: a store written before judgements were kept."""
    has_claims = conn.execute(sa.select(claims.c.id).where(claims.c.group_name.is_not(None)).limit(1)).first()
    has_judgements = conn.execute(sa.select(claim_judgements.c.claim_id).limit(1)).first()
    return has_claims is not None and has_judgements is None


def usual_of(conn: sa.Connection, claim_ids: list[str]) -> dict[str, dict[str, Any]]:
    """The stored judgement of each claim id (claims without a group have none: `BLANK`)."""
    if not claim_ids:
        return {}
    query = sa.select(claim_judgements.c.claim_id, claim_judgements.c.usual).where(
        claim_judgements.c.claim_id.in_(claim_ids)
    )
    return {r.claim_id: json.loads(r.usual) for r in conn.execute(query)}


def profiles(conn: sa.Connection, name: str | None = None) -> list[dict[str, Any]]:
    """Stored group profiles, most claims first (or the one named, case-insensitively)."""
    query = sa.select(group_profiles.c.profile).order_by(group_profiles.c.claims.desc(), group_profiles.c.name)
    if name is not None:
        query = query.where(sa.func.lower(group_profiles.c.name) == name.strip().lower())
    return [json.loads(r.profile) for r in conn.execute(query)]
