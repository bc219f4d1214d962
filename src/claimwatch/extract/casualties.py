"""Killed and wounded figures in a sentence ("seven people were killed and 48 were wounded").

Regex rules over the sentence text; no parse is needed because casualty phrasing is formulaic. The
rules run in this order, and a number read by one rule is not read again by a later one:

    1. lists that add up:      "two policemen, a guard and three attackers died"   (sum = 6); "five engineers and
                               their driver" (an owned person counts one); "at least 40 pilgrims and 6 guards" (min 46)
    2. tolls:                  "the death toll rose to 33", "officials put the death toll at 23", a correction
                               "revising the toll from 39 to 38" (marked `revised`: it stands, counts.py)
    3. verb before the number: a list of victims ("killed three soldiers and a police officer", sum = 4);
       "killed at least 25", "killing three and wounding five others", "left 12 dead"; a second figure at
       another place: "killed 47 people in the capital and 20 soldiers in the east" (47, then 20)
    4. number before the verb: "seven people were killed", "48 wounded", "four soldiers were slightly injured",
                               "12 soldiers and militia members were killed", "One of the passengers, an elderly
                               man, died"; one person: "a third man, in his 70s, was injured", "wounded a third"
    5. explicit zeros:         "no one was hurt", "no casualties were reported"
    6. two told as both:       "both of them were killed", "both guards died"
    7. a death told later:     "the driver later died of his wounds", "The guard, Ali Hassan, was later reported
                               dead" (one killed: a wounded victim who died counts among the dead)

Figures that are not one attack's toll are left out: a total over a period ("at least 6,000 deaths since
2013", "killed more than 1,200 civilians over the past decade", "during the war"), unless the sentence
ranks the attack against that period ("the deadliest attack since 2015"). A figure the attackers' group
gives ("claimed that it killed 17", "claimed responsibility for killing 70 soldiers", "claiming to have
left dozens dead") is kept but marked `by_claimant`: the resolver uses it only when no one else counted.
"including the bomber" / "including two attackers" adds the figure without them (includes_perpetrators
False) beside the total, as the lists do; "killing himself and three others" counts the three; "shot dead
a police officer" counts one.

Qualifiers become bounds (each language's table says which does what): "at least 25" -> min 25; in
English "more than 20" / "over 20" -> min 20 too (the floor the report gives, as analysts code it; a table
may instead put such words under `above`, min n + 1); "up to 30" / "as many as 30" -> max 30; "nearly
100" -> max 100; "fewer than 10" -> max 9; "21 to 23" -> min 21, max 23; "about 40" -> value 40 (an
estimate reported as the figure).
A vague plural alone ("dozens wounded") is marked `vague`: a figure in numbers of the same incident wins.
A figure of a sentence that speaks of several acts together ("nine villagers died in various raids") is marked
`aggregate`, and one of a sentence opening on another act ("Later that day the gunmen stopped a bus and shot dead four
passengers"; "Another band of the raiders ...") `other_act`, unless it is a toll.
A figure the words before it place in an earlier attack ("Last Saturday, a bombing killed 16", "In 2017, ...",
in a later year's report, "comes weeks after ...") is marked `recalled`, and the figures of a sentence that adds
victims ("a civilian was also killed") `additional`: counts.py decides what they do to the toll.
A figure is `includes_perpetrators=True` when the counted people are attackers (or members of a group the
alias table names: "seven Al-Shabaab soldiers") or the sentence says
"including the attacker(s)"; False when it says "excluding / not including / besides the attackers";
otherwise None (unknown).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import lang
from ..model import CasualtyKind, Count, CountMention
from .groups import names_group
from .numbers import Amount, number_pattern, parse_amount
from .numbers import words as numbers_words

if TYPE_CHECKING:
    from ..model import Sentence
    from ..work import Work

@dataclass(frozen=True)
class _Grammar:
    """The casualty grammar of one language (`lang/<code>/casualties.toml`), compiled once."""

    language: str
    prefilter: re.Pattern[str]
    wounded: re.Pattern[str]
    not_people: re.Pattern[str]
    perpetrator: re.Pattern[str]
    including_perps: re.Pattern[str]
    excluding_perps: re.Pattern[str]
    number_first: re.Pattern[str]
    verb_first: re.Pattern[str]
    verb_list: re.Pattern[str]
    joint_before: re.Pattern[str]
    object_before: re.Pattern[str]
    not_done_before: re.Pattern[str]
    link_line: re.Pattern[str]
    verb_needs_kind: re.Pattern[str]
    verb_killed: re.Pattern[str]
    toll: re.Pattern[str]
    toll_at: re.Pattern[str]
    toll_revised: re.Pattern[str] | None
    toll_wounded: re.Pattern[str]
    single: re.Pattern[str]
    object_after: re.Pattern[str]
    month_before: re.Pattern[str]
    list: re.Pattern[str]
    list_split: re.Pattern[str]
    list_item: re.Pattern[str]
    list_one: re.Pattern[str]
    zero: re.Pattern[str]
    zero_both: re.Pattern[str]
    zero_wounded: re.Pattern[str]
    singular_perpetrator: re.Pattern[str]
    verb_single: re.Pattern[str]
    verb_single_wounded: re.Pattern[str]
    self_and: re.Pattern[str]
    period: re.Pattern[str]
    ranked: re.Pattern[str]
    claimant_before: re.Pattern[str]
    qualifiers: dict[str, frozenset[str]]
    attackers_among_dead: re.Pattern[str] | None = None  # "Among the dead were five attackers" (named group n)
    recalled: re.Pattern[str] | None = None  # words placing a figure in an earlier attack ("a week ago")
    recalled_year: re.Pattern[str] | None = None  # a year before a figure (named group year)
    additional: re.Pattern[str] | None = None  # words adding victims to those counted ("also")
    attackers_after: re.Pattern[str] | None = None  # attackers named after a kind word ("six wounded comrades")
    later_death: re.Pattern[str] | None = None  # one victim dying afterwards ("the guard later died"; group np)
    tally_after: re.Pattern[str] | None = None  # a campaign's toll after the attack's own ("a spate of attacks that")
    group_speaker: re.Pattern[str] | None = None  # a group's spokesman (named group who: the group's name)
    speaker_goes_on: re.Pattern[str] | None = None  # "He said ...": the speaker of the sentence before goes on
    verb_continued: re.Pattern[str] | None = None  # a verb's second figure at another place ("... and 20 in X")
    verb_pronoun: re.Pattern[str] | None = None  # one victim as a pronoun: "assassinating him" (groups verb, np)
    both: re.Pattern[str] | None = None  # two told as "both": "both of them were killed" (named groups np, kind)
    everyone: re.Pattern[str] | None = None  # a toll of people of every side ("20 people"): attackers may be among them
    aggregate: re.Pattern[str] | None = None  # a toll over several acts ("in various raids")
    other_act_opener: re.Pattern[str] | None = None  # a sentence opening on another act ("Later that day, ...")


@functools.lru_cache(maxsize=16)
def grammar(language: str | None = None) -> _Grammar:
    """The compiled casualty grammar of `language` (English where it has none of its own)."""
    res = lang.resources(language)
    extra = {"number": number_pattern(language)}

    def compiled(key: str) -> re.Pattern[str]:
        return res.pattern("casualties", key, extra=extra)

    def optional(key: str) -> re.Pattern[str] | None:
        """A rule only a language that writes its words has (English's words read no other language)."""
        return compiled(key) if res.defines("casualties", key) else None

    return _Grammar(
        language=res.code,
        prefilter=compiled("prefilter"),
        wounded=re.compile(rf"(?:{res.text('casualties', 'wounded')})$", re.IGNORECASE),
        **{key: compiled(key) for key in (
            "not_people", "perpetrator", "including_perps", "excluding_perps", "number_first", "verb_first",
            "verb_list", "joint_before", "object_before", "not_done_before", "link_line", "verb_needs_kind",
            "verb_killed", "toll", "toll_at", "toll_wounded", "single", "object_after", "month_before",
            "list", "list_item", "list_one", "zero", "zero_both", "zero_wounded", "singular_perpetrator",
            "verb_single", "verb_single_wounded", "self_and", "period", "ranked", "claimant_before")},
        toll_revised=compiled("toll_revised") if res.defines("casualties", "toll_revised") else None,
        list_split=res.pattern("casualties", "list_split", flags=0),
        qualifiers={kind: frozenset(words) for kind, words in res.section("casualties")["qualifiers"].items()},
        attackers_among_dead=compiled("attackers_among_dead") if res.defines("casualties", "attackers_among_dead")
        else None,
        recalled=optional("recalled"),
        recalled_year=optional("recalled_year"),
        additional=optional("additional"),
        attackers_after=optional("attackers_after"),
        later_death=optional("later_death"),
        tally_after=optional("tally_after"),
        group_speaker=optional("group_speaker"),
        speaker_goes_on=optional("speaker_goes_on"),
        verb_continued=optional("verb_continued"),
        aggregate=optional("aggregate"),
        everyone=optional("everyone"),
        both=optional("both"),
        verb_pronoun=optional("verb_pronoun"),
        other_act_opener=optional("other_act_opener"),
    )


def find_counts(work: Work) -> list[CountMention]:
    """Casualty figures in every sentence, with document offsets."""
    found: list[CountMention] = []
    g = grammar(work.document.language)
    published = work.document.published
    previous = ""
    for sentence in work.sentences:
        spoken = _group_speaks(g, sentence.text) or (
            g.speaker_goes_on is not None and g.speaker_goes_on.match(sentence.text) is not None
            and _group_speaks(g, previous))
        previous = sentence.text
        revisions = {m.start() for m in g.toll_revised.finditer(sentence.text)} if g.toll_revised else set()
        figures = counts_in(sentence.text, work.document.language)
        spans = (sentence.text[s:e] for s, e, _k, _c in figures)
        additional = g.additional is not None and any(g.additional.search(span) for span in spans)
        aggregate = g.aggregate is not None and g.aggregate.search(sentence.text) is not None
        opener = g.other_act_opener.match(sentence.text) if g.other_act_opener is not None else None
        for start, end, kind, count in figures:
            found.append(
                CountMention(
                    start=sentence.start + start,
                    end=sentence.start + end,
                    text=sentence.text[start:end],
                    sentence=sentence.index,
                    kind=kind,
                    count=count,
                    by_claimant=spoken or claimant_figure(sentence.text, start, work.document.language),
                    revised=start in revisions,
                    vague=vague_figure(sentence.text[start:end], count, work.document.language),
                    recalled=recalled_figure(sentence.text[max(0, start - _RECALL_REACH) : start],
                                             published.year if published else None, work.document.language),
                    additional=additional,
                    aggregate=aggregate,
                    other_act=opener is not None and opener.end() <= start and not _a_toll(g, sentence.text[start:end]),
                )
            )
        found.extend(_attackers_among_dead(work, sentence, found))
        found.extend(_attackers_told_after(g, sentence, found))
    return found


def _attackers_told_after(g: _Grammar, sentence: Sentence, found: list[CountMention]) -> list[CountMention]:
    """"Twenty people died in the fighting. Six of the rebels were killed, the mayor said.": a sentence whose
    only death toll counts attackers, fewer than the people a toll just before counted, tells who of them were the
    attackers; the victims are that toll less them, as `_attackers_among_dead` gives ("also killed" adds instead)."""
    if g.everyone is None:
        return []
    mine = [c for c in found if c.sentence == sentence.index and c.kind == "killed"]
    if len(mine) != 1 or mine[0].count.includes_perpetrators is not True or mine[0].additional or mine[0].by_claimant:
        return []
    attackers = mine[0].count.value
    before = [c for c in found if c.kind == "killed" and not c.by_claimant and sentence.index - 2 <= c.sentence
              < sentence.index and c.count.includes_perpetrators is None and g.everyone.search(c.text)]
    if attackers is None or not before:
        return []
    victims = _victims_besides(before[-1], attackers)
    if victims is None:
        return []
    return [CountMention(start=mine[0].start, end=mine[0].end, text=mine[0].text, sentence=sentence.index,
                         kind="killed", count=victims)]


def _attackers_among_dead(work: Work, sentence: Sentence, found: list[CountMention]) -> list[CountMention]:
    """"... at least 60 people were killed. Among the dead were five suicide bombers.": the toll just before
    counts the attackers (it becomes includes_perpetrators=True) and the victims are that toll less them, a
    figure of this sentence (includes_perpetrators=False), as "including the bomber" gives in one sentence."""
    g = grammar(work.document.language)
    if g.attackers_among_dead is None:
        return []
    match = g.attackers_among_dead.search(sentence.text)
    if match is None:
        return []
    amount = parse_amount(match.group("n"), g.language)
    before = [c for c in found if c.kind == "killed" and not c.by_claimant and c.start < sentence.start + match.start()
              and c.sentence >= sentence.index - 2 and c.count.includes_perpetrators is None]
    if amount is None or amount.value is None or not before:
        return []
    victims = _victims_besides(before[-1], amount.value)
    if victims is None:
        return []
    return [CountMention(start=sentence.start + match.start(), end=sentence.start + match.end(),
                         text=match.group(0), sentence=sentence.index, kind="killed", count=victims)]


def _victims_besides(total: CountMention, attackers: int) -> Count | None:
    """The victims of a toll that counts `attackers` among its dead: the toll less them (and the toll marked as
    counting the attackers); None when the toll is no larger than the attackers told."""
    low, value = total.count.min, total.count.value
    if (value if value is not None else low or 0) <= attackers:
        return None
    total.count.includes_perpetrators = True
    return Count(
        value=value - attackers if value is not None else None,
        min=low - attackers if low is not None else None,
        max=total.count.max - attackers if total.count.max is not None else None,
        includes_perpetrators=False,
    )


def _a_toll(g: _Grammar, span: str) -> bool:
    """True when a figure is a toll ("the death toll rose to 20"): a later sentence updates the incident's, even one
    opening on a later time ("Later, the toll rose to 20")."""
    return any(p is not None and p.search(span) for p in (g.toll, g.toll_at, g.toll_revised))


def vague_figure(text: str, count: Count, language: str | None = None) -> bool:
    """True when the figure is only a vague plural ("dozens were wounded", "thousands killed"): a floor no
    number was written for."""
    if count.value is not None or count.min is None or re.search(r"\d", text):
        return False
    return numbers_words(language).vague_word_re.search(text) is not None


def _group_speaks(g: _Grammar, text: str) -> bool:
    """True when a known group's spokesman speaks in the sentence ("Taliban spokesman Zabihullah Mujahid said")."""
    if g.group_speaker is None:
        return False
    return any(names_group(m.group("who")) for m in g.group_speaker.finditer(text))


# How far before a figure (characters) the words that recall an earlier attack are read: the clause of a news
# sentence, and no scan of a whole run-on text per figure.
_RECALL_REACH = 400


def recalled_figure(before: str, year: int | None = None, language: str | None = None) -> bool:
    """True when the words of its sentence before a figure place what it counts in an earlier attack the report
    recalls ("Last Saturday, a bombing killed 16"; "In 2017, gunmen killed 300" in a report of a later year)."""
    g = grammar(language)
    if g.recalled is not None and g.recalled.search(before):
        return True
    if g.recalled_year is None or year is None:
        return False
    return any(int(m.group("year")) < year for m in g.recalled_year.finditer(before))


def claimant_figure(text: str, start: int, language: str | None = None) -> bool:
    """True when the figure starting at `start` is what the attackers' group says it did."""
    return grammar(language).claimant_before.search(text[max(0, start - 80) : start]) is not None


def period_total(text: str, language: str | None = None) -> bool:
    """True when the sentence gives a total over a period, not one attack's toll."""
    g = grammar(language)
    return g.period.search(text) is not None and g.ranked.search(text) is None


def counts_in(text: str, language: str | None = None) -> list[tuple[int, int, CasualtyKind, Count]]:
    """(start, end, kind, count) for each figure in one sentence, offsets into `text`, in text order."""
    g = grammar(language)
    if not g.prefilter.search(text) or period_total(text, language) or g.link_line.match(text):
        return []
    results: list[tuple[int, int, CasualtyKind, Count]] = []
    used: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in used)

    def add(start: int, end: int, number_span: tuple[int, int], kind: CasualtyKind, count: Count) -> None:
        if count.known and free(*number_span):
            results.append((start, end, kind, count))
            used.append(number_span)

    def add_with_victims(match: re.Match[str], kind: CasualtyKind) -> None:
        """The figure, and beside it the figure without the attackers it says it includes."""
        span = _number_span(match)
        was_free = free(*span)
        count = _count(g, match, text)
        add(match.start(), match.end(), span, kind, count)
        victims = _without_perpetrators(g, count, match.groupdict().get("np") or "", _rest(match, text))
        if was_free and count.known and victims is not None:
            results.append((match.start(), match.end(), kind, victims))

    for match in g.zero.finditer(text):
        noun = (match.group("noun") or "").lower()
        kinds: list[CasualtyKind] = (
            ["killed", "wounded"] if noun and g.zero_both.match(noun)
            else ["wounded"] if (noun and g.zero_wounded.match(noun))
            or (not noun and _kind(g, match.group("kind")) == "wounded")
            else ["killed"]
        )
        for zero_kind in kinds:
            results.append((match.start(), match.end(), zero_kind, Count(value=0)))
        used.append((match.start(), match.end()))
    for match in g.list.finditer(text):
        if g.object_before.search(text[max(0, match.start() - 30) : match.start()]):
            continue
        listed = _list_counts(g, text, match)
        if listed and free(match.start(), match.end()):
            for count in listed:
                count = _qualified_list(g, count, match)
                results.append((match.start(), match.end(), _kind(g, match.group("kind")), count))
            used.append((match.start(), match.end()))
    revised = list(g.toll_revised.finditer(text)) if g.toll_revised else []
    for match in [*revised, *g.toll.finditer(text), *g.toll_at.finditer(text)]:
        what = (match.group("what") or "toll").lower()
        kind: CasualtyKind = "wounded" if g.toll_wounded.search(what) else "killed"
        add(match.start(), match.end(), _number_span(match), kind, _count(g, match, text))
    for match in g.self_and.finditer(text):
        amount = parse_amount(match.group("num"), g.language) if match.group("num") else Amount(value=1)
        if amount is not None and not g.not_people.match(match.group("np")):
            victims = Count(value=amount.value, min=amount.min, max=amount.max, includes_perpetrators=False)
            add(match.start(), match.end(), (match.start(), match.end()), "killed", victims)
    for match in g.verb_list.finditer(text):
        if _joint(g, text, match):
            continue
        listed = _list_counts(g, text, match)
        if listed and free(match.start(), match.end()):
            verb_kind: CasualtyKind = "killed" if g.verb_killed.match(match.group("verb").lower()) else "wounded"
            for count in listed:
                results.append((match.start(), match.end(), verb_kind, _qualified_list(g, count, match)))
            used.append((match.start(), match.end()))
    for match in g.verb_first.finditer(text):
        if g.not_people.match(text[_quant_end(match):]) or _joint(g, text, match):
            continue
        verb = match.group("verb").lower()
        if g.verb_needs_kind.match(verb):
            if not match.group("kind"):
                continue
            kind = _kind(g, match.group("kind"))
        else:
            kind = "killed" if g.verb_killed.match(verb) else "wounded"
        add_with_victims(match, kind)
        more = g.verb_continued.match(text, match.end()) if g.verb_continued is not None else None
        if more is not None and not g.not_people.match(text[_quant_end(more):]):
            # "killed 47 people in the capital and 20 soldiers in the east": the verb's second figure
            add(more.start("num"), more.end(), _number_span(more), kind, _count(g, more, text))
    for match in g.number_first.finditer(text):
        if g.not_people.match(text[_quant_end(match):]) or _is_year(match) or _after_month(g, text, match.start()):
            continue
        if _active_verb(g, text, match):
            continue
        add_with_victims(match, _kind(g, match.group("kind")))
    for match in g.verb_single.finditer(text):
        verb_kind = "wounded" if g.verb_single_wounded.match(match.group("verb")) else "killed"
        one = Count(value=1, includes_perpetrators=True if g.perpetrator.search(match.group("np")) else None)
        add(match.start(), match.end(), (match.start(), match.end()), verb_kind, one)
    for match in g.verb_pronoun.finditer(text) if g.verb_pronoun is not None else ():
        add(match.start(), match.end(), (match.start(), match.end()), "killed", Count(value=1))
    for match in g.single.finditer(text):
        if _active_verb(g, text, match):
            continue
        single = Count(value=1, includes_perpetrators=True if g.perpetrator.search(match.group("np")) else None)
        add(match.start(), match.end(), (match.start(), match.end()), _kind(g, match.group("kind")), single)
    for match in g.both.finditer(text) if g.both is not None else ():
        pair = Count(value=2, includes_perpetrators=True if g.perpetrator.search(match.group("np") or "") else None)
        add(match.start(), match.end(), (match.start(), match.end()), _kind(g, match.group("kind")), pair)
    for match in g.later_death.finditer(text) if g.later_death is not None else ():
        who = match.group("np") or match.groupdict().get("np2") or ""
        later = Count(value=1, includes_perpetrators=True if g.perpetrator.search(who) else None)
        add(match.start(), match.end(), (match.start(), match.end()), "killed", later)
    results.sort(key=lambda r: r[0])
    tally = g.tally_after.search(text) if g.tally_after is not None else None
    if tally is not None:
        results = [r for r in results if r[0] < tally.start()]
    return results


