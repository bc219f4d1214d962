"""Claims of responsibility, denials and attributions by others, read sentence by sentence with rules.

How a sentence is read (the numbers repeat in the code):
1. Statements that nobody claimed ("No group has claimed responsibility") are found first; a claim cue
   inside one does not count (`find_unclaimed_statements` returns their sentence indexes).
2. Cues decide the status: "claimed" ("claimed responsibility", "said it carried out", "Amaq said a
   soldier of the caliphate carried out", "announced ... its responsibility", "told a radio station by
   telephone that its fighters had carried out", an attacker called "a soldier of the caliphate" by a
   group's own outlet), "denied" ("denied involvement", "had nothing to do with", "asserts no
   connection", "said in a statement that it had no involvement"), "suspected" ("police blamed",
   "suspected X militants", "bears the hallmarks of", "were indicted"). A sentence that speaks of
   competing claims makes every claim in it "disputed" (the resolver also marks two groups claiming one
   incident as disputed).
3. The group: for a claim or a denial, the group that is the subject (the nearest group mentioned before
   the cue, skipping relative clauses such as ", which ... ," or ", from which ... ,"), else an anaphor
   ("the group", "the militants", "It said") resolved to the most recently mentioned group, else a group
   named after a passive cue ("claimed by X"); for a suspicion, the nearest group on either side.
4. The channel, from the claim sentence, normalised to the vocabulary in `CHANNELS`.
5. The operational link, from cues anywhere in the document (`find_link`): "sources" quoted by Amaq,
   "soldier of the caliphate", "followed a call", "no indication that ... directed" -> inspired;
   "detachment", "our brothers carried out", "fighters of the group attacked", "martyrdom operation" ->
   directed. Interpretive cues weigh more than one word of the claim; a tie is "unclear".
6. The delay between the attack and the claim ("a little more than 24 hours after" -> min 24); a timing
   sentence without a group gives a claim mention with group None, which the resolver merges by recency.
7. `claimed_at`: a weekday, "yesterday" or "today" next to the claim verb, resolved against the
   publication date ("Amaq wrote Saturday evening").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import pairwise
from typing import TYPE_CHECKING, Literal

from ..model import ClaimMention, ClaimStatus, GroupMention, OperationalLink, Range, Sentence
from .groups import lookup_entry

if TYPE_CHECKING:
    from ..pipeline import Work

# Typographic quotes and dashes as ASCII, one character for one, so offsets are kept.
_ASCII = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_ATTACK = (
    r"(?:attacks?|bombings?|blasts?|assaults?|explosions?|killings?|shootings?|raids?|ambush(?:es)?|strikes?|"
    r"operations?|massacres?|kidnappings?|abductions?|rampage|stabbings?|assassinations?|hijackings?|atrocity)"
)

# 1. -------------------------------------------------------------------------- nobody claimed
_UNCLAIMED = re.compile(
    r"\b(?:no|none of the)\s+(?:\w+\s+){0,3}?(?:group|one|organi[sz]ation|faction|outfit|militants?)s?\b"
    r"[^.;]{0,40}?\b(?:claim(?:ed|s)?|taken|took|accepted|admitted|come forward)\b"
    r"|\bnobody\b[^.;]{0,40}?\b(?:claimed|taken|took|accepted)\b"
    r"|\bno (?:immediate |official |credible )?claims? of responsibility\b"
    r"|\bthere (?:was|has been|have been|were|is) no (?:immediate |official )?claims?\b"
    r"|\b(?:has|have|had|was|were) not (?:yet |immediately |officially )?(?:been )?claimed\b"
    r"|\b(?:yet to be|remains?|remained|went|go) unclaimed\b|\bunclaimed\b|\byet to be claimed\b"
    r"|\bnot (?:immediately )?clear who (?:was|is|were) (?:behind|responsible)\b",
    re.IGNORECASE,
)

# 2. -------------------------------------------------------------------------- status cues
# subject: the group before the cue; after: the group named after it; object: the group after it, else the
# nearest one; near: the nearest on either side
Side = Literal["subject", "after", "object", "near"]


@dataclass(frozen=True)
class _CuePattern:
    status: ClaimStatus
    pattern: re.Pattern[str]
    side: Side
    needs_speaker: bool = False  # "said a ... carried out": a claim only when a group or its channel says it
    needs_outlet: bool = False  # a formula that claims only when a group's own outlet (Amaq ...) speaks in the sentence


def _cue(
    status: ClaimStatus, pattern: str, side: Side = "subject", needs_speaker: bool = False, needs_outlet: bool = False
) -> _CuePattern:
    return _CuePattern(status, re.compile(pattern, re.IGNORECASE), side, needs_speaker, needs_outlet)


# What a group says its men did to the target.
# Active voice only: in "an officer was killed" the men are the victims, not the attackers.
_OPERATION_VERBS = (
    r"(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bbe )(?<!\bis )(?<!\bare )(?<!\bget )(?<!\bgot )"
    r"(?:carried out|conducted|executed|perpetrated|launched|staged|attacked|stormed|targeted|shelled|detonated|"
    r"ambushed|raided|bombed|struck|killed|seized|captured|burned|blew up|blown up|overran|overrun)"
)
# "our brothers carried out", "its brave fighters stormed", "the group's fighters had shelled", "fighters of
# the group attacked": the group speaks of its own men.
# A named unit counts too ("the group's Majeed Brigade had carried out"), and so do "two of its members".
# "soldiers of the Islamic State" is left out: that is the inspired-attack formula of Amaq.
_OUR_FIGHTERS = (
    r"(?:\b(?:our|its|their|the group's|the organi[sz]ation's|(?:one|two|three|four|five|six|several|some|\d+) of "
    r"(?:its|our|their))\s+(?:[\w-]+\s+){0,2}?"
    r"(?:brothers|mujahideen|fighters|soldiers|lions|members|men|brigade|unit|battalion|cell|commandos)"
    r"|\b(?:brothers|mujahideen|fighters|soldiers|members) of the (?:group|organi[sz]ation|movement)"
    r"|\b(?:brothers|mujahideen|fighters|members) of the Islamic State"
    # a named branch or unit of the group: "fighters of the group's Central Africa Province"
    r"|\b(?:brothers|mujahideen|fighters|soldiers|members) of (?:the (?:group|organi[sz]ation|movement)'s|its|their)"
    r"\s+(?:[\w'-]+\s+){0,3}?(?:province|brigade|battalion|unit|wing|branch))"
    r"\"?\s+(?:\w+\s+){0,2}?" + _OPERATION_VERBS + r"\b"
)
# A reporting verb with what may stand before its "that": "said", "said in a video released on Monday that",
# "told a local radio station by telephone that".
_SAID = (
    r"\b(?:said|says|stated|states|announced|declared|wrote|told|insisted|added)\b(?:[^.;\"]{0,80}?\bthat\b)?\s+\"?"
)
# The group itself as the subject of what it says.
_ITSELF = r"(?:it|they|the group|the organi[sz]ation|the movement)"

_CUES: list[_CuePattern] = [
    _cue("denied", r"\bden(?:y|ies|ied|ying)\s+(?:any\s+)?(?:\w+\s+){0,2}?(?:involvement|responsibility|role|links?|"
         r"connections?|part|participation|claims?|reports?)\b"),
    _cue("denied", r"\bdenial of (?:any )?(?:involvement|responsibility|role)\b"),
    # "denied attacking the pilgrims", "denies carrying out the bombing"
    _cue("denied", r"\bden(?:y|ies|ied|ying)\s+(?:having\s+)?(?:carr(?:ying|ied)\s+out|attacking|staging|launching|"
         r"being\s+behind|perpetrating|any\s+hand\s+in)\b"),
    _cue("denied", r"\b(?:had|has|have)\s+nothing\s+to\s+do\s+with\b"),
    _cue("denied", r"\b(?:asserts?|asserted|said|says|stated)\s+(?:it\s+had\s+|it\s+has\s+)?no\s+(?:connection|"
         r"involvement|links?|role|hand)\b"),
    # "said in a statement that it had no connection": after a "that" the group must be the subject, so an
    # official's "said that no link ... was found" is no denial
    _cue("denied", _SAID + _ITSELF + r"\s+(?:had|has|have|bore|bears)\s+no\s+(?:connection|involvement|links?|"
         r"role|hand|part)\b", needs_speaker=True),
    _cue("denied", r"\bdistanc(?:ed|es|ing) (?:itself|themselves) from\b"),
    _cue("denied", r"\b(?:rejected|rejects|dismissed|dismisses)\s+(?:any\s+)?(?:involvement|responsibility|"
         r"allegations?|accusations?|claims? (?:of|that it))\b"),
    _cue("denied", r"\b(?:was|were|is|are) not (?:involved|behind|responsible)\b"),
    _cue("denied", r"\bdid not (?:carry out|conduct|stage|perpetrate)\b"),
    _cue("claimed", r"\bclaim(?:ed|s|ing)?\s+(?:\w+\s+){0,2}?(?:responsibility|credit)\b"),
    _cue("claimed", r"\b(?:took|takes|taken|take|taking|accepted|accepts|accepting|assumed|admitted)\s+"
         r"(?:full\s+|sole\s+)?responsibility\b"),
    # "claimed the bombing", "claimed in its weekly newspaper, issued on Thursday, the attack", but not the noun
    # in "the claim came two days after the attack"
    _cue("claimed", r"(?<!\bthe )(?<!\bits )(?<!\bthis )(?<!\btheir )\bclaim(?:ed|s|ing)?\s+(?!that\s+(?:the|a|an)\s)"
         r"(?:(?:in|on|through|via)\s[^.;]{0,80}?,\s+)?(?!(?:the\s+)?lives\b)(?:[\w'-]+\s+){0,5}?" + _ATTACK + r"\b"),
    _cue("claimed", r"\bclaim(?:ed|s)\b[^.;]{0,80}?\bfor itself\b"),
    _cue("claimed", r"\bclaimed\s+by\b", side="after"),
    # "announced through its agency ... its responsibility for"
    _cue("claimed", r"\b(?:announced|declared|proclaimed|acknowledged)\b[^.;]{0,60}?\b(?:its|their)\s+(?:full\s+)?"
         r"responsibility\b"),
    # "said it carried out", "said in a video that the group was holding the hostages"
    _cue("claimed", _SAID + _ITSELF + r"\s+(?:had\s+)?(?:" + _OPERATION_VERBS + r"|was behind|were behind|"
         r"(?:was|were|is|are) (?:holding|keeping|detaining)|kidnapped|abducted|seized)\b", needs_speaker=True),
    _cue("claimed", _SAID + r"(?:a|an|one of its|two of its|its|their|our|the group's)\b[^.;]{0,60}?\b"
         + _OPERATION_VERBS + r"\b", needs_speaker=True),
    # Amaq's formula without a verb: the attacker "was a soldier of the Islamic State" (the cue stops before the
    # group's name, so that the name counts as the group named after it)
    _cue("claimed", r"\bsoldiers?\W{0,2}\s+of\s+the\s+(?=(?:caliphate|khilafah?|Islamic State)\b)",
         needs_outlet=True),
    _cue("claimed", r"\b(?:carried out|conducted|executed|perpetrated)\s+by\s+(?:a|an|one of|two of|its)?\s*\"?"
         r"(?:soldiers?|fighters?|detachment|members?|mujahid|mujahideen)\b", side="after", needs_speaker=True),
    _cue("claimed", _OUR_FIGHTERS, needs_speaker=True),
    _cue("suspected", r"\bblam(?:ed|es|ing|e)\b", side="near"),
    # "X is suspected", "X was the suspected group": the group before; "officials suspected X", "suspected X
    # militants": the group after, so the officials' own side ("Taliban officials said they suspected") is
    # not taken for the suspect
    _cue("suspected", r"\b(?:is|are|was|were|been|being|remains?|the)\s+(?:\w+\s+)?suspect(?:ed|s)?\b", side="near"),
    _cue("suspected", r"\bsuspect(?:ed|s)?\b", side="object"),
    # "investigating whether militants of X were responsible"
    _cue("suspected", r"\b(?:investigat(?:e|es|ed|ing)|prob(?:e|es|ed|ing)|looking into|examin(?:e|es|ed|ing)|"
         r"check(?:s|ed|ing)?|verify(?:ing)?|verified)\s+whether\b(?=[^.;]{0,160}?\b(?:was|were|is|are|had been)\s+"
         r"(?:responsible|behind|involved)\b)", side="object"),
    _cue("suspected", r"\bbears? (?:all )?the (?:hall)?marks of\b", side="after"),
    _cue("suspected", r"\bbelieved to (?:be|have been) (?:behind|responsible)\b", side="near"),
    # "the military said X could be behind the blasts", "the police chief says the Taliban are behind the bomb";
    # not "investigating who was behind"
    _cue("suspected", r"(?<!\bwho )(?<!\bwhoever )(?<!\bwhat )\b(?:is|are|was|were|be|been)\s+(?:\w+\s+)?behind\b",
         side="near"),
    _cue("suspected", r"\b(?:likely|probably|possibly) (?:behind|responsible)\b", side="near"),
    _cue("suspected", r"\baccus(?:ed|es|ing)\b", side="near"),
    _cue("suspected", r"\battribut(?:ed|es|ing)\b", side="near"),
    _cue("suspected", r"\b(?:were|was|been) (?:indicted|charged|convicted)\b", side="near"),
    _cue("suspected", r"\b(?:pointed the finger at|pointed at)\b", side="after"),
]
_COMPETING = re.compile(
    r"\b(?:competing|rival|conflicting|contradictory|counter)[- ]claims?\b|\bboth\b[^.;]{0,60}\bclaimed\b"
    r"|\bdisputed (?:the|its|their|\w+'s) claim\b|\bcontradict(?:ed|ing|s)? (?:the|its|\w+'s) claim\b",
    re.IGNORECASE,
)
_NEGATED = re.compile(r"\b(?:not|never|no|n't|without|nor)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
# ", which ... ," and ", from which ... ," (a preposition may lead the relative clause)
_RELATIVE = re.compile(
    r",\s*(?:(?:from|of|in|with|by|to|for|against|within)\s+)?(?:which|who|whom|whose)\b[^,;]*,", re.IGNORECASE
)
_ANAPHOR = re.compile(
    r"\b(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?(?:group|organi[sz]ation|outfit|militia|movement|militants|"
    r"insurgents|jihadists|faction|rebels|guerrillas)(?:'s)?\b|^(?:It|They)\b|\bit said\b",
    re.IGNORECASE,
)
# Speakers whose "said ... carried out" is a report, not a claim.
_AUTHORITY = re.compile(
    r"\b(?:police|officials?|ministry|minister|government|army|military|authorities|prosecutors?|witnesses|"
    r"residents|analysts?|experts?|sources|spokesman for the (?:police|army|military|ministry)|"
    r"Maj|Gen|General|Col|Colonel|Brig|Lt|governor|president|prime minister|police chief)\b",
    re.IGNORECASE,
)

# 4. -------------------------------------------------------------------------- channels
# The normalised vocabulary, most specific first: a named outlet of a group, a platform, a medium, a
# person, and last a generic statement.
CHANNELS: list[tuple[str, re.Pattern[str]]] = [
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in [
        ("amaq", r"\bA'?a?maq\b"),
        ("nashir", r"\bNashir\b"),
        ("al-naba", r"\b(?:al-)?Naba'?\b(?! \w+ \w+ news)"),
        ("as-sahab", r"\b(?:as|al)-Sahab\b"),
        ("shahada", r"\bShahada\b"),
        ("az-zallaqa", r"\bZallaqa\b"),
        ("al-masirah", r"\bal-Masirah\b"),
        ("al-manar", r"\bal-Manar\b"),
        ("magazine", r"\b(?:Dabiq|Rumiyah|(?-i:Inspire)|magazine)\b"),
        ("telegram", r"\bTelegram\b"),
        ("twitter", r"\b(?:Twitter|tweet(?:ed|s)?|(?-i:X) account)\b"),
        ("facebook", r"\bFacebook\b"),
        ("website", r"\b(?:website|web site|web ?page|online forum|jihadist forum)\b"),
        ("video", r"\bvideo\b"),
        ("audio", r"\baudio\b"),
        ("phone_call", r"\b(?:tele)?phon(?:e|ed|ing)\b|\bcalled (?:a |the |local )?(?:news agency|newspaper|radio|"
                       r"reporters|journalists)\b"),
        ("email", r"\be-?mail(?:ed|s)?\b"),
        ("radio", r"\bradio\b"),
        ("social_media", r"\bsocial media\b"),
        ("spokesman", r"\bspokes(?:man|woman|person)\b"),
        ("statement", r"\b(?:statement|communiqu[eé]|declaration|message|press release|announcement|notice)\b"),
    ]
]

# The groups' own outlets (their agencies, broadcasters and magazines), as opposed to platforms and media.
_GROUP_OUTLETS = [(name, pattern) for name, pattern in CHANNELS if name in {
    "amaq", "nashir", "al-naba", "as-sahab", "shahada", "az-zallaqa", "al-masirah", "al-manar", "magazine"}]


_AMAQ = dict(CHANNELS)["amaq"]


_CHANNEL_RANK = {name: rank for rank, (name, _) in enumerate(CHANNELS)}


def more_specific_channel(first: str | None, second: str | None) -> str | None:
    """Of two channels named for one claim, the more specific (a named outlet before a platform before a
    medium before a spokesman before a bare statement)."""
    if first is None or second is None:
        return first or second
    return first if _CHANNEL_RANK.get(first, len(CHANNELS)) <= _CHANNEL_RANK.get(second, len(CHANNELS)) else second


def names_group_outlet(text: str) -> bool:
    return any(pattern.search(text) for _, pattern in _GROUP_OUTLETS)

# 5. -------------------------------------------------------------------------- operational link
_LINK_RAW: list[tuple[OperationalLink, int, str]] = [
    ("inspired", 2, r"\b(?:quot(?:ed|ing)|cit(?:ed|ing)|according to)\s+(?:an?\s+)?['\"]?(?:security\s+|"
                    r"informed\s+)?sources?\b['\"]?"),
    # Amaq's own "a security source told Amaq"; a reporter's "a security source said" is no link cue
    ("inspired", 2, r"\ba security source\b"),
    ("inspired", 2, r"(?:[\"']|\b)soldiers?\"?'?\s+of\s+the\s+(?:caliphate|khilafah?|Islamic State|IS|ISIS)\b"
                    r"|\b[\"']soldiers?[\"']"),
    ("inspired", 2, r"\b(?:in response to|responding to|answer(?:ed|ing)?|heed(?:ed|ing)?|follow(?:ed|ing)?)\s+"
                    r"(?:the\s+|a\s+|its\s+)?(?:calls?|appeals?)\s+(?:to|for)\b"),
    ("inspired", 2, r"\bno (?:indication|evidence|sign)\b[^.;]{0,80}?\b(?:directed|orchestrated|commissioned|"
                    r"coordinated|planned)\b"),
    ("inspired", 2, r"\b(?:lone[- ]wolf|self-radicali[sz]ed)\b"),
    ("inspired", 1, r"\binspired\b"),
    ("directed", 1, r"\bdetachment\b|\b(?:unit|squad|brigade|battalion|cell) of (?:its |our )?(?:mujahideen|"
                    r"fighters|soldiers)\b"),
    ("directed", 1, _OUR_FIGHTERS),
    # The group says it did the attack itself ("JNIM said it attacked the post").
    ("directed", 1, r"\b(?:said|says|stated|announced)\s+(?:that\s+)?(?:it|they)\s+(?:had\s+)?"
                    r"(?:carried out|conducted|executed|attacked|stormed|ambushed|raided|staged)\b"),
    ("directed", 1, r"\bmartyrdom(?:-seeking)? (?:operation|attack)\b|\binghimasi\b"),
    ("directed", 2, r"(?<!no indication that )\b(?:directed|orchestrated|commissioned|planned|coordinated) by "
                    r"(?:the )?(?:group|its|ISIS|Islamic State|al-Qaeda|leadership)\b"),
]
_LINK_CUES = [(link, weight, re.compile(pattern, re.IGNORECASE)) for link, weight, pattern in _LINK_RAW]
_IS_FAMILY_ONLY = {0}  # index of the "sources" cue: counts only where Amaq or an Islamic State claim is in view
_AMAQ_SENTENCE_ONLY = {1}  # index of the "a security source" cue: counts only in a sentence that names Amaq

# 6. -------------------------------------------------------------------------- delays
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty-eight": 48,
}
_N = r"(\d+(?:\.\d+)?|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
_UNIT = r"(hours?|days?|weeks?|minutes?)"
_DELAYS: list[tuple[str, re.Pattern[str]]] = [
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in [
        ("min", rf"\b(?:a little |slightly |just |somewhat |well )?(?:more than|over|after more than) {_N} {_UNIT} "
                r"(?:after|later|since|following)\b"),
        ("max", rf"\b(?:less than|under|fewer than|within|inside) (?:the first )?{_N} {_UNIT}\b"),
        ("value", rf"\b(?:about |around |some |roughly |nearly |almost |approximately )?{_N} {_UNIT} "
                  r"(?:after|later|following)\b"),
    ]
]
_FUZZY_DELAYS: list[tuple[Range, re.Pattern[str]]] = [
    (Range(max=1), re.compile(r"\bwithin minutes\b", re.IGNORECASE)),
    (Range(max=12), re.compile(r"\bwithin (?:a few |several )?hours\b", re.IGNORECASE)),
    (Range(min=2, max=12), re.compile(r"\b(?:several|a few|a couple of) hours (?:after|later)\b", re.IGNORECASE)),
    (Range(min=1, max=24), re.compile(r"(?<!\d )\bhours (?:after|later)\b", re.IGNORECASE)),
    (Range(value=24), re.compile(r"\b(?:the (?:next|following) day|the day after|a day later)\b", re.IGNORECASE)),
    (Range(max=24), re.compile(r"\b(?:the same day|within a day)\b", re.IGNORECASE)),
    (Range(max=3), re.compile(r"\b(?:immediately|quickly|swiftly) claimed\b", re.IGNORECASE)),
]
_HOURS_PER = {"minute": 1 / 60, "hour": 1, "day": 24, "week": 168}
# A timing sentence about a claim: it names the claim, or, right after a claim sentence, its subject is that
# claim ("It came about 36 hours after the attack").
_CLAIM_CONTEXT = re.compile(r"\bclaim|\bresponsibility\b|\bAmaq\b|\bstatement\b", re.IGNORECASE)
_CLAIM_ANAPHOR = re.compile(r"^(?:It|This|That)\s+(?:came|was (?:issued|posted|published|released|made)|appeared)\b")

# 7. -------------------------------------------------------------------------- claim time
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_CLAIMED_AT = re.compile(
    r"\b(?:claimed|said|says|wrote|announced|posted|published|released|issued|stated|reported)\b[^.;\"]{0,20}?"
    r"\b(?:on\s+|late\s+|early\s+)?(yesterday|today|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"(?!'s)",
    re.IGNORECASE,
)


@dataclass
class _Found:
    status: ClaimStatus
    start: int  # document offsets of the cue
    end: int
    group_mention: GroupMention | None


def find_unclaimed_statements(work: Work) -> list[int]:
    """Indexes of the sentences that say nobody has claimed an attack."""
    return [s.index for s in work.sentences if _UNCLAIMED.search(s.text.translate(_ASCII))]


def find_claims(work: Work, groups: list[GroupMention]) -> list[ClaimMention]:
    """Claims, denials and suspicions, one mention per group and status in a sentence."""
    groups = sorted(groups, key=lambda g: g.start)
    # An anaphor ("the group") points back to a group the text is about, never to one named in passing inside
    # a relative clause ("X, which officials call a proxy of Y, ...").
    antecedents = [g for g in groups if not _in_relative_clause(work, g)]
    mentions: list[ClaimMention] = []
    for sentence in work.sentences:
        after_claim = bool(mentions) and mentions[-1].sentence == sentence.index - 1
        mentions += _read_sentence(work, sentence, groups, antecedents, after_claim)
    _claims_through_branches(mentions)
    _channel_from_next_sentence(work, mentions, groups)
    _channel_from_group_sentences(work, mentions, groups)
    link, cue = find_link(work, mentions)
    for mention in mentions:
        if mention.status in ("claimed", "disputed"):
            mention.link, mention.link_cue = link, cue
    return mentions


_SPEAKS = re.compile(r"\b(?:said|says|stated|wrote|told|added)\b", re.IGNORECASE)
_SAID_IN_STATEMENT = re.compile(r"\b(?:said|says|stated)\s+in\s+a\s+(?:written\s+|short\s+)?statement\b",
                                re.IGNORECASE)


def _channel_from_next_sentence(work: Work, mentions: list[ClaimMention], groups: list[GroupMention]) -> None:
    """"The TTP denied involvement. 'It is not our policy ...,' TTP spokesman X said in a statement.": a claim or
    denial with no channel of its own takes the one through which the same group speaks in the next sentence.
    There the words came as a statement when the spokesman "said in a statement"."""
    for mention in mentions:
        if mention.channel is not None or mention.group is None or mention.status not in ("claimed", "denied"):
            continue
        following = mention.sentence + 1
        if following >= len(work.sentences) or any(m.sentence == following for m in mentions):
            continue
        if not any(g.sentence == following and g.group.name == mention.group.name for g in groups):
            continue
        text = work.sentences[following].text.translate(_ASCII)
        if _SPEAKS.search(text):
            mention.channel = "statement" if _SAID_IN_STATEMENT.search(text) else _channel(text)


_ABOUT_SPEAKING = re.compile(
    r"\b(?:said|says|stated|wrote|told|added|announced|claim(?:ed|s|ing)?|responsibility|statement|posted|"
    r"published|released|issued|broadcast)\b",
    re.IGNORECASE,
)


def _channel_from_group_sentences(work: Work, mentions: list[ClaimMention], groups: list[GroupMention]) -> None:
    """A claim or denial whose sentence names no channel takes the one named where the same group (or its
    parent or branch) speaks elsewhere in the article ("It was posted on the group's Telegram channel"), the
    nearest such sentence first; an Islamic State outlet (Amaq, Nashir, al-Naba) speaks for the whole family."""
    spoken = [m for m in mentions if m.status in ("claimed", "disputed", "denied") and m.group is not None]
    for mention in spoken:
        if mention.channel is not None or mention.group is None:
            continue
        family = _family(mention.group.name)
        other_mentions = {m.sentence for m in spoken if m.group is not None and _family(m.group.name) != family}
        candidates = []
        for sentence in work.sentences:
            if sentence.index == mention.sentence or sentence.index in other_mentions:
                continue
            text = sentence.text.translate(_ASCII)
            named = any(g.sentence == sentence.index and _family(g.group.name) == family for g in groups)
            outlet = family == "Islamic State" and names_group_outlet(text)
            if (named and _ABOUT_SPEAKING.search(text)) or outlet:
                channel = _channel(text)
                if channel is not None:
                    candidates.append((abs(sentence.index - mention.sentence), sentence.index, channel))
        if candidates:
            mention.channel = min(candidates)[2]


def _family(name: str) -> str:
    """A group and its branches are one family, named by the parent."""
    entry = lookup_entry(name)
    return entry.parent if entry is not None and entry.parent else name


# How many sentences after a parent group's claim its branch may be named as the one that carried it out.
_BRANCH_REACH = 2


def _claims_through_branches(mentions: list[ClaimMention]) -> None:
    """"Islamic State claimed the attack. The claim said fighters of the group's Central Africa Province had
    killed ...": a parent's claim followed closely by its branch's claim is one claim, the branch's (the parent's
    outlet speaks for its provinces), not two groups disputing the attack."""
    for parent in mentions:
        if parent.status != "claimed" or parent.group is None:
            continue
        for branch in mentions:
            entry = lookup_entry(branch.group.name) if branch.group else None
            if (branch.status == "claimed" and entry is not None and entry.parent == parent.group.name
                    and 0 < branch.sentence - parent.sentence <= _BRANCH_REACH):
                parent.group = branch.group
                break


def _read_sentence(
    work: Work, sentence: Sentence, groups: list[GroupMention], antecedents: list[GroupMention],
    after_claim: bool = False,
) -> list[ClaimMention]:
    text = sentence.text.translate(_ASCII)
    base = sentence.start
    in_sentence = [g for g in groups if g.sentence == sentence.index]
    unclaimed = [(m.start(), m.end()) for m in _UNCLAIMED.finditer(text)]  # 1.
    found: list[_Found] = []
    taken: list[tuple[int, int]] = []
    for cue in _CUES:  # 2. denials first, so a "claims" inside "denied claims" is not read as a claim
        for match in cue.pattern.finditer(text):
            span = (match.start(), match.end())
            if any(_overlap(span, other) for other in unclaimed + taken):
                continue
            if cue.status != "suspected" and _NEGATED.search(text[: match.start()]):
                continue
            if cue.needs_speaker and not _has_speaker(text, match.start(), in_sentence, base):
                continue
            if cue.needs_outlet and not names_group_outlet(text):
                continue
            for mention in _actors(cue, text, match.start(), match.end(), base, in_sentence, antecedents):  # 3.
                found.append(_Found(cue.status, base + match.start(), base + match.end(), mention))
            taken.append(span)
    spoken_for = {f.group_mention.group.name for f in found if f.group_mention and f.status != "suspected"}
    # "LeT denied the attack, blaming it on the army": a group that claims or denies in a sentence is not also
    # suspected there; the suspicion read in that sentence is the group's own accusation of someone else.
    found = [f for f in found if not (f.status == "suspected" and f.group_mention
                                      and f.group_mention.group.name in spoken_for)]
    named = {f.group_mention.group.name for f in found if f.group_mention}
    found += [f for f in _attributed_acts(text, base, in_sentence, unclaimed) if f.group_mention
              and f.group_mention.group.name not in named]
    about_claim = _CLAIM_CONTEXT.search(text) or (after_claim and _CLAIM_ANAPHOR.match(text))
    delay = _delay(text) if (found or about_claim) else Range()  # 6.
    if not found and delay.known and not unclaimed:
        found.append(_Found("claimed", sentence.start, sentence.end, None))
    if not found:
        return []
    competing = bool(_COMPETING.search(text))
    channels = _channels(text, base, sorted(found, key=lambda f: f.start))  # 4.
    wording = _quoted(text) or sentence.text
    claimed_at = _claimed_at(text, work.document.published)  # 7.
    results: list[ClaimMention] = []
    seen: set[tuple[str | None, str]] = set()
    for item, channel in zip(sorted(found, key=lambda f: f.start), channels, strict=True):
        group = item.group_mention.group if item.group_mention else None
        status: ClaimStatus = "disputed" if competing and item.status == "claimed" and group else item.status
        key = (group.name if group else None, status)
        if key in seen:
            continue
        seen.add(key)
        results.append(
            ClaimMention(
                start=item.start,
                end=item.end,
                text=work.document.text[item.start : item.end],
                sentence=sentence.index,
                group=group,
                status=status,
                channel=channel if status != "suspected" else None,
                wording=wording,
                delay_hours=delay if status in ("claimed", "disputed") else Range(),
                claimed_at=claimed_at if status in ("claimed", "disputed", "denied") else None,
            )
        )
    return results


# "an ISIS attack", "a Taliban mortar", "Taliban bombers": the writer names the act as the group's.
_ACT_AFTER_GROUP = re.compile(
    r"^\W{0,3}(?:\s*\([^)]{1,20}\))?\s*(?:(?:militants?|fighters?|insurgents?|rebels?|gunmen|jihadists?)\s+)?"
    r"(?:suicide\s+)?(?:attacks?|assaults?|bombings?|bombers?|ambush(?:es)?|raids?|mortars?|rockets?|car\s+bombs?|"
    r"offensive)\b",
    re.IGNORECASE,
)
# "a band of ADF rebels attacked the school", "ISIS militants on Tuesday launched an attack": the group as the
# doer of the act in someone else's account
_ACT_VERB_AFTER_GROUP = re.compile(
    r"^\W{0,3}(?:\s*\([^)]{1,20}\))?\s*(?:(?:militants?|fighters?|insurgents?|rebels?|gunmen|jihadists?|members)\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:attacked|stormed|ambushed|raided|launched|shelled|bombed|kidnapped|abducted|"
    r"massacred|torched)\b",
    re.IGNORECASE,
)
# "attacks by Taliban", "the bombing carried out by X", "killed by suspected X militants"
_ACT_BY_BEFORE = re.compile(
    r"\b(?:attacks?|assaults?|bombings?|ambush(?:es)?|raids?|killings?|carried\s+out|perpetrated|staged|killed|"
    r"abducted|kidnapped)\s+by\s+(?:the\s+)?(?:suspected\s+|alleged\s+)?$",
    re.IGNORECASE,
)


def _attributed_acts(
    text: str, base: int, in_sentence: list[GroupMention], unclaimed: list[tuple[int, int]]
) -> list[_Found]:
    """Acts the sentence calls a group's without the group speaking: the group is suspected. A group that also
    claims the act elsewhere keeps its claim (a claim outweighs a suspicion when the resolver merges them)."""
    found = []
    for group in in_sentence:
        start, end = group.start - base, group.end - base
        if any(s <= start < e for s, e in unclaimed):
            continue
        after = text[end:]
        if (_ACT_AFTER_GROUP.match(after) or _ACT_VERB_AFTER_GROUP.match(after)
                or _ACT_BY_BEFORE.search(text[max(0, start - 40) : start])):
            found.append(_Found("suspected", group.start, group.end, group))
    return found


# 3. -------------------------------------------------------------------------- which group


def _actors(
    cue: _CuePattern,
    text: str,
    start: int,
    end: int,
    base: int,
    in_sentence: list[GroupMention],
    groups: list[GroupMention],
) -> list[GroupMention | None]:
    """The group mentions a cue speaks of: the subject (with its coordinated groups), or by recency."""
    if cue.side == "object":
        objects = [g for g in in_sentence if g.start >= base + start]
        if objects:
            return [_named_branch(objects)]
    if cue.side in ("near", "object"):
        near = sorted(in_sentence, key=lambda g: min(abs(g.start - base - end), abs(base + start - g.end)))
        return [near[0]] if near else []
    if cue.side == "after":
        after = [g for g in in_sentence if g.start >= base + end]
        if after:
            return [after[0]]
        if cue.status == "suspected":
            return []
    clause_start = _clause_start(text, start)
    before = [
        g for g in in_sentence
        if g.end <= base + clause_start and not _inside_relative(text, g.start - base, g.end - base, start)
    ]
    anaphors = [m for m in _ANAPHOR.finditer(text[:clause_start])
                if not _inside_relative(text, m.start(), m.end(), start)]
    subject: GroupMention | None = before[-1] if before else None
    if anaphors and (subject is None or anaphors[-1].start() > subject.end - base):
        subject = _most_recent(groups, base + anaphors[-1].start()) or subject
    if subject is None:  # a group named inside the cue: "fighters of the group's Central Africa Province"
        inside = [g for g in in_sentence if base + start <= g.start and g.end <= base + end]
        subject = inside[0] if inside else None
    if subject is None and cue.side == "subject":
        after = [g for g in in_sentence if g.start >= base + end]
        if cue.status == "denied" and text[:start].strip(" \"'-") and after:
            # "Castillo denied having any link with X": a group named after a denial is what the speaker
            # denies ties to, unless the denial opens the sentence ("Denying any role, X said ...")
            return []
        subject = after[0] if after else _most_recent(groups, base + start)
    if subject is None:
        return [None]
    return [*_coordinated(text, base, subject, before), subject]


def _named_branch(objects: list[GroupMention]) -> GroupMention:
    """The first group after a cue, or a branch of it named next: in "suspected the regional affiliate of Islamic
    State, known as Islamic State Khorasan Province", the suspect is the branch, not its parent."""
    first = objects[0]
    for other in objects[1:3]:
        entry = lookup_entry(other.group.name)
        if entry is not None and entry.parent == first.group.name:
            return other
    return first


