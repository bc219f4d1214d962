"""Plain dataclasses that flow between the pipeline stages.

Everything here is picklable and converts to the JSON contract of `claimwatch extract --json` with
`to_dict()`. Offsets are character offsets into the *cleaned* document text (`Document.text`).
Unknown values are `None`, never guessed.
"""

from __future__ import annotations

import dataclasses
import hashlib
import math
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

DatePrecision = Literal["hour", "day", "month", "year"]
CasualtyKind = Literal["killed", "wounded"]
ClaimStatus = Literal["claimed", "denied", "disputed", "suspected"]
OperationalLink = Literal["directed", "inspired", "unclear"]
PerpetratorKind = Literal["group", "individual"]


def add_trace(trace: list[str], *ids: str | None) -> None:
    """Append ids to a trace, each once, in the order they first decided something."""
    for value in ids:
        if value and value not in trace:
            trace.append(value)


def normalise_for_hash(text: str) -> str:
    """The form two texts share when they are "the same document" (case and spacing ignored)."""
    return re.sub(r"\s+", " ", text).strip().lower()


def content_hash(text: str) -> str:
    return hashlib.sha256(normalise_for_hash(text).encode("utf-8")).hexdigest()


# --------------------------------------------------------------------------- documents


@dataclass
class Document:
    """One article or statement, as ingested (stage `ingest`) and then cleaned (stage `clean`)."""

    text: str
    url: str | None = None
    title: str | None = None
    published: datetime | None = None
    outlet: str | None = None
    author: str | None = None
    language: str | None = None  # ISO 639-1; None: detected by the pipeline (lang/detect.py)
    source: str | None = None  # where it came from: a path, "path:line", a WARC record, "<stdin>"

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)

    def to_dict(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "outlet": self.outlet,
            "author": self.author,
            "language": self.language,
            "source": self.source,
        }


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass
class Evidence:
    """The sentence a fact was read from, and who the article says reported it."""

    text: str
    start: int
    end: int
    attributed_to: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


# --------------------------------------------------------------------------- values


@dataclass
class Range:
    """A number that may be exact (`value`) or only bounded (`min`/`max`)."""

    value: float | None = None
    min: float | None = None
    max: float | None = None

    @property
    def known(self) -> bool:
        return self.value is not None or self.min is not None or self.max is not None

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "min": self.min, "max": self.max}


@dataclass
class Count:
    """A casualty figure: exact (`value`), bounded (`min`/`max`: "at least 25", "dozens", "20-30")."""

    value: int | None = None
    min: int | None = None
    max: int | None = None
    includes_perpetrators: bool | None = None

    @property
    def known(self) -> bool:
        return self.value is not None or self.min is not None or self.max is not None

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass
class Place:
    name: str
    country_code: str | None = None  # ISO 3166-1 alpha-2
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None
    geonameid: int | None = None

    @property
    def rank(self) -> int:
        """How specific the place is, smaller is finer: 0 a populated place or an area inside a region, 1 a
        region (its admin1 is itself), 2 a country (as the gazetteer marks them: no admin1, no geonameid).
        The resolver and the store's linking both rank places by this one rule."""
        if self.geonameid is not None or (self.admin1 is not None and self.admin1 != self.name):
            return 0
        return 1 if self.admin1 is not None else 2

    def km_to(self, other: Place) -> float | None:
        """The great-circle distance to another place in kilometres; None where either has no coordinates."""
        if self.lat is None or self.lon is None or other.lat is None or other.lon is None:
            return None
        lat1, lon1, lat2, lon2 = map(math.radians, (self.lat, self.lon, other.lat, other.lon))
        h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
        return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def incident_country(place: Place | None, country_code: str | None) -> str | None:
    """An incident's country: its place's where the place has one, else `country_code` (an incident known only
    by its country). The one rule of the model, the store's records, the exports and the evaluation."""
    if place is not None and place.country_code:
        return place.country_code
    return country_code or None


@dataclass
class Group:
    """A militant group, canonicalised through the curated alias table (`claimwatch/data/groups.json`)."""

    name: str
    wikidata_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "wikidata_id": self.wikidata_id}


@dataclass
class Perpetrator:
    name: str
    kind: PerpetratorKind
    wikidata_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass
class CasualtyReport:
    """One reported casualty figure with where it came from; an incident keeps them all."""

    kind: CasualtyKind
    count: Count
    evidence: Evidence
    reported_at: datetime | None = None  # the publication time of the report

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            **self.count.to_dict(),
            "reported_at": self.reported_at.isoformat() if self.reported_at else None,
            "evidence": self.evidence.to_dict(),
        }


# --------------------------------------------------------------------------- mentions (stage `extract`)
# Sentence-level findings. The `resolve` stage groups them into incidents and claims.


@dataclass
class Mention:
    start: int
    end: int
    text: str
    sentence: int
    # The ids of the cues and rules that found it ("en.event.bombing"): the start of a fact's trace.
    trace: list[str] = field(default_factory=list, kw_only=True)


@dataclass
class EventMention(Mention):
    """A word that reports an attack ("bombing", "opened fire", "rampage")."""

    attack_types: list[str] = field(default_factory=list)
    weapon_types: list[str] = field(default_factory=list)


