"""Stage 3: sentence-level mentions. Each finder has one job and reads what `annotate` left in `Work`.

    events        attack words with GTD attack and weapon types      extract/events.py
    dates         absolute and relative dates, normalised            extract/dates.py
    places        gazetteer places with country and coordinates      extract/places.py
    counts        killed / wounded figures                            extract/casualties.py
    groups        militant groups through the curated alias table     extract/groups.py
    roles         perpetrators, targets, victims, weapons (trained)   extract/roles.py
    claims        claims, denials, suspicions; channel, link, delay   extract/claims.py
    quotes        direct quotes with speaker and affiliation          extract/quotes.py
    attributions  which outlet or person a sentence is credited to    extract/attribution.py
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import attribution, casualties, claims, dates, events, groups, places, quotes, roles

if TYPE_CHECKING:
    from ..pipeline import Work


def find_mentions(work: Work) -> Work:
    found = work.mentions
    found.events = events.find_events(work)
    found.dates = dates.find_dates(work)
    found.places = places.find_places(work)
    found.counts = casualties.find_counts(work)
    found.groups = groups.find_groups(work)
    found.roles = roles.find_roles(work)
    found.claims = claims.find_claims(work, found.groups)
    found.quotes = quotes.find_quotes(work)
    found.attributions = attribution.find_attributions(work)
    return work
