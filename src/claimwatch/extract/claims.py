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
   incident as disputed). What officials claim ("Afghan officials claim the attacks are linked to ...") is no
   group's claim.
3. The group: for a claim or a denial, the group that is the subject (the nearest group mentioned before
   the cue, skipping relative clauses such as ", which ... ," or ", from which ... ,"), else an anaphor
   ("the group", "the militants", "It said") resolved to the most recently mentioned group, else a group
   named after a passive cue ("claimed by X"); for a suspicion, the nearest group on either side.
4. The channel, from the claim sentence, normalised to the vocabulary in `lang/<code>/claims.toml` ([[channels]]);
   an official's spokesman lends none.
5. The operational link, from cues anywhere in the document (`find_link`): "sources" quoted by Amaq,
   "soldier of the caliphate", "followed a call", "no indication that ... directed" -> inspired;
   "detachment", "our brothers carried out", "fighters of the group attacked", "martyrdom operation" ->
   directed; "released a picture of the bomber" and "said ... fighters stormed" in a claim's own words (scope
   group_words) -> directed. Interpretive cues weigh more than one word of the claim; a tie is "unclear".
6. The delay between the attack and the claim ("a little more than 24 hours after" -> min 24); a timing
   sentence without a group gives a claim mention with group None, which the resolver merges by recency.
7. `claimed_at`: a weekday, "yesterday" or "today" next to the claim verb, resolved against the
   publication date ("Amaq wrote Saturday evening").

