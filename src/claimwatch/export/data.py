"""What every exporter reads: the filtered incidents with their claims, figures, sources and evidence,
and the documents behind them (`collect`), plus the ids all formats share."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from ..model import Place
from ..store.queries import IncidentFilter

if TYPE_CHECKING:
    from ..store import DocumentRecord, IncidentRecord, Store

PAGE = 500
# The namespace of every UUID Claimwatch derives from its record ids (uuid5): the same record gives
# the same STIX id and MISP uuid in every export, from any machine.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/claimwatch/claimwatch")


ExportFilter = IncidentFilter  # the filters of `claimwatch incidents` and `GET /api/incidents`


@dataclass
class ExportFile:
    name: str  # a file name: "claimwatch.stix.json", "incidents.parquet"
    content: bytes
    media_type: str = "application/octet-stream"


@dataclass
class ExportData:
    incidents: list[IncidentRecord]
    documents: dict[str, DocumentRecord] = field(default_factory=dict)  # with text
    generated_at: datetime = field(default_factory=lambda: datetime.now(UTC).replace(tzinfo=None))


def collect(store: Store | Any, filters: ExportFilter) -> ExportData:
    """Every incident that passes `filters` (newest first, as the store lists them) and its documents."""
    incidents: list[IncidentRecord] = []
    offset = 0
    while True:
        page = store.incidents(**filters.filters(), limit=PAGE, offset=offset)
        incidents.extend(page)
        if len(page) < PAGE:
            break
        offset += PAGE
    documents: dict[str, DocumentRecord] = {}
    for incident in incidents:
        for source in incident.sources:
            if source.id not in documents:
                documents[source.id] = store.document(source.id)
    return ExportData(incidents=incidents, documents=documents)


def stable_uuid(record_id: str) -> str:
    """A UUID (version 5) for one of our record ids ("inc-…", "clm-…", "doc-…", "group:Islamic State")."""
    return str(uuid.uuid5(NAMESPACE, record_id))


def iso_z(value: datetime | None) -> str | None:
    """A naive-UTC store time as ISO 8601 with a Z, to the millisecond (what STIX and MISP expect)."""
    if value is None:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"


def count_value(count: Any) -> int | None:
    """The one number a format with a single field shows: the exact figure, else the lower bound."""
    if count.value is not None:
        return int(count.value)
    if count.min is not None:
        return int(count.min)
    return None


def located_place(incident: Any) -> Place | None:
    """Where an exporter places an incident: its place, else a country-level place for an incident known only
    by its country (`IncidentRecord.country_code`: "Afghanistan", AF), else None."""
    if incident.place is not None:
        return incident.place
    code = getattr(incident, "country_code", None)
    if not code:
        return None
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    name = getattr(country, "common_name", None) or getattr(country, "name", None) or code
    return Place(name=str(name), country_code=code)


_ADMIN1_CODE = re.compile(r"^[A-Z]{2}\.[0-9A-Z]+$")
_AREA_WORDS = (" province", " state", " region", " governorate", " district", " county", " department")


def place_level(place: Any) -> str:
    """"country", "area" (a province, state or region) or "city": how specific a stored place is."""
    import pycountry

    name = place.name.lower()
    country = pycountry.countries.get(alpha_2=place.country_code) if place.country_code else None
    keys = ("name", "common_name", "official_name")
    names = {getattr(country, key, "").lower() for key in keys} if country else set()
    if name in names:
        return "country"
    if name.endswith(_AREA_WORDS):
        return "area"
    return "city"


def admin1_name(place: Any) -> str | None:
    """The first-level region's name; None when the gazetteer kept only its GeoNames code ("IQ.07")."""
    value = place.admin1
    return None if not value or _ADMIN1_CODE.match(value) else str(value)
