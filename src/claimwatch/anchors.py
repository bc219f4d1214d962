"""Where and when an attack report is anchored: the places and dates that qualify an attack word.

The resolve stage (`resolve.py`) asks this module which of a sentence's places and dates belong to an attack
word, and whether two of them can name one attack:
- a dateline ("ADEN, Aug 3 (Reuters) -") says where the report was filed, a date after a verb of speech
  when something was said, a date after a toll figure when it was counted: none of them anchors an attack;
- attack words close together are one report (`clusters`); where a sentence tells several acts apart, each
  takes the places and dates nearest to it (`nearest_to`);
- the most specific place and the best date of a report (`most_specific`, `best_date`), and how two places
  fit (`places_fit`).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Iterable

from . import lang
from .extract.gazetteer import inside_region, region_code
from .extract.numbers import NUMBER
from .lexicon import ATTACK_STEMS, any_stem
from .model import DateMention, EventMention, Mention, Place, PlaceMention

_ATTACK_WORD = any_stem(ATTACK_STEMS)

# How many characters may stand before a full date that opens the report ("© site.com-", "Kaboul, le").
_DATE_LEAD = 60
# A dateline opens the report: "ADEN, Aug 3 (Reuters) - ", "MANILA - ", "Maputo — ", "YALA: ", "Srinagar, July 11
# (IBNS): ", "COTONOU, April 24, 2025 — ", "(CNN)": the place (and day) the report was filed from.
DATELINE = re.compile(
    r"^\s*(?:\((?:CNN|AP|AFP|Reuters)\)|[A-Z][\w.'’-]*(?:[ -][A-Z][\w.'’-]*){0,2}(?:,\s*[A-Z][A-Za-z .]{1,30}?)?"
    r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*(?:\([^)\n]{1,40}\))?\s*(?:[-–—]{1,2}|:)\s)"
    # at the very top, in any language and case, without a dash: "La Habana, 17 ene (RHC)", "MADRID 22 Ago.
    # (EUROPA PRESS) -", "Kabul (AFP)": a place, maybe a day, and the agency in parentheses
    r"|\A\s*[A-ZÀ-ÖØ-Þ][\w'’ -]{1,40}?(?:,?\s+\d{1,2}\.?\s+\w{3,10}\.?)?\s*\((?:[A-Z][A-Z .&-]{1,24}|Reuters|dpa)\)"
    r"\s*[-–—:]?\s"
    # a full date near the top, in any language and case, closed by a dash: "© site.com-jeudi 30 Juin 2016-",
    # "Kaboul, le 12 mars 2024 —", "Madrid, 12 de marzo de 2024 -", "March 12, 2024 -": the day it was filed
    rf"|\A[^\n]{{0,{_DATE_LEAD}}}?(?<!\w)(?:\d{{1,2}}(?:er|\.)?\s+(?:de\s+)?[^\W\d_]{{3,12}}\.?|[^\W\d_]{{3,12}}\.?"
    r"\s+\d{1,2}(?:st|nd|rd|th)?),?\s+(?:de\s+)?\d{4}\s*[-–—](?!\d)",
    re.M,
)
# How far into the text a dateline may start (after a byline such as "By Jane Doe").
DATELINE_REACH = 80
_SPEECH_BEFORE = re.compile(
    r"\b(?:said|says|told|announced|claimed(?:\s+responsibility)?|reported|added|stated|confirmed|denied|"
    r"wrote|posted|published|issued)\s+(?:\w+,?\s+){0,4}?(?:on|late|early|last|this)?\s*$",
    re.IGNORECASE,
)
# Verbs of a claim or a denial (a claim mostly comes after the attack, so its day does not date the attack even
# where the report names no other).
_CLAIM_VERB = re.compile(r"\b(?:claim|deni|deny|revendiqu|reivindic|beanspruch|bekannt|تبن|نفى|نفت)", re.IGNORECASE)


def _speech_date(text: str, mention: DateMention, speech: re.Pattern[str] = _SPEECH_BEFORE) -> bool:
    """A date that says when something was said ("announced through Amaq yesterday"), unless an attack
    word sits between the verb and the date ("claimed the Nice attack three weeks ago"). `speech`: the
    language's speech verbs (lang/<code>/dates.toml `speech_before`; English's are `_SPEECH_BEFORE`)."""
    match = speech.search(text[max(0, mention.start - 50) : mention.start])
    return match is not None and not _ATTACK_WORD.search(match.group(0))


# "the toll rose to 42 on Monday, up from 41 on Saturday": a date right after a toll figure says when the
# count was given, not when the attack happened.
_TOLL_FIGURE_BEFORE = re.compile(
    rf"\b(?:rose|risen|rises|climbed|climbs|reached|reaches|stood|stands|jumped|increased|mounted|hit|up|down)"
    rf"\s+(?:to|at|from)\s+(?:[a-z]+\s+){{0,2}}?{NUMBER}\s+(?:on|by|as\s+of)?\s*$",
    re.IGNORECASE,
)


# "has stepped up attacks since the takeover in August 2021", "the deadliest since 2014": a date in a clause
# opened by "since" starts a period of time; it does not say when the attack reported happened.
_NEVER = re.compile(r"(?!x)x")


def not_attack_dates(text: str, dates: Iterable[DateMention], language: str | None = None) -> set[int]:
    """Starts of the dates that say when something was said or counted, not when the attack happened.
    A date in apposition to such a date ("announced yesterday, Sunday") names the same day, so it goes too.
    Where the report names no other date ("seven soldiers were killed in an ambush, the army said Saturday"),
    the day it was said is kept: the report is news of that day (not the day of a claim or a denial)."""
    dates = list(dates)
    dropped: set[int] = set()
    said: set[int] = set()  # dropped as the day something was said
    res = lang.resources(language)
    # "the group on Monday claimed the attack": a date right before a verb of saying (dates.toml speech_after).
    speech_after = res.pattern("dates", "speech_after") if res.defines("dates", "speech_after") else _NEVER
    # "by Tuesday the figure was 92": a date right before a toll (dates.toml toll_after).
    toll_after = res.pattern("dates", "toll_after") if res.defines("dates", "toll_after") else _NEVER
    # "the deadliest attack this year", "the worst in the past month": the period a superlative ranks within.
    ranked_within = res.pattern("dates", "superlative_before") if res.defines("dates", "superlative_before") else None
    attack_noun_after = res.pattern("dates", "attack_noun_after")
    own_speech = "speech_before" in res.section("dates").get("fragments", {})
    speech = res.pattern("dates", "speech_before") if own_speech else _SPEECH_BEFORE
    # "the group on Tuesday claimed an attack ... late on Sunday": a date right before a claim verb dates the claim
    # when the same sentence dates the attack after it (dates.toml claim_after; alone, it is news of that day).
    claim_after = res.pattern("dates", "claim_after") if res.defines("dates", "claim_after") else _NEVER
    plural = res.defines("dates", "claim_plural_after")
    claim_plural_after = res.pattern("dates", "claim_plural_after") if plural else _NEVER
    ordered = sorted(dates, key=lambda d: d.start)
    # "since January", "seit Januar": the start of a period, in the report's language (dates.toml).
    period_start = res.pattern("dates", "period_start") if res.defines("dates", "period_start") else _NEVER
    period_before = re.compile(rf"(?:{period_start.pattern})[^.,;:!?()\"“”]{{0,80}}$", re.IGNORECASE)
    previous: DateMention | None = None
    for k, mention in enumerate(ordered):
        toll = (_TOLL_FIGURE_BEFORE.search(text[max(0, mention.start - 50) : mention.start]) is not None
                or toll_after.match(text[mention.end : mention.end + 50]) is not None)
        period = (
            period_before.search(text[max(0, mention.start - 90) : mention.start]) is not None
            or period_start.match(mention.text) is not None  # the mention's own first word ("Seit Januar")
            or (ranked_within is not None and mention.precision != "day"
                and ranked_within.search(text[max(0, mention.start - 80) : mention.start]) is not None)
        )
        appositive = (
            previous is not None
            and previous.start in dropped
            and re.fullmatch(r"\s*,?\s*", text[previous.end : mention.start]) is not None
        )
        # "claimed a Thursday attack", "Saturday's bombing": a date before the attack noun dates the attack.
        attributive = attack_noun_after.match(text[mention.end : mention.end + 40]) is not None
        spoken = (_speech_date(text, mention, speech)
                  or speech_after.match(text[mention.end : mention.end + 30]) is not None)
        claimed = claim_plural_after.match(text[mention.end : mention.end + 120]) is not None or (
            claim_after.match(text[mention.end : mention.end + 30]) is not None
            and _dated_after(text, mention, ordered[k + 1 :])
        )
        if not attributive and (toll or period or appositive or spoken or claimed):
            dropped.add(mention.start)
            claim = _CLAIM_VERB.search(text[max(0, mention.start - 50) : mention.end + 30]) is not None
            if (spoken and not claim) or (appositive and previous is not None and previous.start in said):
                said.add(mention.start)
        previous = mention
    if said and len(dropped) == len({d.start for d in dates}):
        return dropped - said
    return dropped


# How far after a claim's own date the attack's date may stand in one sentence (characters), and what ends one.
_CLAIM_DATE_REACH = 200
_SENTENCE_END = re.compile(r"[.!?][\s\"”’]")


def _dated_after(text: str, mention: DateMention, later: list[DateMention]) -> bool:
    """True when one of the dates after `mention` (in text order) stands within _CLAIM_DATE_REACH of it, in its
    sentence."""
    for other in later:
        if other.start - mention.end >= _CLAIM_DATE_REACH:
            return False
        if _SENTENCE_END.search(text, mention.end, other.start) is None:
            return True
    return False


# "its Shahada news agency", "the Kabul Times newspaper": a place name inside the name of a medium.
_MEDIUM_AFTER = re.compile(
    r"^(?:\s+(?:news|press|media|information))?\s+(?:agency|agencies|newspaper|magazine|channel|outlet|broadcaster|"
    r"television|TV|daily|weekly)\b",
    re.IGNORECASE,
)


def names_a_medium(text: str, place: PlaceMention) -> bool:
    """True when the place name is part of the name of a news agency, channel or paper, or of a group's own
    outlet (Amaq, Shahada, al-Naba)."""
    from .extract.claims import names_group_outlet

    return _MEDIUM_AFTER.match(text[place.end : place.end + 40]) is not None or names_group_outlet(place.text)


def distance(a: Mention, b: Mention) -> int:
    if a.end <= b.start:
        return b.start - a.end
    if b.end <= a.start:
        return a.start - b.end
    return 0


_CLUSTER_GAP = 25
# How far (characters) a place or date may sit from an attack word and still qualify it.
NEAR = 60
# Places at most this far apart (characters: "'s ", ", ") are written as one location.
_JOINED = 3


def clusters(events: list[EventMention], text: str = "", apart: re.Pattern[str] | None = None) -> list[EventMention]:
    """Attack words close together are one report ("a car bomb exploded", "gunmen kidnapped"): merge them
    into one mention spanning them all, with every type they carry. Words between them that order two acts
    in time (`apart`: "the attack followed the killing of ...") keep them apart."""
    merged: list[EventMention] = []
    for event in sorted(events, key=lambda e: e.start):
        last = merged[-1] if merged else None
        ordered = apart is not None and last is not None and apart.search(text[last.end : event.start]) is not None
        if last is not None and event.start - last.end <= _CLUSTER_GAP and not ordered:
            merged[-1] = EventMention(
                start=last.start,
                end=max(last.end, event.end),
                text=f"{last.text} … {event.text}",
                sentence=last.sentence,
                attack_types=last.attack_types + [t for t in event.attack_types if t not in last.attack_types],
                weapon_types=last.weapon_types + [t for t in event.weapon_types if t not in last.weapon_types],
                trace=last.trace + [t for t in event.trace if t not in last.trace],
            )
        else:
            merged.append(event)
    return merged


def closest_events(events: list[EventMention], mentions: list, far: Callable[[EventMention, Mention], int] = distance,
                   ) -> dict[int, EventMention]:
    """For each mention (by `id`), the attack word closest to it by `far` (at least the plain `distance`), the
    first of `events` on a tie: what `min(events, key=...)` gives, found by binary search over the attack words'
    starts, not by a scan of all of them per mention (a run-on sentence holds thousands of both)."""
    order = sorted(range(len(events)), key=lambda k: events[k].start)
    starts = [events[k].start for k in order]
    longest = max((e.end - e.start for e in events), default=0)
    result: dict[int, EventMention] = {}
    for mention in mentions:
        pos = bisect.bisect_left(starts, mention.start)
        best: tuple[int, int] | None = None
        for k in range(pos - 1, -1, -1):  # attack words starting before the mention, nearest first
            e = events[order[k]]
            if best is not None and mention.start - e.start - longest > best[0]:
                break
            key = (far(e, mention), order[k])
            best = key if best is None or key < best else best
        for k in range(pos, len(order)):  # and those starting at or after it
            e = events[order[k]]
            if best is not None and e.start - mention.end > best[0]:
                break
            key = (far(e, mention), order[k])
            best = key if best is None or key < best else best
        if best is not None:
            result[id(mention)] = events[best[1]]
    return result


def nearest_to(event: EventMention, events: list[EventMention], mentions: list,
               owners: dict[int, EventMention] | None = None) -> list:
    """The mentions that qualify `event`: close to it, and closer to it than to any other attack word (`owners`:
    `closest_events(events, mentions)`, computed once for the calls on one sentence)."""
    owners = closest_events(events, mentions) if owners is None else owners
    mine = [m for m in mentions if owners.get(id(m)) is event and distance(event, m) <= NEAR]
    nearest = sorted(mine, key=lambda m: distance(event, m))[:1]
    # "in Kenya's Lamu county", "in Lamu county, Kenya": a place written against the nearest one names one
    # location with it, so both qualify the attack word (the finer one then places it)
    return nearest + [m for m in mentions if nearest and m is not nearest[0] and distance(m, nearest[0]) <= _JOINED]


# A clause break between a date and an attack word ("an attack in X in June 2017 that killed 37, a bombing in Y"):
# the date is that much farther from the word on the other side of the break.
_CLAUSE_BREAK = re.compile(r"[,;:()]")
_BREAK_PENALTY = 40


def date_distance(text: str) -> Callable[[EventMention, Mention], int]:
    """The distance `nearest_dates` reads: a clause break between a date and an attack word counts against it."""
    def far(e: EventMention, mention: Mention) -> int:
        gap = text[min(e.end, mention.end) : max(e.start, mention.start)]
        return distance(e, mention) + (_BREAK_PENALTY if _CLAUSE_BREAK.search(gap) else 0)

    return far


def nearest_dates(event: EventMention, events: list[EventMention], dates: list, text: str,
                  owners: dict[int, EventMention] | None = None) -> list:
    """`nearest_to` for dates, a clause break counting against the attack word across it: "the massacre in X last
    fall that killed 58, an attack in Y in June 2017" dates the massacre last fall, "a bomb went off in X, and on
    Sunday gunmen attacked Y" the attack on Sunday (`owners`: `closest_events` with `date_distance(text)`)."""
    far = date_distance(text)
    owners = closest_events(events, dates, far) if owners is None else owners
    mine = [m for m in dates if owners.get(id(m)) is event and distance(event, m) <= NEAR]
    return sorted(mine, key=lambda m: far(event, m))[:1]