The vocabulary is compiled once per language in claim_grammar.py; a claim sentence that names the places of
several incidents is spread over them by the resolver (claim_incidents.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import pairwise
from typing import TYPE_CHECKING

from ..model import ClaimMention, ClaimStatus, GroupMention, OperationalLink, Range, Sentence, add_trace
from ..text import ASCII_PUNCTUATION
from .claim_grammar import _NEXT_REACH, _CuePattern, _Grammar, grammar
from .groups import lookup_entry

if TYPE_CHECKING:
    from ..work import Work

# Ids of the rules (numbered as in the module docstring) that a claim mention's trace may carry besides its
# cue ids (lang/<code>/claims.toml).
COMPETING = "claims.2.competing"  # a sentence that speaks of competing claims: disputed
TIMING_ONLY = "claims.6.timing"  # a timing sentence without a group of its own
BRANCH = "claims.3.branch"  # a parent's claim followed by its branch's: the branch's
NEXT_CHANNEL = "claims.4.next-sentence"  # the channel through which the group speaks in the next sentence
GROUP_CHANNEL = "claims.4.group-sentence"  # the channel named where the same group speaks elsewhere
ATTRIBUTED_ACT = "claims.3.attributed-act"  # an act the sentence calls a group's, the group silent: suspected
ANAPHOR_ACT = "claims.3.attributed-act-anaphor"  # "the militants also attacked": the group named just before

# Typographic quotes and dashes as ASCII, one character for one, so offsets are kept.
_ASCII = ASCII_PUNCTUATION  # one table for every extractor (text.py)

def _grammar_of(work: Work) -> _Grammar:
    return grammar(work.document.language)


@dataclass
class _Found:
    status: ClaimStatus
    start: int  # document offsets of the cue
    end: int
    group_mention: GroupMention | None
    cue: str  # the id of the cue (lang/<code>/claims.toml) or of the rule that found it


def find_unclaimed_statements(work: Work) -> list[int]:
    """Indexes of the sentences that say nobody has claimed an attack."""
    unclaimed = _grammar_of(work).unclaimed
    return [s.index for s in work.sentences if unclaimed.search(s.text.translate(_ASCII))]


def find_claims(work: Work) -> list[ClaimMention]:
    """Claims, denials and suspicions, one mention per group and status in a sentence (reads the group
    mentions the `groups` extractor left in `work.mentions`)."""
    gr = _grammar_of(work)
    text = work.document.text.translate(_ASCII)
    # "Al Qaeda linked militants": a group's name as a modifier names no actor (nor an antecedent).
    groups = sorted((g for g in work.mentions.groups if not gr.modifier_after.match(text[g.end : g.end + 20])),
                    key=lambda g: g.start)
    # An anaphor ("the group") points back to a group the text is about, never to one named in passing inside
    # a relative clause ("X, which officials call a proxy of Y, ...").
    antecedents = [m for m in groups if not _in_relative_clause(gr, work, m)]
    mentions: list[ClaimMention] = []
    for sentence in work.sentences:
        after_claim = bool(mentions) and mentions[-1].sentence == sentence.index - 1
        mentions += _read_sentence(gr, work, sentence, groups, antecedents, after_claim)
    _claims_through_branches(mentions)
    _claims_through_speaking_branches(gr, work, mentions, groups)
    _channel_from_next_sentence(gr, work, mentions, groups)
    _channel_from_group_sentences(gr, work, mentions, groups)
    link, cue, cue_id = find_link(work, mentions)
    for mention in mentions:
        if mention.status in ("claimed", "disputed"):
            mention.link, mention.link_cue = link, cue
            add_trace(mention.trace, cue_id)
    return mentions


def _channel_from_next_sentence(
    gr: _Grammar, work: Work, mentions: list[ClaimMention], groups: list[GroupMention]
) -> None:
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
        if gr.speaks.search(text):
            mention.channel = "statement" if gr.said_in_statement.search(text) else _channel(gr, text)
            add_trace(mention.trace, NEXT_CHANNEL)


def _channel_from_group_sentences(
    gr: _Grammar, work: Work, mentions: list[ClaimMention], groups: list[GroupMention]
) -> None:
    """A claim or denial whose sentence names no channel, or only a bare statement, takes the more specific one
    named where the same group (or its parent or branch) speaks elsewhere in the article ("It was posted on the
    group's Telegram channel"), the nearest such sentence first; an Islamic State outlet (Amaq, Nashir, al-Naba)
    speaks for the whole family. A sentence whose speaker is an anaphor ("In a statement released on Twitter,
    the group said") speaks for the group last named before it. A sentence where the group says the opposite
    (its claim, for a denial) lends no channel."""
    spoken = [m for m in mentions if m.status in ("claimed", "disputed", "denied") and m.group is not None]
    rank = gr.channel_rank
    for mention in spoken:
        if mention.channel not in (None, "statement") or mention.group is None:
            continue
        family = _family(mention.group.name)
        others = {m.sentence for m in spoken if m.group is not None and _family(m.group.name) != family}
        # a denial takes no channel from the group's claim ("claimed it on Twitter ... later denied"), nor the reverse
        others |= {m.sentence for m in spoken if (m.status == "denied") != (mention.status == "denied")}
        candidates = []
        for sentence in work.sentences:
            if sentence.index == mention.sentence or sentence.index in others:
                continue
            text = sentence.text.translate(_ASCII)
            named = any(g.sentence == sentence.index and _family(g.group.name) == family for g in groups)
            if not named and not any(g.sentence == sentence.index for g in groups) and (
                    gr.anaphor.search(text) or gr.own_outlet.search(text)):
                last = _most_recent(groups, sentence.start)
                named = last is not None and _family(last.group.name) == family
            outlet = family == "Islamic State" and _names_group_outlet(gr, text)
            if (named and gr.about_speaking.search(text)) or outlet:
                channel = _channel_of(gr, text, mention.group.name)
                spans = [(g.start - sentence.start, g.end - sentence.start)
                         for g in groups if g.sentence == sentence.index]
                if channel == "spokesman" and _officials_spokesman(gr, text, spans):
                    channel = None  # "said Captain X, a US military spokesperson": not the group's voice
                # a bare statement gives way only to a named outlet or platform (Amaq, Telegram), not to a spokesman
                # or medium named around it
                position = rank.get(channel or "", len(rank))
                if channel is not None and position < rank.get(mention.channel or "", len(rank)) and (
                        mention.channel is None or position < rank.get("video", len(rank))):
                    candidates.append((abs(sentence.index - mention.sentence), sentence.index, channel))
        if candidates:
            mention.channel = min(candidates)[2]
            add_trace(mention.trace, GROUP_CHANNEL)


def _channel_of(gr: _Grammar, text: str, group: str | None) -> str | None:
    """The channel a sentence names, where "its news agency" is the group's own outlet (its first outlet in the
    alias table: Amaq for the Islamic State family)."""
    channel = _channel(gr, text)
    if channel in (None, "statement") and group is not None and gr.own_outlet.search(text):
        return _outlet_of(gr, group) or channel
    return channel


def _outlet_of(gr: _Grammar, group: str) -> str | None:
    outlets = {name for name, _ in gr.group_outlets}
    entry = lookup_entry(group)
    while entry is not None:
        for channel in entry.channels:
            if channel in outlets:
                return channel
        entry = lookup_entry(entry.parent) if entry.parent else None
    return None


def _family(name: str) -> str:
    """A group and its branches are one family, named by the parent."""
    entry = lookup_entry(name)
    return entry.parent if entry is not None and entry.parent else name


def more_specific_channel(first: str | None, second: str | None, language: str | None = None) -> str | None:
    """Of two channels named for one claim, the more specific (a named outlet before a platform before a
    medium before a spokesman before a bare statement: the order of [[channels]])."""
    if first is None or second is None:
        return first or second
    rank = grammar(language).channel_rank
    return first if rank.get(first, len(rank)) <= rank.get(second, len(rank)) else second


def channel_named(text: str, group: str | None, language: str | None = None) -> str | None:
    """The channel a sentence names for a claim of `group` ("its news agency" being the group's own outlet)."""
    return _channel_of(grammar(language), text.translate(_ASCII), group)


def claims_another_attack(work: Work, mention: ClaimMention) -> bool:
    """Whether the cue of a claim speaks of a further attack ("claimed another bombing"), not the one just claimed."""
    text = work.document.text.translate(_ASCII)
    return bool(_grammar_of(work).another.search(text[mention.start : mention.end + 20]))


# How far (characters) after a claim cue (before a passive one) the date of the claimed attack may be named.
_ATTACK_DAY_REACH = 80
_ATTACK_DAY_BEFORE = 120


def claimed_attack_day(work: Work, mention: ClaimMention) -> tuple[str, str] | None:
    """The date of the attack a claim names, with its precision: after the cue ("claimed responsibility for an
    attack in Kirkuk late on Sunday"), or before a passive cue ("in January, 28 soldiers were killed in an attack
    claimed by X"); None where the sentence names no such date (or the language has no guard words)."""
    gr = _grammar_of(work)
    if gr.not_attack_day is None:
        return None
    sentence = work.sentences[mention.sentence]
    text = sentence.text.translate(_ASCII)
    # "claimed responsibility on Thursday for an attack ... on Tuesday": Thursday is the claim's own day (7.)
    claim_days = [(m.start(1), m.end(1)) for m in gr.claimed_at.finditer(text)]
    passive = any(c.id == (mention.trace[0] if mention.trace else None) and c.side in ("after", "next")
                  for c in gr.cues)
    for day in sorted(work.mentions.dates, key=lambda d: d.start):
        after = mention.end <= day.start <= mention.end + _ATTACK_DAY_REACH
        before = passive and mention.start - _ATTACK_DAY_BEFORE <= day.start and day.end <= mention.start
        if (day.sentence != mention.sentence or not (after or before)
                or any(s <= day.start - sentence.start < e for s, e in claim_days)):
            continue
        # the words before the date, and its own ("two days after"), may tie it to another event
        if gr.not_attack_day.search(text[max(0, day.start - sentence.start - 40) : day.end - sentence.start]):
            return None
        return day.date, day.precision
    return None


def names_group_outlet(text: str, language: str | None = None) -> bool:
    """True when the text names a group's own outlet (Amaq, Shahada, al-Naba ...)."""
    return _names_group_outlet(grammar(language), text)


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
                add_trace(parent.trace, BRANCH)
                break


def _claims_through_speaking_branches(
    gr: _Grammar, work: Work, mentions: list[ClaimMention], groups: list[GroupMention]
) -> None:
    """"ISIS loyalists claimed the attack. ISIS loyalists operating under the name of Khurasan province issued a
    statement ...": a parent's claim followed closely by a sentence in which one of its branches speaks (a
    statement, a claim) is the branch's claim."""
    for parent in mentions:
        if parent.status != "claimed" or parent.group is None:
            continue
        for sentence in work.sentences[parent.sentence + 1 : parent.sentence + 1 + _BRANCH_REACH]:
            if any(m.sentence == sentence.index for m in mentions):
                continue
            branches = {g.group.name: g for g in groups if g.sentence == sentence.index
                        and (entry := lookup_entry(g.group.name)) is not None and entry.parent == parent.group.name}
            if len(branches) == 1 and gr.about_speaking.search(sentence.text.translate(_ASCII)):
                parent.group = next(iter(branches.values())).group
                add_trace(parent.trace, BRANCH)
                break


def _read_sentence(
    gr: _Grammar,
    work: Work, sentence: Sentence, groups: list[GroupMention], antecedents: list[GroupMention],
    after_claim: bool = False,
) -> list[ClaimMention]:
    text = sentence.text.translate(_ASCII)
    base = sentence.start
    in_sentence = [g for g in groups if g.sentence == sentence.index]
    unclaimed = [(m.start(), m.end()) for m in gr.unclaimed.finditer(text)]  # 1.
    found: list[_Found] = []
    taken: list[tuple[int, int]] = []
    for cue in gr.cues:  # 2. denials first, so a "claims" inside "denied claims" is not read as a claim
        for match in cue.pattern.finditer(text):
            span = (match.start(), match.end())
            if any(_overlap(span, other) for other in unclaimed + taken):
                continue
            if gr.negated.search(text[: match.start()]):  # "did not claim", "did not blame any group"
                continue
            if cue.status == "claimed" and _generic(gr, text, match.start()):
                continue
            if cue.needs_speaker and not _has_speaker(gr, text, match.start(), in_sentence, base):
                continue
            if cue.needs_outlet and not (_names_group_outlet(gr, text) or _group_releases(gr, text, in_sentence, base)):
                continue
            if cue.status == "claimed" and cue.side == "subject" and _officials_claim(
                    gr, text, match.start(), in_sentence, base):
                continue
            for mention in _actors(gr, cue, text, match.start(), match.end(), base, in_sentence, antecedents):  # 3.
                found.append(_Found(cue.status, base + match.start(), base + match.end(), mention, cue.id))
            taken.append(span)
    spoken_for = {f.group_mention.group.name for f in found if f.group_mention and f.status != "suspected"}
    # "LeT denied the attack, blaming it on the army": a group that claims or denies in a sentence is not also
    # suspected there; the suspicion read in that sentence is the group's own accusation of someone else.
    found = [f for f in found if not (f.status == "suspected" and f.group_mention
                                      and f.group_mention.group.name in spoken_for)]
    named = {f.group_mention.group.name for f in found if f.group_mention}
    if not in_sentence:
        found += _acts_by_anaphor(gr, sentence, text, antecedents, unclaimed)
    found += [f for f in _attributed_acts(gr, text, base, in_sentence, unclaimed) if f.group_mention
              and f.group_mention.group.name not in named]
    about_claim = gr.claim_context.search(text) or (after_claim and gr.claim_anaphor.match(text))
    delay = _delay(gr, text) if (found or about_claim) else Range()  # 6.
    if not found and delay.known and not unclaimed and not gr.official_statement.search(text):
        found.append(_Found("claimed", sentence.start, sentence.end, None, TIMING_ONLY))
    if not found:
        return []
    competing = bool(gr.competing.search(text))
    channels = _channels(gr, text, base, sorted(found, key=lambda f: f.start))  # 4.
    wording = _quoted(text) or sentence.text
    claimed_at = _claimed_at(gr, text, work.document.published)  # 7.
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
                channel=(_own_outlet(gr, text, group.name, channel) if group else channel)
                if status != "suspected" else None,
                wording=wording,
                delay_hours=delay if status in ("claimed", "disputed") else Range(),
                claimed_at=claimed_at if status in ("claimed", "disputed", "denied") else None,
                trace=[item.cue, *([COMPETING] if status == "disputed" and item.status == "claimed" else [])],
            )
        )
    return results