def _clause_start(text: str, cue_start: int) -> int:
    """Where the subject of a cue ends: the start of the relative clause the cue sits in, else the cue."""
    for match in _RELATIVE.finditer(text):
        if match.start() <= cue_start < match.end():
            return match.start()
    return cue_start


def _inside_relative(text: str, start: int, end: int, cue_start: int) -> bool:
    return any(
        m.start() <= start and end <= m.end() and m.end() <= cue_start for m in _RELATIVE.finditer(text)
    )


def _coordinated(text: str, base: int, subject: GroupMention, before: list[GroupMention]) -> list[GroupMention]:
    """Groups joined to the subject by "and" or a comma ("Both ISIS and the Taliban claimed ...")."""
    joined: list[GroupMention] = []
    current = subject
    for other in reversed([g for g in before if g.end <= subject.start]):
        between = text[other.end - base : current.start - base]
        if not re.fullmatch(r"\s*(?:,|and|, and|as well as|or)\s*(?:the\s+)?", between, re.IGNORECASE):
            break
        if other.group.name != subject.group.name:
            joined.insert(0, other)
        current = other
    return joined


def _most_recent(groups: list[GroupMention], offset: int) -> GroupMention | None:
    earlier = [g for g in groups if g.end <= offset]
    return earlier[-1] if earlier else None


