"""An incident being assembled by the resolver (`Draft`), and whether a report fits it: the compatibility rules
of `resolve.py`'s rule 1 (dates within precision, places the same, nested, inside a region, or neighbours) and
how a report refines the draft's place and date. Split from resolve.py, which reads the sentences in order."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from . import periods
from .anchors import place_rank, places_fit
from .extract.gazetteer import inside_region
from .model import CountMention, DateMention, Incident, Place, PlaceMention


@dataclass
class Draft:
    """An incident being assembled, with the sentences that refer to it."""

    incident: Incident
    place: PlaceMention | None = None
    date: DateMention | None = None
    sentences: set[int] = field(default_factory=set)
    counts: list[CountMention] = field(default_factory=list)
    opened_in: int = -1  # the sentence that first reported it
    # Its place is only a reference point ("southwest of the capital Mogadishu"): a place named for the
    # attack itself later in the same country replaces it.
    weak_place: bool = False


def compatible(
    draft: Draft, place: PlaceMention | None, when: DateMention | None, within: Iterable[PlaceMention] = ()
) -> bool:
    """Could this report be about the incident drafted so far? Places must agree (the same place, or one
    of them the country, or the report's place named inside the incident's: `within` are the other places the
    report names, "X village in Kirkuk"); a region and a place in the same country agree only when the dates
    do too."""
    dates_agree: bool | None = None
    if when is not None and draft.date is not None:
        dates_agree = periods.compatible(draft.date.date, draft.date.precision, when.date, when.precision)
        if not dates_agree:
            return False
    if place is None or draft.place is None:
        return True
    fit = "same" if nested(draft, place, within) else places_fit(draft.place.place, place.place)
    if draft.weak_place and fit != "same":
        # A reference point of the lead ("30 km from Quetta") gives way to the place the attack is then
        # named at, in the same country.
        return draft.place.place.country_code in (None, place.place.country_code)
    if (fit == "near" and draft.date is None and when is not None and draft.place.place.rank == 1
            and region_untold(draft.place.place, place.place)):
        # "the hijacking in Balochistan" and, undated, "near the Mashkaf Tunnel": a town the gazetteer cannot
        # put in or out of the region is in it, for all the text says.
        return True
    if fit == "apart" and when is None and same_known_region(draft.place.place, place.place):
        # An undated report at a town of the incident's first-level region: told more closely.
        return True
    # A region and a town it may or may not hold are one scene only on one named day: a month agrees with too much.
    one_day = dates_agree is True and when is not None and draft.date is not None and \
        when.precision == "day" and draft.date.precision == "day"
    return fit == "same" or (fit == "near" and one_day)


def nested(draft: Draft, place: PlaceMention | None, within: Iterable[PlaceMention]) -> bool:
    """True when the report names its place inside the incident's ("Dibis town in Kirkuk" for an attack in
    Kirkuk province, "X village, Y district"): the incident's place is another of the places the report names
    with it, in the same country."""
    if place is None or draft.place is None or draft.place.place.name == place.place.name:
        return False
    mine = draft.place.place
    return any(
        other is not place and other.place.name == mine.name and other.place.country_code == place.place.country_code
        for other in within
    )


def same_known_region(a: Place, b: Place) -> bool:
    """True when two towns have one known first-level code ("IN.12")."""
    return (
        a.rank == 0 and b.rank == 0 and a.admin1 is not None and a.admin1 == b.admin1
        and "." in a.admin1 and not a.admin1.endswith(".00")
    )


def region_untold(a: Place, b: Place) -> bool:
    """True when one place is a region and the other a town of its country that no table places in or out of it."""
    if {a.rank, b.rank} != {0, 1}:
        return False
    town, region = (a, b) if a.rank == 0 else (b, a)
    return inside_region(town, region) is None


def same_day_in_region(draft: Draft, place: PlaceMention | None, when: DateMention | None) -> bool:
    """True when a report names the incident's day and a town of the same first-level region as its town."""
    if place is None or when is None or draft.place is None or draft.date is None:
        return False
    if when.precision != "day" or draft.date.precision != "day" or when.date != draft.date.date:
        return False
    mine, other = draft.place.place.admin1, place.place.admin1
    return (
        draft.place.place.rank == 0 and place.place.rank == 0 and mine is not None and mine == other
        and "." in mine and not mine.endswith(".00")
    )


def untold_apart(draft: Draft, place: PlaceMention | None, when: DateMention | None) -> bool:
    """True when a place is a town of the incident's country, its town's neighbour for all we know (one of them
    has no coordinates), and no date says otherwise."""
    if place is None or draft.place is None or (when is not None and draft.date is not None):
        return False
    mine, other = draft.place.place, place.place
    return (
        mine.rank == 0 and other.rank == 0 and mine.country_code == other.country_code
        and None in (mine.lat, other.lat)
    )


def refine(draft: Draft, place: PlaceMention | None, when: DateMention | None, weak: bool = False) -> None:
    if place is not None and (
        draft.place is None or (draft.weak_place and not weak) or place_rank(place) < place_rank(draft.place)
    ):
        draft.place = place
        draft.weak_place = weak
    if when is not None and (
        draft.date is None or periods.precision_rank(when.precision) < periods.precision_rank(draft.date.precision)
        or _began_before(when, draft.date)
    ):
        draft.date = when


def _began_before(when: DateMention, mine: DateMention) -> bool:
    """True when the sentence that gave the incident its day names the day before for it too ("a siege ended on
    Saturday night after gunmen stormed the hotel following blasts on Friday evening"): an incident is dated by
    the day it began. Not a day before told in another sentence, which may be another act's."""
    return (
        when.sentence == mine.sentence and when.precision == "day" and mine.precision == "day"
        and periods.agreement(when.date, "day", mine.date, "day") == "adjacent" and when.date < mine.date
    )
