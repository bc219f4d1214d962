"""The compiled claim vocabulary of one language (`lang/<code>/claims.toml`), read by extract/claims.py.

Each cue, channel, link cue and delay pattern of the TOML file is compiled once per language into a `_Grammar`;
the numbers in the field comments are the steps of the reading in claims.py's docstring.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Literal

from .. import lang
from ..model import ClaimStatus, OperationalLink, Range

# Subject: the group before the cue; after: the group named after it; next: a group named right after it, else
# none; object: the group after it, else the nearest one; near: the nearest on either side.
Side = Literal["subject", "after", "next", "object", "near"]

# How far (characters) after a "next" cue its group may start ("acknowledged by the Islamic State").
_NEXT_REACH = 12


@dataclass(frozen=True)
class _CuePattern:
    id: str
    status: ClaimStatus
    pattern: re.Pattern[str]
    side: Side
    needs_speaker: bool = False  # "said a ... carried out": a claim only when a group or its channel says it
    needs_outlet: bool = False  # a formula that claims only when a group's own outlet (Amaq ...) speaks in the sentence


@dataclass(frozen=True)
class _LinkCue:
    id: str
    link: OperationalLink
    weight: int
    pattern: re.Pattern[str]
    # "is_family": with Amaq or an IS claim in view; "amaq_sentence"; "group_voice"; "group_words": in a claim's
    # sentence (or one about the group's statement) with no official speaking just before
    scope: str | None


@dataclass(frozen=True)
class _Grammar:
    """The claim vocabulary of one language (`lang/<code>/claims.toml`), compiled once."""

    unclaimed: re.Pattern[str]  # 1.
    cues: list[_CuePattern]  # 2.
    competing: re.Pattern[str]
    negated: re.Pattern[str]
    relative: re.Pattern[str]  # 3.
    anaphor: re.Pattern[str]
    authority: re.Pattern[str]
    coordination: re.Pattern[str]
    channels: list[tuple[str, re.Pattern[str]]]  # 4.
    channel_rank: dict[str, int]  # channel name -> its place in the order of specificity (0 = most specific)
    group_outlets: list[tuple[str, re.Pattern[str]]]
    links: list[_LinkCue]  # 5.
    delays: list[tuple[str, re.Pattern[str]]]  # 6.
    fuzzy_delays: list[tuple[Range, re.Pattern[str]]]
    delay_numbers: dict[str, float]
    hours_per: dict[str, float]
    claim_context: re.Pattern[str]
    claim_anaphor: re.Pattern[str]
    official_statement: re.Pattern[str]  # "a statement by the ministry": no timing of a group's claim
    speaks: re.Pattern[str]
    said_in_statement: re.Pattern[str]
    claimed_at: re.Pattern[str]  # 7.
    today: frozenset[str]
    yesterday: frozenset[str]
    weekdays: list[list[str]]
    act_after_group: re.Pattern[str]  # attributions by others
    act_verb_after_group: re.Pattern[str]
    act_by_before: re.Pattern[str]
    about_speaking: re.Pattern[str]
    group_release: re.Pattern[str]  # "the group released a video": the group speaks through its own medium
    generic_claims: re.Pattern[str]  # "most such attacks have been claimed by": background, no claim of one attack
    act_anaphor: re.Pattern[str]  # "the militants" as the author of an act
    act_not_done: re.Pattern[str]  # "warned of attacks by": an act feared or foiled, not done
    own_outlet: re.Pattern[str]  # "its news agency": the group's own outlet (the table's channels name it)
    modifier_after: re.Pattern[str]  # "Al Qaeda linked militants": a group's name as a modifier
    another: re.Pattern[str]  # "claimed another bombing": a claim of a further attack (only where the language says so)
    # words before a day that make it another event's ("two days after the raid on Friday"); None: the language
    # has none, and the day after a claim cue is not read as the claimed attack's
    not_attack_day: re.Pattern[str] | None
    # after a delay's "after", the words of another event than the attack ("a day after the minister visited the
    # state"): no delay of the claim; None where the language has none
    delay_other_event: re.Pattern[str] | None


@functools.lru_cache(maxsize=16)
def grammar(language: str | None = None) -> _Grammar:
    """The compiled claim vocabulary of `language` (English where the language has none of its own)."""
    res = lang.resources(language)
    name = "claims"
    data = res.section(name)
    channels = [(c["name"], re.compile(res.expand(name, c["pattern"]), re.IGNORECASE)) for c in data["channels"]]
    outlets = {c["name"] for c in data["channels"] if c.get("group_outlet")}
    numbers = {str(k): float(v) for k, v in data["delay_numbers"].items()}
    n = r"(\d+(?:\.\d+)?|" + "|".join(re.escape(w) for w in sorted(numbers, key=len, reverse=True)) + r")"
    unit = data["delay_units"]["pattern"]
    weekdays = [[w] if isinstance(w, str) else list(w) for w in data["days"]["weekdays"]]
    return _Grammar(
        unclaimed=res.pattern(name, "unclaimed"),
        cues=[
            _CuePattern(c["id"], c["status"], re.compile(res.expand(name, c["pattern"]), re.IGNORECASE),
                        c.get("side", "subject"), c.get("needs_speaker", False), c.get("needs_outlet", False))
            for c in data["cues"]
        ],
        competing=res.pattern(name, "competing"),
        negated=res.pattern(name, "negated"),
        relative=res.pattern(name, "relative"),
        anaphor=res.pattern(name, "anaphor"),
        authority=res.pattern(name, "authority"),
        coordination=res.pattern(name, "coordination"),
        channels=channels,
        # several patterns may share a name ("Facebook", "social media"): a name ranks at its first pattern
        channel_rank={name: rank for rank, name in enumerate(dict.fromkeys(n for n, _ in channels))},
        group_outlets=[(c, p) for c, p in channels if c in outlets],
        links=[
            _LinkCue(c["id"], c["link"], int(c["weight"]), re.compile(res.expand(name, c["pattern"]), re.IGNORECASE),
                     c.get("scope"))
            for c in data["links"]
        ],
        delays=[
            (d["kind"], re.compile(res.expand(name, d["pattern"], {"n": n, "unit": unit}), re.IGNORECASE))
            for d in data["delays"]
        ],
        fuzzy_delays=[
            (Range(value=d.get("value"), min=d.get("min"), max=d.get("max")),
             re.compile(res.expand(name, d["pattern"]), re.IGNORECASE))
            for d in data["fuzzy_delays"]
        ],
        delay_numbers=numbers,
        hours_per={k: float(v) for k, v in data["delay_units"]["hours"].items()},
        claim_context=res.pattern(name, "claim_context"),
        claim_anaphor=res.pattern(name, "claim_anaphor", flags=0),
        official_statement=res.pattern(name, "official_statement"),
        speaks=res.pattern(name, "speaks"),
        said_in_statement=res.pattern(name, "said_in_statement"),
        claimed_at=res.pattern(name, "claimed_at"),
        today=frozenset(w.lower() for w in data["days"]["today"]),
        yesterday=frozenset(w.lower() for w in data["days"]["yesterday"]),
        weekdays=[[w.lower() for w in words] for words in weekdays],
        act_after_group=res.pattern(name, "act_after_group"),
        act_verb_after_group=res.pattern(name, "act_verb_after_group"),
        act_by_before=res.pattern(name, "act_by_before"),
        about_speaking=res.pattern(name, "about_speaking"),
        group_release=res.pattern(name, "group_release"),
        generic_claims=res.pattern(name, "generic_claims"),
        act_anaphor=res.pattern(name, "act_anaphor"),
        act_not_done=res.pattern(name, "act_not_done"),
        own_outlet=res.pattern(name, "own_outlet"),
        modifier_after=res.pattern(name, "modifier_after"),
        another=res.pattern(name, "another") if res.defines(name, "another") else re.compile(r"(?!)"),
        not_attack_day=res.pattern(name, "not_attack_day") if res.defines(name, "not_attack_day") else None,
        delay_other_event=res.pattern(name, "delay_other_event") if res.defines(name, "delay_other_event") else None,
    )