def _kind(g: _Grammar, word: str) -> CasualtyKind:
    return "wounded" if g.wounded.match(word.strip()) else "killed"


def _active_verb(g: _Grammar, text: str, match: re.Match[str]) -> bool:
    """"Two gunmen killed three people": no auxiliary and an object follows, so the subject did the killing."""
    return not match.group("aux") and bool(g.object_after.match(text[match.end() :]))


def _joint(g: _Grammar, text: str, match: re.Match[str]) -> bool:
    """"killed and injured dozens": the verb shares its figure with a verb of the other kind before it; "to
    kill at least 150": the verb reports no act."""
    if g.not_done_before.search(text[max(0, match.start() - 12) : match.start()]):
        return True
    before = g.joint_before.search(text[max(0, match.start() - 30) : match.start()])
    if before is None:
        return False
    verb = match.group("verb").lower()
    this: CasualtyKind = "killed" if g.verb_killed.match(verb) else "wounded"
    previous = before.group("prev").lower()
    other: CasualtyKind = "killed" if g.verb_killed.match(previous) or _kind(g, previous) == "killed" else "wounded"
    return this != other


def _rest(match: re.Match[str], text: str) -> str:
    """The words after a figure, an aside between its noun and verb first ("five people, including the
    bomber, died")."""
    return (match.groupdict().get("aside") or "") + text[match.end() :]


