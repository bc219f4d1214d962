"""What the store hands back: plain dataclasses, each with `to_dict()` (JSON-ready)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ..model import Count, Group, Perpetrator, Place, Range, incident_country


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


@dataclass
class EvidenceRecord:
    """A sentence a fact was read from, in the document it came from."""

    text: str
    start: int
    end: int
    attributed_to: str | None
    document_id: str
    fact: str = "incident"  # incident | claim | casualty

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass
class SourceRecord:
    """A document that reports an incident or a claim (no text)."""

    id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: datetime | None

    def to_dict(self) -> dict[str, Any]:
        return {**dataclasses.asdict(self), "published": _iso(self.published)}


@dataclass
class DocumentRecord:
    id: str
    content_hash: str
    title: str | None
    outlet: str | None
    url: str | None
    author: str | None
    published: datetime | None
    source: str | None
    ingested_at: datetime
    extractor_version: str
    text: str | None = None  # only filled by `Store.document(id)`

    def to_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["published"] = _iso(self.published)
        data["ingested_at"] = _iso(self.ingested_at)
        if self.text is None:
            del data["text"]
        return data


@dataclass
class CountBasis:
    """How an incident's current casualty figure was chosen, and from which report."""

    rule: str  # e.g. "most recent report", "most sources among the most recent reports", "bounds"
    document_id: str | None = None
    reported_at: datetime | None = None
    sources: int = 0  # how many documents report the chosen figure

    def to_dict(self) -> dict[str, Any]:
        return {**dataclasses.asdict(self), "reported_at": _iso(self.reported_at)}


@dataclass
class CasualtyReportRecord:
    """One reported casualty figure, as one document gave it."""

    id: str
    kind: str
    count: Count
    document_id: str
    outlet: str | None
    reported_at: datetime | None
    evidence: EvidenceRecord | None
    extractor_version: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            **self.count.to_dict(),
            "document_id": self.document_id,
            "outlet": self.outlet,
            "reported_at": _iso(self.reported_at),
            "evidence": self.evidence.to_dict() if self.evidence else None,
            "extractor_version": self.extractor_version,
        }


@dataclass
class ClaimRecord:
    """A claim of responsibility (or denial) by one group for one incident, merged across documents."""

    id: str
    incident_id: str | None
    group: Group | None
    channel: str | None
    claimed_at: str | None
    delay_hours: Range
    wording: str | None
    link: str
    link_cue: str | None
    status: str
    evidence: list[EvidenceRecord]
    document_id: str  # the first document that reported it
    document_ids: list[str] = field(default_factory=list)  # every document that reported it
    incident_date: str | None = None
    incident_place: Place | None = None
    incident_country_code: str | None = None  # the incident's country (its place's, else its own)
    extractor_version: str = ""
    confidence: float | None = None  # 0-1, the highest of its reports' (confidence.py); None: stored before

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "incident_id": self.incident_id,
            "group": self.group.to_dict() if self.group else None,
            "channel": self.channel,
            "claimed_at": self.claimed_at,
            "delay_hours": self.delay_hours.to_dict(),
            "wording": self.wording,
            "link": self.link,
            "link_cue": self.link_cue,
            "status": self.status,
            "evidence": [e.to_dict() for e in self.evidence],
            "document_id": self.document_id,
            "document_ids": list(self.document_ids),
            "incident_date": self.incident_date,
            "incident_place": self.incident_place.to_dict() if self.incident_place else None,
            "incident_country_code": incident_country(self.incident_place, self.incident_country_code),
            "extractor_version": self.extractor_version,
            "confidence": self.confidence,
        }


@dataclass
class IncidentRecord:
    """A canonical incident: every document that reports it, every figure, every claim, with evidence."""

    id: str
    date: str | None
    date_precision: str | None
    place: Place | None
    attack_types: list[str]
    weapon_types: list[str]
    killed: Count
    wounded: Count
    perpetrators: list[Perpetrator]
    targets: list[str]
    victims: list[str] = field(default_factory=list)
    weapons: list[str] = field(default_factory=list)
    killed_basis: CountBasis | None = None
    wounded_basis: CountBasis | None = None
    claims: list[ClaimRecord] = field(default_factory=list)
    casualty_reports: list[CasualtyReportRecord] = field(default_factory=list)
    sources: list[SourceRecord] = field(default_factory=list)
    evidence: list[EvidenceRecord] = field(default_factory=list)
    report_count: int = 0
    first_seen: datetime | None = None
    updated_at: datetime | None = None
    extractor_version: str = ""
    confidence: float | None = None  # 0-1, the highest of its reports' (confidence.py); None: stored before
    firmness: dict[str, str] = field(default_factory=dict)  # field -> how it was read (confidence.firmness)
    country_code: str | None = None  # known without a place (Incident.country_code); use `country`

    @property
    def country(self) -> str | None:
        """The country it happened in: its place's, else the country known without a place."""
        return incident_country(self.place, self.country_code)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "date": self.date,
            "date_precision": self.date_precision,
            "place": self.place.to_dict() if self.place else None,
            "country_code": self.country,
            "attack_types": list(self.attack_types),
            "weapon_types": list(self.weapon_types),
            "killed": self.killed.to_dict(),
            "wounded": self.wounded.to_dict(),
            "killed_basis": self.killed_basis.to_dict() if self.killed_basis else None,
            "wounded_basis": self.wounded_basis.to_dict() if self.wounded_basis else None,
            "perpetrators": [p.to_dict() for p in self.perpetrators],
            "targets": list(self.targets),
            "victims": list(self.victims),
            "weapons": list(self.weapons),
            "claims": [c.to_dict() for c in self.claims],
            "casualty_reports": [r.to_dict() for r in self.casualty_reports],
            "sources": [s.to_dict() for s in self.sources],
            "evidence": [e.to_dict() for e in self.evidence],
            "report_count": self.report_count,
            "first_seen": _iso(self.first_seen),
            "updated_at": _iso(self.updated_at),
            "extractor_version": self.extractor_version,
            "confidence": self.confidence,
            "firmness": dict(self.firmness),
        }


@dataclass
class SearchHit:
    """A document that matches a full-text query, with the incidents it reports."""

    id: str
    title: str | None
    snippet: str
    outlet: str | None = None
    published: datetime | None = None
    incident_ids: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {**dataclasses.asdict(self), "published": _iso(self.published)}


@dataclass
class GroupRecord:
    name: str
    wikidata_id: str | None
    claims: int
    incidents: int = 0

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass
class AddResult:
    """What `Store.add` did with one document."""

    document_id: str
    created: bool
    incident_ids: list[str] = field(default_factory=list)  # canonical ids, one per incident of the document
    claim_ids: list[str] = field(default_factory=list)
    merged_incident_ids: list[str] = field(default_factory=list)  # the subset that joined a stored incident

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)
