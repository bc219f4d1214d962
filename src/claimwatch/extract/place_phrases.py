"""How each language puts a place into words, for the place reader (`places.places_in`).

English's rules live in `places.py` (its `_PREFIX_OK`, `_SUFFIX_OK`, `_CALLED_PLACE_BEFORE`, `_LOCATIVE_BEFORE`);
another language adds its own, as data in `lang/<code>/places.toml` under `[phrases]`:

    prefix_ok        capitalised words that may stand right before a place name without making it part of a
                     longer name: articles at the start of a sentence ("Le Cameroun", "El Salvador") and, in
                     German, where every noun is capitalised, the nouns of places ("der Hauptstadt Kabul")
    suffix_ok        the same, right after a name
    called_before    words that call the next name a place in so many words ("la localité de X", "el municipio
                     de X", "in der Stadt X", "بلدة X"); a regex that ends where the name starts
    locative_before  prepositions of place ("dans", "cerca de", "im"); a regex that ends where the name starts
    genitive_s       whether a name with a genitive -s glued to it is the place ("im Norden Malis", "Kabuls
                     Polizei"): read for countries, regions and cities over 100,000 people only
    nouns_capitalised  whether every noun is capitalised (German): a one-word name that is only another
                     language's spelling of a city ("Küche" is a Chinese town's alternate name) is then a noun,
                     unless the city has a million people ("Moskau", "Peking")
    within_before    words after which a name names a street or a country's mission, not a place ("l'avenue
                     Bourguiba", "l'ambassade de France"): such a name is not read
    called_unlisted  whether a name so called is read as a place even when no table lists it (a village of
                     a few hundred people): its country is then the one named next to it, else the document's

A language's words are read on top of English's (a French report still says "in" in a quoted English name),
so a language without `[phrases]` reads places exactly as English does.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .. import lang
from ..model import Place


@dataclass(frozen=True)
class PlaceGrammar:
    prefix_ok: frozenset[str]
    suffix_ok: frozenset[str]
    called_before: re.Pattern[str]
    locative_before: re.Pattern[str]
    called_unlisted: bool = False
    within_before: re.Pattern[str] | None = None
    genitive_s: bool = False
    nouns_capitalised: bool = False


@functools.lru_cache(maxsize=32)
def for_language(language: str | None, base: PlaceGrammar, key: Callable[[str], str]) -> PlaceGrammar:
    """The grammar of `language`: English's (`base`) with the language's `[phrases]` added; `key` normalises
    a word the way the gazetteer compares names."""
    code = lang.normalise(language)
    if code == lang.DEFAULT:
        return base
    res = lang.resources(code)
    phrases = res.get("places", "phrases", {}) if res.has_own("places") else {}
    if not phrases:
        return base
    return PlaceGrammar(
        prefix_ok=base.prefix_ok | {key(w) for w in phrases.get("prefix_ok", [])},
        suffix_ok=base.suffix_ok | {key(w) for w in phrases.get("suffix_ok", [])},
        called_before=_either(res, phrases.get("called_before"), base.called_before),
        locative_before=_either(res, phrases.get("locative_before"), base.locative_before),
        called_unlisted=bool(phrases.get("called_unlisted", False)),
        within_before=(re.compile(res.expand("places", phrases["within_before"]), re.IGNORECASE)
                       if phrases.get("within_before") else None),
        genitive_s=bool(phrases.get("genitive_s", False)),
        nouns_capitalised=bool(phrases.get("nouns_capitalised", False)),
    )


def _either(res: lang.Resources, own: str | list[str] | None, base: re.Pattern[str]) -> re.Pattern[str]:
    if not own:
        return base
    return re.compile(f"(?:{res.expand('places', own)})|(?:{base.pattern})", re.IGNORECASE)


# A name as written: capitalised words (or an Arabic-article form, "ad-Dawr") joined by one space or a hyphen.
_NAME_WORD = re.compile(r"[^\W\d_][\w'’.-]*$")
_MAX_NAME_WORDS = 3


def _folded(word: str) -> str:
    """A word as the gazetteer compares names (`places.name_key` for one word): no accents, lower case."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)).lower()


def called_name(text: str, tokens: list[re.Match[str]], i: int, grammar: PlaceGrammar) -> tuple[int, int, int] | None:
    """(words, start, end) of the name the language's place phrase introduces at token i ("la localité de
    Djakana" -> "Djakana"), when the language reads such names without a table (`called_unlisted`)."""
    if not grammar.called_unlisted:
        return None
    n = 0
    while i + n < len(tokens) and n < _MAX_NAME_WORDS:
        word = tokens[i + n].group()
        if not word[:1].isupper() or not _NAME_WORD.match(word):
            break
        if n and (text[tokens[i + n - 1].end() : tokens[i + n].start()] not in {" ", "-"}
                  or _folded(word) in grammar.prefix_ok | grammar.suffix_ok):
            break
        n += 1
    if not n:
        return None
    return n, tokens[i].start(), tokens[i + n - 1].end()


def called_unlisted(
    text: str, tokens: list[re.Match[str]], i: int, grammar: PlaceGrammar, context: Counter[str],
    local: Callable[[int], set[str]],
) -> tuple[int, int, int, Place] | None:
    """A name the language calls a place ("la localité de Djakana") that no table lists: a place of the one
    country named next to it (`local(end_token)`), else of the one the document names most."""
    called = called_name(text, tokens, i, grammar)
    if called is None:
        return None
    n, start, end = called
    near = local(i + n)
    code = next(iter(near)) if len(near) == 1 else (context.most_common(1)[0][0] if context else None)
    if not code:
        return None
    return n, start, end, Place(name=text[start:end], country_code=code, admin1=f"{code}.00")


_GENITIVE_CITY_MIN = 100_000


def genitive(
    tokens: list[re.Match[str]], i: int, grammar: PlaceGrammar, lookup: Callable[[str], list[Any]]
) -> tuple[int, int, int, list[Any]] | None:
    """The gazetteer entries of a name written with a genitive -s glued to it ("Malis" -> Mali), as
    `places._longest_match` gives them, when the language forms genitives so (`genitive_s`)."""
    word = tokens[i].group()
    if not grammar.genitive_s or len(word) < 4 or not word.endswith("s"):
        return None
    entries = [e for e in lookup(word[:-1]) if e.kind != "city" or e.population >= _GENITIVE_CITY_MIN]
    return (1, tokens[i].start(), tokens[i].end(), entries) if entries else None


_NOUN_CITY_MIN = 1_000_000


def own_names(
    grammar: PlaceGrammar, text: str, start: int, end: int, words: int, entries: list[Any],
    key: Callable[[str], str],
) -> list[Any]:
    """The gazetteer entries the name text[start:end] may stand for: none after the language's `within_before`;
    else all of them, except in a language that capitalises its nouns
    (`nouns_capitalised`), where a one-word name is believed for a city only by the city's own name or when
    the city is large enough for its other spellings to be known."""
    if grammar.within_before is not None and grammar.within_before.search(text[max(0, start - 40) : start]):
        return []
    if not grammar.nouns_capitalised or words > 1:
        return entries
    written_key = key(text[start:end])
    return [e for e in entries if e.kind != "city" or key(e.place.name) == written_key
            or e.population >= _NOUN_CITY_MIN]
