"""Linking: which stored incident an incoming report describes, and what the merged incident shows.

Pure functions over model dataclasses, so every rule is testable without a database.

1. `match(candidate, existing)` -> the id of the stored incident the candidate reports, or None.
   Vetoes first: dates that cannot overlap, places in different countries (or two different cities; an
   incident known only by its country agrees "within" its country, as a country place does),
   attack types that share nothing when both sides name some. Then a score: how precisely date and
   place agree, plus shared weapons, perpetrators and death tolls. When the date or the place is
   unknown on either side, the rest must be strong (exact day or same place, and a shared perpetrator
   or a shared type and the same death toll); two coarse sides (month + country) need two extras.
   A candidate without a place may use its document's text: the stored place named there is a coarse
   place match ("KIRKUK (Reuters) - …" for an incident stored as "Kirkuk Province").
2. `combine(reports)` -> the canonical incident fields: the finest date, the most specific place, the
   union of types, perpetrators, targets, victims and weapons (every source is kept elsewhere).
3. `current_count(figures)` -> the figure the incident shows, and how it was chosen: each document's
   own best figure, then the most recent exact figure (ties: the one most documents give, then the
   larger) unless newer bounds rule it out, in which case the newer bounds.
4. `claim_key`, `merged_status`, `settle_statuses` -> claims from several documents about the same
   group and incident merge; two groups claiming one incident make both claims "disputed".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from .. import periods
from ..confidence import BOUNDED, EXACT
from ..counts import best_count, tightest
from ..model import Claim, Count, Group, Incident, Perpetrator, Place
from ..resolve_dates import NEWS_OF_THE_DAY
from .records import CountBasis

# Two cities closer than this are one place for linking (a suburb, a district, a spelling of the same town).
NEAR_KM = 25.0
# The smallest score for a match when date and place are both known.
MIN_SCORE = 2

# --------------------------------------------------------------------------- dates


def _date_agreement(a: Incident, b: Incident) -> str | None:
    """"same", "adjacent" (a day apart), "coarse" (one side is a month or year), "unknown" or None (veto):
    the resolver's rule (`periods.agreement`). A date the resolver gave by default, the publication day of a
    report that dates its attack nowhere (resolve.3.news-of-the-day), says only that the attack came no later:
    against a date up to `_DEFAULT_DAY_REACH` days before it, it is "coarse", not a veto."""
    found = periods.agreement(a.date, a.date_precision, b.date, b.date_precision)
    if found is None:
        for default, other in ((a, b), (b, a)):
            if _default_day(default) and _days_before(other, default) is not None:
                return "coarse"
    return found


# How many days before a default publication-day date a written date may stand and still agree with it.
_DEFAULT_DAY_REACH = 7


def _default_day(incident: Incident) -> bool:
    return NEWS_OF_THE_DAY in incident.trace


def _days_before(earlier: Incident, later: Incident) -> int | None:
    """Days from `earlier`'s date to `later`'s, both single days, when 0 to _DEFAULT_DAY_REACH; else None."""
    first, last = periods.date_range(earlier.date, earlier.date_precision), periods.date_range(
        later.date, later.date_precision)
    if first is None or last is None or first[0] != first[1] or last[0] != last[1]:
        return None
    gap = (last[0] - first[0]).days
    return gap if 0 <= gap <= _DEFAULT_DAY_REACH else None


# --------------------------------------------------------------------------- places


def place_rank(place: Place) -> int:
    """0 a town or city, 1 a region, 2 a country: smaller is more specific (`Place.rank`, as the resolver)."""
    return place.rank


def place_agreement(a: Place | None, b: Place | None) -> str | None:
    """"same", "near", "within" (one side is the region or country of the other), "unknown", None (veto)."""
    if a is None or b is None or not a.name or not b.name:
        return "unknown"
    if a.name.casefold() == b.name.casefold() or (a.geonameid is not None and a.geonameid == b.geonameid):
        if a.country_code and b.country_code and a.country_code.upper() != b.country_code.upper():
            return None  # same name, two countries (Tripoli, Lebanon / Libya)
        return "same"
    if not a.country_code or not b.country_code or a.country_code.upper() != b.country_code.upper():
        return None
    distance = a.km_to(b)
    if distance is not None and distance <= NEAR_KM:
        return "near"
    rank_a, rank_b = place_rank(a), place_rank(b)
    if rank_a == 2 or rank_b == 2:
        return "within"
    if rank_a == 1 and (b.admin1 or "").casefold() == a.name.casefold():
        return "within"
    if rank_b == 1 and (a.admin1 or "").casefold() == b.name.casefold():
        return "within"
    if rank_a == 1 and rank_b == 1:
        return None  # two different regions
    if rank_a == 1 or rank_b == 1:
        # A region we cannot place against a city: compatible only as coarsely as the country.
        region, city = (a, b) if rank_a == 1 else (b, a)
        return "within" if not city.admin1 or not region.admin1 else None
    return None  # two different towns


def country_agreement(a: Incident, b: Incident) -> str | None:
    """Where one side or both are known only by their country (`Incident.country_code`): "within" in the same
    country (as a country place is), None (veto) in two countries, "unknown" when either has no country."""
    if a.country is None or b.country is None:
        return "unknown"
    return "within" if a.country.upper() == b.country.upper() else None


# --------------------------------------------------------------------------- matching

_DATE_SCORE = {"same": 3, "adjacent": 2, "coarse": 1, "unknown": 0}
_PLACE_SCORE = {"same": 3, "near": 2, "within": 1, "mentioned": 1, "unknown": 0}
# Words that make a region's name longer than the way a dateline or a sentence writes it.
_PLACE_SUFFIX = re.compile(r"\s+(province|state|governorate|region|district|county|city)$", re.IGNORECASE)


def named_in(place: Place, text: str) -> bool:
    """The place (or its name without "Province", "State"…) is written as a word in `text`."""
    names = {place.name, _PLACE_SUFFIX.sub("", place.name)}
    return any(len(n) > 2 and re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text, re.IGNORECASE) for n in names)


@dataclass
class MatchScore:
    """Why two incidents were (or were not) linked; `score` None means a veto."""

    score: int | None
    date: str | None = None
    place: str | None = None
    extras: int = 0


def _overlap(a: Iterable[str], b: Iterable[str]) -> bool:
    return bool({x.casefold() for x in a} & {x.casefold() for x in b})


def _same_toll(a: Incident, b: Incident) -> bool:
    return a.killed.value is not None and a.killed.value == b.killed.value


def score(candidate: Incident, stored: Incident, text: str | None = None, stored_text: str | None = None) -> MatchScore:
    """How well `candidate` agrees with `stored`. When one side has no place, the other side's place
    named in its documents (`text` for the candidate, `stored_text` for the stored incident) counts as a
    coarse place match."""
    when = _date_agreement(candidate, stored)
    if when is None:
        return MatchScore(None)
    where = place_agreement(candidate.place, stored.place)
    if where == "unknown":
        where = country_agreement(candidate, stored)
    if where == "unknown" and candidate.place is None and stored.place is not None and text:
        where = "mentioned" if named_in(stored.place, text) else "unknown"
    elif where == "unknown" and stored.place is None and candidate.place is not None and stored_text:
        where = "mentioned" if named_in(candidate.place, stored_text) else "unknown"
    if where is None:
        return MatchScore(None, date=when)
    if candidate.attack_types and stored.attack_types and not _overlap(candidate.attack_types, stored.attack_types):
        return MatchScore(None, date=when, place=where)
    shared_type = _overlap(candidate.attack_types, stored.attack_types)
    shared_weapon = _overlap(candidate.weapon_types, stored.weapon_types)
    shared_group = _overlap([p.name for p in candidate.perpetrators], [p.name for p in stored.perpetrators])
    same_toll = _same_toll(candidate, stored)
    extras = int(shared_type) + int(shared_weapon) + 2 * int(shared_group) + int(same_toll)
    total = _DATE_SCORE[when] + _PLACE_SCORE[where] + extras
    result = MatchScore(total, date=when, place=where, extras=extras)

    if when == "unknown" and where == "unknown":
        result.score = None
    elif when == "unknown" or where == "unknown":
        # Only one anchor: it must be exact, and the rest must point the same way.
        anchor_exact = when == "same" or where in ("same", "near")
        strong = shared_group or (shared_type and same_toll)
        if not (anchor_exact and strong):
            result.score = None
    elif when == "coarse" and where in ("within", "mentioned") and extras < 2:
        result.score = None  # "an attack in Iraq in June" is not enough to tie two reports
    elif total < MIN_SCORE:
        result.score = None
    return result


def match(
    candidate: Incident,
    existing: Sequence[Incident],
    text: str | None = None,
    stored_texts: Mapping[str, str] | None = None,
) -> str | None:
    """The id of the stored incident `candidate` reports, or None: the best-scoring compatible one.

    `text` (the candidate's document) and `stored_texts` (stored incident id -> its documents' text, for
    those without a place) let a side without a place match a place the other side's text names."""
    best: tuple[int, str] | None = None
    for stored in existing:
        result = score(candidate, stored, text, (stored_texts or {}).get(stored.id))
        if result.score is not None and (best is None or result.score > best[0]):
            best = (result.score, stored.id)
    return best[1] if best else None


