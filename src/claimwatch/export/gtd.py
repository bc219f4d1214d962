"""GTD-codebook CSV: one row per incident, the Global Terrorism Database's column names and codes.

The mapping of our fields and vocabularies to the codebook is documented in `gtd_codebook.py`. Per row:
1. `eventid` is GTD's form, YYYYMMDD plus a 4-digit sequence in the export (00 for an unknown month
   or day); `iyear/imonth/iday` from the incident's date at its precision, `approxdate` when coarser
   than a day.
2. place: `country` (GTD's code), `country_txt`, `region`, `provstate` (admin1), `city`, coordinates and
   `specificity` (1 a city with coordinates, 3 a province, 5 a country only, -9 no place).
3. up to three attack types and four weapon types by code; `weapdetail` the weapons as written.
4. groups: the claimants first (claimed or disputed), then the other named perpetrators; `guncertainN`
   is 1 for a group only suspected; `claimed`/`claim2` 1 for a group's own claim, 0 for a denial;
   `compclaim` 1 when two groups claim it; `claimmode` from the channel.
5. `nkill`/`nwound`: the current figure (the lower bound when only bounds are known; blank unknown);
   `nkillter` 0 when the sources say the toll excludes the attackers, blank otherwise.
6. `summary`: the first evidence sentence; `scite1–3`: the sources as "Outlet, 'Title', date, URL".
7. Beyond the codebook: `claimwatch_id`; `claimwatch_confidence`, the calibrated confidence (0-1, blank when
   not scored); `claimwatch_firmness`, how each figure was read ("killed=bounded; date=relative; ...").
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from . import gtd_codebook as book
from .data import ExportData, ExportFile, admin1_name, count_value, located_place, place_level

if TYPE_CHECKING:
    from ..store import ClaimRecord, IncidentRecord, SourceRecord

CLAIMING = ("claimed", "disputed")
_SPECIFICITY_CITY, _SPECIFICITY_PROVINCE, _SPECIFICITY_COUNTRY = 1, 3, 5


def render(data: ExportData) -> list[ExportFile]:
    return [ExportFile("claimwatch.gtd.csv", to_csv(data.incidents).encode("utf-8"), "text/csv; charset=utf-8")]


def to_csv(incidents: list[IncidentRecord]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=book.COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows(incidents):
        writer.writerow(row)
    return out.getvalue()


def rows(incidents: list[IncidentRecord]) -> Iterator[dict[str, Any]]:
    sequence: Counter[str] = Counter()
    for incident in sorted(incidents, key=lambda i: (i.date or "", i.id)):
        row = row_for(incident)
        day = f"{row['iyear'] or 0:04d}{row['imonth']:02d}{row['iday']:02d}"
        sequence[day] += 1
        row["eventid"] = f"{day}{sequence[day]:04d}"
        yield row


def row_for(incident: IncidentRecord) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(book.COLUMNS, "")
    row.update(_date_fields(incident.date, incident.date_precision))
    row.update(_place_fields(incident))
    for n, name in enumerate(_coded(incident.attack_types, book.attack_code)[:3], start=1):
        row[f"attacktype{n}"], row[f"attacktype{n}_txt"] = name
    if not row["attacktype1"]:
        row["attacktype1"], row["attacktype1_txt"] = 9, book.ATTACK_TYPES[9]
    for n, name in enumerate(_coded(incident.weapon_types, book.weapon_code)[:4], start=1):
        row[f"weaptype{n}"], row[f"weaptype{n}_txt"] = name
    if not row["weaptype1"]:
        row["weaptype1"], row["weaptype1_txt"] = 13, book.WEAPON_TYPES[13]
    row["weapdetail"] = "; ".join(incident.weapons)
    target = book.target_code(incident.targets)
    row["targtype1"], row["targtype1_txt"], row["target1"] = target, book.TARGET_TYPES[target], "; ".join(
        incident.targets[:1]
    )
    row.update(_group_fields(incident))
    row["nkill"] = _blank(count_value(incident.killed))
    row["nwound"] = _blank(count_value(incident.wounded))
    flags = {r.count.includes_perpetrators for r in incident.casualty_reports if r.kind == "killed"}
    excludes_attackers = incident.killed.includes_perpetrators is False or flags == {False}
    row["nkillter"] = 0 if excludes_attackers and row["nkill"] != "" else ""
    row["ishostkid"] = 1 if any(t.startswith("Hostage Taking") for t in incident.attack_types) else 0
    row["extended"] = 0
    row["summary"] = incident.evidence[0].text if incident.evidence else ""
    for n, source in enumerate(incident.sources[:3], start=1):
        row[f"scite{n}"] = citation(source)
    row["dbsource"] = "Claimwatch"
    row["claimwatch_id"] = incident.id
    row["claimwatch_confidence"] = "" if incident.confidence is None else f"{incident.confidence:.3f}"
    row["claimwatch_firmness"] = "; ".join(f"{k}={v}" for k, v in sorted(incident.firmness.items()))
    return row


def citation(source: SourceRecord) -> str:
    parts = [source.outlet, f'"{source.title}"' if source.title else None,
             source.published.date().isoformat() if source.published else None, source.url]
    return ", ".join(p for p in parts if p)


def _date_fields(value: str | None, precision: str | None) -> dict[str, Any]:
    if not value:
        return {"iyear": "", "imonth": 0, "iday": 0, "approxdate": ""}
    year = int(value[:4])
    month = int(value[5:7]) if len(value) >= 7 and precision not in ("year",) else 0
    day = int(value[8:10]) if len(value) >= 10 and precision not in ("year", "month") else 0
    approx = value[:7] if month and not day else (value[:4] if not month else "")
    return {"iyear": year, "imonth": month, "iday": day, "approxdate": approx}


def _place_fields(incident: IncidentRecord) -> dict[str, Any]:
    place = located_place(incident)  # an incident known only by its country: that country, specificity 5
    if place is None:
        return {"specificity": book.UNKNOWN}
    fields: dict[str, Any] = {"provstate": admin1_name(place) or ""}
    known = book.COUNTRIES.get((place.country_code or "").upper())
    if known:
        code, name, region = known
        fields.update(country=code, country_txt=name, region=region, region_txt=book.REGIONS[region])
    else:
        fields.update(country_txt=place.country_code or "")
    level = place_level(place)
    if level == "country":
        fields["specificity"] = _SPECIFICITY_COUNTRY
    elif level == "area":
        fields.update(provstate=admin1_name(place) or place.name, specificity=_SPECIFICITY_PROVINCE)
    else:
        fields.update(city=place.name, specificity=_SPECIFICITY_CITY if place.lat is not None else 2)
    if place.lat is not None and place.lon is not None:
        fields.update(latitude=round(place.lat, 6), longitude=round(place.lon, 6))
    return fields


def _group_fields(incident: IncidentRecord) -> dict[str, Any]:
    """gname/gname2/gname3 with their claim fields: claimants first, then the other named groups."""
    fields: dict[str, Any] = {"gname": "Unknown", "claimed": book.UNKNOWN, "compclaim": book.UNKNOWN}
    claims_by_group: dict[str, ClaimRecord] = {c.group.name: c for c in incident.claims if c.group}
    ordered = sorted(claims_by_group.values(), key=_claimants_first)
    names = [c.group.name for c in ordered if c.group]
    names += [p.name for p in incident.perpetrators if p.kind == "group" and p.name not in names]
    for n, name in enumerate(names[:3], start=1):
        suffix = "" if n == 1 else str(n)
        fields[f"gname{suffix}"] = name
        claim = claims_by_group.get(name)
        fields[f"guncertain{n}"] = 1 if claim is not None and claim.status == "suspected" else 0
        if n > 2:
            continue
        claimed_key, mode_key = ("claimed", "claimmode") if n == 1 else ("claim2", "claimmode2")
        if claim is None or claim.status == "suspected":
            fields[claimed_key] = book.UNKNOWN
            continue
        fields[claimed_key] = 1 if claim.status in CLAIMING else 0
        if claim.status in CLAIMING:
            mode = book.CHANNEL_MODES.get((claim.channel or "").lower(), 10 if not claim.channel else 9)
            fields[mode_key], fields[f"{mode_key}_txt"] = mode, book.CLAIM_MODES[mode]
    claimants = sum(1 for c in claims_by_group.values() if c.status in CLAIMING)
    if claimants:
        fields["compclaim"] = 1 if claimants > 1 else 0
    return fields


def _claimants_first(claim: ClaimRecord) -> tuple[bool, str]:
    return claim.status not in CLAIMING, claim.group.name if claim.group else ""


def _coded(names: list[str], code_of: Any) -> list[tuple[int, str]]:
    coded: list[tuple[int, str]] = []
    for name in names:
        code = code_of(name)
        if code is not None and all(code != c for c, _ in coded):
            text = book.ATTACK_TYPES.get(code) if code_of is book.attack_code else book.WEAPON_TYPES.get(code)
            coded.append((code, text or name))
    return coded


def _blank(value: int | None) -> Any:
    return "" if value is None else value


# --------------------------------------------------------------------------- reading


def read_rows(text: str) -> list[dict[str, str]]:
    """The rows of a GTD-format CSV as dicts of strings (pandas when installed reads the same file)."""
    return list(csv.DictReader(io.StringIO(text)))
