"""Parquet tables (pyarrow), one file per table, with this schema (every time is UTC, naive):

    documents         id, content_hash, url, title, outlet, author, published (timestamp), source,
                      ingested_at (timestamp), extractor_version, text
    incidents         id, date (ISO text at its precision), date_precision, place, country_code, admin1,
                      lat, lon, attack_types (list<string>), weapon_types (list<string>), killed, killed_min,
                      killed_max, wounded, wounded_min, wounded_max, perpetrators (list<string>),
                      targets (list<string>), report_count (int32), first_seen, updated_at (timestamps),
                      confidence (float64, 0-1), killed_firmness, wounded_firmness, date_firmness,
                      place_firmness (confidence.firmness)
    claims            id, incident_id, group_name, group_wikidata_id, status, channel, claimed_at, delay_hours,
                      delay_min, delay_max (float64), link, link_cue, wording, document_id,
                      document_ids (list<string>), confidence (float64, 0-1)
    evidence          fact_kind (incident | claim | casualty), fact_id, document_id, start, end (int32), text,
                      attributed_to
    casualty_reports  id, incident_id, document_id, kind, value, min, max (int32),
                      includes_perpetrators (bool), reported_at (timestamp), outlet

`SCHEMAS` below is that schema as pyarrow types; a test checks the files against it.
"""

from __future__ import annotations

import io
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..confidence import FIRMNESS_VALUES
from .data import ExportData, ExportFile

_TEXT, _INT, _FLOAT, _TIME, _LIST = pa.string(), pa.int32(), pa.float64(), pa.timestamp("us"), pa.list_(pa.string())

SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema([("id", _TEXT), ("content_hash", _TEXT), ("url", _TEXT), ("title", _TEXT),
                            ("outlet", _TEXT), ("author", _TEXT), ("published", _TIME), ("source", _TEXT),
                            ("ingested_at", _TIME), ("extractor_version", _TEXT), ("text", _TEXT)]),
    "incidents": pa.schema([("id", _TEXT), ("date", _TEXT), ("date_precision", _TEXT), ("place", _TEXT),
                            ("country_code", _TEXT), ("admin1", _TEXT), ("lat", _FLOAT), ("lon", _FLOAT),
                            ("attack_types", _LIST), ("weapon_types", _LIST), ("killed", _INT), ("killed_min", _INT),
                            ("killed_max", _INT), ("wounded", _INT), ("wounded_min", _INT), ("wounded_max", _INT),
                            ("perpetrators", _LIST), ("targets", _LIST), ("report_count", _INT),
                            ("first_seen", _TIME), ("updated_at", _TIME), ("confidence", _FLOAT),
                            *((f"{name}_firmness", _TEXT) for name in FIRMNESS_VALUES)]),
    "claims": pa.schema([("id", _TEXT), ("incident_id", _TEXT), ("group_name", _TEXT), ("group_wikidata_id", _TEXT),
                         ("status", _TEXT), ("channel", _TEXT), ("claimed_at", _TEXT), ("delay_hours", _FLOAT),
                         ("delay_min", _FLOAT), ("delay_max", _FLOAT), ("link", _TEXT), ("link_cue", _TEXT),
                         ("wording", _TEXT), ("document_id", _TEXT), ("document_ids", _LIST),
                         ("confidence", _FLOAT)]),
    "evidence": pa.schema([("fact_kind", _TEXT), ("fact_id", _TEXT), ("document_id", _TEXT), ("start", _INT),
                           ("end", _INT), ("text", _TEXT), ("attributed_to", _TEXT)]),
    "casualty_reports": pa.schema([("id", _TEXT), ("incident_id", _TEXT), ("document_id", _TEXT), ("kind", _TEXT),
                                   ("value", _INT), ("min", _INT), ("max", _INT), ("includes_perpetrators", pa.bool_()),
                                   ("reported_at", _TIME), ("outlet", _TEXT)]),
}


def render(data: ExportData) -> list[ExportFile]:
    files = []
    for name, rows in tables(data).items():
        table = pa.Table.from_pylist(rows, schema=SCHEMAS[name])
        buffer = io.BytesIO()
        pq.write_table(table, buffer)
        files.append(ExportFile(f"{name}.parquet", buffer.getvalue(), "application/vnd.apache.parquet"))
    return files


def tables(data: ExportData) -> dict[str, list[dict[str, Any]]]:
    result: dict[str, list[dict[str, Any]]] = {name: [] for name in SCHEMAS}
    for document in data.documents.values():
        result["documents"].append({k: getattr(document, k) for k in SCHEMAS["documents"].names})
    seen_claims: set[str] = set()
    for incident in data.incidents:
        place = incident.place
        result["incidents"].append({
            "id": incident.id, "date": incident.date, "date_precision": incident.date_precision,
            "place": place.name if place else None, "country_code": incident.country,
            "admin1": place.admin1 if place else None, "lat": place.lat if place else None,
            "lon": place.lon if place else None, "attack_types": incident.attack_types,
            "weapon_types": incident.weapon_types, "killed": incident.killed.value, "killed_min": incident.killed.min,
            "killed_max": incident.killed.max, "wounded": incident.wounded.value, "wounded_min": incident.wounded.min,
            "wounded_max": incident.wounded.max, "perpetrators": [p.name for p in incident.perpetrators],
            "targets": incident.targets, "report_count": incident.report_count, "first_seen": incident.first_seen,
            "updated_at": incident.updated_at, "confidence": incident.confidence,
            **{f"{name}_firmness": incident.firmness.get(name) for name in FIRMNESS_VALUES},
        })
        for item in incident.evidence:
            result["evidence"].append(_evidence(item, "incident", incident.id))
        for report in incident.casualty_reports:
            result["casualty_reports"].append({
                "id": report.id, "incident_id": incident.id, "document_id": report.document_id, "kind": report.kind,
                "value": report.count.value, "min": report.count.min, "max": report.count.max,
                "includes_perpetrators": report.count.includes_perpetrators, "reported_at": report.reported_at,
                "outlet": report.outlet,
            })
            if report.evidence is not None:
                result["evidence"].append(_evidence(report.evidence, "casualty", report.id))
        for claim in incident.claims:
            if claim.id in seen_claims:
                continue
            seen_claims.add(claim.id)
            result["claims"].append({
                "id": claim.id, "incident_id": claim.incident_id,
                "group_name": claim.group.name if claim.group else None,
                "group_wikidata_id": claim.group.wikidata_id if claim.group else None, "status": claim.status,
                "channel": claim.channel, "claimed_at": claim.claimed_at, "delay_hours": claim.delay_hours.value,
                "delay_min": claim.delay_hours.min, "delay_max": claim.delay_hours.max, "link": claim.link,
                "link_cue": claim.link_cue, "wording": claim.wording, "document_id": claim.document_id,
                "document_ids": claim.document_ids, "confidence": claim.confidence,
            })
            for item in claim.evidence:
                result["evidence"].append(_evidence(item, "claim", claim.id))
    return result


def _evidence(item: Any, kind: str, fact_id: str) -> dict[str, Any]:
    return {"fact_kind": kind, "fact_id": fact_id, "document_id": item.document_id, "start": item.start,
            "end": item.end, "text": item.text, "attributed_to": item.attributed_to}