VAGUE_DATE = re.compile(
    r"^(?:overnight|today|tonight|this\s+(?:morning|afternoon|evening)|recently|last\s+night)$", re.IGNORECASE
)


def best_date(event: EventMention, dates: list[DateMention], text: str | None = None,
              sequence: re.Pattern[str] | None = None) -> DateMention | None:
    """A named day beats a vague one ("overnight", "today"); then one on the attack word's side of a word that
    orders two events (`sequence` in `text`: "forces freed the passengers on Wednesday after militants hijacked a
    train on Tuesday" dates the hijacking on Tuesday); then the one closest to the attack word."""
    if not dates:
        return None

    def across(d: DateMention) -> bool:
        if text is None or sequence is None:
            return False
        return sequence.search(text, min(d.end, event.end), max(d.start, event.start)) is not None

    return min(dates, key=lambda d: (bool(VAGUE_DATE.match(d.text.strip())), across(d), distance(event, d)))


def most_specific(places: list[PlaceMention]) -> PlaceMention | None:
    """A city over a region over a country: the mention with the smallest area we can tell."""
    if not places:
        return None
    return min(places, key=place_rank)


def place_rank(mention: PlaceMention) -> int:
    return mention.place.rank


def places_fit(a: Place, b: Place) -> str:
    """"same": one place (or one is the country of the other, or a town inside the region the other is);
    "near": same country, one a region, where the town's region cannot be told; "apart": anything else."""
    if a.name.lower() == b.name.lower():
        return "same"
    if a.country_code and b.country_code and a.country_code != b.country_code:
        return "apart"
    ranks = {a.rank, b.rank}
    if 2 in ranks:
        return "same"
    if ranks == {0, 1}:
        # A town inside the region is where in it the attack was.
        town, region = (a, b) if a.rank == 0 else (b, a)
        # (A town whose code differs stays "near": a named region is not always a first-level one, "Sinai".)
        if inside_region(town, region):
            return "same"
    if ranks == {1}:
        # Two regions whose first-level codes are both known and differ ("Pattani province", "Yala province")
        # are two places; one code is one region under two names; a district may lie in a province either way.
        codes = region_code(a), region_code(b)
        if None not in codes:
            return "same" if codes[0] == codes[1] else "apart"
    away = a.km_to(b)
    if ranks == {0} and away is not None and away <= _SAME_SPOT_KM:
        return "same"  # a town and its neighbour a few kilometres on: one scene ("on its way to X")
    return "near" if 1 in ranks else "apart"