# How far before a claim verb (or a spokesman) the words naming its speaker may stand.
_SPEAKER_REACH = 40


def _officials_claim(gr: _Grammar, text: str, cue_start: int, in_sentence: list[GroupMention], base: int) -> bool:
    """"Afghan officials claim the wave of attacks is linked to ...": officials (no group, no anaphor for one)
    just before the verb are its subject; what they claim is no group's claim."""
    if any(g.end - base <= cue_start for g in in_sentence):
        return False
    subject = text[max(0, cue_start - _SPEAKER_REACH) : cue_start]
    return bool(gr.authority.search(subject)) and not gr.anaphor.search(subject)


def _officials_spokesman(gr: _Grammar, text: str, groups: list[tuple[int, int]]) -> bool:
    """"..., said Captain X, a US military spokesperson": the spokesman a sentence names is an official's (no group
    named next to him, as in "military-operations spokesperson of al-Shabaab")."""
    pattern = next((p for name, p in gr.channels if name == "spokesman"), None)
    match = pattern.search(text) if pattern else None
    if match is None:
        return False
    start = max(0, match.start() - _SPEAKER_REACH)
    for g_start, g_end in groups:
        before = start <= g_start and g_end <= match.start() and not gr.authority.search(text[g_end : match.start()])
        after = g_start >= match.end() and re.fullmatch(r"\s*(?:of|for)\s+(?:the\s+)?", text[match.end() : g_start])
        if before or after:  # "al-Shabaab's military spokesman", "spokesperson of al-Shabaab"
            return False
    return bool(gr.authority.search(text[start : match.end()]))