def _after_month(g: _Grammar, text: str, start: int) -> bool:
    """"June 3 killed…": the number is a day of the month, not a head count."""
    return bool(g.month_before.search(text[max(0, start - 12) : start]))


def _quant_end(match: re.Match[str]) -> int:
    for name in ("hi", "num2", "num"):
        if match.group(name):
            return match.end(name)
    return match.end()


def _number_span(match: re.Match[str]) -> tuple[int, int]:
    start = match.start("lo") if match.group("lo") else match.start("num")
    return start, _quant_end(match)


def _is_year(match: re.Match[str]) -> bool:
    """"In 2015 killed…" style years: four digits 1900-2099 with no qualifier."""
    number = match.group("num") or ""
    return bool(re.fullmatch(r"(?:19|20)\d\d", number)) and not match.group("qual")


def _count(g: _Grammar, match: re.Match[str], sentence: str) -> Count:
    language = g.language
    if match.group("lo"):
        low, high = parse_amount(match.group("lo"), language), parse_amount(match.group("hi"), language)
        count = _range(low, high)
    elif match.group("num2"):
        count = _range(parse_amount(match.group("num"), language), parse_amount(match.group("num2"), language))
    else:
        amount = parse_amount(match.group("num"), language)
        count = _qualified(g, amount, (match.group("qual") or "").lower()) if amount else Count()
    noun_phrase = match.groupdict().get("np") or ""
    count.includes_perpetrators = _perpetrators(g, noun_phrase, _rest(match, sentence))
    if not noun_phrase.strip() and g.attackers_after is not None and g.attackers_after.match(sentence[match.end():]):
        count.includes_perpetrators = True  # "carrying six wounded comrades": the kind word qualifies attackers
    return count


