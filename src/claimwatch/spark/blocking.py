"""Blocking for the link stage: which documents could report the same incident, so must be linked together.

The store links a new incident against stored incidents whose dates overlap its own (one day of slack),
or, without a date, against those of its country (`store/write.py: _candidates`); the rules of
`store/link.py` then decide. The job cannot compare every pair, so each document gets keys:

    country|week     for each incident with a date: every 7-day window its date range (widened by the
                     slack on both sides) touches, with its country ("" when it has no place)
    country|undated  for each incident without a date but with a place
    doc|HASH         its content hash, so the copies of one text land together (and are stored once)

A dated incident without a place can still match a placed one whose place its document names
(`link.named_in`, the "mentioned" rule): such an incident also gets the key of every country whose
places in the same window (`window_places`, gathered in a first pass over the job) its text names.

Documents that share a key, directly or through others, form one block (a union-find over the keys).
Two incidents that the store could link always share a key, except one case, which the job links more
narrowly than `claimwatch ingest`: an undated report and a dated one of the same attack.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from datetime import timedelta

from .. import periods
from ..model import Extraction, Incident, Place
from ..store import link

WINDOW_DAYS = 7
SLACK = timedelta(days=1)  # as in store/write.py's candidate query


WindowPlaces = dict[int, dict[str, set[str]]]  # window -> country -> names of the places seen there


def _windows(incident: Incident) -> range | None:
    span = periods.date_range(incident.date, incident.date_precision)
    if span is None:
        return None
    return range((span[0] - SLACK).toordinal() // WINDOW_DAYS, (span[1] + SLACK).toordinal() // WINDOW_DAYS + 1)


def window_places(extraction: Extraction) -> list[tuple[int, str, str]]:
    """(window, country, place name) for each dated incident with a place: the first pass."""
    found = []
    for incident in extraction.incidents:
        windows = _windows(incident)
        if windows is not None and incident.place is not None and incident.place.name:
            found += [(w, incident.place.country_code or "", incident.place.name) for w in windows]
    return found


def gather(places: list[tuple[int, str, str]]) -> WindowPlaces:
    gathered: WindowPlaces = {}
    for window, country, name in places:
        gathered.setdefault(window, {}).setdefault(country, set()).add(name)
    return gathered


def block_keys(extraction: Extraction, places: WindowPlaces | None = None) -> list[str]:
    keys: set[str] = set()
    document = extraction.document
    if document is not None:
        keys.add(f"doc|{document.content_hash}")
    text = f"{document.title or ''}\n{document.text}" if document is not None else ""
    for incident in extraction.incidents:
        country = incident.country or ""
        windows = _windows(incident)
        if windows is not None:
            keys.update(f"{country}|{window}" for window in windows)
            if incident.place is None and places:
                keys.update(_mentioned(text, windows, places))
        elif incident.place is not None or country:
            keys.add(f"{country}|undated")
    return sorted(keys)


def _mentioned(text: str, windows: range, places: WindowPlaces) -> set[str]:
    """The keys of the countries whose places, seen in these windows, `text` names."""
    lowered = text.casefold()
    keys = set()
    for window in windows:
        for country, names in places.get(window, {}).items():
            # a cheap substring test first (the first word is in every form named_in accepts), then the rule
            if any(n.casefold().split(" ")[0] in lowered and link.named_in(Place(n, country or None), text)
                   for n in names):
                keys.add(f"{country}|{window}")
    return keys


def assign_blocks(items: Iterable[tuple[Hashable, list[str]]]) -> dict[Hashable, int]:
    """Each item's block number: items that share a key, directly or through others, share a block."""
    parent: dict[Hashable, Hashable] = {}

    def find(node: Hashable) -> Hashable:
        root = node
        while parent[root] != root:
            root = parent[root]
        while parent[node] != root:  # path compression
            parent[node], node = root, parent[node]
        return root

    orders: list[Hashable] = []
    for order, keys in items:
        orders.append(order)
        mine = ("item", order)
        parent.setdefault(mine, mine)
        for key in keys:
            node = ("key", key)
            parent.setdefault(node, node)
            a, b = find(mine), find(node)
            if a != b:
                parent[b] = a
    numbers: dict[Hashable, int] = {}
    return {order: numbers.setdefault(find(("item", order)), len(numbers)) for order in orders}