def _group_releases(gr: _Grammar, text: str, in_sentence: list[GroupMention], base: int) -> bool:
    """"The Daesh group released a video": a group named before the release verb, with no official in between
    ("Police posted a video of the ISIS attack" is the police's)."""
    release = gr.group_release.search(text)
    if release is None:
        return False
    return any(g.end - base <= release.start() and not gr.authority.search(text[g.end - base : release.start()])
               and not gr.authority.search(text[: g.start - base]) for g in in_sentence)


def _generic(gr: _Grammar, text: str, cue_start: int) -> bool:
    """"Most such attacks have been claimed by IS", "IS has claimed many attacks": a claim said of attacks in
    general is background, not the claim of one attack."""
    return bool(gr.generic_claims.search(text[max(0, cue_start - 80) : cue_start + 80]))


def _own_outlet(gr: _Grammar, text: str, group: str, channel: str | None) -> str | None:
    """"... its news agency said": the group's own outlet where the sentence names no more specific channel."""
    if channel in (None, "statement") and gr.own_outlet.search(text):
        return _outlet_of(gr, group) or channel
    return channel


def _attributed_acts(
    gr: _Grammar, text: str, base: int, in_sentence: list[GroupMention], unclaimed: list[tuple[int, int]]
) -> list[_Found]:
    """Acts the sentence calls a group's without the group speaking ("an ISIS attack", "raids carried out by
    X", "X rebels attacked"): the group is suspected. A group that also claims the act keeps its claim (a
    claim outweighs a suspicion when the resolver merges them)."""
    found = []
    for group in in_sentence:
        start, end = group.start - base, group.end - base
        if any(s <= start < e for s, e in unclaimed):
            continue
        after = text[end:]
        window = max(0, start - 40)
        by_before = gr.act_by_before.search(text[window:start])
        act = window + by_before.start() if by_before else 0
        if by_before and gr.act_not_done.search(text[max(0, act - 40) : act]):
            by_before = None  # "warned of a wave of attacks by X": feared, not done
        if gr.act_after_group.match(after) or gr.act_verb_after_group.match(after) or by_before:
            found.append(_Found("suspected", group.start, group.end, group, ATTRIBUTED_ACT))
    return found


