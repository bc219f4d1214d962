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


def test_an_attack_someone_set_out_to_make_reports_no_incident() -> None:
    text = (
        "Rebels killed eight soldiers in an ambush near Gao on Saturday, the army said. "
        "The group said the troops had come to the village of Tinzar to execute a major attack on Friday."
    )
    incidents = extract(text, published="2021-04-05T09:00:00").incidents
    assert len(incidents) == 1 and incidents[0].killed.value == 8


def test_a_definite_attack_at_a_town_the_gazetteer_cannot_place_is_the_main_incident() -> None:
    # "Zarkot tehsil" is in no table: how far it is from Quetta cannot be told, so "the attack" there is the
    # one the article reports, told more closely.
    text = (
        "A roadside bomb killed five people near Quetta, Pakistan on Wednesday. "
        "Police said two policemen were among those killed in the attack on the main road of Zarkot tehsil."
    )
    incidents = extract(text, published="2025-07-03T09:00:00").incidents
    assert len(incidents) == 1
    assert "resolve.1.untold" in incidents[0].trace


def test_earlier_acts_listed_after_the_days_attack_keep_their_own_places_and_dates() -> None:
    # "followed bombings in A and B": earlier acts; neither is the day's attack nor dated by "Today's".
    text = (
        "A bomb killed a soldier in Balochistan province today. "
        "Today's attack followed bombings in Quetta and Peshawar."
    )
    incidents = extract(text, published="2021-03-10T09:00:00").incidents
    by_place = {i.place.name if i.place else None: i for i in incidents}
    assert incidents[0].place is not None and incidents[0].place.name == "Balochistan"
    assert incidents[0].date == "2021-03-10"
    assert {"Quetta", "Peshawar"} <= set(by_place)
    assert by_place["Quetta"].date != "2021-03-10" and by_place["Peshawar"].date != "2021-03-10"


def test_an_undated_region_gives_way_to_a_dated_town_no_table_places() -> None:
    # The lead names only the province and no day; the next report names a spot no table lists, with a day:
    # nothing says it lies outside the province, so it is the attack the lead told.
    text = (
        "Security forces ended the hijacking of a train in Balochistan province. "
        "The siege began on Tuesday near the Zarkot Tunnel, about 150 km from Quetta, when rebels attacked the train."
    )
    incidents = extract(text, published="2025-03-13T09:00:00").incidents
    assert len(incidents) == 1
    assert incidents[0].date == "2025-03-11"


def test_a_country_accused_of_the_attack_does_not_place_it() -> None:
    text = (
        "Gunmen killed nine people at a concert hall outside Moscow on Friday. "
        "Officials were quick to accuse Ukraine of a terrorist attack."
    )
    incidents = extract(text, published="2024-03-23T09:00:00").incidents
    assert [i.place.country_code if i.place else None for i in incidents] == ["RU"]


def test_german_acts_listed_as_examples_are_incidents_of_their_own() -> None:
    # "unter anderem eine Schießerei ... und ein Selbstmordattentat": two further acts, each its own incident,
    # placed by the city the sentence names before the list.
    text = (
        "Bewaffnete haben am Montag einen Anschlag auf einen Markt in Kandahar verübt. "
        "Die Miliz hat in diesem Jahr mehrere Angriffe in Kabul verübt, unter anderem eine Schießerei in einer Schule "
        "im Westen der Stadt und ein Selbstmordattentat vor einem Ministerium."
    )
    incidents = extract(text, published="2021-03-10T09:00:00", language="de").incidents
    examples = [i for i in incidents if "resolve.1.example" in i.trace]
    assert len(examples) == 2
    assert all(i.place is not None and i.place.name == "Kabul" for i in examples)


def test_the_days_attack_named_again_at_a_town_of_its_region_is_the_same_incident() -> None:
    # Peshawar and Mardan are towns of one province, some 50 km apart: "the Tuesday attack" named at Mardan,
    # the day the lead's Peshawar attack happened, is that attack.
    text = (
        "Gunmen killed six people at a school in Peshawar on Tuesday. "
        "A commander said the Tuesday attack on the school in Mardan was carried out by five men."
    )
    incidents = extract(text, published="2021-03-10T09:00:00").incidents
    assert [(i.place.name if i.place else None, i.date) for i in incidents] == [("Peshawar", "2021-03-09")]
    assert "resolve.1.same-day" in incidents[0].trace


def test_an_undated_report_at_a_town_of_the_incidents_region_is_the_same_incident() -> None:
    # Peshawar and Mardan lie in one province: an undated report of the attack near Mardan tells the dated
    # Peshawar attack more closely, not another one.
    text = (
        "Gunmen killed six policemen at a checkpoint in Peshawar on Tuesday. "
        "The policemen were driving back to their post near Mardan when their vehicle was attacked."
    )
    incidents = extract(text, published="2021-03-10T09:00:00").incidents
    assert [(i.place.name if i.place else None, i.date) for i in incidents] == [("Peshawar", "2021-03-09")]


def test_a_string_of_attacks_an_attack_followed_is_an_act_of_its_own() -> None:
    # "a string of arson attacks ... on Thursday night" counts acts the bombing came after; "a spate of attacks
    # this year" is a remark on attacks in general.
    text = (
        "A roadside bomb killed a soldier in Yala province on Friday. "
        "The blast followed a string of arson attacks on phone towers in Narathiwat province on Thursday night."
    )
    incidents = extract(text, published="2023-05-12T09:00:00").incidents
    assert len(incidents) == 2 and "resolve.1.earlier" in incidents[1].trace
    remark = (
        "A roadside bomb killed a soldier in Yala province on Friday. "
        "Thailand has suffered a spate of attacks in Narathiwat province this year."
    )
    assert len(extract(remark, published="2023-05-12T09:00:00").incidents) == 1


