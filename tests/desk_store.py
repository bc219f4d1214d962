"""An in-memory stand-in for `claimwatch.store.Store`, filled from tests/fixtures/desk/incidents.json.

It keeps the store interface the API codes against (same method names, filters and record keys), so the
API, analytics and browser tests run without a database and without the spaCy model.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from claimwatch.errors import NotFound
from claimwatch.model import Document, Extraction, content_hash

FIXTURE = Path(__file__).parent / "fixtures" / "desk" / "incidents.json"
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def _id(prefix: str, *parts: str) -> str:
    return prefix + "-" + hashlib.sha256("|".join(parts).encode()).hexdigest()[:12]


def sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in SENTENCE_END.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


@dataclass
class AddResult:
    document_id: str
    created: bool
    incident_ids: list[str] = field(default_factory=list)
    claim_ids: list[str] = field(default_factory=list)
    merged_incident_ids: list[str] = field(default_factory=list)


class FakeStore:
    def __init__(self) -> None:
        self.docs: dict[str, dict[str, Any]] = {}
        self.incs: dict[str, dict[str, Any]] = {}
        self.wikidata: dict[str, str | None] = {}

    # ------------------------------------------------------------------ filling

    @classmethod
    def from_fixture(cls, path: Path = FIXTURE) -> FakeStore:
        store = cls()
        data = json.loads(path.read_text(encoding="utf-8"))
        store.wikidata = dict(data["groups"])
        for article in data["articles"]:
            store._add_article(article)
        return store

    def _document(self, text: str, meta: dict[str, Any]) -> dict[str, Any]:
        doc_id = _id("doc", content_hash(text))
        record = {
            "id": doc_id,
            "title": meta.get("title"),
            "outlet": meta.get("outlet"),
            "url": meta.get("url"),
            "published": meta.get("published"),
            "source": meta.get("source", "fixture"),
            "ingested_at": "2024-01-01T00:00:00",
            "text": text,
        }
        self.docs[doc_id] = record
        return record

    def _add_article(self, a: dict[str, Any]) -> None:
        doc = self._document(a["document"]["text"], a["document"])
        text, spans = doc["text"], sentences(doc["text"])

        def evidence(index: int, attributed_to: str | None = None) -> dict[str, Any]:
            start, end = spans[index]
            return {"text": text[start:end], "start": start, "end": end, "attributed_to": attributed_to,
                    "document_id": doc["id"]}

        name, cc, lat, lon = a["place"]
        place = {"name": name, "country_code": cc, "lat": lat, "lon": lon}
        inc_id = _id("inc", a["key"])
        source = {k: doc[k] for k in ("id", "title", "outlet", "url", "published")}
        claims = []
        for c in a["claims"]:
            value, low, high = c["delay"]
            ev = [evidence(c["evidence"], c.get("attributed_to") if "report" not in c else None)]
            if "report" in c:
                ev.append(evidence(c["report"], c.get("attributed_to")))
            claims.append({
                "id": _id("clm", a["key"], c["group"]),
                "incident_id": inc_id,
                "group": {"name": c["group"], "wikidata_id": self.wikidata.get(c["group"])},
                "channel": c.get("channel"),
                "claimed_at": None,
                "delay_hours": {"value": value, "min": low, "max": high},
                "wording": ev[0]["text"],
                "link": c.get("link", "unclear"),
                "link_cue": c.get("link_cue"),
                "status": c.get("status", "claimed"),
                "evidence": ev,
                "document_id": doc["id"],
                "incident_date": a["date"],
                "incident_place": place,
            })
        killed_ev = evidence(a["casualties"])
        self.incs[inc_id] = {
            "id": inc_id,
            "date": a["date"],
            "date_precision": "day",
            "place": place,
            "attack_types": a["attack_types"],
            "weapon_types": [],
            "killed": {"value": a["killed"], "min": None, "max": None},
            "wounded": {"value": a["wounded"], "min": None, "max": None},
            "perpetrators": [{"name": c["group"]["name"], "kind": "group"} for c in claims if c["status"] == "claimed"],
            "targets": [],
            "claims": claims,
            "casualty_reports": [
                {"kind": "killed", "value": a["killed"], "min": None, "max": None, "reported_at": doc["published"],
                 "document_id": doc["id"], "outlet": doc["outlet"], "evidence": killed_ev},
            ],
            "sources": [source],
            "evidence": [evidence(a["event"]), killed_ev] + [e for c in claims for e in c["evidence"]],
        }

    # ------------------------------------------------------------------ the store interface

    def add(self, document: Document, extraction: Extraction) -> AddResult:
        doc_id = _id("doc", document.content_hash)
        if doc_id in self.docs:
            return AddResult(doc_id, False)
        meta = document.to_dict()
        meta["published"] = document.published.isoformat() if document.published else None
        record = self._document(document.text, meta)
        result = AddResult(record["id"], True)
        for inc in extraction.incidents:
            inc_id = _id("inc", record["id"], inc.id)
            d = inc.to_dict()
            source = {k: record[k] for k in ("id", "title", "outlet", "url", "published")}
            d.update(id=inc_id, claims=[], sources=[source],
                     evidence=[{**e, "document_id": record["id"]} for e in d["evidence"]])
            self.incs[inc_id] = d
            result.incident_ids.append(inc_id)
            for n, claim in enumerate(c for c in extraction.claims if c.incident_id == inc.id):
                cd = claim.to_dict()
                cd.update(id=_id("clm", inc_id, str(n)), incident_id=inc_id, document_id=record["id"],
                          incident_date=d["date"], incident_place=d["place"])
                d["claims"].append(cd)
                result.claim_ids.append(cd["id"])
        return result

    def has_document(self, content_hash: str) -> bool:
        return _id("doc", content_hash) in self.docs

    def _match(self, inc: dict[str, Any], *, since: date | None = None, until: date | None = None,
               country: str | None = None, group: str | None = None, attack_type: str | None = None,
               claimed: bool | None = None, query: str | None = None) -> bool:
        when = date.fromisoformat(inc["date"]) if inc.get("date") else None
        groups = {c["group"]["name"].casefold() for c in inc["claims"] if c.get("group")}
        is_claimed = any(c["status"] == "claimed" for c in inc["claims"])
        texts = " ".join(self.docs[s["id"]]["text"] + " " + (s["title"] or "") for s in inc["sources"]).casefold()
        return (
            (since is None or (when is not None and when >= since))
            and (until is None or (when is not None and when <= until))
            and (country is None or (inc.get("place") or {}).get("country_code") == country.upper())
            and (group is None or group.casefold() in groups)
            and (attack_type is None or attack_type in inc["attack_types"])
            and (claimed is None or claimed == is_claimed)
            and (query is None or all(word in texts for word in query.casefold().split()))
        )

    def incidents(self, *, limit: int = 100, offset: int = 0, **filters: Any) -> list[dict[str, Any]]:
        found = sorted((i for i in self.incs.values() if self._match(i, **filters)), key=lambda i: i["date"] or "")
        return found[offset : offset + limit]

    def count_incidents(self, **filters: Any) -> int:
        return sum(self._match(i, **filters) for i in self.incs.values())

    def incident(self, incident_id: str) -> dict[str, Any]:
        if incident_id not in self.incs:
            raise NotFound(f"no incident with ID {incident_id!r}")
        return self.incs[incident_id]

    def claims(self, *, group: str | None = None, since: date | None = None, until: date | None = None,
               status: str | None = None, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        found = [
            c
            for i in self.incidents(limit=10**6)
            for c in i["claims"]
            if (group is None or c["group"]["name"].casefold() == group.casefold())
            and (status is None or c["status"] == status)
            and (since is None or date.fromisoformat(c["incident_date"]) >= since)
            and (until is None or date.fromisoformat(c["incident_date"]) <= until)
        ]
        return found[offset : offset + limit]

    def documents(self, *, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        docs = sorted(self.docs.values(), key=lambda d: d["published"] or "")
        return [{k: v for k, v in d.items() if k != "text"} for d in docs][offset : offset + limit]

    def document(self, document_id: str) -> dict[str, Any]:
        if document_id not in self.docs:
            raise NotFound(f"no document with ID {document_id!r}")
        return self.docs[document_id]

    def search(self, query: str, *, limit: int = 20) -> list[dict[str, Any]]:
        hits = []
        for d in self.docs.values():
            at = d["text"].casefold().find(query.casefold())
            if at >= 0:
                hits.append({"id": d["id"], "title": d["title"], "snippet": d["text"][max(0, at - 40) : at + 80]})
        return hits[:limit]

    def groups(self) -> list[dict[str, Any]]:
        counts: dict[str, int] = {}
        for c in self.claims(limit=10**6):
            counts[c["group"]["name"]] = counts.get(c["group"]["name"], 0) + 1
        return [{"name": n, "wikidata_id": self.wikidata.get(n), "claims": k} for n, k in sorted(counts.items())]

    def close(self) -> None:
        pass


# ---------------------------------------------------------------------------- the same fixture, for the real store


def fixture_extractions(path: Path = FIXTURE) -> list[tuple[Document, Extraction]]:
    """Each fixture article as the (Document, Extraction) pair the pipeline would hand to `Store.add`."""
    from claimwatch.model import CasualtyReport, Claim, Count, Evidence, Group, Incident, Perpetrator, Place, Range

    data = json.loads(path.read_text(encoding="utf-8"))
    pairs = []
    for a in data["articles"]:
        meta = a["document"]
        published = datetime.fromisoformat(meta["published"])
        document = Document(text=meta["text"], title=meta["title"], outlet=meta["outlet"], published=published,
                            source=f"fixture:{a['key']}")
        spans = sentences(document.text)

        def evidence(index: int, attributed_to: str | None = None, text: str = document.text,
                     spans: list[tuple[int, int]] = spans) -> Evidence:
            start, end = spans[index]
            return Evidence(text=text[start:end], start=start, end=end, attributed_to=attributed_to)

        name, cc, lat, lon = a["place"]
        claims = []
        for c in a["claims"]:
            value, low, high = c["delay"]
            ev = [evidence(c["evidence"], None if "report" in c else c.get("attributed_to"))]
            if "report" in c:
                ev.append(evidence(c["report"], c.get("attributed_to")))
            claims.append(Claim(incident_id="e1", group=Group(c["group"], data["groups"].get(c["group"])),
                                channel=c.get("channel"), delay_hours=Range(value, low, high), wording=ev[0].text,
                                link=c.get("link", "unclear"), link_cue=c.get("link_cue"),
                                status=c.get("status", "claimed"), evidence=ev))
        killed_ev = evidence(a["casualties"])
        incident = Incident(
            id="e1", date=a["date"], date_precision="day", place=Place(name=name, country_code=cc, lat=lat, lon=lon),
            attack_types=a["attack_types"], killed=Count(value=a["killed"]), wounded=Count(value=a["wounded"]),
            perpetrators=[Perpetrator(c.group.name, "group") for c in claims if c.group and c.status == "claimed"],
            casualty_reports=[CasualtyReport("killed", Count(value=a["killed"]), killed_ev, published)],
            evidence=[evidence(a["event"]), killed_ev],
        )
        pairs.append((document, Extraction(document=document, incidents=[incident], claims=claims,
                                           extractor_version="desk-fixture")))
    return pairs


def real_store(url: str) -> Any:
    """A `claimwatch.store.Store` at `url`, filled with the fixture articles."""
    from claimwatch.store import Store

    store = Store(url)
    for document, extraction in fixture_extractions():
        store.add(document, extraction)
    return store
