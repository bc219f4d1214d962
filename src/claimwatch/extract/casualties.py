"""Killed and wounded figures in a sentence ("seven people were killed and 48 were wounded").

Regex rules over the sentence text; no parse is needed because casualty phrasing is formulaic. The
rules run in this order, and a number read by one rule is not read again by a later one:

    1. lists that add up:      "two policemen, a guard and three attackers died"   (sum = 6)
    2. tolls:                  "the death toll rose to 33"
    3. verb before the number: "killed at least 25", "killing three and wounding five others", "left 12 dead"
    4. number before the verb: "seven people were killed", "48 wounded", "four soldiers were slightly injured"
    5. explicit zeros:         "no one was hurt", "no casualties were reported"

Figures that are not one attack's toll are left out: a total over a period ("at least 6,000 deaths since
2013", "killed more than 1,200 civilians over the past decade", "during the war"), unless the sentence
ranks the attack against that period ("the deadliest attack since 2015"). A figure the attackers' group
gives ("claimed that it killed 17", "claimed responsibility for killing 70 soldiers", "claiming to have
left dozens dead") is kept but marked `by_claimant`: the resolver uses it only when no one else counted.
"including the bomber" / "including two attackers" adds the figure without them (includes_perpetrators
False) beside the total, as the lists do; "killing himself and three others" counts the three.

Qualifiers become bounds: "at least 25" -> min 25; "more than 20" / "over 20" -> min 21 (strictly
more); "up to 30" / "as many as 30" -> max 30; "nearly 100" -> max 100; "fewer than 10" -> max 9;
"21 to 23" -> min 21, max 23; "about 40" -> value 40 (an estimate reported as the figure).
A figure is `includes_perpetrators=True` when the counted people are attackers or the sentence says
"including the attacker(s)"; False when it says "excluding / not including / besides the attackers";
otherwise None (unknown).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..model import CasualtyKind, Count, CountMention
from .numbers import NUMBER, Amount, parse_amount

if TYPE_CHECKING:
    from ..pipeline import Work

_KILLED = (
    r"killed|dead|died|deaths?|perished|slain|murdered|massacred|slaughtered|beheaded|executed|shot\s+dead|"
    r"stabbed\s+to\s+death|hacked\s+to\s+death|"
    r"fatalities|lost\s+their\s+lives|lost\s+his\s+life|lost\s+her\s+life"
)
_WOUNDED = r"wounded|injured|hurt|injuries|hospitali[sz]ed"
_KIND_WORD = rf"(?:{_KILLED}|{_WOUNDED})"
_QUALIFIER = (
    r"at\s+least|no\s+fewer\s+than|no\s+less\s+than|not\s+less\s+than|more\s+than|over|in\s+excess\s+of|"
    r"nearly|almost|up\s+to|as\s+many\s+as|fewer\s+than|less\s+than|about|around|approximately|roughly|"
    r"some|an\s+estimated|a\s+total\s+of|at\s+most"
)
_QUANT = (
    rf"(?:(?P<qual>{_QUALIFIER})\s+)?"
    rf"(?:between\s+(?P<lo>{NUMBER})\s+and\s+(?P<hi>{NUMBER})"
    rf"|(?P<num>{NUMBER})(?:\s*(?:-|–|to|or)\s*(?P<num2>{NUMBER}))?)"
)
# Words a noun phrase between a number and its verb may not contain (they start another clause).
_NP_STOP = (
    r"and|or|but|were|was|is|are|had|have|has|who|which|that|after|before|when|while|in|on|at|from|"
    r"by|of|with|for|to|since|during|the|this|these|those|than|as|if|said|says|may|might|could|would|"
    r"feared|likely|not|never|"
    r"zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
    rf"hundred|dozens?|scores|{_KIND_WORD}|killing|wounding|injuring"
)
_NP_WORD = rf"(?!(?:{_NP_STOP})\b)[A-Za-z][\w'’.-]*"
# A noun phrase may end in an "of" complement: "7 soldiers of the army were killed", "two of them died".
_NP = rf"(?P<np>(?:\s+{_NP_WORD}){{0,4}}?(?:\s+of(?:\s+the)?(?:\s+{_NP_WORD}){{1,3}}?)?)"
_AUX = (
    r"(?P<aux>(?:(?:were|was|have\s+been|has\s+been|had\s+been|are|is|being|been|reportedly|also|later|all|"
    r"slightly|seriously|critically|severely|badly|gravely|fatally|mortally|lightly|either|were\s+either)\s+){0,3})"
)
# After a number, these words say it is not a head count ("20 years", "3 km").
_NOT_PEOPLE = re.compile(
    r"^\s*(?:years?|year-old|months?|weeks?|days?|hours?|minutes?|seconds?|%|percent|per\s+cent|km|"
    r"kilomet|miles?|met(?:er|re)s?|feet|kg|kilo|pounds|times|am|pm|a\.m|p\.m|o'clock)\b",
    re.IGNORECASE,
)
_PERPETRATOR = re.compile(
    r"\b(?:attackers?|assailants?|gunm[ae]n|shooters?|bombers?|suicide\s+bombers?|militants?|terrorists?|"
    r"perpetrators?|insurgents?|jihadists?|hijackers?|kidnappers?|suspects?|fighters?|rebels?)\b",
    re.IGNORECASE,
)
_INCLUDING_PERPS = re.compile(
    rf"\bincluding\s+(?:the\s+)?(?:{NUMBER}\s+(?:of\s+the\s+)?)?(?:{_PERPETRATOR.pattern})", re.I
)
_EXCLUDING_PERPS = re.compile(
    rf"\b(?:excluding|not\s+including|besides|in\s+addition\s+to|apart\s+from)\s+(?:the\s+)?"
    rf"(?:{NUMBER}\s+)?(?:{_PERPETRATOR.pattern})",
    re.I,
)

_AFTER = rf"{_NP}\s+{_AUX}(?P<kind>{_KIND_WORD})\b(?!\s+or\s+(?:{_KIND_WORD}))"
_NUMBER_FIRST = re.compile(rf"\b{_QUANT}{_AFTER}", re.IGNORECASE)
_VERB_FIRST = re.compile(
    rf"\b(?P<verb>killed|killing|kills|kill|beheaded|beheading|beheads|behead|massacred|massacring|slaughtered|"
    rf"slaughtering|shot\s+dead|shooting\s+dead|wounded|wounding|wounds|wound|injured|injuring|injures|injure|"
    rf"left|leaving|leaves|claimed\s+the\s+lives\s+of|claiming\s+the\s+lives\s+of|took\s+the\s+lives\s+of)"
    rf"\s+{_QUANT}(?P<np>(?:\s+{_NP_WORD}){{0,3}})"
    rf"(?:\s+(?P<kind>dead|killed|wounded|injured|hurt))?\b",
    re.IGNORECASE,
)
_TOLL = re.compile(
    rf"\b(?:(?P<what>(?:death|casualty|final|official)\s+toll|toll|number\s+of\s+(?:the\s+)?(?:dead|deaths|"
    rf"fatalities|people\s+killed|victims|wounded|injured|injuries))"
    # "the death toll from an attack on a school near the border rose to 42": the toll's subject may be long.
    rf"(?:\s+[\w'’-]+){{0,15}}?\s+(?:has\s+|had\s+|have\s+)?"
    rf"(?:rose|risen|rises|climbed|climbs|reached|reaches|stood|stands|is|was|jumped|increased|hit|hits|"
    rf"grew|mounted|went\s+up|now\s+stands)(?:\s+(?:at|to))?|toll\s+of)\s+{_QUANT}\b",
    re.IGNORECASE,
)
_PERSON = (
    r"person|man|woman|child|boy|girl|baby|teenager|policeman|policewoman|officer|soldier|guard|civilian|"
    r"worker|student|pupil|teacher|journalist|reporter|priest|imam|pilgrim|worshipper|tourist|resident|"
    r"passer-by|bystander|farmer|trooper|militiaman|commander|official|employee|driver|attacker|assailant|"
    r"gunman|bomber|militant|shooter|suspect|perpetrator|member|victim|citizen|national|doctor|nurse"
)
_SINGLE = re.compile(
    rf"\b(?:an?|one)\s+(?P<np>(?:{_NP_WORD}\s+){{0,2}}?(?:{_PERSON}))\s+{_AUX}(?P<kind>{_KIND_WORD})\b"
    rf"(?!\s+or\s+(?:{_KIND_WORD}))",
    re.IGNORECASE,
)
# After an active verb ("two gunmen killed three people") the number counts the killers, not the dead.
_OBJECT_AFTER = re.compile(
    rf"^\s+(?:(?:{_QUALIFIER})\s+)?(?:{NUMBER}|an?|the|his|her|their|him|them|people|civilians|"
    rf"policemen|police|soldiers|worshippers|children)\b",
    re.IGNORECASE,
)
# "shot dead a senior police officer", "wounding a passer-by": one victim named after the verb.
_VERB_SINGLE = re.compile(
    rf"\b(?P<verb>killed|killing|kills|shot\s+dead|shooting\s+dead|beheaded|beheading|stabbed\s+to\s+death|"
    rf"wounded|wounding|injured|injuring)\s+an?\s+(?P<np>(?:{_NP_WORD}\s+){{0,3}}?(?:{_PERSON}))\b",
    re.IGNORECASE,
)
# "killing himself and three others", "blew himself up, killing himself and a guard": the bomber is not a victim.
_SELF_AND = re.compile(
    rf"\b(?:killed|killing|kills)\s+(?:himself|herself|themselves)\s+(?:along\s+with|and|as\s+well\s+as)\s+"
    rf"(?:(?P<num>{NUMBER})|an?)\s+(?P<np>(?:{_NP_WORD}\s*){{1,3}})",
    re.IGNORECASE,
)
_MONTH_BEFORE = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*$", re.IGNORECASE)
_ITEM = rf"(?:{NUMBER}|an?)(?:\s+{_NP_WORD}){{1,3}}?"
_LIST = re.compile(
    rf"\b(?P<items>{_ITEM}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){_ITEM})+)\s+{_AUX}(?P<kind>{_KIND_WORD})\b",
    re.IGNORECASE,
)
_ITEM_RE = re.compile(rf"(?P<n>{NUMBER}|an?)\s+(?P<np>.+)", re.IGNORECASE)
_ZERO = re.compile(
    rf"\b(?:no\s+one|nobody|none)\s+(?:was|were|has\s+been|had\s+been|is|got)\s+(?:\w+\s+)?"
    rf"(?P<kind>{_KIND_WORD})\b"
    r"|\b(?:there\s+were\s+no|no)\s+(?P<noun>deaths|fatalities|injuries|casualties)\b"
    r"(?=\s+(?:were|have\s+been|had\s+been)\s+reported|[.,;]|\s+in\b|$)",
    re.IGNORECASE,
)


# A period the figure adds up over: "since 2013", "over the past decade", "so far this year", "during the war".
_PERIOD = re.compile(
    r"\bsince\s+(?:(?:early|late|mid-?)\s*)?(?:(?:19|20)\d\d|the\s+(?:start|beginning|outbreak)|it\s+(?:began|started|emerged))\b"
    r"|\b(?:over|in|during)\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:years?|decades?|months)\b"
    r"|\bin\s+recent\s+(?:years|months)\b|\bso\s+far\s+this\s+year\b"
    r"|\bduring\s+the\s+(?:[\w-]+\s+){0,3}?(?:war|conflict|insurgency|civil\s+war)\b"
    r"|\bbetween\s+(?:19|20)\d\d\s+and\s+(?:19|20)\d\d\b",
    re.IGNORECASE,
)
# "the deadliest attack since 2015": the period ranks the attack, the figure is still its toll.
_RANKED = re.compile(r"\b(?:deadliest|worst|bloodiest|biggest|largest|first|most\s+\w+)\b[^.;]{0,60}?\bsince\b", re.I)
# The attackers' group speaks of what it did: "claimed that it killed", "claimed responsibility for killing",
# "claiming to have left", "said its fighters killed".
_CLAIMANT_BEFORE = re.compile(
    r"\b(?:claim(?:ed|s|ing)?|boast(?:ed|s|ing)?)\s+(?:that\s+)?(?:(?:it|they|its|their)\s+(?:\w+\s+){0,2}?"
    r"(?:had\s+|have\s+)?|to\s+have\s+|(?:responsibility|credit)\s+for\s+)$"
    r"|\b(?:said|says|stated|announced)\s+(?:that\s+)?(?:it|they|(?:its|their)\s+(?:\w+\s+)?(?:fighters|militants|men|"
    r"mujahideen|soldiers))\s+(?:had\s+)?$",
    re.IGNORECASE,
)


def find_counts(work: Work) -> list[CountMention]:
    """Casualty figures in every sentence, with document offsets."""
    found: list[CountMention] = []
    for sentence in work.sentences:
        for start, end, kind, count in counts_in(sentence.text):
            found.append(
                CountMention(
                    start=sentence.start + start,
                    end=sentence.start + end,
                    text=sentence.text[start:end],
                    sentence=sentence.index,
                    kind=kind,
                    count=count,
                    by_claimant=claimant_figure(sentence.text, start),
                )
            )
    return found


def claimant_figure(text: str, start: int) -> bool:
    """True when the figure starting at `start` is what the attackers' group says it did."""
    return _CLAIMANT_BEFORE.search(text[max(0, start - 80) : start]) is not None


