"""Claims of several attacks in one sentence: "ISIS claimed the Homs and Damascus attacks" claims each of them.

The resolver (resolve.py) gives a claim the one incident its sentence refers to. A claim sentence that speaks of
attacks in the plural and names the places of several incidents of the article ("claimed responsibility for the
Sayyidah Zaynab and Homs attacks", "attacks in Nice and Berlin claimed by IS", "false claims ..., including the
massacre in Las Vegas ... and an attack in Manila") claims each of them: the claim is copied to every other
incident whose place it names (rule id `claims.incidents.several`).

A place counts when an attack word stands a few words before it ("an attack at a casino in Manila") or after
it ("the Sayyidah Zaynab and Homs attacks"), with no clause mark (";", ":", a bracket) between them, or when it is
listed with a place that counts ("attacks in Nice, Berlin and Manila"); not a place named for something else in
the sentence ("in revenge for ... the presence of troops in Somalia"). How many words may stand between them is
data (lang/<code>/places.toml `attack_place_words_before`, `attack_place_words_after`). A place counts for an
incident when it is the incident's place (by its name, or the same gazetteer entry under another of its names),
when the article names it in one of the incident's own sentences (the shrine district of a city), or, failing
those, when it encloses the incident's place (the country or the region of an incident in a town: "an attack
in the Philippines" for one in Manila), no incident named by a finer place counting twice; a place that points
to two incidents points to none.

A group that claims "the attacks" in the plural claims, too, the acts the article tells as the group's own
("BIFF claimed responsibility for the attacks on army posts ... Two soldiers were wounded when BIFF gunmen
attacked a detachment"): a suspicion of the same group that rests only on such an attributed act, on another
incident within a week of the claimed one, becomes the claim (rule id `claims.incidents.plural-covers-acts`).
A suspicion voiced by officials ("police blamed ...") stays one, and so does an act of another year.

A suspicion told of several attacks ("nine died in several raids on Monday blamed on the ADF",
"the group's fighters attacked the town on both Wednesday and Thursday") is a suspicion of each incident of that
day or the next that no group has claimed or been suspected of (rule id `claims.incidents.plural-suspicion`).

A claim of "the attacks" in the definite plural that names no places ("the TTP claimed responsibility for the
attacks") claims each incident told before its sentence, within a week of the one it sits on, that no group has
claimed yet (rule id `claims.incidents.the-attacks`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from . import lang
from .extract.gazetteer import inside_region
from .model import Claim, ClaimMention, Evidence, Place, PlaceMention, Range, Sentence, add_trace

SEVERAL = "claims.incidents.several"  # a claim sentence naming the places of several incidents claims each
COVERS_ACTS = "claims.incidents.plural-covers-acts"  # "claimed the attacks" covers the group's told acts
THE_ATTACKS = "claims.incidents.the-attacks"  # "claimed the attacks": each attack told before, within a week
_ATTRIBUTED_ACT = "claims.3.attributed-act"  # extract/claims.py: an act the text calls a group's (suspected)
_ACT_WEEK = 7  # days between the claimed incident and the act's
PLURAL_SUSPICION = "claims.incidents.plural-suspicion"  # "various attacks attributed to X": each of those days
_SUSPICION_DAYS = 1  # days after the suspected incident's that a plural suspicion still covers

# Attack words in the plural, or a list of claims: a sentence that may speak of more than one attack.
_PLURAL = re.compile(
    r"\b(?:attacks|bombings|blasts|assaults|explosions|killings|raids|ambushes|operations|massacres|shootings|"
    r"claims|strikes)\b|\bboth\b",
    re.IGNORECASE,
)


# Any attack word.
_ATTACK = re.compile(
    r"\b(?:attacks?|bombings?|blasts?|assaults?|explosions?|killings?|raids?|ambush(?:es)?|operations?|"
    r"massacres?|shootings?|strikes?|bombs?)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_][\w'’.-]*|\d[\w,.]*")
_CLAUSE_MARK = re.compile(r"[;:()\[\]]")
# What joins the places of a list: "Nice, Berlin and Manila", "Homs or Damascus", "in Kabul and in Kano".
_LIST_JOIN = re.compile(
    r"^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s*)(?:(?:in|on|at|near)\s+)?(?:the\s+)?$", re.IGNORECASE)


def _reach(language: str | None = None) -> tuple[int, int]:
    """How many words may stand between an attack word and a place, the word before the place and after it
    (lang/<code>/places.toml `attack_place_words_before`, `attack_place_words_after`)."""
    res = lang.resources(language)
    return int(res.get("places", "attack_place_words_before", 8)), int(res.get("places", "attack_place_words_after", 5))


@dataclass(frozen=True)
class IncidentPlaces:
    """What the resolver knows of one incident: its id, its place's name and the sentences that report it."""

    incident_id: str
    place: str | None
    sentences: frozenset[int]
    date: str | None = None  # ISO day (or month, year) of the incident
    where: Place | None = None  # the place itself: matched by its gazetteer entry, or inside a named region


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
        source = _claim_from(claims, mention.group.name, sentences[mention.sentence].start)
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
    result = _plural_claims_cover_acts(result, mentions, sentences, incidents)
    return _plural_suspicions(result, mentions, sentences, incidents, evidence)


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
        source = _claim_from(result, mention.group.name, sentence.start, claimed=True)
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
        source = _claim_from(result, mention.group.name, start, claimed=True)
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