# How far apart (km) two towns may be and still be one attack's scene (a convoy hit on its way from one to
# the other); 15, 20 and 30 score alike on our news and MUC-4, and the smallest merges fewest neighbouring acts.
_SAME_SPOT_KM = 15.0


# --------------------------------------------------------------------------- which anchors an attack word owns


def not_attack_places(text: str, places: Iterable[PlaceMention], language: str | None = None) -> set[int]:
    """Starts of the place names the words around them use for something other than where an attack was:
    a group's base ("a Pakistan-based group", "based in Pakistan"), a border ("bordering Afghanistan"), a
    country as the owner of what follows ("a US air strike", "U.S. forces", "Pakistan's Shiites")."""
    res = lang.resources(language)
    before = res.pattern("resolve", "not_attack_place_before")
    after = res.pattern("resolve", "not_attack_place_after")
    attributive = res.pattern("resolve", "country_attributive_after")
    locative = res.pattern("resolve", "tied_place_before")
    dropped: set[int] = set()
    for place in places:
        preceding = text[max(0, place.start - 30) : place.start]
        following = text[place.end : place.end + 30]
        owner = place.place.rank == 2 and attributive.match(following) is not None and not locative.search(preceding)
        if before.search(preceding) or after.match(following) or owner:
            dropped.add(place.start)
    return dropped


