"""Militant groups: the curated alias table (`claimwatch/data/groups.json`) and the finder over a document.

The table format (one JSON object per group, one group per line, so others can add groups with a
one-line diff):

    {"name": "Islamic State West Africa Province",   canonical name, unique
     "wikidata_id": null,                            Q-number when known for sure, else null
     "aliases": ["ISWAP", "Islamic State West Africa", ...],
     "contextual_aliases": [],                       short acronyms that are also common words ("IS")
     "parent": "Islamic State",                      canonical name of the parent group, or null
     "channels": ["amaq", "al-naba"]}                how the group usually claims (claims.py vocabulary)

Matching rules:
1. An alias matches case-insensitively with word boundaries; a space, a hyphen or a run of them in an
   alias matches any such run ("al-Qaeda" = "al Qaeda"), and an apostrophe is optional ("Kataib").
   Between the words of an alias a possessive "'s" may stand, so every "Islamic State X Province" also
   matches "Islamic State's X Province" without an alias of its own.
2. An acronym-like alias (one token, at least half of its letters upper case: "ISIS", "LeT", "FARC-EP")
   matches only in its written case, except in documents without any upper-case letter (MUC-4).
3. A contextual alias ("IS", "ADF", "TRF") matches in its written case and only in a sensible context:
   not inside upper-case text, and after "the", "of", "(" and the like or before a lower-case word
   ("IS has claimed", "the IS propaganda organ", "militia Islamic State (IS)").
4. Overlaps are settled by the longest match ("Islamic State West Africa Province" over "Islamic State",
   "Pakistani Taliban" over "Taliban").
5. A multi-word name written a little differently from an alias ("Hizbul Mujhadeen") names its group where
   no exact alias covers the text (group_spellings.py, rule id `groups.near-spelling`).
"""

from __future__ import annotations

import bisect
import functools
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING

from .. import lang
from ..errors import ClaimwatchError
from ..model import Group, GroupMention
from ..text import ASCII_PUNCTUATION
from .group_spellings import NEAR_SPELLING, NearSpellings

if TYPE_CHECKING:
    from ..work import Work

# Typographic characters mapped one-to-one to ASCII, so offsets stay valid after normalising.
_ASCII = ASCII_PUNCTUATION  # one table for every extractor (text.py)
# Words before a contextual acronym that show it names something ("the IS", "of IS", "(IS)").
_CONTEXT_BEFORE = {"the", "of", "by", "from", "for", "against", "to", "with", "and", "pro", "anti", "(", "rival"}

# Words before "IS" that make it the verb ("what IS it", "this IS how").
_VERB_BEFORE = {"this", "that", "it", "what", "there", "here", "who", "which", "where", "how", "he", "she"}


@dataclass(frozen=True)
class GroupEntry:
    """One row of the alias table."""

    name: str
    wikidata_id: str | None
    aliases: tuple[str, ...]
    contextual_aliases: tuple[str, ...] = ()
    parent: str | None = None
    channels: tuple[str, ...] = field(default=())

    @property
    def group(self) -> Group:
        return Group(name=self.name, wikidata_id=self.wikidata_id)


def all_groups() -> list[GroupEntry]:
    """Every group of the table, in file order."""
    return list(_table().entries)


def lookup_group(name: str) -> Group | None:
    """The group a name or alias stands for ("ISIL" -> Islamic State), or None when it is not in the table."""
    entry = lookup_entry(name)
    return entry.group if entry else None


def lookup_entry(name: str) -> GroupEntry | None:
    return _entry_for(_table(), name)


def _entry_for(table: _Table, text: str) -> GroupEntry | None:
    """The row an alias or a matched span stands for; a possessive between words counts as absent."""
    entry = table.by_key.get(_key(text))
    if entry is None:
        entry = table.by_key.get(_key(re.sub(r"['’]s(?=[\s-])", "", text)))
    return entry


def parent_of(name: str) -> Group | None:
    """The parent group of a group ("ISWAP" -> Islamic State), when the table names one."""
    entry = lookup_entry(name)
    if entry is None or entry.parent is None:
        return None
    return lookup_group(entry.parent)


def names_group(text: str) -> bool:
    """True when a short span of text ("seven Al-Shabab militants") names a known group, by its aliases or
    acronyms (the scan `find_groups` runs over a document)."""
    text = text.translate(_ASCII)
    table = _table()
    for pattern in (table.loose, table.acronyms):
        if pattern is not None and any(_entry_for(table, m.group(0)) is not None for m in pattern.finditer(text)):
            return True
    return False


