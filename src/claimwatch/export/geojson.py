"""GeoJSON (RFC 7946) FeatureCollection of the incidents, for GIS tools.

Each feature: a Point [lon, lat], or a null geometry (RFC 7946's unlocated feature) for a place without
coordinates and for an incident known only by its country; and properties id, date, date_precision, place,
place_level (city, area or country), country_code, admin1, attack_types, weapon_types, killed, wounded (the
current figures; the lower bound when only bounds are known), groups (claimants with status and
confidence), confidence (0-1) and firmness (field -> how it was read), sources (count) and url (the first
source's URL).
Incidents with neither a place nor a country are left out; `claimwatch_skipped` (a foreign member) says
how many.
"""

from __future__ import annotations

import json
from typing import Any

from .data import ExportData, ExportFile, count_value, located_place, place_level


def render(data: ExportData) -> list[ExportFile]:
    return [ExportFile("claimwatch.geojson", json.dumps(collection(data), indent=2, ensure_ascii=False).encode(),
                       "application/geo+json")]


def collection(data: ExportData) -> dict[str, Any]:
    features = []
    skipped = 0
    for incident in data.incidents:
        place = located_place(incident)
        if place is None:
            skipped += 1
            continue
        point = None
        if place.lat is not None and place.lon is not None:
            point = {"type": "Point", "coordinates": [round(place.lon, 6), round(place.lat, 6)]}
        features.append({
            "type": "Feature",
            "id": incident.id,
            "geometry": point,
            "properties": {
                "id": incident.id,
                "date": incident.date,
                "date_precision": incident.date_precision,
                "place": place.name,
                "place_level": place_level(place),
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