# How far (characters) a place or date may stand from the attack word it is tied to.
_TIED_BEFORE = 40
# (No clause boundary may stand between: `tied_after`; "the attack on a police station in the north of Kabul".)
_TIED_AFTER = 80
# What stands between a place or date and the attack word after it, when it modifies that word: "the Kabul
# attack", "Saturday's bombing", "the Taliban's Saturday ambulance bomb".
# Only words of the noun phrase: no article, preposition or verb between ("the United States believed the
# attack" does not place it).
_MODIFIER_GAP = re.compile(
    r"(?:['’]s?)?\s+(?:(?!(?:the|a|an|of|in|on|at|by|for|to|with|and|or|that|which|was|were|is|are|has|had|have|"
    r"said|says|believed|believes|told|claimed|blamed|denied)\b)[\w'’.-]+\s+){0,3}",
    re.IGNORECASE,
)


def definite(text: str, event: EventMention, language: str | None = None) -> bool:
    """True when the attack word is definite ("the attack", "Saturday's bombing", "its assault"): it names
    an attack the reader already knows of. Not where it only qualifies the noun after it ("the kidnap
    victims", "the bomb squad"): the phrase is about those people, who may be named with places of their own."""
    res = lang.resources(language)
    if not res.defines("resolve", "definite_before"):
        return False  # a language that does not say how it writes a definite attack word keeps the older rules
    if res.pattern("resolve", "modifier_after").match(text[event.end : event.end + 30]):
        return False
    return res.pattern("resolve", "definite_before").search(text[max(0, event.start - 40) : event.start]) is not None


