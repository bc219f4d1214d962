"""How the resolve stage tells one attack from another (resolve.1.*): fixtures written for these tests."""

from __future__ import annotations

from claimwatch.pipeline import extract


def test_an_act_the_sentence_says_came_before_is_an_incident_of_its_own() -> None:
    text = (
        "Gunmen stormed a police post in Kabul on Tuesday, killing four officers. "
        "The assault followed the bombing of a bus in Kandahar on Sunday."
    )
    incidents = extract(text, published="2021-03-10T09:00:00").incidents
    assert len(incidents) == 2
    main, earlier = incidents
    assert (main.place.name if main.place else None, main.date) == ("Kabul", "2021-03-09")
    assert (earlier.place.name if earlier.place else None, earlier.date) == ("Kandahār", "2021-03-07")
    assert "resolve.1.earlier" in earlier.trace


def test_an_earlier_act_without_place_or_date_of_its_own_is_not_split_off() -> None:
    text = (
        "Gunmen stormed a police post in Kabul on Tuesday, killing four officers. "
        "The assault came hours after a bombing, police said."
    )
    assert len(extract(text, published="2021-03-10T09:00:00").incidents) == 1


def test_a_place_named_inside_the_incidents_place_is_the_same_incident() -> None:
    # The first report places the attack in a region only; the next names a town in that region, with no
    # date of its own: the same attack, told more precisely.
    text = (
        "Militants attacked an army post in Balochistan on Monday, killing three soldiers. "
        "Gunmen opened fire on a checkpoint at Quetta in Balochistan, a police officer said."
    )
    incidents = extract(text, published="2021-03-10T09:00:00").incidents
    assert len(incidents) == 1
    assert incidents[0].place is not None and incidents[0].place.name == "Quetta"
    assert "resolve.1.nested" in incidents[0].trace


def test_a_town_inside_the_region_of_the_incident_is_the_same_incident() -> None:
    # The lead names a province only; a later report names a town in it, with no date of its own.
    text = (
        "Militants attacked an army post in Balochistan on Monday, killing three soldiers. "
        "Gunmen opened fire on soldiers at a checkpoint in Quetta, a police officer said."
    )
    incidents = extract(text, published="2021-03-10T09:00:00").incidents
    assert [(i.place.name if i.place else None, i.date) for i in incidents] == [("Quetta", "2021-03-08")]


def test_which_region_a_town_is_in() -> None:
    from claimwatch.anchors import places_fit
    from claimwatch.extract.gazetteer import default_gazetteer, inside_region

    gaz = default_gazetteer()
    quetta, = (e.place for e in gaz.lookup("Quetta") if e.place.country_code == "PK")
    peshawar, = (e.place for e in gaz.lookup("Peshawar") if e.place.country_code == "PK")
    balochistan, = (e.place for e in gaz.lookup("Balochistan") if e.kind == "admin1")
    assert inside_region(quetta, balochistan) is True
    assert inside_region(peshawar, balochistan) is False
    assert places_fit(quetta, balochistan) == "same"
    assert places_fit(peshawar, balochistan) == "near"  # another region's town: only when the dates agree


def test_a_finer_place_told_of_a_known_attack_places_it_better() -> None:
    # The lead places the attack in a country only; a sentence about the same attack names the town in it.
    text = (
        "A car bomb killed seven soldiers at an army base in Pakistan on Tuesday. "
        "The car bomb was driven at the gate of the base and exploded in the city of Quetta, a witness said."
    )
    incidents = extract(text, published="2021-03-10T09:00:00").incidents
    assert [(i.place.name if i.place else None, i.date) for i in incidents] == [("Quetta", "2021-03-09")]
    assert "resolve.2.finer" in incidents[0].trace


def test_two_towns_a_few_kilometres_apart_are_one_scene() -> None:
    from claimwatch.anchors import places_fit
    from claimwatch.model import Place

    town = Place(name="Alpha", country_code="XX", lat=33.70, lon=75.10, admin1="XX.01", geonameid=1)
    neighbour = Place(name="Beta", country_code="XX", lat=33.72, lon=75.25, admin1="XX.01", geonameid=2)  # ~14 km
    distant = Place(name="Gamma", country_code="XX", lat=34.00, lon=75.40, admin1="XX.01", geonameid=3)  # ~43 km
    assert places_fit(town, neighbour) == "same"
    assert places_fit(town, distant) == "apart"
    assert places_fit(town, Place(name="Delta", country_code="XX", admin1="XX.01", geonameid=4)) == "apart"


def test_an_attack_not_made_reports_no_incident() -> None:
    text = (
        "Gunmen killed nine people at a concert hall outside Moscow on Friday. "
        "Officials in Washington said they had shared intelligence about a possible attack with Russia."
    )
    incidents = extract(text, published="2024-03-23T09:00:00").incidents
    assert [i.place.country_code if i.place else None for i in incidents] == ["RU"]