def period_total(text: str) -> bool:
    """True when the sentence gives a total over a period, not one attack's toll."""
    return _PERIOD.search(text) is not None and _RANKED.search(text) is None


def counts_in(text: str) -> list[tuple[int, int, CasualtyKind, Count]]:
    """(start, end, kind, count) for each figure in one sentence, offsets into `text`, in text order."""
    if not re.search(r"kill|dead|death|die|wound|injur|hurt|toll|fatalit|perish|slain|lives|life|casualt|"
                     r"murder|massacr|hospital|behead|execut|slaughter", text, re.IGNORECASE):
        return []
    if period_total(text):
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
        count = _count(match, text)
        add(match.start(), match.end(), span, kind, count)
        victims = _without_perpetrators(count, match.groupdict().get("np") or "", text[match.end():])
        if was_free and count.known and victims is not None:
            results.append((match.start(), match.end(), kind, victims))

    for match in _ZERO.finditer(text):
        noun = (match.group("noun") or "").lower()
        kinds: list[CasualtyKind] = (
            ["killed", "wounded"] if noun == "casualties"
            else ["wounded"] if noun == "injuries" or (not noun and _kind(match.group("kind")) == "wounded")
            else ["killed"]
        )
        for zero_kind in kinds:
            results.append((match.start(), match.end(), zero_kind, Count(value=0)))
        used.append((match.start(), match.end()))
    for match in _LIST.finditer(text):
        listed = _list_counts(text, match)
        if listed and free(match.start(), match.end()):
            for count in listed:
                results.append((match.start(), match.end(), _kind(match.group("kind")), count))
            used.append((match.start(), match.end()))
    for match in _TOLL.finditer(text):
        what = (match.group("what") or "toll").lower()
        kind: CasualtyKind = "wounded" if re.search(r"wounded|injur", what) else "killed"
        add(match.start(), match.end(), _number_span(match), kind, _count(match, text))
    for match in _SELF_AND.finditer(text):
        amount = parse_amount(match.group("num")) if match.group("num") else Amount(value=1)
        if amount is not None and not _NOT_PEOPLE.match(match.group("np")):
            victims = Count(value=amount.value, min=amount.min, max=amount.max, includes_perpetrators=False)
            add(match.start(), match.end(), (match.start(), match.end()), "killed", victims)
    for match in _VERB_FIRST.finditer(text):
        if _NOT_PEOPLE.match(text[_quant_end(match):]):
            continue
        verb = match.group("verb").lower()
        if verb.startswith(("left", "leav")):
            if not match.group("kind"):
                continue
            kind = _kind(match.group("kind"))
        else:
            kind = "killed" if re.match(r"kill|claim|took|behead|massac|slaught|shot|shoot", verb) else "wounded"
        add_with_victims(match, kind)
    for match in _NUMBER_FIRST.finditer(text):
        if _NOT_PEOPLE.match(text[_quant_end(match):]) or _is_year(match) or _after_month(text, match.start()):
            continue
        if _active_verb(text, match):
            continue
        add_with_victims(match, _kind(match.group("kind")))
    for match in _VERB_SINGLE.finditer(text):
        verb_kind: CasualtyKind = "wounded" if re.match(r"wound|injur", match.group("verb"), re.I) else "killed"
        single = Count(value=1, includes_perpetrators=True if _PERPETRATOR.search(match.group("np")) else None)
        add(match.start(), match.end(), (match.start(), match.end()), verb_kind, single)
    for match in _SINGLE.finditer(text):
        if _active_verb(text, match):
            continue
        single = Count(value=1, includes_perpetrators=True if _PERPETRATOR.search(match.group("np")) else None)
        add(match.start(), match.end(), (match.start(), match.end()), _kind(match.group("kind")), single)
    results.sort(key=lambda r: r[0])
    return results


