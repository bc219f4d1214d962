"""STIX 2.1 bundle of the record, built with the `stix2` library.

    incident        one per incident: name, description (date, place, types, figures); custom properties
                    x_claimwatch_date, _date_precision, _attack_types, _weapon_types, _killed, _wounded,
                    _targets, _id, _firmness; `confidence` (STIX's own 0-100) from the calibrated confidence
    location        the incident's place (country, administrative_area, city, latitude/longitude);
                    incident --located-at--> location
    intrusion-set   one per group: aliases from the alias table, Wikidata external reference where known
    relationship    a claim: incident --attributed-to--> intrusion-set, with x_claimwatch_status, _channel,
                    _delay_hours, _link, _link_cue, _wording, _claimed_at, _claim_id, and `confidence`
                    (0-100); the evidence sentence is the description
    identity        one per outlet (identity_class "organization"); a report is created_by_ref its outlet
    report          one per source document: name (title), published, external reference (URL),
                    object_refs the incidents, locations and claims it reports

Every id is `type--uuid5(NAMESPACE, our id)`, and created/modified are the store's own times, so the
same record gives byte-identical objects in every export.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import stix2

from ..confidence import as_percent
from ..extract.groups import lookup_entry
from .data import ExportData, ExportFile, admin1_name, count_value, iso_z, located_place, place_level, stable_uuid

if TYPE_CHECKING:
    from ..store import ClaimRecord, IncidentRecord

# A fixed creation time for objects that have no time of their own in the store (groups, outlets).
EPOCH = "2020-01-01T00:00:00.000Z"


def sid(kind: str, record_id: str) -> str:
    return f"{kind}--{stable_uuid(record_id)}"


def render(data: ExportData) -> list[ExportFile]:
    bundle = build_bundle(data)
    text = bundle.serialize(pretty=True, sort_keys=True)
    return [ExportFile("claimwatch.stix.json", text.encode("utf-8"), "application/stix+json;version=2.1")]


def build_bundle(data: ExportData) -> stix2.Bundle:
    objects: dict[str, Any] = {}
    reported: dict[str, list[str]] = {}  # document id -> ids of the objects it reports

    def add(obj: Any) -> str:
        objects.setdefault(obj.id, obj)
        return str(obj.id)

    for incident in data.incidents:
        created = iso_z(incident.first_seen) or EPOCH
        modified = iso_z(incident.updated_at) or created
        incident_sid = add(_incident(incident, created, modified))
        refs = [incident_sid]
        if located_place(incident) is not None:
            location = _location(incident, created, modified)
            if location is not None:
                refs.append(add(location))
                refs.append(add(stix2.Relationship(
                    id=sid("relationship", f"{incident.id}:located-at"), relationship_type="located-at",
                    source_ref=incident_sid, target_ref=location.id, created=created, modified=modified)))
        for claim in incident.claims:
            if claim.group is None:
                continue
            group_sid = add(_intrusion_set(claim.group.name, claim.group.wikidata_id))
            relationship = _claim_relationship(claim, incident_sid, group_sid, created, modified)
            for document_id in claim.document_ids or [claim.document_id]:
                reported.setdefault(document_id, []).extend([add(relationship), group_sid])
        for source in incident.sources:
            reported.setdefault(source.id, []).extend(refs)
    for document_id, refs in reported.items():
        document = data.documents.get(document_id)
        if document is None:
            continue
        outlet_sid = add(_identity(document.outlet)) if document.outlet else None
        published = iso_z(document.published) or iso_z(document.ingested_at) or EPOCH
        references = [{"source_name": "claimwatch", "external_id": document.id}]
        if document.url:
            references.append({"source_name": document.outlet or "source", "url": document.url})
        add(stix2.Report(
            id=sid("report", document.id), name=document.title or document.id, published=published,
            created=iso_z(document.ingested_at) or EPOCH, modified=iso_z(document.ingested_at) or EPOCH,
            report_types=["threat-report"], object_refs=sorted(set(refs)), created_by_ref=outlet_sid,
            external_references=references,
        ))
    ordered = [objects[key] for key in sorted(objects)]
    return stix2.Bundle(objects=ordered, id=sid("bundle", ",".join(sorted(objects))), allow_custom=True)


def _incident(incident: IncidentRecord, created: str, modified: str) -> Any:
    located = located_place(incident)
    place = located.name if located else "unknown place"
    kind = ", ".join(incident.attack_types) or "Attack"
    custom = {
        "x_claimwatch_id": incident.id,
        "x_claimwatch_date": incident.date,
        "x_claimwatch_date_precision": incident.date_precision,
        "x_claimwatch_attack_types": incident.attack_types or None,
        "x_claimwatch_weapon_types": incident.weapon_types or None,
        "x_claimwatch_killed": count_value(incident.killed),
        "x_claimwatch_wounded": count_value(incident.wounded),
        "x_claimwatch_targets": incident.targets or None,
        "x_claimwatch_firmness": dict(incident.firmness) or None,
    }
    confidence = {"confidence": percent} if (percent := as_percent(incident.confidence)) is not None else {}
    description = "; ".join(e.text for e in incident.evidence[:2]) or None
    return stix2.Incident(
        id=sid("incident", incident.id), name=f"{kind} in {place} on {incident.date or 'an unknown date'}",
        description=description, created=created, modified=modified, **confidence,
        custom_properties={k: v for k, v in custom.items() if v is not None}, allow_custom=True,
    )


def _location(incident: IncidentRecord, created: str, modified: str) -> Any:
    place = located_place(incident)  # an incident known only by its country: a Location with that country
    if place is None or not (place.country_code or place.lat is not None):
        return None
    values: dict[str, Any] = {"name": place.name}
    if place.country_code:
        values["country"] = place.country_code
    if admin1_name(place):
        values["administrative_area"] = admin1_name(place)
    if place_level(place) == "city":
        values["city"] = place.name
    if place.lat is not None and place.lon is not None:
        values.update(latitude=place.lat, longitude=place.lon)
    return stix2.Location(id=sid("location", f"{incident.id}:place"), created=created, modified=modified, **values)


def _intrusion_set(name: str, wikidata_id: str | None) -> Any:
    entry = lookup_entry(name)
    aliases = sorted({a for a in (entry.aliases if entry else ()) if a != name})
    wikidata_id = wikidata_id or (entry.wikidata_id if entry else None)
    references = [{"source_name": "wikidata", "external_id": wikidata_id,
                   "url": f"https://www.wikidata.org/wiki/{wikidata_id}"}] if wikidata_id else None
    return stix2.IntrusionSet(
        id=sid("intrusion-set", f"group:{name}"), name=name, aliases=aliases or None,
        external_references=references, created=EPOCH, modified=EPOCH,
    )


def _identity(outlet: str) -> Any:
    return stix2.Identity(id=sid("identity", f"outlet:{outlet}"), name=outlet, identity_class="organization",
                          sectors=["communications"], created=EPOCH, modified=EPOCH)


def _claim_relationship(claim: ClaimRecord, incident_sid: str, group_sid: str, created: str, modified: str) -> Any:
    delay = claim.delay_hours
    custom = {
        "x_claimwatch_claim_id": claim.id,
        "x_claimwatch_status": claim.status,
        "x_claimwatch_channel": claim.channel,
        "x_claimwatch_delay_hours": delay.value if delay.value is not None else delay.min,
        "x_claimwatch_delay_hours_max": delay.max,
        "x_claimwatch_link": claim.link,
        "x_claimwatch_link_cue": claim.link_cue,
        "x_claimwatch_wording": claim.wording,
        "x_claimwatch_claimed_at": claim.claimed_at,
    }
    evidence = "; ".join(e.text for e in claim.evidence[:2])
    name = claim.group.name if claim.group else "a group"
    confidence = {"confidence": percent} if (percent := as_percent(claim.confidence)) is not None else {}
    return stix2.Relationship(
        id=sid("relationship", claim.id), relationship_type="attributed-to", source_ref=incident_sid,
        target_ref=group_sid, created=created, modified=modified, **confidence,
        description=evidence or f"{claim.status} by {name}",
        custom_properties={k: v for k, v in custom.items() if v is not None}, allow_custom=True,
    )