def tied(text: str, event: EventMention, mentions: list, language: str | None = None, *, places: bool) -> list:
    """The places or dates (`places` says which) that qualify this attack word itself, not the clause around
    it: written inside it or just before it as a modifier ("the Kabul attack", "the June 16 bombing"), or after
    it within its phrase ("the attack on a police station in Kabul", "the bombing last Friday")."""
    res = lang.resources(language)
    after = res.pattern("resolve", "tied_after")
    locative = res.pattern("resolve", "tied_place_before")
    own = []
    for mention in mentions:
        if mention.start >= event.start and mention.end <= event.end:
            own.append(mention)
        elif mention.end <= event.start:
            gap = text[mention.end : event.start]
            if len(gap) <= _TIED_BEFORE and _MODIFIER_GAP.fullmatch(gap):
                own.append(mention)
        elif mention.start >= event.end:
            gap = text[event.end : mention.start]
            if len(gap) <= _TIED_AFTER and after.match(gap) and (not places or locative.search(gap)):
                own.append(mention)
    return own


# How far after a plural attack word the first of the places it lists may stand ("attacks on Thursday in
# Sanaa and Hadramawt"), and how far apart two places of the list.
_LIST_START = 60
_LIST_GAP = 40


def _listed_before(text: str, event: EventMention, places: list[PlaceMention], coordination: re.Pattern[str],
                   tied_after: re.Pattern[str]) -> list[PlaceMention]:
    """Places listed right before a plural attack word, in its clause ("vehicles were used in Nice and Berlin in
    attacks claimed by the group"): two or more, joined by "and" or commas, with no clause break between the
    last of them and the attack word."""
    before = sorted((p for p in places if p.end <= event.start and p.place.rank <= 1), key=lambda p: p.start)
    if not before or event.start - before[-1].end > _LIST_START or \
            not tied_after.match(text[before[-1].end : event.start]):
        return []
    listed = [before[-1]]
    for place in before[-2::-1]:
        gap = text[place.end : listed[0].start]
        if len(gap) > _LIST_GAP or not coordination.match(gap):
            break
        if place.place.name != listed[0].place.name:
            listed.insert(0, place)
    return listed if len({p.place.name for p in listed}) > 1 else []