# --------------------------------------------------------------------------- the canonical incident


def _union(lists: Iterable[Iterable[str]]) -> list[str]:
    seen: dict[str, str] = {}
    for values in lists:
        for value in values:
            seen.setdefault(value.casefold(), value)
    return list(seen.values())


def combine(reports: Sequence[Incident]) -> Incident:
    """The canonical incident of several per-document reports (casualties: see `current_count`)."""
    if not reports:
        raise ValueError("combine() needs at least one report")
    merged = Incident(id=reports[0].id)
    # A date the text writes beats a publication day given by default (resolve.3.news-of-the-day).
    dated = [r for r in reports if r.date and not _default_day(r)] or [r for r in reports if r.date]
    if dated:
        finest = min(periods.precision_rank(r.date_precision) for r in dated)
        choices = Counter(r.date for r in dated if periods.precision_rank(r.date_precision) == finest)
        chosen = max(choices.items(), key=lambda item: (item[1], -dated.index(_first(dated, item[0]))))[0]
        merged.date = chosen
        merged.date_precision = _first(dated, chosen).date_precision
        if all(_default_day(r) for r in dated):
            merged.trace.append(NEWS_OF_THE_DAY)
    placed = [r.place for r in reports if r.place is not None and r.place.name]
    if placed:
        specific = min(place_rank(p) for p in placed)
        names = Counter(p.name.casefold() for p in placed if place_rank(p) == specific)
        top = max(names.items(), key=lambda item: item[1])[0]
        merged.place = next(p for p in placed if p.name.casefold() == top and place_rank(p) == specific)
    countries = Counter(r.country for r in reports if r.country)
    if countries:
        # The place's country where a place is known; else the country most reports give without one.
        merged.country_code = merged.place.country_code if merged.place and merged.place.country_code else (
            countries.most_common(1)[0][0])
    merged.attack_types = _union(r.attack_types for r in reports)
    merged.weapon_types = _union(r.weapon_types for r in reports)
    merged.targets = _union(r.targets for r in reports)
    merged.victims = _union(r.victims for r in reports)
    merged.weapons = _union(r.weapons for r in reports)
    perpetrators: dict[str, Perpetrator] = {}
    for report in reports:
        for perpetrator in report.perpetrators:
            known = perpetrators.setdefault(perpetrator.name.casefold(), perpetrator)
            if known.wikidata_id is None and perpetrator.wikidata_id:
                known.wikidata_id = perpetrator.wikidata_id
    merged.perpetrators = list(perpetrators.values())
    return merged