# How many sentences back the group an anaphoric act points to may be named.
_ANAPHOR_REACH = 2


def _acts_by_anaphor(
    gr: _Grammar, sentence: Sentence, text: str, antecedents: list[GroupMention], unclaimed: list[tuple[int, int]]
) -> list[_Found]:
    """"Al-Shabaab fighters attacked the airport. The militants also attacked a base in Lafoole.", "... were
    killed by the militants": an act of "the militants" in a sentence that names no group is suspected of the
    group named in the sentence or two before."""
    for match in gr.act_anaphor.finditer(text):
        if any(s <= match.start() < e for s, e in unclaimed):
            continue
        if not (gr.act_verb_after_group.match(text[match.end() :])
                or gr.act_by_before.search(text[max(0, match.start() - 40) : match.start()])):
            continue
        group = _most_recent(antecedents, sentence.start + match.start())
        if group is not None and group.sentence >= sentence.index - _ANAPHOR_REACH:
            return [_Found("suspected", sentence.start + match.start(), sentence.start + match.end(), group,
                           ANAPHOR_ACT)]
    return []


# 3. -------------------------------------------------------------------------- which group


def _actors(
    gr: _Grammar,
    cue: _CuePattern,
    text: str,
    start: int,
    end: int,
    base: int,
    in_sentence: list[GroupMention],
    groups: list[GroupMention],
) -> list[GroupMention | None]:
    """The group mentions a cue speaks of: the subject (with its coordinated groups), or by recency."""
    if cue.side == "next":
        following = [g for g in in_sentence if 0 <= g.start - base - end <= _NEXT_REACH]
        return [following[0]] if following else []
    if cue.side == "object":
        objects = [g for g in in_sentence if g.start >= base + start]
        if objects:
            return [_named_branch(objects)]
    if cue.side in ("near", "object"):
        near = sorted(in_sentence, key=lambda g: min(abs(g.start - base - end), abs(base + start - g.end)))
        return [_restated_name(text, base, near[0], in_sentence)] if near else []
    if cue.side == "after":
        after = [g for g in in_sentence if g.start >= base + end]
        if after:
            return [after[0]]
        if cue.status == "suspected":
            return []
    clause_start = _clause_start(gr, text, start)
    before = [
        g for g in in_sentence
        if g.end <= base + clause_start and not _inside_relative(gr, text, g.start - base, g.end - base, start)
    ]
    anaphors = [m for m in gr.anaphor.finditer(text[:clause_start])
                if not _inside_relative(gr, text, m.start(), m.end(), start)]
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
        if after:  # "Claiming responsibility, the MNPF, the RPF and ULFA-I said ...": the subject and its partners
            return [after[0], *_coordinated_after(gr, text, base, after)]
        if cue.status == "denied" and not anaphors:
            # "The Office of the President also rejected the accusations": a denial by whoever the sentence names,
            # not by the group last mentioned
            return []
        subject = _most_recent(groups, base + start)
    if subject is None:
        return [None]
    branch = _branch_inside(subject, in_sentence, base + start, base + end)
    return [*_coordinated(gr, text, base, subject, before), branch]


