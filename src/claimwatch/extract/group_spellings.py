"""Misspelled group names: a run of capitalised words that is one letter or two away from a multi-word alias.

Reporters and wires write a group's name in many transliterations ("Hizbul Mujahedeen", "Jaish-e-Mohammad"),
and not each of them can stand in the alias table. A name written a little differently from an alias still
names the group when all of these hold (rule id `groups.near-spelling`):

1. it is a run of as many words as the alias (two at least), every word capitalised except the short
   linking particles of such names ("al", "e", "ul", "of", "wal"), joined by spaces, hyphens or a bracket
   ("Communist Party of India (Maoists)");
2. every word starts with the same letter as the alias's word at its place, and the words differ only in
   spelling: a word of under five letters must be the same, a longer one must be at least 80% alike
   (difflib's ratio), and at least one word of the name must be written exactly as in the alias;
3. the whole name is at least 88% alike to the alias.

Words in capitals throughout ("HIZBUL MUJHADEEN", headlines and wire copy in upper case) are not compared.
So "Hizbul Mujhadeen" is Hizbul Mujahideen, while "Islamic Courts" or "Lashkar Street" name nothing: no
alias of their shape is close enough. Exact matches (groups.py) come first; a near spelling only fills text
that no exact alias covers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Generic, TypeVar

NEAR_SPELLING = "groups.near-spelling"

_PARTICLES = frozenset({"al", "el", "e", "i", "ul", "ut", "ud", "of", "the", "wal", "wa", "ad", "as", "ash", "an"})
_WORD = re.compile(r"[A-Za-z][A-Za-z']*")
_GAP = re.compile(r" ?[ -] ?\(?|\) ?[ -] ?")  # between the words of one name: a space or hyphen, or a bracket
_WORD_RATIO = 0.8
_NAME_RATIO = 0.88
_SHORT = 5

T = TypeVar("T")


@dataclass(frozen=True)
class _Alias(Generic[T]):
    words: tuple[str, ...]
    owner: T


class NearSpellings(Generic[T]):
    """The multi-word aliases of a table, indexed by word count and initials, and the finder over a text."""

    def __init__(self, aliases: Sequence[tuple[str, T]]) -> None:
        self._index: dict[tuple[str, ...], list[_Alias[T]]] = {}
        for alias, owner in aliases:
            words = tuple(w.lower() for w in _WORD.findall(alias))
            if len(words) < 2 or not any(len(w) >= _SHORT for w in words):
                continue
            self._index.setdefault(tuple(w[0] for w in words), []).append(_Alias(words, owner))
        self._sizes = sorted({len(k) for k in self._index}, reverse=True)

    def find(self, text: str, taken: Sequence[tuple[int, int]]) -> list[tuple[int, int, T]]:
        """(start, end, owner) for each near spelling in `text` that overlaps none of the `taken` spans."""
        words = list(_WORD.finditer(text))
        found: list[tuple[int, int, T]] = []
        position = 0
        while position < len(words):
            hit = self._at(text, words, position, taken)
            if hit is None:
                position += 1
                continue
            found.append(hit[:3])
            position = hit[3]
        return found

    def _at(
        self, text: str, words: list[re.Match[str]], position: int, taken: Sequence[tuple[int, int]]
    ) -> tuple[int, int, T, int] | None:
        if not _title(words[position].group(0)):
            return None
        for size in self._sizes:
            window = words[position : position + size]
            if len(window) < size or not _one_name(text, window):
                continue
            start, end = window[0].start(), window[-1].end()
            if any(s < end and start < e for s, e in taken):
                continue
            written = tuple(w.group(0).lower() for w in window)
            for alias in self._index.get(tuple(w[0] for w in written), ()):
                if _close(written, alias.words):
                    return start, end, alias.owner, position + size
        return None


def _one_name(text: str, window: list[re.Match[str]]) -> bool:
    """Capitalised words (or linking particles) joined only by spaces or hyphens, ending on a capital."""
    for word in window:
        value = word.group(0)
        if not _title(value) and value.lower() not in _PARTICLES:
            return False
    if not _title(window[-1].group(0)):
        return False
    return all(_GAP.fullmatch(text[a.end() : b.start()]) for a, b in zip(window, window[1:], strict=False))


def _title(word: str) -> bool:
    """Capitalised as a name is ("Mujahideen"), not written in capitals throughout (headlines, MUC-4 wires)."""
    return word[0].isupper() and any(c.islower() for c in word[1:])


def _close(written: tuple[str, ...], alias: tuple[str, ...]) -> bool:
    if written == alias:
        return False  # an exact alias is groups.py's to match
    exact = 0
    for mine, theirs in zip(written, alias, strict=True):
        if mine == theirs:
            exact += 1
        elif min(len(mine), len(theirs)) < _SHORT or SequenceMatcher(None, mine, theirs).ratio() < _WORD_RATIO:
            return False
    whole = SequenceMatcher(None, " ".join(written), " ".join(alias)).ratio()
    return exact >= 1 and whole >= _NAME_RATIO