def merged_confidence(values: Iterable[float | None]) -> float | None:
    """An incident's or claim's confidence across its reports: the highest. Each report's confidence is
    calibrated for one document; another report of the same act never makes it less likely to be real."""
    known = [v for v in values if v is not None]
    return max(known) if known else None


def merged_firmness(reports: Sequence[Incident], merged: Incident) -> dict[str, str]:
    """How each canonical value was read: the firmness a report gave that same value, the most confident
    report first; a toll no single report showed (chosen across reports) is "exact" or "bounded" by itself."""
    ordered = sorted(reports, key=lambda r: -(r.confidence or 0.0))
    shown: dict[str, Any] = {
        "killed": merged.killed,
        "wounded": merged.wounded,
        "date": merged.date,
        "place": merged.place.name.casefold() if merged.place else None,
    }
    result: dict[str, str] = {}
    for name, value in shown.items():
        if value is None or (isinstance(value, Count) and not value.known):
            continue
        for report in ordered:
            own = {"killed": report.killed, "wounded": report.wounded, "date": report.date,
                   "place": report.place.name.casefold() if report.place else None}[name]
            if own == value and name in report.firmness:
                result[name] = report.firmness[name]
                break
        else:
            if isinstance(value, Count):
                result[name] = EXACT if value.value is not None else BOUNDED
    return result