def _plural_suspicions(
    claims: list[Claim], mentions: Iterable[ClaimMention], sentences: Sequence[Sentence],
    incidents: Sequence[IncidentPlaces], evidence: Callable[[int], Evidence],
) -> list[Claim]:
    """"Nine died in several raids on Monday that officials blamed on the ADF", "the group's fighters
    raided the town on Tuesday and again on Wednesday": a suspicion told of several attacks is a suspicion of each
    incident of those days (the day of the incident it sits on, or the next) that no group has claimed, denied or
    been suspected of yet (rule id `claims.incidents.plural-suspicion`)."""
    day = {i.incident_id: _day(i.date) for i in incidents}
    result = list(claims)
    for mention in mentions:
        if mention.group is None or mention.status != "suspected" or not _PLURAL.search(
                sentences[mention.sentence].text):
            continue
        start = sentences[mention.sentence].start
        source = _claim_from(result, mention.group.name, start)
        suspected_day = day.get(source.incident_id or "") if source else None
        if source is None or suspected_day is None:
            continue
        attributed = {c.incident_id for c in result}
        for incident in incidents:
            act_day = day.get(incident.incident_id)
            if incident.incident_id in attributed or act_day is None or not (
                    0 <= (act_day - suspected_day).days <= _SUSPICION_DAYS):
                continue
            copy = replace(source, incident_id=incident.incident_id, status="suspected", channel=None,
                           link="unclear", link_cue=None, wording=None, delay_hours=Range(), claimed_at=None,
                           evidence=[evidence(mention.sentence)], trace=[*mention.trace, PLURAL_SUSPICION])
            result.append(copy)
            attributed.add(incident.incident_id)
    return result


def _claim_from(claims: Iterable[Claim], group: str, sentence_start: int, claimed: bool = False) -> Claim | None:
    """The claim of `group` (with status "claimed" where `claimed`) whose evidence is the sentence starting at
    `sentence_start`: the one a claim mention of that sentence became."""
    return next((c for c in claims if c.group is not None and c.group.name == group
                 and (not claimed or c.status == "claimed") and any(e.start == sentence_start for e in c.evidence)),
                None)


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
    sentence = sentences[index]
    attacked = _attack_places(sentence, places)
    found: list[str] = []
    enclosing: list[PlaceMention] = []
    for place in attacked:
        owners = _named_owners(index, place, sentences, incidents)
        if not owners and place.place.rank > 0:
            enclosing.append(place)  # a country or a region: tried once the finer places have been matched
            continue
        if len(owners) == 1 and owners[0].incident_id not in found:
            found.append(owners[0].incident_id)
    for place in enclosing:
        owners = [i for i in incidents if i.where is not None and i.incident_id not in found
                  and _encloses(place.place, i.where)]
        if len(owners) == 1:
            found.append(owners[0].incident_id)
    order = [i.incident_id for i in incidents]
    return sorted(found, key=order.index)


def _attack_places(sentence: Sentence, places: list[PlaceMention]) -> list[PlaceMention]:
    """The places of a sentence an attack word stands by, and those listed with them, in the sentence's order."""
    before, after = _reach()
    ordered = sorted(places, key=lambda p: p.start)
    text = sentence.text

    def near(gap: str, attack_last: bool) -> bool:
        hits = list(_ATTACK.finditer(gap))
        if not hits:
            return False
        hit = hits[-1] if attack_last else hits[0]
        between = gap[hit.end():] if attack_last else gap[: hit.start()]
        return not _CLAUSE_MARK.search(between) and len(_WORD.findall(between)) <= (before if attack_last else after)

    counted = []
    for n, place in enumerate(ordered):
        start, end = place.start - sentence.start, place.end - sentence.start
        low = ordered[n - 1].end - sentence.start if n else 0
        high = ordered[n + 1].start - sentence.start if n + 1 < len(ordered) else len(text)
        counted.append(near(text[max(low, 0) : start], True) or near(text[end : max(high, end)], False))
    for _ in range(2):  # a list passes the mark on both ways: "the Homs and Damascus attacks", "in Nice and Berlin"
        for n in range(len(ordered) - 1):
            gap = text[ordered[n].end - sentence.start : ordered[n + 1].start - sentence.start]
            if (counted[n] or counted[n + 1]) and _LIST_JOIN.match(gap):
                counted[n] = counted[n + 1] = True
    return [p for p, keep in zip(ordered, counted, strict=True) if keep]


def _named_owners(
    index: int, place: PlaceMention, sentences: Sequence[Sentence], incidents: Sequence[IncidentPlaces]
) -> list[IncidentPlaces]:
    """The incidents a place names as theirs: by the incident place's name or gazetteer entry, else by the
    article naming it in one of the incident's own sentences."""
    name = place.place.name.casefold()
    geonameid = place.place.geonameid
    owners = [i for i in incidents if (i.place and i.place.casefold() == name)
              or (geonameid is not None and i.where is not None and i.where.geonameid == geonameid)]
    if not owners:
        owners = [i for i in incidents if any(place.text in sentences[s].text for s in i.sentences if s != index)]
    return owners


def _encloses(outer: Place, inner: Place) -> bool:
    """Whether a country or a region (rank 2, 1) holds a finer place: the country of it, or the region a town
    lies in (gazetteer.inside_region)."""
    if outer.rank <= inner.rank or not outer.country_code or outer.country_code != inner.country_code:
        return False
    return outer.rank == 2 or inside_region(inner, outer) is True