@dataclass
class DateMention(Mention):
    date: str = ""  # ISO date, precise to `precision`
    precision: DatePrecision = "day"
    relative: bool = False  # resolved against the publication date ("on Saturday", "two weeks ago")


@dataclass
class PlaceMention(Mention):
    place: Place = field(default_factory=lambda: Place(name=""))


@dataclass
class CountMention(Mention):
    kind: CasualtyKind = "killed"
    count: Count = field(default_factory=Count)
    by_claimant: bool = False  # the group's own figure ("claimed that it killed 17"), not an independent count
    revised: bool = False  # a corrected toll ("revising the toll from 39 to 38"): it stands, even below others
    vague: bool = False  # a vague plural only ("dozens", "thousands"): a figure in numbers is the firmer one
    recalled: bool = False  # told of an earlier attack ("a week ago", "earlier this year"): the lead's figure wins
    additional: bool = False  # more victims besides those counted ("a civilian was also killed"): they add up
    aggregate: bool = False  # a toll over several acts ("died in various raids"): an act's own figure wins
    other_act: bool = False  # of another act than its incident ("Later that day, ... shot four"): the lead's wins


@dataclass
class GroupMention(Mention):
    group: Group = field(default_factory=lambda: Group(name=""))


@dataclass
class RoleMention(Mention):
    """An entity filling an incident role: perpetrator individual, target, victim, weapon."""

    role: Literal["perpetrator_individual", "perpetrator_group", "target", "victim", "weapon"] = "target"


@dataclass
class ClaimMention(Mention):
    """A sentence that reports a claim of responsibility, a denial, or an attribution by others."""

    group: Group | None = None
    status: ClaimStatus = "claimed"
    channel: str | None = None
    link: OperationalLink = "unclear"
    link_cue: str | None = None
    wording: str | None = None
    delay_hours: Range = field(default_factory=Range)
    claimed_at: str | None = None  # ISO datetime or date, when the text or the publication time says


@dataclass
class Quote:
    speaker: str
    affiliation: str | None
    text: str
    start: int = 0
    end: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"speaker": self.speaker, "affiliation": self.affiliation, "text": self.text}


# --------------------------------------------------------------------------- results (stage `resolve`)


@dataclass
class Incident:
    id: str
    date: str | None = None
    date_precision: DatePrecision | None = None
    place: Place | None = None
    # ISO 3166-1 alpha-2 of the country it happened in where no place is known ("ten days ago, a bus was
    # attacked" in a report about Kabul: resolve.3.country); use `country`, which prefers the place's.
    country_code: str | None = None
    attack_types: list[str] = field(default_factory=list)
    weapon_types: list[str] = field(default_factory=list)
    killed: Count = field(default_factory=Count)
    wounded: Count = field(default_factory=Count)
    perpetrators: list[Perpetrator] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    victims: list[str] = field(default_factory=list)
    weapons: list[str] = field(default_factory=list)  # weapon mentions as written ("car bomb")
    relevance: float | None = None  # P(a terrorist incident, not combat or politics): role_assignment
    type_hint: str | None = None  # MUC-4 incident type from the document model (role_assignment)
    # P(an analyst would record this incident as found), calibrated on our own labels (confidence.py)
    confidence: float | None = None
    # field -> how it was read: killed/wounded "exact" | "bounded" | "claimant"; date "explicit" | "relative"
    # | "approximate" | "inferred"; place "town" | "region" | "country" (confidence.firmness)
    firmness: dict[str, str] = field(default_factory=dict)
    casualty_reports: list[CasualtyReport] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    trace: list[str] = field(default_factory=list)  # the cue and rule ids that produced it, in order

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
            "perpetrators": [p.to_dict() for p in self.perpetrators],
            "targets": list(self.targets),
            "victims": list(self.victims),
            "weapons": list(self.weapons),
            "casualty_reports": [r.to_dict() for r in self.casualty_reports],
            "evidence": [e.to_dict() for e in self.evidence],
            "trace": list(self.trace),
            "confidence": self.confidence,
            "firmness": dict(self.firmness),
        }


@dataclass
class Claim:
    incident_id: str | None
    group: Group | None
    channel: str | None = None
    claimed_at: str | None = None
    delay_hours: Range = field(default_factory=Range)
    wording: str | None = None
    link: OperationalLink = "unclear"
    link_cue: str | None = None
    status: ClaimStatus = "claimed"
    evidence: list[Evidence] = field(default_factory=list)
    trace: list[str] = field(default_factory=list)  # the cue and rule ids that produced it, in order
    confidence: float | None = None  # P(an analyst would record this claim so), calibrated (confidence.py)

    def to_dict(self) -> dict[str, Any]:
        return {
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
            "trace": list(self.trace),
            "confidence": self.confidence,
        }


@dataclass
class Extraction:
    """The output of `claimwatch.extract`: one document's incidents, claims and quotes."""

    document: Document
    incidents: list[Incident] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    extractor_version: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "document": self.document.to_dict(),
            "incidents": [i.to_dict() for i in self.incidents],
            "claims": [c.to_dict() for c in self.claims],
            "quotes": [q.to_dict() for q in self.quotes],
            "extractor_version": self.extractor_version,
        }
