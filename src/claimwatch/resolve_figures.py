"""Which incident a casualty figure goes to, and which of an incident's figures tell of another act: the resolve
stage's casualty rules (resolve.py reads the sentences and calls these for their figures).

Of a sentence's acts, a figure goes to
- the act its words name ("the killing of some 30 miners");
- for a figure said to be "there" in a sentence that names no act but the killing ("31 people were killed and 60
  wounded there"), the act last named with a place or date, a few sentences back at most (resolve.3.figure-there);
- the act of a list whose place follows it ("separate bombings killed 14 people in Maiduguri and 9 traders in Yola":
  resolve.3.figure-at);
- no act, when it counts listed acts together: before a list of places that it names none of ("20 soldiers were
  killed in attacks in the towns of Maiduguri and Yola"), or by a definite plural in the sentence after the list
  ("... followed bombings in A, B and C. The bombings killed 11.": resolve.3.figure-of-list);
- else the closest act (resolve._Resolver._closest);
- and in the end, where a date right after the figure names another day than its incident's and one other incident
  is of that day ("killed three soldiers when they returned on Thursday"), that incident (resolve.3.figure-dated).

A figure of a sentence whose places all lie in another country than its incident's ("Across the border in
Niger, a bombing killed 19 traders" in a report of a bombing in Kano) tells of another act: it is marked
`other_act` and gives way to the incident's own figure (resolve.3.figure-elsewhere, counts.other-act). A figure in
the words a known group speaks (a quotation quotes.py gives to "a statement written by the rebels") is the group's
own: it gives way to an independent count (resolve.3.figure-quoted; counts.py). The places
that count are those where the people counted may have been: not a medium, a base, a border or a country as an owner
("a US air strike"), an origin ("soldiers from Chad") or a country whose officials speak ("US officials said"); a
country owning people stays one ("Ghana's Christians"). The words are each language's (lang/<code>/casualties.toml
`figure_at`, `figure_there`, `scene_not_before`, `scene_not_after`, `scene_owner_after`); a language without them
has none of these rules.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from . import lang
from .anchors import definite, distance
from .counts import incident_toll
from .extract.groups import names_group
from .model import Count, CountMention, DateMention, EventMention, Incident, PlaceMention, add_trace

if TYPE_CHECKING:
    from .drafts import Draft
    from .work import Work

FIGURE_AT = "resolve.3.figure-at"  # "killed 14 in Maiduguri and 9 in Yola": each figure the act at its place
FIGURE_THERE = "resolve.3.figure-there"  # "31 were killed there": the act last named with its place
FIGURE_ELSEWHERE = "resolve.3.figure-elsewhere"  # a figure of a sentence placed only in another country: another act's
FIGURE_DATED = "resolve.3.figure-dated"  # "killed three when they returned on Thursday": the incident of that day
FIGURE_QUOTED = "resolve.3.figure-quoted"  # a figure in the words a group speaks: the group's own count
FIGURE_OF_LIST = "resolve.3.figure-of-list"  # "20 died in attacks in A and B": the acts' figure, no one's
_LISTED = "resolve.1.listed"  # resolve.LISTED (not imported: resolve imports this module)
# How many sentences back a figure said to be "there" may find the act last named with a place.
_THERE_REACH = 3
# How many characters after a figure a date may stand and still tell the day of the act it counts.
_DATED_REACH = 60

Referred = list[tuple["Draft", EventMention | None]]


class Figures:
    """The casualty rules of one document's resolve stage. `killing`, `killing_noun` and `generic` are resolve.py's
    patterns for a killing word, a noun of killing ("killing of") and a plural attack word."""

    def __init__(self, work: Work, skip: int, media: set[str], elsewhere: set[int], *, killing: re.Pattern[str],
                 killing_noun: re.Pattern[str], generic: re.Pattern[str]) -> None:
        self.work = work
        self.killing, self.killing_noun, self.generic = killing, killing_noun, generic
        res = lang.resources(work.document.language)
        self.figure_at = res.pattern("casualties", "figure_at") if res.defines("casualties", "figure_at") else None
        there = res.defines("casualties", "figure_there")
        self.figure_there = res.pattern("casualties", "figure_there") if there else None
        self.scene_places: dict[int, list[PlaceMention]] = {}
        for place in _scene_places(work, skip, media, elsewhere):
            self.scene_places.setdefault(place.sentence, []).append(place)
        self.listed_in: dict[int, list[Draft]] = {}  # the acts each sentence lists (resolve.1.listed)
        # The spans of the words a known group speaks (quotes.py: "..., said a statement written by the group").
        self.group_quotes = [(q.start, q.end) for q in work.mentions.quotes
                             if names_group(q.speaker) or (q.affiliation is not None and names_group(q.affiliation))]

    def read(self, index: int, referred: Referred) -> None:
        """Note the acts sentence `index` lists, once its figures are placed."""
        self.listed_in[index] = [d for d, e in referred if e is not None and _LISTED in e.trace]

    def target(self, count: CountMention, referred: Referred, closest: Draft | None,
               last_anchor: tuple[int, Draft] | None, events: list[EventMention], *, drafts: Sequence[Draft] = (),
               dates: Sequence[DateMention] = ()) -> Draft | None:
        """The incident a figure goes to (the module docstring); `closest` is the closest act's, `last_anchor` the
        sentence and incident last named with a place or date, `events` the attack words of the figure's sentence,
        `dates` its dates, `drafts` every incident so far."""
        target = self._target(count, referred, closest, last_anchor, events)
        return self._dated(count, target, drafts, dates)

    def _dated(self, count: CountMention, target: Draft | None, drafts: Sequence[Draft],
               dates: Sequence[DateMention]) -> Draft | None:
        """The incident of the day a date right after a figure names ("killed three soldiers when they returned on
        Thursday"), where its incident is of another day and one other incident is of that day
        (resolve.3.figure-dated)."""
        if target is None or target.date is None or target.date.precision != "day":
            return target
        text = self.work.document.text
        for when in dates:
            near = 0 <= when.start - count.end <= _DATED_REACH and not re.search(r"[;:]", text[count.end : when.start])
            if when.precision != "day" or when.date == target.date.date or not near:
                continue
            of_day = [d for d in drafts
                      if d.date is not None and d.date.precision == "day" and d.date.date == when.date]
            if len(of_day) == 1:
                add_trace(of_day[0].incident.trace, FIGURE_DATED)
                return of_day[0]
        return target

    def _target(self, count: CountMention, referred: Referred, closest: Draft | None,
                last_anchor: tuple[int, Draft] | None, events: list[EventMention]) -> Draft | None:
        text = self.work.document.text
        own = [(d, e) for d, e in referred if e is not None and distance(e, count) == 0 and e.start < count.end
               and self._names_act(e)]
        if own:
            return own[0][0]
        if self._of_listed_before(count, referred, events):
            return None  # FIGURE_OF_LIST: "... followed bombings in A, B and C. The bombings killed 11."
        there = self._there(count, referred, last_anchor)
        if there is not None:
            add_trace(there.incident.trace, FIGURE_THERE)
            return there
        listed = [(d, e) for d, e in referred if e is not None and _LISTED in e.trace and e.start >= count.end]
        if not listed or self.figure_at is None:
            return closest
        for draft, event in sorted(listed, key=lambda pair: pair[1].start):
            # (no attack word between: "20 died in ambushes near A and B" counts the ambushes together)
            between = any(count.end <= e.start and e.end <= event.start for e in events)
            if not between and self.figure_at.fullmatch(text[count.end : event.start]):
                add_trace(draft.incident.trace, FIGURE_AT)
                return draft
        if closest is not None and any(closest is d for d, _e in listed):
            return None  # FIGURE_OF_LIST
        return closest

    def tolls(self, incident: Incident, counts: list[CountMention]) -> tuple[Count, Count]:
        """The killed and wounded an incident shows from its figures, those of another country's sentences marked."""
        counts = [self._elsewhere(incident, self._group_says(incident, c)) for c in counts]
        return incident_toll(counts, "killed"), incident_toll(counts, "wounded")

    def _group_says(self, incident: Incident, count: CountMention) -> CountMention:
        """The figure marked `by_claimant` when it stands in words a known group speaks (resolve.3.figure-quoted):
        the group's own count gives way to an independent one (counts.py)."""
        if count.by_claimant or not any(s <= count.start and count.end <= e for s, e in self.group_quotes):
            return count
        add_trace(incident.trace, FIGURE_QUOTED)
        return replace(count, by_claimant=True)

    def _names_act(self, event: EventMention) -> bool:
        """An attack word inside a figure that names the act it counts: a noun of killing ("the killing of 30
        miners"), not the figure's own verb ("were killed", "assassinating him")."""
        return self.killing_noun.match(self.work.document.text[event.start : event.end + 4]) is not None

    def _of_listed_before(self, count: CountMention, referred: Referred, events: list[EventMention]) -> bool:
        """True when a figure counts the acts the sentence before listed ("... followed bombings in A, B and C over
        the weekend. The bombings killed 11 people."): its only attack word is a definite plural, which names them."""
        if any(e is not None and not self.killing.match(e.text) for _d, e in referred):
            return False
        if not self.listed_in.get(count.sentence - 1):
            return False
        text, language = self.work.document.text, self.work.document.language
        plurals = [e for e in events if self.generic.search(e.text.strip())]
        return any(definite(text, e, language) for e in plurals)

    def _there(self, count: CountMention, referred: Referred, last_anchor: tuple[int, Draft] | None) -> Draft | None:
        """The act last named with a place or date, for a figure said to be "there" ("31 people were killed there")
        in a sentence that names no act but the killing."""
        if self.figure_there is None or last_anchor is None:
            return None
        if any(e is not None and not self.killing.match(e.text) for _d, e in referred):
            return None
        anchored_in, draft = last_anchor
        sentence = self.work.sentences[count.sentence]
        if count.sentence - anchored_in > _THERE_REACH or not self.figure_there.match(
                self.work.document.text, count.end, sentence.end):
            return None
        return draft

    def _elsewhere(self, incident: Incident, count: CountMention) -> CountMention:
        """The figure marked `other_act` when every place of its sentence lies in another country than the
        incident's (resolve.3.figure-elsewhere)."""
        country = incident.place.country_code if incident.place is not None else incident.country_code
        places = self.scene_places.get(count.sentence, [])
        if count.other_act or not country or not places:
            return count
        if any(not p.place.country_code or p.place.country_code == country for p in places):
            return count
        add_trace(incident.trace, FIGURE_ELSEWHERE)
        return replace(count, other_act=True)


def _scene_places(work: Work, skip: int, media: set[str], elsewhere: set[int]) -> list[PlaceMention]:
    """The places past the dateline (`skip`) that may be where the people a figure counts were (the module
    docstring); `media` the names used for media, `elsewhere` the starts of places anchors.not_attack_places drops."""
    res = lang.resources(work.document.language)
    if not res.defines("casualties", "scene_not_before"):
        return []
    text = work.document.text
    before = res.pattern("casualties", "scene_not_before")
    after = res.pattern("casualties", "scene_not_after")
    owns = res.pattern("casualties", "scene_owner_after")
    found = []
    for p in work.mentions.places:
        preceding, following = text[max(0, p.start - 30) : p.start], text[p.end : p.end + 30]
        if p.start < skip or p.text.casefold() in media or before.search(preceding) or after.match(following):
            continue
        if p.start in elsewhere and not owns.match(following):
            continue
        found.append(p)
    return found