def _has_speaker(text: str, cue_start: int, in_sentence: list[GroupMention], base: int) -> bool:
    """A group, an anaphor for one or a group's channel speaks in the sentence, and no official does."""
    # Blank out group names first: the "Army" of "Balochistan Liberation Army" is no official speaker.
    blanked = list(text)
    for group in in_sentence:
        blanked[group.start - base : group.end - base] = " " * (group.end - group.start)
    subject_text = "".join(blanked)[max(0, cue_start - 40) : cue_start]
    if _AUTHORITY.search(subject_text) and not names_group_outlet(subject_text):
        return False
    return bool(in_sentence) or bool(_ANAPHOR.search(text)) or _channel(text) is not None


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


# 4.-7. ----------------------------------------------------------------------- details


def _channels(text: str, base: int, items: list[_Found]) -> list[str | None]:
    """The channel of each claim in a sentence. Where two groups speak in one sentence ("X claimed it through
    Amaq, while Y said in a Telegram post ..."), each claim takes the channel named in its own part: from its
    group's name (or its cue) up to the next group's name."""
    sentence_channel = _channel(text)
    names = {i.group_mention.group.name for i in items if i.group_mention and i.status != "suspected"}
    if len(names) < 2:
        return [sentence_channel] * len(items)
    bounds = [0]
    for before, after in pairwise(items):
        subject = after.group_mention
        cut = subject.start if subject and before.end <= subject.start < after.start else after.start
        bounds.append(cut - base)
    bounds.append(len(text))
    return [_channel(text[start:end]) or sentence_channel for start, end in pairwise(bounds)]