def _restated_name(text: str, base: int, mention: GroupMention, in_sentence: list[GroupMention]) -> GroupMention:
    """"former members of the Revolutionary Armed Forces of Colombia (FARC)": an abbreviation in parentheses restates
    the name just before it, which says more (here the dissidents, not the FARC)."""
    for other in in_sentence:
        if other.end <= mention.start and text[other.end - base : mention.start - base].strip() == "(":
            return other
    return mention


def _branch_inside(subject: GroupMention, in_sentence: list[GroupMention], start: int, end: int) -> GroupMention:
    """"Islamic State claimed fighters from its West Africa Province killed ...", "ISIS claimed ISWAP fighters
    stormed ...": a branch of the subject named inside the claim is the one that did it."""
    for other in in_sentence:
        entry = lookup_entry(other.group.name)
        if start <= other.start and other.end <= end and entry is not None and entry.parent == subject.group.name:
            return other
    return subject


def _named_branch(objects: list[GroupMention]) -> GroupMention:
    """The first group after a cue, or a branch of it named next: in "suspected the regional affiliate of Islamic
    State, known as Islamic State Khorasan Province", the suspect is the branch, not its parent."""
    first = objects[0]
    for other in objects[1:3]:
        entry = lookup_entry(other.group.name)
        if entry is not None and entry.parent == first.group.name:
            return other
    return first


def _clause_start(gr: _Grammar, text: str, cue_start: int) -> int:
    """Where the subject of a cue ends: the start of the relative clause the cue sits in, else the cue."""
    for match in gr.relative.finditer(text):
        if match.start() <= cue_start < match.end():
            return match.start()
    return cue_start


def _inside_relative(gr: _Grammar, text: str, start: int, end: int, cue_start: int) -> bool:
    return any(
        m.start() <= start and end <= m.end() and m.end() <= cue_start for m in gr.relative.finditer(text)
    )


def _coordinated(
    gr: _Grammar, text: str, base: int, subject: GroupMention, before: list[GroupMention]
) -> list[GroupMention]:
    """Groups joined to the subject by "and" or a comma ("Both ISIS and the Taliban claimed ...")."""
    joined: list[GroupMention] = []
    current = subject
    for other in reversed([g for g in before if g.end <= subject.start]):
        between = text[other.end - base : current.start - base]
        if other.group.name == current.group.name and _restated(between):
            current = other
            continue
        if not gr.coordination.fullmatch(_after_restatement(between)):
            break
        if other.group.name != subject.group.name:
            joined.insert(0, other)
        current = other
    return joined


