"""Which incidents a claim sentence names by its places: by name, by gazetteer entry, by the country or region
enclosing an incident's place, words apart from an attack word; and "X's capital of Y" read as the city."""

from __future__ import annotations

from collections import Counter

import pytest

from claimwatch.claim_incidents import IncidentPlaces, incidents_named
from claimwatch.extract.gazetteer import Gazetteer, build_gazetteer
from claimwatch.extract.places import places_in
from claimwatch.model import Place, PlaceMention, Sentence

KABUL = Place("Kabul", "AF", 34.5, 69.2, "AF.13", 3)
MAIDUGURI = Place("Maiduguri", "NG", 11.8, 13.2, "NG.27", 7)
ABUJA = Place("Abuja", "NG", 9.06, 7.5, "NG.11", 12)
NIGERIA = Place("Nigeria", "NG", 9.06, 7.5)


def _named(text: str, named: list[tuple[str, Place]], incidents: list[IncidentPlaces]) -> list[str]:
    """The incidents sentence 1 (`text`) names, the article's first sentence telling nothing."""
    first = Sentence(index=0, start=0, end=20, text="Nothing happened yet")
    sentence = Sentence(index=1, start=21, end=21 + len(text), text=text)
    places = []
    for word, place in named:
        start = 21 + text.index(word)
        places.append(PlaceMention(start=start, end=start + len(word), text=word, sentence=1, place=place))
    return incidents_named(1, places, [first, sentence], incidents)


def _incident(name: str, place: Place) -> IncidentPlaces:
    return IncidentPlaces(name, place.name, frozenset({0}), where=place)


def test_a_country_names_the_one_incident_it_holds() -> None:
    incidents = [_incident("i1", KABUL), _incident("i2", MAIDUGURI)]
    text = "The group claimed the bombings in Kabul and in Nigeria last week."
    assert _named(text, [("Kabul", KABUL), ("Nigeria", NIGERIA)], incidents) == ["i1", "i2"]


def test_a_country_holding_two_incidents_names_neither() -> None:
    incidents = [_incident("i1", KABUL), _incident("i2", MAIDUGURI), _incident("i3", ABUJA)]
    text = "The group claimed the bombings in Kabul and in Nigeria last week."
    assert _named(text, [("Kabul", KABUL), ("Nigeria", NIGERIA)], incidents) == ["i1"]


def test_a_finer_place_takes_its_incident_before_the_country() -> None:
    incidents = [_incident("i2", MAIDUGURI), _incident("i3", ABUJA)]
    text = "The group claimed the raids on Maiduguri and the bombings elsewhere in Nigeria."
    assert _named(text, [("Maiduguri", MAIDUGURI), ("Nigeria", NIGERIA)], incidents) == ["i2", "i3"]


def test_another_name_of_the_same_gazetteer_entry() -> None:
    incidents = [_incident("i1", KABUL), _incident("i2", MAIDUGURI)]
    other_name = Place("Yerwa", "NG", 11.8, 13.2, "NG.27", 7)
    text = "The group claimed the attacks on Kabul and Yerwa."
    assert _named(text, [("Kabul", KABUL), ("Yerwa", other_name)], incidents) == ["i1", "i2"]


def test_a_list_of_places_counts_with_its_attack_word() -> None:
    incidents = [_incident("i1", KABUL), _incident("i2", MAIDUGURI), _incident("i3", ABUJA)]
    text = "Its fighters carried out attacks in Kabul, Maiduguri and Abuja, the group claimed."
    named = [("Kabul", KABUL), ("Maiduguri", MAIDUGURI), ("Abuja", ABUJA)]
    assert _named(text, named, incidents) == ["i1", "i2", "i3"]


def test_the_attack_word_must_stand_a_few_words_from_the_place() -> None:
    incidents = [_incident("i1", KABUL), _incident("i2", MAIDUGURI)]
    far = "The group claimed the attacks, saying its men were fighting for the faith and were in Maiduguri."
    assert _named(far + " Kabul", [("Kabul", KABUL), ("Maiduguri", MAIDUGURI)], incidents) == []
    near = "The group claimed the attacks at a police academy in the city of Kabul and on Maiduguri."
    assert _named(near, [("Kabul", KABUL), ("Maiduguri", MAIDUGURI)], incidents) == ["i1", "i2"]


def test_a_clause_mark_parts_the_attack_word_from_the_place() -> None:
    incidents = [_incident("i1", KABUL), _incident("i2", MAIDUGURI)]
    text = "The group claimed the attacks (its leader lives in Kabul) and the raid on Maiduguri."
    assert _named(text, [("Kabul", KABUL), ("Maiduguri", MAIDUGURI)], incidents) == ["i2"]


# ----------------------------------------------------------------------------- "X's capital of Y" (places.py)


def _city(gid: int, name: str, cc: str, pop: int, lat: float, lon: float, admin1: str) -> dict[str, object]:
    return {"geonameid": gid, "name": name, "countrycode": cc, "population": pop, "latitude": lat,
            "longitude": lon, "admin1code": admin1, "alternatenames": []}


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    cities = [_city(3, "Kabul", "AF", 3_000_000, 34.5, 69.2, "13"), _city(12, "Abuja", "NG", 600_000, 9.06, 7.5, "11"),
              _city(7, "Maiduguri", "NG", 800_000, 11.8, 13.2, "27")]
    countries = [{"iso": "AF", "name": "Afghanistan", "capital": "Kabul", "population": 37_000_000},
                 {"iso": "NG", "name": "Nigeria", "capital": "Abuja", "population": 195_000_000}]
    return build_gazetteer(cities, countries, [], demonyms={"Nigerian": "NG"}, stopwords=set())


def _found(text: str, gaz: Gazetteer) -> list[tuple[str, str]]:
    return [(text[s:e], p.name) for s, e, p in places_in(text, gaz, Counter(), language="en")]


@pytest.mark.parametrize("text", [
    "A bomb went off in Nigeria's capital of Abuja on Monday.",
    "A bomb went off in Nigeria’s capital, Abuja, on Monday.",
    "A bomb went off in Nigeria's capital city Abuja on Monday.",
])
def test_a_country_named_before_its_capital_is_the_city(text: str, gaz: Gazetteer) -> None:
    [(span, name)] = _found(text, gaz)
    assert name == "Abuja" and span.startswith("Nigeria") and span.endswith("Abuja")


def test_a_city_of_another_country_leaves_the_country(gaz: Gazetteer) -> None:
    assert [n for _s, n in _found("Nigeria's capital of Kabul is a made-up phrase.", gaz)] == ["Nigeria", "Kabul"]


def test_a_country_owning_a_town_that_is_not_its_capital_stays_apart(gaz: Gazetteer) -> None:
    assert [n for _s, n in _found("A bomb hit Nigeria's Maiduguri on Monday.", gaz)] == ["Nigeria", "Maiduguri"]