def find_groups(work: Work) -> list[GroupMention]:
    """Every mention of a known group in the document, with document offsets and sentence index."""
    text = work.document.text.translate(_ASCII)
    table = _table()
    lower_only = not any(c.isupper() for c in text)
    found: list[tuple[int, int, GroupEntry]] = []
    for pattern in (table.loose, table.acronyms_loose if lower_only else table.acronyms):
        if pattern is None:
            continue
        for match in pattern.finditer(text):
            entry = _entry_for(table, match.group(0))
            if entry is not None:
                found.append((match.start(), match.end(), entry))
    if table.joined is not None:  # "Dawlah Islamiyah-Maute group": two aliases of one group joined by a hyphen
        for match in table.joined.finditer(text):
            first, second = _entry_for(table, match.group("first")), _entry_for(table, match.group("second"))
            if first is not None and first is second:
                found.append((match.start(), match.end(), first))
    if table.contextual is not None and not lower_only:
        for match in table.contextual.finditer(text):
            entry = _entry_for(table, match.group(0))
            if entry is not None and _sensible_context(text, match.start(), match.end()):
                found.append((match.start(), match.end(), entry))
    if lang.resources(work.document.language).get("claims", "group_compounds", False):
        for compound in table.compounds:
            found += [(m.start(), m.end(), e) for m in compound.finditer(text) if (e := _entry_for(table, m.group(0)))]
    mentions: list[GroupMention] = []
    last_end = -1
    found += _possessive_branches(text, table, found)
    near = table.near.find(text, [(s, e) for s, e, _ in found]) if table.near is not None else []
    for start, end, entry in sorted(found + near, key=lambda f: (f[0], -(f[1] - f[0]))):
        if start < last_end:
            continue
        sentence = _sentence_of(work, start)
        if sentence is None:
            continue
        mentions.append(
            GroupMention(start=start, end=end, text=work.document.text[start:end], sentence=sentence, group=entry.group)
        )
        if (start, end, entry) in near:
            mentions[-1].trace.append(NEAR_SPELLING)
        last_end = end
    return mentions


def _possessive_branches(
    text: str, table: _Table, found: list[tuple[int, int, GroupEntry]]
) -> list[tuple[int, int, GroupEntry]]:
    """"fighters of the group's Central Africa Province": a branch named without its parent's name, after a
    possessive that points back to the parent. It stands for the branch of the group mentioned last before it
    (the parent itself, or a sibling branch of the same parent)."""
    if table.branches is None:
        return []
    branches: list[tuple[int, int, GroupEntry]] = []
    for match in table.branches.finditer(text):
        earlier = [f for f in found if f[1] <= match.start()]
        if not earlier:
            continue
        antecedent = max(earlier, key=lambda f: f[1])[2]
        for branch in table.branch_of.get(_key(match.group("branch")), ()):
            if branch.parent in (antecedent.name, antecedent.parent):
                branches.append((match.start("branch"), match.end("branch"), branch))
                break
    return branches


# --------------------------------------------------------------------------- table loading


@dataclass
class _Table:
    entries: list[GroupEntry]
    by_key: dict[str, GroupEntry]
    loose: _Scan | None
    acronyms: _Scan | None
    acronyms_loose: _Scan | None
    contextual: _Scan | None
    joined: _Scan | None = None  # "<alias>-<alias>", two names of one group joined by a hyphen
    branches: re.Pattern[str] | None = None  # "the group's <branch name>"
    branch_of: dict[str, tuple[GroupEntry, ...]] = field(default_factory=dict)  # branch name key -> branches
    compounds: tuple[re.Pattern[str], ...] = ()  # "<alias>-<Noun>", a name as a compound's first part
    near: NearSpellings[GroupEntry] | None = None  # multi-word aliases, for names spelt a little differently