def _in_relative_clause(work: Work, group: GroupMention) -> bool:
    sentence = work.sentences[group.sentence]
    start, end = group.start - sentence.start, group.end - sentence.start
    return any(m.start() <= start and end <= m.end() for m in _RELATIVE.finditer(sentence.text.translate(_ASCII)))


def _channel(text: str) -> str | None:
    for name, pattern in CHANNELS:
        if pattern.search(text):
            return name
    return None


def find_link(work: Work, claims: list[ClaimMention]) -> tuple[OperationalLink, str | None]:
    """The operational link the document's wording suggests, and the words that decided it."""
    islamic_state = any(c.group and _is_islamic_state(c.group.name) for c in claims)
    score: dict[OperationalLink, int] = {"inspired": 0, "directed": 0}
    best: dict[OperationalLink, tuple[int, str]] = {}
    for sentence in work.sentences:
        text = sentence.text.translate(_ASCII)
        amaq = _AMAQ.search(text) is not None
        for position, (link, weight, pattern) in enumerate(_LINK_CUES):
            for match in pattern.finditer(text):
                if position in _IS_FAMILY_ONLY and not (amaq or islamic_state):
                    continue
                if position in _AMAQ_SENTENCE_ONLY and not amaq:
                    continue
                score[link] += weight
                if link not in best or weight > best[link][0]:
                    best[link] = (weight, sentence.text[match.start() : match.end()])
    if score["inspired"] == score["directed"]:
        return "unclear", None
    winner: OperationalLink = "inspired" if score["inspired"] > score["directed"] else "directed"
    return winner, best[winner][1]