def _range(low: Amount | None, high: Amount | None) -> Count:
    if low is None or high is None or low.value is None or high.value is None:
        return Count()
    if low.value == high.value:
        return Count(value=low.value)
    return Count(min=min(low.value, high.value), max=max(low.value, high.value))


def _qualified(g: _Grammar, amount: Amount, qualifier: str) -> Count:
    qualifier = re.sub(r"\s+", " ", qualifier)
    if amount.value is None:
        return Count(min=amount.min, max=amount.max)
    n = amount.value
    if qualifier in g.qualifiers.get("min", ()):
        return Count(min=n)
    if qualifier in g.qualifiers.get("above", ()):
        return Count(min=n + 1)
    if qualifier in g.qualifiers.get("max", ()):
        return Count(max=n)
    if qualifier in g.qualifiers.get("below", ()):
        return Count(max=max(n - 1, 0))
    return Count(value=n)


def _qualified_list(g: _Grammar, count: Count, match: re.Match[str]) -> Count:
    """A list's sum under the qualifier before it: "killed at least 170 civilians and 13 soldiers" is at least 183."""
    qualifier = (match.groupdict().get("qual") or "").lower()
    if not qualifier or count.value is None:
        return count
    qualified = _qualified(g, Amount(value=count.value), qualifier)
    qualified.includes_perpetrators = count.includes_perpetrators
    return qualified