def _coordinated_after(gr: _Grammar, text: str, base: int, after: list[GroupMention]) -> list[GroupMention]:
    """The groups joined to the first group after a cue ("..., the MNPF, the RPF and ULFA-I said")."""
    joined: list[GroupMention] = []
    current = after[0]
    for other in after[1:]:
        between = text[current.end - base : other.start - base]
        if other.group.name == current.group.name and _restated(between):
            current = other
            continue
        if not gr.coordination.fullmatch(_after_restatement(between)):
            break
        if other.group.name != after[0].group.name and other.group.name not in {j.group.name for j in joined}:
            joined.append(other)
        current = other
    return joined


def _restated(between: str) -> bool:
    """A group's name followed by its abbreviation or qualifier ("Manipur Naga People's Front (MNPF)", "United
    Liberation Front of Asom - Independent (ULFA-I)"): one mention of the group."""
    return bool(re.fullmatch(r"\s*(?:-\s*\w+\s*)?\(\s*|\s*", between))


def _after_restatement(between: str) -> str:
    """The words between two groups with a closing parenthesis of a restated abbreviation dropped."""
    return re.sub(r"^\s*(?:\)|\([^()]{1,15}\))", "", between)


def _most_recent(groups: list[GroupMention], offset: int) -> GroupMention | None:
    earlier = [g for g in groups if g.end <= offset]
    return earlier[-1] if earlier else None


def _has_speaker(gr: _Grammar, text: str, cue_start: int, in_sentence: list[GroupMention], base: int) -> bool:
    """A group, an anaphor for one or a group's channel speaks in the sentence, and no official does."""
    # Blank out group names first: the "Army" of "Balochistan Liberation Army" is no official speaker.
    blanked = list(text)
    for group in in_sentence:
        blanked[group.start - base : group.end - base] = " " * (group.end - group.start)
    subject_text = "".join(blanked)[max(0, cue_start - 40) : cue_start]
    if gr.authority.search(subject_text) and not _names_group_outlet(gr, subject_text):
        return False
    return bool(in_sentence) or bool(gr.anaphor.search(text)) or _channel(gr, text) is not None


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


# 4.-7. ----------------------------------------------------------------------- details


def _channels(gr: _Grammar, text: str, base: int, items: list[_Found]) -> list[str | None]:
    """The channel of each claim in a sentence. Where two groups speak in one sentence ("X claimed it through
    Amaq, while Y said in a Telegram post ..."), each claim takes the channel named in its own part: from its
    group's name (or its cue) up to the next group's name."""
    sentence_channel = _channel(gr, text)
    names = {i.group_mention.group.name for i in items if i.group_mention and i.status != "suspected"}
    if len(names) < 2:
        return [sentence_channel] * len(items)
    bounds = [0]
    for before, after in pairwise(items):
        subject = after.group_mention
        cut = subject.start if subject and before.end <= subject.start < after.start else after.start
        bounds.append(cut - base)
    bounds.append(len(text))
    return [_channel(gr, text[start:end]) or sentence_channel for start, end in pairwise(bounds)]


def _in_relative_clause(gr: _Grammar, work: Work, group: GroupMention) -> bool:
    sentence = work.sentences[group.sentence]
    start, end = group.start - sentence.start, group.end - sentence.start
    return any(m.start() <= start and end <= m.end() for m in gr.relative.finditer(sentence.text.translate(_ASCII)))


def _names_group_outlet(gr: _Grammar, text: str) -> bool:
    return any(pattern.search(text) for _, pattern in gr.group_outlets)


def _channel(gr: _Grammar, text: str) -> str | None:
    for name, pattern in gr.channels:
        if pattern.search(text):
            return name
    return None