def listed_places(text: str, event: EventMention, places: list[PlaceMention], language: str | None = None) -> list:
    """The places a plural attack word lists one after another ("separate attacks killed 47 in Sanaa and 20
    soldiers in Hadramawt", "bomb attacks in Paktika and Balkh provinces"): two or more towns or regions
    after it, joined by "and" or commas. One place, or places not so joined, make no list."""
    res = lang.resources(language)
    coordination = res.pattern("resolve", "coordination_between")
    after = res.pattern("resolve", "tied_after")
    following = sorted((p for p in places if p.start >= event.end and p.place.rank <= 1), key=lambda p: p.start)
    if not following or following[0].start - event.end > _LIST_START:
        return _listed_before(text, event, places, coordination, after)
    if not after.match(text[event.end : following[0].start]):
        return []
    head = res.pattern("resolve", "list_head_between")
    listed = [following[0]]
    for place in following[1:]:
        gap = text[listed[-1].end : place.start]
        if len(listed) == 1 and head.match(gap):
            listed = [place]  # "Balochistan towns of X and Y": the region holds the list, X starts it
            continue
        if len(gap) > _LIST_GAP or not coordination.match(gap):
            break
        if place.place.name != listed[-1].place.name:
            listed.append(place)
    return listed if len({p.place.name for p in listed}) > 1 else []


def country_of_document(places: Iterable[PlaceMention]) -> str | None:
    """The country most of a report's places are in, when it is named at least twice as often as any other (every
    town, region and country counts for its country), or is the only country the report names at all, even once;
    None when no country stands out (resolve.3.country)."""
    votes = Counter(p.place.country_code for p in places if p.place.country_code)
    ranked = votes.most_common(2)
    if not ranked or (len(ranked) > 1 and (ranked[0][1] < 2 or ranked[0][1] < 2 * ranked[1][1])):
        return None
    return ranked[0][0]
