"""GeoJSON (RFC 7946) FeatureCollection of the incidents that have coordinates, for GIS tools.

Each feature: a Point [lon, lat] and properties id, date, date_precision, place, country_code, admin1,
attack_types, weapon_types, killed, wounded (the current figures; the lower bound when only bounds are
known), groups (claimants with status and confidence), confidence (0-1) and firmness (field -> how it was
read), sources (count) and url (the first source's URL).
Incidents without coordinates are left out; `claimwatch_skipped` (a foreign member) says how many.
"""

from __future__ import annotations

import json
from typing import Any

from .data import ExportData, ExportFile, count_value


def render(data: ExportData) -> list[ExportFile]:
    return [ExportFile("claimwatch.geojson", json.dumps(collection(data), indent=2, ensure_ascii=False).encode(),
                       "application/geo+json")]


def collection(data: ExportData) -> dict[str, Any]:
    features = []
    skipped = 0
    for incident in data.incidents:
        place = incident.place
        if place is None or place.lat is None or place.lon is None:
            skipped += 1
            continue
        features.append({
            "type": "Feature",
            "id": incident.id,
            "geometry": {"type": "Point", "coordinates": [round(place.lon, 6), round(place.lat, 6)]},
            "properties": {
                "id": incident.id,
                "date": incident.date,
                "date_precision": incident.date_precision,
                "place": place.name,
                "country_code": place.country_code,
                "admin1": place.admin1,
                "attack_types": incident.attack_types,
                "weapon_types": incident.weapon_types,
                "killed": count_value(incident.killed),
                "wounded": count_value(incident.wounded),
                "groups": [{"name": c.group.name, "status": c.status, "confidence": c.confidence}
                           for c in incident.claims if c.group],
                "confidence": incident.confidence,
                "firmness": dict(incident.firmness),
                "sources": len(incident.sources),
                "url": next((s.url for s in incident.sources if s.url), None),
            },
        })
    return {"type": "FeatureCollection", "features": features, "claimwatch_skipped": skipped}
