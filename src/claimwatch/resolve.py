"""The resolve stage: turn sentence-level mentions into this document's incidents and claims.

The rules, in the order they run:
1. Each specific attack report (an event mention that is not a generic plural such as "attacks around the
   world", nor an attack not made: "intelligence about a possible attack") is tied to the places and dates
   written next to it. It joins an incident it is compatible with, or starts a new one. Compatible: the same
   date within precision, and the same place or one inside it (a town in the region the incident names, by
   the region's first-level code; a place the report names inside the incident's, "X town in Kirkuk":
   resolve.1.nested; two towns a few kilometres apart; for an undated report, a town of the incident's
   town's first-level region). A definite attack word at a town no table places against the main
   incident's, in its country ("the attack on the road in X tehsil"), is the main incident
   (resolve.1.untold); one naming a told incident's day at a town of its first-level region is that
   incident (resolve.1.same-day); for an undated main incident known by its region, so is a dated report at
   a town no table puts in or out of that region. The first incident is the document's main incident: the
   one the headline and lead report. A killing word next to an attack word in the same sentence ("exploded,
   killing 12") is the attack's outcome, not a report of its own; a report marked as another act ("another
   bomb", "they also burned" at a place or on a day of its own, a sentence opening "Separately,", "Meanwhile,
   in X") starts a new incident; "a second bomb ... moments later" does not; an act against militants ("a
   strike killed al-Shabaab leader X", "an assault against the Abu Sayyaf") is a state's, no incident
   (counter_operations.py, resolve.1.against-militants); an act added with "also" at a place of its own that
   is not the incident's nor inside it ("they had also killed two soldiers in a sniper attack in X") is
   another act (resolve.1.also-elsewhere); a report at another place or marked as another act, on a named
   day one apart from the incident's, is another act ("on Friday night ... on Saturday night"), not one night
   told on both sides of midnight ("late Sunday ... early Monday") nor a killing dated by a later toll
   (resolve.1.other-day); an act the sentence says came before the one it names first
   ("the attack followed the killing of 50 peacekeepers in X on Friday", "followed bombings in A and B") is
   another incident where a place or date of its own anchors it, never dated by what the sentence says
   before it (resolve.1.earlier); each attack word listed as an example of the ones before ("mehrere
   Angriffe in Kabul, unter anderem eine Schießerei ... und ein Selbstmordattentat"; a language's
   `examples_between`) is an act of its own, placed and dated by what is written next to it, else by what
   the sentence said before the list (resolve.1.example). An undated main incident does not take a date
   long before the article (its publication time, else the latest date it names), and a date after "since"
   dates no attack. Which places and dates are the report's own is `anchors.py`'s part: a place that is a
   base, a border, an owner or the one accused ("a Pakistan-based group", "a US air strike", "accusing
   Ukraine of the attack") anchors nothing; of several places, those tied to the attack word place it; a
   definite attack word ("the attack", "Saturday's bombing") is one already told unless a place or date
   tied to it says otherwise, the sentence's other places and dates only filling in what it lacks
   (resolve.2.filled-in), or a finer place inside the one it has ("in the town of X" for an attack told "in
   Yemen": resolve.2.finer); a plural attack word over places listed one after another ("separate attacks in
   Sanaa and Hadramawt", or right before it in its clause: "used in Nice and Berlin in attacks claimed by"),
   or over named days ("two attacks over Sunday and Monday"), reports one incident at each
   (resolve.1.listed); a reference point of the lead ("30 km from Quetta") gives way to the place the attack
   is then named at.
2. A report with no place or date of its own refers back: to the incident named in the sentence just
   before (a "bare" follow-up such as "No group claimed the attack"), otherwise to the main incident. An attack
   word that is not definite and names an attack or weapon type the main incident lacks ("They were shot dead"
   after a killing told at another place) goes on with the incident named just before (resolve.2.continues); in
   any language, so does one beside the attack word that anchored an incident in its own sentence. A
   sentence with no attack word that says when that act happened ("the accident took place on Sunday night",
   "Sunday's incident") dates it where it has no date (resolve.2.told-when).
3. Casualty figures, weapons, places and dates in a sentence go to the incident that sentence refers to.
   Of a sentence's several acts, a figure goes to the one its words name, the listed one whose place follows
   it, else the one nearest before it; a figure of listed acts together goes to none; one said to be "there"
   to the act last placed; one told only of another country gives way to the incident's own
   (resolve_figures.py: resolve.3.figure-at, -of-list, -there, -elsewhere); one in a group's quoted words is
   the group's own (resolve.3.figure-quoted). A political figure among the dead of the attack a sentence
   reports ("nine dead including the home minister") makes it an Assassination too (resolve.3.target-killed).
   An incident shows its best figure: the largest exact value reported, else the tightest bounds; every
   figure is kept as a casualty report with its evidence. An incident with no place of its own takes the
   country the report is about, where one stands out, as its country alone (`Incident.country_code`; the
   place stays unknown: resolve.3.country).
4. Claims go to the incident their sentence refers to (rules 4 and 5 are in resolve_claims.py). A claim-timing
   sentence that names no group ("coming 24 hours after the rampage") adds its delay to the claim on the
   incident it refers to. Two groups claiming one incident make both claims `disputed`.
5. An incident without a written date gets one only when the text pins it: the publication time minus a
   stated claim delay (the claim came no later than the article), with day precision; or, for the main
   incident of a report with no publication time whose address names only the month it was written in
   ("/2017-01/", url_dates.py), that month (resolve.3.month-of-address). Once claims are linked, an undated
   further act told beside the main incident ("Another bomb went off near a shrine") takes the main incident's
   date, unless the text says it came before it (resolve.3.main-date, resolve_dates.py); a main incident still
   undated in a report with a publication time is news of that day (resolve.3.news-of-the-day), a date only an
   act marked as another of the same news ("A second car bomb ...") takes too.

Each decision adds its rule's id ("resolve.1.new", "resolve.4.timing": the constants below, numbered as here)
to the trace of the incident or claim it shapes, after the cue ids of the mentions that went into it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from . import lang, periods, resolve_dates
from .anchors import (
    DATELINE,
    DATELINE_REACH,
    VAGUE_DATE,
    best_date,
    closest_events,
    clusters,
    country_of_document,
    date_distance,
    definite,
    distance,
    listed_places,
    most_specific,
    names_a_medium,
    nearest_dates,
    nearest_to,
    not_attack_dates,
    not_attack_places,
    place_rank,
    places_fit,
    tied,
)
from .counter_operations import against_militants
from .drafts import (
    Draft,
    compatible,
    nested,
    refine,
    same_day_in_region,
    untold_apart,
)
from .lexicon import ATTACK_STEMS, any_stem
from .model import (
    CasualtyReport,
    DateMention,
    EventMention,
    Evidence,
    Extraction,
    Incident,
    Mention,
    PlaceMention,
    add_trace,
)
from .resolve_claims import (  # noqa: F401  (the claim rule ids, re-exported with the others)
    CLAIM,
    CLAIM_TO_MAIN,
    DATE_FROM_DELAY,
    DISPUTED,
    LINK_ELSEWHERE,
    TIMING,
    add_perpetrators,
    build_claims,
    date_from_claim_delay,
)
from .resolve_dates import MONTH_OF_ADDRESS  # noqa: F401  (re-exported with the other rule ids)
from .resolve_figures import (  # noqa: F401  (the figure rule ids, re-exported with the others)
    FIGURE_AT,
    FIGURE_DATED,
    FIGURE_ELSEWHERE,
    FIGURE_OF_LIST,
    FIGURE_QUOTED,
    FIGURE_THERE,
    Figures,
)
from .resolve_types import (  # noqa: F401  (the type rule ids, re-exported with the others)
    ATTACKERS_KILLED,
    FIRED,
    PLURAL_WEAPON,
    TARGET_KILLED,
    TYPE_FROM_WEAPON,
    adds_types,
    finish_types,
    merge_types,
)

if TYPE_CHECKING:
    from .work import Work

# The rules of the module docstring, by the ids an incident's or a claim's trace carries (`Incident.trace`,
# `Claim.trace`, printed by `claimwatch extract --explain`). Ids are stable: a rule that changes meaning gets
# a new one.
NEW = "resolve.1.new"  # a specific attack report starts an incident
JOINED = "resolve.1.joined"  # a report compatible with an incident (place, date) joins it
SEPARATE = "resolve.1.separate"  # a report marked as another act ("another", "Separately,") starts its own
EXAMPLE = "resolve.1.example"  # "attacks in Kabul, among them a shooting ... and a suicide bombing": one each
ALSO_ELSEWHERE = "resolve.1.also-elsewhere"  # "they had also killed two soldiers in X": an act added at another place
OTHER_DAY = "resolve.1.other-day"  # "on Friday night ... on Saturday night": named days one apart, two acts
EARLIER = "resolve.1.earlier"  # "the attack followed the killing of ... on Friday": an earlier act, its own incident
REFERS_BACK = "resolve.2.refers-back"  # no place or date of its own: the incident of the sentence before
RECALLED = "resolve.2.recalled"  # a bare follow-up of a past attack recalled just before is about it
TO_MAIN = "resolve.2.main"  # no place or date of its own: the main incident
CONTINUES = "resolve.2.continues"  # not definite, a type the main incident lacks: the incident just told
LISTED = "resolve.1.listed"  # a plural attack word over places listed one after another: one incident at each
COUNTRY_OF_DOCUMENT = "resolve.3.country"  # no place of its own: the country the report is about
NESTED = "resolve.1.nested"  # a report whose place it names inside the incident's ("X town in Kirkuk") joins it
SAME_DAY = "resolve.1.same-day"  # "the June 16 attack in X": the day's attack told, at a town of its region
UNTOLD = "resolve.1.untold"  # "the attack in X" at a town the gazetteer cannot place against the main one's
FILLED_IN = "resolve.2.filled-in"  # a definite "the attack" gives the incident it names a place or date it lacked
FINER = "resolve.2.finer"  # a place inside the one a told attack has ("the town of X in Y") tells where in it
FIGURES = "resolve.3.figures"  # casualty figures of its sentences; it shows the best (counts.incident_toll)

# Plural event nouns talk about attacks in general ("called for attacks around the world").
_GENERIC_EVENT = re.compile(
    r"\b(attacks|bombings|blasts|explosions|killings|assaults|operations|abductions|kidnappings|shootings|stabbings|"
    r"ambushes|raids|massacres|beheadings)$",
    re.I,
)
# "two bomb blasts", "twin attacks", "a string of arson attacks": a plural that counts attacks reports them
# ("a spate of attacks this year" stays a remark on attacks in general).
_COUNTED = re.compile(
    r"\b(?:two|three|four|five|twin|several|multiple|\d+|coordinated|simultaneous|(?:a\s+)?(?:string|series)\s+of)"
    r"\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_SAME_PLACE = re.compile(r"\bthe same (?:city|town|village|area|province|district|region|market|place|spot)\b", re.I)
# Words that say someone was killed without saying how (events.py): alone they report an attack; next to
# an attack word they report its outcome.
_KILLING = re.compile(r"(?:murder|kill|slain|slay)", re.I)
_KILLING_NOUN = re.compile(r"(?:killings?|murders?)\s+of\b", re.I)
_ATTACK_WORD = any_stem(ATTACK_STEMS)


# How far before an attack word "also" may stand in its clause to add another act ("also killed two ... in a
# sniper attack in X"), in characters.
_ALSO_REACH = 60

# How many characters farther than an attack word before it an attack word after a figure may be and still take it.
_AFTER_PENALTY = 60


def stage(work: Work) -> Work:
    mentions = work.mentions
    resolver = _Resolver(work)
    for sentence in work.sentences:
        resolver.read_sentence(sentence.index)
    incidents = resolver.finish()
    claims = build_claims(work, resolver, mentions.claims)
    date_from_claim_delay(work, resolver, claims)
    res = lang.resources(work.document.language)
    period = res.pattern("resolve", "period_act") if res.defines("resolve", "period_act") else None
    resolve_dates.date_further_acts(resolver.drafts, [s.text for s in work.sentences], period)
    resolve_dates.date_news_of_the_day(resolver.drafts, work.document.published)
    add_perpetrators(incidents, claims)
    extraction = Extraction(
        document=work.document, incidents=incidents, claims=claims, quotes=list(mentions.quotes)
    )
    work.extraction = extraction
    return work


class _Resolver:
    def __init__(self, work: Work) -> None:
        self.work = work
        self.language = work.document.language
        self.drafts: list[Draft] = []
        self.by_sentence: dict[int, Draft] = {}  # the incident each sentence refers to (the first one)
        self.last_anchor: tuple[int, Draft] | None = None
        m = work.mentions
        text = work.document.text
        dateline = DATELINE.search(text[:600])
        skip = dateline.end() if dateline and dateline.start() <= DATELINE_REACH else 0
        self.events = _by_sentence(m.events)
        # A dateline ("ADEN, Aug 3 (Reuters) -") says where and when the report was filed, and a date right
        # after a verb of speech ("claimed on Friday") says when something was said: neither dates or
        # places the attack.
        # "Islamic State's Sinai Province" names a group, not a place.
        in_group_names = [(g.start, g.end) for g in m.groups]
        # A name the article once gives as a medium's ("the SANA news agency") names it every time ("SANA said").
        media = {p.text.casefold() for p in m.places if names_a_medium(text, p)}
        # "a Pakistan-based group", "bordering Afghanistan", "a US air strike": not where an attack was.
        elsewhere = not_attack_places(text, m.places, work.document.language)
        self.places = _by_sentence(
            p for p in m.places if p.start >= skip and not any(s <= p.start < e for s, e in in_group_names)
            and p.text.casefold() not in media and p.start not in elsewhere
        )
        # "southwest of the capital Mogadishu", "30 km from Quetta": a reference point, taken only when the
        # sentence names no other place.
        # The dateline's place is where the report was filed: the main incident's place only when the text
        # names no other.
        self.dateline_places = [p for p in m.places if p.start < skip]
        reference = lang.resources(work.document.language).pattern("places", "reference_before")
        self.reference_points = {p.start for p in m.places if reference.search(text[max(0, p.start - 60) : p.start])}
        not_attack = not_attack_dates(text, m.dates, work.document.language)
        self.dates = _by_sentence(d for d in m.dates if d.start >= skip and d.start not in not_attack)
        self.counts = _by_sentence(m.counts)
        self.groups = _by_sentence(m.groups)
        # The words that mark another act or point back to one, in the report's language (lang/<code>/resolve.toml).
        res = lang.resources(work.document.language)
        self.distinct_before = res.pattern("resolve", "distinct_before")
        self.demonstrative = res.pattern("resolve", "demonstrative")
        self.separate_opener = res.pattern("resolve", "separate_opener")
        self.other_scene_opener = res.pattern("resolve", "other_scene_opener")
        self.sequence_between = res.pattern("resolve", "sequence_between")
        # "the attack followed the killing of ...": read only where the language writes its own words for it.
        earlier = res.defines("resolve", "earlier_between")
        self.earlier_between = res.pattern("resolve", "earlier_between") if earlier else None
        listing = res.defines("resolve", "examples_between")
        self.examples_between = res.pattern("resolve", "examples_between") if listing else None
        self.same_attack = res.pattern("resolve", "same_attack")
        also = res.defines("resolve", "also_before")
        self.also_before = res.pattern("resolve", "also_before") if also else None
        hypothetical = res.defines("resolve", "hypothetical_before")
        self.hypothetical = res.pattern("resolve", "hypothetical_before") if hypothetical else None
        # English's words for what ties a place to an attack word read only English text, until a language
        # writes its own (lang/<code>/resolve.toml).
        self.ties_places = res.defines("resolve", "tied_place_before")
        self.reads_definite = res.defines("resolve", "definite_before")
        # "nine dead including the home minister": a political figure killed was the attack's target (events.toml).
        targeted = res.defines("events", "target_killed")
        self.target_killed = res.pattern("events", "target_killed") if targeted else None
        # "ein ähnlicher Angriff in Kabul": words that make the act another one even in the same place
        other_act = res.get("resolve", "other_act_before") is not None
        self.other_act = res.pattern("resolve", "other_act_before") if other_act else None
        # "on Friday night ... on Saturday night": two named days one apart, two acts (resolve.1.other-day).
        days = (res.pattern("resolve", f"day_{k}") for k in ("named", "late", "early", "overnight", "span"))
        self.days = periods.DayWords(*days) if res.defines("resolve", "day_named") else None
        self.coordination = res.pattern("resolve", "coordination_between")
        # Which incident a casualty figure goes to (resolve_figures.py).
        self.figures = Figures(work, skip, media, elsewhere, killing=_KILLING, killing_noun=_KILLING_NOUN,
                               generic=_GENERIC_EVENT)
        # "the accident took place on Sunday night": when the incident referred to happened (resolve.2.told-when).
        told = res.defines("resolve", "occurred_before")
        self.occurred = res.pattern("resolve", "occurred_before") if told else None
        self.occurrence_noun = res.pattern("resolve", "occurrence_noun_after") if told else None
        self.said_between = res.pattern("resolve", "said_between")
        # The first day of the latest period the text names: the article cannot be older than that.
        firsts = (periods.first_day(d.date, d.precision) for d in m.dates)
        self.written_after = max((day for day in firsts if day is not None), default=None)

    @property
    def main(self) -> Draft | None:
        return self.drafts[0] if self.drafts else None

    # -- reading -------------------------------------------------------------------------------------

    def read_sentence(self, index: int) -> None:
        cues = self.events.get(index, [])
        text = self.work.document.text
        generic = [e for e in cues if _GENERIC_EVENT.search(e.text.strip()) and not _COUNTED.search(text[: e.start])]
        # "intelligence about a possible attack": an attack not made reports none.
        if self.hypothetical is not None:
            cues = [e for e in cues if not self.hypothetical.search(text[max(0, e.start - 40) : e.start])]
            generic = [e for e in generic if e in cues]
        if generic:
            # "the district sees many attacks, mostly with roadside bombs": plural weapons, not counted, in a
            # remark on attacks in general are the weapons of those attacks, not of one reported
            generic += [e for e in cues if e not in generic and PLURAL_WEAPON.search(e.text.strip())
                        and not _COUNTED.search(text[: e.start]) and not definite(text, e, self.language)]
        weapons = [e for e in cues if not e.attack_types and e.weapon_types and e not in generic]
        # "a strike killed al-Shabaab leader X", "an assault against the Abu Sayyaf": a state's act, no incident.
        cues = [e for e in cues if e in weapons or not against_militants(
            text, e, self.groups.get(index, []), self.language, _KILLING.match(e.text) is not None)]
        generic = [e for e in generic if e in cues]
        events = [e for e in cues if e not in generic and e not in weapons]
        if any(not _KILLING.match(e.text) for e in events):
            # "a car bomb exploded ..., killing 12": the killing is what the attack did, not a second one; "the
            # attack followed the killing of 50 peacekeepers" names another act by its noun.
            events = [e for e in events if not _KILLING.match(e.text) or _KILLING_NOUN.match(text[e.start : e.end + 4])]
        used = FIRED.search(self.work.sentences[index].text) is not None
        fired = [w for w in weapons if used and "Explosives" in w.weapon_types]
        if not events and weapons and (self.counts.get(index) or (fired and self.places.get(index))):
            # "fired rockets into a market, killing six": weapons that kill report an attack; so do shells fired or
            # landing at a place ("rockets fired by the militants landed near the base in X").
            first = (fired or weapons)[0]
            events, weapons = [first], [w for w in weapons if w is not first]
        places = self.places.get(index, [])
        places = [p for p in places if p.start not in self.reference_points] or places
        dates = self.dates.get(index, [])
        named = [d for d in dates if not VAGUE_DATE.match(d.text.strip())]
        dates = named or dates
        referred: list[tuple[Draft, EventMention | None]] = []
        for plural in [e for e in cues if _GENERIC_EVENT.search(e.text.strip())]:
            # "separate attacks killed 47 in Sanaa and 20 in Hadramawt": one attack at each place listed.
            listed = listed_places(text, plural, places, self.language)
            days = [] if listed or self.days is None else periods.listed_days(
                text, plural.end, dates, self.coordination, self.days)
            if days:
                # "two attacks over Sunday and Monday": one act on each day listed (resolve.1.listed).
                events = [e for e in events if e is not plural]
                dates = [d for d in dates if d not in days]
                for day in days:
                    at = EventMention(start=day.start, end=day.end, text=plural.text, sentence=index,
                                      attack_types=plural.attack_types, weapon_types=plural.weapon_types,
                                      trace=[*plural.trace, LISTED])
                    draft = self._incident_for(index, at, places, [day], alone=False, listed_day=True)
                    referred.append((draft, at))
                    self.last_anchor = (index, draft)
            if not listed:
                continue
            events = [e for e in events if e is not plural]
            places = [p for p in places if p not in listed]
            # "Today's attack followed bombings in A, B and C": earlier acts, not dated by what comes before.
            prior = self.earlier_between is not None and any(
                e.end <= plural.start and self.earlier_between.search(text[e.end : plural.start]) is not None
                for e in cues if e is not plural
            )
            own_dates = [d for d in dates if d.start > plural.start] if prior else dates
            for place in listed:
                at = EventMention(start=place.start, end=place.end, text=plural.text, sentence=index,
                                  attack_types=plural.attack_types, weapon_types=plural.weapon_types,
                                  trace=[*plural.trace, LISTED])
                draft = self._incident_for(index, at, [place], own_dates, alone=False, earlier=prior)
                referred.append((draft, at))
                self.last_anchor = (index, draft)
        if referred and not places and not dates:
            # "A farmer was stabbed and two others shot in two raids on Friday and Saturday": the sentence's other
            # attack words, with no place or date left of their own, tell how the acts listed were done.
            for draft, _at in referred:
                for event in events + weapons:
                    merge_types(draft.incident, event.attack_types, event.weapon_types)
                    add_trace(draft.incident.trace, *event.trace)
            events, weapons = [], []
        events = clusters(events, text, self.sequence_between)
        # "The attack followed the killing of 50 peacekeepers on Friday": the attack word after such words is
        # an earlier act, which takes the places and dates next to it.
        earlier = [
            k > 0 and self.earlier_between is not None
            and self.earlier_between.search(text[events[k - 1].end : e.start]) is not None
            for k, e in enumerate(events)
        ]
        # "einige Angriffe in Kabul, unter anderem eine Schießerei ... und ein Selbstmordattentat", "several attacks,
        # including a bombing in X": the attack words after such words are examples of the ones before, each an act
        # of its own, placed and dated by what is written next to it, else by what the sentence said before.
        untyped: list[EventMention] = []
        mark = self._examples_mark(index, cues)
        examples = [mark is not None and e.start >= mark[1] for e in events]
        place_owners: dict[int, EventMention] | None = None  # closest_events, once for the sentence
        date_owners: dict[int, EventMention] | None = None
        for k, event in enumerate(events):
            if examples[k] and mark is not None:
                listed = [e for e, x in zip(events, examples, strict=True) if x]
                after = [p for p in places if p.start >= mark[1]]
                own_places = nearest_to(event, listed, after) or [p for p in places if p.end <= mark[0]]
                after_dates = [d for d in dates if d.start >= mark[1]]
                own_dates = nearest_to(event, listed, after_dates) or [d for d in dates if d.end <= mark[0]]
                draft = self._incident_for(index, event, own_places, own_dates, alone=False, example=True)
                referred.append((draft, event))
                continue
            # Attack words of one type share the sentence's one place and one date ("a suicide bomber killed
            # 50 in April 2006 in Karachi after detonating a device"); several places or dates, or attack words
            # of different types ("the rampage ..., as after the Manchester bombing"), tell acts apart.
            apart = len(events) > 1 and (
                len(places) > 1 or len(dates) > 1 or len({tuple(sorted(e.attack_types)) for e in events}) > 1
                or any(earlier)
            )
            if apart and place_owners is None:
                place_owners = closest_events(events, places)
                date_owners = closest_events(events, dates, date_distance(text))
            own_places = nearest_to(event, events, places, place_owners) if apart else places
            own_dates = nearest_dates(event, events, dates, text, date_owners) if apart else dates
            loose_places: list[PlaceMention] = []
            loose_dates: list[DateMention] = []
            known = bool(self.drafts) and definite(text, event, self.language)
            if known:
                # "the attack", "Saturday's bombing": an attack already told, unless a place or date tied to
                # the word itself makes it another ("the Kabul attack"); the sentence's other places and
                # dates ("..., saying the attack targeted Sweden") may only fill in what it lacks.
                tied_places = tied(text, event, own_places, self.language, places=True)
                tied_dates = tied(text, event, own_dates, self.language, places=False)
                loose_places = [p for p in own_places if p not in tied_places]
                loose_dates = [d for d in own_dates if d not in tied_dates and d.start >= event.end]
                own_places, own_dates = tied_places, tied_dates
            elif len(own_places) > 1 and self.ties_places:
                # Of several places, those tied to the attack word ("the ambulance bomb in Kabul", not "officials
                # in Washington said") place it; the others only fill in what it lacks.
                tied_places = tied(text, event, own_places, self.language, places=True)
                if tied_places:
                    loose_places = [p for p in own_places if p not in tied_places]
                    own_places = tied_places
            if earlier[k] and not own_dates:
                # "The raid came after the killing of some 40 guards at a camp in the north on Tuesday": the
                # words after an earlier act's, up to the next attack word, tell of it, however many they are.
                until = events[k + 1].start if k + 1 < len(events) else len(text)
                own_dates = [d for d in dates if event.end <= d.start < until][:1]
                loose_dates = [d for d in loose_dates if d not in own_dates]
            draft = self._incident_for(index, event, own_places, own_dates, alone=len(events) == 1, known=known,
                                       earlier=earlier[k])
            if loose_places or loose_dates:
                self._fill_in(draft, most_specific(loose_places), best_date(event, loose_dates))
            referred.append((draft, event))
            if earlier[k] and not own_places and not own_dates:
                # "comes weeks after an aid worker was shot dead": an earlier act with no place or date to tell it
                # apart is filed under the incident told, but its weapons and type are not that incident's
                untyped.append(event)
            if own_places or own_dates:
                self.last_anchor = (index, draft)
        if not referred and dates and self.occurred is not None and self.occurrence_noun is not None:
            self._told_when(index, dates)
        counts = self.counts.get(index, [])
        if not referred and (counts or weapons):
            # Weapons named in a general remark ("attacks using vehicles and knives") describe the
            # incident the article is about; otherwise a sentence refers back.
            referent = self.main if generic and not counts else self._referent(index)
            if referent is not None:
                referred.append((referent, None))
        targeted = self.target_killed is not None and self.target_killed.search(self.work.sentences[index].text)
        for draft, reported in referred:
            draft.sentences.add(index)
            if reported is not None and reported not in untyped:
                merge_types(draft.incident, reported.attack_types, reported.weapon_types)
                add_trace(draft.incident.trace, *reported.trace)
                if targeted:
                    merge_types(draft.incident, ["Assassination"], [])
                    add_trace(draft.incident.trace, TARGET_KILLED)
        for weapon in weapons:
            target = self._closest(weapon, referred)
            if target is not None:
                merge_types(target.incident, [], weapon.weapon_types)
        if referred:
            self.by_sentence[index] = referred[0][0]
        else:
            referent = self._referent(index)
            if referent is not None:
                self.by_sentence[index] = referent
        for count in counts:
            target = self.figures.target(count, referred, self._closest(count, referred), self.last_anchor,
                                         self.events.get(index, []), drafts=self.drafts,
                                         dates=self.dates.get(index, []))
            if target is not None:
                target.counts.append(count)
        self.figures.read(index, referred)

    def _incident_for(
        self,
        index: int,
        event: EventMention,
        places: list[PlaceMention],
        dates: list[DateMention],
        *,
        alone: bool = True,
        known: bool = False,
        earlier: bool = False,
        example: bool = False,
        listed_day: bool = False,
    ) -> Draft:
        """The incident an attack word reports. `known`: it is definite ("the attack"), so an attack already told
        unless its own place or date says otherwise. `earlier`: another act the sentence says came before the
        one it names first ("the attack followed the killing of ...")."""
        place = most_specific(places)
        when = best_date(event, dates, self.work.document.text, self.sequence_between)
        weak = place is not None and place.start in self.reference_points
        text = self.work.document.text
        sentence = self.work.sentences[index].text
        if place is None and _SAME_PLACE.search(sentence):
            place = self.last_place
        # "also killed" adds victims to the attack just told, and so does "they also burned the library", an act
        # with no place or date of its own; "another bomb", a further act. "A second bomb went off moments later"
        # is the same attack; "the second bomb" one already told.
        marker = self.distinct_before.search(text[max(0, event.start - 40) : event.start])
        killing = _KILLING.match(event.text) is not None
        distinct = (
            marker is not None
            and not killing
            and not known
            and self.same_attack.search(sentence) is None
            # "they also set the library on fire": an act added with no place or date of its own goes on with it
            and not (self.also_before is not None and self.also_before.match(marker.group(0)) is not None
                     and place is None and when is None)
        )
        # "Separately, ...", "In a separate incident, ...": the sentence tells of another act, wherever it was,
        # when it anchors one; "Meanwhile, in Kandahar, ...", of another act at another place.
        anchored = place is not None or when is not None
        separate = anchored and self.separate_opener.match(sentence) is not None
        prior = anchored and (earlier or example)
        distinct = (
            distinct or separate or prior
            or (place is not None and self.other_scene_opener.match(sentence) is not None)
        )
        if place is None and when is None and not distinct:
            # "that attack" points back to the incident just named; "the attack" to the article's own, unless
            # the sentence before recalled an attack long past.
            pointing = self.demonstrative.search(text[max(0, event.start - 20) : event.start])
            before = self._referent(index)
            # A bare follow-up of a past attack recalled in passing ("In April 2006 a bomber killed 50 ... .
            # No group claimed the attack") is about that attack, not the news of the day; where the sentence
            # names another attack too ("after the rampage, ... as after the Nice stabbing"), it contrasts them.
            recalled = (
                alone
                and before is not None
                and before is not self.main
                and before.date is not None
                and self._long_before(before.date)
            )
            # An attack word that is not definite and names an attack or weapon the main incident lacks ("They were
            # shot dead", after the killing of two villagers told at another place; "towers were torched", after
            # the arson attacks the bombing followed) goes on with the incident just told, not the main one: its
            # types are that incident's (resolve.2.continues). Only where the language writes what makes an
            # attack word definite (`definite_before`).
            # In any language, so does one beside the attack word its own sentence anchored ("bei einer weiteren
            # Attacke im April ..., als Bomben gezündet wurden").
            same_sentence = self.last_anchor is not None and self.last_anchor[0] == index
            continues = (
                not known and not pointing and not recalled and before is not None and self.main is not None
                and (same_sentence or (self.reads_definite and adds_types(event, self.main.incident)))
            )
            referent = before if pointing or recalled or continues else self.main
            if referent is not None:
                rule = (RECALLED if recalled and not pointing else CONTINUES if continues and referent is not self.main
                        else REFERS_BACK if referent is before else TO_MAIN)
                add_trace(referent.incident.trace, rule)
                return referent
        # A separate act may still be told in several attack words of its own sentence.
        candidates = [d for d in self.drafts if d.opened_in == index] if separate else self.drafts
        other = prior or (
            self.other_act is not None and self.other_act.search(text[max(0, event.start - 40) : event.start])
        )
        other_day = False
        # "they had also killed two soldiers in a sniper attack in X": an act added, at a place of its own.
        opened = self.work.sentences[index].start
        also = (
            self.also_before is not None and place is not None and not known
            and self.also_before.search(text[max(opened, event.start - _ALSO_REACH) : event.start]) is not None
        )
        elsewhere = False
        for draft in candidates:
            if distinct and (other or not (place and draft.place and place.place.name == draft.place.place.name)):
                continue
            if (also and place is not None and draft.place is not None and not nested(draft, place, places)
                    and places_fit(draft.place.place, place.place) != "same"):
                elsewhere = True
                continue
            if draft is self.main and draft.date is None and when is not None and self._long_before(when):
                continue
            # Two named days one apart are two acts even with no place of their own ("on Friday night ... gunmen
            # attacked a post"; "on Saturday night ... gunmen attacked a detachment").
            if not known and not killing and resolve_dates.other_day(text, draft.date, when, self.days):
                other_day = True
                continue
            if compatible(draft, place, when, within=places):
                rule = NESTED if nested(draft, place, places) else JOINED
                refine(draft, place, when, weak)
                add_trace(draft.incident.trace, rule)
                return draft
        if known and not distinct:
            # "the June 16 attack on a school in X": the day's attack already told, at a town of its region.
            for draft in self.drafts:
                if same_day_in_region(draft, place, when):
                    refine(draft, None, when, weak)
                    add_trace(draft.incident.trace, SAME_DAY)
                    return draft
        main = self.main
        if known and not distinct and main is not None and untold_apart(main, place, when):
            # "the attack on the road in X tehsil": a definite attack word placed where the gazetteer cannot tell
            # how far from the main incident's town, in its country, is that incident told more closely.
            add_trace(main.incident.trace, UNTOLD)
            return main
        rule = (
            (EXAMPLE if example else EARLIER) if prior else SEPARATE if distinct else OTHER_DAY if other_day
            else ALSO_ELSEWHERE if elsewhere else NEW
        )
        draft = Draft(incident=Incident(id=f"i{len(self.drafts) + 1}", trace=[rule]), opened_in=index)
        refine(draft, place, when, weak)
        self.drafts.append(draft)
        return draft

    def _examples_mark(self, index: int, cues: list[EventMention]) -> tuple[int, int] | None:
        """Where the sentence's words that start a list of examples ("including", "unter anderem") stand, when
        an attack word comes before them (lang/<code>/resolve.toml `examples_between`)."""
        if self.examples_between is None or not cues:
            return None
        sentence = self.work.sentences[index]
        first = min(c.end for c in cues)
        found = self.examples_between.search(self.work.document.text, first, sentence.end)
        return (found.start(), found.end()) if found else None

    def _fill_in(self, draft: Draft, place: PlaceMention | None, when: DateMention | None) -> None:
        """Give an incident the place or date it lacks from a sentence that refers to it ("the gunman who shot
        at diners in Greektown on Sunday evening"), where they fit. Only a date written after the attack word:
        one before it dates the clause that names it ("the government on Saturday warned of reprisals for the
        killing")."""
        weak = place is not None and place.start in self.reference_points
        # A finer place inside the one it has ("in the town of Seiyun" for an attack told "in Yemen") tells
        # where in it the attack was (resolve.2.finer).
        finer = (
            place is not None and draft.place is not None and not weak
            and place_rank(place) < place_rank(draft.place)
            and places_fit(draft.place.place, place.place) == "same"
        )
        place = place if draft.place is None or (draft.weak_place and not weak) or finer else None
        when = when if draft.date is None else None
        if (place is not None or when is not None) and compatible(draft, place, when):
            add_trace(draft.incident.trace, FINER if finer and place is not None else FILLED_IN)
            refine(draft, place, when, weak)

    def _told_when(self, index: int, dates: list[DateMention]) -> None:
        """Date the incident a sentence with no attack word refers back to, where it has no date, by the date the
        sentence says it happened on ("the accident took place on Sunday night"): not the main incident by one long
        before the article."""
        assert self.occurred is not None and self.occurrence_noun is not None
        sentence = self.work.sentences[index]
        when = resolve_dates.told_when(self.work.document.text, sentence.start, sentence.end, dates, self.occurred,
                                       self.occurrence_noun, self.said_between)
        referent = self._referent(index)
        if when is None or referent is None or referent.date is not None:
            return
        if (referent is self.main and self._long_before(when)) or not compatible(referent, None, when):
            return
        refine(referent, None, when, False)
        add_trace(referent.incident.trace, resolve_dates.TOLD_WHEN)

    def _long_before(self, when: DateMention) -> bool:
        return resolve_dates.long_before(when, self.work.document.published, self.written_after)

    @property
    def last_place(self) -> PlaceMention | None:
        """The place of the incident most recently named with one ("... in the same city")."""
        anchored = self.last_anchor[1] if self.last_anchor else None
        for draft in ([anchored] if anchored else []) + self.drafts[::-1]:
            if draft.place is not None:
                return draft.place
        return None

    def _referent(self, index: int) -> Draft | None:
        """The incident a sentence without its own place or date talks about: the one named with a place
        or date in the sentence just before, else the main incident."""
        if self.last_anchor is not None:
            last_index, last = self.last_anchor
            if last_index >= index - 1:
                return last
        return self.main

    @staticmethod
    def _closest(mention: Mention, referred: list[tuple[Draft, EventMention | None]]) -> Draft | None:
        if not referred:
            return None
        # A figure tells of the act named before it ("the massacre in X that killed 58, an attack in Y that
        # killed 37"): an attack word after it must be much closer to take it.
        def far(pair: tuple[Draft, EventMention | None]) -> int:
            event = pair[1]
            if event is None:
                return 10**6
            return distance(event, mention) + (0 if event.end <= mention.start else _AFTER_PENALTY)

        return min(referred, key=far)[0]

    # -- finishing -----------------------------------------------------------------------------------

    def finish(self) -> list[Incident]:
        incidents = []
        main = self.main
        if main is not None and main.place is None and self.dateline_places:
            main.place = most_specific(self.dateline_places)
        country = country_of_document([p for found in self.places.values() for p in found] + self.dateline_places)
        for draft in self.drafts:
            incident = draft.incident
            if draft.place is not None:
                incident.place = draft.place.place
            elif country is not None:
                # No place of its own ("a bomb attack in the president's home town"): the country the whole
                # report is about, where it names one above all others; the place stays unknown.
                incident.country_code = country
                add_trace(incident.trace, COUNTRY_OF_DOCUMENT)
            if draft.date is not None:
                incident.date, incident.date_precision = draft.date.date, draft.date.precision
            elif draft is main:
                resolve_dates.date_from_address(incident, self.work.document)
            self._casualties(draft)
            finish_types(incident, draft.counts, self.work.document.language)
            incident.evidence = [self.evidence(i) for i in sorted(draft.sentences)]
            incidents.append(incident)
        return incidents

    def _casualties(self, draft: Draft) -> None:
        published = self.work.document.published
        for count in draft.counts:
            draft.incident.casualty_reports.append(
                CasualtyReport(
                    kind=count.kind,
                    count=count.count,
                    evidence=self.evidence(count.sentence),
                    reported_at=published,
                )
            )
        add_trace(draft.incident.trace, FIGURES if draft.counts else None)
        draft.incident.killed, draft.incident.wounded = self.figures.tolls(draft.incident, draft.counts)

    def evidence(self, sentence_index: int) -> Evidence:
        sentence = self.work.sentences[sentence_index]
        return Evidence(
            text=sentence.text,
            start=sentence.start,
            end=sentence.end,
            attributed_to=self.work.mentions.attributions.get(sentence_index) or self.work.document.outlet,
        )


# --------------------------------------------------------------------------- claims


# --------------------------------------------------------------------------- helpers


def _by_sentence(mentions: Iterable[Mention]) -> dict[int, list]:
    grouped: dict[int, list] = {}
    for mention in mentions:
        grouped.setdefault(mention.sentence, []).append(mention)
    return grouped