def _first(reports: Sequence[Incident], date_value: str | None) -> Incident:
    return next(r for r in reports if r.date == date_value)


# --------------------------------------------------------------------------- casualty figures


@dataclass
class Figure:
    """One casualty figure as one document reported it."""

    count: Count
    document_id: str
    reported_at: datetime | None = None
    outlet: str | None = None


document_best = best_count  # one document's own figure: the resolver's rule (counts.py)


def _fits(value: int, bounds: Count) -> bool:
    return (bounds.min is None or value >= bounds.min) and (bounds.max is None or value <= bounds.max)


def current_count(figures: Sequence[Figure]) -> tuple[Count, CountBasis | None]:
    """The figure an incident shows now, and how it was chosen (see the module docstring, rule 3)."""
    by_document: dict[str, list[Figure]] = {}
    for figure in figures:
        if figure.count.known:
            by_document.setdefault(figure.document_id, []).append(figure)
    if not by_document:
        return Count(), None
    best = [
        Figure(document_best([f.count for f in group]), doc, group[0].reported_at, group[0].outlet)
        for doc, group in by_document.items()
    ]
    # Newest first; undated reports count as the oldest.
    for figure in best:
        if figure.reported_at is not None and figure.reported_at.tzinfo is not None:
            figure.reported_at = figure.reported_at.astimezone(UTC).replace(tzinfo=None)
    best.sort(key=lambda f: (f.reported_at is not None, f.reported_at or datetime.min), reverse=True)
    exact_values = Counter(f.count.value for f in best if f.count.value is not None)  # value -> documents

    newer_bounds: list[Count] = []
    index = 0
    while index < len(best):
        moment = best[index].reported_at
        same_time = [f for f in best[index:] if f.reported_at == moment]
        index += len(same_time)
        exact = [f for f in same_time if f.count.value is not None]
        bounds = tightest(newer_bounds + [f.count for f in same_time if f.count.value is None])
        if exact:
            # Ties at one moment: the value most documents give (over all reports), then the larger.
            chosen = max(exact, key=lambda f: (exact_values[f.count.value or 0], f.count.value or 0))
            value = chosen.count.value or 0
            if not newer_bounds or _fits(value, tightest(newer_bounds)):
                rule = "most recent exact figure" if len(exact) == 1 else "most sources among the most recent figures"
                count = Count(value=value, includes_perpetrators=chosen.count.includes_perpetrators)
                return count, CountBasis(rule, chosen.document_id, chosen.reported_at, exact_values[value])
            break
        newer_bounds = [bounds]
    bounds = tightest(f.count for f in best if f.count.value is None) if not newer_bounds else newer_bounds[0]
    source = next((f for f in best if f.count.value is None), best[0])
    return bounds, CountBasis("bounds from the most recent reports", source.document_id, source.reported_at, 0)


# --------------------------------------------------------------------------- claims


def claim_key(incident_id: str | None, group: Group | None) -> tuple[str, str]:
    """Claims with the same key are one claim reported by several documents."""
    return (incident_id or "", group.name.casefold() if group else "")


def merged_status(statuses: Iterable[str]) -> str:
    """What several documents' statuses for one group and one incident add up to."""
    found = set(statuses)
    claimed = bool(found & {"claimed", "disputed"})
    if claimed and "denied" in found:
        return "disputed"
    for status in ("claimed", "disputed", "denied", "suspected"):
        if status in found:
            return status
    return "claimed"


def settle_statuses(claims: Sequence[tuple[str, Group | None, str]]) -> dict[str, str]:
    """(id, group, reported status) of one incident's claims -> final status; two claimants -> disputed."""
    claimants = {g.name.casefold() for _, g, status in claims if g and status in ("claimed", "disputed")}
    result: dict[str, str] = {}
    for claim_id, group, status in claims:
        if len(claimants) > 1 and group is not None and status in ("claimed", "disputed"):
            result[claim_id] = "disputed"
        else:
            result[claim_id] = status
    return result


def same_claim(a: Claim, b: Claim) -> bool:
    return claim_key(a.incident_id, a.group) == claim_key(b.incident_id, b.group)