@functools.lru_cache(maxsize=1)
def _table() -> _Table:
    raw = resources.files("claimwatch").joinpath("data/groups.json").read_text(encoding="utf-8")
    try:
        rows = json.loads(raw)["groups"]
    except (ValueError, KeyError) as error:
        raise ClaimwatchError(f"claimwatch/data/groups.json is not a valid group table: {error}") from error
    entries = [
        GroupEntry(
            name=row["name"],
            wikidata_id=row.get("wikidata_id"),
            aliases=tuple(row.get("aliases", [])),
            contextual_aliases=tuple(row.get("contextual_aliases", [])),
            parent=row.get("parent"),
            channels=tuple(row.get("channels", [])),
        )
        for row in rows
    ]
    by_key: dict[str, GroupEntry] = {}
    loose: list[str] = []
    acronyms: list[str] = []
    contextual: list[str] = []
    for entry in entries:
        for alias in (entry.name, *entry.aliases, *entry.contextual_aliases):
            key = _key(alias)
            owner = by_key.setdefault(key, entry)
            if owner is not entry:
                raise ClaimwatchError(
                    f"claimwatch/data/groups.json: alias {alias!r} of {entry.name!r} is already an alias of "
                    f"{owner.name!r}; keep each alias under one group"
                )
        loose += [a for a in (entry.name, *entry.aliases) if not _acronym_like(a)]
        acronyms += [a for a in (entry.name, *entry.aliases) if _acronym_like(a)]
        contextual += list(entry.contextual_aliases)
    branch_of = _branch_names(entries)
    alternatives = "|".join(_alias_pattern(a) for a in sorted(set(loose), key=lambda a: (-len(a), a)))
    return _Table(
        entries=entries,
        by_key=by_key,
        loose=_compile(loose, re.IGNORECASE),
        acronyms=_compile(acronyms, 0),
        acronyms_loose=_compile(acronyms, re.IGNORECASE),
        contextual=_compile(contextual, 0),
        joined=_Scan(
            re.compile(rf"(?<![\w'-])(?:{_trie(loose)})-(?:{_trie(loose)})(?![\w]|-\w)", re.IGNORECASE),
            re.compile(rf"(?<![\w'-])(?P<first>{alternatives})-(?P<second>{alternatives})(?![\w]|-\w)",
                       re.IGNORECASE),
        ) if alternatives else None,
        # the branch's name in its written capitals, since it is a proper name ("its West Africa Province")
        branches=re.compile(
            r"\b(?i:the (?:group|organi[sz]ation|movement)'s|its|their)\s+(?P<branch>"
            + "|".join(_alias_pattern(b.title()) for b in sorted(branch_of, key=lambda b: (-len(b), b))) + r")\b"
        ) if branch_of else None,
        branch_of=branch_of,
        compounds=_compound_patterns(loose, acronyms),
        near=NearSpellings([(a, by_key[_key(a)]) for a in loose]),
    )


def _compound_patterns(loose: list[str], acronyms: list[str]) -> tuple[re.Pattern[str], ...]:
    """"Taliban-Attacke", "IS-Kämpfer": a name as the first part of a compound noun, read in the languages that
    build such compounds (lang/<code>/claims.toml `group_compounds`); the noun after the hyphen is capitalised."""
    patterns = []
    for names, flags in ((loose, re.IGNORECASE), (acronyms, 0)):
        if names:
            body = "|".join(_alias_pattern(a) for a in sorted(set(names), key=lambda a: (-len(a), a)))
            patterns.append(re.compile(rf"{_START}(?:{body})(?=-(?-i:[A-ZÄÖÜ])\w)", flags))
    return tuple(patterns)


# Last words of a branch's name that make the rest of it a name of its own ("Central Africa Province").
_BRANCH_WORDS = {"province", "branch", "wing", "wilayat"}


def _branch_names(entries: list[GroupEntry]) -> dict[str, tuple[GroupEntry, ...]]:
    """Branch names (keys) as written without the parent's name: "Islamic State Central Africa Province" minus
    "Islamic State" is "Central Africa Province"."""
    names: dict[str, list[GroupEntry]] = {}
    for entry in entries:
        if entry.parent is None:
            continue
        for alias in (entry.name, *entry.aliases):
            if _key(alias).startswith(_key(entry.parent) + " "):
                rest = alias.translate(_ASCII)[len(entry.parent):].strip(" -")
                rest = re.sub(r"^'s\s+", "", rest)
                words = rest.split()
                if len(words) >= 2 and words[0][0].isupper() and words[-1].lower() in _BRANCH_WORDS:
                    bucket = names.setdefault(_key(rest), [])
                    if entry not in bucket:
                        bucket.append(entry)
    return {name: tuple(found) for name, found in names.items()}