def _perpetrators(g: _Grammar, noun_phrase: str, rest: str) -> bool | None:
    # "seven Al-Shabaab soldiers": the people counted are a named group's members, so attackers too
    if g.perpetrator.search(noun_phrase) or (noun_phrase.strip() and names_group(noun_phrase)):
        return True
    window = rest[:80]
    if g.excluding_perps.search(window):
        return False
    if g.including_perps.search(window):
        return True
    return None


def _without_perpetrators(g: _Grammar, count: Count, noun_phrase: str, rest: str) -> Count | None:
    """"five people, including the bomber" -> 4 victims; None when the attackers are not counted apart or
    their number is not said ("including the attackers")."""
    if count.value is None or count.includes_perpetrators is not True or g.perpetrator.search(noun_phrase):
        return None
    match = g.including_perps.search(rest[:80])
    if match is None:
        return None
    words = match.group(0).split()[1:]
    if words and words[0].lower() == "the":
        words = words[1:]
    number = parse_amount(words[0], g.language) if len(words) > 1 else None
    if number is not None and number.value is not None:
        attackers = number.value
    elif g.singular_perpetrator.match(" ".join(words)):
        attackers = 1
    else:
        return None
    return Count(value=count.value - attackers, includes_perpetrators=False) if count.value > attackers else None


def _list_counts(g: _Grammar, text: str, match: re.Match[str]) -> list[Count]:
    """The sum of a list of counted groups, and the sum without the attackers when some are attackers."""
    items = g.list_split.split(match.group("items"))
    total = 0
    perpetrators = 0
    for item in items:
        parsed = g.list_item.match(item.strip())
        if not parsed:
            return []
        word = parsed.group("n").lower()
        amount = Amount(value=1) if g.list_one.match(word) else parse_amount(word, g.language)
        if amount is None or amount.value is None or g.not_people.match(parsed.group("np")):
            return []
        total += amount.value
        if g.perpetrator.search(parsed.group("np")) or names_group(parsed.group("np")):
            perpetrators += amount.value
    if perpetrators:
        return [Count(value=total, includes_perpetrators=True),
                Count(value=total - perpetrators, includes_perpetrators=False)]
    return [Count(value=total, includes_perpetrators=_perpetrators(g, "", text[match.end():]))]