def test_two_provinces_a_day_apart_are_two_incidents() -> None:
    # Two first-level regions of one country whose codes differ are two places, even a day apart.
    text = (
        "A soldier was killed by a roadside bomb in Yala province on Tuesday, police said. "
        "Yesterday two small bomb attacks also hit army patrols in Pattani province, wounding three soldiers."
    )
    incidents = extract(text, published="2015-07-14T12:00:00").incidents
    assert [(i.place.name if i.place else None, i.date) for i in incidents] == [
        ("Yala", "2015-07-14"), ("Pattani", "2015-07-13")]
    assert incidents[0].wounded.value is None and incidents[1].wounded.value == 3


def test_a_town_named_in_a_province_called_after_its_capital_is_that_provinces_incident() -> None:
    # The province shares its capital's name: the town of that name is inside it, so the second report,
    # placed at an unlisted village "in Kirkuk", is the attack told first.
    text = (
        "Militants on Tuesday attacked the army in Kirkuk province, killing two soldiers. "
        "A number of militants attacked Zarqa village in Kirkuk, killing two soldiers, an officer said."
    )
    incidents = extract(text, published="2021-12-07T12:00:00").incidents
    assert len(incidents) == 1
    assert incidents[0].date == "2021-12-07"


def test_the_day_before_a_claim_verb_dates_the_claim_when_the_attack_has_its_own() -> None:
    text = (
        "Militants on Tuesday attacked the army in Kirkuk province, killing two soldiers. "
        "The militants on Tuesday claimed an ambush of a patrol in Kirkuk late on Sunday, "
        "killing four of them."
    )
    incidents = extract(text, published="2021-12-07T12:00:00").incidents
    assert [(i.date, i.killed.value) for i in incidents] == [("2021-12-07", 2), ("2021-12-05", 4)]


def test_an_act_added_with_also_at_another_place_is_an_incident_of_its_own() -> None:
    text = (
        "PESHAWAR - Three policemen were killed when two suicide bombers blew themselves up at the Bara tehsil "
        "compounds in the Khyber tribal district of Pakistan on Thursday, officials said. "
        "A spokesman for the group said they had also killed two guards in an ambush in North "
        "Waziristan on Thursday."
    )
    incidents = extract(text, published="2023-07-21T12:00:00").incidents
    assert [(i.place.name if i.place else None, i.killed.value) for i in incidents] == [
        ("Bara", 3), ("North Waziristan", 2)]
    assert "resolve.1.also-elsewhere" in incidents[1].trace


def test_also_at_the_same_place_goes_on_with_the_attack_told() -> None:
    text = (
        "Gunmen stormed a police post in Kabul on Tuesday, killing four officers. "
        "The attackers also killed two guards at a bank in Kabul, police said."
    )
    assert len(extract(text, published="2021-03-10T09:00:00").incidents) == 1


def test_a_town_and_a_region_agreeing_only_on_a_month_are_two_incidents() -> None:
    # A region and a town the gazetteer cannot put inside or outside it are one scene on one named day, not
    # on a month that holds the day.
    text = (
        "Gunmen shot dead two soldiers in an ambush in North Waziristan on Thursday, officials said. "
        "Earlier this month, five soldiers were killed in an attack on a post in Zhob."
    )
    incidents = extract(text, published="2023-07-21T12:00:00").incidents
    assert [i.place.name if i.place else None for i in incidents] == ["North Waziristan", "Zhob"]


def test_attacks_on_two_named_nights_are_two_incidents_without_places_of_their_own() -> None:
    text = (
        "Three soldiers were wounded when rebels on Friday night fired rifles at an army detachment, the army said. "
        "Two more soldiers were wounded on Saturday night when rebel gunmen attacked an army post."
    )
    incidents = extract(text, published="2014-12-15T09:00:00").incidents
    assert [(i.date, i.wounded.value) for i in incidents] == [("2014-12-12", 3), ("2014-12-13", 2)]


def test_one_night_told_on_both_sides_of_midnight_is_one_incident() -> None:
    text = (
        "Gunmen attacked a police post late on Friday, killing two officers. "
        "The gunmen fled early on Saturday after a gun battle, police said."
    )
    assert len(extract(text, published="2014-12-15T09:00:00").incidents) == 1


def test_places_listed_right_before_a_plural_attack_word_are_one_incident_each() -> None:
    text = (
        "A truck drove into shoppers in Stockholm on Friday, killing four people, police said. "
        "Trucks have been used as weapons in Madrid and Vienna in attacks claimed by the Islamic State."
    )
    incidents = extract(text, published="2017-04-09T09:00:00").incidents
    assert [i.place.name if i.place else None for i in incidents] == ["Stockholm", "Madrid", "Vienna"]
    claims = extract(text, published="2017-04-09T09:00:00").claims
    assert sorted(c.incident_id or "" for c in claims) == ["i2", "i3"]


def test_places_before_a_plural_attack_word_across_a_clause_break_make_no_list() -> None:
    text = (
        "Officials in Madrid and Vienna met on Friday, and later said attacks by the group were likely."
    )
    assert len(extract(text, published="2017-04-09T09:00:00").incidents) <= 1


def test_the_day_before_a_claim_of_several_attacks_dates_none_of_them() -> None:
    text = (
        "The rebels on Monday claimed responsibility for the raids on army camps of the last three days, "
        "among them a failed bombing of a roadside post. "
        "Three soldiers were wounded when rebels on Friday night fired rifles at an army detachment."
    )
    incidents = extract(text, published="2014-12-15T09:00:00").incidents
    assert "2014-12-15" not in [i.date for i in incidents]
