"""MISP events, one per incident, built with PyMISP; the file is `{"response": [{"Event": ...}, ...]}`,
the shape MISP's own REST search returns, so `MISPEvent().load(item)` reads each one back.

Per event (uuid = uuid5 of the incident id, `info` a one-line title, `date` the incident's day):
- tags: `claimwatch:attack-type="..."`, `claimwatch:weapon-type="..."`, `claimwatch:group="..."`,
  `claimwatch:claim-status="..."`, and `misp-galaxy:threat-actor="..."` for each claimant; how sure the
  pipeline is: `claimwatch:confidence="87"` (0-100) and the MISP estimative-language taxonomy's
  `estimative-language:likelihood-probability="very-likely"` (its bands: `likelihood`);
- a `geolocation` object for the place (city, region, countrycode, latitude, longitude);
- `counter` attributes "killed" and "wounded" (comment: how the figure was chosen);
- a `text` attribute per claim (group, status, channel, delay, confidence, evidence sentence), tagged with
  its own likelihood;
- a `link` attribute per source URL (comment: outlet and title).
Every attribute and object uuid is derived from our ids, and timestamps from the store's times.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from pymisp import MISPEvent, MISPObject

from ..confidence import as_percent
from .data import ExportData, ExportFile, admin1_name, count_value, located_place, stable_uuid

if TYPE_CHECKING:
    from ..store import IncidentRecord

DISTRIBUTION_YOUR_ORGANISATION = 0
ANALYSIS_INITIAL = 0
THREAT_LEVEL_UNDEFINED = 4
# The estimative-language taxonomy's likelihood-probability bands (upper bound in percent, value).
LIKELIHOOD_BANDS = (
    (5, "almost-no-chance"), (20, "very-unlikely"), (45, "unlikely"), (55, "roughly-even-chance"),
    (80, "likely"), (95, "very-likely"), (100, "almost-certain"),
)


def likelihood(percent: int) -> str:
    """The estimative-language value of a 0-100 confidence."""
    return next(value for upper, value in LIKELIHOOD_BANDS if percent <= upper)


def render(data: ExportData) -> list[ExportFile]:
    events = [json.loads(event_for(incident).to_json()) for incident in data.incidents]
    text = json.dumps({"response": events}, indent=2, ensure_ascii=False, sort_keys=True)
    return [ExportFile("claimwatch.misp.json", text.encode("utf-8"), "application/json")]


def event_for(incident: IncidentRecord) -> MISPEvent:
    event = MISPEvent()
    event.uuid = stable_uuid(incident.id)
    located = located_place(incident)  # an incident known only by its country: that country
    place = located.name if located else "unknown place"
    kind = ", ".join(incident.attack_types) or "Attack"
    event.info = f"{kind} in {place} on {incident.date or 'an unknown date'} [{incident.id}]"
    if incident.date and len(incident.date) >= 10:
        event.set_date(incident.date[:10])
    event.distribution = DISTRIBUTION_YOUR_ORGANISATION
    event.analysis = ANALYSIS_INITIAL
    event.threat_level_id = THREAT_LEVEL_UNDEFINED
    event.published = False
    stamp = _timestamp(incident.updated_at)
    for value in incident.attack_types:
        event.add_tag(f'claimwatch:attack-type="{value}"')
    for value in incident.weapon_types:
        event.add_tag(f'claimwatch:weapon-type="{value}"')
    groups = {c.group.name for c in incident.claims if c.group} | {
        p.name for p in incident.perpetrators if p.kind == "group"
    }
    for name in sorted(groups):
        event.add_tag(f'claimwatch:group="{name}"')
    for claim in incident.claims:
        if claim.group and claim.status in ("claimed", "disputed"):
            event.add_tag(f'misp-galaxy:threat-actor="{claim.group.name}"')
        event.add_tag(f'claimwatch:claim-status="{claim.status}"')
    percent = as_percent(incident.confidence)
    if percent is not None:
        event.add_tag(f'claimwatch:confidence="{percent}"')
        event.add_tag(f'estimative-language:likelihood-probability="{likelihood(percent)}"')

    if located is not None:
        geo = MISPObject("geolocation", standalone=False)
        geo.uuid = stable_uuid(f"{incident.id}:place")
        if incident.place is not None:
            geo.add_attribute("city", located.name, uuid=stable_uuid(f"{incident.id}:place:city"))
        if admin1_name(located):
            geo.add_attribute("region", admin1_name(located), uuid=stable_uuid(f"{incident.id}:place:region"))
        if located.country_code:
            geo.add_attribute("countrycode", located.country_code,
                              uuid=stable_uuid(f"{incident.id}:place:country"))
        if located.lat is not None and located.lon is not None:
            geo.add_attribute("latitude", located.lat, uuid=stable_uuid(f"{incident.id}:place:lat"))
            geo.add_attribute("longitude", located.lon, uuid=stable_uuid(f"{incident.id}:place:lon"))
        event.add_object(geo)

    for kind_name, count, basis in (("killed", incident.killed, incident.killed_basis),
                                    ("wounded", incident.wounded, incident.wounded_basis)):
        figure = count_value(count)
        if figure is not None:
            comment = kind_name + (f" ({basis.rule})" if basis else "") + ("" if count.value is not None else
                                                                             " at least")
            event.add_attribute("counter", figure, comment=comment, category="Other", to_ids=False,
                                uuid=stable_uuid(f"{incident.id}:{kind_name}"))
    for claim in incident.claims:
        name = claim.group.name if claim.group else "unknown group"
        delay = claim.delay_hours.value if claim.delay_hours.value is not None else claim.delay_hours.min
        claim_percent = as_percent(claim.confidence)
        parts = [f"{name}: {claim.status}", f"channel {claim.channel}" if claim.channel else None,
                 f"delay {delay:g} h" if delay is not None else None, f"link {claim.link}",
                 f"confidence {claim_percent}%" if claim_percent is not None else None]
        text = ", ".join(p for p in parts if p)
        evidence = claim.evidence[0].text if claim.evidence else ""
        attribute = event.add_attribute("text", text, comment=evidence[:1000], category="Attribution", to_ids=False,
                                        uuid=stable_uuid(f"{claim.id}:misp"))
        if claim_percent is not None and not isinstance(attribute, list):  # one value: one attribute
            attribute.add_tag(f'estimative-language:likelihood-probability="{likelihood(claim_percent)}"')
    for source in incident.sources:
        if source.url:
            comment = " - ".join(p for p in (source.outlet, source.title) if p)
            event.add_attribute("link", source.url, comment=comment, category="External analysis", to_ids=False,
                                uuid=stable_uuid(f"{incident.id}:{source.id}:link"))
    event.timestamp = stamp
    event.publish_timestamp = stamp
    for attribute in event.attributes:
        attribute.timestamp = stamp
    for obj in event.objects:
        obj.timestamp = stamp
        for attribute in obj.attributes:
            attribute.timestamp = stamp
    return event


def _timestamp(value: datetime | None) -> datetime:
    if value is None:
        return datetime(2020, 1, 1, tzinfo=UTC)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


def load_events(text: str) -> list[MISPEvent]:
    """The events of an export, read back into PyMISP."""
    events = []
    for item in json.loads(text)["response"]:
        event = MISPEvent()
        event.load(item)
        events.append(event)
    return events


def event_json(event: Any) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(event.to_json())
    return result
