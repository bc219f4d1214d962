"""Claims of several attacks in one sentence: "ISIS claimed the Homs and Damascus attacks" claims each of them.

The resolver (resolve.py) gives a claim the one incident its sentence refers to. A claim sentence that speaks of
attacks in the plural and names the places of several incidents of the article ("claimed responsibility for the
Sayyidah Zaynab and Homs attacks", "attacks in Nice and Berlin claimed by IS", "false claims ..., including the
massacre in Las Vegas ... and an attack in Manila") claims each of them: the claim is copied to every other
incident whose place it names (rule id `claims.incidents.several`).

A place counts when an attack word stands just before it ("an attack at a casino in Manila") or just after it
("the Sayyidah Zaynab and Homs attacks"), not a place named for something else in the sentence ("in revenge
for ... the presence of troops in Somalia"). It counts for an incident when it is the incident's place, or when
the article names it in one of the incident's own sentences (the shrine district of a city); a place that points
to two incidents points to none.

A group that claims "the attacks" in the plural claims, too, the acts the article tells as the group's own
("BIFF claimed responsibility for the attacks on army posts ... Two soldiers were wounded when BIFF gunmen
attacked a detachment"): a suspicion of the same group that rests only on such an attributed act, on another
incident within a week of the claimed one, becomes the claim (rule id `claims.incidents.plural-covers-acts`).
A suspicion voiced by officials ("police blamed ...") stays one, and so does an act of another year.

A claim of "the attacks" in the definite plural that names no places ("the TTP claimed responsibility for the
attacks") claims each incident told before its sentence, within a week of the one it sits on, that no group has
claimed yet (rule id `claims.incidents.the-attacks`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from .model import Claim, ClaimMention, Evidence, PlaceMention, Sentence, add_trace

SEVERAL = "claims.incidents.several"  # a claim sentence naming the places of several incidents claims each
COVERS_ACTS = "claims.incidents.plural-covers-acts"  # "claimed the attacks" covers the group's told acts
THE_ATTACKS = "claims.incidents.the-attacks"  # "claimed the attacks": each attack told before, within a week
_ATTRIBUTED_ACT = "claims.3.attributed-act"  # extract/claims.py: an act the text calls a group's (suspected)
_ACT_WEEK = 7  # days between the claimed incident and the act's

# Attack words in the plural, or a list of claims: a sentence that may speak of more than one attack.
_PLURAL = re.compile(
    r"\b(?:attacks|bombings|blasts|assaults|explosions|killings|raids|ambushes|operations|massacres|shootings|"
    r"claims|strikes)\b|\bboth\b",
    re.IGNORECASE,
)


# Any attack word, and how far (characters) before or after a place it may stand to make the place an attack's.
_ATTACK = re.compile(
    r"\b(?:attacks?|bombings?|blasts?|assaults?|explosions?|killings?|raids?|ambush(?:es)?|operations?|"
    r"massacres?|shootings?|strikes?|bombs?)\b",
    re.IGNORECASE,
)
_BEFORE = 45
_AFTER = 30


@dataclass(frozen=True)
class IncidentPlaces:
    """What the resolver knows of one incident: its id, its place's name and the sentences that report it."""

    incident_id: str
    place: str | None
    sentences: frozenset[int]
    date: str | None = None  # ISO day (or month, year) of the incident


def spread_over_incidents(
    claims: list[Claim],
    mentions: Iterable[ClaimMention],
    sentences: Sequence[Sentence],
    places: dict[int, list[PlaceMention]],
    incidents: Sequence[IncidentPlaces],
    evidence: Callable[[int], Evidence],
) -> list[Claim]:
    """The claims with a copy for every further incident a plural claim sentence names by its place."""
    result = list(claims)
    taken = {(c.incident_id, c.group.name if c.group else None) for c in claims}
    for mention in mentions:
        if mention.group is None or not _PLURAL.search(sentences[mention.sentence].text):
            continue
        named = incidents_named(mention.sentence, places.get(mention.sentence, []), sentences, incidents)
        if len(named) < 2:
            continue
        source = next((c for c in claims if c.group is not None and c.group.name == mention.group.name
                       and any(e.start == sentences[mention.sentence].start for e in c.evidence)), None)
        if source is None:
            continue
        for incident_id in named:
            if (incident_id, mention.group.name) in taken:
                continue
            copy = replace(source, incident_id=incident_id, status=mention.status, channel=source.channel,
                           evidence=[evidence(mention.sentence)], trace=list(source.trace))
            add_trace(copy.trace, SEVERAL)
            result.append(copy)
            taken.add((incident_id, mention.group.name))
    result = _definite_plural_claims(result, mentions, sentences, incidents, evidence)
    return _plural_claims_cover_acts(result, mentions, sentences, incidents)


# "claimed responsibility for the attacks": the attacks the article has told, in the definite plural.
_THE_ATTACKS = re.compile(
    r"\bthe\s+(?:(?:two|three|four|both|recent|latest|separate)\s+)?"
    r"(?:attacks|bombings|blasts|assaults|killings|raids|ambushes|shootings)\b",
    re.IGNORECASE,
)
_THE_ATTACKS_REACH = 40  # characters after the claim cue


