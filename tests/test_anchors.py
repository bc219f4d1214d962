"""Which places and dates anchor an attack word (anchors.py), and what the resolver makes of them: a definite
"the attack" names one already told, places that are a base, a border or an owner anchor nothing, several
acts in a sentence stay apart. Fixtures written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimwatch import lang
from claimwatch.anchors import (
    closest_events,
    clusters,
    date_distance,
    definite,
    distance,
    nearest_to,
    not_attack_places,
    tied,
)
from claimwatch.model import DateMention, EventMention, Place, PlaceMention


def _event(text: str, word: str) -> EventMention:
    start = text.index(word)
    return EventMention(start=start, end=start + len(word), text=word, sentence=0)


def _place(text: str, word: str, rank: int = 0, occurrence: int = 0) -> PlaceMention:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(word, start + 1)
    if rank == 2:
        place = Place(name=word, country_code="XX")
    elif rank == 1:
        place = Place(name=word, country_code="XX", admin1=word)
    else:
        place = Place(name=word, country_code="XX", admin1="XX.01", geonameid=1)
    return PlaceMention(start=start, end=start + len(word), text=word, sentence=0, place=place)


def _date(text: str, word: str) -> DateMention:
    start = text.index(word)
    return DateMention(start=start, end=start + len(word), text=word, sentence=0)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Police said the attack left nine dead.", "attack", True),
        ("It was Tuesday's bombing that shut the market.", "bombing", True),
        ("The rebels' latest ambush came at dusk.", "ambush", True),
        ("A bomb went off near the bridge.", "bomb", False),
        ("Officials in the town reported an attack overnight.", "attack", False),
    ],
)
def test_a_definite_attack_word_names_an_attack_already_known(text: str, word: str, expected: bool) -> None:
    assert definite(text, _event(text, word)) is expected


def test_places_tied_to_the_attack_word_and_places_of_the_clause_around_it() -> None:
    text = "The Herat attack was condemned by officials in Kabul."
    assert [p.text for p in tied(text, _event(text, "attack"), [_place(text, "Herat"), _place(text, "Kabul")],
                                 places=True)] == ["Herat"]
    text = "They claimed the attack on a police post in Ghazni, saying it punished Kabul."
    found = tied(text, _event(text, "attack"), [_place(text, "Ghazni"), _place(text, "Kabul")], places=True)
    assert [p.text for p in found] == ["Ghazni"]
    text = "The group claimed the raid that took place near the town of Dakoro."
    assert [p.text for p in tied(text, _event(text, "raid"), [_place(text, "Dakoro")], places=True)] == ["Dakoro"]
    text = "The blast, which officials blamed on rebels, shook Gao."
    assert tied(text, _event(text, "blast"), [_place(text, "Gao")], places=True) == []


def test_dates_tied_to_the_attack_word() -> None:
    text = "The Friday bombing was claimed on Sunday."
    found = tied(text, _event(text, "bombing"), [_date(text, "Friday"), _date(text, "Sunday")], places=False)
    assert [d.text for d in found] == ["Friday"]
    text = "Residents recalled the ambush last March as the worst."
    assert [d.text for d in tied(text, _event(text, "ambush"), [_date(text, "last March")], places=False)] == [
        "last March"
    ]


@pytest.mark.parametrize(
    ("text", "word", "rank", "dropped"),
    [
        ("A Freedonia-based group said it carried out the raid.", "Freedonia", 2, True),
        ("The camp lies in a valley bordering Freedonia.", "Freedonia", 2, True),
        ("The rebels, based in Freedonia, denied it.", "Freedonia", 2, True),
        ("A Freedonia air strike killed the commander.", "Freedonia", 2, True),
        ("Freedonia's farmers fled the fighting.", "Freedonia", 2, True),
        ("Gunmen struck in Freedonia's north on Friday.", "Freedonia", 2, False),
        ("Gunmen killed six in Freedonia on Friday.", "Freedonia", 2, False),
        ("Ruritania officials said a bomb hit Strelsau.", "Strelsau", 0, False),
        ("It was the first raid this large by the militant group from Freedonia.", "Freedonia", 2, True),
        ("Fighters from neighbouring Freedonia crossed at night.", "Freedonia", 2, True),
        ("Tourists from Freedonia were among the dead.", "Freedonia", 2, False),
    ],
)
def test_places_that_are_a_base_a_border_or_an_owner_anchor_no_attack(
    text: str, word: str, rank: int, dropped: bool
) -> None:
    place = _place(text, word, rank)
    assert (place.start in not_attack_places(text, [place])) is dropped


def test_words_that_order_two_acts_keep_their_attack_words_apart() -> None:
    text = "The raid followed the killing of two guards."
    events = [_event(text, "raid"), _event(text, "killing")]
    apart = lang.resources("en").pattern("resolve", "sequence_between")
    assert len(clusters(events, text, apart)) == 2
    assert len(clusters(events)) == 1  # without the words to read, close attack words are one report


# --------------------------------------------------------------------------- through the pipeline


def test_a_definite_attack_word_with_a_foreign_country_in_its_sentence_is_the_same_attack() -> None:
    from claimwatch.pipeline import extract

    result = extract(
        "Gunmen killed six soldiers at a checkpoint in Kandahar on Tuesday. "
        "The attack came days after Germany announced it would withdraw its trainers."
    )
    assert len(result.incidents) == 1
    assert result.incidents[0].place is not None and result.incidents[0].place.country_code == "AF"


def test_an_air_strike_named_after_its_country_does_not_place_the_attack_there() -> None:
    from claimwatch.pipeline import extract

    result = extract(
        "A suicide bomber killed nine people at a market in Mogadishu on Monday. "
        "The bombing came a week after a US air strike killed a senior commander of the group."
    )
    assert all(i.place is None or i.place.country_code != "US" for i in result.incidents)


def test_the_attack_followed_the_killing_of_others_elsewhere_is_two_acts() -> None:
    from claimwatch.pipeline import extract

    result = extract(
        "Militants stormed a police post in Kismayo on Monday, killing four officers. "
        "The attack followed the killing of twelve soldiers in Baidoa on Friday."
    )
    places = sorted(i.place.name for i in result.incidents if i.place is not None)
    assert places == ["Baidoa", "Kismayo"]


def test_a_reference_point_gives_way_to_the_place_the_attack_is_then_named_at() -> None:
    from claimwatch.pipeline import extract

    result = extract(
        "Nine people died when a bomb hit a bus about 40 km north of Kabul on Sunday. "
        "The blast that took place near Charikar was the third this month."
    )
    assert len(result.incidents) == 1
    assert result.incidents[0].place is not None and result.incidents[0].place.name == "Charikar"


def test_meanwhile_with_the_same_place_goes_on_with_the_attack_told() -> None:
    from claimwatch.pipeline import extract

    result = extract(
        "A truck bomb killed 20 people in Mosul on Wednesday. "
        "Meanwhile, state television said 20 people were killed by the blast in Mosul."
    )
    assert len(result.incidents) == 1


def test_an_attack_word_that_only_qualifies_the_noun_after_it_is_not_a_definite_reference() -> None:
    text = "Radio reports named the kidnap victims as two teachers from Oruro."
    assert not definite(text, _event(text, "kidnap"))
    text = "Radio reports said the kidnapping ended at dawn."
    assert definite(text, _event(text, "kidnapping"))


def test_a_plural_attack_word_lists_one_place_per_attack() -> None:
    from claimwatch.anchors import listed_places

    text = "Twin attacks killed nine people in Ruritown and four soldiers in Blefuscu province on Friday."
    event = _event(text, "attacks")
    places = [_place(text, "Ruritown"), _place(text, "Blefuscu province", rank=1)]
    assert [p.text for p in listed_places(text, event, places)] == ["Ruritown", "Blefuscu province"]
    text = "The attacks in Ruritown were condemned in Blefuscu."
    event = _event(text, "attacks")
    assert listed_places(text, event, [_place(text, "Ruritown"), _place(text, "Blefuscu")]) == []


def test_separate_attacks_at_two_places_are_two_incidents_with_their_own_tolls() -> None:
    from claimwatch.extract.gazetteer import name_key
    from claimwatch.pipeline import extract

    result = extract("Separate bombings on Sunday killed 30 people in Kandahar and 12 police officers in Herat.")
    tolls = {name_key(i.place.name): i.killed.value for i in result.incidents if i.place is not None}
    assert set(tolls) == {"kandahar", "herat"}
    assert tolls["kandahar"] == 30


def test_earlier_with_a_place_of_its_own_opens_another_act_despite_a_day_of_slack() -> None:
    from claimwatch.pipeline import extract

    result = extract(
        "Two suicide bombers killed three policemen at a checkpoint in Mardan on Thursday. "
        "Earlier, late on Wednesday night, gunmen shot dead two officers in Charsadda."
    )
    assert len(result.incidents) == 2


def test_an_incident_without_a_place_takes_the_country_the_report_is_about() -> None:
    from claimwatch.pipeline import extract

    result = extract(
        "Nigeria's army said on Monday that it was reinforcing its bases across Nigeria. "
        "Gunmen on motorbikes killed eleven farmers in a hamlet whose name officials withheld. "
        "Attacks on farmers have grown in Nigeria this year."
    )
    # The country alone (Incident.country_code): the place stays unknown rather than becoming the country.
    assert result.incidents and all(i.place is None and i.country == "NG" for i in result.incidents)


def test_of_several_places_the_one_tied_to_the_attack_word_places_it() -> None:
    text = "Officials in Islamabad said the Saturday ambulance bomb in Kabul was the worst this year."
    places = [_place(text, "Islamabad"), _place(text, "Kabul")]
    assert [p.text for p in tied(text, _event(text, "bomb"), places, places=True)] == ["Kabul"]
    text = "Gunmen threw a grenade into a court in Freedonia's Sylvania province on Saturday."
    places = [_place(text, "Freedonia", rank=2), _place(text, "Sylvania province", rank=1)]
    found = tied(text, _event(text, "grenade"), places, places=True)
    assert [p.text for p in found] == ["Freedonia", "Sylvania province"]
    text = "The Freedonian envoy believed the attack was planned abroad."
    assert tied(text, _event(text, "attack"), [_place(text, "Freedonian")], places=True) == []


def test_a_second_blast_moments_later_and_the_second_bomb_are_the_attack_told() -> None:
    from claimwatch.pipeline import extract

    result = extract(
        "A bomb exploded outside a church in Zamboanga on Sunday, killing six worshippers. "
        "A second bomb went off in the car park moments later. "
        "Police said the second bomb had been hidden in a scooter."
    )
    assert len(result.incidents) == 1


def test_another_bomb_with_a_place_of_its_own_is_another_incident() -> None:
    from claimwatch.pipeline import extract

    result = extract(
        "A bomb exploded outside a bank in Jalalabad on Saturday, killing 33 people. "
        "Another bomb went off in Kandahar on Saturday, wounding two."
    )
    assert len(result.incidents) == 2


def test_a_region_before_a_plural_town_list_holds_the_list() -> None:
    from claimwatch.anchors import listed_places

    text = "Soldiers died in attacks in Blefuscu towns of Ruritown and Lilliput last week."
    event = _event(text, "attacks")
    places = [_place(text, "Blefuscu", rank=1), _place(text, "Ruritown"), _place(text, "Lilliput")]
    assert [p.text for p in listed_places(text, event, places)] == ["Ruritown", "Lilliput"]
    # One town after the region is no list: a single attack, placed as before.
    text = "Soldiers died in attacks in Blefuscu towns of Ruritown last week."
    event = _event(text, "attacks")
    assert listed_places(text, event, [_place(text, "Blefuscu", rank=1), _place(text, "Ruritown")]) == []


def test_a_capital_named_after_a_comma_is_tied_to_the_attack_word() -> None:
    text = "The group claimed a bombing in Ruritania province's capital, Ostburg, on Sunday."
    places = [_place(text, "Ruritania province", rank=1), _place(text, "Ostburg")]
    assert [p.text for p in tied(text, _event(text, "bombing"), places, places=True)] == [
        "Ruritania province", "Ostburg"]
    # Any other name after a comma stays outside the attack word's phrase.
    text = "The group claimed a bombing in Ostburg, Westmark officials said."
    places = [_place(text, "Ostburg"), _place(text, "Westmark")]
    assert [p.text for p in tied(text, _event(text, "bombing"), places, places=True)] == ["Ostburg"]


@pytest.mark.parametrize(
    ("text", "country", "region"),
    [
        ("Rebels raided a depot in Freedonia's Upland county on Monday, wounding two guards and burning a truck.",
         "Freedonia", "Upland county"),
        ("Rebels raided a depot in Upland county, Freedonia, on Monday, wounding two guards and burning a truck.",
         "Freedonia", "Upland county"),
    ],
)
def test_a_place_written_against_the_nearest_one_qualifies_the_attack_word_too(
    text: str, country: str, region: str
) -> None:
    raid, burning = _event(text, "raided"), _event(text, "burning")
    places = [_place(text, country, rank=2), _place(text, region, rank=1)]
    assert {p.text for p in nearest_to(raid, [raid, burning], places)} == {country, region}


def test_a_place_apart_from_the_nearest_one_does_not_qualify_the_attack_word() -> None:
    text = "Rebels raided a depot in Upland on Monday, officials in Capitolia said."
    raid = _event(text, "raided")
    places = [_place(text, "Upland"), _place(text, "Capitolia")]
    assert [p.text for p in nearest_to(raid, [raid], places)] == ["Upland"]


# --------------------------------------------------------------------------- the closest attack word, by search


def _spans(draw_starts: list[int], width: int) -> list[tuple[int, int]]:
    return [(s, s + width) for s in draw_starts]


@given(
    st.lists(st.integers(0, 400), min_size=1, max_size=12),
    st.integers(1, 30),
    st.lists(st.integers(0, 420), max_size=12),
    st.booleans(),
)
def test_closest_events_is_what_a_scan_of_every_attack_word_gives(
    event_starts: list[int], width: int, mention_starts: list[int], with_breaks: bool
) -> None:
    # Attack words may overlap and come in any order; ties go to the first in the list, as min() gives.
    text = "".join("," if with_breaks and i % 7 == 0 else "a" for i in range(500))
    events = [EventMention(start=s, end=e, text="x", sentence=0) for s, e in _spans(event_starts, width)]
    mentions = [PlaceMention(start=s, end=s + 4, text="p", sentence=0) for s in mention_starts]
    for far in (distance, date_distance(text)):
        owners = closest_events(events, mentions, far)
        for m in mentions:
            assert owners[id(m)] is min(events, key=lambda e, m=m: far(e, m))