def find_link(
    work: Work, claims: list[ClaimMention], only: set[int] | None = None
) -> tuple[OperationalLink, str | None, str | None]:
    """The operational link the document's wording suggests (or the wording of the sentences `only`), the words
    that decided it and their cue's id."""
    gr = _grammar_of(work)
    islamic_state = any(c.group and _is_islamic_state(c.group.name) for c in claims)
    score: dict[OperationalLink, int] = {"inspired": 0, "directed": 0}
    best: dict[OperationalLink, tuple[int, str, str]] = {}
    spoken = False  # the previous sentence was the voice of a group's spokesman
    for sentence in work.sentences:
        text = sentence.text.translate(_ASCII)
        # "'We conducted an operation ...,' Abu Musaab, spokesman of al-Shabaab, said": the group's own voice; a
        # quotation opening right after such a sentence ("The al-Shabaab spokesman said ... \"We succeeded ...")
        # is his too
        voice = any(g.sentence == sentence.index for g in work.mentions.groups) and any(
            pattern.search(text) for name, pattern in gr.channels if name == "spokesman")
        spans = [(g.start - sentence.start, g.end - sentence.start)
                 for g in work.mentions.groups if g.sentence == sentence.index]
        voice, spoken = (voice or (spoken and text.lstrip().startswith('"')),
                         voice and not _officials_spokesman(gr, text, spans))
        if only is not None and sentence.index not in only:
            continue
        amaq = any(pattern.search(text) for name, pattern in gr.channels if name == "amaq")
        # a sentence with a claim in it, or one about the group's statement
        claiming = any(c.sentence == sentence.index and c.status in ("claimed", "disputed") for c in claims) or bool(
            gr.claim_context.search(text))
        for cue in gr.links:
            for match in cue.pattern.finditer(text):
                if cue.scope == "is_family" and not (amaq or islamic_state):
                    continue
                if cue.scope == "group_words" and not (
                        claiming and not gr.authority.search(text[max(0, match.start() - 60) : match.start()])):
                    continue
                if cue.scope == "amaq_sentence" and not amaq:
                    continue
                if cue.scope == "group_voice" and not voice:
                    continue
                score[cue.link] += cue.weight
                if cue.link not in best or cue.weight > best[cue.link][0]:
                    best[cue.link] = (cue.weight, sentence.text[match.start() : match.end()], cue.id)
    if score["inspired"] == score["directed"]:
        return "unclear", None, None
    winner: OperationalLink = "inspired" if score["inspired"] > score["directed"] else "directed"
    return winner, best[winner][1], best[winner][2]


def _is_islamic_state(name: str) -> bool:
    entry = lookup_entry(name)
    return name == "Islamic State" or (entry is not None and entry.parent == "Islamic State")


def _delay(gr: _Grammar, text: str) -> Range:
    """The delay a sentence tells between the attack and the claim; none where what comes after "after" is
    another event ("the statement came a day after the minister visited the state")."""
    def of_the_attack(match: re.Match[str]) -> bool:
        return gr.delay_other_event is None or not gr.delay_other_event.match(text, match.end())

    for kind, pattern in gr.delays:
        match = pattern.search(text)
        if match and of_the_attack(match):
            hours = _hours(gr, match.group(1), match.group(2))
            if kind == "min":
                return Range(min=hours)
            if kind == "max":
                return Range(max=hours)
            return Range(value=hours)
    for bounds, pattern in gr.fuzzy_delays:
        fuzzy = pattern.search(text)
        if fuzzy and of_the_attack(fuzzy):
            return Range(value=bounds.value, min=bounds.min, max=bounds.max)
    return Range()


def _hours(gr: _Grammar, number: str, unit: str) -> float:
    amount = float(number) if number[0].isdigit() else gr.delay_numbers[number.lower()]
    return amount * gr.hours_per[unit.lower().rstrip("s")]


def _quoted(text: str) -> str | None:
    """The claim in the group's words: a quotation of three words or more (not a scare quote)."""
    for match in re.finditer(r"\"([^\"]{3,})\"", text):
        inner = match.group(1).strip().rstrip(",")
        if len(inner.split()) >= 3:
            return inner
    return None


def _claimed_at(gr: _Grammar, text: str, published: datetime | None) -> str | None:
    match = gr.claimed_at.search(text)
    if match is None or published is None:
        return None
    return resolve_day(match.group(1), published.date(), gr).isoformat()


def resolve_day(word: str, published: date, gr: _Grammar | None = None) -> date:
    """The date a weekday, "yesterday" or "today" names in an article published on `published`."""
    gr = gr or grammar()
    word = word.lower()
    if word in gr.today:
        return published
    if word in gr.yesterday:
        return published - timedelta(days=1)
    weekday = next(i for i, words in enumerate(gr.weekdays) if word in words)
    back = (published.weekday() - weekday) % 7
    return published - timedelta(days=back)