def _definite_plural_claims(
    claims: list[Claim], mentions: Iterable[ClaimMention], sentences: Sequence[Sentence],
    incidents: Sequence[IncidentPlaces], evidence: Callable[[int], Evidence],
) -> list[Claim]:
    """"Six policemen died in two attacks ... The TTP claimed responsibility for the attacks": a claim of "the
    attacks" claims each incident told before it, within a week of the one its sentence refers to, that no group
    has claimed yet (rule id `claims.incidents.the-attacks`)."""
    day = {i.incident_id: _day(i.date) for i in incidents}
    result = list(claims)
    for mention in mentions:
        if mention.group is None or mention.status != "claimed":
            continue
        sentence = sentences[mention.sentence]
        cue = mention.start - sentence.start
        if not _THE_ATTACKS.search(sentence.text[cue : mention.end - sentence.start + _THE_ATTACKS_REACH]):
            continue
        source = next((c for c in result if c.group is not None and c.group.name == mention.group.name
                       and c.status == "claimed" and any(e.start == sentence.start for e in c.evidence)), None)
        claimed_day = day.get(source.incident_id or "") if source else None
        if source is None or claimed_day is None:
            continue
        claimed = {c.incident_id for c in result if c.status in ("claimed", "disputed")}
        for incident in incidents:
            act_day = day.get(incident.incident_id)
            if (incident.incident_id in claimed or not incident.sentences
                    or min(incident.sentences) >= mention.sentence or act_day is None
                    or abs((act_day - claimed_day).days) > _ACT_WEEK):
                continue
            copy = replace(source, incident_id=incident.incident_id, evidence=[evidence(mention.sentence)],
                           trace=[*source.trace, THE_ATTACKS])
            result.append(copy)
            claimed.add(incident.incident_id)
    return result


def _plural_claims_cover_acts(
    claims: list[Claim], mentions: Iterable[ClaimMention], sentences: Sequence[Sentence],
    incidents: Sequence[IncidentPlaces],
) -> list[Claim]:
    """Suspicions resting only on an act told as the group's, taken over by the group's plural claim."""
    day = {i.incident_id: _day(i.date) for i in incidents}
    plural = [m for m in mentions if m.group is not None and m.status == "claimed"
              and _PLURAL_ATTACKS.search(sentences[m.sentence].text)]
    result = list(claims)
    for mention in plural:
        assert mention.group is not None
        start = sentences[mention.sentence].start
        source = next((c for c in result if c.group is not None and c.group.name == mention.group.name
                       and c.status == "claimed" and any(e.start == start for e in c.evidence)), None)
        if source is None or day.get(source.incident_id or "") is None:
            continue
        for position, claim in enumerate(result):
            act_day, claimed_day = day.get(claim.incident_id or ""), day[source.incident_id or ""]
            if (claim.group is None or claim.group.name != mention.group.name or claim.status != "suspected"
                    or claim.incident_id == source.incident_id or _ATTRIBUTED_ACT not in claim.trace
                    or act_day is None or claimed_day is None or abs((act_day - claimed_day).days) > _ACT_WEEK):
                continue
            result[position] = replace(
                claim, status="claimed", channel=source.channel, link=source.link, link_cue=source.link_cue,
                wording=source.wording, evidence=[*source.evidence[:1], *claim.evidence],
                trace=[*claim.trace, COVERS_ACTS])
    return result


# Attack words in the plural only (not "claims", nor "both"): a claim of several attacks.
_PLURAL_ATTACKS = re.compile(
    r"\b(?:attacks|bombings|blasts|assaults|explosions|killings|raids|ambushes|operations|shootings)\b",
    re.IGNORECASE,
)


def _day(value: str | None) -> date | None:
    """The day of an ISO date; None for a month or a year alone."""
    try:
        return date.fromisoformat(value) if value and len(value) == 10 else None
    except ValueError:
        return None


def incidents_named(
    index: int, places: list[PlaceMention], sentences: Sequence[Sentence], incidents: Sequence[IncidentPlaces]
) -> list[str]:
    """The incidents (in the resolver's order) whose places sentence `index` names, one place for one incident."""
    found: list[str] = []
    sentence = sentences[index]
    for place in places:
        start, end = place.start - sentence.start, place.end - sentence.start
        if not (_ATTACK.search(sentence.text[max(0, start - _BEFORE) : start])
                or _ATTACK.search(sentence.text[end : end + _AFTER])):
            continue
        owners = [i for i in incidents if i.place and i.place.casefold() == place.place.name.casefold()]
        if not owners:
            owners = [i for i in incidents
                      if any(place.text in sentences[s].text for s in i.sentences if s != index)]
        if len(owners) == 1 and owners[0].incident_id not in found:
            found.append(owners[0].incident_id)
    order = [i.incident_id for i in incidents]
    return sorted(found, key=order.index)
