"""Direct quotations with their speaker and the speaker's organisation.

The forms read, in the order they are tried for each quotation of three words or more:
1. After the quote: `"...," said Laith Alkhouri, a director at Flashpoint` -> speaker and affiliation from
   the apposition; `"...," the interior ministry said in a statement`; `"...", X told Reuters`.
2. Before the quote: `X said: "..."`, `X said, "..."`, `According to X, "..."`.
3. A quote that opens a sentence with no speaker of its own continues the previous quotation's speaker,
   when nothing but that speaker's attribution stands between them.

A speaker that is an anaphor for a group ("the group said in a statement") is the group last mentioned
before the quote or inside it, by its canonical name. Single quotes are scare quotes and are not read.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..model import GroupMention, Quote
from ..text import ASCII_PUNCTUATION

if TYPE_CHECKING:
    from ..work import Work

_ASCII = ASCII_PUNCTUATION  # one table for every extractor (text.py)
_QUOTE = re.compile(r"\"([^\"\n]{2,}?)\"")
_VERB = r"(?:said|says|added|adds|told|tells|wrote|writes|stated|states|explained|warned|declared|insisted|noted)"
_STOP = r"(?:in|on|at|of|who|told|to|after|during|with|when|while|for|from|said|says|added|and|that|as|on)"
_WORD = rf"(?!{_STOP}\b)[A-Za-z][\w'-]*"
_NAME = r"[A-Z][\w'.-]*(?:\s+(?:(?:al|bin|ibn|de|van|der|el|da|di|la)\s+)?[A-Z][\w'.-]*){0,4}"
_SPEAKER = (
    rf"(?:{_NAME}'s\s+{_WORD}(?:\s+{_WORD}){{0,2}}"  # Pakistan's military
    rf"|(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+{_WORD}(?:\s+{_WORD}){{0,4}}"  # the interior ministry, a police official
    rf"|(?:he|she|it|they)\b"  # resolved to the last speaker, or the last group
    rf"|{_NAME})"  # Laith Alkhouri
)
_AFTER_VERB_FIRST = re.compile(rf"^\s*,?\s*{_VERB}\s+(?P<speaker>{_SPEAKER})(?P<rest>.*)", re.DOTALL)
_AFTER_SPEAKER_FIRST = re.compile(
    rf"^\s*,?\s*(?P<speaker>{_SPEAKER})\s*(?:,(?P<appos>[^,\"]{{3,120}}),\s*)?{_VERB}\b", re.DOTALL
)
_BEFORE = re.compile(
    rf"(?:(?P<speaker>{_SPEAKER})\s*(?:,(?P<appos>[^,\"]{{3,120}}),\s*)?{_VERB}(?:\s+\w+)?\s*(?:that\s*)?[:,]?"
    rf"|[Aa]ccording to (?P<speaker2>{_SPEAKER})\s*,)\s*$"
)
_APPOSITION = re.compile(
    r"^\s*,?\s*(?:(?:a|an|the)\s+)?(?P<role>[^,.;\"]*?)\s+(?:at|of|with|for|from)\s+"
    r"(?P<org>(?:the\s+)?[A-Z][\w&'.-]*(?:\s+(?:(?:of|for|and|on)\s+)?[A-Z][\w&'.-]*)*)"
)
_OF_ORG = re.compile(
    r"^\s+(?:of|from|at|with)\s+(?P<org>(?:the\s+)?[A-Z][\w&'.-]*(?:\s+(?:(?:of|for|and)\s+)?[A-Z][\w&'.-]*)*)"
)
_GROUP_ANAPHOR = re.compile(
    r"^(?:the|its|their)\s+(?:[\w-]+\s+){0,2}?(?:group|organi[sz]ation|outfit|militia|movement|militants|"
    r"insurgents|faction|rebels)$",
    re.IGNORECASE,
)
_PRONOUN = re.compile(r"^(?:he|she)$", re.IGNORECASE)
_GROUP_PRONOUN = re.compile(r"^(?:it|they)$", re.IGNORECASE)
_MIN_WORDS = 3


def find_quotes(work: Work) -> list[Quote]:
    """Every direct quotation of three words or more whose speaker the text names or implies."""
    text = work.document.text.translate(_ASCII)
    groups = work.mentions.groups
    quotes: list[Quote] = []
    last: Quote | None = None
    last_attribution_end = -1
    for match in _QUOTE.finditer(text):
        inner = match.group(1).strip()
        if len(inner.split()) < _MIN_WORDS:
            continue
        start, end = match.start(1), match.end(1)
        speaker, affiliation, attribution_end = _attribution(text, match.start(), match.end())
        if speaker is None and last is not None and _continues(text, last_attribution_end, match.start()):
            speaker, affiliation = last.speaker, last.affiliation  # 3.
        if speaker is None:
            continue
        if _PRONOUN.match(speaker):
            if last is None:
                continue
            speaker, affiliation = last.speaker, last.affiliation
        elif _GROUP_ANAPHOR.match(speaker) or _GROUP_PRONOUN.match(speaker):
            group = _group_for(groups, start, end)
            if group is not None:
                speaker, affiliation = group.group.name, None
            elif _GROUP_PRONOUN.match(speaker):
                continue
        speaker = re.sub(r"^(?:the|a|an)\s+", "", speaker.strip(), flags=re.IGNORECASE)
        quote = Quote(speaker=speaker, affiliation=affiliation, text=inner.rstrip(",").strip(), start=start, end=end)
        quotes.append(quote)
        last = quote
        last_attribution_end = max(attribution_end, match.end())
    return quotes


def _attribution(text: str, quote_start: int, quote_end: int) -> tuple[str | None, str | None, int]:
    """Speaker, affiliation and where the attribution ends, from the words after or before the quote."""
    after = text[quote_end : quote_end + 300].split("\n", 1)[0]
    if re.search(r"[.!?]\s*\"$", text[quote_start:quote_end]) and re.match(r"\s*[A-Z]", after):
        after = ""  # the quote closed its sentence: a capitalised word next starts a new one
    match = _AFTER_VERB_FIRST.match(after)  # 1.
    if match:
        rest = match.group("rest")
        apposition = _APPOSITION.match(rest) if rest.lstrip().startswith(",") else _OF_ORG.match(rest)
        affiliation = apposition.group("org") if apposition else None
        end = quote_end + match.start("rest") + (apposition.end() if apposition else 0)
        return match.group("speaker"), _clean_org(affiliation), _sentence_end(text, end)
    match = _AFTER_SPEAKER_FIRST.match(after)
    if match:
        affiliation = _affiliation_from(match.group("appos"))
        return match.group("speaker"), affiliation, _sentence_end(text, quote_end + match.end())
    line_start = text.rfind("\n", 0, quote_start) + 1
    sentence_start = _sentence_start(text, line_start, quote_start)
    before = text[sentence_start:quote_start]
    match = _BEFORE.search(before)  # 2.
    if match:
        speaker = match.group("speaker") or match.group("speaker2")
        affiliation = _affiliation_from(match.group("appos")) if match.group("speaker") else None
        return speaker, affiliation, quote_end
    return None, None, quote_end


def _sentence_start(text: str, line_start: int, quote_start: int) -> int:
    start = line_start
    for match in re.finditer(r"[.!?]\s+", text[line_start:quote_start]):
        start = line_start + match.end()
    return start


def _sentence_end(text: str, offset: int) -> int:
    match = re.search(r"[.!?](?=\s|$)|\n", text[offset:])
    return offset + match.end() if match else len(text)


def _continues(text: str, previous_end: int, quote_start: int) -> bool:
    """The quote opens a sentence right after the previous quotation and its attribution."""
    gap = text[previous_end:quote_start]
    return len(gap) < 40 and not re.search(r"[A-Za-z]", gap)


def _affiliation_from(apposition: str | None) -> str | None:
    if not apposition:
        return None
    match = _APPOSITION.match(apposition)
    return _clean_org(match.group("org")) if match else None


def _clean_org(org: str | None) -> str | None:
    if not org:
        return None
    return re.sub(r"^the\s+", "", org.strip().rstrip(".,"), flags=re.IGNORECASE) or None


def _group_for(groups: list[GroupMention], start: int, end: int) -> GroupMention | None:
    inside = [g for g in groups if start <= g.start and g.end <= end]
    if inside:
        return inside[0]
    earlier = [g for g in groups if g.end <= start]
    return earlier[-1] if earlier else None