def _compile(aliases: list[str], flags: int) -> _Scan | None:
    if not aliases:
        return None
    ordered = sorted(set(aliases), key=lambda a: (-len(a), a))
    body = "|".join(_alias_pattern(a) for a in ordered)
    return _Scan(re.compile(rf"{_START}(?:{_trie(ordered)})(?![\w]|-\w)", flags),
                 re.compile(rf"{_START}(?:{body})(?![\w]|-\w)", flags))


class _Scan:
    """A long alternation of names, read fast. Python's `re` tries every alternative at every position of the
    text; `first` holds the same alternatives as a trie (`_trie`), so it matches where, and only where, one of
    them does, trying only those that share the text's first letters. It finds where the next name starts;
    `exact`, the alternatives longest first, then says which name stands there, as a plain scan with it would."""

    def __init__(self, first: re.Pattern[str], exact: re.Pattern[str]) -> None:
        self.first = first
        self.exact = exact

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        pos = 0
        while (hit := self.first.search(text, pos)) is not None:
            match = self.exact.match(text, hit.start())
            if match is not None:
                yield match
            pos = max(match.end() if match else 0, hit.start() + 1)


_TrieNode = dict[str, "_TrieNode"]  # a piece of a name -> what may follow it ("" marks a name's end)


def _trie(aliases: Iterable[str]) -> str:
    """One pattern for many names, their common beginnings written once: "Islamic State|Islamic Jihad" gives
    "Islamic (?:State|Jihad)" (with the gaps of `_alias_parts`). It matches the same texts as the alternation."""
    root: _TrieNode = {}
    for alias in aliases:
        node = root
        for part in _alias_parts(alias):
            node = node.setdefault(part, {})
        node[""] = {}

    def written(node: _TrieNode) -> str:
        branches = [part + written(child) for part, child in node.items() if part]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return written(root)


# A name starts after a non-word character, or after a French or Italian elided article ("l'État islamique",
# "d'Al-Qaïda"), never inside a word or after another apostrophe.
_START = r"(?:(?<![\w'-])|(?<=\b[lLdD]'))"


_GAP = r"[\s-]+"
_POSSESSIVE_GAP = r"(?:'s)?[\s-]+"  # "Islamic State's Sahel Province" for "Islamic State Sahel Province"


def _alias_pattern(alias: str) -> str:
    return "".join(_alias_parts(alias))


def _alias_parts(alias: str) -> list[str]:
    """The pattern of a name as a list of pieces (a character, an optional apostrophe, a gap between words)."""
    parts: list[str] = []
    for char in alias.translate(_ASCII):
        if char == " ":
            if not parts or parts[-1] not in (_GAP, _POSSESSIVE_GAP):
                parts.append(_POSSESSIVE_GAP)
        elif char == "-":
            if not parts or parts[-1] not in (_GAP, _POSSESSIVE_GAP):
                parts.append(_GAP)
        elif char == "'":
            parts.append("'?")
        else:
            parts.append(re.escape(char))
    return parts


def _key(text: str) -> str:
    """The form an alias and a matched span share: lower case, no apostrophes, runs of space/hyphen as one."""
    text = text.translate(_ASCII).lower().replace("'", "")
    return re.sub(r"[\s-]+", " ", text).strip()


def _acronym_like(alias: str) -> bool:
    if " " in alias:
        return False
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) * 2 >= len(letters) and len(letters) <= 8


def _sensible_context(text: str, start: int, end: int) -> bool:
    before = re.search(r"(\S+)\s*$", text[max(0, start - 30) : start])
    after = re.match(r"\s*(\S+)", text[end : end + 30])
    prev_word = before.group(1) if before else ""
    next_word = after.group(1) if after else ""
    for word in (prev_word, next_word):
        letters = [c for c in word if c.isalpha()]
        if len(letters) > 1 and all(c.isupper() for c in letters):
            return False  # upper-case text ("WHAT IS IT"), or a list of acronyms
    if prev_word.endswith("(") or text[start - 1 : start] == "(":
        return True
    if re.sub(r"[^\w]", "", prev_word).lower() in _VERB_BEFORE:
        return False  # "This IS a test": the verb, written for emphasis
    if re.sub(r"[^\w(]", "", prev_word).lower() in _CONTEXT_BEFORE:
        return True
    return bool(next_word) and next_word[0].islower()


def _sentence_of(work: Work, offset: int) -> int | None:
    starts = [s.start for s in work.sentences]
    position = bisect.bisect_right(starts, offset) - 1
    if position < 0:
        return None
    sentence = work.sentences[position]
    return sentence.index if offset < sentence.end else None