def _is_islamic_state(name: str) -> bool:
    entry = lookup_entry(name)
    return name == "Islamic State" or (entry is not None and entry.parent == "Islamic State")


def _delay(text: str) -> Range:
    for kind, pattern in _DELAYS:
        match = pattern.search(text)
        if match:
            hours = _hours(match.group(1), match.group(2))
            if kind == "min":
                return Range(min=hours)
            if kind == "max":
                return Range(max=hours)
            return Range(value=hours)
    for bounds, pattern in _FUZZY_DELAYS:
        if pattern.search(text):
            return Range(value=bounds.value, min=bounds.min, max=bounds.max)
    return Range()


def _hours(number: str, unit: str) -> float:
    amount = float(number) if number[0].isdigit() else float(_NUMBER_WORDS[number.lower()])
    return amount * _HOURS_PER[unit.lower().rstrip("s")]


def _quoted(text: str) -> str | None:
    """The claim in the group's words: a quotation of three words or more (not a scare quote)."""
    for match in re.finditer(r"\"([^\"]{3,})\"", text):
        inner = match.group(1).strip().rstrip(",")
        if len(inner.split()) >= 3:
            return inner
    return None


def _claimed_at(text: str, published: datetime | None) -> str | None:
    match = _CLAIMED_AT.search(text)
    if match is None or published is None:
        return None
    return resolve_day(match.group(1), published.date()).isoformat()


def resolve_day(word: str, published: date) -> date:
    """The date a weekday, "yesterday" or "today" names in an article published on `published`."""
    word = word.lower()
    if word == "today":
        return published
    if word == "yesterday":
        return published - timedelta(days=1)
    back = (published.weekday() - _WEEKDAYS.index(word)) % 7
    return published - timedelta(days=back)
