"""Alerts: rules from the config over what the watcher stored, an outbox in the store, delivery with retries.

Rules (`when`), each optionally limited to `countries`:
    claim          a group's own claim (claimed, or disputed by a competing claim); `groups` limits it
    denial         a group denies it; `groups` limits it
    competing      two or more groups claim the same incident
    unusual_delay  a claim whose delay is unusual for its group, by `analytics.usual_ranges` (the
                   anomaly rule documented in analytics.py; it needs 5 earlier claims of the group)
    killed         an incident with at least `min_killed` killed (the current figure, or its lower bound)

Each (rule, fact) gives one alert id (the fact: the claim id, or the incident id for `competing` and
`killed`), and the outbox (table `alerts`) holds each id once: a second outlet reporting the same claim,
or a re-run, fires nothing new. An alert is written to the outbox first and delivered after; a failed
delivery stays pending and is retried with a growing delay (30 s, 1 min, 2 min, ... up to an hour), on
this run or the next, so no alert is lost. A crash between delivery and its record can repeat one
delivery: receivers can drop repeats by `alert_id`.

The payload (webhook body, or one JSON line in a file or on stdout):

    {"alert_id": "alr-…", "rule": "is-claims", "when": "claim", "fact": "clm-…", "created_at": "…Z",
     "incident": {"id", "date", "place", "country_code", "attack_types", "killed", "wounded"},
     "claim": {"id", "group", "status", "channel", "delay_hours", "link", "anomaly"} | null,
     "evidence": [{"text", "document_id", "attributed_to"}],
     "sources": [{"document_id", "outlet", "title", "url", "published"}],
     "links": {"dashboard": "http://…/#/incident/inc-…", "api": "http://…/api/incidents/inc-…"}}
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import sqlalchemy as sa

from .. import analytics
from ..store.ids import fact_id
from ..store.schema import alerts as alerts_table
from .config import AlertRule

if TYPE_CHECKING:
    from ..store import ClaimRecord, IncidentRecord, Store

CLAIMING = analytics.CLAIMING
FIRST_RETRY = timedelta(seconds=30)
MAX_RETRY = timedelta(hours=1)
WEBHOOK_TIMEOUT = 10.0


@dataclass
class AlertRecord:
    id: str
    rule: str
    fact: str
    destination: str
    status: str
    attempts: int
    created_at: datetime
    sent_at: datetime | None
    last_error: str | None
    payload: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "rule": self.rule, "fact": self.fact, "destination": self.destination,
                "status": self.status, "attempts": self.attempts, "created_at": self.created_at.isoformat(),
                "sent_at": self.sent_at.isoformat() if self.sent_at else None, "last_error": self.last_error,
                "payload": self.payload}


# --------------------------------------------------------------------------- rules


def facts(rule: AlertRule, incident: IncidentRecord, judged: dict[str, analytics.Usual]
          ) -> list[tuple[str, ClaimRecord | None]]:
    """The facts of `incident` that `rule` fires on: (fact key, the claim it is about, if any)."""
    if rule.countries and (incident.country or "") not in rule.countries:
        return []
    wanted = {g.lower() for g in rule.groups}

    def group_ok(claim: ClaimRecord) -> bool:
        return not wanted or (claim.group is not None and claim.group.name.lower() in wanted)

    if rule.when == "claim":
        return [(c.id, c) for c in incident.claims if c.status in CLAIMING and c.group and group_ok(c)]
    if rule.when == "denial":
        return [(c.id, c) for c in incident.claims if c.status == "denied" and group_ok(c)]
    if rule.when == "competing":
        claimants = [c for c in incident.claims if c.status in CLAIMING and c.group]
        return [(incident.id, claimants[0])] if len({c.group.name for c in claimants if c.group}) > 1 else []
    if rule.when == "unusual_delay":
        return [(c.id, c) for c in incident.claims
                if group_ok(c) and c.id in judged and judged[c.id].anomaly is not None]
    if rule.when == "killed":
        killed = incident.killed.value if incident.killed.value is not None else incident.killed.min
        return [(incident.id, None)] if killed is not None and killed >= rule.min_killed else []
    return []


def evaluate(store: Store, rules: list[AlertRule], incident_ids: Iterable[str], dashboard_url: str,
             now: datetime) -> int:
    """Put an alert in the outbox for each new (rule, fact) among these incidents; how many were new."""
    if not rules:
        return 0
    judged: dict[str, analytics.Usual] = {}
    if any(r.when == "unusual_delay" for r in rules):
        judged = analytics.usual_ranges(analytics.claim_points(_all_claims(store)))
    new = 0
    for incident_id in sorted(set(incident_ids)):
        incident = store.incident(incident_id)
        for rule in rules:
            for fact, claim in facts(rule, incident, judged):
                payload = build_payload(rule, fact, incident, claim, judged, dashboard_url, now)
                new += _enqueue(store.engine, rule, fact, payload, now)
    return new


def _all_claims(store: Store) -> list[ClaimRecord]:
    claims: list[ClaimRecord] = []
    while True:
        page = store.claims(limit=1000, offset=len(claims))
        claims.extend(page)
        if len(page) < 1000:
            return claims


def build_payload(rule: AlertRule, fact: str, incident: IncidentRecord, claim: ClaimRecord | None,
                  judged: dict[str, analytics.Usual], dashboard_url: str, now: datetime) -> dict[str, Any]:
    base = dashboard_url.rstrip("/")
    place = incident.place
    evidence = claim.evidence if claim and claim.evidence else incident.evidence
    usual = judged.get(claim.id) if claim else None
    return {
        "alert_id": alert_id(rule, fact),
        "rule": rule.name,
        "when": rule.when,
        "fact": fact,
        "created_at": now.isoformat() + "Z",
        "incident": {
            "id": incident.id, "date": incident.date, "place": place.name if place else None,
            "country_code": incident.country, "attack_types": incident.attack_types,
            "killed": incident.killed.to_dict(), "wounded": incident.wounded.to_dict(),
        },
        "claim": None if claim is None else {
            "id": claim.id, "group": claim.group.to_dict() if claim.group else None, "status": claim.status,
            "channel": claim.channel, "delay_hours": claim.delay_hours.to_dict(), "link": claim.link,
            "anomaly": usual.anomaly.to_dict() if usual and usual.anomaly else None,
        },
        "evidence": [{"text": e.text, "document_id": e.document_id, "attributed_to": e.attributed_to}
                     for e in evidence[:3]],
        "sources": [{"document_id": s.id, "outlet": s.outlet, "title": s.title, "url": s.url,
                     "published": s.published.isoformat() if s.published else None} for s in incident.sources],
        "links": {"dashboard": f"{base}/#/incident/{quote(incident.id)}",
                  "api": f"{base}/api/incidents/{quote(incident.id)}"},
    }


def alert_id(rule: AlertRule, fact: str) -> str:
    return fact_id("alr", rule.name, fact)


def _enqueue(engine: sa.Engine, rule: AlertRule, fact: str, payload: dict[str, Any], now: datetime) -> int:
    key = alert_id(rule, fact)
    with engine.begin() as conn:
        if conn.execute(sa.select(alerts_table.c.id).where(alerts_table.c.id == key)).first():
            return 0
        conn.execute(alerts_table.insert().values(
            id=key, rule=rule.name, fact=fact, destination=rule.to, status="pending", attempts=0,
            payload=json.dumps(payload, ensure_ascii=False, sort_keys=True), created_at=now, next_attempt_at=now))
    return 1


# --------------------------------------------------------------------------- delivery


@dataclass
class Delivery:
    sent: int = 0
    failed: int = 0


def deliver(engine: sa.Engine, now: datetime, client: Any = None) -> Delivery:
    """Send every pending alert that is due; a failure stays pending with a later retry time."""
    result = Delivery()
    with engine.connect() as conn:
        rows = conn.execute(sa.select(alerts_table).where(alerts_table.c.status == "pending",
                                                          alerts_table.c.next_attempt_at <= now)
                            .order_by(alerts_table.c.created_at, alerts_table.c.id)).all()
    for row in rows:
        try:
            send(row.destination, row.payload, client)
        except Exception as error:  # any failure of one destination: retried later, never dropped
            delay = min(FIRST_RETRY * 2 ** row.attempts, MAX_RETRY)
            with engine.begin() as conn:
                conn.execute(alerts_table.update().where(alerts_table.c.id == row.id).values(
                    attempts=row.attempts + 1, next_attempt_at=now + delay,
                    last_error=f"{type(error).__name__}: {error}"[:500]))
            result.failed += 1
            continue
        with engine.begin() as conn:
            conn.execute(alerts_table.update().where(alerts_table.c.id == row.id).values(
                status="sent", attempts=row.attempts + 1, sent_at=now, last_error=None))
        result.sent += 1
    return result


def send(destination: str, payload: str, client: Any = None) -> None:
    if destination == "stdout":
        sys.stdout.write(payload + "\n")
        sys.stdout.flush()
    elif destination.startswith("file:"):
        path = Path(destination.removeprefix("file:")).expanduser()
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as handle:
            handle.write(payload + "\n")
    elif destination.startswith("webhook:"):
        import httpx

        url = destination.removeprefix("webhook:")
        headers = {"Content-Type": "application/json", "User-Agent": "Claimwatch alerts"}
        if client is not None:
            response = client.post(url, content=payload.encode("utf-8"), headers=headers, timeout=WEBHOOK_TIMEOUT)
        else:
            response = httpx.post(url, content=payload.encode("utf-8"), headers=headers, timeout=WEBHOOK_TIMEOUT)
        response.raise_for_status()
    else:
        raise ValueError(f"unknown alert destination {destination!r}")


def list_alerts(engine: sa.Engine, limit: int = 50) -> list[AlertRecord]:
    with engine.connect() as conn:
        rows = conn.execute(sa.select(alerts_table).order_by(alerts_table.c.created_at.desc(), alerts_table.c.id)
                            .limit(limit)).all()
    return [AlertRecord(r.id, r.rule, r.fact, r.destination, r.status, r.attempts, r.created_at, r.sent_at,
                        r.last_error, json.loads(r.payload)) for r in rows]