def _kind(word: str) -> CasualtyKind:
    return "wounded" if re.match(rf"(?:{_WOUNDED})$", word.strip(), re.IGNORECASE) else "killed"


def _active_verb(text: str, match: re.Match[str]) -> bool:
    """"Two gunmen killed three people": no auxiliary and an object follows, so the subject did the killing."""
    return not match.group("aux") and bool(_OBJECT_AFTER.match(text[match.end() :]))


def _after_month(text: str, start: int) -> bool:
    """"June 3 killed…": the number is a day of the month, not a head count."""
    return bool(_MONTH_BEFORE.search(text[max(0, start - 12) : start]))


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


def _count(match: re.Match[str], sentence: str) -> Count:
    if match.group("lo"):
        low, high = parse_amount(match.group("lo")), parse_amount(match.group("hi"))
        count = _range(low, high)
    elif match.group("num2"):
        count = _range(parse_amount(match.group("num")), parse_amount(match.group("num2")))
    else:
        amount = parse_amount(match.group("num"))
        count = _qualified(amount, (match.group("qual") or "").lower()) if amount else Count()
    noun_phrase = match.groupdict().get("np") or ""
    count.includes_perpetrators = _perpetrators(noun_phrase, sentence[match.end():])
    return count


def _range(low: Amount | None, high: Amount | None) -> Count:
    if low is None or high is None or low.value is None or high.value is None:
        return Count()
    if low.value == high.value:
        return Count(value=low.value)
    return Count(min=min(low.value, high.value), max=max(low.value, high.value))


def _qualified(amount: Amount, qualifier: str) -> Count:
    qualifier = re.sub(r"\s+", " ", qualifier)
    if amount.value is None:
        return Count(min=amount.min, max=amount.max)
    n = amount.value
    if qualifier in {"at least", "no fewer than", "no less than", "not less than"}:
        return Count(min=n)
    if qualifier in {"more than", "over", "in excess of"}:
        return Count(min=n + 1)
    if qualifier in {"up to", "as many as", "nearly", "almost", "at most"}:
        return Count(max=n)
    if qualifier in {"fewer than", "less than"}:
        return Count(max=max(n - 1, 0))
    return Count(value=n)


def _perpetrators(noun_phrase: str, rest: str) -> bool | None:
    if _PERPETRATOR.search(noun_phrase):
        return True
    window = rest[:80]
    if _EXCLUDING_PERPS.search(window):
        return False
    if _INCLUDING_PERPS.search(window):
        return True
    return None


_SINGULAR_PERPETRATOR = re.compile(
    r"^(?:attacker|assailant|gunman|shooter|bomber|suicide\s+bomber|militant|terrorist|perpetrator|insurgent|"
    r"jihadist|hijacker|kidnapper|suspect|fighter|rebel)$",
    re.IGNORECASE,
)


def _without_perpetrators(count: Count, noun_phrase: str, rest: str) -> Count | None:
    """"five people, including the bomber" -> 4 victims; None when the attackers are not counted apart or
    their number is not said ("including the attackers")."""
    if count.value is None or count.includes_perpetrators is not True or _PERPETRATOR.search(noun_phrase):
        return None
    match = _INCLUDING_PERPS.search(rest[:80])
    if match is None:
        return None
    words = match.group(0).split()[1:]
    if words and words[0].lower() == "the":
        words = words[1:]
    number = parse_amount(words[0]) if len(words) > 1 else None
    if number is not None and number.value is not None:
        attackers = number.value
    elif _SINGULAR_PERPETRATOR.match(" ".join(words)):
        attackers = 1
    else:
        return None
    return Count(value=count.value - attackers, includes_perpetrators=False) if count.value > attackers else None


def _list_counts(text: str, match: re.Match[str]) -> list[Count]:
    """The sum of a list of counted groups, and the sum without the attackers when some are attackers."""
    items = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", match.group("items"))
    total = 0
    perpetrators = 0
    for item in items:
        parsed = _ITEM_RE.match(item.strip())
        if not parsed:
            return []
        word = parsed.group("n").lower()
        amount = Amount(value=1) if word in {"a", "an"} else parse_amount(word)
        if amount is None or amount.value is None or _NOT_PEOPLE.match(parsed.group("np")):
            return []
        total += amount.value
        if _PERPETRATOR.search(parsed.group("np")):
            perpetrators += amount.value
    if perpetrators:
        return [Count(value=total, includes_perpetrators=True),
                Count(value=total - perpetrators, includes_perpetrators=False)]
    return [Count(value=total, includes_perpetrators=_perpetrators("", text[match.end():]))]
